namespace Tocsin.Core.Patterns.Syntax;

public enum TermKind
{
    /// <summary>A plain term: the event must contain it.</summary>
    Required,
    /// <summary><c>?term</c>: when every term is optional, the event must contain at least one.</summary>
    Optional,
    /// <summary><c>-term</c>: the event must not contain it.</summary>
    Excluded,
}

/// <summary>One term of a term pattern; <see cref="Text"/> is the unquoted, unescaped text searched for.</summary>
public sealed record Term(string Text, TermKind Kind, bool Quoted);
