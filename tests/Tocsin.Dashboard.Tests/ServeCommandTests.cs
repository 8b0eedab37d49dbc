using Tocsin.Cli;

namespace Tocsin.Dashboard.Tests;

/// <summary><c>tocsin serve</c> refuses, before listening, what it may not or cannot do, with exit code 2 and the reason.</summary>
public class ServeCommandTests
{
    [Fact]
    public void A_non_loopback_host_without_a_token_is_a_usage_error()
    {
        var run = Serve("serve", "--host", "0.0.0.0", "--port", "0", "--store", Path.Combine(Path.GetTempPath(), "tocsin-no-such-store.db"));

        run.Exit.ShouldBe(ExitCodes.UsageError);
        run.Error.ShouldContain("--host 0.0.0.0 is not a loopback address");
        run.Error.ShouldContain("--token");
    }

    [Fact]
    public void A_store_that_does_not_exist_is_a_usage_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"tocsin-no-store-{Guid.NewGuid():N}", "tocsin.db");

        var run = Serve("serve", "--port", "0", "--store", missing);

        run.Exit.ShouldBe(ExitCodes.UsageError);
        run.Error.ShouldContain($"there is no store at {missing}");
        Directory.Exists(Path.GetDirectoryName(missing)).ShouldBeFalse();
    }

    [Fact]
    public void A_port_out_of_range_is_a_usage_error()
    {
        var run = Serve("serve", "--port", "70000");

        run.Exit.ShouldBe(ExitCodes.UsageError);
        run.Error.ShouldContain("--port 70000");
    }

    [Fact]
    public void A_host_that_is_not_an_address_is_a_usage_error()
    {
        var run = Serve("serve", "--host", "example.com", "--token", "t");

        run.Exit.ShouldBe(ExitCodes.UsageError);
        run.Error.ShouldContain("`example.com` is not an IP address");
    }

    private static (int Exit, string Error) Serve(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = TocsinCommand.Run(args, output, error);
        return (exit, error.ToString());
    }
}
