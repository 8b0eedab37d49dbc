using Tocsin.Core.Findings;

namespace Tocsin.Reports;

/// <summary>Writes the findings of a run in one format; every format reads the same <see cref="RunResult"/>.</summary>
public interface IReportWriter
{
    /// <summary>The name users pass to <c>--format</c>, e.g. <c>json</c>.</summary>
    string Format { get; }

    void Write(RunResult result, TextWriter output);
}
