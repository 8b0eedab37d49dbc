namespace Tocsin.Core.Evaluation;

/// <summary>What a resource policy says about one grant: yes, no, or a condition this check cannot evaluate.</summary>
internal enum PolicyAnswer
{
    Allows,
    Denies,
    Undecided,
}
