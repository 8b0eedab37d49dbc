using System.Text.Json.Nodes;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>EC2 DescribeRegions: the regions the account may use, with opt-in status; <c>AllRegions</c> adds the rest.</summary>
internal static class Ec2Service
{
    public static readonly ServiceDefinition Definition = new(
        "ec2", "ec2", WireProtocol.Ec2, null, null, "http://ec2.amazonaws.com/doc/2016-11-15/",
        new Dictionary<string, Operation> { ["DescribeRegions"] = DescribeRegions });

    private static JsonObject DescribeRegions(CallContext call)
    {
        var all = call.Input.Bool("AllRegions") ?? false;
        var names = call.Input.Strings("RegionName");
        var regions = Regions.All
            .Select(region => (Name: region, Enabled: call.State.EnabledRegions.Contains(region) && !call.State.IsRegionDisabled(call.Account.Id, region), OptIn: Regions.OptIn.Contains(region)))
            .Where(region => all || region.Enabled)
            .Where(region => names.Count == 0 || names.Contains(region.Name));
        return new JsonObject
        {
            ["regionInfo"] = new JsonArray([.. regions.Select(region => (JsonNode)new JsonObject
            {
                ["regionName"] = region.Name,
                ["regionEndpoint"] = $"ec2.{region.Name}.amazonaws.com",
                ["optInStatus"] = !region.OptIn ? "opt-in-not-required" : region.Enabled ? "opted-in" : "not-opted-in",
            })]),
        };
    }
}
