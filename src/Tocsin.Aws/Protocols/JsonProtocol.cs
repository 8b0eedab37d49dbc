using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Tocsin.Aws.Protocols;

/// <summary>The awsJson1_0/1_1 protocols: <c>POST /</c>, <c>X-Amz-Target: Prefix.Operation</c>, a JSON body both ways.</summary>
public static class JsonProtocol
{
    public static HttpRequestMessage Request(Uri endpoint, string targetPrefix, string operation, JsonObject input, string version = "1.1")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(input.ToJsonString())),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue($"application/x-amz-json-{version}");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"{targetPrefix}.{operation}");
        return request;
    }

    /// <summary>The reply as a JSON object; an empty body is an empty object.</summary>
    public static JsonObject Reply(byte[] body, string action)
    {
        if (body.Length == 0)
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new AwsProtocolException($"{action}: the reply is not a JSON object");
        }
        catch (System.Text.Json.JsonException problem)
        {
            throw new AwsProtocolException($"{action}: the reply is not valid JSON: {problem.Message}", problem);
        }
    }
}
