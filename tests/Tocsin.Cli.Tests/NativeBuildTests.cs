using System.Text.RegularExpressions;

namespace Tocsin.Cli.Tests;

/// <summary>
/// The Linux x64 tool package is a native (NativeAOT) program: trimmed, with no serializer or type made at run time.
/// Whatever reflection it would miss shows as a difference from the managed build, so each command here runs under
/// both and must print the same, byte for byte once times, ports, ids and folders are masked. test.sh publishes the
/// native program and names it in <c>TOCSIN_NATIVE</c>; without it (no clang, not x64) the tests are skipped, and
/// fail under CI.
/// </summary>
public sealed partial class NativeBuildTests : IDisposable
{
    private const string SeedPattern = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }";

    private readonly string _work = Directory.CreateTempSubdirectory("tocsin-native-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    public static TheoryData<string, string[]> Commands => new()
    {
        { "version", ["--version"] },
        { "controls", ["controls", "--format", "json"] },
        { "permissions", ["permissions"] },
        { "pattern verdict", ["pattern", "verdict", SeedPattern, "--control", "console-signin-without-mfa", "--format", "json"] },
        { "pattern verdict, malformed", ["pattern", "verdict", "{ $.eventName = ", "--control", "console-signin-without-mfa", "--format", "json"] },
        { "evaluate", ["evaluate", RepositoryFiles.Snapshot("good-encrypted-topic"), "--format", "json", "--no-store"] },
        { "evaluate, a topic key that denies CloudWatch", ["evaluate", RepositoryFiles.Snapshot("topic-key-denies-cloudwatch"), "--format", "sarif", "--no-store"] },
        { "remediate, JSON plan", ["remediate", "--snapshot", RepositoryFiles.Snapshot("no-alarm"), "--format", "json"] },
        { "remediate, CLI script", ["remediate", "--snapshot", RepositoryFiles.Snapshot("no-alarm"), "--format", "cli"] },
        { "remediate, CloudFormation", ["remediate", "--snapshot", RepositoryFiles.Snapshot("no-alarm"), "--format", "cloudformation"] },
        { "remediate, Terraform", ["remediate", "--snapshot", RepositoryFiles.Snapshot("no-alarm"), "--format", "terraform"] },
        { "remediate, StackSet", ["remediate", "--snapshot", RepositoryFiles.Snapshot("no-alarm"), "--format", "stackset"] },
        { "remediate, SCP", ["remediate", "--snapshot", RepositoryFiles.Snapshot("no-alarm"), "--format", "scp", "--admin-role-arn", "arn:aws:iam::111111111111:role/SecurityAdmin"] },
        { "iac, CloudFormation", ["iac", Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "iac", "cloudformation"), "--format", "json", "--no-store"] },
        { "iac, Terraform", ["iac", Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "iac", "terraform"), "--format", "json", "--no-store"] },
        { "backtest, SQL for Athena", ["backtest", "--emit-sql", "athena"] },
    };

    [SkippableTheory]
    [MemberData(nameof(Commands))]
    public async Task The_native_program_prints_what_the_managed_build_prints(string name, string[] arguments)
    {
        var native = NativeProgram();

        var managed = await BuiltCli.RunAsync(BuiltCli.Dotnet, [BuiltCli.Dll, .. arguments]);
        var nativeRun = await BuiltCli.RunAsync(native, arguments);

        Same(name, managed, nativeRun);
    }

    [SkippableFact]
    public async Task The_native_program_backtests_a_history_in_every_format_as_the_managed_build_does()
    {
        var native = NativeProgram();
        var history = Path.Combine(_work, "history.jsonl");
        File.WriteAllLines(history,
        [
            """{"eventTime":"2026-10-04T09:12:00Z","eventName":"ConsoleLogin","userIdentity":{"type":"Root","arn":"arn:aws:iam::111111111111:root"},"sourceIPAddress":"203.0.113.7","awsRegion":"us-east-1","recipientAccountId":"111111111111","additionalEventData":{"MFAUsed":"No"},"responseElements":{"ConsoleLogin":"Success"}}""",
            """{"eventTime":"2026-10-04T09:20:00Z","eventName":"ConsoleLogin","userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111111111111:assumed-role/Admin/alice"},"sourceIPAddress":"198.51.100.2","awsRegion":"us-east-1","recipientAccountId":"111111111111","additionalEventData":{"MFAUsed":"No"},"responseElements":{"ConsoleLogin":"Success"}}""",
            """{"eventTime":"2026-10-04T10:00:00Z","eventName":"DeleteTrail","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111111111111:user/bob"},"sourceIPAddress":"198.51.100.3","awsRegion":"eu-west-1","recipientAccountId":"111111111111"}""",
            """{"eventTime":"2026-10-04T10:05:00Z","eventName":"DescribeInstances","errorCode":"AccessDenied","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111111111111:user/bob"},"sourceIPAddress":"198.51.100.3","awsRegion":"eu-west-1","recipientAccountId":"111111111111"}""",
            """[1, 2]""",
        ]);

        foreach (var format in new[] { "json", "text", "html" })
        {
            string[] arguments = ["backtest", history, "--format", format, "--pattern", SeedPattern];
            Same($"backtest --format {format}", await BuiltCli.RunAsync(BuiltCli.Dotnet, [BuiltCli.Dll, .. arguments]), await BuiltCli.RunAsync(native, arguments));
        }
    }

    [SkippableFact]
    public async Task The_native_program_runs_the_demo_records_it_and_reports_the_run_again_as_the_managed_build_does()
    {
        var native = NativeProgram();
        Directory.CreateDirectory(Path.Combine(_work, "managed"));
        Directory.CreateDirectory(Path.Combine(_work, "native"));

        async Task<CliRun> Run(string build, params string[] arguments)
        {
            var store = Path.Combine(_work, build, "tocsin.db");
            string[] withStore = [.. arguments, "--store", store];
            return build == "managed"
                ? await BuiltCli.RunAsync(BuiltCli.Dotnet, [BuiltCli.Dll, .. withStore])
                : await BuiltCli.RunAsync(native, withStore);
        }

        string[][] steps =
        [
            ["demo", "--accept", "eventbridge", "--format", "json"],
            ["report", "--run", "latest", "--format", "json"],
            ["history"],
            ["diff", "latest~1", "latest"],
        ];
        foreach (var step in steps)
        {
            // standard error carries the scan's progress, which depends on timing; the report and the exit code may not
            Same(string.Join(' ', step), await Run("managed", step), await Run("native", step), compareError: false);
        }
    }

    private static string NativeProgram()
    {
        var path = Environment.GetEnvironmentVariable("TOCSIN_NATIVE");
        return path is not null && File.Exists(path)
            ? path
            : RequiredTool.Missing("the native build of tocsin (TOCSIN_NATIVE: test.sh publishes it on Linux x64)", "apt-get install clang, then run ./test.sh");
    }

    private void Same(string name, CliRun managed, CliRun native, bool compareError = true)
    {
        Assert.True(managed.ExitCode == native.ExitCode, $"{name}: exit {managed.ExitCode} managed, {native.ExitCode} native\n{native.Error}");
        Assert.Equal(Masked(managed.Out), Masked(native.Out));
        if (compareError)
        {
            Assert.Equal(Masked(managed.Error), Masked(native.Error));
        }

        Assert.False(string.IsNullOrWhiteSpace(managed.Out + managed.Error), $"{name}: printed nothing");
    }

    // What differs between two runs of the same build: when, how long, which port, which run, which folder.
    private string Masked(string text)
    {
        text = text.Replace(Path.Combine(_work, "managed"), "<store>", StringComparison.Ordinal)
            .Replace(Path.Combine(_work, "native"), "<store>", StringComparison.Ordinal)
            .Replace(_work, "<work>", StringComparison.Ordinal);
        text = Time().Replace(text, "<time>");
        text = Seconds().Replace(text, "${name}<n>");
        text = Port().Replace(text, "127.0.0.1:<port>");
        text = Duration().Replace(text, "<n> s");
        text = Id().Replace(text, "<id>");
        return text;
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?( ?UTC|Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Time();

    [GeneratedRegex(@"(?<name>""(seconds|durationSeconds|elapsed)"":\s*)[0-9.eE+-]+")]
    private static partial Regex Seconds();

    [GeneratedRegex(@"\b\d+(\.\d+)? s\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex Port();

    [GeneratedRegex(@"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b[0-9a-f]{12,}\b")]
    private static partial Regex Id();
}
