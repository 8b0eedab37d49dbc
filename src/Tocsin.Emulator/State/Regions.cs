namespace Tocsin.Emulator.State;

/// <summary>The commercial-partition regions, and which of them are opt-in (DescribeRegions' <c>OptInStatus</c>).</summary>
public static class Regions
{
    public static readonly IReadOnlyList<string> AlwaysOn =
    [
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-southeast-1", "ap-southeast-2",
        "ca-central-1", "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1",
        "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    ];

    public static readonly IReadOnlyList<string> OptIn =
    [
        "af-south-1", "ap-east-1", "ap-south-2", "ap-southeast-3", "ap-southeast-4", "ca-west-1", "eu-central-2",
        "eu-south-1", "eu-south-2", "il-central-1", "me-central-1", "me-south-1",
    ];

    public static IEnumerable<string> All => AlwaysOn.Concat(OptIn).Order(StringComparer.Ordinal);

    public static bool IsKnown(string region) => AlwaysOn.Contains(region) || OptIn.Contains(region);
}
