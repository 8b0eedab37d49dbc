namespace Tocsin.Core.Evaluation;

/// <summary>How filters are judged: by verdict over the event space (default), or by the common checkers' regex.</summary>
public enum EvaluationMode
{
    Semantic,
    Literal,
}

/// <param name="Mode">Semantic verdicts decide; both verdicts are reported either way.</param>
/// <param name="Strict">Only an equivalent pattern or an accepted variant passes.</param>
public sealed record EvaluationOptions(EvaluationMode Mode = EvaluationMode.Semantic, bool Strict = false)
{
    public static EvaluationOptions Default { get; } = new();
}
