using Tocsin.Remediation.Rendering;

namespace Tocsin.Remediation.Tests;

/// <summary>How the Terraform rendering spells strings and labels.</summary>
public sealed class TerraformHclTextTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("${x} %{if y}", "\"$${x} %%{if y}\"")]
    [InlineData("$${x}", "\"$$${x}\"")]
    [InlineData("line1\nline2\t\u0001", "\"line1\\nline2\\t\\u0001\"")]
    [InlineData("$ and % alone", "\"$ and % alone\"")]
    public void Strings_are_quoted_so_Terraform_reads_back_the_same_text(string value, string hcl) =>
        HclText.Quote(value).ShouldBe(hcl);

    [Fact]
    public void Labels_keep_letters_digits_underscores_and_dashes_after_a_prefix() =>
        HclText.Label("alarm", "9 lives/$(x)-ok_1").ShouldBe("alarm_9_lives___x_-ok_1");
}
