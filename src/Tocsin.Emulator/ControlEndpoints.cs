using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Tocsin.Emulator;

/// <summary>
/// The HTTP face of <see cref="EmulatorControl"/>, unsigned (the emulator only listens on 127.0.0.1):
/// <list type="bullet">
/// <item><c>GET /_tocsin/health</c> — <c>{"status":"ok"}</c></item>
/// <item><c>GET /_tocsin/subscriptions/pending</c> — pending subscriptions with their confirmation tokens</item>
/// <item><c>POST /_tocsin/subscriptions/confirm?arn=ARN</c> — confirm one subscription, or all of a topic given its ARN</item>
/// </list>
/// </summary>
internal static partial class ControlEndpoints
{
    public const string Prefix = "/_tocsin";

    public static async Task HandleAsync(HttpContext http, EmulatorControl control)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        JsonNode reply;
        var status = StatusCodes.Status200OK;
        switch (http.Request.Method, path)
        {
            case ("GET", Prefix + "/health"):
                reply = new JsonObject { ["status"] = "ok" };
                break;
            case ("GET", Prefix + "/subscriptions/pending"):
                reply = JsonSerializer.SerializeToNode(control.PendingSubscriptions(), ControlJson.Default.IReadOnlyListPendingSubscription)!;
                break;
            case ("POST", Prefix + "/subscriptions/confirm"):
                var arn = http.Request.Query["arn"].ToString();
                if (arn.Length == 0)
                {
                    status = StatusCodes.Status400BadRequest;
                    reply = new JsonObject { ["error"] = "Give the subscription's or the topic's ARN: ?arn=..." };
                    break;
                }

                var confirmed = control.Confirm(arn);
                status = confirmed > 0 ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
                reply = new JsonObject { ["confirmed"] = confirmed };
                break;
            default:
                status = StatusCodes.Status404NotFound;
                reply = new JsonObject { ["error"] = $"No control call {http.Request.Method} {path}." };
                break;
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(reply.ToJsonString(), http.RequestAborted);
    }

    /// <summary>The control calls' JSON (camelCase, as the web defaults), generated at compile time for NativeAOT builds.</summary>
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(IReadOnlyList<PendingSubscription>))]
    private sealed partial class ControlJson : JsonSerializerContext;
}
