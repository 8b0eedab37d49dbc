namespace Tocsin.Fuzz.Tests.Harness;

/// <summary>The fuzz targets run one after another: each owns the machine for its slice, so time bounds mean the same in every run.</summary>
[CollectionDefinition(Name)]
public sealed class FuzzCollection
{
    public const string Name = "fuzz";
}
