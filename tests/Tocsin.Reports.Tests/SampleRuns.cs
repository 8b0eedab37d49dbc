using Tocsin.Core.Patterns.Verdicts;
using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;

namespace Tocsin.Reports.Tests;

/// <summary>Findings as the evaluator reports them for a small organization.</summary>
internal static class SampleRuns
{
    public const string Seed = "console-signin-without-mfa";

    public static readonly ExceptionEntry Exception = new(
        Seed, ["333333333333"], null, null, "security@example.com", "Sandbox account, closed in March", new DateOnly(2027, 3, 31), "exceptions.yaml", 2);

    public static readonly ExceptionEntry ExpiredException = new(
        "root-account-usage", ["111111111111"], "us-east-1", null, "platform@example.com", "Migration", new DateOnly(2026, 1, 31), "exceptions.yaml", 9);

    public static Finding Pass => new(
        Seed,
        "111111111111",
        "us-east-1",
        Outcome.Pass,
        [],
        "alarm console-signin-without-mfa notifies 1 confirmed subscriber of security-alarms",
        new Evidence(
            [
                "arn:aws:cloudtrail:us-east-1:111111111111:trail/management-events",
                "arn:aws:logs:us-east-1:111111111111:log-group:aws-cloudtrail-logs",
                "arn:aws:sns:us-east-1:111111111111:security-alarms",
            ],
            []))
    {
        Verdict = VerdictKind.Equivalent,
        LiteralVerdict = LiteralVerdict.Match,
    };

    public static Finding Fail => new(
        Seed,
        "222222222222",
        "us-east-1",
        Outcome.Fail,
        [ReasonCode.NoConfirmedSubscription],
        "alarm console-signin-without-mfa has no confirmed subscriber: the only subscription is PendingConfirmation",
        new Evidence(["arn:aws:cloudtrail:us-east-1:111111111111:trail/organization-trail"], ["arn:aws:cloudtrail:us-east-1:222222222222:trail/old"]))
    {
        Verdict = VerdictKind.Tuned,
        LiteralVerdict = LiteralVerdict.NoMatch,
        InheritedFrom = "111111111111",
    };

    public static Finding SuppressedError => new(
        Seed, "333333333333", null, Outcome.Error, [ReasonCode.AccessDenied], "could not read the account: sts:AssumeRole denied", Evidence.None)
    {
        SuppressedBy = Exception,
    };

    /// <summary>A tuned pattern that passes, naming the population it drops.</summary>
    public static Finding TunedPass => new(
        Seed,
        "444444444444",
        "eu-west-1",
        Outcome.Pass,
        [],
        "alarm signin-no-mfa notifies 2 confirmed subscribers of alerts; the pattern is tuned: it no longer alerts on root-no-mfa",
        new Evidence(
            [
                "arn:aws:cloudtrail:eu-west-1:444444444444:trail/main",
                "arn:aws:logs:eu-west-1:444444444444:log-group:trail-logs",
                "metric-filter:trail-logs/signin-no-mfa",
                "arn:aws:cloudwatch:eu-west-1:444444444444:alarm:signin-no-mfa",
                "arn:aws:sns:eu-west-1:444444444444:alerts",
                "arn:aws:sns:eu-west-1:444444444444:alerts:0b6941c7-5d4f-4a3b-9c1e-7f2d8e6a1b20",
            ],
            []))
    {
        Verdict = VerdictKind.Tuned,
        LiteralVerdict = LiteralVerdict.NoMatch,
        Pattern = new JudgedPattern(
            "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = \"IAMUser\") }",
            "cis-strict",
            ["root-no-mfa"],
            [],
            "equals the accepted variant cis-strict, which no longer alerts on root-no-mfa"),
    };

    /// <summary>A failing finding whose names come from AWS and are hostile to HTML, CSV and shells.</summary>
    public static Finding Hostile => new(
        "root-account-usage",
        "555555555555",
        "us-east-1",
        Outcome.Fail,
        [ReasonCode.AlarmNoAction],
        "alarm <img src=x onerror=alert(1)> notifies nobody: it has no SNS alarm action",
        new Evidence(
            [
                "arn:aws:cloudtrail:us-east-1:555555555555:trail/main",
                "arn:aws:logs:us-east-1:555555555555:log-group:=HYPERLINK(\"http://x\")",
                "metric-filter:=HYPERLINK(\"http://x\")/root",
                "arn:aws:cloudwatch:us-east-1:555555555555:alarm:<img src=x onerror=alert(1)>",
            ],
            []))
    {
        Verdict = VerdictKind.Equivalent,
        LiteralVerdict = LiteralVerdict.Match,
        Pattern = new JudgedPattern(
            "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
            null,
            [],
            [],
            "matches exactly the events of the reference cis"),
    };

    /// <summary>A finding on infrastructure code: each link with its file and lines.</summary>
    public static Finding IacFail => new(
        Seed,
        "123456789012",
        "us-east-1",
        Outcome.Fail,
        [ReasonCode.PatternInsufficient],
        "metric filter signin-no-mfa alerts only on failed sign-ins: it misses iam-user-no-mfa, root-no-mfa",
        new Evidence(
            [
                "arn:aws:cloudtrail:us-east-1:123456789012:trail/main",
                "arn:aws:logs:us-east-1:123456789012:log-group:trail-logs",
                "metric-filter:trail-logs/signin-no-mfa",
            ],
            []))
    {
        Verdict = VerdictKind.Insufficient,
        LiteralVerdict = LiteralVerdict.NoMatch,
        Pattern = new JudgedPattern(
            "{ $.eventName = \"ConsoleLogin\" && $.errorMessage EXISTS }",
            null,
            ["iam-user-no-mfa", "root-no-mfa"],
            [],
            "misses iam-user-no-mfa, root-no-mfa"),
        Locations =
        [
            new Location("arn:aws:cloudtrail:us-east-1:123456789012:trail/main", "infra/trail.tf", 1, 12),
            new Location("arn:aws:logs:us-east-1:123456789012:log-group:trail-logs", "infra/trail.tf", 14, 17),
            new Location("metric-filter:trail-logs/signin-no-mfa", "infra/monitoring/filters.tf", 3, 13),
        ],
    };

    public static RunResult Run() => RunResult.Of([SuppressedError, Fail, Pass], [ExpiredException]);

    /// <summary>Every kind of finding at once: pass, tuned pass, fail, suppressed error, hostile names, an expired exception.</summary>
    public static RunResult Mixed() => RunResult.Of([SuppressedError, Fail, Pass, TunedPass, Hostile], [ExpiredException]);

    /// <summary>A run over infrastructure code.</summary>
    public static RunResult Iac() => RunResult.Of([IacFail]);
}
