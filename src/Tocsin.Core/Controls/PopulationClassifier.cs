namespace Tocsin.Core.Controls;

/// <summary>Placeholder: every record is unclassified until populations carry match patterns.</summary>
public sealed class PopulationClassifier
{
    public const string Unclassified = "unclassified";

    private PopulationClassifier(Control control) => Names = [.. control.Populations.Select(p => p.Name), Unclassified];

    public IReadOnlyList<string> Names { get; }

    public static PopulationClassifier For(Control control) => new(control);

#pragma warning disable CA1822 // the real classifier reads its patterns
    public string Classify(ReadOnlySpan<byte> utf8Record) => Unclassified;
#pragma warning restore CA1822
}
