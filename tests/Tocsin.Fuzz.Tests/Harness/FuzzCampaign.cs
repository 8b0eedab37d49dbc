using System.Diagnostics;
using System.Globalization;

namespace Tocsin.Fuzz.Tests.Harness;

/// <summary>
/// Runs one fuzz target for its budget: inputs are made and checked one after another on a worker thread, while the
/// test's thread watches the clock, so an input that hangs fails the test by its number instead of stalling it.
/// Every input is also held to <see cref="FuzzLimits"/> for time and allocated bytes. <c>TOCSIN_FUZZ_INPUT=n</c>
/// replays input number n of the seed alone.
/// </summary>
public static class FuzzCampaign
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);

    public static long Run<TInput>(FuzzTarget<TInput> target, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(output);
        var seed = FuzzBudget.Seed;
        var only = long.TryParse(Environment.GetEnvironmentVariable("TOCSIN_FUZZ_INPUT"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var single) ? single : (long?)null;
        if (target.Warmup is { } warmup && !EqualityComparer<TInput>.Default.Equals(warmup, default))
        {
            target.Check(warmup);
        }

        var run = new Campaign<TInput>(target, seed, FuzzBudget.PerTarget, only);
        var clock = Stopwatch.StartNew();
        var worker = new Thread(run.Work) { IsBackground = true, Name = "fuzz " + target.Name };
        worker.Start();
        while (!run.Finished.Wait(WatchInterval))
        {
            if (run.Hung() is { } hung)
            {
                // The worker cannot be stopped from outside; it is a background thread, so the test run still ends.
                run.Fail(hung.Index, hung.Input, $"still running after {target.Limits.PerInput.TotalSeconds:0.#} s");
                break;
            }
        }

        output.WriteLine(FormattableString.Invariant(
            $"{target.Name}: {run.Count:N0} inputs in {clock.Elapsed.TotalSeconds:0.0} s (TOCSIN_FUZZ_SEED={seed}{(FuzzBudget.FirstInput > 0 ? $", from input {FuzzBudget.FirstInput}" : "")})"));
        if (run.Failure is { } failure)
        {
            Assert.Fail(failure);
        }

        return run.Count;
    }

    private sealed class Campaign<TInput>(FuzzTarget<TInput> target, long seed, TimeSpan budget, long? only)
    {
        private readonly object _gate = new();
        private long _startedAt;
        private long _index;
        private TInput? _input;

        public ManualResetEventSlim Finished { get; } = new();

        public long Count { get; private set; }

        public string? Failure { get; private set; }

        public void Work()
        {
            try
            {
                Loop();
            }
            catch (Exception broken)
            {
                // A generator that throws is a defect of this project, not of Tocsin; it still ends the run with a message.
                Fail(_index, default, "the input generator failed: " + broken);
            }
            finally
            {
                Finished.Set();
            }
        }

        private void Loop()
        {
            {
                var deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
                var first = FuzzBudget.FirstInput;
                for (var index = only ?? first; Failure is null && (only is null ? Stopwatch.GetTimestamp() < deadline && index - first < FuzzBudget.MaxInputs : index == only); index++)
                {
                    var input = target.Generate(FuzzBudget.InputRandom(seed, index));
                    var size = target.Size(input);
                    lock (_gate)
                    {
                        _index = index;
                        _input = input;
                    }

                    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                    var started = Stopwatch.GetTimestamp();
                    Volatile.Write(ref _startedAt, started);
                    try
                    {
                        target.Check(input);
                    }
                    catch (Exception problem)
                    {
                        Fail(index, input, problem.ToString());
                        break;
                    }
                    finally
                    {
                        Volatile.Write(ref _startedAt, 0);
                    }

                    var elapsed = Stopwatch.GetElapsedTime(started);
                    var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                    if (elapsed > target.Limits.PerInput)
                    {
                        Fail(index, input, $"took {elapsed.TotalSeconds:0.00} s, over the bound of {target.Limits.PerInput.TotalSeconds:0.#} s");
                    }
                    else if (allocated > target.Limits.AllowedBytes(size))
                    {
                        Fail(index, input, $"allocated {allocated:N0} bytes for an input of {size:N0}, over the bound of {target.Limits.AllowedBytes(size):N0}");
                    }

                    Count++;
                }
            }
        }

        public (long Index, TInput? Input)? Hung()
        {
            var started = Volatile.Read(ref _startedAt);
            if (started == 0 || Stopwatch.GetElapsedTime(started) <= target.Limits.PerInput)
            {
                return null;
            }

            lock (_gate)
            {
                return (_index, _input);
            }
        }

        public void Fail(long index, TInput? input, string reason)
        {
            lock (_gate)
            {
                Failure ??= string.Create(CultureInfo.InvariantCulture,
                    $"{target.Name} failed on input {index} (replay: TOCSIN_FUZZ_SEED={seed} TOCSIN_FUZZ_INPUT={index}): {reason}\ninput: {(input is null || EqualityComparer<TInput>.Default.Equals(input, default) ? "(none)" : target.Show(input))}");
            }
        }
    }
}
