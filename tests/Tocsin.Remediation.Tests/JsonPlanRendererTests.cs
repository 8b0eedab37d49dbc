using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering;

namespace Tocsin.Remediation.Tests;

/// <summary>
/// The JSON plan is serialized without reflection (for the native AOT build), and must read as it did when reflection
/// wrote it: the same names, the same kebab-cased enums, the same step discriminators and escaping.
/// </summary>
public sealed class JsonPlanRendererTests
{
    /// <summary>The options the plan was written with through reflection: every enum kebab-cased by one converter.</summary>
    private static readonly JsonSerializerOptions Reflection = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>A step of every kind, basic selectors of every ReadWriteType, and every part of the plan filled in.</summary>
    private static RemediationPlan EveryPart()
    {
        const string account = CliScriptHostilePlan.Account, region = CliScriptHostilePlan.Region;
        var hostile = CliScriptHostilePlan.EveryStep();
        const string topic = "arn:aws:sns:us-east-1:123456789012:tocsin-alarms";
        PlanStep[] more =
        [
            new RecordManagementEvents("trail", "arn:aws:cloudtrail:us-east-1:123456789012:trail/trail",
                [new EventSelector(ReadWriteType.All, true, ["kms.amazonaws.com"]), new EventSelector(ReadWriteType.ReadOnly, false, []), new EventSelector(ReadWriteType.WriteOnly, true, [])], null)
                { AccountId = account, Region = region, Reason = ReasonCode.NoManagementEvents },
            new PutEventRule("console-signin-without-mfa", "tocsin-rule", """{"source":["aws.signin"]}""", "ENABLED", "Console sign-in without MFA: é", Exists: false) { AccountId = account, Region = region, Reason = ReasonCode.NoAlarm },
            new PutEventTarget("tocsin-rule", "tocsin-topic", topic, Exists: true) { AccountId = account, Region = region, Reason = ReasonCode.NoAlarm },
            new AllowEventBridgeToPublish(topic, CliScriptHostilePlan.Policy("statement"), CliScriptHostilePlan.Policy("topic")) { AccountId = account, Region = region, Reason = ReasonCode.TopicPolicyDeniesCloudWatch },
            new AllowEventBridgeToUseKey("key-1", topic, CliScriptHostilePlan.Policy("statement"), CliScriptHostilePlan.Policy("key")) { AccountId = account, Region = region, Reason = ReasonCode.TopicKeyDeniesCloudWatch },
        ];
        return new RemediationPlan(
            new PlanOptions(new NotifyEndpoint("email", "sec@example.com"), topic, "Tocsin", "variant", PlanVia.EventBridge),
            [.. hostile.Steps, .. more],
            [new PlannedFix("console-signin-without-mfa", account, region, ["no-alarm"], "pass", null), new PlannedFix("root-usage", account, null, [], "still-fails", "why <&>")],
            [new NotPlanned("console-signin-without-mfa", "210987654321", "error", "access denied")],
            ["a warning with 'quotes' and \"double quotes\""]);
    }

    private static string Render(RemediationPlan plan)
    {
        using var output = new StringWriter();
        new JsonPlanRenderer().Write(plan, RenderOptions.Default, output);
        return output.ToString();
    }

    [Fact]
    public void The_json_plan_is_byte_for_byte_what_reflection_serialization_wrote()
    {
        var plan = EveryPart();

        Render(plan).ShouldBe(JsonSerializer.Serialize(plan, Reflection));
    }

    [Fact]
    public void The_json_plan_kebab_cases_every_enum_it_holds()
    {
        var json = Render(EveryPart());

        json.ShouldContain("\"via\": \"eventbridge\"");
        json.ShouldContain("\"change\": \"create\"");
        json.ShouldContain("\"readWriteType\": \"read-only\"");
        json.ShouldContain("\"readWriteType\": \"write-only\"");
        json.ShouldContain("\"type\": \"allow-eventbridge-to-use-key\"");
    }
}
