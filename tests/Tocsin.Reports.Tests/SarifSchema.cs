using System.Diagnostics;

namespace Tocsin.Reports.Tests;

/// <summary>
/// Checks a document against the OASIS SARIF 2.1.0 schema (tests/fixtures/schemas/sarif-2.1.0.json, draft-04) with
/// python's jsonschema, the validator the fixture's README names.
/// </summary>
internal static class SarifSchema
{
    private const string Validate = """
        import json, sys
        import jsonschema
        with open(sys.argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        with open(sys.argv[2], encoding="utf-8") as f:
            document = json.load(f)
        validator = jsonschema.Draft4Validator(schema)
        for error in sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path]):
            print("/" + "/".join(str(p) for p in error.absolute_path) + ": " + error.message)
        """;

    /// <summary>Every schema error as <c>/json/pointer: message</c>; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Errors(string document)
    {
        RequiredTool.PythonModules("apt-get install python3-jsonschema", "jsonschema");
        var schema = RepositoryFiles.Fixture("schemas", "sarif-2.1.0.json");
        var path = Path.Combine(Path.GetTempPath(), $"tocsin-sarif-{Guid.NewGuid():N}.sarif");
        File.WriteAllText(path, document);
        try
        {
            var start = new ProcessStartInfo(RequiredTool.Find("python3")!, ["-c", Validate, schema, path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var errors = process.StandardOutput.ReadToEndAsync();
            var failure = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, $"the schema check itself failed: {failure}");
            return errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
