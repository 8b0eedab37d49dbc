using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Apply;

/// <summary>What became of one step.</summary>
public enum StepOutcome
{
    /// <summary>Tocsin made the change.</summary>
    Applied,

    /// <summary>What the step asks for was already there; nothing was written.</summary>
    AlreadyDone,

    /// <summary>A step only a person can do; Tocsin reminds, it does not act.</summary>
    ByHand,

    /// <summary>The step was not made: AWS refused it, or what it would overwrite is not what the plan saw.</summary>
    Failed,

    /// <summary>An earlier step failed, so this one was not tried.</summary>
    NotRun,
}

/// <summary>One step and what became of it, in words.</summary>
public sealed record StepResult(PlanStep Step, StepOutcome Outcome, string Detail);

/// <summary>Every step of the plan in plan order, with the write calls made.</summary>
public sealed record ApplyReport(IReadOnlyList<StepResult> Steps, int Writes)
{
    public bool Failed => Steps.Any(s => s.Outcome == StepOutcome.Failed);

    /// <summary>True when nothing needed changing: no write call was made and no step failed.</summary>
    public bool NothingChanged => Writes == 0 && !Failed;
}
