using System.CommandLine;
using Tocsin.Cli.Configuration;

namespace Tocsin.Cli;

/// <summary><c>tocsin init</c>: writes a commented tocsin.yaml to start from; never overwrites one without --force.</summary>
internal static class InitCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Option<string>("--config") { Description = "Where to write the file.", DefaultValueFactory = _ => ScanConfigFile.DefaultName };
        var force = new Option<bool>("--force") { Description = "Replace an existing file." };
        var command = new Command("init", "Write a commented tocsin.yaml that declares what `tocsin scan` checks.") { path, force };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(path)!;
            if (File.Exists(file) && !parse.GetValue(force))
            {
                throw new UsageException($"{file} already exists; it was left as it is (use --force to replace it)");
            }

            try
            {
                File.WriteAllText(file, StarterFile.Text);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"{file}: cannot write the file: {error.Message}");
            }

            console.Out.WriteLine($"wrote {file}: edit the targets, then run `tocsin scan`");
            return ExitCodes.Ok;
        });
        return command;
    }
}
