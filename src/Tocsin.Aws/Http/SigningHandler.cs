using Amazon;
using Amazon.Runtime.Signing;

namespace Tocsin.Aws.Http;

/// <summary>
/// Signs each request with SigV4 through AWSSDK.Core's signer, with the credentials, service and region of the
/// request's <see cref="AwsCall"/>. It sits inside the retry handler, so every attempt is signed afresh.
/// </summary>
public sealed class SigningHandler(ClockOffset clock, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = AwsCall.From(request);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var signing = new AWSSigningRequest { HttpMethod = request.Method, RequestUri = request.RequestUri!, Content = body };
        foreach (var header in request.Headers)
        {
            signing.Headers[header.Key] = string.Join(",", header.Value);
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            signing.Headers["Content-Type"] = contentType.ToString();
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = call.Credentials,
            Region = RegionEndpoint.GetBySystemName(call.SigningRegion),
            Service = call.Service.SigningName,
            SignPayload = true,
            SignedAt = clock.UtcNow,
        };
        var signed = await AWSSigV4Signer.SignAsync(signing, parameters, cancellationToken);
        foreach (var (name, value) in signed.Headers)
        {
            if (name.Equals("host", StringComparison.OrdinalIgnoreCase) || name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
