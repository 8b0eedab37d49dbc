using System.Diagnostics.CodeAnalysis;

namespace Tocsin.Core.Inventory;

/// <summary>
/// A value as a source saw it: known (possibly null, when AWS reports "none") or unknown with a reason,
/// and where it came from. Predicates on an unknown value are false both ways (<see cref="Is"/> and
/// <see cref="IsNot"/>), so "could not see" never reads as pass or fail.
/// </summary>
public sealed class Observed<T> : IEquatable<Observed<T>>
{
    private readonly T value;

    private Observed(T value, Unknown? unknown, Source? source)
    {
        this.value = value;
        Unknown = unknown;
        Source = source;
    }

    /// <summary>Set when the source could not tell the value.</summary>
    public Unknown? Unknown { get; }

    /// <summary>Where the value was read, when it differs from (or refines) the record's own source.</summary>
    public Source? Source { get; }

    [MemberNotNullWhen(false, nameof(Unknown))]
    public bool IsKnown => Unknown is null;

    /// <summary>The value; reading it when unknown is a programming error, so test <see cref="IsKnown"/> first.</summary>
    public T Value => IsKnown ? value : throw new InvalidOperationException($"the value is unknown ({Unknown})");

    public static Observed<T> Known(T value, Source? source = null) => new(value, null, source);

    public static Observed<T> NotKnown(UnknownReason reason, string? detail = null, Source? source = null) =>
        new(default!, new Unknown(reason, detail), source);

    public static Observed<T> NotKnown(Unknown unknown, Source? source = null) => new(default!, unknown, source);

    public static implicit operator Observed<T>(T value) => Known(value);

    /// <summary>True only when the value is known and satisfies <paramref name="predicate"/>.</summary>
    public bool Is(Func<T, bool> predicate) => IsKnown && predicate(value);

    /// <summary>True only when the value is known and does not satisfy <paramref name="predicate"/>.</summary>
    public bool IsNot(Func<T, bool> predicate) => IsKnown && !predicate(value);

    public bool TryGetValue([MaybeNullWhen(false)] out T result)
    {
        result = value;
        return IsKnown;
    }

    /// <summary>Applies <paramref name="map"/> to a known value; an unknown stays unknown with its reason.</summary>
    public Observed<TResult> Select<TResult>(Func<T, TResult> map) =>
        IsKnown ? Observed<TResult>.Known(map(value), Source) : Observed<TResult>.NotKnown(Unknown, Source);

    public bool Equals(Observed<T>? other) =>
        other is not null
        && Equals(Unknown, other.Unknown)
        && Equals(Source, other.Source)
        && (!IsKnown || ValueEquality.AreEqual(value, other.value));

    public override bool Equals(object? obj) => obj is Observed<T> other && Equals(other);

    public override int GetHashCode() => IsKnown ? ValueEquality.HashOf(value) : Unknown.GetHashCode();

    public override string ToString() => IsKnown ? value?.ToString() ?? "none" : $"unknown ({Unknown})";
}
