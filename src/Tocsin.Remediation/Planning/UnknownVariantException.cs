namespace Tocsin.Remediation.Planning;

/// <summary><c>--variant</c> names no accepted variant of the controls being planned.</summary>
public sealed class UnknownVariantException(string variant, IReadOnlyList<string> known)
    : Exception(known.Count == 0
        ? $"no control of this plan has an accepted variant named `{variant}` (these controls have none)"
        : $"no control of this plan has an accepted variant named `{variant}`; they have {string.Join(", ", known)}");
