using System.CommandLine;
using Tocsin.Emulator;
using Tocsin.Emulator.Faults;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Cli;

/// <summary><c>tocsin emulator [--port N] [--scenario NAME|FILE] [--faults FILE]</c>: serves a local AWS-compatible endpoint until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public const int DefaultPort = 4566;

    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => DefaultPort };
        var scenario = new Option<string?>("--scenario") { Description = $"A built-in scenario ({string.Join(", ", Scenario.BuiltinNames)}) or a scenario YAML file. Default: account 123456789012, key testing/testing." };
        var faults = new Option<string?>("--faults") { Description = "A faults YAML file: throttling, errors, timeouts, latency, AccessDenied, disabled regions." };
        var command = new Command("emulator", "Serve a local AWS-compatible endpoint (CloudTrail, Logs, CloudWatch, SNS, EventBridge, STS, Organizations, EC2, S3, IAM, KMS) for tests and demos.");
        command.Options.Add(port);
        command.Options.Add(scenario);
        command.Options.Add(faults);
        command.SetAction(parse => Run(console, parse.GetValue(port), parse.GetValue(scenario), parse.GetValue(faults)));
        return command;
    }

    private static int Run(CliConsole console, int port, string? scenarioName, string? faultsPath)
    {
        if (port is < 0 or > 65535)
        {
            throw new UsageException($"--port {port}: a port is between 0 and 65535.");
        }

        Scenario scenario;
        FaultPlan? faults;
        try
        {
            scenario = scenarioName is null ? Scenario.Default() : Scenario.Resolve(scenarioName);
            faults = faultsPath is null ? null : FaultPlan.Load(faultsPath);
        }
        catch (EmulatorInputException problem)
        {
            throw new UsageException(problem.Message);
        }

        return UntilStopped.Run(stop => ServeAsync(console, scenario, faults, port, stop));
    }

    private static async Task<int> ServeAsync(CliConsole console, Scenario scenario, FaultPlan? faults, int port, CancellationToken stop)
    {
        EmulatorHost emulator;
        try
        {
            emulator = await EmulatorHost.StartAsync(scenario, faults, port, cancellationToken: stop, eventPatterns: EventBridgePatterns.Instance);
        }
        catch (EmulatorInputException problem)
        {
            throw new UsageException(problem.Message);
        }

        await using (emulator)
        {
            console.Out.WriteLine($"Tocsin emulator listening on {emulator.Endpoint} (scenario {scenario.Source})");
            const int shown = 12;
            foreach (var key in scenario.AccessKeys.Take(shown))
            {
                // Key ids only: secrets are never printed.
                console.Out.WriteLine($"  access key {key.Id} -> account {key.AccountId} (user {key.User})");
            }

            if (scenario.AccessKeys.Count > shown)
            {
                console.Out.WriteLine($"  ... and {scenario.AccessKeys.Count - shown} more access keys");
            }

            console.Out.WriteLine($"Control calls: GET {emulator.Endpoint}_tocsin/subscriptions/pending, POST {emulator.Endpoint}_tocsin/subscriptions/confirm?arn=ARN");
            console.Out.WriteLine("Press Ctrl+C to stop.");
            console.Out.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                console.Out.WriteLine("Emulator stopped.");
            }
        }

        return ExitCodes.Ok;
    }
}
