namespace Tocsin.Core.Inventory;

/// <summary>The kebab-case codes of <see cref="UnknownReason"/>; the spelling is a contract of the snapshot format.</summary>
public static class UnknownReasons
{
    private static readonly Dictionary<UnknownReason, string> Codes = new()
    {
        [UnknownReason.AccessDenied] = "access-denied",
        [UnknownReason.Throttled] = "throttled",
        [UnknownReason.Unavailable] = "unavailable",
        [UnknownReason.NotCollected] = "not-collected",
        [UnknownReason.Unresolved] = "unresolved",
    };

    public static IReadOnlyCollection<string> All => Codes.Values;

    public static string ToCode(UnknownReason reason) => Codes[reason];

    public static bool TryParse(string code, out UnknownReason reason)
    {
        foreach (var (key, value) in Codes)
        {
            if (value == code)
            {
                reason = key;
                return true;
            }
        }

        reason = default;
        return false;
    }
}
