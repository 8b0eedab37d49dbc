namespace Tocsin.Aws.Http;

/// <summary>The AWS partition a region belongs to, and its DNS suffix.</summary>
public sealed record AwsPartition(string Name, string DnsSuffix)
{
    public static readonly AwsPartition Aws = new("aws", "amazonaws.com");

    public static readonly AwsPartition China = new("aws-cn", "amazonaws.com.cn");

    public static readonly AwsPartition GovCloud = new("aws-us-gov", "amazonaws.com");

    public static AwsPartition Of(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? China
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? GovCloud
        : Aws;
}
