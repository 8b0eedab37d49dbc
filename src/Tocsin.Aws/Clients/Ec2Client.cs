using Tocsin.Aws.Http;
using Tocsin.Aws.Protocols;

namespace Tocsin.Aws.Clients;

/// <summary>EC2 over the ec2 protocol (Version 2016-11-15): only the regions the account has enabled.</summary>
public sealed class Ec2Client(AwsSession session)
{
    /// <summary>The names of the regions enabled for the account (DescribeRegions without AllRegions).</summary>
    [RequiresPermission("ec2:DescribeRegions")]
    public async Task<IReadOnlyList<string>> DescribeRegionsAsync(string region, CancellationToken cancellationToken)
    {
        var result = await session.QueryAsync(AwsService.Ec2, region, "DescribeRegions", "2016-11-15", [], cancellationToken);
        return [.. Xml.Members(result, "regionInfo").Select(item => Xml.Text(item, "regionName")).OfType<string>().Order(StringComparer.Ordinal)];
    }
}
