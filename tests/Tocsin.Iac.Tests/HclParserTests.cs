using Tocsin.Iac.Terraform;

namespace Tocsin.Iac.Tests;

public sealed class HclParserTests
{
    private sealed class Variables(params (string Name, HclValue Value)[] values) : IHclScope
    {
        public HclValue Resolve(HclReference reference) =>
            reference.Root == "var" && values.FirstOrDefault(v => v.Name == reference.Steps[0].Name) is { Value: { } value }
                ? value
                : new HclUnknown($"{reference} is not known");
    }

    private static HclBody Parse(string text)
    {
        var parse = HclParse.Of("main.tf", text);
        parse.Problem.ShouldBeNull();
        return parse.Body!;
    }

    private static HclValue Value(string text, IHclScope? scope = null) =>
        HclEvaluator.Evaluate(Parse($"x = {text}\n").Attribute("x")!.Value, scope ?? new Variables());

    private static IacProblem Problem(string text) => HclParse.Of("main.tf", text).Problem.ShouldNotBeNull();

    public static TheoryData<string> DeeplyNested => new()
    {
        "x = " + new string('(', 100_000) + "1" + new string(')', 100_000) + "\n",
        "x = " + new string('[', 100_000) + "1" + new string(']', 100_000) + "\n",
        "x = " + new string('-', 100_000) + "1\n",
        string.Concat(Enumerable.Repeat("a {\n", 100_000)) + string.Concat(Enumerable.Repeat("}\n", 100_000)),
    };

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void Nesting_past_the_limit_is_refused_with_a_position_instead_of_running_out_of_stack(string text)
    {
        Problem(text).ToString().ShouldContain($"nested more than {HclParser.MaxDepth} levels deep");
    }

    [Fact]
    public void A_resource_block_has_its_type_name_attributes_and_nested_blocks()
    {
        var body = Parse("""
            resource "aws_cloudwatch_log_metric_filter" "signin" {
              name = "signin"
              metric_transformation {
                name = "count"
              }
            }
            """);

        var block = body.Blocks.ShouldHaveSingleItem();
        block.Labels.ShouldBe(["aws_cloudwatch_log_metric_filter", "signin"]);
        block.Body.Attribute("name")!.Line.ShouldBe(2);
        block.Body.BlocksOf("metric_transformation").ShouldHaveSingleItem().Line.ShouldBe(3);
    }

    [Fact]
    public void Interpolation_joins_known_parts_and_keeps_escaped_markers_literal()
    {
        Value("\"${var.name}:*\"", new Variables(("name", new HclString("arn:aws:logs:us-east-1:1:log-group:g")))).ShouldBe(new HclString("arn:aws:logs:us-east-1:1:log-group:g:*"));
        Value("\"$${literal} %%{also}\"").ShouldBe(new HclString("${literal} %{also}"));
    }

    [Fact]
    public void Interpolating_an_unset_variable_leaves_the_string_unknown_with_the_reason()
    {
        Value("\"prefix-${var.missing}\"").ShouldBe(new HclUnknown("var.missing is not known"));
    }

    [Fact]
    public void A_template_directive_is_unresolved()
    {
        Value("\"%{ if true }a%{ endif }\"").ShouldBeOfType<HclUnknown>().Why.ShouldContain("directive");
    }

    [Fact]
    public void Escapes_in_a_string_are_decoded()
    {
        Value("\"{ ($.eventName = \\\"ConsoleLogin\\\") }\\n\\u00e9\"").ShouldBe(new HclString("{ ($.eventName = \"ConsoleLogin\") }\né"));
    }

    [Fact]
    public void A_heredoc_keeps_its_lines_and_an_indented_heredoc_loses_the_common_indent()
    {
        Value("<<EOF\n  one\n  two\nEOF").ShouldBe(new HclString("  one\n  two\n"));
        Value("<<-EOT\n    { a }\n      b\n    EOT").ShouldBe(new HclString("{ a }\n  b\n"));
    }

    [Fact]
    public void An_attribute_may_follow_a_heredoc_on_the_next_line()
    {
        var body = Parse("policy = <<EOF\n{}\nEOF\nname = \"t\"\n");

        body.Attributes.Select(a => a.Name).ShouldBe(["policy", "name"]);
        body.Attribute("name")!.Line.ShouldBe(4);
    }

