using System.CommandLine;
using Tocsin.Cli.History;
using Tocsin.Dashboard;
using Tocsin.Store;

namespace Tocsin.Cli;

/// <summary>
/// <c>tocsin serve [--store …] [--port N] [--host ADDR] [--token T]</c>: the web dashboard over the run store, until
/// Ctrl+C or SIGTERM. It listens on 127.0.0.1 unless told otherwise, and on another address only with a token.
/// </summary>
internal static class ServeCommand
{
    public const int DefaultPort = 8080;
    public const string TokenVariable = "TOCSIN_DASHBOARD_TOKEN";

    public static Command Create(CliConsole console)
    {
        var store = new StoreFlags();
        var port = new Option<int>("--port") { Description = $"Port to listen on (default {DefaultPort}; 0 picks a free one).", DefaultValueFactory = _ => DefaultPort };
        var host = new Option<string>("--host") { Description = "Address to listen on (default 127.0.0.1). Any address but a loopback one needs --token.", DefaultValueFactory = _ => "127.0.0.1" };
        var token = new Option<string?>("--token") { Description = $"A secret every request must carry (Authorization: Bearer T, or ?token=T once in a browser); default ${TokenVariable}." };
        var verbose = new Option<bool>("--verbose") { Description = "Log every request on standard error: method, path (never the query, where a token may be), status, latency." };
        var command = new Command("serve", "Serve the web dashboard of the recorded runs: accounts × controls, trends, each finding's chain and fix, exceptions, what changed.")
        {
            port,
            host,
            token,
            verbose,
        };
        store.AddTo(command, records: false);
        command.SetAction(parse =>
        {
            var secret = parse.GetValue(token) ?? (Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null);
            var log = parse.GetValue(verbose) ? UntilStopped.LineLog(console, "http") : null;
            return Run(console, store, parse, parse.GetValue(host)!, parse.GetValue(port), secret, log);
        });
        return command;
    }

    private static int Run(CliConsole console, StoreFlags store, ParseResult parse, string host, int port, string? token, Action<string>? log) =>
        UntilStopped.Run(stop => ServeAsync(console, store, parse, host, port, token, log, stop));

    private static async Task<int> ServeAsync(CliConsole console, StoreFlags store, ParseResult parse, string host, int port, string? token, Action<string>? log, CancellationToken stop)
    {
        DashboardHost dashboard;
        StoreLocation location;
        try
        {
            // The address is checked first: a dashboard that may not listen there needs no store.
            DashboardHost.CheckAddress(host, port, token);
            using (var opened = store.OpenExisting(parse))
            {
                location = opened.Location;
            }

            dashboard = await DashboardHost.StartAsync(location, host, port, token, stop, log);
        }
        catch (DashboardSetupException refused)
        {
            throw new UsageException(refused.Message);
        }

        await using (dashboard)
        {
            console.Out.WriteLine($"Tocsin dashboard on {dashboard.Url} (runs from {location.Display})");
            if (token is not null)
            {
                console.Out.WriteLine("Every request must carry the token: Authorization: Bearer <token>, or open the page once with ?token=<token>.");
            }

            console.Out.WriteLine("Press Ctrl+C to stop.");
            console.Out.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                console.Out.WriteLine("Dashboard stopped.");
            }
        }

        return ExitCodes.Ok;
    }
}
