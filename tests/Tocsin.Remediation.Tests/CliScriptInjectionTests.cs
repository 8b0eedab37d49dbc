using System.Text;
using System.Text.Json.Nodes;

namespace Tocsin.Remediation.Tests;

/// <summary>
/// Names and patterns carrying shell syntax stay text in the cli rendering: bash parses the script, runs nothing the
/// values spell, and hands each value to the AWS CLI byte for byte. A fake <c>aws</c> on PATH records the arguments.
/// </summary>
public sealed class CliScriptInjectionTests : IDisposable
{
    private const string FakeAws = """
        #!/usr/bin/env bash
        count=$(ls "$FAKE_AWS_LOG" | wc -l)
        printf '%s\0' "$@" > "$FAKE_AWS_LOG/$(printf '%04d' "$count")"
        case " $* " in
          *" get-caller-identity "*) echo "$FAKE_AWS_ACCOUNT" ;;
          *" get-role "* | *" head-bucket "* | *" get-trail "* | *" describe-key "*) exit 254 ;;
          *" --query "*) echo 0 ;;
        esac
        """;

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("tocsin-cli-injection-");

    public void Dispose() => _work.Delete(recursive: true);

    private async Task<(ToolRun Run, List<string[]> Calls)> RunWithFakeAwsAsync(string account)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_work.FullName, "bin"));
        var log = Directory.CreateDirectory(Path.Combine(_work.FullName, "calls"));
        var aws = Path.Combine(bin.FullName, "aws");
        await File.WriteAllTextAsync(aws, FakeAws.Replace("\r", "", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(aws, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var script = Path.Combine(_work.FullName, "fix.sh");
        await File.WriteAllTextAsync(script, CliScriptScan.Render(CliScriptHostilePlan.EveryStep(), "cli"));

        var run = await CliScriptProcess.RunAsync("bash", [script], new Dictionary<string, string>
        {
            ["PATH"] = $"{bin.FullName}:{Environment.GetEnvironmentVariable("PATH")}",
            ["HOME"] = _work.FullName,
            ["FAKE_AWS_LOG"] = log.FullName,
            ["FAKE_AWS_ACCOUNT"] = account,
        }, _work.FullName);
        var calls = log.GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f.FullName)).TrimEnd('\0').Split('\0'))
            .ToList();
        return (run, calls);
    }

    private static JsonObject Input(List<string[]> calls, string operation)
    {
        var call = calls.Single(c => c.Contains(operation));
        return JsonNode.Parse(call[Array.IndexOf(call, "--cli-input-json") + 1])!.AsObject();
    }

    [SkippableFact]
    public async Task Bash_parses_the_script_of_a_plan_whose_values_carry_shell_syntax()
    {
        var script = Path.Combine(_work.FullName, "fix.sh");
        await File.WriteAllTextAsync(script, CliScriptScan.Render(CliScriptHostilePlan.EveryStep(), "cli"));
        var check = await CliScriptProcess.RunAsync("bash", ["-n", script], new Dictionary<string, string>(), _work.FullName);
        check.ExitCode.ShouldBe(0, check.ToString());
    }

    [SkippableFact]
    public async Task Running_the_script_runs_nothing_the_values_spell()
    {
        var (run, calls) = await RunWithFakeAwsAsync(CliScriptHostilePlan.Account);
        run.ExitCode.ShouldBe(0, run.ToString());
        calls.Count.ShouldBeGreaterThan(20);
        File.Exists(Path.Combine(_work.FullName, "pwned")).ShouldBeFalse();
        run.Output.ShouldContain(CliScriptHostilePlan.Name("confirm"));
    }

    [SkippableFact]
    public async Task Every_value_reaches_the_aws_cli_byte_for_byte()
    {
        var (run, calls) = await RunWithFakeAwsAsync(CliScriptHostilePlan.Account);
        run.ExitCode.ShouldBe(0, run.ToString());

        var filter = Input(calls, "put-metric-filter");
        (filter["logGroupName"]!.GetValue<string>(), filter["filterName"]!.GetValue<string>(), filter["filterPattern"]!.GetValue<string>())
            .ShouldBe((CliScriptHostilePlan.Name("group"), CliScriptHostilePlan.Name("filter"), CliScriptHostilePlan.AlarmPattern));
        var alarms = calls.Where(c => c.Contains("put-metric-alarm")).Select(c => JsonNode.Parse(c[Array.IndexOf(c, "--cli-input-json") + 1])!).ToList();
        alarms.Select(a => a["AlarmName"]!.GetValue<string>()).ShouldBe([CliScriptHostilePlan.Name("alarm"), CliScriptHostilePlan.Name("old-alarm")]);
        alarms.ShouldAllBe(a => a["Dimensions"]![0]!["Value"]!.GetValue<string>() == CliScriptHostilePlan.Hostile);
        Input(calls, "subscribe")["Endpoint"]!.GetValue<string>().ShouldBe("https://example.com/" + CliScriptHostilePlan.Hostile);
        calls.Where(c => c.Contains("set-topic-attributes")).Select(c => JsonNode.Parse(c[Array.IndexOf(c, "--cli-input-json") + 1])!)
            .Single(i => i["AttributeName"]!.GetValue<string>() == "Policy")["AttributeValue"]!.GetValue<string>().ShouldBe(CliScriptHostilePlan.Policy("topic"));
        Input(calls, "put-event-selectors")["AdvancedEventSelectors"]![0]!["FieldSelectors"]![1]!["NotEquals"]![0]!.GetValue<string>().ShouldBe(CliScriptHostilePlan.Hostile);
        Input(calls, "create-trail")["Name"]!.GetValue<string>().ShouldBe(CliScriptHostilePlan.Name("trail"));
        Input(calls, "create-log-group")["logGroupName"]!.GetValue<string>().ShouldBe(CliScriptHostilePlan.Name("group"));
    }

    [SkippableFact]
    public async Task Every_call_names_its_region()
    {
        var (_, calls) = await RunWithFakeAwsAsync(CliScriptHostilePlan.Account);
        calls.ShouldAllBe(call => call.Contains("--region"));
    }

    [SkippableFact]
    public async Task A_section_for_another_account_is_skipped_with_a_message()
    {
        var (run, calls) = await RunWithFakeAwsAsync("999999999999");
        run.ExitCode.ShouldBe(0, run.ToString());
        calls.ShouldHaveSingleItem().ShouldContain("get-caller-identity");
        run.Output.ShouldContain("Skipping account 123456789012: these credentials are for account 999999999999");
    }
}
