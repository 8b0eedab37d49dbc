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
    /// <summary>
    /// <c>--accept eventbridge</c>: an account passes by either chain, the metric-filter one or an EventBridge rule in
    /// every region in scope; otherwise the control asks for the CIS chain and the EventBridge one only adds a note.
    /// </summary>
    public bool AcceptEventBridge { get; init; }

    public static EvaluationOptions Default { get; } = new();
}
