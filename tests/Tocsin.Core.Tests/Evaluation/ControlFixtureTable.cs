using Tocsin.Core.Findings;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Tests.Evaluation;

/// <summary>
/// The per-control fixture folders under tests/fixtures/controls and the tables of their README, which say what
/// each fixture must get. The README is the documentation users read, so the tests read it too.
/// </summary>
internal static class ControlFixtureTable
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "fixtures", "controls");

    public static string PathOf(string control, string fixture) => Path.Combine(Folder, control, fixture + ".json");

    /// <summary>The fixture names (without .json) in one control's folder, or none when the folder is missing.</summary>
    public static IReadOnlyList<string> FixturesOf(string control)
    {
        var folder = Path.Combine(Folder, control);
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.json").Select(path => Path.GetFileNameWithoutExtension(path)!).Order(StringComparer.Ordinal)]
            : [];
    }

    public static IEnumerable<string> Folders() =>
        Directory.EnumerateDirectories(Folder).Select(path => Path.GetFileName(path)!).Order(StringComparer.Ordinal);

    /// <summary>Every row of every "## control-id" table in the README.</summary>
    public static IReadOnlyList<Row> Rows()
    {
        var rows = new List<Row>();
        string? control = null;
        foreach (var line in File.ReadLines(Path.Combine(Folder, "README.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                control = line[3..].Trim();
            }
            else if (control is not null && line.StartsWith("| `", StringComparison.Ordinal))
            {
                rows.Add(Row.Parse(control, line));
            }
        }

        return rows;
    }

    public static Row RowOf(string control, string fixture) =>
        Rows().Single(row => row.Control == control && row.Fixture == fixture);

    /// <param name="Verdict">The pattern verdict, or null when the chain broke before a filter was judged.</param>
    /// <param name="Literal">The checkers' regex verdict on the same pattern, or null as for the verdict.</param>
    /// <param name="MessagePhrase">Text the finding's message must contain.</param>
    public sealed record Row(string Control, string Fixture, Outcome Outcome, IReadOnlyList<ReasonCode> Reasons, VerdictKind? Verdict, LiteralVerdict? Literal, string MessagePhrase)
    {
        private const string None = "—";

        // | `bad-pattern.json` | fail | `pattern-insufficient` | insufficient | no-match | "misses ..." | why |
        public static Row Parse(string control, string line)
        {
            var cells = line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
            var fixture = cells[0].Trim('`');
            return new Row(
                control,
                fixture.EndsWith(".json", StringComparison.Ordinal) ? fixture[..^5] : throw new FormatException($"not a fixture file: {cells[0]}"),
                Enum.Parse<Outcome>(cells[1], ignoreCase: true),
                cells[2] == None ? [] : [.. cells[2].Split(',').Select(code => ReasonCodes.TryParse(code.Trim().Trim('`'), out var reason) ? reason : throw new FormatException($"unknown reason code {code}"))],
                cells[3] == None ? null : Enum.GetValues<VerdictKind>().Single(kind => kind.ToName() == cells[3]),
                cells[4] == None ? null : Enum.GetValues<LiteralVerdict>().Single(literal => literal.ToCode() == cells[4]),
                cells[5].Length > 1 && cells[5][0] == '"' && cells[5][^1] == '"' ? cells[5][1..^1] : throw new FormatException($"the message phrase is not quoted: {cells[5]}"));
        }
    }
}
