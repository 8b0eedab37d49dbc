using Tocsin.Core.Inventory;

namespace Tocsin.Iac.Tests;

public sealed class CloudFormationIntrinsicTests
{
    private const string Parameters = """
        Parameters:
          Env:
            Type: String
            Default: prod
          Names:
            Type: CommaDelimitedList
            Default: "first,second,third"
          Given:
            Type: String
        Mappings:
          Metrics:
            prod:
              Name: prod-metric
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          IsTest: !Not [!Condition IsProd]
          Both: !And [!Condition IsProd, !Condition IsTest]
          Either: !Or [!Condition IsProd, !Condition IsTest]
          Unknowable: !Equals [!Ref Given, x]
          UnknowableOrProd: !Or [!Condition Unknowable, !Condition IsProd]
          UnknowableAndTest: !And [!Condition Unknowable, !Condition IsTest]
          Loop: !Not [!Condition Loop]
          LongForm: { "Fn::And": [{ "Fn::Equals": [{ Ref: Env }, prod] }, { "Fn::Not": [{ Condition: IsTest }] }, { "Fn::Or": [{ Condition: IsProd }] }] }
        """;

    private static Observed<string?> MetricName(string expression) =>
        CloudFormationTemplates.Inline(CloudFormationTemplates.AlarmNamed(expression, Parameters)).Alarms.ShouldHaveSingleItem().MetricName;

