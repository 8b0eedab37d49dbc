using System.Globalization;
using System.Text.RegularExpressions;
using Tocsin.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Tocsin.Core.Exceptions;

/// <summary>
/// Reads an exceptions file:
/// <code>
/// exceptions:
///   - control: console-signin-without-mfa      # id or any alias
///     accounts: ["111111111111"]               # or account: "111111111111"
///     region: eu-west-1                        # optional
///     resource: arn:aws:cloudtrail:...         # optional, an ARN of the evidence
///     owner: security@example.com
///     reason: Break-glass account, watched by the SIEM
///     expires: 2027-03-31
/// </code>
/// A file that breaks these rules is refused with file, line, column and what is wrong; nothing is half-read.
/// </summary>
public static partial class ExceptionFile
{
    private static readonly string[] Fields = ["control", "account", "accounts", "region", "resource", "owner", "reason", "expires"];

    /// <param name="isKnownControl">
    /// Tells whether a control id or alias exists (e.g. <c>name =&gt; ControlCatalog.Default.Find(name) is not null</c>);
    /// an entry naming any other control is refused, since it would silently suppress nothing.
    /// </param>
    public static IReadOnlyList<ExceptionEntry> Parse(TextReader reader, string fileName, Func<string, bool>? isKnownControl = null)
    {
        var yaml = new YamlInput(fileName);
        var root = yaml.Load(reader) ?? throw new YamlFileException(fileName, 1, 1, "the file is empty; expected an `exceptions:` list");
        if (root is not YamlMappingNode top || !top.Children.TryGetValue(new YamlScalarNode("exceptions"), out var list))
        {
            throw yaml.Refuse(root, "expected a mapping with an `exceptions:` list");
        }

        foreach (var key in top.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: "exceptions" })
            {
                throw yaml.Refuse(key, $"unknown field `{YamlInput.Text(key)}`; the file holds only `exceptions:`");
            }
        }

        if (list is not YamlSequenceNode entries)
        {
            throw yaml.Refuse(list, "`exceptions` must be a list of entries");
        }

        return [.. entries.Children.Select((node, index) => Entry(yaml, node, index + 1, isKnownControl))];
    }


    private static ExceptionEntry Entry(YamlInput yaml, YamlNode node, int number, Func<string, bool>? isKnownControl)
    {
        if (node is not YamlMappingNode entry)
        {
            throw yaml.Refuse(node, $"exception {number} must be a mapping of control, accounts, owner, reason and expires");
        }

        yaml.OnlyKeys(entry, Fields);
        var owner = $"exception {number}";
        var control = yaml.Required(entry, "control", owner);
        if (isKnownControl is not null && !isKnownControl(control))
        {
            throw yaml.Refuse(YamlInput.Value(entry, "control")!, $"unknown control `{control}`; `tocsin controls` lists the ids and aliases");
        }

        var accounts = Accounts(yaml, entry, number);
        var region = yaml.Optional(entry, "region");
        var resource = yaml.Optional(entry, "resource");
        var person = yaml.Required(entry, "owner", owner);
        var reason = yaml.Required(entry, "reason", owner);
        var expires = Expiry(yaml, entry, owner);
        return new ExceptionEntry(control, accounts, region, resource, person, reason, expires, yaml.FileName, (int)entry.Start.Line);
    }

    private static IReadOnlyList<string> Accounts(YamlInput yaml, YamlMappingNode entry, int number)
    {
        var single = YamlInput.Value(entry, "account");
        var many = YamlInput.Value(entry, "accounts");
        if (single is not null && many is not null)
        {
            throw yaml.Refuse(many, "use either `account` or `accounts`, not both");
        }

        List<YamlNode> ids = (single, many) switch
        {
            (not null, _) => [single],
            (_, YamlSequenceNode sequence) => [.. sequence.Children],
            (_, YamlScalarNode scalar) => [scalar],
            (_, not null) => throw yaml.Refuse(many, "`accounts` must be a list of 12-digit account ids"),
            _ => throw yaml.Refuse(entry, $"exception {number} is missing `accounts`"),
        };

        if (ids.Count == 0)
        {
            throw yaml.Refuse(many!, "`accounts` must name at least one account");
        }

        foreach (var id in ids)
        {
            if (id is not YamlScalarNode scalar || !AccountId().IsMatch(scalar.Value ?? string.Empty))
            {
                throw yaml.Refuse(id, $"expected a 12-digit account id, found `{YamlInput.Text(id)}`");
            }
        }

        return [.. ids.Select(YamlInput.Text)];
    }

    private static DateOnly Expiry(YamlInput yaml, YamlMappingNode entry, string owner)
    {
        var text = yaml.Required(entry, "expires", owner);
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw yaml.Refuse(YamlInput.Value(entry, "expires")!, $"`expires` must be a date like 2027-03-31, found `{text}`");
        }

        return date;
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();
}
