namespace Tocsin.Aws.Collection;

/// <summary>How much of each account a scan reads (<c>--evidence</c>).</summary>
public enum EvidenceScope
{
    /// <summary>
    /// Every region and every trail, filter and alarm that could be a candidate: the evidence lists every chain
    /// considered and not chosen.
    /// </summary>
    Full,

    /// <summary>
    /// Only what decides the outcomes: an account stops being read once a passing chain is proven for every control,
    /// and is read fully otherwise. Outcomes and reasons are those of <see cref="Full"/>; the evidence lists fewer
    /// candidates.
    /// </summary>
    Minimal,
}
