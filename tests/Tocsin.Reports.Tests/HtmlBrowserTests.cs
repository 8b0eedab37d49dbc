using Microsoft.Playwright;

namespace Tocsin.Reports.Tests;

/// <summary>
/// The mixed run's page as a person opens it: written to <c>tests/Tocsin.Reports.Tests/bin/artifacts/report.html</c>,
/// loaded from disk by headless Chromium (Debian's <c>chromium</c>, driven by Playwright), and photographed to
/// <c>report.png</c> (1280 px wide) and <c>report-phone.png</c> (390 px) beside it. Skipped when chromium is not on
/// PATH, failed under CI.
/// </summary>
public class HtmlBrowserTests(HtmlBrowserTests.Browser browser) : IClassFixture<HtmlBrowserTests.Browser>
{
    private const string HowToGet = "apt-get install chromium";

    [SkippableFact]
    public async Task Opened_from_disk_the_page_logs_no_error_runs_nothing_and_requests_nothing_but_itself()
    {
        RequiredTool.Program("chromium", HowToGet);
        var desktop = await browser.Desktop;

        desktop.Errors.ShouldBeEmpty();
        desktop.Dialogs.ShouldBeEmpty();
        desktop.Requests.ShouldBe([desktop.Url]);
    }

    [SkippableFact]
    public async Task A_passing_cell_shows_green_and_a_failing_cell_red()
    {
        RequiredTool.Program("chromium", HowToGet);
        var page = (await browser.Desktop).Page;

        var pass = await Background(page, "table.matrix td.pass");
        var fail = await Background(page, "table.matrix td.fail");

        (pass.Green > pass.Red && pass.Green > pass.Blue).ShouldBeTrue($"pass cell is {pass}");
        (fail.Red > fail.Green && fail.Red > fail.Blue).ShouldBeTrue($"fail cell is {fail}");
    }

    [SkippableFact]
    public async Task The_hostile_name_is_text_in_the_page_and_no_image_element()
    {
        RequiredTool.Program("chromium", HowToGet);
        var page = (await browser.Desktop).Page;

        (await page.Locator("img").CountAsync()).ShouldBe(0);
        (await page.GetByText("<img src=x onerror=alert(1)>", new() { Exact = false }).CountAsync()).ShouldBeGreaterThan(0);
    }

    [SkippableFact]
    public async Task On_a_phone_the_page_is_no_wider_than_the_screen()
    {
        RequiredTool.Program("chromium", HowToGet);
        var phone = await browser.Phone;

        var widths = await phone.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");

        widths[0].ShouldBeLessThanOrEqualTo(widths[1]);
        phone.Errors.ShouldBeEmpty();
    }

    private static async Task<Colour> Background(IPage page, string selector)
    {
        var css = await page.Locator(selector).First.EvaluateAsync<string>("cell => getComputedStyle(cell).backgroundColor");
        var parts = css[(css.IndexOf('(', StringComparison.Ordinal) + 1)..css.IndexOf(')', StringComparison.Ordinal)]
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(int.Parse)
            .ToArray();
        return new Colour(parts[0], parts[1], parts[2]);
    }

    private readonly record struct Colour(int Red, int Green, int Blue);

    /// <summary>What a loaded page reported: console and page errors, dialogs it opened, and every URL it requested.</summary>
    public sealed record Loaded(IPage Page, string Url, List<string> Errors, List<string> Dialogs, List<string> Requests);

    /// <summary>
    /// One Chromium for the class, and the page loaded once at desktop and once at phone width. Nothing starts when
    /// chromium is missing; each test then skips on its own.
    /// </summary>
    public sealed class Browser : IAsyncLifetime
    {
        private static readonly string Artifacts = Path.Combine(RepositoryFiles.Root, "tests", "Tocsin.Reports.Tests", "bin", "artifacts");

        private readonly Lazy<Task<IBrowser>> chromium;
        private readonly Lazy<Task<string>> report;
        private readonly Lazy<Task<Loaded>> desktop;
        private readonly Lazy<Task<Loaded>> phone;
        private IPlaywright? playwright;

        public Browser()
        {
            chromium = new(Launch);
            report = new(WriteReport);
            desktop = new(() => Load(1280, 900, "report.png"));
            phone = new(() => Load(390, 844, "report-phone.png"));
        }

        /// <summary>The page at 1280 px, loaded on first use.</summary>
        public Task<Loaded> Desktop => desktop.Value;

        /// <summary>The page at a phone's 390 px, loaded on first use.</summary>
        public Task<Loaded> Phone => phone.Value;

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            if (chromium.IsValueCreated)
            {
                await (await chromium.Value).DisposeAsync();
            }

            playwright?.Dispose();
        }

        private async Task<IBrowser> Launch()
        {
            playwright = await Playwright.CreateAsync();
            return await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = RequiredTool.Find("chromium"),
                Headless = true,
                Args = ["--no-sandbox"],
                Timeout = 20_000,
            });
        }

        private static async Task<string> WriteReport()
        {
            Directory.CreateDirectory(Artifacts);
            var file = Path.Combine(Artifacts, "report.html");
            await File.WriteAllTextAsync(file, HtmlSamples.Write(SampleRuns.Mixed()));
            return new Uri(file).AbsoluteUri;
        }

        private async Task<Loaded> Load(int width, int height, string screenshot)
        {
            var url = await report.Value;
            var browser = await chromium.Value;
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            page.SetDefaultTimeout(10_000);
            var loaded = new Loaded(page, url, [], [], []);
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    loaded.Errors.Add($"console {message.Type}: {message.Text}");
                }
            };
            page.PageError += (_, error) => loaded.Errors.Add("page error: " + error);
            page.Dialog += (_, dialog) => loaded.Dialogs.Add(dialog.Message);
            page.Request += (_, request) => loaded.Requests.Add(request.Url);

            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
            await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, screenshot), FullPage = true });
            return loaded;
        }
    }
}
