using Tocsin.Core.Inventory;
using Tocsin.Core.Inventory.Snapshots;

namespace Tocsin.Core.Tests.Inventory;

public class SnapshotRoundTripTests
{
    private static readonly Source TerraformLine = Source.FromFile("main.tf", 42);

    // Every record and every optional field set, so the schema is checked against all of the model.
    private static CloudInventory FullyPopulated()
    {
        var trail = Samples.Trail() with
        {
            IsOrganizationTrail = true,
            LatestDeliveryError = Observed<string?>.Known("AccessDenied"),
            LatestCloudWatchLogsDeliveryError = Observed<string?>.Known("LogGroupNotFound"),
            AdvancedEventSelectors = Samples.List(new AdvancedEventSelector("Management events", [new AdvancedFieldSelector("eventCategory", ["Management"], ["M"], ["t"], ["Data"], ["D"], ["x"])])),
            Source = new Source(Arn: "arn:aws:cloudtrail:us-east-1:111111111111:trail/management-events", File: "trail.tf", Line: 3),
        };
        var filter = Samples.MetricFilter() with
        {
            Transformations = Samples.List(new MetricTransformation("M", "N", "$.bytes", 0, [new Dimension("UserName", "$.userIdentity.userName")], "Count")),
            Source = TerraformLine,
        };
        var alarm = Samples.Alarm() with
        {
            Dimensions = Samples.List(new Dimension("UserName", "alice")),
            ExtendedStatistic = Observed<string?>.Known("p99"),
            Metrics = Samples.List(
                new MetricDataQuery("m1", null, new MetricStat("CISBenchmark", "ConsoleSigninWithoutMFA", [new Dimension("A", "b")], 60, "Sum", "Count"), false, "raw", 60),
                new MetricDataQuery("e1", "m1 * 2", null, true)),
            Threshold = Observed<double?>.Known(0.5),
            OkActions = Samples.List("arn:aws:sns:us-east-1:111111111111:ok"),
            InsufficientDataActions = Samples.List("arn:aws:sns:us-east-1:111111111111:data"),
            Period = Observed<int?>.NotKnown(UnknownReason.Unresolved, "var.alarm_period", TerraformLine),
            EvaluationPeriods = Observed<int>.Known(3, Source.FromFile("alarms.yaml", 17)),
        };
        var topic = Samples.Topic() with
        {
            KmsMasterKeyId = Observed<string?>.Known("alias/aws/sns"),
            KeyPolicy = Observed<string?>.Known("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"kms:Decrypt","Resource":"*"}]}""", Source.FromArn("arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab")),
            Subscriptions = Samples.List(
                new Subscription(Subscription.PendingConfirmation, "https", Observed<string?>.NotKnown(UnknownReason.AccessDenied), Source.FromArn("arn:aws:sns:us-east-1:111111111111:security-alarms"))),
        };
        var rule = new EventRule(
            "console-signin-without-mfa",
            "arn:aws:events:us-east-1:111111111111:rule/console-signin-without-mfa",
            EventRule.DefaultBus,
            EventRuleState.Enabled,
            Observed<string?>.Known("""{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"]}"""),
            Observed<string?>.Known(null),
            Observed<string?>.Known(null),
            Samples.List(
                new EventTarget("alarms", Samples.TopicArn, Observed<string?>.Known(null), EventTargetInput.MatchedEvent),
                new EventTarget("relay", "arn:aws:events:us-east-1:222222222222:event-bus/central", Observed<string?>.Known("arn:aws:iam::111111111111:role/forward-events"), EventTargetInput.Transformer, Source.FromFile("rules.tf", 9))));
        var scheduled = new EventRule(
            "nightly",
            "arn:aws:events:us-east-1:111111111111:rule/nightly",
            EventRule.DefaultBus,
            EventRuleState.EnabledWithAllCloudTrailManagementEvents,
            Observed<string?>.Known(null),
            Observed<string?>.Known("rate(1 day)"),
            Observed<string?>.Known("ssm.amazonaws.com"),
            Samples.Denied<EventTarget>("events:ListTargetsByRule"));
        var region = new Region("us-east-1", Samples.List(trail), Samples.List(Samples.LogGroup() with { Source = TerraformLine }), Samples.List(filter), Samples.List(alarm), Samples.List(topic))
        {
            EventRules = Samples.List(rule, scheduled),
        };
        var role = new IamRole(
            "arn:aws:iam::111111111111:role/forward-events",
            "forward-events",
            Observed<string?>.Known("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""),
            Samples.List(new RolePolicy("publish", null, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}]}""")),
            Samples.List(new RolePolicy("AmazonSNSFullAccess", "arn:aws:iam::aws:policy/AmazonSNSFullAccess", Observed<string>.NotKnown(UnknownReason.AccessDenied, "iam:GetPolicyVersion"))),
            Observed<string?>.Known(null),
            Source.FromArn("arn:aws:iam::111111111111:role/forward-events"));
        var throttled = new Region(
            "eu-west-1",
            Samples.List<Trail>(),
            Observed<IReadOnlyList<LogGroup>>.NotKnown(UnknownReason.Throttled, "logs:DescribeLogGroups"),
            Observed<IReadOnlyList<MetricFilter>>.NotKnown(UnknownReason.Unavailable),
            Observed<IReadOnlyList<Alarm>>.NotKnown(UnknownReason.NotCollected, "alarms are not read from CloudFormation"),
            Samples.Denied<Topic>("sns:ListTopics"))
        {
            EventRules = Samples.Denied<EventRule>("events:ListRules"),
        };
        var organization = new Organization("o-a1b2c3d4e5", "111111111111", Samples.List("111111111111", "222222222222"), Source.FromArn("arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5"));
        return new CloudInventory(
            organization,
            [
                Samples.Account() with { Regions = Samples.List(region, throttled), Roles = Samples.List(role), Source = Source.FromArn("arn:aws:organizations::111111111111:account/o-a1b2c3d4e5/111111111111") },
                new Account("222222222222", null, Samples.Denied<Region>("sts:AssumeRole")),
            ],
            new DateTimeOffset(2026, 11, 26, 22, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_fully_populated_inventory_validates_against_the_schema_and_reads_back_equal()
    {
        var json = Snapshot.ToJson(FullyPopulated());

        Snapshot.ToJson(Snapshot.Parse(json, "full.json")).ShouldBe(json);
    }

    [Fact]
    public void A_topic_key_policy_reads_back_with_where_it_was_read()
    {
        var inventory = Snapshot.Parse(Snapshot.ToJson(FullyPopulated()), "full.json");

        var keyPolicy = inventory.Accounts[0].FindRegion("us-east-1")!.Topics.Value[0].KeyPolicy;
        keyPolicy.Value!.ShouldContain("sns.amazonaws.com");
        keyPolicy.Source!.Arn.ShouldStartWith("arn:aws:kms:");
    }

    [Fact]
    public void A_snapshot_written_before_key_policies_loads_an_encrypted_topics_key_policy_as_not_collected()
    {
        var old = File.ReadAllText(Fixtures.PathOf("good")).Replace("\"kmsMasterKeyId\": null", "\"kmsMasterKeyId\": \"alias/security-alarms\"", StringComparison.Ordinal);

        var topic = Snapshot.Parse(old, "old.json").Accounts[0].FindRegion("us-east-1")!.Topics.Value[0];

        topic.KmsMasterKeyId.Value.ShouldBe("alias/security-alarms");
        topic.KeyPolicy.Unknown!.Reason.ShouldBe(UnknownReason.NotCollected);
    }

    [Fact]
    public void A_snapshot_written_before_key_policies_loads_an_unencrypted_topic_with_no_key_policy()
    {
        var topic = Fixtures.Load("good").Accounts[0].FindRegion("us-east-1")!.Topics.Value[0];

        topic.KeyPolicy.ShouldBe(Observed<string?>.Known(null));
    }

    [Fact]
    public void A_key_policy_that_says_no_more_than_its_absence_is_left_out_of_the_snapshot()
    {
        var inventory = FullyPopulated();
        var account = inventory.Accounts[0];
        var regions = account.Regions.Value.Select(r => r with
        {
            Topics = r.Topics.Select<IReadOnlyList<Topic>>(topics => [.. topics.Select(t => t with { KeyPolicy = Topic.KeyPolicyWhenAbsent(t.KmsMasterKeyId) })]),
        }).ToList();

        Snapshot.ToJson(inventory with { Accounts = [account with { Regions = Observed.Known<IReadOnlyList<Region>>(regions) }, inventory.Accounts[1]] })
            .ShouldNotContain("keyPolicy");
    }

    [Fact]
    public void A_snapshot_written_before_EventBridge_rules_loads_them_as_not_collected_never_as_no_rules()
    {
        var inventory = Fixtures.Load("good");

        var rules = inventory.Accounts[0].FindRegion("us-east-1")!.EventRules;
        rules.IsKnown.ShouldBeFalse();
        rules.Unknown!.Reason.ShouldBe(UnknownReason.NotCollected);
        inventory.Accounts[0].Roles.Unknown!.Reason.ShouldBe(UnknownReason.NotCollected);
    }

    [Fact]
    public void A_snapshot_written_before_EventBridge_rules_writes_back_byte_for_byte()
    {
        var old = File.ReadAllText(Fixtures.PathOf("good"));

        Snapshot.ToJson(Snapshot.Parse(old, "good.json")).ShouldBe(old);
    }

    [Fact]
    public void EventBridge_rules_read_back_with_their_targets_state_and_pattern_text()
    {
        var inventory = Snapshot.Parse(Snapshot.ToJson(FullyPopulated()), "full.json");

        var rules = inventory.Accounts[0].FindRegion("us-east-1")!.EventRules.Value;
        rules.Select(r => r.Name).ShouldBe(["console-signin-without-mfa", "nightly"]);
        rules[0].EventPattern.Value.ShouldBe("""{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"]}""");
        rules[0].Targets.Value.Select(t => (t.Id, t.Input.Value)).ShouldBe([("alarms", EventTargetInput.MatchedEvent), ("relay", EventTargetInput.Transformer)]);
        rules[1].State.Value.ShouldBe(EventRuleState.EnabledWithAllCloudTrailManagementEvents);
        rules[1].Targets.Unknown.ShouldBe(new Unknown(UnknownReason.AccessDenied, "events:ListTargetsByRule"));
    }

    [Fact]
    public void A_rule_state_is_written_as_AWS_spells_it()
    {
        Snapshot.ToJson(FullyPopulated()).ShouldContain("\"state\": \"ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS\"");
    }

    [Fact]
    public void A_target_role_reads_back_with_its_trust_and_permission_policies()
    {
        var inventory = Snapshot.Parse(Snapshot.ToJson(FullyPopulated()), "full.json");

        var role = inventory.Accounts[0].FindRole("arn:aws:iam::111111111111:role/forward-events")!;
        role.TrustPolicy.Value!.ShouldContain("events.amazonaws.com");
        role.InlinePolicies.Value.Single().Document.Value.ShouldContain("sns:Publish");
        role.AttachedPolicies.Value.Single().Document.Unknown!.Reason.ShouldBe(UnknownReason.AccessDenied);
    }

    [Fact]
    public void Rules_that_could_not_be_listed_read_back_unknown_with_the_reason()
    {
        var inventory = Snapshot.Parse(Snapshot.ToJson(FullyPopulated()), "full.json");

        inventory.Accounts[0].FindRegion("eu-west-1")!.EventRules.Unknown.ShouldBe(new Unknown(UnknownReason.AccessDenied, "events:ListRules"));
    }

    [Fact]
    public void An_unknown_value_reads_back_with_its_reason_detail_and_source()
    {
        var inventory = Snapshot.Parse(Snapshot.ToJson(FullyPopulated()), "full.json");

        var period = inventory.Accounts[0].FindRegion("us-east-1")!.Alarms.Value[0].Period;
        period.Unknown.ShouldBe(new Unknown(UnknownReason.Unresolved, "var.alarm_period"));
        period.Source.ShouldBe(TerraformLine);
    }

    [Fact]
    public void A_known_value_with_its_own_source_reads_back_with_it()
    {
        var inventory = Snapshot.Parse(Snapshot.ToJson(FullyPopulated()), "full.json");

        var periods = inventory.Accounts[0].FindRegion("us-east-1")!.Alarms.Value[0].EvaluationPeriods;
        periods.ShouldBe(Observed<int>.Known(3, Source.FromFile("alarms.yaml", 17)));
    }

    [Fact]
    public void A_whole_collection_that_could_not_be_listed_reads_back_unknown()
    {
        var inventory = Snapshot.Parse(Snapshot.ToJson(FullyPopulated()), "full.json");

        var region = inventory.Accounts[0].FindRegion("eu-west-1")!;
        region.LogGroups.Unknown.ShouldBe(new Unknown(UnknownReason.Throttled, "logs:DescribeLogGroups"));
        inventory.Accounts[1].Regions.Unknown!.Reason.ShouldBe(UnknownReason.AccessDenied);
    }

    [Fact]
    public void Accounts_and_regions_are_written_in_order_whatever_order_the_source_listed_them()
    {
        var inventory = FullyPopulated();
        var shuffled = inventory with { Accounts = [.. inventory.Accounts.Reverse()] };

        Snapshot.ToJson(shuffled).ShouldBe(Snapshot.ToJson(inventory));
    }

    [Fact]
    public void Unknown_reasons_are_written_kebab_case()
    {
        Snapshot.ToJson(FullyPopulated()).ShouldContain("\"unknown\": \"not-collected\"");
    }

    [Fact]
    public void A_saved_snapshot_loads_from_a_stream()
    {
        using var stream = new MemoryStream();
        Snapshot.Save(Samples.Inventory(), stream);
        stream.Position = 0;

        Snapshot.Load(stream, "saved.json").Accounts.Single().Id.ShouldBe(Samples.AccountId);
    }

    [Fact]
    public void The_schema_is_draft_2020_12()
    {
        SnapshotSchema.Text.ShouldContain("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
    }

    [Fact]
    public void A_region_whose_alarms_could_not_be_listed_is_written_with_the_reason()
    {
        var inventory = Samples.Inventory(region => region with { Alarms = Samples.Denied<Alarm>("cloudwatch:DescribeAlarms") });

        var alarms = System.Text.Json.Nodes.JsonNode.Parse(Snapshot.ToJson(inventory))!["accounts"]![0]!["regions"]![0]!["alarms"]!;

        alarms.ToJsonString().ShouldBe("""{"unknown":"access-denied","detail":"cloudwatch:DescribeAlarms"}""");
    }
}
