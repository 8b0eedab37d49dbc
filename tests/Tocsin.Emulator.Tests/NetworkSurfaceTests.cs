using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tocsin.Emulator.Tests;

/// <summary>The emulator listens on loopback only, and neither a huge nor a slow request can take it down.</summary>
public sealed class NetworkSurfaceTests : IAsyncLifetime
{
    private static readonly EmulatorLimits Limits = EmulatorLimits.Default with { HeadersTimeout = TimeSpan.FromSeconds(2) };
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync(port: 0, limits: Limits);

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    /// <summary>An unsigned STS call: the emulator answers it with an AWS error, which proves it is serving.</summary>
    private async Task<HttpStatusCode> PingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var reply = await http.PostAsync(_emulator.Endpoint, new StringContent("Action=GetCallerIdentity&Version=2011-06-15", Encoding.UTF8, "application/x-www-form-urlencoded"));
        return reply.StatusCode;
    }

    [SkippableFact]
    public async Task The_emulator_listens_on_loopback_only()
    {
        _emulator.Endpoint.Host.ShouldBe("127.0.0.1");
        var other = Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        Skip.If(other is null, "this machine has no address but loopback to try");
        using var client = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => client.ConnectAsync(other, _emulator.Endpoint.Port));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_and_the_next_request_is_served()
    {
        // Only the headers: the server refuses by the declared length, and a client still writing the body when the
        // refusal closes the connection would fail on its write before it could read the 413.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _emulator.Endpoint.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {Limits.MaxBodyBytes + 1}\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var status = await reader.ReadLineAsync(bound.Token);

        status.ShouldNotBeNull().ShouldStartWith("HTTP/1.1 413");
        (await PingAsync()).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_client_that_never_finishes_its_headers_is_cut_off_while_others_are_served()
    {
        using var slow = new TcpClient();
        await slow.ConnectAsync(IPAddress.Loopback, _emulator.Endpoint.Port);
        var stream = slow.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
        var started = Stopwatch.StartNew();

        (await PingAsync()).ShouldBe(HttpStatusCode.Forbidden);
        var buffer = new byte[4096];
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int read;
        try
        {
            // The server closes the connection (after a 408, or at once): reading ends instead of waiting forever.
            while ((read = await stream.ReadAsync(buffer, bound.Token)) > 0)
            {
            }
        }
        catch (IOException)
        {
            read = 0;
        }

        read.ShouldBe(0);
        started.Elapsed.ShouldBeGreaterThanOrEqualTo(Limits.HeadersTimeout - TimeSpan.FromMilliseconds(500));
        (await PingAsync()).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Headers_over_the_limit_are_refused_and_the_next_request_is_served()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _emulator.Endpoint);
        request.Headers.TryAddWithoutValidation("X-Padding", new string('a', Limits.MaxHeaderBytes + 1));

        using var reply = await http.SendAsync(request);

        reply.StatusCode.ShouldBe(HttpStatusCode.RequestHeaderFieldsTooLarge);
        (await PingAsync()).ShouldBe(HttpStatusCode.Forbidden);
    }
}
