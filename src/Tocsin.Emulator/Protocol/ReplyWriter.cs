using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tocsin.Emulator.Faults;

namespace Tocsin.Emulator.Protocol;

/// <summary>Writes an operation's output or error in the protocol the request came in.</summary>
internal static class ReplyWriter
{
    /// <param name="fault">A fault that breaks the reply (<see cref="FaultKinds.ChangesReply"/>), or none.</param>
    public static async Task OutputAsync(HttpContext http, ServiceDefinition service, bool json, string operation, JsonObject? output, string requestId, FaultDecision fault, FaultPlan faults)
    {
        byte[] body;
        if (json && CborBody.IsCbor(http.Request))
        {
            http.Response.ContentType = CborBody.ContentType;
            http.Response.Headers["smithy-protocol"] = "rpc-v2-cbor";
            body = CborBody.Write(output ?? []);
        }
        else if (json)
        {
            http.Response.ContentType = $"application/x-amz-json-{service.JsonVersion}";
            body = JsonReply.Body(output);
        }
        else
        {
            http.Response.ContentType = "text/xml";
            body = service.Protocol == WireProtocol.Ec2
                ? XmlReply.Ec2(service, operation, output, requestId)
                : XmlReply.Query(service, operation, output, requestId);
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        await FaultyReply.WriteAsync(http, body, fault, faults);
    }

    public static async Task ErrorAsync(HttpContext http, ServiceDefinition? service, bool json, AwsError error, string requestId)
    {
        http.Response.StatusCode = (int)error.Status;
        byte[] body;
        if (json)
        {
            http.Response.ContentType = $"application/x-amz-json-{service?.JsonVersion ?? "1.1"}";
            http.Response.Headers["x-amzn-ErrorType"] = error.Code;
            if (service?.QueryCompatible == true)
            {
                http.Response.Headers["x-amzn-query-error"] = $"{error.Code};{(error.SenderFault ? "Sender" : "Receiver")}";
            }

            if (CborBody.IsCbor(http.Request))
            {
                http.Response.ContentType = CborBody.ContentType;
                http.Response.Headers["smithy-protocol"] = "rpc-v2-cbor";
                body = CborBody.Write(new JsonObject { ["__type"] = error.Code, ["message"] = error.Message });
            }
            else
            {
                body = JsonReply.Error(error);
            }
        }
        else if (service?.Protocol == WireProtocol.Ec2)
        {
            http.Response.ContentType = "text/xml";
            body = XmlReply.Ec2Error(error, requestId);
        }
        else if (service?.Protocol == WireProtocol.RestXml)
        {
            http.Response.ContentType = "application/xml";
            body = XmlReply.RestError(error, requestId, null);
        }
        else
        {
            http.Response.ContentType = "text/xml";
            body = XmlReply.QueryError(service, error, requestId);
        }

        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }
}
