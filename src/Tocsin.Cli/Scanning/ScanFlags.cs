using System.CommandLine;
using Tocsin.Aws.Collection;
using Tocsin.Aws.Http;
using Tocsin.Cli.Configuration;
using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Yaml;

namespace Tocsin.Cli.Scanning;

/// <summary>
/// The flags that say what to scan (<c>scan</c>, <c>remediate</c>): where to start, which accounts and regions, the
/// endpoint; else tocsin.yaml (in the working directory, or <c>--config</c>); else the account of the default credentials.
/// </summary>
/// <param name="sharded">Whether the command takes <c>--shard</c> (scan: a worker's part of the accounts is reported; a
/// fix planned from part of an organization would be planned differently, so remediate and rollout do not).</param>
internal sealed class ScanFlags(bool sharded = false)
{
    private readonly Option<string?> _profile = new("--profile") { Description = "The AWS profile to start from (SSO and assume-role profiles work)." };
    private readonly Option<string[]> _regions = new("--region") { Description = "Only this region; repeat for several (default: every enabled region)." };
    private readonly Option<bool> _organization = new("--org") { Description = "Scan every account of the organization, assuming --role-name in each." };
    private readonly Option<string?> _roleName = new("--role-name") { Description = "The role to assume in each member account." };
    private readonly Option<string?> _externalId = new("--external-id") { Description = "The external id the role's trust policy asks for." };
    private readonly Option<string?> _sessionName = new("--session-name") { Description = "The role session name (default tocsin-scan)." };
    private readonly Option<string?> _accounts = new("--accounts") { Description = "Comma-separated account ids: narrows --org, or names the accounts to reach with --role-name." };
    private readonly Option<int?> _concurrency = new("--concurrency") { Description = "Accounts and regions read at once (default 16)." };
    private readonly Option<string?> _endpoint = new("--endpoint-url") { Description = "Send every call to this endpoint (the Tocsin emulator, moto)." };
    private readonly Option<string?> _snapshotOut = new("--snapshot-out") { Description = "Save the collected inventory, for `tocsin evaluate`." };
    private readonly Option<bool> _demoCredentials = new(DemoCredentials.Flag) { Description = "Sign with the demo organization's management-account key (`tocsin emulator --scenario demo-org`); only for a loopback --endpoint-url." };
    private readonly Option<string?> _shard = new("--shard") { Description = "Read and report only shard I of N (I from 0 to N-1): the accounts whose id mod N is I, so N workers split the accounts between them.", HelpName = "I/N" };
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Log every AWS call on standard error: action, account, region, status, latency (never a credential)." };
    private readonly Option<string?> _evidence = new("--evidence")
    {
        Description = "minimal: stop reading an account once a passing chain is proven for every control (the default); full: read every region and every candidate chain, for the evidence (the default with --snapshot-out).",
        HelpName = "full|minimal",
    };

    private readonly Option<string?> _configPath = new("--config") { Description = $"The scan file (default: {ScanConfigFile.DefaultName} in the working directory, if there is one)." };

    public void AddTo(Command command)
    {
        _evidence.AcceptOnlyFromAmong("full", "minimal");
        foreach (var option in new Option[] { _profile, _regions, _organization, _roleName, _externalId, _sessionName, _accounts, _concurrency, _endpoint, _snapshotOut, _evidence, _demoCredentials, _configPath, _verbose })
        {
            command.Options.Add(option);
        }

        if (sharded)
        {
            command.Options.Add(_shard);
        }
    }

    /// <summary>The scan file the flags name, or the one in the working directory; null when there is none.</summary>
    public ScanConfig? LoadConfig(ParseResult parse)
    {
        var explicitPath = parse.GetValue(_configPath);
        var path = explicitPath ?? (File.Exists(ScanConfigFile.DefaultName) ? ScanConfigFile.DefaultName : null);
        if (path is null)
        {
            return null;
        }

        try
        {
            using var reader = new StringReader(CliOptions.ReadFile(path));
            return ScanConfigFile.Parse(reader, path);
        }
        catch (YamlFileException invalid)
        {
            throw new UsageException(invalid.Message);
        }
    }

