using Spectre.Console;
using Tocsin.Aws.Collection;

namespace Tocsin.Cli.Scanning;

/// <summary>
/// Shows a scan's progress: a Spectre.Console progress bar on a terminal (accounts done, calls, throttles),
/// plain lines on standard error otherwise, so a CI log shows it too without control characters.
/// </summary>
internal static class ScanProgressDisplay
{
    public static async Task<CollectResult> RunAsync(CliConsole console, string target, Func<IProgress<CollectProgress>, Task<CollectResult>> collect)
    {
        if (ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            CollectResult? result = null;
            await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
            {
                var task = context.AddTask($"scanning {target}");
                result = await collect(new Progress<CollectProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.AccountsTotal);
                    task.Value = p.AccountsDone;
                    task.Description = $"{target}: {p.AccountsDone}/{p.AccountsTotal} accounts, {p.Calls} calls, {p.Throttles} throttled";
                }));
            });
            return result!;
        }

        var lastShown = -1;
        return await collect(new SynchronousProgress(p =>
        {
            // One line per tenth of the accounts (and the last), not one per account of a thousand.
            var step = p.AccountsTotal == 0 ? 0 : p.AccountsDone * 10 / p.AccountsTotal;
            if (step != lastShown || p.AccountsDone == p.AccountsTotal)
            {
                lastShown = step;
                console.Error.WriteLine($"{target}: {p.AccountsDone}/{p.AccountsTotal} accounts, {p.Calls} calls, {p.Throttles} throttled, {p.Retries} retried");
            }
        }));
    }

    /// <summary>Reports on the caller's thread, under a lock, in order (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<CollectProgress> report) : IProgress<CollectProgress>
    {
        private readonly Lock _gate = new();

        public void Report(CollectProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
