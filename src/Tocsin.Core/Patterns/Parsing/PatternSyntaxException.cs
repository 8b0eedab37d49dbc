using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Parsing;

/// <summary>
/// Thrown inside the parser only, to unwind from deep in the grammar; <see cref="PatternParser.Parse"/>
/// turns it into a <see cref="PatternError"/> value, so callers never see it.
/// </summary>
internal sealed class PatternSyntaxException(PatternError error) : Exception(error.Message)
{
    public PatternError Error { get; } = error;
}
