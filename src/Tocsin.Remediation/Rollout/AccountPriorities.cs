using System.Globalization;
using Tocsin.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Tocsin.Remediation.Rollout;

/// <summary>
/// Which accounts a rollout mends first: production and internet-exposed accounts before the rest. Read from a
/// priority file (<c>--priority FILE</c>):
/// <code>
/// accounts:
///   - account: "222222222222"
///     priority: 1                 # lower goes first; accounts not listed come last
///     label: production, internet-facing
/// </code>
/// or from an account tag (<c>--priority-tag KEY</c>), whose value orders the accounts the same way.
/// </summary>
public sealed class AccountPriorities
{
    /// <summary>Where accounts nobody ranked go: after every ranked one.</summary>
    public const int Unranked = int.MaxValue;

    private static readonly string[] Fields = ["account", "priority", "label"];
    private readonly Dictionary<string, (int Priority, string? Label)> _ranks;

    private AccountPriorities(Dictionary<string, (int Priority, string? Label)> ranks) => _ranks = ranks;

    public static AccountPriorities None { get; } = new([]);

    public int PriorityOf(string accountId) => _ranks.TryGetValue(accountId, out var rank) ? rank.Priority : Unranked;

    public string? LabelOf(string accountId) => _ranks.GetValueOrDefault(accountId).Label;

    /// <summary>Priorities from tag values: a number is its own priority; any other value ranks after numbers, in text order.</summary>
    public static AccountPriorities FromTags(IReadOnlyDictionary<string, string> tagValueByAccount)
    {
        var words = tagValueByAccount.Values.Where(v => !int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select((word, index) => (word, index)).ToDictionary(p => p.word, p => p.index);
        return new(tagValueByAccount.ToDictionary(
            pair => pair.Key,
            pair => (int.TryParse(pair.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 1_000_000 + words[pair.Value], (string?)pair.Value)));
    }

    /// <exception cref="YamlFileException">The file is not a priority file; the message names the line, column and problem.</exception>
    public static AccountPriorities Parse(TextReader reader, string fileName)
    {
        var yaml = new YamlInput(fileName);
        var root = yaml.Load(reader) ?? throw new YamlFileException(fileName, 1, 1, "the file is empty; expected an `accounts:` list");
        if (root is not YamlMappingNode top || YamlInput.Value(top, "accounts") is not { } list)
        {
            throw yaml.Refuse(root, "expected a mapping with an `accounts:` list");
        }

        yaml.OnlyKeys(top, ["accounts"]);
        if (list is not YamlSequenceNode entries)
        {
            throw yaml.Refuse(list, "`accounts` must be a list of entries with account, priority and label");
        }

        var ranks = new Dictionary<string, (int, string?)>(StringComparer.Ordinal);
        foreach (var node in entries.Children)
        {
            if (node is not YamlMappingNode entry)
            {
                throw yaml.Refuse(node, "each entry must be a mapping of account, priority and label");
            }

            yaml.OnlyKeys(entry, Fields);
            var account = yaml.Required(entry, "account", "an entry");
            if (account.Length != 12 || !account.All(char.IsAsciiDigit))
            {
                throw yaml.Refuse(YamlInput.Value(entry, "account")!, $"`{account}` is not a 12-digit account id (quote it: \"012345678901\")");
            }

            var priorityText = yaml.Required(entry, "priority", $"account {account}");
            if (!int.TryParse(priorityText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var priority) || priority < 0)
            {
                throw yaml.Refuse(YamlInput.Value(entry, "priority")!, $"priority `{priorityText}` is not a whole number of 0 or more");
            }

            if (!ranks.TryAdd(account, (priority, yaml.Optional(entry, "label"))))
            {
                throw yaml.Refuse(entry, $"account {account} is listed twice");
            }
        }

        return new(ranks);
    }
}
