namespace Tocsin.Core.Inventory;

/// <summary>
/// Type-inferring factories for <see cref="Observed{T}"/>, for sources filling the model:
/// <c>Observed.Known(true)</c>, <c>Observed.None&lt;string&gt;()</c> for "AWS reports none",
/// <c>Observed.Unknown&lt;bool&gt;(UnknownReason.AccessDenied, "cloudtrail:GetTrailStatus")</c>.
/// </summary>
public static class Observed
{
    public static Observed<T> Known<T>(T value, Source? source = null) => Observed<T>.Known(value, source);

    /// <summary>A value the source read as absent (no KMS key, no delivery error); not the same as unknown.</summary>
    public static Observed<T?> None<T>(Source? source = null)
        where T : class => Observed<T?>.Known(null, source);

    public static Observed<T> Unknown<T>(UnknownReason reason, string? detail = null, Source? source = null) =>
        Observed<T>.NotKnown(reason, detail, source);

    public static Observed<IReadOnlyList<T>> List<T>(params T[] items) => Observed<IReadOnlyList<T>>.Known(items);
}
