namespace Tocsin.Cli;

/// <summary>Exit codes are a contract (DESIGN.md): tool failure is kept apart from findings.</summary>
public static class ExitCodes
{
    /// <summary>Nothing at or above <c>--fail-on</c>.</summary>
    public const int Ok = 0;

    /// <summary>Findings at or above <c>--fail-on</c>.</summary>
    public const int Findings = 1;

    /// <summary>Bad usage or bad input (malformed pattern, snapshot, file).</summary>
    public const int UsageError = 2;

    /// <summary>The tool itself failed.</summary>
    public const int ToolFailure = 3;
}
