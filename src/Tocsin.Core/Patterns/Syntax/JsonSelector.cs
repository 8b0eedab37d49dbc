namespace Tocsin.Core.Patterns.Syntax;

/// <summary>
/// A property selector such as <c>$.additionalEventData.MFAUsed</c>, <c>$.list[0]</c>, <c>$.a[*].b</c>
/// or <c>$.['cluster.name']</c>. <see cref="Text"/> is the selector as written.
/// </summary>
public sealed record JsonSelector(string Text, IReadOnlyList<SelectorStep> Steps)
{
    /// <summary>True when a step is <c>[*]</c> or <c>.*</c>: the condition holds if any selected node satisfies it.</summary>
    public bool HasWildcard => Steps.Any(step => step is AnyElementStep or AnyPropertyStep);

    public override string ToString() => Text;
}

public abstract record SelectorStep;

/// <summary><c>.name</c> or <c>.['dotted.name']</c>: a property of an object.</summary>
public sealed record PropertyStep(string Name) : SelectorStep;

/// <summary><c>[n]</c>: a zero-based element of an array.</summary>
public sealed record IndexStep(int Index) : SelectorStep;

/// <summary><c>[*]</c>: every element of an array.</summary>
public sealed record AnyElementStep : SelectorStep;

/// <summary><c>.*</c>: every property value of an object.</summary>
public sealed record AnyPropertyStep : SelectorStep;
