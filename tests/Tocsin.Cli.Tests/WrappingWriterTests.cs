namespace Tocsin.Cli.Tests;

public sealed class WrappingWriterTests
{
    [Fact]
    public void A_long_line_breaks_between_words_and_hangs_under_its_own_indent()
    {
        var wrapped = WrappingWriter.Wrap("  done     999999999999 us-east-1  created bucket with CloudTrail's bucket policy", 40);

        wrapped.Split('\n').ShouldAllBe(line => line.Length <= 40);
        wrapped.ShouldStartWith("  done     999999999999 us-east-1");
        wrapped.Split('\n')[1].ShouldStartWith("      ");
        wrapped.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe("done 999999999999 us-east-1 created bucket with CloudTrail's bucket policy".Split(' '));
    }

    [Fact]
    public void A_word_longer_than_the_width_is_cut_rather_than_overflowing()
    {
        WrappingWriter.Wrap(new string('x', 50), 20).Split('\n').ShouldAllBe(line => line.Length <= 20);
    }

    [Fact]
    public void Lines_that_fit_pass_through_with_their_column_padding()
    {
        using var text = new StringWriter();
        using (var writer = new WrappingWriter(text, 80))
        {
            writer.WriteLine("  pass      control   account");
        }

        text.ToString().ShouldBe("  pass      control   account\n");
    }
}
