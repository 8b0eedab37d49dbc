using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tocsin.Tests;

/// <summary>
/// moto's AWS server (<c>python3 -m moto.server</c>) on 127.0.0.1 and a free port, started for a test class and
/// stopped with it (the AWS tests scan it; the remediation tests run the CLI script against it). Ready when it prints the address it serves; reset to empty between tests. Without python3, boto3
/// and moto it does not start, and each test skips (fails under CI) through <see cref="RequiredTool.Moto"/>.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private Process? _process;

    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!RequiredTool.HasPythonModules("boto3", "moto"))
        {
            return;
        }

        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        WithoutAwsSettings(start);
        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Watch(object sender, DataReceivedEventArgs line)
        {
            if (line.Data?.Contains($"Running on http://127.0.0.1:{port}", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        }

        _process.ErrorDataReceived += Watch;
        _process.OutputDataReceived += Watch;
        _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("moto's server exited before it was ready"));
        _process.EnableRaisingEvents = true;
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Empties every service's state.</summary>
    public async Task ResetAsync()
    {
        using var http = new HttpClient();
        (await http.PostAsync(new Uri(Endpoint, "moto-api/reset"), null)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    /// <summary>
    /// The child sees no AWS_* setting of this process (a credential test may have set AWS_ENDPOINT_URL_STS, which
    /// boto3 honours), and never probes instance metadata.
    /// </summary>
    internal static void WithoutAwsSettings(ProcessStartInfo start)
    {
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
