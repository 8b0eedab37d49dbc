using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory.Snapshots;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Store.Tests;

/// <summary>Runs and findings as the commands record them, built by hand so every field is exercised.</summary>
internal static class Runs
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    public static readonly ExceptionEntry Exception = new("cis-aws-1.2:3.2", ["222222222222"], "eu-west-1", null, "platform-team", "sandbox, no console users", new DateOnly(2026, 12, 20), "exceptions.yaml", 4);

    public static Finding Pass(string account, string control = "console-signin-without-mfa") =>
        new(control, account, "us-east-1", Outcome.Pass, [], $"alerts: alarm of {account} notifies a confirmed subscriber", new Evidence(["arn:aws:cloudtrail:us-east-1:" + account + ":trail/main"], []));

    public static Finding Fail(string account, string control = "console-signin-without-mfa", ReasonCode reason = ReasonCode.NoConfirmedSubscription) =>
        new(control, account, "us-east-1", Outcome.Fail, [reason], $"{account}: {reason.ToCode()}", new Evidence(["arn:aws:cloudtrail:us-east-1:" + account + ":trail/main"], ["arn:aws:logs:us-east-1:" + account + ":log-group:other"]));

    public static Finding Error(string account, string control = "console-signin-without-mfa") =>
        new(control, account, null, Outcome.Error, [ReasonCode.AccessDenied], "cloudtrail:DescribeTrails was denied", Evidence.None);

    /// <summary>A finding with every optional field set.</summary>
    public static Finding Rich(string account) =>
        new Finding("console-signin-without-mfa", account, "eu-west-1", Outcome.Fail, [ReasonCode.PatternInsufficient, ReasonCode.NoConfirmedSubscription],
            "the filter misses root sign-ins <script>alert(1)</script>", new Evidence(["arn:a", "arn:b"], ["arn:c"]))
        {
            Verdict = VerdictKind.Insufficient,
            Pattern = new JudgedPattern("{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = \"IAMUser\") }", "cis-strict", ["root-no-mfa"], [], "misses root"),
            LiteralVerdict = LiteralVerdict.NoMatch,
            SuppressedBy = Exception,
            InheritedFrom = "111111111111",
            Locations = [new Location("trail", "infra/main.tf", 3, 12), new Location("alarm", "infra/alarm.tf", null, null)],
            Chain = AlertChain.EventBridge,
            OtherChain = new ChainState(AlertChain.MetricFilter, Outcome.Fail, [ReasonCode.NoMetricFilter], "no metric filter on the trail's log group", ["arn:d"]),
        };

    public static RunRecord Record(string id, DateTimeOffset at, params Finding[] findings) =>
        new(id, RunKinds.Scan, "live", "organization through role R in every region; every control", "org|R", "0.1.0", at, at.AddMinutes(2), RunResult.Of(findings))
        {
            Caller = "arn:aws:iam::111111111111:user/auditor",
        };

    public static Core.Inventory.CloudInventory Inventory(string snapshot) =>
        Snapshot.Parse(File.ReadAllText(RepositoryFiles.Snapshot(snapshot)), snapshot);
}
