using Tocsin.Core.Inventory;

namespace Tocsin.Iac;

/// <summary>Where the templates are deployed: the account and region ARNs are spelled with (<c>--account-id</c>, <c>--region</c>).</summary>
public sealed record IacSettings(string AccountId = IacSettings.PlaceholderAccount, string Region = "us-east-1")
{
    /// <summary>The account a repository is judged as when none is named: it only spells ARNs.</summary>
    public const string PlaceholderAccount = "123456789012";

    public string Arn(string service, string resource) => $"arn:aws:{service}:{Region}:{AccountId}:{resource}";
}

/// <summary>A file, or a place in one, that could not be read; the rest of the repository is still checked.</summary>
public sealed record IacProblem(string File, int Line, int Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}

/// <summary>
/// What one language's reader made of the files it was given: the chain's resources, each with its file and line as
/// <see cref="Source"/>, values it could not resolve unknown with <see cref="UnknownReason.Unresolved"/>; and the problems.
/// </summary>
public sealed record IacRead(
    IReadOnlyList<Trail> Trails,
    IReadOnlyList<LogGroup> LogGroups,
    IReadOnlyList<MetricFilter> MetricFilters,
    IReadOnlyList<Alarm> Alarms,
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<IacProblem> Problems)
{
    public static IacRead Empty { get; } = new([], [], [], [], [], []);

    /// <summary>EventBridge rules (<c>AWS::Events::Rule</c>, <c>aws_cloudwatch_event_rule</c>) with their targets.</summary>
    public IReadOnlyList<EventRule> EventRules { get; init; } = [];

    public IacRead Plus(IacRead other) => new(
        [.. Trails, .. other.Trails],
        [.. LogGroups, .. other.LogGroups],
        [.. MetricFilters, .. other.MetricFilters],
        [.. Alarms, .. other.Alarms],
        [.. Topics, .. other.Topics],
        [.. Problems, .. other.Problems])
    {
        EventRules = [.. EventRules, .. other.EventRules],
    };
}
