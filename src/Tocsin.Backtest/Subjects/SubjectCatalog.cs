using Tocsin.Core.Controls;
using Tocsin.Core.EventPatterns;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Inventory;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;

namespace Tocsin.Backtest.Subjects;

/// <summary>A pattern the user gave or a snapshot holds that CloudWatch Logs (or EventBridge) would refuse.</summary>
public sealed class SubjectException(string message) : Exception(message);

/// <summary>
/// What a backtest replays: for each control its published references and accepted variants (the first reference is
/// the baseline others are compared with), the filter patterns and EventBridge event patterns the user gave, and with a
/// snapshot the patterns each account's chain deploys with their alarms' real settings.
/// </summary>
public sealed class SubjectCatalog
{
    private SubjectCatalog(IReadOnlyList<Control> controls, IReadOnlyList<BacktestSubject> subjects, IReadOnlyList<string> notes)
    {
        Controls = controls;
        Subjects = subjects;
        Notes = notes;
    }

    public IReadOnlyList<Control> Controls { get; }

    /// <summary>Every subject in report order: per control its references, variants, deployed patterns and the user's (filter patterns, then event patterns); then the user's patterns of no control.</summary>
    public IReadOnlyList<BacktestSubject> Subjects { get; }

    /// <summary>What the report should say about subjects it could not replay as deployed (an alarm whose settings are unknown, say).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <param name="controls">The controls to replay.</param>
    /// <param name="patterns">Patterns the user gave: compared with the control's baseline when exactly one control is selected.</param>
    /// <param name="snapshot">With a snapshot, each account's deployed pattern and alarm.</param>
    /// <param name="periodSeconds">The alarm period of the references, variants and patterns the user gave.</param>
    /// <param name="eventPatterns">EventBridge event patterns the user gave, placed as <paramref name="patterns"/> are.</param>
    public static SubjectCatalog Build(IReadOnlyList<Control> controls, IReadOnlyList<string> patterns, CloudInventory? snapshot, int periodSeconds, IReadOnlyList<string>? eventPatterns = null)
    {
        eventPatterns ??= [];
        var subjects = new List<BacktestSubject>();
        var notes = new List<string>();
        var rule = AlarmRule.OneEvent(periodSeconds);
        var owner = controls.Count == 1 ? controls[0].Id : null;
        var deployed = snapshot is null ? [] : Deployed(snapshot, controls, periodSeconds, notes);
        foreach (var control in controls)
        {
            subjects.AddRange(control.ReferencePatterns.Select(reference => Subject(reference.Name, SubjectKind.Reference, control.Id, reference.Pattern, rule)));
            subjects.AddRange(control.AcceptedVariants.Select(variant => Subject(variant.Name, SubjectKind.Variant, control.Id, variant.Pattern, rule)));
            subjects.AddRange(deployed.Where(subject => subject.ControlId == control.Id));
            if (owner == control.Id)
            {
                subjects.AddRange(patterns.Select((pattern, i) => Subject($"pattern {i + 1}", SubjectKind.Custom, control.Id, pattern, rule)));
                subjects.AddRange(eventPatterns.Select((pattern, i) => EventSubject($"event pattern {i + 1}", control.Id, pattern, rule)));
            }
        }

        if (owner is null)
        {
            subjects.AddRange(patterns.Select((pattern, i) => Subject($"pattern {i + 1}", SubjectKind.Custom, null, pattern, rule)));
            subjects.AddRange(eventPatterns.Select((pattern, i) => EventSubject($"event pattern {i + 1}", null, pattern, rule)));
        }

        return new SubjectCatalog(controls, subjects, notes);
    }

    private static BacktestSubject Subject(string name, SubjectKind kind, string? controlId, string pattern, AlarmRule rule, IReadOnlySet<string>? accounts = null)
    {
        var parsed = PatternParser.Parse(pattern);
        if (parsed.Pattern is null)
        {
            throw new SubjectException($"{name}{(controlId is null ? "" : $" of {controlId}")}: CloudWatch Logs would refuse the pattern: {parsed.Error}");
        }

        return new BacktestSubject(name, kind, controlId, pattern, PatternMatcher.Compile(parsed.Pattern), rule, accounts);
    }

    private static BacktestSubject EventSubject(string name, string? controlId, string pattern, AlarmRule rule)
    {
        var parsed = EventPatternParser.Parse(pattern);
        if (parsed.Pattern is null)
        {
            throw new SubjectException($"{name}{(controlId is null ? "" : $" of {controlId}")}: EventBridge would refuse the pattern: {parsed.Error}");
        }

        return new BacktestSubject(name, SubjectKind.Custom, controlId, pattern, null, rule)
        {
            EventRule = new EventRuleSubject(new EventPatternMatcher(parsed.Pattern), EventPatternAnchors.Of(parsed.Pattern)),
        };
    }

    /// <summary>
    /// The pattern each account's chain judges, grouped: accounts that share one filter (an organization trail's
    /// owner and members) make one subject that sees all their events.
    /// </summary>
    private static List<BacktestSubject> Deployed(CloudInventory inventory, IReadOnlyList<Control> controls, int periodSeconds, List<string> notes)
    {
        var evaluator = new ChainEvaluator(EvaluationOptions.Default);
        var subjects = new List<BacktestSubject>();
        foreach (var control in controls)
        {
            var groups = inventory.Accounts
                .Select(account => evaluator.Evaluate(inventory, account, control))
                .Where(finding => finding.Pattern is not null)
                .GroupBy(finding => (Filter: finding.Evidence.Chain.FirstOrDefault(link => link.StartsWith("metric-filter:", StringComparison.Ordinal)), Owner: finding.InheritedFrom ?? finding.AccountId, finding.Pattern!.Text));
            foreach (var group in groups.OrderBy(g => g.Key.Owner, StringComparer.Ordinal).ThenBy(g => g.Key.Filter, StringComparer.Ordinal))
            {
                var first = group.First();
                var alarmArn = first.Evidence.Chain.FirstOrDefault(link => link.Contains(":cloudwatch:", StringComparison.Ordinal) && link.Contains(":alarm:", StringComparison.Ordinal));
                var alarm = alarmArn is null ? null : FindAlarm(inventory, alarmArn);
                var rule = alarm is null ? null : AlarmRule.Of(alarm);
                var accounts = group.Select(f => f.AccountId).Append(group.Key.Owner).ToHashSet(StringComparer.Ordinal);
                var name = accounts.Count == 1 ? $"deployed in {group.Key.Owner}" : $"deployed in {group.Key.Owner} (+{accounts.Count - 1} accounts)";
                if (rule is null)
                {
                    notes.Add($"{control.Id}: {name}: {(alarm is null ? "no alarm watches the filter" : $"alarm {alarm.Name} cannot be replayed (its settings are unknown, metric math, or not an upper threshold on Sum or SampleCount)")}; replayed with a one-event alarm per {periodSeconds} s");
                }

                subjects.Add(Subject(name, SubjectKind.Deployed, control.Id, group.Key.Text, rule ?? AlarmRule.OneEvent(periodSeconds), accounts));
            }
        }

        return subjects;
    }

    private static Alarm? FindAlarm(CloudInventory inventory, string arn)
    {
        var parts = arn.Split(':');
        if (parts.Length < 7 || inventory.FindAccount(parts[4])?.FindRegion(parts[3]) is not { } region || !region.Alarms.TryGetValue(out var alarms))
        {
            return null;
        }

        return alarms.FirstOrDefault(alarm => alarm.Arn == arn);
    }
}
