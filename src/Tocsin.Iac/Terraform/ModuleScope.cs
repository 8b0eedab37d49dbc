namespace Tocsin.Iac.Terraform;

/// <summary>
/// A module as deployed from one call: its variables' values (module inputs, <c>terraform.tfvars</c>, defaults),
/// its locals, resources and the local modules it calls. Resolves every reference made inside the module.
/// </summary>
internal sealed class ModuleScope : IHclScope
{
    private const int DeepestModule = 16;

    private readonly TerraformModule _module;
    private readonly IReadOnlyDictionary<string, HclValue> _inputs;
    private readonly IReadOnlyList<(string Path, string Text)> _files;
    private readonly IacSettings _settings;
    private readonly string _prefix;
    private readonly int _depth;
    private readonly HashSet<string> _evaluating = [];
    private bool _expanding;
    private readonly Dictionary<string, ModuleScope?> _children = [];
    private List<ResourceInstance>? _resources;

    public ModuleScope(TerraformModule module, IReadOnlyDictionary<string, HclValue> inputs, IReadOnlyList<(string Path, string Text)> files, IacSettings settings, string prefix = "", int depth = 0)
    {
        _module = module;
        _inputs = inputs;
        _files = files;
        _settings = settings;
        _prefix = prefix;
        _depth = depth;
        Problems.AddRange(module.Problems);
    }

    public List<IacProblem> Problems { get; } = [];

    /// <summary>This module's resource instances and those of every local module it calls.</summary>
    public IEnumerable<ResourceInstance> AllResources() =>
        Resources().Concat(_module.OfType("module").SelectMany(m => Child(m.Block.Labels.FirstOrDefault() ?? "")?.AllResources() ?? []));

    /// <summary>Problems of this module and of every local module it calls.</summary>
    public IEnumerable<IacProblem> AllProblems()
    {
        var children = _module.OfType("module").Select(m => Child(m.Block.Labels.FirstOrDefault() ?? "")).OfType<ModuleScope>().ToList();
        return Problems.Concat(children.SelectMany(c => c.AllProblems())).Distinct();
    }

    public HclValue Resolve(HclReference reference)
    {
        var steps = reference.Steps;
        var first = steps.Count > 0 ? steps[0].Name : null;
        var described = reference.ToString();
        return reference.Root switch
        {
            "var" when first is not null => HclEvaluator.Steps(Variable(first), steps.Skip(1), this, described),
            "local" when first is not null => HclEvaluator.Steps(Local(first), steps.Skip(1), this, described),
            "data" => new HclUnknown($"{described} is a data source, read only at plan time"),
            "module" when first is not null && steps.Count > 1 && steps[1].Name is { } output =>
                HclEvaluator.Steps(Output(first, output), steps.Skip(2), this, described),
            "path" or "terraform" or "self" or "count" or "each" => new HclUnknown($"{described} is not known here"),
            _ when first is not null => ResourceAttribute(reference.Root, first, steps.Skip(1).ToList(), described),
            _ => new HclUnknown($"{described} is not a reference this reader follows"),
        };
    }

    private HclValue Variable(string name)
    {
        if (_inputs.TryGetValue(name, out var value))
        {
            return value;
        }

        if (_module.Find("variable", name) is not { } variable)
        {
            return new HclUnknown($"var.{name} is not declared");
        }

        return variable.Block.Body.Attribute("default") is { } fallback
            ? Guarded($"var.{name}", () => HclEvaluator.Evaluate(fallback.Value, this))
            : new HclUnknown($"var.{name} has no default and no value in terraform.tfvars{(_depth > 0 ? " or the module call" : "")}");
    }

    private HclValue Local(string name) =>
        _module.Locals.LastOrDefault(l => l.Attribute.Name == name) is { Attribute: { } local }
            ? Guarded($"local.{name}", () => HclEvaluator.Evaluate(local.Value, this))
            : new HclUnknown($"local.{name} is not defined");

