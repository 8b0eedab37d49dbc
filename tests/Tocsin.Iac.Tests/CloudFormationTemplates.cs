using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Iac.CloudFormation;

namespace Tocsin.Iac.Tests;

/// <summary>Reads templates as a repository would be read, and judges console-signin-without-mfa on them.</summary>
internal static class CloudFormationTemplates
{
    public static string Folder => Path.GetDirectoryName(RepositoryFiles.Fixture("iac", "cloudformation", "README.md"))!;

    public static IacRead Fixture(string name, IacSettings? settings = null) =>
        CloudFormationReader.Read([(name, File.ReadAllText(Path.Combine(Folder, name)))], settings ?? new IacSettings());

    public static IacRead Inline(string text, string path = "inline.yaml") =>
        CloudFormationReader.Read([(path, text)], new IacSettings());

    public static Finding ConsoleSigninWithoutMfa(IacRead read, IacSettings? settings = null)
    {
        var control = ControlCatalog.Default.Find("console-signin-without-mfa")!;
        return new ChainEvaluator(EvaluationOptions.Default)
            .Evaluate(IacInventory.Of(settings ?? new IacSettings(), read), [control])
            .Findings.ShouldHaveSingleItem();
    }

    /// <summary>A template holding one alarm whose metric name is <paramref name="expression"/>, after the given sections.</summary>
    public static string AlarmNamed(string expression, string sections = "") => $$"""
        AWSTemplateFormatVersion: "2010-09-09"
        {{sections}}
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: trail-logs
          Alerts:
            Type: AWS::SNS::Topic
          Alarm:
            Type: AWS::CloudWatch::Alarm
            Properties:
              MetricName: {{expression}}
              Namespace: CIS
              EvaluationPeriods: 1
              Threshold: 1
              ComparisonOperator: GreaterThanOrEqualToThreshold
        """;
}
