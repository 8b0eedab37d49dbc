namespace Tocsin.Aws.Http;

/// <summary>
/// A run-wide allowance of retries, as the AWS SDKs' standard mode keeps: a retry costs tokens (a timeout more),
/// a success gives one back. When AWS is failing everywhere the budget runs dry and calls fail fast instead of
/// multiplying the load.
/// </summary>
public sealed class RetryBudget(int capacity = 500, int retryCost = 5, int timeoutCost = 10)
{
    private readonly Lock _gate = new();
    private int _tokens = capacity;

    public int Capacity { get; } = capacity;

    public int Tokens
    {
        get
        {
            lock (_gate)
            {
                return _tokens;
            }
        }
    }

    /// <summary>Takes the cost of one retry; false when the budget cannot pay for it.</summary>
    public bool TryTake(bool afterTimeout)
    {
        var cost = afterTimeout ? timeoutCost : retryCost;
        lock (_gate)
        {
            if (_tokens < cost)
            {
                return false;
            }

            _tokens -= cost;
            return true;
        }
    }

    public void Succeeded()
    {
        lock (_gate)
        {
            _tokens = Math.Min(Capacity, _tokens + 1);
        }
    }
}