    [Theory]
    [InlineData("!Ref Env", "prod")]
    [InlineData("{ Ref: Env }", "prod")]
    [InlineData("!Ref AWS::AccountId", "123456789012")]
    [InlineData("!Ref AWS::Region", "us-east-1")]
    [InlineData("!Ref AWS::Partition", "aws")]
    [InlineData("!Ref AWS::StackName", "inline")]
    [InlineData("!Ref Logs", "trail-logs")]
    [InlineData("!Ref Alerts", "arn:aws:sns:us-east-1:123456789012:inline-Alerts")]
    [InlineData("!Sub \"${Env}-${AWS::Region}\"", "prod-us-east-1")]
    [InlineData("!Sub \"${!Literal}-${Env}\"", "${Literal}-prod")]
    [InlineData("!Sub [\"${Name}-x\", { Name: !Ref Env }]", "prod-x")]
    [InlineData("{ \"Fn::Sub\": \"${Logs.Arn}\" }", "arn:aws:logs:us-east-1:123456789012:log-group:trail-logs:*")]
    [InlineData("!GetAtt Logs.Arn", "arn:aws:logs:us-east-1:123456789012:log-group:trail-logs:*")]
    [InlineData("!GetAtt [Alerts, TopicName]", "inline-Alerts")]
    [InlineData("{ \"Fn::GetAtt\": [Alerts, TopicArn] }", "arn:aws:sns:us-east-1:123456789012:inline-Alerts")]
    [InlineData("!Join [\"-\", [a, !Ref Env, c]]", "a-prod-c")]
    [InlineData("{ \"Fn::Join\": [\"\", [a, b]] }", "ab")]
    [InlineData("!Select [1, !Ref Names]", "second")]
    [InlineData("!Select [0, [x, y]]", "x")]
    [InlineData("!Select [2, !Split [\",\", \"a,b,c\"]]", "c")]
    [InlineData("!If [IsProd, yes, no]", "yes")]
    [InlineData("!If [IsTest, yes, no]", "no")]
    [InlineData("!If [Both, yes, no]", "no")]
    [InlineData("!If [Either, yes, no]", "yes")]
    [InlineData("{ \"Fn::If\": [IsProd, !Ref Env, no] }", "prod")]
    [InlineData("!FindInMap [Metrics, !Ref Env, Name]", "prod-metric")]
    [InlineData("{ \"Fn::FindInMap\": [Metrics, prod, Name] }", "prod-metric")]
    [InlineData("!Base64 abc", "YWJj")]
    [InlineData("!If [UnknowableOrProd, yes, no]", "yes")]
    [InlineData("!If [UnknowableAndTest, yes, no]", "no")]
    [InlineData("{ \"Fn::Select\": [\"1\", [x, y]] }", "y")]
    [InlineData("{ \"Fn::If\": [LongForm, yes, no] }", "yes")]
    [InlineData("!If [LongForm, !Sub \"${Env}\", no]", "prod")]
    [InlineData("!GetAtt Alarm.Arn", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:inline-Alarm")]
    public void Each_intrinsic_resolves_as_CloudFormation_would(string expression, string expected) =>
        MetricName(expression).Value.ShouldBe(expected);

    [Theory]
    [InlineData("!Ref Given", "parameter Given has no default: its value is given only at deployment")]
    [InlineData("!Sub \"${Given}-x\"", "parameter Given has no default: its value is given only at deployment")]
    [InlineData("!ImportValue shared-metric", "the value is imported from another stack's export (shared-metric)")]
    [InlineData("!If [Unknowable, a, b]", "parameter Given has no default: its value is given only at deployment")]
    [InlineData("{ \"Fn::ImportValue\": { \"Fn::Sub\": \"${Env}-metric\" } }", "the value is imported from another stack's export (prod-metric)")]
    [InlineData("!If [Loop, a, b]", "condition Loop refers to itself")]
    [InlineData("!Ref Nowhere", "Ref Nowhere names no parameter or resource of inline.yaml")]
    [InlineData("!FindInMap [Metrics, test, Name]", "mapping Metrics has no test/Name")]
    [InlineData("!Select [0, !GetAZs \"\"]", "Fn::GetAZs lists the availability zones only at deployment")]
    public void A_value_only_deployment_could_tell_is_unknown_with_the_reason(string expression, string why)
    {
        var name = MetricName(expression);

        name.Unknown.ShouldBe(new Unknown(UnknownReason.Unresolved, $"Alarm.MetricName: {why}"));
        name.Source.ShouldBe(Source.FromFile("inline.yaml", 35));
    }

    [Theory]
    [InlineData("      LogGroupName: trail-logs", "      LogGroupName: !Sub \"${Logs.Arn}-x\"", "!Ref Logs")]
    [InlineData("      LogGroupName: trail-logs", "      LogGroupName: !Join [\"-\", [!Ref Logs, x]]", "!GetAtt Logs.Arn")]
    public void A_name_built_from_its_own_resource_is_unknown_not_a_crash(string line, string selfReference, string expression)
    {
        var template = CloudFormationTemplates.AlarmNamed(expression).Replace(line, selfReference, StringComparison.Ordinal);

        var name = CloudFormationTemplates.Inline(template).Alarms.ShouldHaveSingleItem().MetricName;

        name.Unknown!.Reason.ShouldBe(UnknownReason.Unresolved);
        name.Unknown.Detail.ShouldNotBeNull().ShouldContain("refers to itself");
    }

    [Fact]
    public void No_value_drops_the_list_item_it_stands_for()
    {
        var read = CloudFormationTemplates.Inline(CloudFormationTemplates.AlarmNamed("m", Parameters).Replace(
            "      Namespace: CIS", "      Namespace: CIS\n      AlarmActions: [!Ref Alerts, !If [IsTest, x, !Ref AWS::NoValue]]", StringComparison.Ordinal));

        read.Alarms.ShouldHaveSingleItem().AlarmActions.Value.ShouldBe(["arn:aws:sns:us-east-1:123456789012:inline-Alerts"]);
    }

    [Fact]
    public void A_resource_whose_condition_is_false_is_not_deployed()
    {
        var read = CloudFormationTemplates.Inline(CloudFormationTemplates.AlarmNamed("m", Parameters).Replace(
            "  Alerts:\n    Type: AWS::SNS::Topic", "  Alerts:\n    Type: AWS::SNS::Topic\n    Condition: IsTest", StringComparison.Ordinal));

        read.Topics.ShouldBeEmpty();
    }

    [Fact]
    public void A_resource_whose_condition_cannot_be_resolved_leaves_its_link_undecided()
    {
        var read = CloudFormationTemplates.Inline(CloudFormationTemplates.AlarmNamed("m", Parameters).Replace(
            "  Alerts:\n    Type: AWS::SNS::Topic", "  Alerts:\n    Type: AWS::SNS::Topic\n    Condition: Unknowable", StringComparison.Ordinal));

        read.Topics.ShouldHaveSingleItem().Subscriptions.Unknown.ShouldBe(new Unknown(
            UnknownReason.Unresolved,
            "whether Alerts is deployed depends on condition Unknowable: parameter Given has no default: its value is given only at deployment"));
    }
}
