using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tocsin.Emulator.Services;

/// <summary>S3's REST routes for the few bucket calls a trail needs (path-style addressing).</summary>
internal static class S3Routes
{
    public static string Operation(HttpRequest request)
    {
        var bucket = Bucket(request);
        var policy = request.Query.ContainsKey("policy");
        return (request.Method, bucket.Length > 0, policy) switch
        {
            ("GET", false, _) => "ListBuckets",
            ("PUT", true, true) => "PutBucketPolicy",
            ("GET", true, true) => "GetBucketPolicy",
            ("PUT", true, false) => "CreateBucket",
            ("HEAD", true, false) => "HeadBucket",
            ("DELETE", true, false) => "DeleteBucket",
            _ => $"{request.Method} {request.Path}",
        };
    }

    public static JsonObject Input(HttpRequest request, byte[] body) => new()
    {
        ["Bucket"] = Bucket(request),
        ["Body"] = Encoding.UTF8.GetString(body),
    };

    private static string Bucket(HttpRequest request) =>
        (request.Path.Value ?? "/").Trim('/').Split('/')[0];
}
