using System.Text;
using Tocsin.Fuzz.Tests.Harness;
using Tocsin.Iac;
using Tocsin.Iac.Terraform;

namespace Tocsin.Fuzz.Tests.Iac;

[Collection(FuzzCollection.Name)]
public class HclFuzzTests(ITestOutputHelper output)
{
    private static readonly Lazy<string[]> Fixtures = new(() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "iac", "terraform"), "*.tf", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)]);

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "(", ")", "\"", "${", "%{", "%{ if x }", "%{ endif }", "%{ for x in y }", "<<EOT\n", "<<-EOT\n", "\nEOT\n", "#", "//", "/*", "*/",
        " = ", "=>", "...", "?", " : ", "&&", "||", "!", "==", "var.", "local.", "module.", "data.", "each.key", "count.index", "self.", "[*]", ".*",
        "for x in var.y : ", "jsonencode(", "format(\"%s\", ", "replace(", "join(\",\", ", "lookup(", "merge(", "try(", "coalesce(", "tostring(",
        "1e999", "99999999999999999999999999", "-0", "null", "true", "\\u0000", "\\", "\n", "\t",
    ];

    [Fact]
    public void A_terraform_module_is_read_or_its_problems_are_reported_with_the_file()
    {
        var target = new FuzzTarget<string>("HCL reader", Generate, text => text.Length * 2L, Printable.Text, Check) { Warmup = Fixtures.Value[0] };
        FuzzCampaign.Run(target, output).ShouldBeGreaterThan(0);
    }

    private static string Generate(Random random)
    {
        var text = Fixtures.Value[random.Next(Fixtures.Value.Length)];
        return random.Next(10) switch
        {
            < 5 => Mutations.Mutate(random, text, Tokens, maxNestingPower: 6),
            < 7 => Cycles(random),
            7 => Mutations.Mutate(random, Cycles(random) + text, Tokens, maxNestingPower: 6),
            8 => Nested(random),
            _ => Mutations.Reencode(random, text),
        };
    }

    /// <summary>
    /// Locals, variables and resources that refer to each other in circles, and templates inside templates, with
    /// counts from none to more instances than are read.
    /// </summary>
    private static string Cycles(Random random)
    {
        string Refer() => random.Next(7) switch
        {
            0 => "local.a",
            1 => "local.b",
            2 => "\"${local.c}-x\"",
            3 => "aws_cloudwatch_log_group.g.name",
            4 => "[for k, v in local.a : v]",
            5 => "jsonencode({ x = local.b })",
            _ => "var.v",
        };
        return $$"""
            variable "v" {
              default = {{Refer()}}
            }
            locals {
              a = {{Refer()}}
              b = {{Refer()}}
              c = {{Refer()}}
            }
            resource "aws_cloudwatch_log_group" "g" {
              name = {{Refer()}}
            }
            resource "aws_cloudwatch_log_metric_filter" "f" {
              name           = {{Refer()}}
              log_group_name = {{Refer()}}
              pattern        = {{Refer()}}
              count          = {{random.Next(5) switch { 0 => "length(local.a)", 1 => "999999999999", 2 => "-1", 3 => "1.5", _ => "3" }}}
              metric_transformation {
                name      = {{Refer()}}
                namespace = "CIS"
                value     = "1"
              }
            }
            """;
    }

    private static string Nested(Random random)
    {
        // past the parser's limit of 256 levels too
        var depth = 1 << random.Next(2, 11);
        var (open, close) = random.Next(4) switch
        {
            0 => ("(", ")"),
            1 => ("[", "]"),
            2 => ("\"${", "}\""),
            _ => ("{ a = ", " }"),
        };
        var text = new StringBuilder("locals {\n  x = ");
        for (var i = 0; i < depth; i++)
            text.Append(open);
        text.Append('1');
        if (random.Next(2) == 0)
        {
            for (var i = 0; i < depth; i++)
                text.Append(close);
        }

        return text.Append("\n}\n").ToString();
    }

    private static void Check(string text)
    {
        var read = TerraformReader.Read([("main.tf", text)], new IacSettings());
        IacProblems.ShouldNameTheFile(read, ["main.tf"]);
    }
}
