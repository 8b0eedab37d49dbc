using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Rendering;

/// <summary>The plan itself, for other tools: <c>{"options", "steps": [{"type", "accountId", "region", "reason", "change", ...}], "fixes", "notPlanned", "warnings"}</c>.</summary>
public sealed class JsonPlanRenderer : IPlanRenderer
{
    private static readonly PlanJsonContext Context = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Every enum the plan holds, kebab-cased; these take precedence over the converters the enums declare themselves.
        Converters =
        {
            new JsonStringEnumConverter<StepChange>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<PlanVia>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<ReadWriteType>(JsonNamingPolicy.KebabCaseLower),
        },
    });

    public string Format => "json";

    public void Write(RemediationPlan plan, RenderOptions options, TextWriter output) =>
        output.Write(JsonSerializer.Serialize(plan, Context.RemediationPlan));
}
