namespace Tocsin.Emulator.Faults;

/// <summary>Which requests a fault applies to: an IAM-style action (<c>logs:DescribeMetricFilters</c>), an account and a region; <c>*</c> matches any text.</summary>
public sealed record FaultScope(string Operation = "*", string Account = "*", string Region = "*")
{
    public bool Matches(string action, string account, string region) =>
        Glob(Operation, action) && Glob(Account, account) && Glob(Region, region);

    private static bool Glob(string pattern, string value)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, value, StringComparison.OrdinalIgnoreCase);
        }

        if (!value.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase) || !value.EndsWith(parts[^1], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var position = parts[0].Length;
        foreach (var middle in parts[1..^1])
        {
            var found = value.IndexOf(middle, position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position = found + middle.Length;
        }

        return position <= value.Length - parts[^1].Length;
    }
}

/// <summary>Rates (0..1, at most 1 together) of failures and the latency added to matching requests.</summary>
public sealed record FaultRule(FaultScope Scope, IReadOnlyList<FaultRate> Rates, TimeSpan Latency, TimeSpan Jitter);

/// <summary>How often (0..1) a rule's requests meet one kind of fault.</summary>
public sealed record FaultRate(FaultKind Kind, double Rate);
