using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Rendering;

/// <summary>Writes a plan in one language (words, JSON, a shell script, a template, a policy). Output is deterministic: the same plan gives the same text.</summary>
public interface IPlanRenderer
{
    /// <summary>The <c>--format</c> name.</summary>
    string Format { get; }

    void Write(RemediationPlan plan, RenderOptions options, TextWriter output);
}

/// <summary>What some renderers need beyond the plan.</summary>
/// <param name="AdminRoleArn">The role the SCP still lets change the chain (<c>--admin-role-arn</c>); the SCP renderer needs it.</param>
public sealed record RenderOptions(string? AdminRoleArn = null)
{
    public static RenderOptions Default { get; } = new();
}