    private HclValue Output(string moduleName, string output)
    {
        if (Child(moduleName) is not { } child)
        {
            return new HclUnknown($"module.{moduleName} is not a local module this reader follows");
        }

        return child._module.Find("output", output) is { Block: { } block } && block.Body.Attribute("value") is { } value
            ? child.Guarded($"output.{output}", () => HclEvaluator.Evaluate(value.Value, child))
            : new HclUnknown($"module.{moduleName} has no output {output}");
    }

    private HclValue ResourceAttribute(string type, string name, List<HclStep> steps, string described)
    {
        if (_expanding)
        {
            // a count or for_each that names a resource: the resources are still being counted
            return new HclUnknown($"{described} is a resource's attribute, which a count or for_each cannot use here (the resources are still being counted)");
        }

        var instances = Resources().Where(r => r.Type == type && r.Name == name).ToList();
        if (instances.Count == 0)
        {
            return new HclUnknown($"{described} names no resource of this module");
        }

        var rest = steps;
        var instance = instances[0];
        if (steps.Count > 0 && steps[0].Index is { } index)
        {
            var key = HclEvaluator.Evaluate(index, this);
            var label = key is HclNumber n ? $"[{n.Text}]" : key is HclString s ? $"[\"{s.Value}\"]" : null;
            if (label is null || instances.FirstOrDefault(r => r.Address.EndsWith(label, StringComparison.Ordinal)) is not { } chosen)
            {
                return new HclUnknown($"{described} names an instance this reader cannot tell");
            }

            instance = chosen;
            rest = [.. steps.Skip(1)];
        }
        else if (instances.Count > 1)
        {
            return new HclUnknown($"{described} does not say which instance");
        }

        if (rest.Count == 0 || rest[0].Name is not { } attribute)
        {
            return new HclUnknown($"{described} is a whole resource, not one of its attributes");
        }

        return HclEvaluator.Steps(Guarded(instance.Address + "." + attribute, () => instance.Attribute(attribute)), rest.Skip(1), this, described);
    }

    private HclValue Guarded(string what, Func<HclValue> evaluate)
    {
        if (!_evaluating.Add(what))
        {
            return new HclUnknown($"{what} refers to itself");
        }

        try
        {
            return evaluate();
        }
        finally
        {
            _evaluating.Remove(what);
        }
    }

    private List<ResourceInstance> Resources()
    {
        if (_resources is null)
        {
            _expanding = true;
            try
            {
                _resources = [.. _module.OfType("resource").SelectMany(Instances)];
            }
            finally
            {
                _expanding = false;
            }
        }

        return _resources;
    }

    /// <summary>The most instances of one resource read from a literal <c>count</c>: a chain needs a handful, and a huge count would be read one by one.</summary>
    private const int MostInstances = 1000;

    private IEnumerable<ResourceInstance> Instances((string File, HclBlock Block) resource)
    {
        if (resource.Block.Labels is not [var type, var name])
        {
            Problems.Add(new IacProblem(resource.File, resource.Block.Line, 1, $"expected a resource block with a type and a name, found {resource.Block.Labels.Count} labels"));
            yield break;
        }

        var address = $"{_prefix}{type}.{name}";
        var body = resource.Block.Body;
        if (body.Attribute("count") is { } count)
        {
            var value = HclEvaluator.Evaluate(count.Value, this);
            if (value is not HclNumber n)
            {
                Problems.Add(new IacProblem(resource.File, count.Line, 1, $"{address} is not read: its count is not known before apply ({HclEvaluator.Describe(value)})"));
                yield break;
            }

            if (n.Value < 0 || n.Value != Math.Floor(n.Value))
            {
                Problems.Add(new IacProblem(resource.File, count.Line, 1, $"{address} is not read: its count is {HclEvaluator.Describe(value)}, not a whole number of instances"));
                yield break;
            }

            if (n.Value > MostInstances)
            {
                Problems.Add(new IacProblem(resource.File, count.Line, 1, $"{address} is not read: its count is {HclEvaluator.Describe(value)}, more instances than Tocsin reads of one resource ({MostInstances})"));
                yield break;
            }

            for (var i = 0; i < (int)n.Value; i++)
            {
                var index = new HclNumber(i);
                yield return new ResourceInstance(type, name, $"{address}[{i}]", resource.File, resource.Block, new InstanceScope(this, "count", new HclMap([new("index", index)])), _settings);
            }

            yield break;
        }

        if (body.Attribute("for_each") is { } forEach)
        {
            var value = HclEvaluator.Evaluate(forEach.Value, this);
            var entries = value switch
            {
                HclMap map => map.Entries,
                HclList list when list.Items.All(i => i is HclString) => list.Items.Cast<HclString>().Select(s => new KeyValuePair<string, HclValue>(s.Value, s)).ToList(),
                _ => null,
            };
            if (entries is null)
            {
                Problems.Add(new IacProblem(resource.File, forEach.Line, 1, $"{address} is not read: its for_each is not known before apply ({HclEvaluator.Describe(value)})"));
                yield break;
            }

            foreach (var (key, item) in entries)
            {
                var each = new HclMap([new("key", new HclString(key)), new("value", item)]);
                yield return new ResourceInstance(type, name, $"{address}[\"{key}\"]", resource.File, resource.Block, new InstanceScope(this, "each", each), _settings);
            }

            yield break;
        }

        yield return new ResourceInstance(type, name, address, resource.File, resource.Block, this, _settings);
    }

