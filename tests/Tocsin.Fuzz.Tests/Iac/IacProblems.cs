using Tocsin.Iac;

namespace Tocsin.Fuzz.Tests.Iac;

internal static class IacProblems
{
    /// <summary>Every problem a reader reports names a file it was given and says what is wrong.</summary>
    public static void ShouldNameTheFile(IacRead read, IReadOnlyCollection<string> files)
    {
        foreach (var problem in read.Problems)
        {
            files.ShouldContain(problem.File, $"the problem \"{problem}\" names a file that was not read");
            problem.Message.ShouldNotBeNullOrWhiteSpace();
            problem.Line.ShouldBeGreaterThanOrEqualTo(0);
            problem.Column.ShouldBeGreaterThanOrEqualTo(0);
        }
    }
}
