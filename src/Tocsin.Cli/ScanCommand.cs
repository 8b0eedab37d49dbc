using System.CommandLine;
using Tocsin.Aws.Collection;
using Tocsin.Cli.Configuration;
using Tocsin.Cli.Scanning;
using Tocsin.Core.Yaml;

namespace Tocsin.Cli;

/// <summary>
/// <c>tocsin scan</c>: collect from AWS, evaluate, report. What to scan comes from the flags, else from tocsin.yaml
/// (in the working directory, or <c>--config</c>), else the account of the default credentials.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(CliConsole console)
    {
        var profile = new Option<string?>("--profile") { Description = "The AWS profile to start from (SSO and assume-role profiles work)." };
        var regions = new Option<string[]>("--region") { Description = "Only this region; repeat for several (default: every enabled region)." };
        var organization = new Option<bool>("--org") { Description = "Scan every account of the organization, assuming --role-name in each." };
        var roleName = new Option<string?>("--role-name") { Description = "The role to assume in each member account." };
        var externalId = new Option<string?>("--external-id") { Description = "The external id the role's trust policy asks for." };
        var sessionName = new Option<string?>("--session-name") { Description = "The role session name (default tocsin-scan)." };
        var accounts = new Option<string?>("--accounts") { Description = "Comma-separated account ids: narrows --org, or names the accounts to reach with --role-name." };
        var concurrency = new Option<int?>("--concurrency") { Description = "Accounts and regions read at once (default 16)." };
        var endpoint = new Option<string?>("--endpoint-url") { Description = "Send every call to this endpoint (the Tocsin emulator, moto)." };
        var snapshotOut = new Option<string?>("--snapshot-out") { Description = "Save the collected inventory, for `tocsin evaluate`." };
        var demoCredentials = new Option<bool>(DemoCredentials.Flag) { Description = "Sign with the demo organization's management-account key (`tocsin emulator --scenario demo-org`); only for a loopback --endpoint-url." };
        var configPath = new Option<string?>("--config") { Description = $"The scan file (default: {ScanConfigFile.DefaultName} in the working directory, if there is one)." };
        var flags = new ReportFlags();
        var command = new Command("scan", "Collect the chains from AWS, evaluate every control, and report.")
        {
            profile, regions, organization, roleName, externalId, sessionName, accounts, concurrency, endpoint, snapshotOut, demoCredentials, configPath,
        };
        flags.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var config = LoadConfig(parse.GetValue(configPath));
            var targetFlags = new Option[] { profile, organization, roleName, externalId, accounts }.Any(option => parse.GetResult(option) is { Implicit: false });
            if (parse.GetValue(organization) && parse.GetValue(roleName) is null)
            {
                throw new UsageException("--org needs --role-name, the role to assume in each member account");
            }

            var onlyRegions = parse.GetValue(regions) is { Length: > 0 } given ? given : null;
            IReadOnlyList<ScanTarget> targets = targetFlags || config is null
                ? [new ScanTarget(parse.GetValue(profile) ?? "default credentials", parse.GetValue(profile), parse.GetValue(organization), parse.GetValue(roleName),
                    parse.GetValue(externalId), parse.GetValue(sessionName), SplitAccounts(parse.GetValue(accounts)), onlyRegions)]
                : [.. config.Targets.Select(t => t with { Regions = onlyRegions ?? t.Regions, SessionName = parse.GetValue(sessionName) ?? t.SessionName })];
            var plan = new ScanPlan(targets, flags.Controls(parse, config), parse.GetValue(concurrency) ?? config?.Concurrency ?? 16,
                EndpointUri(parse.GetValue(endpoint) ?? config?.EndpointUrl), parse.GetValue(snapshotOut));
            if (parse.GetValue(demoCredentials) && parse.GetValue(profile) is not null)
            {
                throw new UsageException($"{DemoCredentials.Flag} and --profile name two different identities: give one");
            }

            var runner = parse.GetValue(demoCredentials)
                ? new ScanRunner(DemoCredentials.Collector(), console, DemoCredentials.For(plan.EndpointUrl))
                : new ScanRunner(new CollectorOptions(), console);
            return await RunAsync(parse, flags, config, runner, plan, console, cancellationToken);
        });
        return command;
    }

    /// <summary>Collects, reports, and returns the exit code; a target that could not start makes it at least 2.</summary>
    public static async Task<int> RunAsync(ParseResult parse, ReportFlags flags, ScanConfig? config, ScanRunner runner, ScanPlan plan, CliConsole console, CancellationToken cancellationToken)
    {
        var outcome = await runner.RunAsync(plan, cancellationToken);
        if (outcome.FailedTargets.Count == plan.Targets.Count)
        {
            // Nothing was read: an empty report would only hide the messages above it.
            return ExitCodes.UsageError;
        }

        var exit = flags.Report(parse, outcome.Inventory, console, config, outcome.Collection);
        return outcome.FailedTargets.Count > 0 ? Math.Max(exit, ExitCodes.UsageError) : exit;
    }

    private static ScanConfig? LoadConfig(string? explicitPath)
    {
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

    private static IReadOnlyList<string>? SplitAccounts(string? list)
    {
        var ids = list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids?.FirstOrDefault(id => id.Length != 12 || !id.All(char.IsAsciiDigit)) is { } bad)
        {
            throw new UsageException($"--accounts: `{bad}` is not a 12-digit account id");
        }

        return ids;
    }

    private static Uri? EndpointUri(string? text) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new UsageException($"--endpoint-url: `{text}` is not an http or https URL");
}
