namespace Tocsin.Core.Inventory;

/// <summary>The kebab-case codes of <see cref="UnknownReason"/>; the spelling is a contract of the snapshot format.</summary>
public static class UnknownReasons
{
    private static readonly CodeSpelling<UnknownReason> Spelling = new(
    [
        (UnknownReason.AccessDenied, "access-denied"),
        (UnknownReason.Throttled, "throttled"),
        (UnknownReason.Unavailable, "unavailable"),
        (UnknownReason.NotCollected, "not-collected"),
        (UnknownReason.Unresolved, "unresolved"),
    ]);

    public static IReadOnlyCollection<string> All => Spelling.All;

    public static string ToCode(UnknownReason reason) => Spelling.Of(reason);

    public static bool TryParse(string code, out UnknownReason reason) => Spelling.TryParse(code, out reason);
}
