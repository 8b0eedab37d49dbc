namespace Tocsin.Core.Controls;

/// <summary>How much an unnoticed event of this control costs; written in JSON as <c>low</c> ... <c>critical</c>.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}
