namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>How a filter pattern relates to a control's reference pattern (DESIGN.md "Pattern verdicts").</summary>
public enum VerdictKind
{
    /// <summary>Matches exactly the events the reference matches.</summary>
    Equivalent,

    /// <summary>Matches every event the reference matches, and more.</summary>
    Broader,

    /// <summary>Equals an accepted variant, or leaves out only named populations the control allows to drop.</summary>
    Tuned,

    /// <summary>Misses events the reference catches, outside any accepted variant.</summary>
    Insufficient,

    /// <summary>Matches no CloudTrail record at all.</summary>
    NeverFires,

    /// <summary>CloudWatch Logs would refuse the pattern; nothing can be decided.</summary>
    Unparseable,
}

public static class VerdictKindNames
{
    private static readonly CodeSpelling<VerdictKind> Spelling = new(
    [
        (VerdictKind.Equivalent, "equivalent"),
        (VerdictKind.Broader, "broader"),
        (VerdictKind.Tuned, "tuned"),
        (VerdictKind.Insufficient, "insufficient"),
        (VerdictKind.NeverFires, "never-fires"),
        (VerdictKind.Unparseable, "unparseable"),
    ]);

    /// <summary>The kebab-case name used in JSON and text output.</summary>
    public static string ToName(this VerdictKind kind) => Spelling.Of(kind);
}
