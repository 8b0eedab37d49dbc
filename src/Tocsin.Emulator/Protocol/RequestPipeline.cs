using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Tocsin.Emulator.Faults;
using Tocsin.Emulator.Services;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Protocol;

/// <summary>
/// The emulator's front door: reads a request, finds the service from the SigV4 scope (or the target header),
/// verifies the signature, applies the fault plan, runs the operation under the state lock and writes the reply
/// in the protocol the request came in.
/// </summary>
internal sealed class RequestPipeline(EmulatorState state, ServiceCatalog catalog, FaultPlan faults)
{
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    public async Task HandleAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-amzn-RequestId"] = requestId;

        // The reply's Date is the emulator's own clock, as AWS's is; a client learns a skewed clock from it.
        http.Response.Headers.Date = state.Now.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var body = await ReadBodyAsync(http.Request);
        var signed = SigV4Request.Parse(http.Request.Headers.Authorization, AmzDate(http.Request), out var authProblem);
        var target = http.Request.Headers["X-Amz-Target"].ToString();
        var service = signed is not null ? catalog.BySigningName(signed.Service) : catalog.ByTarget(target);
        var json = target.Length > 0 || CborBody.IsCbor(http.Request);
        if (service is null)
        {
            var unknown = signed is null
                ? new AwsError("MissingAuthenticationToken", authProblem, HttpStatusCode.Forbidden)
                : new AwsError("UnknownService", $"The service '{signed.Service}' is not served by this emulator.");
            await ReplyWriter.ErrorAsync(http, null, json, unknown, requestId);
            return;
        }

        string operation;
        JsonObject input;
        try
        {
            (operation, input, json) = ReadCall(http.Request, service, target, body);
        }
        catch (AwsError error)
        {
            await ReplyWriter.ErrorAsync(http, service, json, error, requestId);
            return;
        }

