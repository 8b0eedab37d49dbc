using System.Net;
using System.Net.Sockets;

namespace Tocsin.Dashboard;

/// <summary>
/// Where the dashboard listens: an IP address (or <c>localhost</c>) and a port. Every run it shows names accounts and
/// their weak links, so it listens on a loopback address unless a token guards it.
/// </summary>
internal sealed record ListenAddress(IPAddress Address, int Port)
{
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    public static ListenAddress Parse(string host, int port, string? token)
    {
        if (port is < 0 or > 65535)
        {
            throw new DashboardSetupException($"--port {port}: a port is between 0 and 65535");
        }

        var address = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host.Trim('[', ']'), out var parsed) ? parsed
            : throw new DashboardSetupException($"--host: `{host}` is not an IP address (127.0.0.1, ::1, 0.0.0.0, or one of this machine's addresses)");
        if (token is not null && string.IsNullOrWhiteSpace(token))
        {
            throw new DashboardSetupException("--token: the token is empty: give a long random string, or leave the option out on a loopback address");
        }

        if (!IPAddress.IsLoopback(address) && token is null)
        {
            throw new DashboardSetupException(
                $"--host {host} is not a loopback address, so anyone who can reach it could read every run in the store: give --token T (or set TOCSIN_DASHBOARD_TOKEN), and every request must then carry it");
        }

        return new ListenAddress(address, port);
    }

    /// <summary>The URL for a port the server bound, e.g. <c>http://127.0.0.1:8080/</c> or <c>http://[::1]:8080/</c>.</summary>
    public Uri UrlFor(int boundPort) =>
        new(Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"http://[{Address}]:{boundPort}/" : $"http://{Address}:{boundPort}/");
}
