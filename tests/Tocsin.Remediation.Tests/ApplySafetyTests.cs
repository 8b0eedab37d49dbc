using System.Net;
using System.Text;
using Tocsin.Aws.Clients;
using Tocsin.Core.Findings;
using Tocsin.Remediation.Apply;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Tests;

/// <summary>What apply will not do: overwrite what the plan did not see, go on after a failure, give up on a role IAM has not propagated yet.</summary>
public class ApplySafetyTests
{
    private const string OtherPattern = "{ $.eventName = \"SomebodyElses\" }";

    [Fact]
    public async Task A_same_named_metric_filter_made_after_the_scan_is_not_replaced_without_force()
    {
        await using var harness = await ApplyHarness.StartAsync(ApplyScenarios.ByReason["no-metric-filter"]);
        var seen = await harness.CollectAsync();
        var plan = ApplyHarness.Plan(seen);
        var filter = plan.Steps.OfType<PutMetricFilter>().Single();
        await harness.AsAnotherPersonAsync(async session =>
        {
            await new LogsClient(session).PutMetricFilterAsync("us-east-1", filter.LogGroupName, filter.FilterName, OtherPattern, "Theirs", "TheirNamespace", "1", default);
            return true;
        });

        var refused = await harness.ApplyAsync(plan, seen);

        var failed = refused.Steps.Single(s => s.Outcome == StepOutcome.Failed);
        failed.Step.ShouldBe(filter);
        failed.Detail.ShouldContain("that the plan did not see");
        failed.Detail.ShouldContain("--force");
        refused.Steps.SkipWhile(s => s.Step != filter).Skip(1).ShouldAllBe(s => s.Outcome == StepOutcome.NotRun);
        (await FilterPatternAsync(harness, filter)).ShouldBe(OtherPattern);

        var forced = await harness.ApplyAsync(plan, seen, force: true);

        forced.Failed.ShouldBeFalse();
        (await FilterPatternAsync(harness, filter)).ShouldBe(filter.Pattern);
    }

    [Fact]
    public async Task A_failed_step_stops_the_apply_and_the_report_says_what_was_done_and_what_was_not()
    {
        const string Faults = """
            accessDenied:
              - { operation: "logs:PutMetricFilter", account: "*" }
            """;
        await using var harness = await ApplyHarness.StartAsync(ApplyScenarios.With(trails: "          - { name: main, logGroup: trail-logs, logging: false }", filters: "            metricFilters: []"), Faults);
        var seen = await harness.CollectAsync();
        var plan = ApplyHarness.Plan(seen);

        var report = await harness.ApplyAsync(plan, seen);

        report.Failed.ShouldBeTrue();
        report.Steps.Select(s => s.Outcome).ShouldBe([StepOutcome.Applied, StepOutcome.Failed, .. Enumerable.Repeat(StepOutcome.NotRun, plan.Steps.Count - 2)]);
        report.Steps[0].Step.ShouldBeOfType<StartLogging>();
        report.Steps[1].Detail.ShouldStartWith("logs:PutMetricFilter failed: AccessDenied");
        ApplyHarness.Judge(await harness.CollectAsync()).Reasons.ShouldBe([ReasonCode.NoMetricFilter]);
    }

    [Fact]
    public async Task A_trail_write_refused_while_the_new_delivery_role_propagates_is_retried_after_bounded_waits()
    {
        await using var harness = await ApplyHarness.StartAsync(ApplyScenarios.ByReason["trail-no-cloudwatch-logs"]);
        var seen = await harness.CollectAsync();
        using var network = new RefusesTrailWrites(times: 2);

        var report = await harness.ApplyAsync(ApplyHarness.Plan(seen), seen, network: network);

        report.Failed.ShouldBeFalse(string.Join("\n", report.Steps.Select(s => s.Detail)));
        network.Refused.ShouldBe(2);
        harness.Waits.ShouldBe([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]);
        ApplyHarness.Judge(await harness.CollectAsync()).Reasons.ShouldNotContain(ReasonCode.TrailNoCloudWatchLogs);
    }

    [Fact]
    public async Task A_trail_write_still_refused_after_every_wait_fails_the_step()
    {
        await using var harness = await ApplyHarness.StartAsync(ApplyScenarios.ByReason["trail-no-cloudwatch-logs"]);
        var seen = await harness.CollectAsync();
        using var network = new RefusesTrailWrites(times: 100);

        var report = await harness.ApplyAsync(ApplyHarness.Plan(seen), seen, network: network);

        report.Steps.Single(s => s.Outcome == StepOutcome.Failed).Detail.ShouldContain("InvalidCloudWatchLogsLogGroupArnException");
        harness.Waits.Count.ShouldBe(ApplyOptions.DefaultPropagationWaits.Count);
    }

    [Fact]
    public async Task S3_calls_declare_and_sign_their_payload_hash_as_S3_requires()
    {
        await using var harness = await ApplyHarness.StartAsync(ApplyScenarios.ByReason["no-trail"]);
        var seen = await harness.CollectAsync();
        using var network = new RecordsS3Calls();

        (await harness.ApplyAsync(ApplyHarness.Plan(seen), seen, network: network)).Failed.ShouldBeFalse();

        network.Calls.ShouldNotBeEmpty();
        network.Calls.ShouldAllBe(call => call.Declared && call.Signed);
    }

    private static Task<string> FilterPatternAsync(ApplyHarness harness, PutMetricFilter filter) =>
        harness.AsAnotherPersonAsync(async session =>
            (await new LogsClient(session).DescribeMetricFiltersAsync("us-east-1", filter.LogGroupName, default)).Single(f => f.Name == filter.FilterName).Pattern.Value);

    /// <summary>Answers CloudTrail's UpdateTrail as CloudTrail does while IAM has not propagated a new role, a number of times.</summary>
    private sealed class RefusesTrailWrites(int times) : DelegatingHandler(new SocketsHttpHandler())
    {
        public int Refused { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.Single() : "";
            if (target.EndsWith(".UpdateTrail", StringComparison.Ordinal) && Refused < times)
            {
                Refused++;
                return new HttpResponseMessage(HttpStatusCode.BadRequest)
                {
                    Content = new StringContent("""{"__type":"InvalidCloudWatchLogsLogGroupArnException","message":"Access denied. Check the permissions for your role."}""", Encoding.UTF8, "application/x-amz-json-1.1"),
                };
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Whether each S3 request carries x-amz-content-sha256 and lists it among the signed headers.</summary>
    private sealed class RecordsS3Calls() : DelegatingHandler(new SocketsHttpHandler())
    {
        public List<(bool Declared, bool Signed)> Calls { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var authorization = request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : "";
            if (authorization.Contains("/s3/aws4_request", StringComparison.Ordinal))
            {
                Calls.Add((request.Headers.Contains("x-amz-content-sha256"), authorization.Contains("x-amz-content-sha256", StringComparison.Ordinal)));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
