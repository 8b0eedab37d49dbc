using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tocsin.Core;
using Tocsin.Core.Controls;
using Tocsin.Core.EventPatterns;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Cli;

/// <summary><c>tocsin pattern verdict PATTERN --control ID</c>: equivalent, broader, tuned, insufficient, never-fires.</summary>
internal static class PatternVerdictCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliConsole console)
    {
        var pattern = PatternCommand.PatternArgument();
        var control = new Option<string>("--control") { Description = "The control id or alias to judge against.", Required = true };
        var format = CliOptions.Format("text", "json");
        var language = CliOptions.Language();
        var command = new Command("verdict", "Judge a filter pattern (or an EventBridge event pattern) against a control's reference pattern over every CloudTrail record.")
        {
            pattern, control, format, language,
        };
        command.SetAction(parse => Run(console, parse.GetValue(pattern)!, parse.GetValue(control)!, parse.GetValue(format)!, parse.GetValue(language) == "eventbridge"));
        return command;
    }

    private static int Run(CliConsole console, string patternText, string controlId, string format, bool eventBridge)
    {
        var control = ControlArgument.Resolve(controlId);
        if (patternText.Length == 0 && !eventBridge)
        {
            PatternCommand.ParseArgument(patternText);
        }

        if (eventBridge && format == "text")
        {
            PatternCommand.ParseEventPattern(patternText);
        }

        var verdict = eventBridge ? EventPatternJudge.Judge(patternText, control) : PatternJudge.Judge(patternText, control);
        if (format == "json")
        {
            console.Out.WriteLine(Document(verdict, control).ToJsonString(Indented));
        }

        if (verdict.Error is { } error)
        {
            throw new UsageException($"invalid {(eventBridge ? "event" : "filter")} pattern: {error.Message}");
        }

        if (format == "text")
        {
            console.Out.WriteLine(verdict.Explanation);
        }

        return ExitCodes.Ok;
    }

    /// <summary>The JSON contract of DESIGN.md: verdict, reference, missed, extra, explanation, plus detail.</summary>
    private static JsonObject Document(PatternVerdict verdict, Control control) => new()
    {
        ["verdict"] = verdict.Kind.ToName(),
        ["reference"] = verdict.Reference,
        ["variant"] = verdict.Variant,
        ["missed"] = JsonNodes.Strings(verdict.Missed),
        ["extra"] = JsonNodes.Strings(verdict.Extra),
        ["explanation"] = verdict.Explanation,
        ["catchesRequiredPopulations"] = verdict.CatchesRequiredPopulations,
        ["populations"] = new JsonArray(
        [
            .. verdict.Missed.Concat(verdict.Extra).Select(control.FindPopulation).OfType<Population>().Select(population => new JsonObject
            {
                ["name"] = population.Name,
                ["description"] = population.Description,
                ["required"] = population.Required,
                ["coveredBy"] = population.CoveredBy,
            }),
        ]),
        ["sampled"] = verdict.Sampled,
        ["differences"] = new JsonArray(
        [
            .. verdict.Differences.Select(difference => new JsonObject
            {
                ["patternMatches"] = difference.CandidateMatches,
                ["referenceMatches"] = difference.ReferenceMatches,
                ["record"] = difference.Description,
            }),
        ]),
        ["error"] = verdict.Error is { } error ? new JsonObject { ["column"] = error.Column, ["message"] = error.Message } : null,
    };
}
