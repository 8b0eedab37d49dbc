using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tocsin.Remediation.Tests;

/// <summary>moto's AWS server (<c>python3 -m moto.server</c>) on 127.0.0.1 and a free port, for one test class.</summary>
public sealed class CliScriptMotoServer : IAsyncLifetime
{
    private Process? _process;

    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(CliScriptProcess.Require("python3"), ["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        _process = Process.Start(start)!;
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
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
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
}
