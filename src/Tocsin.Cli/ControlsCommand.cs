using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Tocsin.Core.Controls;

namespace Tocsin.Cli;

/// <summary><c>tocsin controls [--format text|json]</c>: the controls Tocsin checks, with their framework aliases.</summary>
internal static class ControlsCommand
{
    private const int TableWidth = 160;

    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format")
        {
            Description = "text (a table) or json",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("controls", "List the controls Tocsin checks: id, title, severity and the framework numbers (aliases) that name each one.")
        {
            format,
        };
        command.SetAction(parse =>
        {
            var catalog = ControlCatalog.Default;
            if (parse.GetValue(format) == "json")
            {
                WriteJson(catalog, console.Out);
            }
            else
            {
                WriteTable(catalog, console.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(ControlCatalog catalog, TextWriter output)
    {
        using var rendered = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(rendered),
        });
        terminal.Profile.Width = TableWidth;

        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("ID");
        table.AddColumn("SEVERITY");
        table.AddColumn("TITLE");
        table.AddColumn("ALIASES");
        foreach (var control in catalog.All)
        {
            // Text, not markup: aliases and titles may contain brackets.
            table.AddRow(
                new Text(control.Id),
                new Text(SeverityWord(control.Severity)),
                new Text(control.Title),
                new Text(string.Join(", ", control.Aliases)));
        }

        terminal.Write(table);

        // The table pads every cell to the column width; trailing blanks only get in the way of scripts and diffs.
        var lines = rendered.ToString().Split('\n').Select(line => line.TrimEnd()).SkipWhile(line => line.Length == 0);
        output.Write(string.Join('\n', lines).TrimEnd() + '\n');
    }

    private static void WriteJson(ControlCatalog catalog, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("controls");
            foreach (var control in catalog.All)
            {
                json.WriteStartObject();
                json.WriteString("id", control.Id);
                json.WriteString("title", control.Title);
                json.WriteString("severity", SeverityWord(control.Severity));
                json.WriteStartArray("aliases");
                foreach (var alias in control.Aliases)
                {
                    json.WriteStringValue(alias);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string SeverityWord(Severity severity) => severity.ToString().ToLowerInvariant();
}
