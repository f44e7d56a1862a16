using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TpoSim.Web.Hosting;
using Xunit;

namespace TpoSim.Web.Tests.Page;

/// <summary>
/// The real server on a loopback port and Debian's chromium driven by Playwright (never a downloaded browser). Where
/// chromium is absent the browser tests skip with a message, except in CI (CI=true), where they fail: .ci/run installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium.</summary>
    public const string Chromium = "/usr/bin/chromium";

    private WebApplication? app;
    private IPlaywright? playwright;

    /// <summary>The browser, or null when chromium is absent.</summary>
    public IBrowser? Browser { get; private set; }

    /// <summary>The server's address, e.g. http://127.0.0.1:40123.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>A client of the same server, to ask the API what the page should show.</summary>
    public HttpClient Api { get; private set; } = new();

    /// <summary>Where screenshots go: docs/images when TPOSIM_UPDATE_SCREENSHOTS=1 (the README's), else the test output.</summary>
    public static string ScreenshotPath(string name) => Environment.GetEnvironmentVariable("TPOSIM_UPDATE_SCREENSHOTS") == "1"
        ? Http.RepoFile(Path.Combine("docs", "images", name))
        : Path.Combine(AppContext.BaseDirectory, "screenshots", name);

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium)) return;
        app = TpoSimServer.Build([], "http://127.0.0.1:0", b => b.Services.PostConfigure<ServerLimits>(l => l.RequestSeconds = 900));
        await app.StartAsync();
        BaseUrl = app.Urls.First();
        Api = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A new page at the app's address, once the page says it is ready; skips (or fails in CI) without chromium.</summary>
    public async Task<IPage> OpenAsync(string suffix = "")
    {
        if (Browser is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail($"{Chromium} is missing in CI: .ci/run must apt-get install chromium");
            Assert.Skip($"browser tests skipped: {Chromium} not found (apt-get install chromium to run them)");
        }
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync(BaseUrl + "/" + suffix);
        await page.WaitForSelectorAsync("body[data-ready]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        Assert.True(await page.GetAttributeAsync("body", "data-ready") == "1", $"the page failed to start: {await page.TextContentAsync("#errors")}");
        return page;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        Api.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

/// <summary>The browser tests share one server and one chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "browser";
}
