using Amazon.Runtime;

namespace Tocsin.Aws.Credentials;

/// <summary>The credentials found, the region to start from, and a description of where they came from (never the keys).</summary>
public sealed record ResolvedCredentials(AWSCredentials Credentials, string Region, string Description)
{
    public override string ToString() => $"{Description} in {Region}";
}
