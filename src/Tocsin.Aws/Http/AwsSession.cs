using System.Text.Json.Nodes;
using System.Xml.Linq;
using Amazon.Runtime;
using Tocsin.Aws.Protocols;

namespace Tocsin.Aws.Http;

/// <summary>
/// One identity's way to AWS: the shared transport, the credentials to sign with, and the counters of the account
/// they act in. Typed clients are thin wrappers over this.
/// </summary>
/// <param name="AccountKey">The account id (or a label until it is known): groups adaptive slow-down and counters.</param>
public sealed record AwsSession(AwsTransport Transport, AWSCredentials Credentials, string AccountKey, CallStatistics Statistics)
{
    internal async Task<JsonObject> JsonAsync(AwsService service, string region, string targetPrefix, string operation, JsonObject input, CancellationToken cancellationToken)
    {
        var (url, signingRegion) = Transport.Endpoints.Resolve(service, region);
        var call = Call(service, signingRegion, operation);
        var body = await Transport.SendAsync(call, JsonProtocol.Request(url, targetPrefix, operation, input), cancellationToken);
        return JsonProtocol.Reply(body, call.Action);
    }

    internal async Task<XElement> QueryAsync(AwsService service, string region, string operation, string version, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var (url, signingRegion) = Transport.Endpoints.Resolve(service, region);
        var call = Call(service, signingRegion, operation);
        var body = await Transport.SendAsync(call, QueryProtocol.Request(url, operation, version, parameters), cancellationToken);
        return service == AwsService.Ec2 ? QueryProtocol.Ec2Result(body, operation, call.Action) : QueryProtocol.Result(body, operation, call.Action);
    }

    /// <summary>An awsQuery call whose reply carries no result (SetTopicAttributes, PutRolePolicy, EnableAlarmActions).</summary>
    internal async Task QueryActionAsync(AwsService service, string region, string operation, string version, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var (url, signingRegion) = Transport.Endpoints.Resolve(service, region);
        var call = Call(service, signingRegion, operation);
        var body = await Transport.SendAsync(call, QueryProtocol.Request(url, operation, version, parameters), cancellationToken);
        _ = QueryProtocol.Ec2Result(body, operation, call.Action);
    }

    /// <summary>A REST call (S3, path style): <paramref name="path"/> and <paramref name="query"/> are appended to the endpoint.</summary>
    internal async Task<byte[]> RestAsync(AwsService service, string region, HttpMethod method, string path, string? query, byte[]? body, string operation, CancellationToken cancellationToken)
    {
        var (url, signingRegion) = Transport.Endpoints.Resolve(service, region);
        var call = Call(service, signingRegion, operation);
        var target = new UriBuilder(url) { Path = url.AbsolutePath.TrimEnd('/') + "/" + path.TrimStart('/'), Query = query ?? "" }.Uri;
        var request = new HttpRequestMessage(method, target);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        return await Transport.SendAsync(call, request, cancellationToken);
    }

    private AwsCall Call(AwsService service, string signingRegion, string operation) =>
        new(service, signingRegion, $"{service.IamPrefix}:{operation}", Credentials, AccountKey, Statistics);
}
