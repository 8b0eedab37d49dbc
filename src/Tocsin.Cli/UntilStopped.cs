using System.Runtime.InteropServices;

namespace Tocsin.Cli;

/// <summary>What the long-running commands (<c>emulator</c>, <c>serve</c>) share: running until Ctrl+C or SIGTERM, and a log of whole lines.</summary>
internal static class UntilStopped
{
    /// <summary>Runs <paramref name="serve"/> with a token that Ctrl+C or SIGTERM cancels, and returns its exit code.</summary>
    public static int Run(Func<CancellationToken, Task<int>> serve)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, args) =>
        {
            args.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            return serve(stop.Token).GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>
    /// A <c>--verbose</c> log on standard error: each line stamped with the time after <paramref name="prefix"/>, and
    /// whole, however many callers log at once.
    /// </summary>
    public static Action<string> LineLog(CliConsole console, string prefix)
    {
        var gate = new Lock();
        return line =>
        {
            var stamped = $"{prefix} {DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}";
            lock (gate)
            {
                console.Error.WriteLine(stamped);
            }
        };
    }
}
