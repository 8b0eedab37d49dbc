using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tocsin.Reports.Tests;

/// <summary>
/// Checks a <c>BatchImportFindings</c> request against tests/fixtures/schemas/asff-required.json, the extract of the
/// Security Hub service model, as the README there says: 1 to 100 findings; each has the documented required
/// attributes, only members of <c>AwsSecurityFinding</c>, every nested structure's required members, enum values,
/// string patterns, and the length and count limits its documentation states; SchemaVersion is 2018-10-08, Severity
/// has a Label or Normalized, CreatedAt equals UpdatedAt, and each type is namespace/category/classifier.
/// </summary>
internal sealed partial class AsffFindingFormat
{
    private readonly JsonElement _root;

    private AsffFindingFormat(JsonElement root) => _root = root;

    public static AsffFindingFormat Load() =>
        new(JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Fixture("schemas", "asff-required.json"))).RootElement.Clone());

    /// <summary>Every way the request breaks the format, one line each with its path; empty when it conforms.</summary>
    public IReadOnlyList<string> CheckRequest(JsonElement request)
    {
        var batch = _root.GetProperty("batch_import_findings");
        if (request.ValueKind != JsonValueKind.Object || !request.TryGetProperty("Findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
        {
            return ["$: a request is {\"Findings\": [...]}"];
        }

        var errors = request.EnumerateObject().Where(p => p.Name != "Findings").Select(p => $"$.{p.Name}: not a member of the request").ToList();
        var count = findings.GetArrayLength();
        var (min, max) = (batch.GetProperty("Findings").GetProperty("min").GetInt32(), batch.GetProperty("Findings").GetProperty("max").GetInt32());
        if (count < min || count > max)
        {
            errors.Add($"$.Findings: {count} findings; a request takes {min} to {max}");
        }

        var index = 0;
        foreach (var finding in findings.EnumerateArray())
        {
            errors.AddRange(CheckFinding(finding, $"$.Findings[{index++}]"));
        }

        return errors;
    }

    public IReadOnlyList<string> CheckFinding(JsonElement finding, string path = "$")
    {
        var errors = new List<string>();
        if (finding.ValueKind != JsonValueKind.Object)
        {
            return [$"{path}: a finding is an object"];
        }

        foreach (var name in _root.GetProperty("documented_required").GetProperty("attributes").EnumerateArray().Select(a => a.GetString()!))
        {
            if (!finding.TryGetProperty(name, out _))
            {
                errors.Add($"{path}: the required attribute {name} is missing");
            }
        }

        CheckStructure(path, _root.GetProperty("AwsSecurityFinding"), finding, errors);

        if (finding.TryGetProperty("SchemaVersion", out var version) && version.GetString() != _root.GetProperty("schema_version_value").GetString())
        {
            errors.Add($"{path}.SchemaVersion: '{version}' is not {_root.GetProperty("schema_version_value").GetString()}");
        }

        if (finding.TryGetProperty("Severity", out var severity) && severity.ValueKind == JsonValueKind.Object
            && !severity.TryGetProperty("Label", out _) && !severity.TryGetProperty("Normalized", out _))
        {
            errors.Add($"{path}.Severity: needs Label or Normalized");
        }

        if (finding.TryGetProperty("CreatedAt", out var created) && finding.TryGetProperty("UpdatedAt", out var updated))
        {
            foreach (var (name, stamp) in new[] { ("CreatedAt", created), ("UpdatedAt", updated) })
            {
                if (stamp.ValueKind != JsonValueKind.String || !Rfc3339().IsMatch(stamp.GetString()!))
                {
                    errors.Add($"{path}.{name}: '{stamp}' is not an RFC 3339 timestamp");
                }
            }

            if (created.ToString() != updated.ToString())
            {
                errors.Add($"{path}: a new finding's CreatedAt and UpdatedAt are equal");
            }
        }

        if (finding.TryGetProperty("Types", out var types) && types.ValueKind == JsonValueKind.Array)
        {
            string[] namespaces = ["Software and Configuration Checks", "TTPs", "Effects", "Unusual Behaviors", "Sensitive Data Identifications"];
            foreach (var type in types.EnumerateArray().Select(t => t.GetString() ?? ""))
            {
                var parts = type.Split('/');
                if (parts.Length > 3 || !namespaces.Contains(parts[0]))
                {
                    errors.Add($"{path}.Types: '{type}' is not namespace/category/classifier with a known namespace");
                }
            }
        }

        return errors;
    }

    private void CheckStructure(string path, JsonElement spec, JsonElement value, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: is a structure");
            return;
        }

        var members = spec.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        foreach (var name in spec.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Where(name => !value.TryGetProperty(name, out _)))
        {
            errors.Add($"{path}: the required member {name} is missing");
        }

        foreach (var property in value.EnumerateObject())
        {
            if (members.TryGetValue(property.Name, out var member))
            {
                CheckMember($"{path}.{property.Name}", member, property.Value, errors);
            }
            else
            {
                errors.Add($"{path}.{property.Name}: not a member");
            }
        }
    }

    private void CheckMember(string path, JsonElement member, JsonElement value, List<string> errors)
    {
        var documentation = member.TryGetProperty("documentation", out var doc) ? doc.GetString() ?? "" : "";
        switch (member.GetProperty("type").GetString())
        {
            case "string":
                CheckString(path, member, documentation, value, errors);
                break;
            case "integer" or "long":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
                {
                    errors.Add($"{path}: is an integer");
                }
                else if ((member.TryGetProperty("min", out var min) && number < min.GetInt64()) || (member.TryGetProperty("max", out var max) && number > max.GetInt64()))
                {
                    errors.Add($"{path}: {number} is out of range");
                }

                break;
            case "double":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    errors.Add($"{path}: is a number");
                }

                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: is a boolean");
                }

                break;
            case "list":
                CheckList(path, member, documentation, value, errors);
                break;
            case "map":
                CheckMap(path, documentation, value, errors);
                break;
            case "structure":
                var shape = member.GetProperty("shape").GetString()!;
                if (shape == "ResourceDetails")
                {
                    CheckResourceDetails(path, value, errors);
                }
                else if (_root.GetProperty("structures").TryGetProperty(shape, out var structure))
                {
                    CheckStructure(path, structure, value, errors);
                }
                else
                {
                    errors.Add($"{path}: the extract has no structure {shape}");
                }

                break;
        }
    }

    private static void CheckString(string path, JsonElement spec, string documentation, JsonElement value, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{path}: is a string");
            return;
        }

        var text = value.GetString()!;
        if (spec.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.Singleline, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: '{text}' does not match {pattern.GetString()}");
        }

        if (spec.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == text))
        {
            errors.Add($"{path}: '{text}' is not one of {string.Join(", ", values.EnumerateArray())}");
        }

        if (Limit(MaxLength(), documentation) is { } max && text.Length > max)
        {
            errors.Add($"{path}: {text.Length} characters; the documented maximum is {max}");
        }

        if (Limit(ExactLength(), documentation) is { } exact && path.EndsWith(".AwsAccountId", StringComparison.Ordinal) && text.Length != exact)
        {
            errors.Add($"{path}: '{text}' is not {exact} characters");
        }
    }

    private void CheckList(string path, JsonElement spec, string documentation, JsonElement value, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}: is a list");
            return;
        }

        var count = value.GetArrayLength();
        var shape = _root.GetProperty("non_structure_shapes").TryGetProperty(spec.GetProperty("shape").GetString()!, out var s) ? s : default;
        var max = Limit(MaxItems(), documentation) ?? (shape.ValueKind == JsonValueKind.Object && shape.TryGetProperty("max", out var m) ? m.GetInt32() : null);
        var min = Limit(MinItems(), documentation) ?? (shape.ValueKind == JsonValueKind.Object && shape.TryGetProperty("min", out var n) ? n.GetInt32() : null);
        if (count > max || count < min)
        {
            errors.Add($"{path}: {count} items; the documented range is {min ?? 0} to {max?.ToString(CultureInfo.InvariantCulture) ?? "any"}");
        }

        var index = 0;
        var itemShape = spec.GetProperty("items").GetString()!;
        foreach (var item in value.EnumerateArray())
        {
            var at = $"{path}[{index++}]";
            if (spec.GetProperty("items_type").GetString() == "structure")
            {
                CheckStructure(at, _root.GetProperty("structures").GetProperty(itemShape), item, errors);
            }
            else
            {
                CheckString(at, _root.GetProperty("non_structure_shapes").GetProperty(itemShape), "", item, errors);
            }
        }
    }

    /// <summary>A string-to-string map (FieldMap) of non-empty keys and values, within the documented count and lengths.</summary>
    private static void CheckMap(string path, string documentation, JsonElement value, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: is a map");
            return;
        }

        var pairs = value.EnumerateObject().ToList();
        if (Limit(MaxPairs(), documentation) is { } maxPairs && pairs.Count > maxPairs)
        {
            errors.Add($"{path}: {pairs.Count} pairs; the documented maximum is {maxPairs}");
        }

        foreach (var pair in pairs)
        {
            if (string.IsNullOrWhiteSpace(pair.Name) || pair.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(pair.Value.GetString()))
            {
                errors.Add($"{path}.{pair.Name}: keys and values are non-empty strings");
                continue;
            }

            if (Limit(MaxKey(), documentation) is { } maxKey && pair.Name.Length > maxKey)
            {
                errors.Add($"{path}.{pair.Name}: the key is longer than {maxKey}");
            }

            if (Limit(MaxValue(), documentation) is { } maxValue && pair.Value.GetString()!.Length > maxValue)
            {
                errors.Add($"{path}.{pair.Name}: the value is longer than {maxValue}");
            }
        }
    }

    private void CheckResourceDetails(string path, JsonElement value, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: is a structure");
            return;
        }

        var members = _root.GetProperty("ResourceDetails").GetProperty("members");
        foreach (var property in value.EnumerateObject())
        {
            if (!members.TryGetProperty(property.Name, out var shape))
            {
                errors.Add($"{path}.{property.Name}: not a member of ResourceDetails");
            }
            else if (shape.GetString() == "FieldMap")
            {
                CheckMap($"{path}.{property.Name}", "", property.Value, errors);
            }
        }
    }

    private static int? Limit(Regex pattern, string documentation) =>
        pattern.Match(documentation) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"Maximum (?:length )?of (\d+)")]
    private static partial Regex MaxLength();

    [GeneratedRegex(@"Length Constraints: (\d+)\.")]
    private static partial Regex ExactLength();

    [GeneratedRegex(@"Maximum number of (\d+) item")]
    private static partial Regex MaxItems();

    [GeneratedRegex(@"Minimum number of (\d+) item")]
    private static partial Regex MinItems();

    [GeneratedRegex(@"up to (\d+) key-value pairs")]
    private static partial Regex MaxPairs();

    [GeneratedRegex(@"key can contain up to (\d+) characters")]
    private static partial Regex MaxKey();

    [GeneratedRegex(@"value can contain up to (\d+) characters")]
    private static partial Regex MaxValue();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