    [Fact]
    public void Jsonencode_writes_json_text_with_whole_numbers_unfractioned()
    {
        Value("jsonencode({ Version = \"2012-10-17\", Statement = [{ Effect = \"Allow\", Count = 1, Ok = true, Nothing = null }] })")
            .ShouldBe(new HclString("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Count\":1,\"Ok\":true,\"Nothing\":null}]}"));
    }

    [Fact]
    public void Other_functions_are_unresolved_by_name()
    {
        Value("lower(\"A\")").ShouldBe(new HclUnknown("the function lower() is not evaluated"));
    }

    [Fact]
    public void Comments_of_all_three_kinds_are_skipped()
    {
        var body = Parse("""
            # hash
            // slashes
            /* a block
               comment */
            a = 1 # trailing
            b = [1, /* inside */ 2]
            """);

        body.Attributes.Select(a => a.Name).ShouldBe(["a", "b"]);
        body.Attribute("b")!.Line.ShouldBe(6);
    }

    [Fact]
    public void Numbers_bools_null_lists_and_maps_are_values()
    {
        Value("[1.5, -2, 3e2, true, null]").ShouldBeOfType<HclList>().Items.ShouldBe([new HclNumber(1.5), new HclNumber(-2), new HclNumber(300), new HclBool(true), HclValue.Null]);
        var map = Value("{\n  a = \"x\"\n  \"b\" : 2\n}").ShouldBeOfType<HclMap>();
        map["a"].ShouldBe(new HclString("x"));
        map["b"].ShouldBe(new HclNumber(2));
    }

    [Fact]
    public void Conditionals_and_operators_evaluate_over_literals()
    {
        Value("var.on ? 1 : 2", new Variables(("on", new HclBool(false)))).ShouldBe(new HclNumber(2));
        Value("2 * 3 + 1 == 7 && !false").ShouldBe(new HclBool(true));
    }

    [Fact]
    public void A_for_expression_is_unresolved()
    {
        Value("[for s in var.list : upper(s)]").ShouldBeOfType<HclUnknown>();
    }

    [Fact]
    public void An_unclosed_string_is_an_error_at_its_line_and_column()
    {
        Problem("resource \"aws_sns_topic\" \"t\" {\n  name = \"alarms\n}\n").ShouldBe(new IacProblem("main.tf", 2, 17, "expected the closing '\"' of a string, found a newline"));
    }

    [Fact]
    public void A_backslash_at_the_end_of_a_line_inside_a_string_is_an_error_at_the_backslash()
    {
        Problem("locals {\n  a = \"x\\\n\"\n}\n").ShouldBe(new IacProblem("main.tf", 2, 9, "expected an escape such as \\n, \\\" or \\\\ (found '\\' at the end of a line)"));
    }

    [Fact]
    public void A_digit_of_another_script_is_not_read_as_part_of_a_number()
    {
        Problem("locals {\n  a = 1\u1041\n}\n").Message.ShouldStartWith("expected");
    }

    [Fact]
    public void A_missing_equals_sign_is_an_error_saying_what_was_expected()
    {
        Problem("resource \"aws_sns_topic\" \"t\" {\n  name \"alarms\"\n}\n").ShouldBe(new IacProblem("main.tf", 2, 16, "expected '=' or '{', found a newline"));
    }

    [Fact]
    public void An_unclosed_block_is_an_error_at_the_end_of_the_file()
    {
        Problem("locals {\n  a = 1\n").ShouldBe(new IacProblem("main.tf", 3, 1, "expected '}', found the end of the file"));
    }

    [Fact]
    public void An_unterminated_heredoc_names_the_line_it_opened_on()
    {
        Problem("x = <<EOF\nabc\n").Message.ShouldBe("expected the closing marker EOF of the heredoc opened on line 1, found the end of the file");
    }

    [Fact]
    public void Two_attributes_on_one_line_are_an_error()
    {
        Problem("a = 1 b = 2\n").ShouldBe(new IacProblem("main.tf", 1, 7, "expected a newline, found 'b'"));
    }
}
