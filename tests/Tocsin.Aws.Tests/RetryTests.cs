using System.Net;
using Amazon.Runtime;
using RetryPolicy = Tocsin.Aws.Http.RetryPolicy;
using Microsoft.Extensions.Time.Testing;
using Tocsin.Aws.Clients;
using Tocsin.Aws.Http;
using Tocsin.Core.Inventory;
using static Tocsin.Aws.Tests.ScriptedNetwork;

namespace Tocsin.Aws.Tests;

public class RetryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly List<TimeSpan> _waits = [];
    private readonly CallStatistics _statistics = new();

    private (StsClient Client, ScriptedNetwork Network, RetryOptions Options) Sts(RetryPolicy? policy = null, RetryBudget? budget = null, params Func<HttpRequestMessage, HttpResponseMessage>[] replies)
    {
        var network = new ScriptedNetwork(replies);
        var options = new RetryOptions(policy ?? new RetryPolicy(MaxAttempts: 4, BaseDelay: TimeSpan.FromMilliseconds(100)), 4, (wait, _) =>
        {
            _waits.Add(wait);
            _clock.Advance(wait);
            return Task.CompletedTask;
        }, new FixedDice(0.5), _clock, budget);
        var transport = new AwsTransport(new AwsEndpoints(new Uri("http://127.0.0.1:1/"), _ => null), options, network);
        return (new StsClient(new AwsSession(transport, new BasicAWSCredentials("AKIDEXAMPLE", "secret"), "123456789012", _statistics)), network, options);
    }

    [Fact]
    public async Task A_throttled_call_is_retried_until_it_succeeds()
    {
        var (sts, network, _) = Sts(replies: [QueryError(HttpStatusCode.BadRequest, "Throttling"), QueryError(HttpStatusCode.BadRequest, "Throttling"), Ok(CallerIdentityReply)]);
        (await sts.GetCallerIdentityAsync("us-east-1", CancellationToken.None)).Account.ShouldBe("123456789012");
        network.Sent.Count.ShouldBe(3);
        (_statistics.Calls, _statistics.Attempts, _statistics.Throttles, _statistics.Retries, _statistics.Failures).ShouldBe((1, 3, 2, 2, 0));
    }

    [Fact]
    public async Task Waits_are_full_jitter_under_a_doubling_ceiling()
    {
        var (sts, _, _) = Sts(replies: [QueryError(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"), QueryError(HttpStatusCode.InternalServerError, "InternalError"), QueryError(HttpStatusCode.BadRequest, "RequestLimitExceeded"), Ok(CallerIdentityReply)]);
        await sts.GetCallerIdentityAsync("us-east-1", CancellationToken.None);
        _waits.ShouldBe([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)]);
    }

    [Fact]
    public void The_backoff_ceiling_stops_at_the_maximum_delay()
    {
        var policy = new RetryPolicy(BaseDelay: TimeSpan.FromSeconds(1), MaxDelay: TimeSpan.FromSeconds(5));
        policy.Ceiling(10).ShouldBe(TimeSpan.FromSeconds(5));
        policy.Backoff(1, 0.25).ShouldBe(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task Each_attempt_is_signed_again_with_the_time_it_is_sent()
    {
        var (sts, network, _) = Sts(new RetryPolicy(MaxAttempts: 2, BaseDelay: TimeSpan.FromSeconds(4)), replies: [QueryError(HttpStatusCode.BadRequest, "Throttling"), Ok(CallerIdentityReply)]);
        await sts.GetCallerIdentityAsync("us-east-1", CancellationToken.None);
        network.Sent.Select(s => s.Request.Headers.GetValues("X-Amz-Date").Single()).ShouldBe(["20260301T120000Z", "20260301T120002Z"]);
        network.Sent.Select(s => s.Request.Headers.GetValues("Authorization").Single()).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Access_denied_is_not_retried_and_makes_the_value_access_denied()
    {
        var (sts, network, _) = Sts(replies: [QueryError(HttpStatusCode.Forbidden, "AccessDenied", "User is not authorized")]);
        var problem = await Should.ThrowAsync<AwsServiceException>(() => sts.GetCallerIdentityAsync("us-east-1", CancellationToken.None));
        network.Sent.Count.ShouldBe(1);
        problem.Reason.ShouldBe(UnknownReason.AccessDenied);
        problem.ToUnknown().ToString().ShouldBe("access-denied: sts:GetCallerIdentity: AccessDenied");
    }

    [Fact]
    public async Task A_call_throttled_on_every_attempt_ends_throttled()
    {
        var (sts, network, _) = Sts(replies: [.. Enumerable.Repeat(QueryError(HttpStatusCode.BadRequest, "Throttling"), 4)]);
        var problem = await Should.ThrowAsync<AwsServiceException>(() => sts.GetCallerIdentityAsync("us-east-1", CancellationToken.None));
        network.Sent.Count.ShouldBe(4);
        problem.Reason.ShouldBe(UnknownReason.Throttled);
        _statistics.Failures.ShouldBe(1);
    }

    [Fact]
    public async Task An_empty_retry_budget_stops_retrying()
    {
        var (sts, network, _) = Sts(budget: new RetryBudget(capacity: 5, retryCost: 5), replies: [QueryError(HttpStatusCode.BadRequest, "Throttling"), QueryError(HttpStatusCode.BadRequest, "Throttling"), Ok(CallerIdentityReply)]);
        var problem = await Should.ThrowAsync<AwsServiceException>(() => sts.GetCallerIdentityAsync("us-east-1", CancellationToken.None));
        network.Sent.Count.ShouldBe(2);
        problem.Kind.ShouldBe(AwsErrorKind.Throttled);
    }

    [Fact]
    public async Task An_operation_the_endpoint_does_not_implement_is_not_retried()
    {
        var (sts, network, _) = Sts(replies: [Reply(HttpStatusCode.InternalServerError, "The GetCallerIdentity action has not been implemented", "text/html")]);
        var problem = await Should.ThrowAsync<AwsServiceException>(() => sts.GetCallerIdentityAsync("us-east-1", CancellationToken.None));
        network.Sent.Count.ShouldBe(1);
        problem.Reason.ShouldBe(UnknownReason.Unavailable);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_and_then_reported_unavailable()
    {
        var (sts, network, _) = Sts(replies: [.. Enumerable.Repeat(Fails(new HttpRequestException("Connection reset by peer")), 4)]);
        var problem = await Should.ThrowAsync<AwsServiceException>(() => sts.GetCallerIdentityAsync("us-east-1", CancellationToken.None));
        network.Sent.Count.ShouldBe(4);
        problem.Reason.ShouldBe(UnknownReason.Unavailable);
        problem.Message.ShouldContain("4 attempts");
    }

    [Fact]
    public async Task A_skewed_clock_is_corrected_from_the_reply_date_and_the_call_retried()
    {
        var serverTime = _clock.GetUtcNow().AddMinutes(20);
        var skewed = Reply(HttpStatusCode.BadRequest, "<ErrorResponse><Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message></Error></ErrorResponse>", "text/xml", ("Date", serverTime.ToString("R")));
        var (sts, network, options) = Sts(replies: [skewed, Ok(CallerIdentityReply)]);
        await sts.GetCallerIdentityAsync("us-east-1", CancellationToken.None);
        options.Clock.Offset.ShouldBe(TimeSpan.FromMinutes(20));
        network.Sent[1].Request.Headers.GetValues("X-Amz-Date").Single().ShouldBe("20260301T122000Z");
    }

    [Fact]
    public void A_throttle_halves_the_account_region_limit_and_successes_grow_it_back()
    {
        var gate = new AdaptiveGate(8, 8);
        gate.EnterAsync(CancellationToken.None).IsCompleted.ShouldBeTrue();
        gate.Exit(throttled: true, succeeded: false);
        gate.Limit.ShouldBe(4);
        for (var i = 0; i < 4; i++)
        {
            gate.EnterAsync(CancellationToken.None).IsCompleted.ShouldBeTrue();
            gate.Exit(throttled: false, succeeded: true);
        }

        gate.Limit.ShouldBeInRange(4.9, 5.1);
    }

    [Fact]
    public async Task A_shrunken_gate_holds_calls_until_one_finishes()
    {
        var gate = new AdaptiveGate(1, 8);
        await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterAsync(CancellationToken.None);
        second.IsCompleted.ShouldBeFalse();
        gate.Exit(throttled: false, succeeded: true);
        await second;
        second.IsCompletedSuccessfully.ShouldBeTrue();
    }
}
