using System.Text.Json.Nodes;
using Tocsin.Core.Inventory.Snapshots;

namespace Tocsin.Core.Tests.Inventory;

public class SnapshotRefusalTests
{
    private static JsonNode Good() => JsonNode.Parse(File.ReadAllText(Fixtures.PathOf("good")))!;

    private static JsonNode Alarm(JsonNode snapshot) => snapshot["accounts"]![0]!["regions"]![1]!["alarms"]![0]!;

    private static string Refusal(string json) =>
        Should.Throw<SnapshotException>(() => Snapshot.Parse(json, "snapshot.json")).Message;

    private static string Refusal(JsonNode snapshot) => Refusal(snapshot.ToJsonString());

    [Fact]
    public void A_threshold_written_as_a_string_is_refused_at_its_path()
    {
        var snapshot = Good();
        Alarm(snapshot)["threshold"] = "1";

        Refusal(snapshot).ShouldBe("snapshot.json: $.accounts[0].regions[1].alarms[0].threshold: expected number or null, found string");
    }

    [Fact]
    public void A_string_escaping_half_a_surrogate_pair_is_refused_not_thrown()
    {
        var json = Good().ToJsonString().Replace("\"111111111111\"", "\"\\uD800\"", StringComparison.Ordinal);

        Refusal(json).ShouldBe("snapshot.json: $.accounts[0].id: the string escapes an unpaired UTF-16 surrogate (such as \\uD800 alone): it is no text");
    }

    [Fact]
    public void A_property_name_escaping_half_a_surrogate_pair_is_refused_at_its_object_not_thrown()
    {
        var json = Good().ToJsonString().Replace("\"schemaVersion\"", "\"schem\\uD800aVersion\"", StringComparison.Ordinal);

        Refusal(json).ShouldBe("snapshot.json: $: a property name escapes an unpaired UTF-16 surrogate (such as \\uD800 alone): it is no text");
    }

    [Fact]
    public void A_file_that_is_not_json_is_refused_with_line_and_column()
    {
        Refusal("{\n  \"schemaVersion\": 1,\n  \"accounts\": [,]\n}")
            .ShouldBe("snapshot.json: line 3, column 16: not valid JSON: ',' is an invalid start of a value");
    }

    [Fact]
    public void A_terraform_plan_is_refused_as_not_a_snapshot()
    {
        Refusal("""{"format_version": "1.2", "terraform_version": "1.9.0", "planned_values": {}}""")
            .ShouldBe("snapshot.json: $.schemaVersion: missing; this is not a Tocsin snapshot");
    }

    [Fact]
    public void A_snapshot_of_a_newer_version_is_refused_with_both_versions_named()
    {
        var snapshot = Good();
        snapshot["schemaVersion"] = 2;

        Refusal(snapshot).ShouldBe("snapshot.json: $.schemaVersion: version 2 is not supported; this version of Tocsin reads version 1");
    }

    [Fact]
    public void A_json_array_is_refused_as_not_a_snapshot_object()
    {
        Refusal("[1, 2]").ShouldBe("snapshot.json: $: expected a Tocsin snapshot object, found array");
    }

    [Fact]
    public void An_unknown_reason_outside_the_closed_set_is_refused()
    {
        var snapshot = Good();
        snapshot["accounts"]![0]!["regions"]![1]!["alarms"] = new JsonObject { ["unknown"] = "forbidden" };

        Refusal(snapshot).ShouldBe(
            "snapshot.json: $.accounts[0].regions[1].alarms.unknown: expected one of \"access-denied\", \"throttled\", \"unavailable\", \"not-collected\", \"unresolved\", found \"forbidden\"");
    }

    [Fact]
    public void A_field_the_schema_does_not_know_is_refused()
    {
        var snapshot = Good();
        Alarm(snapshot)["thresold"] = 1;

        Refusal(snapshot).ShouldBe("snapshot.json: $.accounts[0].regions[1].alarms[0].thresold: unexpected field");
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var snapshot = Good();
        Alarm(snapshot).AsObject().Remove("evaluationPeriods");

        Refusal(snapshot).ShouldBe("snapshot.json: $.accounts[0].regions[1].alarms[0]: missing required field evaluationPeriods");
    }

    [Fact]
    public void An_account_id_that_is_not_twelve_digits_is_refused()
    {
        var snapshot = Good();
        snapshot["accounts"]![0]!["id"] = "1111";

        Refusal(snapshot).ShouldBe("snapshot.json: $.accounts[0].id: \"1111\" does not match the pattern ^[0-9]{12}$");
    }

    [Fact]
    public void A_wrapper_with_both_a_value_and_a_reason_is_refused()
    {
        var snapshot = Good();
        Alarm(snapshot)["actionsEnabled"] = new JsonObject { ["known"] = true, ["unknown"] = "throttled" };

        Refusal(snapshot).ShouldBe(
            "snapshot.json: $.accounts[0].regions[1].alarms[0].actionsEnabled: expected exactly one of \"known\" (a value) or \"unknown\" (a reason)");
    }

    [Fact]
    public void A_wrapped_value_of_the_wrong_type_is_refused_at_the_value()
    {
        var snapshot = Good();
        Alarm(snapshot)["period"] = new JsonObject { ["known"] = "300", ["source"] = new JsonObject { ["file"] = "main.tf", ["line"] = 12 } };

        Refusal(snapshot).ShouldBe("snapshot.json: $.accounts[0].regions[1].alarms[0].period.known: expected integer or null, found string");
    }

    [Fact]
    public void A_date_that_is_not_iso_8601_is_refused()
    {
        var snapshot = Good();
        snapshot["collectedAt"] = "yesterday";

        Refusal(snapshot).ShouldBe("snapshot.json: $.collectedAt: \"yesterday\" is not a date-time (ISO 8601, e.g. 2026-01-31T12:00:00Z)");
    }

    [Fact]
    public void Of_two_bad_fields_the_one_first_in_the_file_is_named()
    {
        var snapshot = Good();
        Alarm(snapshot)["treatMissingData"] = 7;
        Alarm(snapshot)["period"] = "300";

        Refusal(snapshot).ShouldBe("snapshot.json: $.accounts[0].regions[1].alarms[0].period: expected integer or null, found string");
    }

    [Fact]
    public void A_bad_field_in_an_earlier_account_is_named_before_one_in_a_later_account()
    {
        var snapshot = Good();
        var second = snapshot["accounts"]![0]!.DeepClone();
        second["id"] = "222222222222";
        snapshot["accounts"]!.AsArray().Add(second);
        second["regions"]![0]!["name"] = 5;
        snapshot["accounts"]![0]!["regions"]![1]!["topics"]![0]!["arn"] = false;

        Refusal(snapshot).ShouldBe("snapshot.json: $.accounts[0].regions[1].topics[0].arn: expected string, found boolean");
    }

    [Fact]
    public void An_empty_file_is_refused_as_empty()
    {
        Refusal("\n").ShouldBe("snapshot.json: $: the file is empty; expected a Tocsin snapshot");
    }
}
