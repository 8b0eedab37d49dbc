using System.Net;

namespace Tocsin.Aws.Http;

/// <summary>
/// The HTTP pipeline every call of a run shares: retry (outside) → SigV4 signing → the network. Turns an error
/// reply that survived its retries into an <see cref="AwsServiceException"/> and counts every call.
/// </summary>
public sealed class AwsTransport : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly Action<ApiCallRecord>? _log;

    /// <param name="primary">The handler that talks to the network; a pooled <see cref="SocketsHttpHandler"/> when null.</param>
    /// <param name="log">Told of every operation once it ends (<c>--verbose</c>).</param>
    public AwsTransport(AwsEndpoints endpoints, RetryOptions retry, HttpMessageHandler? primary = null, Action<ApiCallRecord>? log = null)
    {
        _log = log;
        Endpoints = endpoints;
        Retry = retry;
        primary ??= new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = 512,
        };
        _invoker = new HttpMessageInvoker(new RetryHandler(retry, new SigningHandler(retry.Clock, primary)));
    }

    public AwsEndpoints Endpoints { get; }

    public RetryOptions Retry { get; }

    /// <summary>Sends one call and returns the reply body; an error reply becomes <see cref="AwsServiceException"/>.</summary>
    internal async Task<byte[]> SendAsync(AwsCall call, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_log is null)
        {
            return await SendUnloggedAsync(call, request, cancellationToken);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var status = "200";
        try
        {
            return await SendUnloggedAsync(call, request, cancellationToken);
        }
        catch (AwsServiceException refused)
        {
            status = $"{refused.Code} {refused.Status}";
            throw;
        }
        catch (OperationCanceledException)
        {
            status = cancellationToken.IsCancellationRequested ? "cancelled" : "timeout";
            throw;
        }
        catch (HttpRequestException)
        {
            status = "connection failed";
            throw;
        }
        finally
        {
            _log(new ApiCallRecord(call.Action, call.AccountKey, call.SigningRegion, status, System.Diagnostics.Stopwatch.GetElapsedTime(started)));
        }
    }

    private async Task<byte[]> SendUnloggedAsync(AwsCall call, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(AwsCall.Key, call);
        call.Statistics?.Called(call.Action);
        HttpResponseMessage response;
        try
        {
            response = await _invoker.SendAsync(request, cancellationToken);
        }
        catch (AwsServiceException)
        {
            call.Statistics?.Failed();
            throw;
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return body;
            }

            call.Statistics?.Failed();
            var error = AwsErrorParser.Parse((int)response.StatusCode, response.Headers, body);
            var kind = AwsErrorCodes.Classify(error.Code, (int)response.StatusCode, error.Message);
            throw new AwsServiceException(call.Action, error.Code, error.Message, (int)response.StatusCode, kind, error.RequestId);
        }
    }

    public void Dispose() => _invoker.Dispose();
}
