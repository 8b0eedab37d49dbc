namespace Tocsin.Remediation.Tests;

/// <summary>
/// One account whose console-signin-without-mfa chain is complete, and the same account with one link broken for
/// each reason code the planner mends.
/// </summary>
internal static class ApplyScenarios
{
    public const string Account = "111111111111";
    public const string KeyId = "AKIAAPPLY00000000001";
    public const string Secret = "apply-secret";
    public const string Control = "console-signin-without-mfa";

    private const string Pattern = """'{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'""";

    private const string Trail = "          - { name: main, logGroup: trail-logs }";

    private const string Filters = $$"""
                    metricFilters:
                      - { name: no-mfa, pattern: {{Pattern}}, metricName: ConsoleSigninWithoutMFA, namespace: CISBenchmark, value: "1" }
        """;

    private const string Alarm = "          - { name: no-mfa, metricName: ConsoleSigninWithoutMFA, namespace: CISBenchmark, actions: [alarms] }";

    private const string Topic = """
                  - name: alarms
                    subscriptions:
                      - { protocol: email, endpoint: sec@example.com, confirmed: true }
        """;

    /// <summary>The scenario with a line set replaced; null keeps the complete chain's.</summary>
    public static string With(string? trails = null, string? filters = null, string? alarms = null, string? topics = null) => $$"""
        regions: [us-east-1]
        accounts:
          - id: "{{Account}}"
            name: security
            email: sec@example.com
            accessKeys:
              - { id: {{KeyId}}, secret: {{Secret}}, user: auditor }
            regions:
              us-east-1:
                trails:
        {{trails ?? Trail}}
                logGroups:
                  - name: trail-logs
        {{filters ?? Filters}}
                alarms:
        {{alarms ?? Alarm}}
                topics:
        {{topics ?? Topic}}
        """;

    /// <summary>Reason code → the scenario that fails with it (and only it, as the first broken link).</summary>
    public static readonly IReadOnlyDictionary<string, string> ByReason = new Dictionary<string, string>
    {
        ["no-trail"] = With(trails: "          []"),
        ["trail-not-multi-region"] = With(trails: "          - { name: main, logGroup: trail-logs, multiRegion: false }"),
        ["trail-not-logging"] = With(trails: "          - { name: main, logGroup: trail-logs, logging: false }"),
        ["no-management-events"] = With(trails: "          - { name: main, logGroup: trail-logs, managementEvents: none }"),
        ["no-management-events-advanced"] = With(trails: """
                  - name: main
                    logGroup: trail-logs
                    advancedEventSelectors: [ { Name: s3-data, FieldSelectors: [ { Field: eventCategory, Equals: [Data] }, { Field: resources.type, Equals: ["AWS::S3::Object"] } ] } ]
        """),
        ["trail-no-cloudwatch-logs"] = With(trails: "          - { name: main }"),
        ["no-metric-filter"] = With(filters: "            metricFilters: []"),
        ["pattern-insufficient"] = With(filters: """
                    metricFilters:
                      - { name: no-mfa, pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.sourceIPAddress = "203.0.113.10") }', metricName: ConsoleSigninWithoutMFA, namespace: CISBenchmark, value: "1" }
        """),
        ["pattern-never-fires"] = With(filters: """
                    metricFilters:
                      - { name: no-mfa, pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.eventName = "Nothing") }', metricName: ConsoleSigninWithoutMFA, namespace: CISBenchmark, value: "1" }
        """),
        ["no-alarm"] = With(alarms: "          []"),
        ["alarm-metric-mismatch"] = With(alarms: "          - { name: no-mfa, metricName: ConsoleSigninWithoutMFA, namespace: Other, actions: [alarms] }"),
        ["alarm-actions-disabled"] = With(alarms: "          - { name: no-mfa, metricName: ConsoleSigninWithoutMFA, namespace: CISBenchmark, actions: [alarms], actionsEnabled: false }"),
        ["alarm-cannot-fire"] = With(alarms: "          - { name: no-mfa, metricName: ConsoleSigninWithoutMFA, namespace: CISBenchmark, actions: [alarms], threshold: 1000 }"),
        ["alarm-no-action"] = With(alarms: "          - { name: no-mfa, metricName: ConsoleSigninWithoutMFA, namespace: CISBenchmark, actions: [] }"),
        ["topic-missing"] = With(alarms: $"          - {{ name: no-mfa, metricName: ConsoleSigninWithoutMFA, namespace: CISBenchmark, actions: [\"arn:aws:sns:us-east-1:{Account}:gone\"] }}"),
        ["topic-policy-denies-cloudwatch"] = With(topics: $$"""
                  - name: alarms
                    policy: '{"Version":"2012-10-17","Statement":[{"Sid":"OwnerOnly","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:root"},"Action":"sns:Subscribe","Resource":"arn:aws:sns:us-east-1:{{Account}}:alarms"}]}'
                    subscriptions:
                      - { protocol: email, endpoint: sec@example.com, confirmed: true }
        """),
        ["topic-key-denies-cloudwatch"] = With(topics: $$"""
                  - name: alarms
                    kmsKey:
                      alias: alias/alarms
                      policy: '{"Version":"2012-10-17","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:root"},"Action":"kms:*","Resource":"*"}]}'
                    subscriptions:
                      - { protocol: email, endpoint: sec@example.com, confirmed: true }
        """),
        ["no-confirmed-subscription"] = With(topics: """
                  - name: alarms
                    subscriptions: []
        """),
    };
}
