using Tocsin.Core.Findings;

namespace Tocsin.Reports.Tests;

/// <summary>Findings the SARIF tests need beyond <see cref="SampleRuns"/>.</summary>
internal static class SarifSamples
{
    public static readonly DateTimeOffset Morning = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    public static ReportContext Live => new(Morning);

    public static ReportContext Code => new(Morning, ReportSource.InfrastructureCode);

    /// <summary>The failing finding of <see cref="SampleRuns"/> in another account, same control and region.</summary>
    public static Finding FailElsewhere => SampleRuns.Fail with { AccountId = "999999999999", InheritedFrom = null };

    /// <summary>Code whose alarm is missing: the broken link has no file, so the deepest link with one is the primary location.</summary>
    public static Finding IacNoAlarm => SampleRuns.IacFail with
    {
        Reasons = [ReasonCode.NoAlarm],
        Message = "no alarm watches the metric of metric filter signin-no-mfa",
        Pattern = null,
        Locations =
        [
            new Location("arn:aws:cloudtrail:us-east-1:123456789012:trail/main", "infra/trail.tf", 1, 12),
            new Location("metric-filter:trail-logs/signin-no-mfa", "infra/monitoring/filters.tf", 3, 13),
        ],
    };

    /// <summary>An alarm whose name looks like a SARIF embedded link and a JSON breakout.</summary>
    public static Finding LinkLookalike => SampleRuns.Hostile with
    {
        AccountId = "666666666666",
        Message = "alarm [click](1) \"},{\"x\":\"\\u0000 notifies nobody",
    };

    /// <summary>Many failing findings over a few controls, for GitHub's result limit.</summary>
    public static RunResult Many(int count) => RunResult.Of(
        Enumerable.Range(0, count).Select(index => (index % 3) switch
        {
            0 => SampleRuns.Fail with { AccountId = $"{index:D12}" },
            1 => SampleRuns.Hostile with { AccountId = $"{index:D12}", ControlId = "unauthorized-api-calls" },
            _ => SampleRuns.SuppressedError with { AccountId = $"{index:D12}" },
        }));
}
