using System.Net.Http.Headers;

namespace Tocsin.Aws.Http;

/// <summary>
/// Retries throttling, 5xx, timeouts, dropped connections and clock skew with full-jitter backoff, within the
/// run's <see cref="RetryBudget"/>; passes each attempt through the account+region <see cref="AdaptiveGate"/> and
/// the run-wide concurrency limit. It sits outside the signing handler so each attempt is signed again. The last
/// error reply is returned for the caller to read; a call that never got a reply throws
/// <see cref="AwsServiceException"/>.
/// </summary>
public sealed class RetryHandler(RetryOptions options, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = AwsCall.From(request);
        var gate = options.Gates.For(call.AccountKey, call.SigningRegion);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await AttemptAsync(Copy(request, body), call, gate, cancellationToken);
            var lastAttempt = attempt + 1 >= options.Policy.MaxAttempts;
            if (outcome.Kind is null || lastAttempt || !options.Budget.TryTake(afterTimeout: outcome.Response is null))
            {
                if (outcome.Kind is not null && !lastAttempt)
                {
                    outcome = outcome with { Exhausted = "the retry budget is spent" };
                }

                return outcome.Response ?? throw new AwsServiceException(call.Action, outcome.Code!, $"{outcome.Message} ({attempt + 1} attempt{(attempt == 0 ? "" : "s")}{(outcome.Exhausted is null ? "" : $"; {outcome.Exhausted}")})", 0, AwsErrorKind.Transient, inner: outcome.Error);
            }

            outcome.Response?.Dispose();
            call.Statistics?.Retried();
            var wait = outcome.Kind == AwsErrorKind.ClockSkew ? TimeSpan.Zero : options.Policy.Backoff(attempt, options.NextDraw());
            await options.Delay(wait, cancellationToken);
        }
    }

    private async Task<Attempt> AttemptAsync(HttpRequestMessage request, AwsCall call, AdaptiveGate gate, CancellationToken cancellationToken)
    {
        await gate.EnterAsync(cancellationToken);
        var throttled = false;
        var succeeded = false;
        try
        {
            await options.Concurrency.WaitAsync(cancellationToken);
            try
            {
                call.Statistics?.Attempted();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Policy.Timeout);
                HttpResponseMessage? response = null;
                try
                {
                    response = await base.SendAsync(request, timeout.Token);

                    // The whole body within the attempt's time: a reply that trickles in is a timeout like one that
                    // never starts, and a reply cut off mid-body is a dropped connection, both retried.
                    await response.Content.LoadIntoBufferAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    response?.Dispose();
                    return new Attempt(null, AwsErrorKind.Transient, "RequestTimeout", $"no reply within {options.Policy.Timeout.TotalSeconds:0.#} s", null);
                }
                catch (Exception problem) when (problem is HttpRequestException or IOException)
                {
                    response?.Dispose();
                    return new Attempt(null, AwsErrorKind.Transient, "ConnectionError", problem.Message, problem);
                }

                if (response.IsSuccessStatusCode)
                {
                    succeeded = true;
                    options.Budget.Succeeded();
                    return new Attempt(response, null, null, null, null);
                }

                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var error = AwsErrorParser.Parse((int)response.StatusCode, response.Headers, bytes);
                var kind = AwsErrorCodes.Classify(error.Code, (int)response.StatusCode, error.Message);
                if (kind == AwsErrorKind.Throttled)
                {
                    throttled = true;
                    call.Statistics?.Throttled();
                }

                if (kind == AwsErrorKind.ClockSkew && ServerTime(response.Headers) is { } serverTime)
                {
                    options.Clock.Learn(serverTime);
                }

                var retryable = kind is AwsErrorKind.Throttled or AwsErrorKind.Transient or AwsErrorKind.ClockSkew && !NotImplemented(error);
                return new Attempt(response, retryable ? kind : null, error.Code, error.Message, null);
            }
            finally
            {
                options.Concurrency.Release();
            }
        }
        finally
        {
            gate.Exit(throttled, succeeded);
        }
    }

    /// <summary>
    /// An endpoint that says it does not implement an operation will not start to on a retry. (moto answers such
    /// calls with a bare 500 page, which cannot be told from a passing fault: it is retried within the attempts.)
    /// </summary>
    private static bool NotImplemented(AwsErrorReply error) =>
        error.Code is "NotImplemented" or "NotImplementedError" || error.Message.Contains("not yet implemented", StringComparison.OrdinalIgnoreCase) || error.Message.Contains("has not been implemented", StringComparison.OrdinalIgnoreCase);

    private static DateTimeOffset? ServerTime(HttpResponseHeaders headers) => headers.Date;

    private static HttpRequestMessage Copy(HttpRequestMessage original, byte[]? body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version };
        foreach (var header in original.Headers)
        {
            if (!header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && !header.Key.StartsWith("X-Amz-Date", StringComparison.OrdinalIgnoreCase))
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in original.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in original.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        return copy;
    }

    private sealed record Attempt(HttpResponseMessage? Response, AwsErrorKind? Kind, string? Code, string? Message, Exception? Error)
    {
        public string? Exhausted { get; init; }
    }
}
