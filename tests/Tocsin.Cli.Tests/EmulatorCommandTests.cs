namespace Tocsin.Cli.Tests;

public class EmulatorCommandTests
{
    [Fact]
    public void An_unknown_scenario_name_is_a_usage_error_that_lists_the_built_in_ones()
    {
        var run = CliRun.Of("emulator", "--port", "0", "--scenario", "no-such-scenario");
        run.ExitCode.ShouldBe(ExitCodes.UsageError);
        run.Error.ShouldContain("demo-org");
    }

    [Fact]
    public void A_port_out_of_range_is_a_usage_error()
    {
        var run = CliRun.Of("emulator", "--port", "70000");
        run.ExitCode.ShouldBe(ExitCodes.UsageError);
        run.Error.ShouldContain("--port 70000");
    }

    [Fact]
    public void A_faults_file_with_a_mistake_is_refused_with_its_place()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "rules:\n  - serverError: 1.5\n");
            var run = CliRun.Of("emulator", "--port", "0", "--faults", file);
            run.ExitCode.ShouldBe(ExitCodes.UsageError);
            run.Error.ShouldContain($"{file}: rules[0].serverError is 1.5");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_scenario_file_with_a_mistake_is_refused_with_its_place()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "accounts:\n  - id: \"123\"\n");
            var run = CliRun.Of("emulator", "--port", "0", "--scenario", file);
            run.ExitCode.ShouldBe(ExitCodes.UsageError);
            run.Error.ShouldContain($"{file}: accounts[0].id: '123' is not a 12-digit account id.");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
