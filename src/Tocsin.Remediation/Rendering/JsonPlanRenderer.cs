using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Rendering;

/// <summary>The plan itself, for other tools: <c>{"options", "steps": [{"type", "accountId", "region", "reason", "change", ...}], "fixes", "notPlanned", "warnings"}</c>.</summary>
public sealed class JsonPlanRenderer : IPlanRenderer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public string Format => "json";

    public void Write(RemediationPlan plan, RenderOptions options, TextWriter output) =>
        output.Write(JsonSerializer.Serialize(plan, Options));
}
