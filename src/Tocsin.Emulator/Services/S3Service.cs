using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>A REST-XML reply: status, content and headers.</summary>
internal sealed record S3Reply(int Status, byte[] Body, string ContentType = "application/xml", IReadOnlyDictionary<string, string>? ExtraHeaders = null)
{
    public IReadOnlyDictionary<string, string> Headers => ExtraHeaders ?? new Dictionary<string, string>();
}

/// <summary>S3 buckets for trail delivery: create, head, list, delete, and the bucket policy.</summary>
internal static class S3Service
{
    private const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    public static readonly ServiceDefinition Definition = new(
        "s3", "s3", WireProtocol.RestXml, null, null, Namespace, new Dictionary<string, Operation>());

    public static S3Reply Run(CallContext call)
    {
        var name = call.Input.Str("Bucket") ?? string.Empty;
        var body = call.Input.Str("Body") ?? string.Empty;
        var buckets = call.State.Buckets;
        switch (call.Operation)
        {
            case "ListBuckets":
                var list = string.Concat(buckets.Values.Where(b => b.OwnerAccountId == call.Account.Id)
                    .Select(b => $"<Bucket><Name>{b.Name}</Name><CreationDate>{b.Created.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}</CreationDate></Bucket>"));
                return new S3Reply(200, Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListAllMyBucketsResult xmlns=\"{Namespace}\"><Owner><ID>{call.Account.Id}</ID></Owner><Buckets>{list}</Buckets></ListAllMyBucketsResult>"));
            case "CreateBucket":
                if (buckets.TryGetValue(name, out var existing))
                {
                    throw existing.OwnerAccountId == call.Account.Id
                        ? new AwsError("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.", HttpStatusCode.Conflict)
                        : new AwsError("BucketAlreadyExists", "The requested bucket name is not available.", HttpStatusCode.Conflict);
                }

                if (name.Length is < 3 or > 63)
                {
                    throw new AwsError("InvalidBucketName", "The specified bucket is not valid.");
                }

                buckets[name] = new Bucket(name, call.Account.Id, call.Region, call.Now);
                return new S3Reply(200, [], ExtraHeaders: new Dictionary<string, string> { ["Location"] = "/" + name });
            case "HeadBucket":
                return buckets.ContainsKey(name) ? new S3Reply(200, []) : new S3Reply(404, []);
            case "DeleteBucket":
                Owned(call, name);
                buckets.Remove(name);
                return new S3Reply(204, []);
            case "PutBucketPolicy":
                var bucket = Owned(call, name);
                try
                {
                    _ = JsonNode.Parse(body);
                }
                catch (System.Text.Json.JsonException)
                {
                    throw new AwsError("MalformedPolicy", "Policies must be valid JSON and the first byte must be '{'");
                }

                bucket.Policy = body;
                return new S3Reply(204, []);
            case "GetBucketPolicy":
                var withPolicy = Owned(call, name);
                return withPolicy.Policy is { } policy
                    ? new S3Reply(200, Encoding.UTF8.GetBytes(policy), "application/json")
                    : throw AwsError.NotFound("NoSuchBucketPolicy", "The bucket policy does not exist");
            default:
                throw new AwsError("NotImplemented", $"{call.Operation} is not implemented by this emulator.", HttpStatusCode.NotImplemented);
        }
    }

    private static Bucket Owned(CallContext call, string name)
    {
        var bucket = call.State.Buckets.GetValueOrDefault(name) ?? throw AwsError.NotFound("NoSuchBucket", "The specified bucket does not exist");
        return bucket.OwnerAccountId == call.Account.Id ? bucket : throw new AwsError("AccessDenied", "Access Denied", HttpStatusCode.Forbidden);
    }
}
