namespace Tocsin.Aws.Http;

/// <summary>
/// How many calls may be in flight to one account and region at once. A throttle halves the limit (down to one);
/// each success raises it by 1/limit, so it grows back by about one per round of calls (additive increase,
/// multiplicative decrease). Waiters are served in order.
/// </summary>
public sealed class AdaptiveGate(double initialLimit, double maxLimit)
{
    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private double _limit = initialLimit;
    private int _inFlight;

    public double Limit
    {
        get
        {
            lock (_gate)
            {
                return _limit;
            }
        }
    }

    public Task EnterAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_inFlight < Math.Max(1, (int)_limit) && _waiting.Count == 0)
            {
                _inFlight++;
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter);
            if (cancellationToken.CanBeCanceled)
            {
                var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
                waiter.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            return waiter.Task;
        }
    }

    /// <summary>Ends a call: <paramref name="throttled"/> shrinks the limit, a success grows it.</summary>
    public void Exit(bool throttled, bool succeeded)
    {
        lock (_gate)
        {
            _inFlight--;
            if (throttled)
            {
                _limit = Math.Max(1, _limit / 2);
            }
            else if (succeeded)
            {
                _limit = Math.Min(maxLimit, _limit + (1 / _limit));
            }

            while (_waiting.Count > 0 && _inFlight < Math.Max(1, (int)_limit))
            {
                var next = _waiting.Dequeue();
                if (next.TrySetResult())
                {
                    _inFlight++;
                }
            }
        }
    }
}
