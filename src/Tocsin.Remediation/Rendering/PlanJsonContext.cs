using System.Text.Json.Serialization;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Rendering;

/// <summary>
/// The plan's types, serialized without reflection so the command runs as a native AOT binary. The steps are written
/// with their <c>type</c> discriminator as <see cref="PlanStep"/> declares it.
/// </summary>
[JsonSerializable(typeof(RemediationPlan))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