        try
        {
            var caller = Authenticate(http.Request, service, signed, authProblem, json, body);
            var action = $"{service.IamPrefix}:{operation}";
            if (!state.EnabledRegions.Contains(signed!.Region) || faults.IsRegionDisabled(caller.AccountId, signed.Region))
            {
                // What AWS answers for a region the account has not opted in to.
                throw service.UnknownKey();
            }

            var fault = state.DeniedActions.ContainsKey(action)
                ? new FaultDecision(TimeSpan.Zero, FaultKind.AccessDenied)
                : faults.Decide(action, caller.AccountId, signed.Region);
            if (fault.Latency > TimeSpan.Zero)
            {
                await Task.Delay(fault.Latency, http.RequestAborted);
            }

            switch (fault.Kind)
            {
                case FaultKind.Throttle:
                    throw service.Throttled(json);
                case FaultKind.ServerError:
                    throw new AwsError("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", HttpStatusCode.InternalServerError, senderFault: false);
                case FaultKind.AccessDenied:
                    throw service.AccessDenied(json, caller.PrincipalArn, action);
                case FaultKind.Timeout:
                    await Task.Delay(faults.TimeoutAfter, http.RequestAborted);
                    http.Abort();
                    return;
                case FaultKind.None:
                default:
                    // No fault, or one that breaks the reply once the operation has run.
                    break;
            }

            if (service.Protocol == WireProtocol.RestXml)
            {
                await WriteS3Async(http, service, caller, signed.Region, operation, input, requestId, fault);
                return;
            }

            if (!service.Operations.TryGetValue(operation, out var run))
            {
                throw service.UnknownOperation(json, operation);
            }

            JsonObject? output;
            lock (state.Gate)
            {
                var account = state.Account(caller.AccountId) ?? throw service.UnknownKey();
                output = run(new CallContext(state, caller, account, signed.Region, operation, input, requestId));
            }

            await ReplyWriter.OutputAsync(http, service, json, operation, output, requestId, fault, faults);
        }
        catch (AwsError error)
        {
            await ReplyWriter.ErrorAsync(http, service, json, error, requestId);
        }
        catch (Exception gone) when (gone is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested)
        {
            // The client went away while a fault delayed or trickled its reply.
        }
        catch (Exception unexpected) when (!http.Response.HasStarted)
        {
            // An emulator defect still gets a well-formed AWS error, so clients report it instead of hanging on it.
            var failure = new AwsError("InternalFailure", $"The emulator failed on {operation}: {unexpected.GetType().Name}: {unexpected.Message}", HttpStatusCode.InternalServerError, senderFault: false);
            await ReplyWriter.ErrorAsync(http, service, json, failure, requestId);
        }
    }

    private static string? AmzDate(HttpRequest request) =>
        request.Headers.TryGetValue("X-Amz-Date", out var date) ? date.ToString() : null;

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    private static (string Operation, JsonObject Input, bool Json) ReadCall(HttpRequest request, ServiceDefinition service, string target, byte[] body)
    {
        if (service.Protocol == WireProtocol.RestXml)
        {
            return (S3Routes.Operation(request), S3Routes.Input(request, body), false);
        }

        if (CborBody.IsCbor(request))
        {
            // Smithy RPC v2: POST /service/{targetPrefix}/operation/{Operation}
            var parts = (request.Path.Value ?? string.Empty).Split('/');
            if (parts is not [_, "service", var prefix, "operation", var name] || prefix != service.TargetPrefix)
            {
                throw new AwsError("UnknownOperationException", $"'{request.Path}' does not name an operation of {service.SigningName}.");
            }

            return (name, CborBody.Read(body), true);
        }

        if (target.Length > 0)
        {
            var dot = target.LastIndexOf('.');
            var prefix = dot > 0 ? target[..dot] : string.Empty;
            if (prefix != service.TargetPrefix)
            {
                throw new AwsError("UnknownOperationException", $"X-Amz-Target '{target}' does not name an operation of {service.SigningName}.");
            }

            JsonObject input;
            try
            {
                input = body.Length == 0 ? [] : JsonNode.Parse(body) as JsonObject ?? throw new AwsError("SerializationException", "The request body must be a JSON object.");
            }
            catch (System.Text.Json.JsonException problem)
            {
                throw new AwsError("SerializationException", $"The request body is not valid JSON: {problem.Message}");
            }

            return (target[(dot + 1)..], input, true);
        }

        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var (key, values) in QueryHelpers.ParseQuery(request.QueryString.Value))
        {
            parameters.Add(new(key, values.ToString()));
        }

        if (body.Length > 0)
        {
            foreach (var (key, values) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
            {
                parameters.Add(new(key, values.ToString()));
            }
        }

        var action = parameters.LastOrDefault(pair => pair.Key == "Action").Value;
        if (string.IsNullOrEmpty(action))
        {
            throw new AwsError("MissingAction", "Missing Action");
        }

        return (action, QueryForm.ToInput(parameters), false);
    }

    private AccessKey Authenticate(HttpRequest request, ServiceDefinition service, SigV4Request? signed, string authProblem, bool json, byte[] body)
    {
        if (signed is null)
        {
            throw json
                ? new AwsError("MissingAuthenticationTokenException", authProblem)
                : new AwsError("MissingAuthenticationToken", authProblem, HttpStatusCode.Forbidden);
        }

        AccessKey? key;
        lock (state.Gate)
        {
            key = state.Keys.GetValueOrDefault(signed.AccessKeyId);
        }

        if (key is null)
        {
            throw service.UnknownKey();
        }

        if (key.IsTemporary)
        {
            var token = request.Headers["X-Amz-Security-Token"].ToString();
            if (token != key.SessionToken)
            {
                throw service.UnknownKey();
            }

            if (key.Expiration <= state.Now)
            {
                throw service.Expired(json);
            }
        }

        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var queryStart = raw.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart >= 0 ? raw[..queryStart] : raw;
        var rawQuery = queryStart >= 0 ? raw[(queryStart + 1)..] : string.Empty;
        if (!SigV4Verifier.Matches(signed, key.Secret, request.Method, rawPath, rawQuery, request.Headers, body))
        {
            throw service.BadSignature(json);
        }

        if ((state.Now - signed.SignedAt).Duration() > AllowedSkew)
        {
            if (faults.ClockSkew != TimeSpan.Zero)
            {
                faults.Count(FaultKind.ClockSkew);
            }

            throw json
                ? new AwsError("InvalidSignatureException", $"Signature expired: {signed.AmzDate} is now earlier or later than the allowed 15 minutes.")
                : new AwsError("SignatureDoesNotMatch", $"Signature expired: {signed.AmzDate} is now earlier or later than the allowed 15 minutes.", HttpStatusCode.Forbidden);
        }

        return key;
    }

    private async Task WriteS3Async(HttpContext http, ServiceDefinition service, AccessKey caller, string region, string operation, JsonObject input, string requestId, FaultDecision fault)
    {
        S3Reply reply;
        lock (state.Gate)
        {
            var account = state.Account(caller.AccountId) ?? throw service.UnknownKey();
            reply = S3Service.Run(new CallContext(state, caller, account, region, operation, input, requestId));
        }

        http.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            http.Response.Headers[name] = value;
        }

        if (reply.Body.Length > 0)
        {
            http.Response.ContentType = reply.ContentType;
            await FaultyReply.WriteAsync(http, reply.Body, reply.Status == StatusCodes.Status200OK ? fault : FaultDecision.None, faults);
        }
    }
}
