using System.Diagnostics;
using System.Text.Json;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Cli.Tests;

/// <summary>
/// <c>tocsin remediate --via eventbridge --format cli</c> for an emulated account with a multi-region trail and no
/// alerting at all, run by the real AWS CLI v1 against the emulator: afterwards <c>tocsin scan --accept
/// eventbridge</c> passes by the EventBridge chain, a second run of the script changes nothing, and a new plan is
/// empty.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class EventBridgeRemediationScriptTests
{
    private const string Account = "111111111111";
    private const string KeyId = "AKIAREMEDY0000000001";
    private const string Secret = "remedy-secret";
    private static readonly string[] Inherited = ["PATH", "PYENV_ROOT", "PYENV_VERSION", "LANG", "TMPDIR"];

    private const string TrailOnly = """
        regions: [us-east-1, eu-west-1]
        accounts:
          - id: "111111111111"
            name: trail-only
            accessKeys:
              - { id: AKIAREMEDY0000000001, secret: remedy-secret, user: admin }
            regions:
              us-east-1:
                trails:
                  - { name: main, multiRegion: true }
        """;

    private static string[] Scope(Uri endpoint) =>
        ["--endpoint-url", endpoint.ToString(), "--region", "us-east-1", "--region", "eu-west-1", "--controls", "console-signin-without-mfa", "--no-store"];

    private static CliRun Tocsin(params string[] args)
    {
        using var key = new EnvironmentKey(KeyId, Secret);
        return CliRun.Of(args);
    }

    private static JsonElement Scan(Uri endpoint)
    {
        var run = Tocsin(["scan", .. Scope(endpoint), "--format", "json", "--accept", "eventbridge"]);
        return JsonDocument.Parse(run.Out).RootElement.GetProperty("findings").EnumerateArray().Single().Clone();
    }

    private static string[] Steps(Uri endpoint, string notify)
    {
        var run = Tocsin(["remediate", .. Scope(endpoint), "--via", "eventbridge", "--format", "json", "--notify", notify]);
        run.ExitCode.ShouldBe(0, run.Error);
        return [.. JsonDocument.Parse(run.Out).RootElement.GetProperty("steps").EnumerateArray().Select(s => $"{s.GetProperty("type").GetString()} {s.GetProperty("region").GetString()}")];
    }

    /// <summary>bash with only PATH and a few basics of this process, AWS CLI v1 first on the path, and the account's key.</summary>
    private static async Task<(int ExitCode, string Output)> BashAsync(string script, Uri endpoint, string home)
    {
        var start = new ProcessStartInfo(RequiredTool.Program("bash", "apt-get install bash"), [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = home,
        };
        start.Environment.Clear();
        foreach (var name in Inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["PATH"] = RequiredTool.AwsCliFolder(1) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["HOME"] = home;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_ACCESS_KEY_ID"] = KeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = Secret;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(home, "no-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "no-credentials");
        start.Environment["AWS_ENDPOINT_URL"] = endpoint.ToString().TrimEnd('/');
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, $"stdout:\n{await output}\nstderr:\n{await error}");
    }

    [SkippableTheory]
    [InlineData("sqs:arn:aws:sqs:us-east-1:111111111111:signin-alerts")]
    [InlineData("email:secops@example.com")]
    public async Task The_eventbridge_cli_script_run_by_aws_cli_v1_makes_the_scan_pass_by_the_eventbridge_chain_and_a_second_run_changes_nothing(string notify)
    {
        RequiredTool.AwsCliFolder(1);
        await using var emulator = await EmulatorHost.StartAsync(Scenario.Parse(TrailOnly, "trail-only.yaml"), faults: null, port: 0);
        var work = Directory.CreateTempSubdirectory("tocsin-eventbridge-script-");
        try
        {
            Scan(emulator.Endpoint).GetProperty("outcome").GetString().ShouldBe("fail");
            var render = Tocsin(["remediate", .. Scope(emulator.Endpoint), "--via", "eventbridge", "--format", "cli", "--notify", notify]);
            render.ExitCode.ShouldBe(0, render.Error);
            var script = Path.Combine(work.FullName, "fix.sh");
            await File.WriteAllTextAsync(script, render.Out);

            var first = await BashAsync(script, emulator.Endpoint, work.FullName);
            first.ExitCode.ShouldBe(0, first.Output);

            if (notify.StartsWith("email:", StringComparison.Ordinal))
            {
                var pending = Scan(emulator.Endpoint);
                pending.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldContain("no-confirmed-subscription");
                foreach (var region in new[] { "us-east-1", "eu-west-1" })
                {
                    emulator.Control.Confirm($"arn:aws:sns:{region}:{Account}:tocsin-cis-alarms").ShouldBe(1);
                }
            }

            var finding = Scan(emulator.Endpoint);
            finding.GetProperty("outcome").GetString().ShouldBe("pass", finding.GetProperty("message").GetString());
            finding.GetProperty("chain").GetString().ShouldBe("eventbridge");
            // remediate --via eventbridge reads the rules even without --accept, so it sees the chain it made and plans nothing.
            Steps(emulator.Endpoint, notify).ShouldBeEmpty();

            var made = emulator.Control.Resources();
            made.Keys.Where(k => k.Contains("/event-rule/", StringComparison.Ordinal)).ShouldBe([$"{Account}/eu-west-1/event-rule/tocsin-console-signin-without-mfa", $"{Account}/us-east-1/event-rule/tocsin-console-signin-without-mfa"]);
            made.Keys.Where(k => k.Contains("/topic/", StringComparison.Ordinal)).ShouldBe([$"{Account}/eu-west-1/topic/tocsin-cis-alarms", $"{Account}/us-east-1/topic/tocsin-cis-alarms"]);

            var second = await BashAsync(script, emulator.Endpoint, work.FullName);
            second.ExitCode.ShouldBe(0, second.Output);
            second.Output.ShouldContain("is already subscribed");
            emulator.Control.Resources().ShouldBe(made);
            Scan(emulator.Endpoint).GetProperty("outcome").GetString().ShouldBe("pass");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
