namespace Tocsin.Core.EventPatterns;

/// <summary>A parsed EventBridge event pattern. <see cref="Text"/> is the pattern as written.</summary>
public sealed record EventPattern(string Text, PatternObject Root);

/// <summary>A pattern object: every member must hold (fields are ANDed).</summary>
public sealed record PatternObject(IReadOnlyList<PatternMember> Members);

public abstract record PatternMember;

/// <summary><c>"name": { ... }</c>: the event's <c>name</c> must be an object (or an array holding one) that matches.</summary>
public sealed record NestedField(string Name, PatternObject Pattern) : PatternMember;

/// <summary><c>"name": [ ... ]</c>: some value of the event's <c>name</c> matches some matcher (values are ORed).</summary>
public sealed record LeafField(string Name, IReadOnlyList<ValueMatcher> Matchers) : PatternMember;

/// <summary><c>"$or": [ {...}, {...} ]</c>: at least one of the alternatives matches at this level.</summary>
public sealed record OrMember(IReadOnlyList<PatternObject> Alternatives) : PatternMember;
