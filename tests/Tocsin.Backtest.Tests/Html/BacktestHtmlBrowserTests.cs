using Microsoft.Playwright;

namespace Tocsin.Backtest.Tests.Html;

/// <summary>
/// The sample backtest page as a person opens it: written to <c>artifacts/backtest.html</c> in the test output
/// folder, loaded from disk by headless Chromium (Debian's <c>chromium</c>, driven by Playwright), and photographed to
/// <c>artifacts/backtest.png</c> beside it. Skipped when chromium is not on PATH, failed under CI.
/// </summary>
public class BacktestHtmlBrowserTests(BacktestHtmlBrowserTests.Browser browser) : IClassFixture<BacktestHtmlBrowserTests.Browser>
{
    private const string HowToGet = "apt-get install chromium";

    [SkippableFact]
    public async Task Opened_from_disk_the_page_logs_no_error_and_requests_nothing_but_itself()
    {
        RequiredTool.Program("chromium", HowToGet);
        var loaded = await browser.Loaded;

        loaded.Errors.ShouldBeEmpty();
        loaded.Dialogs.ShouldBeEmpty();
        loaded.Requests.ShouldBe([loaded.Url]);
    }

    [SkippableFact]
    public async Task The_charts_are_drawn_with_a_visible_size_and_alarm_days_in_red()
    {
        RequiredTool.Program("chromium", HowToGet);
        var page = (await browser.Loaded).Page;

        var timeline = await page.Locator("svg.timeline").First.BoundingBoxAsync();
        var populations = await page.Locator("svg.populations").First.BoundingBoxAsync();
        var viewBox = await page.Locator("svg.timeline").First.EvaluateAsync<double[]>("svg => [svg.viewBox.baseVal.width, svg.viewBox.baseVal.height]");
        var bar = await page.Locator("svg.timeline rect.bar").First.BoundingBoxAsync();
        var missed = await page.Locator("svg.populations rect.missed").First.BoundingBoxAsync();
        var alarmFill = await page.Locator("svg.timeline rect.bar.alarm").First.EvaluateAsync<string>("bar => getComputedStyle(bar).fill");

        (await page.Locator("svg.timeline").First.IsVisibleAsync()).ShouldBeTrue();
        timeline.ShouldNotBeNull();
        (timeline.Width > 400 && timeline.Height > 100).ShouldBeTrue($"the timeline is {timeline.Width}×{timeline.Height}");
        ((double)timeline.Height / timeline.Width).ShouldBe(viewBox[1] / viewBox[0], 0.01, "the chart keeps the proportions of its viewBox");
        populations.ShouldNotBeNull();
        (populations.Width > 400 && populations.Height > 20).ShouldBeTrue($"the population chart is {populations.Width}×{populations.Height}");
        bar.ShouldNotBeNull();
        (bar.Width > 0 && bar.Height > 0).ShouldBeTrue($"the first bar is {bar.Width}×{bar.Height}");
        missed.ShouldNotBeNull();
        (missed.Width > 0 && missed.Height > 0).ShouldBeTrue($"the missed share is {missed.Width}×{missed.Height}");
        alarmFill.ShouldBe("rgb(198, 40, 40)");
        File.Exists(Browser.Screenshot).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task The_principal_that_holds_markup_is_text_in_the_page()
    {
        RequiredTool.Program("chromium", HowToGet);
        var page = (await browser.Loaded).Page;

        (await page.Locator("img").CountAsync()).ShouldBe(0);
        (await page.GetByText(BacktestSamples.HostileArn, new() { Exact = true }).CountAsync()).ShouldBeGreaterThan(0);
    }

    /// <summary>What the loaded page reported: console and page errors, dialogs it opened, and every URL it requested.</summary>
    public sealed record Loaded(IPage Page, string Url, List<string> Errors, List<string> Dialogs, List<string> Requests);

    /// <summary>One Chromium for the class and the page loaded once, on first use; nothing starts when chromium is missing.</summary>
    public sealed class Browser : IAsyncLifetime
    {
        private static readonly string Artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");

        private readonly Lazy<Task<Loaded>> loaded;
        private IPlaywright? playwright;
        private IBrowser? chromium;

        public Browser() => loaded = new(Load);

        public static string Screenshot => Path.Combine(Artifacts, "backtest.png");

        public Task<Loaded> Loaded => loaded.Value;

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            if (chromium is not null)
            {
                await chromium.DisposeAsync();
            }

            playwright?.Dispose();
        }

        private async Task<Loaded> Load()
        {
            Directory.CreateDirectory(Artifacts);
            var file = Path.Combine(Artifacts, "backtest.html");
            await File.WriteAllTextAsync(file, BacktestSamples.Write(BacktestSamples.SnapshotResult()));
            var url = new Uri(file).AbsoluteUri;
            playwright = await Playwright.CreateAsync();
            chromium = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = RequiredTool.Find("chromium"),
                Headless = true,
                Args = ["--no-sandbox"],
                Timeout = 20_000,
            });
            var page = await chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
            page.SetDefaultTimeout(10_000);
            var result = new Loaded(page, url, [], [], []);
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    result.Errors.Add($"console {message.Type}: {message.Text}");
                }
            };
            page.PageError += (_, error) => result.Errors.Add("page error: " + error);
            page.Dialog += (_, dialog) => result.Dialogs.Add(dialog.Message);
            page.Request += (_, request) => result.Requests.Add(request.Url);

            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
            await page.ScreenshotAsync(new() { Path = Screenshot, FullPage = true });
            return result;
        }
    }
}
