using System.Globalization;
using System.Text.RegularExpressions;
using Tocsin.Core.Controls;
using Tocsin.Core.Yaml;
using Tocsin.Reports;
using YamlDotNet.RepresentationModel;

namespace Tocsin.Cli.Configuration;

/// <summary>Reads tocsin.yaml; a file that breaks a rule is refused with file, line and column.</summary>
internal static partial class ScanConfigFile
{
    public const string DefaultName = "tocsin.yaml";

    private static readonly string[] TopFields = ["targets", "controls", "exceptions", "concurrency", "endpointUrl", "evidence", "accept", "report"];
    private static readonly string[] TargetFields = ["name", "profile", "organization", "roleName", "externalId", "sessionName", "accounts", "regions"];
    private static readonly string[] ReportFields = ["format", "output", "failOn", "mode", "strict"];

    public static ScanConfig Parse(TextReader reader, string filePath)
    {
        var yaml = new YamlInput(filePath);
        var root = yaml.Load(reader) ?? throw new YamlFileException(filePath, 1, 1, "the file is empty; expected `targets:` (tocsin init writes a starting file)");
        if (root is not YamlMappingNode top)
        {
            throw yaml.Refuse(root, "expected a mapping with `targets:`");
        }

        yaml.OnlyKeys(top, TopFields);
        if (YamlInput.Value(top, "targets") is not YamlSequenceNode { Children.Count: > 0 } targets)
        {
            throw yaml.Refuse(YamlInput.Value(top, "targets") ?? top, "`targets` must be a list of at least one account or organization to scan");
        }

        var controls = yaml.OptionalList(top, "controls");
        foreach (var control in controls ?? [])
        {
            if (ControlCatalog.Default.Find(control) is null)
            {
                throw yaml.Refuse(YamlInput.Value(top, "controls")!, $"unknown control `{control}`; `tocsin controls` lists the ids and aliases");
            }
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(filePath))!;
        return new ScanConfig(
            filePath,
            [.. targets.Children.Select((node, index) => Target(yaml, node, index + 1))],
            controls,
            RelativeTo(yaml, top, "exceptions", folder),
            PositiveNumber(yaml, top, "concurrency"),
            yaml.Optional(top, "endpointUrl"),
            Report(yaml, YamlInput.Value(top, "report"), folder))
        {
            Evidence = OneOf(yaml, top, "evidence", ["full", "minimal"]),
            Accept = Accept(yaml, top),
        };
    }

    private static IReadOnlyList<string>? Accept(YamlInput yaml, YamlMappingNode top)
    {
        var kinds = yaml.OptionalList(top, "accept");
        return kinds?.FirstOrDefault(kind => !AcceptFlag.Kinds.Contains(kind)) is { } unknown
            ? throw yaml.Refuse(YamlInput.Value(top, "accept")!, $"`accept` takes {string.Join(", ", AcceptFlag.Kinds)}, found `{unknown}`")
            : kinds;
    }

    private static ScanTarget Target(YamlInput yaml, YamlNode node, int number)
    {
        if (node is not YamlMappingNode target)
        {
            throw yaml.Refuse(node, $"target {number} must be a mapping with at least `name`");
        }

        yaml.OnlyKeys(target, TargetFields);
        var name = yaml.Required(target, "name", $"target {number}");
        var organization = Boolean(yaml, target, "organization") ?? false;
        var roleName = yaml.Optional(target, "roleName");
        if (organization && roleName is null)
        {
            throw yaml.Refuse(target, $"target `{name}` scans an organization and needs `roleName`, the role to assume in each member account");
        }

        var accounts = yaml.OptionalList(target, "accounts");
        if (accounts?.FirstOrDefault(id => !AccountId().IsMatch(id)) is { } bad)
        {
            throw yaml.Refuse(YamlInput.Value(target, "accounts")!, $"expected 12-digit account ids, found `{bad}`");
        }

        var regions = yaml.OptionalList(target, "regions");
        if (regions?.FirstOrDefault(region => !RegionName().IsMatch(region)) is { } badRegion)
        {
            throw yaml.Refuse(YamlInput.Value(target, "regions")!, $"`{badRegion}` is not a region name such as us-east-1");
        }

        return new ScanTarget(name, yaml.Optional(target, "profile"), organization, roleName, yaml.Optional(target, "externalId"),
            yaml.Optional(target, "sessionName"), accounts, regions);
    }

    private static ReportDefaults Report(YamlInput yaml, YamlNode? node, string folder)
    {
        if (node is null)
        {
            return ReportDefaults.None;
        }

        if (node is not YamlMappingNode report)
        {
            throw yaml.Refuse(node, "`report` must be a mapping of format, output, failOn, mode and strict");
        }

        yaml.OnlyKeys(report, ReportFields);
        return new ReportDefaults(
            Formats(yaml, report),
            RelativeTo(yaml, report, "output", folder),
            OneOf(yaml, report, "failOn", ["fail", "error", "never"]),
            OneOf(yaml, report, "mode", ["semantic", "literal"]),
            Boolean(yaml, report, "strict"));
    }

    /// <summary>One report format, or several separated by commas (written to <c>--output-dir</c>).</summary>
    private static string? Formats(YamlInput yaml, YamlMappingNode report)
    {
        var value = yaml.Optional(report, "format");
        var unknown = value?.Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(name => !ReportWriters.Formats.Contains(name));
        return unknown is null
            ? value
            : throw yaml.Refuse(YamlInput.Value(report, "format")!, $"`format` must be one or more of {string.Join(", ", ReportWriters.Formats)} separated by commas, found `{unknown}`");
    }

    private static string? OneOf(YamlInput yaml, YamlMappingNode mapping, string field, string[] allowed)
    {
        var value = yaml.Optional(mapping, field);
        return value is null || allowed.Contains(value)
            ? value
            : throw yaml.Refuse(YamlInput.Value(mapping, field)!, $"`{field}` must be one of {string.Join(", ", allowed)}, found `{value}`");
    }

    private static bool? Boolean(YamlInput yaml, YamlMappingNode mapping, string field) => yaml.Optional(mapping, field) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var other => throw yaml.Refuse(YamlInput.Value(mapping, field)!, $"`{field}` must be true or false, found `{other}`"),
    };

    private static int? PositiveNumber(YamlInput yaml, YamlMappingNode mapping, string field)
    {
        var text = yaml.Optional(mapping, field);
        return text is null ? null
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number
            : throw yaml.Refuse(YamlInput.Value(mapping, field)!, $"`{field}` must be a whole number above 0, found `{text}`");
    }

    /// <summary>A path field, relative to the file's folder; one the system cannot take as a path (a NUL in it) is refused where it is written.</summary>
    private static string? RelativeTo(YamlInput yaml, YamlMappingNode mapping, string field, string folder)
    {
        var path = yaml.Optional(mapping, field);
        return path is null ? null
            : path.Contains('\0', StringComparison.Ordinal) ? throw yaml.Refuse(YamlInput.Value(mapping, field)!, $"`{field}` is not a path: it holds a NUL character")
            : Path.GetFullPath(path, folder);
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionName();
}
