using System.Diagnostics;

namespace Tocsin.Aws.Tests;

/// <summary>The chains the AWS tests build on a moto server with boto3.</summary>
internal static class MotoChains
{
    /// <summary>Runs Fixtures/build-moto-chain.py (boto3) against this server.</summary>
    public static async Task BuildChainAsync(this MotoServer moto, string variant)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Fixtures", "build-moto-chain.py");
        var start = new ProcessStartInfo("python3", [script, moto.Endpoint.ToString(), variant]) { RedirectStandardError = true, UseShellExecute = false };
        MotoServer.WithoutAwsSettings(start);
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, errors);
    }
}