    /// <summary>What to scan: the targets the flags name, else those of tocsin.yaml.</summary>
    /// <param name="judging">How the report will judge the chains (a minimal reading stops only on chains that pass so).</param>
    public ScanPlan Plan(ParseResult parse, ScanConfig? config, IReadOnlyList<Control> controls, EvaluationOptions judging)
    {
        var targetFlags = new Option[] { _profile, _organization, _roleName, _externalId, _accounts }.Any(option => parse.GetResult(option) is { Implicit: false });
        if (parse.GetValue(_organization) && parse.GetValue(_roleName) is null)
        {
            throw new UsageException("--org needs --role-name, the role to assume in each member account");
        }

        var onlyRegions = parse.GetValue(_regions) is { Length: > 0 } given ? given : null;
        IReadOnlyList<ScanTarget> targets = targetFlags || config is null
            ? [new ScanTarget(parse.GetValue(_profile) ?? (parse.GetValue(_demoCredentials) ? "demo credentials" : "default credentials"), parse.GetValue(_profile), parse.GetValue(_organization), parse.GetValue(_roleName),
                parse.GetValue(_externalId), parse.GetValue(_sessionName), SplitAccounts(parse.GetValue(_accounts)), onlyRegions)]
            : [.. config.Targets.Select(t => t with { Regions = onlyRegions ?? t.Regions, SessionName = parse.GetValue(_sessionName) ?? t.SessionName })];
        var snapshotOut = parse.GetValue(_snapshotOut);
        return new ScanPlan(targets, controls, parse.GetValue(_concurrency) ?? config?.Concurrency ?? 16,
            EndpointUri(parse.GetValue(_endpoint) ?? config?.EndpointUrl), snapshotOut, judging,
            Evidence(parse.GetValue(_evidence) ?? config?.Evidence, snapshotOut is not null), Shard(parse.GetValue(_shard)));
    }

    /// <summary>
    /// Minimal unless asked otherwise; full when a snapshot is saved, since a snapshot is judged again later, perhaps
    /// with other controls or a stricter policy, and must hold every candidate for that.
    /// </summary>
    private static EvidenceScope Evidence(string? asked, bool savingSnapshot) => asked switch
    {
        "full" => EvidenceScope.Full,
        "minimal" => EvidenceScope.Minimal,
        _ => savingSnapshot ? EvidenceScope.Full : EvidenceScope.Minimal,
    };

    /// <summary>What collects the plan: the usual credential chain, or the demo organization's key with <c>--demo-credentials</c>.</summary>
    public ScanRunner Runner(ParseResult parse, ScanPlan plan, CliConsole console)
    {
        var log = parse.GetValue(_verbose) ? CallLog(console) : null;
        if (!parse.GetValue(_demoCredentials))
        {
            return new ScanRunner(new CollectorOptions { CallLog = log }, console);
        }

        if (parse.GetValue(_profile) is not null)
        {
            throw new UsageException($"{DemoCredentials.Flag} and --profile name two different identities: give one");
        }

        return new ScanRunner(DemoCredentials.Collector() with { CallLog = log }, console, DemoCredentials.For(plan.EndpointUrl));
    }

    /// <summary>One line per AWS call on standard error (<c>--verbose</c>).</summary>
    private static Action<ApiCallRecord> CallLog(CliConsole console)
    {
        var log = UntilStopped.LineLog(console, "aws");
        return call => log(call.ToString());
    }

    /// <summary>Whether any flag that names what to scan was given (a command that can also read a snapshot refuses both).</summary>
    public bool AnyGiven(ParseResult parse) =>
        new Option[] { _profile, _regions, _organization, _roleName, _externalId, _accounts, _endpoint, _demoCredentials, _configPath }.Any(option => parse.GetResult(option) is { Implicit: false });

    private static IReadOnlyList<string>? SplitAccounts(string? list)
    {
        var ids = list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids?.FirstOrDefault(id => id.Length != 12 || !id.All(char.IsAsciiDigit)) is { } bad)
        {
            throw new UsageException($"--accounts: `{bad}` is not a 12-digit account id");
        }

        return ids;
    }

    private static ShardSpec? Shard(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var (shard, problem) = ShardSpec.Parse(text);
        return shard ?? throw new UsageException($"--shard: {problem}");
    }

    private static Uri? EndpointUri(string? text) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new UsageException($"--endpoint-url: `{text}` is not an http or https URL");
}
