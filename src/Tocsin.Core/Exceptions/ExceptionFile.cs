using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
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

    public static IReadOnlyList<ExceptionEntry> Parse(TextReader reader, string fileName)
    {
        var root = Load(reader, fileName);
        if (root is null)
        {
            throw new ExceptionFileException(fileName, 1, 1, "the file is empty; expected an `exceptions:` list");
        }

        if (root is not YamlMappingNode top || !top.Children.TryGetValue(new YamlScalarNode("exceptions"), out var list))
        {
            throw Refuse(fileName, root, "expected a mapping with an `exceptions:` list");
        }

        foreach (var key in top.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: "exceptions" })
            {
                throw Refuse(fileName, key, $"unknown field `{Text(key)}`; the file holds only `exceptions:`");
            }
        }

        if (list is not YamlSequenceNode entries)
        {
            throw Refuse(fileName, list, "`exceptions` must be a list of entries");
        }

        return [.. entries.Children.Select((node, index) => Entry(fileName, node, index + 1))];
    }

    private static YamlNode? Load(TextReader reader, string fileName)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(reader);
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException error)
        {
            throw new ExceptionFileException(fileName, (int)error.Start.Line, (int)error.Start.Column, $"not valid YAML: {FirstSentence(error.Message)}");
        }
    }

    private static ExceptionEntry Entry(string fileName, YamlNode node, int number)
    {
        if (node is not YamlMappingNode entry)
        {
            throw Refuse(fileName, node, $"exception {number} must be a mapping of control, accounts, owner, reason and expires");
        }

        foreach (var key in entry.Children.Keys)
        {
            if (!Fields.Contains(Text(key)))
            {
                throw Refuse(fileName, key, $"unknown field `{Text(key)}`; expected one of {string.Join(", ", Fields)}");
            }
        }

        var control = Required(fileName, entry, number, "control");
        var accounts = Accounts(fileName, entry, number);
        var region = Optional(fileName, entry, "region");
        var resource = Optional(fileName, entry, "resource");
        var owner = Required(fileName, entry, number, "owner");
        var reason = Required(fileName, entry, number, "reason");
        var expires = Expiry(fileName, entry, number);
        return new ExceptionEntry(control, accounts, region, resource, owner, reason, expires, fileName, (int)entry.Start.Line);
    }

    private static IReadOnlyList<string> Accounts(string fileName, YamlMappingNode entry, int number)
    {
        var single = Value(entry, "account");
        var many = Value(entry, "accounts");
        if (single is not null && many is not null)
        {
            throw Refuse(fileName, many, "use either `account` or `accounts`, not both");
        }

        List<YamlNode> ids = (single, many) switch
        {
            (not null, _) => [single],
            (_, YamlSequenceNode sequence) => [.. sequence.Children],
            (_, YamlScalarNode scalar) => [scalar],
            (_, not null) => throw Refuse(fileName, many, "`accounts` must be a list of 12-digit account ids"),
            _ => throw Refuse(fileName, entry, $"exception {number} is missing `accounts`"),
        };

        if (ids.Count == 0)
        {
            throw Refuse(fileName, many!, "`accounts` must name at least one account");
        }

        foreach (var id in ids)
        {
            if (id is not YamlScalarNode scalar || !AccountId().IsMatch(scalar.Value ?? string.Empty))
            {
                throw Refuse(fileName, id, $"expected a 12-digit account id, found `{Text(id)}`");
            }
        }

        return [.. ids.Select(Text)];
    }

    private static DateOnly Expiry(string fileName, YamlMappingNode entry, int number)
    {
        var text = Required(fileName, entry, number, "expires");
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Refuse(fileName, Value(entry, "expires")!, $"`expires` must be a date like 2027-03-31, found `{text}`");
        }

        return date;
    }

    private static string Required(string fileName, YamlMappingNode entry, int number, string field)
    {
        var node = Value(entry, field) ?? throw Refuse(fileName, entry, $"exception {number} is missing `{field}`");
        var text = Scalar(fileName, node, field);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Refuse(fileName, node, $"`{field}` must not be empty");
        }

        return text;
    }

    private static string? Optional(string fileName, YamlMappingNode entry, string field)
    {
        var node = Value(entry, field);
        return node is null ? null : Scalar(fileName, node, field);
    }

    private static string Scalar(string fileName, YamlNode node, string field) =>
        node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : throw Refuse(fileName, node, $"`{field}` must be a single value");

    private static YamlNode? Value(YamlMappingNode entry, string field) =>
        entry.Children.TryGetValue(new YamlScalarNode(field), out var node) ? node : null;

    private static string Text(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : node.NodeType.ToString().ToLowerInvariant();

    private static ExceptionFileException Refuse(string fileName, YamlNode at, string problem) =>
        new(fileName, (int)at.Start.Line, (int)at.Start.Column, problem);

    // YamlDotNet prefixes its own position ("(Line: 3, Col: 5, Idx: 20) - (...): "); the caller says where already.
    private static string FirstSentence(string message)
    {
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut < 0 ? message : message[(cut + 3)..];
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();
}
