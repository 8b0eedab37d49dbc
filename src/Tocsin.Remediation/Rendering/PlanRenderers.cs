namespace Tocsin.Remediation.Rendering;

/// <summary>Every plan format, by its <c>--format</c> name.</summary>
public static class PlanRenderers
{
    private static readonly IPlanRenderer[] All =
    [
        new TextPlanRenderer(),
        new JsonPlanRenderer(),
        new CloudFormationRenderer(),
        new StackSetRenderer(),
        new ConformancePackRenderer(),
        new ScpRenderer(),
        new CliScriptRenderer(),
        new TerraformRenderer(),
    ];

    public static IReadOnlyList<string> Formats { get; } = [.. All.Select(r => r.Format)];

    public static IPlanRenderer? Find(string format) => All.FirstOrDefault(r => r.Format == format);
}
