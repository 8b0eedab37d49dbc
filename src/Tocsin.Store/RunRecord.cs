using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;

namespace Tocsin.Store;

/// <summary>What kind of command made a run.</summary>
public static class RunKinds
{
    public const string Scan = "scan";
    public const string Evaluate = "evaluate";
    public const string Iac = "iac";
    public const string Remediate = "remediate";
    public const string Demo = "demo";
}

/// <summary>
/// One part of a run: a whole run, or one shard's share of a run that several workers scan (<c>--shard I/N</c>). The
/// parts of a run share its id, kind and scope.
/// </summary>
/// <param name="Id">The run id: given (<c>--run-id</c>, shared by the shards) or new (<see cref="RunIds.New"/>).</param>
/// <param name="Kind">One of <see cref="RunKinds"/>.</param>
/// <param name="Source">live, snapshot or code.</param>
/// <param name="Scope">What was scanned, in words: the accounts or organization, the regions, the controls.</param>
/// <param name="ScopeKey">The scope spelt so that equal scopes compare equal: <c>tocsin diff</c> compares runs of one scope.</param>
/// <param name="Result">The part's findings, exceptions applied.</param>
public sealed record RunRecord(
    string Id,
    string Kind,
    string Source,
    string Scope,
    string ScopeKey,
    string ToolVersion,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    RunResult Result)
{
    /// <summary>The ARN of the identity that scanned, when AWS said who it is.</summary>
    public string? Caller { get; init; }

    /// <summary>The part of a sharded run; null for a run in one part.</summary>
    public RunShard? Shard { get; init; }

    /// <summary>The exceptions in force for the run (those of the exceptions file, expired or not).</summary>
    public IReadOnlyList<ExceptionEntry> Exceptions { get; init; } = [];

    /// <summary>What the part read, so that a stored finding's fix can be planned again; null when not kept.</summary>
    public CloudInventory? Inventory { get; init; }

    /// <summary>For <c>remediate --apply --yes</c>: each step of the plan and what became of it.</summary>
    public IReadOnlyList<AppliedStep> Steps { get; init; } = [];
}

/// <summary>Shard <paramref name="Index"/> (0-based) of <paramref name="Count"/>.</summary>
public sealed record RunShard(int Index, int Count)
{
    public override string ToString() => $"{Index}/{Count}";
}

/// <summary>One remediation step and what became of it (applied, already done, by hand, failed, not run).</summary>
public sealed record AppliedStep(string AccountId, string Region, string Kind, string Reason, string Description, string Outcome, string Detail);

/// <summary>A run as the store holds it: the sum of its parts.</summary>
/// <param name="Parts">How many parts were recorded.</param>
/// <param name="PartsExpected">How many the run has: the shard count, or 1.</param>
public sealed record StoredRun(
    string Id,
    string Kind,
    string Source,
    string Scope,
    string ScopeKey,
    string ToolVersion,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<string> Callers,
    int Parts,
    int PartsExpected,
    ApiCalls Calls,
    FindingCounts Counts)
{
    public bool Complete => Parts >= PartsExpected;
}

/// <summary>What reading AWS cost a run, summed over its parts; zero for snapshots and code.</summary>
public sealed record ApiCalls(int Calls, int Throttles, int Retries, int Failures);

/// <summary>A run's findings by outcome; suppressed findings are counted apart, whatever their outcome.</summary>
public sealed record FindingCounts(int Pass, int Fail, int Error, int Suppressed)
{
    public int Total => Pass + Fail + Error + Suppressed;
}

/// <summary>New run ids: the UTC time to the second and four random hex digits, so ids sort by time and two at once differ.</summary>
public static class RunIds
{
    public static string New(DateTimeOffset now) =>
        $"{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2))}";

    /// <summary>Letters, digits, <c>.</c>, <c>_</c>, <c>-</c>, <c>:</c>; at most 128 characters: safe in a URL path and in a shell.</summary>
    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':');
}
