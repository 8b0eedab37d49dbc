using System.Net;
using System.Net.Http.Headers;
using Tocsin.Dashboard;

namespace Tocsin.Dashboard.Tests;

/// <summary>A dashboard started with a token: every request must carry it, as a bearer header or as the cookie the token link sets.</summary>
[Collection(DemoDashboardCollection.Name)]
public sealed class TokenTests(DemoDashboard demo) : IAsyncLifetime
{
    private const string Token = "a-long-random-dashboard-token";

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();
    private DashboardHost? _guarded;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    public async Task InitializeAsync()
    {
        _guarded = await DashboardHost.StartAsync(demo.Location, "127.0.0.1", port: 0, token: Token, log: _log.Enqueue);
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _guarded.Url };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_guarded is not null)
        {
            await _guarded.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/diff")]
    [InlineData("/no/such/page")]
    public async Task Without_the_token_every_request_is_refused_with_401(string path)
    {
        using var response = await Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Headers.ShouldGuard(response);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(demo.First.Id);
    }

    [Fact]
    public async Task The_request_log_names_each_request_and_its_status_and_never_the_token()
    {
        using (await Client.GetAsync($"/diff?token={Token}"))
        {
        }

        using (await Client.GetAsync("/exceptions"))
        {
        }

        _log.ShouldContain(line => line.StartsWith("GET /diff status=302 latency=", StringComparison.Ordinal));
        _log.ShouldContain(line => line.StartsWith("GET /exceptions status=401 latency=", StringComparison.Ordinal));
        _log.ShouldAllBe(line => !line.Contains(Token));
    }

    [Fact]
    public async Task The_bearer_token_opens_a_page()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_bearer_token_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");

        using var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_token_in_the_address_sets_no_cookie()
    {
        using var response = await Client.GetAsync("/?token=not-the-token");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task The_token_in_the_address_sets_a_strict_http_only_cookie_and_leads_to_the_page_without_it()
    {
        using var link = await Client.GetAsync($"/diff?from={demo.First.Id}&token={Token}");

        link.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        link.Headers.Location!.OriginalString.ShouldBe($"/diff?from={demo.First.Id}");
        var cookie = link.Headers.GetValues("Set-Cookie").Single();
        cookie.ShouldStartWith($"tocsin_dashboard={Token};");
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);

        using var request = new HttpRequestMessage(HttpMethod.Get, link.Headers.Location);
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var page = await Client.SendAsync(request);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain($"What changed from {demo.First.Id}");
    }
}