    private ModuleScope? Child(string name)
    {
        if (_children.TryGetValue(name, out var known))
        {
            return known;
        }

        _children[name] = null;
        var call = _module.OfType("module").FirstOrDefault(m => m.Block.Labels is [var label] && label == name);
        var child = call.Block is null ? null : Load(name, call.File, call.Block);
        _children[name] = child;
        return child;
    }

    private ModuleScope? Load(string name, string file, HclBlock call)
    {
        var source = call.Body.Attribute("source");
        var path = source is null ? null : HclEvaluator.Evaluate(source.Value, this) as HclString;
        if (path is null || !(path.Value.StartsWith("./", StringComparison.Ordinal) || path.Value.StartsWith("../", StringComparison.Ordinal)))
        {
            Problems.Add(new IacProblem(file, call.Line, 1, $"module {name} is not read: only local sources (./ or ../) are followed, found {(path is null ? "no literal source" : $"\"{path.Value}\"")}"));
            return null;
        }

        var folder = RepositoryPaths.Combine(_module.Folder, path.Value);
        if (folder is null || !_files.Any(f => RepositoryPaths.FolderOf(f.Path) == folder && f.Path.EndsWith(".tf", StringComparison.Ordinal)))
        {
            Problems.Add(new IacProblem(file, call.Line, 1, $"module {name} is not read: no .tf files in {path.Value}"));
            return null;
        }

        if (_depth >= DeepestModule)
        {
            Problems.Add(new IacProblem(file, call.Line, 1, $"module {name} is not read: modules nest deeper than {DeepestModule}"));
            return null;
        }

        string[] meta = ["source", "version", "count", "for_each", "providers", "depends_on"];
        var inputs = call.Body.Attributes.Where(a => !meta.Contains(a.Name)).ToDictionary(a => a.Name, a => HclEvaluator.Evaluate(a.Value, this));
        return new ModuleScope(TerraformModule.Load(folder, _files), inputs, _files, _settings, $"{_prefix}module.{name}.", _depth + 1);
    }
}

/// <summary>The scope inside one <c>count</c> or <c>for_each</c> instance: <c>count.index</c> or <c>each.key</c>/<c>each.value</c>.</summary>
internal sealed class InstanceScope(IHclScope module, string root, HclMap values) : IHclScope
{
    public HclValue Resolve(HclReference reference) =>
        reference.Root == root ? HclEvaluator.Steps(values, reference.Steps, this, reference.ToString()) : module.Resolve(WithIndexesEvaluated(reference));

    // aws_x.y[each.key]: the index is this instance's, so it is evaluated here before the module resolves the rest.
    private HclReference WithIndexesEvaluated(HclReference reference) => reference with
    {
        Steps = [.. reference.Steps.Select(step => step.Index is { } index and not HclLiteral ? step with { Index = new HclLiteral(HclEvaluator.Evaluate(index, this), index.Line) } : step)],
    };
}
