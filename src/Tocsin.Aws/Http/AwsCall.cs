using Amazon.Runtime;

namespace Tocsin.Aws.Http;

/// <summary>
/// What the handlers need to know about one call, carried in the request's options: who signs it, for which
/// service and region, the IAM action (for errors, counters and fault scopes) and where to count it.
/// </summary>
/// <param name="AccountKey">Groups calls for adaptive slow-down and counters: the account id, or a label before it is known.</param>
public sealed record AwsCall(
    AwsService Service,
    string SigningRegion,
    string Action,
    AWSCredentials Credentials,
    string AccountKey,
    CallStatistics? Statistics = null)
{
    public static readonly HttpRequestOptionsKey<AwsCall> Key = new("Tocsin.Aws.Call");

    public static AwsCall From(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var call) ? call : throw new InvalidOperationException("The request has no AWS call attached.");
}
