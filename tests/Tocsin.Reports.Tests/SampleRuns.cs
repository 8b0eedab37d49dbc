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
        Verdict = FilterVerdict.Equivalent,
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
        Verdict = FilterVerdict.Tuned,
        LiteralVerdict = LiteralVerdict.NoMatch,
        InheritedFrom = "111111111111",
    };

    public static Finding SuppressedError => new(
        Seed, "333333333333", null, Outcome.Error, [ReasonCode.AccessDenied], "could not read the account: sts:AssumeRole denied", Evidence.None)
    {
        SuppressedBy = Exception,
    };

    public static RunResult Run() => RunResult.Of([SuppressedError, Fail, Pass], [ExpiredException]);
}
