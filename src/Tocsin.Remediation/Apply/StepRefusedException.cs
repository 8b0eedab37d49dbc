namespace Tocsin.Remediation.Apply;

/// <summary>A step that would overwrite something the plan did not see, or that is no longer as the plan saw it.</summary>
public sealed class StepRefusedException(string message) : Exception(message);
