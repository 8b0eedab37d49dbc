using System.Diagnostics;
using System.Text.Json;
using Tocsin.Reports.Asff;

namespace Tocsin.Reports.Tests;

/// <summary>
/// The ASFF report imported by real clients into moto's Security Hub: boto3, which validates every request against
/// the service model before sending it, and the AWS CLI with <c>--cli-input-json</c>, as the README tells users to.
/// </summary>
public sealed class AsffSecurityHubImportTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static readonly ReportContext Context = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Imports the request with boto3, then prints the import's counts and every stored finding's Id and compliance status.</summary>
    private const string ImportWithBoto3 = """
        import json, sys, boto3
        hub = boto3.client("securityhub", endpoint_url=sys.argv[1], region_name="us-east-1",
                           aws_access_key_id="testing", aws_secret_access_key="testing")
        with open(sys.argv[2]) as f:
            request = json.load(f)
        imported = hub.batch_import_findings(**request)
        stored = hub.get_findings(MaxResults=100)["Findings"]
        print(json.dumps({"FailedCount": imported["FailedCount"], "SuccessCount": imported["SuccessCount"],
                          "FailedFindings": imported["FailedFindings"],
                          "Stored": {f["Id"]: f["Compliance"]["Status"] for f in stored}}))
        """;

    [SkippableFact]
    public async Task Boto3_imports_every_finding_of_a_mixed_run_and_security_hub_returns_them_with_their_status()
    {
        RequiredTool.Moto();
        await moto.ResetAsync();
        using var work = new WorkFolder();
        var request = work.Write("tocsin.asff.json", Write(SampleRuns.Mixed()));
        var script = work.Write("import.py", ImportWithBoto3);

        var (exitCode, output) = await RunAsync("python3", [script, moto.Endpoint.ToString(), request]);

        exitCode.ShouldBe(0, output);
        var result = JsonDocument.Parse(output).RootElement;
        result.GetProperty("FailedCount").GetInt32().ShouldBe(0, output);
        result.GetProperty("SuccessCount").GetInt32().ShouldBe(SampleRuns.Mixed().Findings.Count);
        var stored = result.GetProperty("Stored").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        stored.ShouldBe(Expected(Write(SampleRuns.Mixed())), ignoreOrder: true);
    }

    [SkippableFact]
    public async Task The_aws_cli_imports_the_report_as_its_input_json_and_a_second_import_updates_the_same_findings()
    {
        RequiredTool.Moto();
        var aws = RequiredTool.AwsCli();
        await moto.ResetAsync();
        using var work = new WorkFolder();
        var request = work.Write("tocsin.asff.json", Write(SampleRuns.Run()));
        string[] import = ["securityhub", "batch-import-findings", "--cli-input-json", $"file://{request}", "--endpoint-url", moto.Endpoint.ToString(), "--region", "us-east-1", "--output", "json"];

        var first = await RunAsync(aws, import);
        var second = await RunAsync(aws, import);
        var listed = await RunAsync(aws, ["securityhub", "get-findings", "--endpoint-url", moto.Endpoint.ToString(), "--region", "us-east-1", "--output", "json"]);

        first.ExitCode.ShouldBe(0, first.Output);
        JsonDocument.Parse(first.Output).RootElement.GetProperty("FailedCount").GetInt32().ShouldBe(0, first.Output);
        JsonDocument.Parse(second.Output).RootElement.GetProperty("FailedCount").GetInt32().ShouldBe(0, second.Output);
        var stored = JsonDocument.Parse(listed.Output).RootElement.GetProperty("Findings").EnumerateArray()
            .ToDictionary(f => f.GetProperty("Id").GetString()!, f => f.GetProperty("Compliance").GetProperty("Status").GetString());
        stored.ShouldBe(Expected(Write(SampleRuns.Run())), ignoreOrder: true);
    }

    private static string Write(Core.Findings.RunResult run)
    {
        var output = new StringWriter();
        new AsffReportWriter(Context).Write(run, output);
        return output.ToString();
    }

    private static Dictionary<string, string?> Expected(string report) =>
        JsonDocument.Parse(report).RootElement.GetProperty("Findings").EnumerateArray()
            .ToDictionary(f => f.GetProperty("Id").GetString()!, f => f.GetProperty("Compliance").GetProperty("Status").GetString());

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        MotoServer.WithoutAwsSettings(start);
        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output) + (await errors));
    }

    /// <summary>A temporary folder for the report and the script, deleted afterwards.</summary>
    private sealed class WorkFolder : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tocsin-asff-");

        public string Write(string name, string text)
        {
            var path = Path.Combine(_folder.FullName, name);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => _folder.Delete(recursive: true);
    }
}
