namespace Tocsin.Core.Controls;

/// <summary>
/// The CloudTrail metric-filter controls Tocsin knows, loaded from the catalog file embedded in Tocsin.Core and
/// validated once, on first use. The embedded catalog's population patterns and literal regexes are compiled, and
/// its corpus read, checked and classified, by its tests rather than at every start (each is compiled or read when
/// first used; a pattern that did not parse would throw <see cref="CatalogException"/> then): <see cref="Load"/> runs
/// every check.
/// </summary>
public sealed class ControlCatalog
{
    private const string ResourceName = "Tocsin.Core.Controls.catalog.json";

    private static readonly Lazy<ControlCatalog> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Control> byName;

    private ControlCatalog(IReadOnlyList<Control> controls)
    {
        All = controls;
        byName = new Dictionary<string, Control>(StringComparer.OrdinalIgnoreCase);
        foreach (var control in controls)
        {
            byName[control.Id] = control;
            foreach (var alias in control.Aliases)
            {
                byName[alias] = control;
            }
        }
    }

    /// <summary>The catalog embedded in Tocsin.Core. Throws <see cref="CatalogException"/> if it is malformed.</summary>
    public static ControlCatalog Default => Embedded.Value;

    /// <summary>Every control, in catalog order (the seed control first).</summary>
    public IReadOnlyList<Control> All { get; }

    /// <summary>Every control id, in catalog order, for messages such as "unknown control X; known: ...".</summary>
    public IEnumerable<string> Ids => All.Select(control => control.Id);

    /// <summary>
    /// The control with this id or alias (e.g. <c>cis-aws-1.2:3.2</c>, <c>securityhub:cloudwatch.3</c>), compared
    /// without regard to case; null when no control has it.
    /// </summary>
    public Control? Find(string idOrAlias) =>
        byName.TryGetValue(idOrAlias.Trim(), out var control) ? control : null;

    /// <summary>Reads and validates a catalog; used for the embedded file and to test the validation itself.</summary>
    public static ControlCatalog Load(Stream json) => Load(json, compileAll: true);

    private static ControlCatalog Load(Stream json, bool compileAll)
    {
        var document = CatalogReader.Read(json);
        CatalogValidator.Validate(document, compileAll);
        return new ControlCatalog(document.Controls);
    }

    private static ControlCatalog LoadEmbedded()
    {
        using var stream = typeof(ControlCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new CatalogException($"control catalog: embedded resource '{ResourceName}' is missing from Tocsin.Core");
        return Load(stream, compileAll: false);
    }
}
