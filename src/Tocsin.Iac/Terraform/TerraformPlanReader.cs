using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tocsin.Iac.Terraform;

/// <summary>
/// Reads <c>terraform show -json plan.out</c>: the planned values of the root module and its child modules. A value
/// the plan knows only after apply (<c>after_unknown</c>) is unresolved when the configuration sets it, and left to
/// the provider's computation or AWS's default when it does not (a topic's ARN, its default policy).
/// </summary>
public static class TerraformPlanReader
{
    public static IacRead Read(string path, string text, IacSettings settings)
    {
        JsonNode? plan;
        try
        {
            plan = JsonNode.Parse(text);
        }
        catch (JsonException error)
        {
            return IacRead.Empty with { Problems = [new IacProblem(path, (int)(error.LineNumber ?? 0) + 1, (int)(error.BytePositionInLine ?? 0) + 1, $"expected the JSON of terraform show -json: {error.Message}")] };
        }

        if (plan?["planned_values"]?["root_module"] is not JsonObject root)
        {
            return IacRead.Empty with { Problems = [new IacProblem(path, 1, 1, "expected planned_values.root_module, found none: is this the output of terraform show -json on a plan?")] };
        }

        var changes = (plan["resource_changes"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(c => c["address"] is not null)
            .GroupBy(c => (string)c["address"]!)
            .ToDictionary(g => g.Key, g => g.First());
        var scope = new NothingToResolve();
        var resources = new List<ResourceInstance>();
        foreach (var resource in Resources(root))
        {
            if ((string?)resource["mode"] != "managed" || resource["type"] is null || resource["address"] is null)
            {
                continue;
            }

            var address = (string)resource["address"]!;
            var unknown = changes.TryGetValue(address, out var change) ? change["change"]?["after_unknown"] as JsonObject : null;
            var configured = Configured(plan["configuration"]?["root_module"], address);
            var line = LineOf(text, address);
            var body = PlanValues.Body(resource["values"] as JsonObject ?? [], unknown, configured, address, line);
            var block = new HclBlock("resource", [(string)resource["type"]!, (string?)resource["name"] ?? ""], body, line);
            resources.Add(new ResourceInstance((string)resource["type"]!, (string?)resource["name"] ?? "", address, path, block, scope, settings));
        }

        return ChainRecords.Of(resources, settings, []);
    }

    private static IEnumerable<JsonObject> Resources(JsonObject module) =>
        (module["resources"] as JsonArray ?? []).OfType<JsonObject>()
            .Concat((module["child_modules"] as JsonArray ?? []).OfType<JsonObject>().SelectMany(Resources));

    /// <summary>The arguments the configuration sets for the resource at <paramref name="address"/>, or null when it cannot be told.</summary>
    private static HashSet<string>? Configured(JsonNode? module, string address)
    {
        var parts = address.Split('.');
        var node = module;
        var i = 0;
        while (i + 1 < parts.Length && parts[i] == "module")
        {
            var call = parts[i + 1].Split('[')[0];
            node = node?["module_calls"]?[call]?["module"];
            i += 2;
        }

        var local = string.Join('.', parts[i..]).Split('[')[0];
        var resource = (node?["resources"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(r => (string?)r["address"] == local);
        return resource?["expressions"] is JsonObject expressions ? [.. expressions.Select(e => e.Key)] : null;
    }

    /// <summary>The line of the resource's <c>"address"</c> in the plan text (indented output); 1 when it is not found.</summary>
    private static int LineOf(string text, string address)
    {
        var key = $"\"address\":\"{address.Replace("\"", "\\\"")}\"";
        var spaced = $"\"address\": \"{address.Replace("\"", "\\\"")}\"";
        var at = text.IndexOf(spaced, StringComparison.Ordinal);
        at = at >= 0 ? at : text.IndexOf(key, StringComparison.Ordinal);
        return at < 0 ? 1 : text.AsSpan(0, at).Count('\n') + 1;
    }

    private sealed class NothingToResolve : IHclScope
    {
        public HclValue Resolve(HclReference reference) => new HclUnknown($"{reference} is not a value of the plan");
    }
}

/// <summary>A resource's planned values as a body: objects in lists are nested blocks, the rest attributes.</summary>
internal static class PlanValues
{
    public static HclBody Body(JsonObject values, JsonObject? unknown, HashSet<string>? configured, string address, int line)
    {
        var attributes = new List<HclAttribute>();
        var blocks = new List<HclBlock>();
        foreach (var (name, value) in values)
        {
            if (value is JsonArray list && list.Count > 0 && list.All(item => item is JsonObject))
            {
                var unknownItems = unknown?[name] as JsonArray;
                blocks.AddRange(list.Select((item, index) => new HclBlock(name, [], Body((JsonObject)item!, unknownItems?.ElementAtOrDefault(index) as JsonObject, null, address, line), line)));
            }
            else if (value is not null)
            {
                attributes.Add(new HclAttribute(name, new HclLiteral(Value(value), line), line));
            }
        }

        foreach (var (name, marker) in unknown ?? [])
        {
            // Only a whole unknown value is a gap; an unknown element inside a known list is left as the list knows it.
            var setByConfiguration = configured is null || configured.Contains(name);
            if (marker is JsonValue v && v.TryGetValue<bool>(out var isUnknown) && isUnknown && setByConfiguration && values[name] is null)
            {
                attributes.Add(new HclAttribute(name, new HclLiteral(new HclUnknown($"{address}.{name} is known only after apply"), line), line));
            }
        }

        return new HclBody(attributes, blocks);
    }

    private static HclValue Value(JsonNode node) => node switch
    {
        JsonArray list => new HclList([.. list.Select(item => item is null ? HclValue.Null : Value(item))]),
        JsonObject map => new HclMap([.. map.Select(e => new KeyValuePair<string, HclValue>(e.Key, e.Value is null ? HclValue.Null : Value(e.Value)))]),
        JsonValue value when value.TryGetValue<bool>(out var b) => new HclBool(b),
        JsonValue value when value.TryGetValue<double>(out var d) => new HclNumber(d),
        JsonValue value when value.TryGetValue<string>(out var s) => new HclString(s),
        _ => new HclUnknown("a value this reader does not know"),
    };
}
