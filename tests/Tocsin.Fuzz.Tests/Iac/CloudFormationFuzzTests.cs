using System.Text;
using Tocsin.Fuzz.Tests.Harness;
using Tocsin.Fuzz.Tests.Loaders;
using Tocsin.Iac;
using Tocsin.Iac.CloudFormation;

namespace Tocsin.Fuzz.Tests.Iac;

[Collection(FuzzCollection.Name)]
public class CloudFormationFuzzTests(ITestOutputHelper output)
{
    private static readonly Lazy<(string Name, string Text)[]> Fixtures = new(() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "iac", "cloudformation"))
            .Where(path => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))]);

    private static readonly string[] Tokens =
    [
        .. YamlTokens.All, "!Ref ", "!Sub '${", "!Sub \"${A}\"", "!GetAtt ", "!GetAtt A.Arn", "!Join [", "!If [", "!Select [", "!Split [", "!FindInMap [",
        "!ImportValue ", "!Base64 ", "!Cidr [", "!GetAZs ", "!Condition ", "!And [", "!Or [", "!Not [", "!Equals [", "Fn::Sub: ", "Ref: ", "Condition: ",
        "AWS::NoValue", "AWS::AccountId", "${AWS::Region}", "Type: AWS::Logs::MetricFilter\n", "Type: AWS::CloudWatch::Alarm\n", "DependsOn: ",
    ];

    [Fact]
    public void A_cloudformation_template_is_read_or_its_problems_are_reported_with_the_file()
    {
        var target = new FuzzTarget<(string Name, string Text)>(
            "CloudFormation reader",
            Generate,
            file => file.Text.Length * 2L,
            file => file.Name + ": " + Printable.Text(file.Text),
            Check) { Warmup = Fixtures.Value[0] };
        FuzzCampaign.Run(target, output).ShouldBeGreaterThan(0);
    }

    private static (string, string) Generate(Random random)
    {
        var (name, text) = Fixtures.Value[random.Next(Fixtures.Value.Length)];
        return random.Next(10) switch
        {
            < 5 => (name, Mutations.Mutate(random, text, Tokens)),
            < 7 => ("cycles.yaml", Cycles(random)),
            7 => ("bomb.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n" + AliasBombs.Under("Outputs", random.Next(1, 9), "!Ref A")),
            8 => (name, Mutations.Mutate(random, Cycles(random) + text[Math.Min(text.Length, text.IndexOf("Resources:", StringComparison.Ordinal) + 11)..], Tokens)),
            _ => (name, Mutations.Reencode(random, text)),
        };
    }

    /// <summary>A template whose values refer to each other in circles, through every intrinsic that resolves references.</summary>
    private static string Cycles(Random random)
    {
        var names = new[] { "A", "B", "C" };
        string Refer(string to) => random.Next(6) switch
        {
            0 => $"!Ref {to}",
            1 => $"!GetAtt {to}.Arn",
            2 => $"!Sub '${{{to}}}-${{{to}.Arn}}'",
            3 => $"!Join ['', [!Ref {to}, x]]",
            4 => $"!If [C{to}, !Ref {to}, !Ref AWS::NoValue]",
            _ => $"!Select [0, [!Ref {to}]]",
        };
        var text = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  P:\n    Type: String\n    Default: !Ref P\nConditions:\n");
        foreach (var n in names)
            text.Append($"  C{n}: !Equals [!Ref {names[random.Next(3)]}, x]\n");
        text.Append($"  CX: !And [!Condition CX, !Condition CA]\nResources:\n");
        foreach (var n in names)
        {
            var type = random.Next(3) switch { 0 => "AWS::Logs::MetricFilter", 1 => "AWS::CloudWatch::Alarm", _ => "AWS::Logs::LogGroup" };
            text.Append($"  {n}:\n    Type: {type}\n    Condition: C{n}\n    Properties:\n");
            text.Append($"      LogGroupName: {Refer(names[random.Next(3)])}\n");
            text.Append($"      FilterPattern: {Refer(names[random.Next(3)])}\n");
            text.Append($"      MetricName: {Refer(names[random.Next(3)])}\n");
            text.Append($"      AlarmActions: [{Refer(names[random.Next(3)])}]\n");
            text.Append($"      MetricTransformations:\n        - MetricName: {Refer(names[random.Next(3)])}\n          MetricNamespace: CIS\n          MetricValue: '1'\n");
        }

        return text.ToString();
    }

    private static void Check((string Name, string Text) file)
    {
        var read = CloudFormationReader.Read([file], new IacSettings());
        IacProblems.ShouldNameTheFile(read, [file.Name]);
    }
}
