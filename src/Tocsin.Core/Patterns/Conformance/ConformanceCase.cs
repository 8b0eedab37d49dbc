namespace Tocsin.Core.Patterns.Conformance;

/// <summary>
/// One line of a conformance file: a pattern, an event and whether CloudWatch Logs matches it. A case with
/// <see cref="MustBeRejected"/> expects the pattern itself to be refused.
/// </summary>
public sealed record ConformanceCase(int Line, string Id, string Pattern, string Event, bool? Matches, bool MustBeRejected);

/// <summary>A case whose outcome differed from what the file expects, and what happened instead.</summary>
public sealed record ConformanceFailure(ConformanceCase Case, string Actual)
{
    public override string ToString() => $"{Case.Id} (line {Case.Line}): {Actual}";
}

/// <summary>The outcome of a whole conformance file.</summary>
public sealed record ConformanceReport(int Passed, IReadOnlyList<ConformanceFailure> Failures);
