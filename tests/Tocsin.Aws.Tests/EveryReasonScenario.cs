using Tocsin.Emulator.Faults;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Aws.Tests;

/// <summary>
/// Standalone accounts in two regions, one for each way a chain breaks or cannot be seen (every reason code), and
/// accounts that pass in ways a partial reading must get right: the second candidate, a trail homed in the other
/// region, a topic in another region, a tuned pattern. Scanned from the auditor account through TocsinAuditRole.
/// </summary>
internal static class EveryReasonScenario
{
    public const string Auditor = "300000000001";

    public const string KeyId = "AKIAEVERYREASON00001";

    public const string Secret = "every-reason";

    public static readonly string[] Audited = ["300000000002", "300000000003", "300000000004", "300000000005", "300000000006", "300000000007", "300000000008", "300000000009", "300000000010", "300000000011", "300000000012", "300000000013", "300000000014", "300000000015", "300000000016", "300000000017", "300000000018", "300000000019", "300000000020", "300000000021", "300000000022", "300000000023", "300000000024", "300000000025", "300000000026", "300000000027", "300000000028", "300000000029"];

    public static Scenario Scenario => Scenario.Parse(Yaml, "every-reason.yaml");

    public static FaultPlan Faults => FaultPlan.Parse(FaultsYaml, "every-reason-faults.yaml");

    private const string Yaml = """
regions: [us-east-1, us-west-2]
accounts:
  # the scanning account: a complete chain in us-east-1
  - id: "300000000001"
    name: auditor
    accessKeys:
      - id: AKIAEVERYREASON00001
        secret: every-reason
        user: auditor
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # a complete chain in us-east-1 (a compliant account)
  - id: "300000000002"
    name: passes
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # the first candidate (by ARN, us-east-1) is pending, the second (us-west-2) passes
  - id: "300000000003"
    name: passes-second
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: false
      us-west-2:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # a complete chain homed in us-west-2, seen from us-east-1 as a shadow trail
  - id: "300000000004"
    name: passes-in-west
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-west-2:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # the alarm in us-east-1 notifies a topic in us-west-2
  - id: "300000000005"
    name: cross-region-topic
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [arn:aws:sns:us-west-2:300000000005:security-alarms]
      us-west-2:
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # no trail at all
  - id: "300000000006"
    name: no-trail
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
  # a complete chain behind a single-region trail in us-west-2
  - id: "300000000007"
    name: single-region
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-west-2:
        trails:
          - name: management-events
            multiRegion: false
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # the trail is stopped
  - id: "300000000008"
    name: not-logging
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: false
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # the trail records read-only management events
  - id: "300000000009"
    name: read-only
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
            managementEvents: readOnly
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # the trail delivers to S3 only
  - id: "300000000010"
    name: no-cloudwatch-logs
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
  # the log group has no metric filter
  - id: "300000000011"
    name: no-filter
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
  # the pattern catches only failed sign-ins
  - id: "300000000012"
    name: insufficient
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.responseElements.ConsoleLogin = "Failure") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # the pattern names a field CloudTrail never writes
  - id: "300000000013"
    name: never-fires
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventname = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # the pattern does not parse
  - id: "300000000014"
    name: unparseable
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") '
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # no alarm on the metric
  - id: "300000000015"
    name: no-alarm
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # the alarm watches another namespace
  - id: "300000000016"
    name: namespace
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CloudTrailMetrics
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # the alarm has its actions disabled
  - id: "300000000017"
    name: actions-disabled
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: false
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # the alarm needs five events
  - id: "300000000018"
    name: cannot-fire
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 5
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # the alarm notifies nobody
  - id: "300000000019"
    name: no-action
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: []
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # the alarm notifies a topic that does not exist
  - id: "300000000020"
    name: topic-missing
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [arn:aws:sns:us-east-1:300000000020:gone]
  # the topic policy does not let CloudWatch publish
  - id: "300000000021"
    name: policy-denies
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            policy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::300000000021:root"}, "Action": "sns:Subscribe", "Resource": "*"}]}'
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # the topic key does not let CloudWatch use it
  - id: "300000000022"
    name: key-denies
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            kmsKey:
              alias: alias/alarms
              policy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::300000000022:root"}, "Action": "kms:*", "Resource": "*"}]}'
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # the only subscription is pending confirmation
  - id: "300000000023"
    name: pending
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: false
  # the topic policy lets CloudWatch publish only from some addresses
  - id: "300000000024"
    name: unresolved
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            policy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudwatch.amazonaws.com"}, "Action": "sns:Publish", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}'
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # DescribeMetricFilters is denied (faults)
  - id: "300000000025"
    name: filters-denied
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # DescribeAlarms is always throttled (faults)
  - id: "300000000026"
    name: alarms-throttled
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # GetTopicAttributes always fails (faults)
  - id: "300000000027"
    name: topic-unavailable
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # DescribeTrails is denied in us-west-2, where the only trail lives (faults)
  - id: "300000000028"
    name: listing-denied
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-west-2:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true
  # the CIS strict variant, passing; no root-usage alarm covers what it drops
  - id: "300000000029"
    name: tuned
    roles:
      - name: TocsinAuditRole
        trustedAccounts: ["300000000001"]
    regions:
      us-east-1:
        trails:
          - name: management-events
            multiRegion: true
            logging: true
            logGroup: cloudtrail
        logGroups:
          - name: cloudtrail
            metricFilters:
              - name: console-signin-without-mfa
                pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }'
                metricName: ConsoleSigninWithoutMFA
                namespace: CISBenchmark
        alarms:
          - name: console-signin-without-mfa
            metricName: ConsoleSigninWithoutMFA
            namespace: CISBenchmark
            statistic: Sum
            threshold: 1
            actionsEnabled: true
            actions: [security-alarms]
        topics:
          - name: security-alarms
            subscriptions:
              - endpoint: security@example.com
                confirmed: true

""";

    private const string FaultsYaml = """
seed: 3
rules:
  - account: "300000000026"
    operation: cloudwatch:DescribeAlarms
    throttle: 1.0
  - account: "300000000027"
    operation: sns:GetTopicAttributes
    serverError: 1.0
accessDenied:
  - account: "300000000025"
    operation: logs:DescribeMetricFilters
  - account: "300000000028"
    region: us-west-2
    operation: cloudtrail:DescribeTrails

""";
}
