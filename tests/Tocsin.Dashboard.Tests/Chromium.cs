using Microsoft.Playwright;

namespace Tocsin.Dashboard.Tests;

/// <summary>
/// Debian's <c>chromium</c>, headless, driven by Playwright (which never downloads a browser), started on first use
/// and shared by a test class. Each page it opens records its console errors, page errors and failed requests, and
/// its screenshots go to <c>tests/Tocsin.Dashboard.Tests/bin/artifacts</c>.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string HowToGet = "apt-get install chromium";

    public static readonly string Artifacts = Path.Combine(RepositoryFiles.Root, "tests", "Tocsin.Dashboard.Tests", "bin", "artifacts");

    private readonly Lazy<Task<IBrowser>> _browser;
    private IPlaywright? _playwright;

    public Chromium()
    {
        _browser = new(Launch);
    }

    /// <summary>A new page at the given width; skips the test (fails it under CI) when chromium is not on PATH.</summary>
    public async Task<WatchedPage> NewPageAsync(int width = 1280, int height = 900)
    {
        RequiredTool.Program("chromium", HowToGet);
        var browser = await _browser.Value;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        page.SetDefaultTimeout(15_000);
        return new WatchedPage(page);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser.IsValueCreated)
        {
            await (await _browser.Value).DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private async Task<IBrowser> Launch()
    {
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = RequiredTool.Find("chromium"),
            Headless = true,
            Args = ["--no-sandbox"],
            Timeout = 30_000,
        });
    }
}

/// <summary>A browser page and what went wrong on it: console errors and warnings, page errors, failed requests and error answers.</summary>
public sealed class WatchedPage
{
    public WatchedPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Problems.Add("page error: " + error);
        page.RequestFailed += (_, request) => Problems.Add($"request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Problems.Add($"answer {response.Status}: {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    public List<string> Problems { get; } = [];

    /// <summary>Opens the URL, waits for it to load, and keeps a full-page screenshot under <paramref name="screenshot"/>.</summary>
    public async Task OpenAsync(Uri url, string screenshot)
    {
        await Page.GotoAsync(url.AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
        Directory.CreateDirectory(Chromium.Artifacts);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Artifacts, screenshot + ".png"), FullPage = true });
    }
}
