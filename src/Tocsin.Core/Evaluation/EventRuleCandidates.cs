using System.Text.Json;
using Tocsin.Core.Controls;
using Tocsin.Core.EventPatterns;
using Tocsin.Core.Inventory;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Evaluation;

/// <summary>
/// Which rules of a bus are about a control's events, so that a GuardDuty rule or a schedule is not reported as an
/// insufficient sign-in rule. A rule is a candidate when its pattern passes for the control; or when its <c>source</c>
/// or its <c>detail-type</c> accepts an event the control alerts on (a sign-in rule that asks for the wrong
/// detail-type is a sign-in rule that never fires), unless it does another control's job, as for metric filters;
/// or, naming neither, when it matches some event the control alerts on.
/// </summary>
internal sealed class EventRuleCandidates(Control control, FilterJudge judge, EvaluationOptions options)
{
    private static readonly string[] EnvelopeFields = ["source", "detail-type"];

    public IReadOnlyList<EventRule> Of(IReadOnlyList<EventRule> rules) =>
        [.. rules.Where(rule => rule.EventBusName == EventRule.DefaultBus && IsCandidate(rule)).OrderBy(rule => rule.Arn, StringComparer.Ordinal)];

    private bool IsCandidate(EventRule rule)
    {
        if (!rule.EventPattern.TryGetValue(out var pattern))
        {
            return true;
        }

        if (pattern is null)
        {
            return false;
        }

        var verdict = judge.JudgeEventPattern(control, pattern);
        if (VerdictPolicy.Passes(verdict, options.Strict))
        {
            return true;
        }

        if (verdict.Kind != VerdictKind.Unparseable && ControlCatalog.Default.All.Any(other => other.Id != control.Id && VerdictPolicy.Passes(judge.JudgeEventPattern(other, pattern), options.Strict)))
        {
            return false;
        }

        return NamesTheControlsEvents(pattern) ?? verdict.Kind is not (VerdictKind.NeverFires or VerdictKind.Unparseable);
    }

    /// <summary>Whether the pattern's source or detail-type accepts an event the control alerts on; null when it names neither.</summary>
    private bool? NamesTheControlsEvents(string pattern)
    {
        try
        {
            using var document = JsonDocument.Parse(pattern);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var named = EnvelopeFields.Where(field => document.RootElement.TryGetProperty(field, out _)).ToList();
            if (named.Count == 0)
            {
                return null;
            }

            return named.Any(field =>
                EventPatternMatcher.Compile($"{{{JsonText.Quote(field)}:{document.RootElement.GetProperty(field).GetRawText()}}}").Matcher is { } matcher
                && judge.AlertingEvents(control).Any(matcher.Matches));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
