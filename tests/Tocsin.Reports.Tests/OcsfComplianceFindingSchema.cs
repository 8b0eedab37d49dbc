using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tocsin.Reports.Tests;

/// <summary>
/// Checks an event against tests/fixtures/schemas/ocsf-compliance-finding.json, the summary of OCSF 1.8.0 class 2003,
/// as the README there says: the required attributes (and those of each profile in <c>metadata.profiles</c>) are
/// present, every key is an attribute of the class or object, every enum value (each <c>*_id</c>) is a key of its
/// enum and its string sibling holds the caption, <c>type_uid = class_uid * 100 + activity_id</c>, values have their
/// type, nested objects meet their required and at_least_one constraints; deprecated attributes are not used.
/// </summary>
internal sealed class OcsfComplianceFindingSchema
{
    private readonly JsonElement _root;

    private OcsfComplianceFindingSchema(JsonElement root) => _root = root;

    public static OcsfComplianceFindingSchema Load() =>
        new(JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Fixture("schemas", "ocsf-compliance-finding.json"))).RootElement.Clone());

    /// <summary>Every way the event breaks the class, one line each with its path; empty when it conforms.</summary>
    public IReadOnlyList<string> Check(JsonElement ev)
    {
        var errors = new List<string>();
        if (ev.ValueKind != JsonValueKind.Object)
        {
            return ["$: an event is a JSON object"];
        }

        var profiles = ev.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("profiles", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(p => p.GetString() ?? "").ToHashSet()
                : [];
        var summary = _root.GetProperty("requirement_summary");
        var required = Strings(summary.GetProperty("core").GetProperty("required")).ToList();
        foreach (var profile in profiles)
        {
            if (summary.GetProperty("by_profile").TryGetProperty(profile, out var byProfile))
            {
                required.AddRange(Strings(byProfile.GetProperty("required")));
            }
            else if (!Strings(_root.GetProperty("class").GetProperty("applicable_profiles")).Contains(profile))
            {
                errors.Add($"$.metadata.profiles: '{profile}' is not a profile of the class");
            }
        }

        CheckAttributes("$", _root.GetProperty("attributes"), ev, required, [], profiles, errors);
        CheckClassRules(ev, errors);
        return errors;
    }

    private void CheckClassRules(JsonElement ev, List<string> errors)
    {
        var classInfo = _root.GetProperty("class");
        if (Long(ev, "class_uid") is { } classUid && classUid != classInfo.GetProperty("uid").GetInt64())
        {
            errors.Add($"$.class_uid: {classUid} is not {classInfo.GetProperty("uid").GetInt64()}");
        }

        if (Long(ev, "category_uid") is { } categoryUid && categoryUid != classInfo.GetProperty("category").GetProperty("uid").GetInt64())
        {
            errors.Add($"$.category_uid: {categoryUid} is not the class's category");
        }

        if (Long(ev, "type_uid") is { } typeUid && Long(ev, "class_uid") is { } cls && Long(ev, "activity_id") is { } activity && typeUid != (cls * 100) + activity)
        {
            errors.Add($"$.type_uid: {typeUid} is not class_uid * 100 + activity_id = {(cls * 100) + activity}");
        }
    }

    private void CheckAttributes(
        string path,
        JsonElement attributes,
        JsonElement value,
        IEnumerable<string> required,
        IEnumerable<string> atLeastOne,
        HashSet<string> profiles,
        List<string> errors)
    {
        foreach (var name in required.Where(name => !value.TryGetProperty(name, out _)))
        {
            errors.Add($"{path}: the required attribute '{name}' is missing");
        }

        var oneOf = atLeastOne.ToList();
        if (oneOf.Count > 0 && !oneOf.Any(name => value.TryGetProperty(name, out _)))
        {
            errors.Add($"{path}: needs at least one of {string.Join(", ", oneOf)}");
        }

        foreach (var property in value.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            if (!attributes.TryGetProperty(property.Name, out var spec))
            {
                errors.Add($"{at}: not an attribute here");
                continue;
            }

            if (spec.TryGetProperty("profile", out var profile) && profile.ValueKind == JsonValueKind.String && !profiles.Contains(profile.GetString()!))
            {
                errors.Add($"{at}: belongs to the profile '{profile.GetString()}', which metadata.profiles does not list");
            }

            if (spec.TryGetProperty("deprecated", out _))
            {
                errors.Add($"{at}: deprecated");
            }

            if (spec.GetProperty("is_array").GetBoolean())
            {
                if (property.Value.ValueKind != JsonValueKind.Array)
                {
                    errors.Add($"{at}: is an array");
                    continue;
                }

                var index = 0;
                foreach (var item in property.Value.EnumerateArray())
                {
                    CheckValue($"{at}[{index++}]", spec, item, profiles, errors);
                }
            }
            else
            {
                CheckValue(at, spec, property.Value, profiles, errors);
                CheckSibling(at, spec, property.Value, value, errors);
            }
        }
    }

    private void CheckValue(string path, JsonElement spec, JsonElement value, HashSet<string> profiles, List<string> errors)
    {
        var type = spec.GetProperty("type").GetString()!;
        var baseType = _root.GetProperty("types").TryGetProperty(type, out var typeInfo) && typeInfo.TryGetProperty("base_type", out var b) ? b.GetString() : type;
        switch (baseType)
        {
            case "integer_t" or "long_t":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _))
                {
                    errors.Add($"{path}: is an integer ({type})");
                    return;
                }

                break;
            case "string_t":
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add($"{path}: is a string ({type})");
                    return;
                }

                if (typeInfo.ValueKind == JsonValueKind.Object && typeInfo.TryGetProperty("regex", out var regex)
                    && !Regex.IsMatch(value.GetString()!, regex.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    errors.Add($"{path}: '{value.GetString()}' is not a {type}");
                }

                break;
            case "boolean_t":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: is a boolean");
                }

                break;
            case "object_t":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{path}: is an object");
                    return;
                }

                // Objects the summary expands are checked attribute by attribute; the others only for being objects.
                var objectType = spec.GetProperty("object_type").GetString()!;
                if (_root.GetProperty("objects").TryGetProperty(objectType, out var objectSpec))
                {
                    var atLeastOne = objectSpec.TryGetProperty("constraints", out var constraints) && constraints.TryGetProperty("at_least_one", out var one)
                        ? Strings(one)
                        : [];
                    CheckAttributes(path, objectSpec.GetProperty("attributes"), value, Strings(objectSpec.GetProperty("required")), atLeastOne, profiles, errors);
                }

                break;
        }

        if (spec.TryGetProperty("enum", out var values) && value.ValueKind == JsonValueKind.Number
            && !values.TryGetProperty(value.GetInt64().ToString(CultureInfo.InvariantCulture), out _))
        {
            errors.Add($"{path}: {value.GetInt64()} is not one of the enum values {string.Join(", ", values.EnumerateObject().Select(v => v.Name))}");
        }
    }

    /// <summary>The string sibling of an enum value (<c>severity</c> beside <c>severity_id</c>) holds its caption, except for Other (99).</summary>
    private static void CheckSibling(string path, JsonElement spec, JsonElement value, JsonElement parent, List<string> errors)
    {
        if (!spec.TryGetProperty("sibling", out var siblingName) || !spec.TryGetProperty("enum", out var values)
            || value.ValueKind != JsonValueKind.Number || !parent.TryGetProperty(siblingName.GetString()!, out var sibling))
        {
            return;
        }

        var key = value.GetInt64().ToString(CultureInfo.InvariantCulture);
        if (key == "99" || !values.TryGetProperty(key, out var entry))
        {
            return;
        }

        var caption = entry.ValueKind == JsonValueKind.String ? entry.GetString() : entry.GetProperty("caption").GetString();
        if (sibling.GetString() != caption)
        {
            errors.Add($"{path}: its sibling {siblingName.GetString()} is '{sibling.GetString()}', not the caption '{caption}'");
        }
    }

    private static long? Long(JsonElement ev, string name) =>
        ev.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    private static IEnumerable<string> Strings(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Select(item => item.GetString()!) : [];
}
