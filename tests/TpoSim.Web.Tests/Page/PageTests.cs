using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TpoSim.Cli;
using TpoSim.Forecasting;
using Xunit;

namespace TpoSim.Web.Tests.Page;

/// <summary>The page in chromium: build, run, compare, a virtual trial, fit and forecast, interpret.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTests(BrowserFixture browser)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<double[]> Numbers(IPage page, string expression) =>
        (await page.EvaluateAsync<double[]>(expression))!;

    private async Task<JsonNode> Simulate(string scenarioJson)
    {
        var response = await browser.Api.PostAsync("/api/simulate", Http.Json(scenarioJson), Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Token)} for {scenarioJson}");
        return await Http.JsonOf(response);
    }

    private static async Task RunAndWait(IPage page)
    {
        await page.EvaluateAsync("() => { document.getElementById('status').textContent = ''; }");
        await page.ClickAsync("#run");
        await page.WaitForFunctionAsync("() => document.getElementById('status').textContent.includes(' days in ') || !document.getElementById('errors').hidden");
        Assert.True(await page.IsHiddenAsync("#errors"), await page.TextContentAsync("#errors"));
    }

    [Fact]
    public async Task ScenarioBuiltByClicking_ChartsTheApiNumbers_DownloadsWhatTheCliReproduces_AndShares()
    {
        var page = await browser.OpenAsync();
        // Patient: ITP at severity 0.3, 56 days; romiplostim 3 µg/kg SC weekly from day 7; a splenectomy on day 35.
        await page.FillAsync("#name", "Chronic ITP: romiplostim 3 µg/kg weekly, splenectomy on day 35");
        await page.SelectOptionAsync("#condition", "itp");
        await page.FillAsync("#severity-number", "0.3");
        await page.FillAsync("#days", "56");
        while (await page.Locator(".event-row .remove").CountAsync() > 0) await page.Locator(".event-row .remove").First.ClickAsync();
        await page.ClickAsync("#add-dose");
        var dose = page.Locator(".dose-row").Last;
        await dose.Locator("[data-field=drug]").SelectOptionAsync("romiplostim");
        await dose.Locator("[data-field=route]").SelectOptionAsync("sc");
        await dose.Locator("[data-field=amount]").FillAsync("3");
        await dose.Locator("[data-field=unit]").SelectOptionAsync("ug/kg");
        await dose.Locator("[data-field=day]").FillAsync("7");
        await dose.Locator("[data-field=everyDays]").FillAsync("7");
        await dose.Locator("[data-field=count]").FillAsync("4");
        await page.ClickAsync("#add-event");
        var ev = page.Locator(".event-row").Last;
        await ev.Locator("[data-field=type]").SelectOptionAsync("splenectomy");
        await ev.Locator("[data-field=day]").FillAsync("35");
        await RunAndWait(page);

        var docText = await page.EvaluateAsync<string>("() => JSON.stringify(window.tposim.lastDoc)");
        Assert.Equal("itp", JsonNode.Parse(docText!)!["patient"]!["condition"]!["name"]!.GetValue<string>());
        var api = await Simulate(docText!);
        var chartPlatelets = await Numbers(page, "() => document.getElementById('chart').data[0].y");
        var chartTpo = await Numbers(page, "() => document.getElementById('chart').data[1].y");
        Assert.Equal(api["series"]!["platelets"]!.AsArray().Select(v => (double)v!).ToArray(), chartPlatelets);
        Assert.Equal(api["series"]!["tpo"]!.AsArray().Select(v => (double)v!).ToArray(), chartTpo);
        Assert.Equal(56, (await Numbers(page, "() => document.getElementById('chart').data[0].x")).Last());
        // Doses in the ordered unit, the drug panel, the splenectomy mark and the 20/50/150/450 lines.
        var doseText = await page.EvaluateAsync<string[]>("() => document.getElementById('chart').data.find(t => t.name === 'doses').text");
        Assert.Equal(4, doseText!.Length);
        Assert.All(doseText, t => Assert.Equal("romiplostim 3 µg/kg sc", t));
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('chart').data.some(t => t.name === 'romiplostim (ng/mL)')"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('chart').data.find(t => t.name === 'events').text.includes('splenectomy')"));
        Assert.Equal(new double[] { 20, 50, 150, 450 }, await Numbers(page, "() => document.getElementById('chart').layout.shapes.filter(s => s.yref === 'y').map(s => s.y0)"));
        Assert.Equal("Platelets (×10⁹/L)", await page.EvaluateAsync<string>("() => document.getElementById('chart').layout.yaxis.title.text"));
        Assert.Equal("Day", await page.EvaluateAsync<string>("() => document.getElementById('chart').layout.xaxis.title.text"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('chart').layout.annotations.some(a => a.text === 'Dose<br>(µg/kg)')"));
        Assert.Contains("Baseline platelets", await page.TextContentAsync("#summary"));
        // The timeline too gives the doses as ordered (the library logs 3 µg/kg × 70 kg as 210 µg), then the procedure.
        var timeline = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#timeline-table tr')].slice(1).map(r => r.cells[2].textContent)");
        Assert.Equal(["romiplostim 3 µg/kg sc", "romiplostim 3 µg/kg sc", "romiplostim 3 µg/kg sc", "romiplostim 3 µg/kg sc", "splenectomy"], timeline!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("web-page.png") });
        await page.CheckAsync("#log-scale");
        Assert.Equal("log", await page.EvaluateAsync<string>("() => document.getElementById('chart').layout.yaxis.type"));

        // The downloaded scenario.json, run by `tposim simulate`, gives the chart's numbers (timeseries.csv, 6 digits).
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#dl-scenario"));
        var dir = Path.Combine(Path.GetTempPath(), "tposim-web-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var file = Path.Combine(dir, "scenario.json");
            await download.SaveAsAsync(file);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.Equal(0, CliApp.Run(["simulate", file, "--out", Path.Combine(dir, "out"), "--quiet"], stdout, stderr));
            var cli = File.ReadAllLines(Path.Combine(dir, "out", "timeseries.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(chartPlatelets, cli);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }

        // The shared address reproduces the scenario in a fresh page.
        await page.ClickAsync("#share");
        var link = await page.InputValueAsync("#share-link");
        Assert.StartsWith(browser.BaseUrl + "/#s=", link);
        var again = await browser.OpenAsync(link[(browser.BaseUrl.Length + 1)..]);
        Assert.Equal(chartPlatelets, await Numbers(again, "() => document.getElementById('chart').data[0].y"));
        Assert.Equal(docText, await again.EvaluateAsync<string>("() => JSON.stringify(window.tposim.lastDoc)"));
    }

    [Fact]
    public async Task TwoScenarios_AreComparedOverlaidAndSideBySide()
    {
        var page = await browser.OpenAsync();
        await page.ClickAsync("#to-compare");
        await page.ClickAsync("[data-tab=simulate]");
        await page.SelectOptionAsync("#example", "condition-itp.json");
        await page.WaitForFunctionAsync("() => window.tposim.lastDoc && window.tposim.lastDoc.patient.condition && window.tposim.lastDoc.patient.condition.name === 'itp'");
        await page.WaitForFunctionAsync("() => !document.getElementById('to-compare').disabled");
        await page.ClickAsync("#to-compare");
        Assert.True(await page.IsVisibleAsync("#tab-compare"));
        Assert.Equal(4, await page.EvaluateAsync<int>("() => document.getElementById('compare-chart').data.length"));
        var api = await Simulate((await page.EvaluateAsync<string>("() => JSON.stringify(window.tposim.compare[1].doc)"))!);
        Assert.Equal(api["series"]!["platelets"]!.AsArray().Select(v => (double)v!).ToArray(), await Numbers(page, "() => document.getElementById('compare-chart').data[2].y"));
        Assert.Equal(3, await page.Locator("#compare-table tr").First.Locator("th").CountAsync());
        await page.SelectOptionAsync("#compare-mode", "side");
        Assert.Equal(2, await page.Locator("#compare-side .chart").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("web-compare.png") });

        // The address holds the tab and the compared scenarios: opened in a fresh page, it shows the same comparison.
        Assert.Contains("tab=compare", page.Url);
        var again = await browser.OpenAsync(page.Url[(browser.BaseUrl.Length + 1)..]);
        Assert.True(await again.IsVisibleAsync("#tab-compare"));
        Assert.Equal(2, await again.EvaluateAsync<int>("() => window.tposim.compare.length"));
        Assert.Equal(api["series"]!["platelets"]!.AsArray().Select(v => (double)v!).ToArray(), await Numbers(again, "() => document.getElementById('compare-chart').data[2].y"));
    }

    [Fact]
    public async Task SmallVirtualTrial_RunsToCompletionWithBandsAndEndpoints()
    {
        var page = await browser.OpenAsync("#tab=population");
        await page.SelectOptionAsync("#trial", "itp-like-destruction.json");
        await page.FillAsync("#subjects", "6");
        await page.ClickAsync("#pop-run");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#pop-endpoints tr').length > 3 || !document.getElementById('pop-errors').hidden");
        Assert.True(await page.IsHiddenAsync("#pop-errors"), await page.TextContentAsync("#pop-errors"));
        Assert.StartsWith("done", await page.TextContentAsync("#pop-status"));
        Assert.Equal(1, await page.EvaluateAsync<double>("() => document.getElementById('pop-progress').value"));
        Assert.Equal(5, await page.EvaluateAsync<int>("() => document.getElementById('pop-chart').data.length"));
        var median = await Numbers(page, "() => document.getElementById('pop-chart').data[4].y");
        var result = await page.EvaluateAsync<JsonElement>("() => window.tposim.population");
        Assert.Equal(result.GetProperty("plateletBands")[2].EnumerateArray().Select(v => v.GetDouble()).ToArray(), median);
        Assert.Contains("Enrolled: ok / failed", await page.TextContentAsync("#pop-endpoints"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("web-population.png") });
    }

    // A fit and a forecast: minutes under load, so the slow category. The test waits on the page's own completion
    // signal (body[data-forecast] = done | error) with no client-side timeout: the server's time budget bounds the
    // request and answers with an error when it runs out, so the wait always ends. The API's answer is the one the
    // browser received (read off the network), so the forecast is computed once.
    [Fact]
    [Trait("Category", "Slow")]
    public async Task UploadedExamplePatient_GetsAForecastAndARecommendationWithItsDisclaimer()
    {
        var page = await browser.OpenAsync("#tab=fit");
        await page.SetInputFilesAsync("#fit-file", Http.RepoFile("examples/patient-itp-romiplostim.csv"));
        await page.FillAsync("#fc-samples", "20");
        await page.WaitForFunctionAsync("() => !document.getElementById('fit-run').disabled");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#fit-run"),
            r => r.Url.Contains("/api/forecast", StringComparison.Ordinal), new PageRunAndWaitForResponseOptions { Timeout = 0 });
        await page.WaitForSelectorAsync("body[data-forecast=done], body[data-forecast=error]",
            new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 0 });
        Assert.True(await page.IsHiddenAsync("#fit-errors"), await page.TextContentAsync("#fit-errors"));
        Assert.Equal("done", await page.GetAttributeAsync("body", "data-forecast"));
        Assert.Equal(200, response.Status);
        Assert.Contains("weeks=8", response.Url, StringComparison.Ordinal);
        var api = JsonNode.Parse(await response.TextAsync())!;
        Assert.Equal($"Recommendation: {api["recommendation"]} — {api["reason"]}.", await page.TextContentAsync("#fc-recommendation"));
        Assert.Equal(ForecastResult.Disclaimer, await page.TextContentAsync("#fc-disclaimer"));
        Assert.Equal(ForecastResult.Disclaimer, (string?)api["disclaimer"]);
        Assert.Equal(api["fit"]!["parameters"]!.AsArray().Count + 1, await page.Locator("#fit-estimates tr").CountAsync());
        Assert.True(await page.Locator("#fit-estimates tr").CountAsync() >= 4);
        Assert.Equal(api["regimens"]!.AsArray().Count * 3 + 2, await page.EvaluateAsync<int>("() => document.getElementById('fc-chart').data.length"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("web-forecast.png") });
    }

    [Fact]
    public async Task WhatDrivesThis_DrawsTheApisSensitivitiesAsSortedBars_WithATableOfUnitsAndSources()
    {
        var page = await browser.OpenAsync();
        await page.SelectOptionAsync("#example", "procedure-chemotherapy.json");
        await page.WaitForFunctionAsync("() => window.tposim.lastDoc && window.tposim.lastDoc.events && window.tposim.lastDoc.events.some(e => e.type === 'chemotherapy')");
        await page.FillAsync("#days", "80");
        await RunAndWait(page);
        // The endpoints follow the scenario on screen (the count on its last day) until the user writes their own.
        Assert.Equal("nadir,nadir-day,peak,time-in:50-150,count@80,tpo-steady", await page.InputValueAsync("#sens-endpoints"));
        await page.FillAsync("#sens-parameters", "mkMaturationDays, plateletSenescenceDays, emax, kDivision");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#sens-run"),
            r => r.Url.Contains("/api/sensitivity", StringComparison.Ordinal), new PageRunAndWaitForResponseOptions { Timeout = 0 });
        await page.WaitForSelectorAsync("body[data-sensitivity=done], body[data-sensitivity=error]",
            new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 0 });
        Assert.True(await page.IsHiddenAsync("#sens-errors"), await page.TextContentAsync("#sens-errors"));
        Assert.Equal(200, response.Status);
        var api = JsonNode.Parse(await response.TextAsync())!;
        // The analysed scenario is the one on screen.
        var asked = await page.EvaluateAsync<string>("() => JSON.stringify(window.tposim.lastDoc)");
        Assert.Equal(asked, response.Request.PostData);

        // The nadir's bars are the API's S values, the largest |S| on top (Plotly draws the last bar at the top).
        var nadir = api["endpoints"]![0]!;
        Assert.Equal("nadir", (string?)nadir["name"]);
        var expected = nadir["sensitivities"]!.AsArray().Where(x => x!["s"] is not null).Select(x => (double)x!["s"]!).Take(15).Reverse().ToArray();
        var bars = await Numbers(page, "() => document.getElementById('sens-chart').data[0].x");
        Assert.Equal(expected, bars);
        Assert.Equal(4, bars.Length);
        for (var i = 1; i < bars.Length; i++) Assert.True(Math.Abs(bars[i]) >= Math.Abs(bars[i - 1]), $"bars not sorted by |S|: {string.Join(", ", bars)}");
        Assert.Contains("What drives nadir?", await page.EvaluateAsync<string>("() => document.getElementById('sens-chart').layout.title.text"));

        // The table: one row per parameter, with the catalogue's unit and source.
        var rows = page.Locator("#sens-table tr");
        Assert.Equal(5, await rows.CountAsync());
        var catalog = await Http.JsonOf(await browser.Api.GetAsync("/api/parameters", Token));
        for (var r = 1; r < 5; r++)
        {
            var cells = await rows.Nth(r).Locator("td").AllTextContentsAsync();
            var p = catalog.AsArray().First(x => (string?)x!["name"] == cells[0])!;
            Assert.Equal((string?)p["unit"], cells[6]);
            Assert.Equal((string?)p["source"], cells[9]);
        }

        // Another endpoint redraws from the same answer.
        await page.SelectOptionAsync("#sens-endpoint", "count@80");
        Assert.Contains("What drives count@80?", await page.EvaluateAsync<string>("() => document.getElementById('sens-chart').layout.title.text"));
        await page.Locator("#drivers").ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserFixture.ScreenshotPath("web-sensitivity.png") });
    }

    [Fact]
    public async Task Equations_AreTheGeneratedDocument_WithEveryFormulaTypesetByKatex()
    {
        var page = await browser.OpenAsync("#tab=parameters");
        await page.WaitForSelectorAsync("#equations .katex");
        var markdown = await File.ReadAllTextAsync(Http.RepoFile("docs/equations.md"), Token);
        var lines = markdown.Split('\n');
        // Every $$…$$ line of docs/equations.md is one displayed formula, none fails to parse, and no TeX is left as text.
        Assert.Equal(lines.Count(l => l.StartsWith("$$", StringComparison.Ordinal)), await page.Locator("#equations .katex-display").CountAsync());
        Assert.Equal(0, await page.Locator("#equations .katex-error").CountAsync());
        var plainText = await page.EvaluateAsync<string>("() => { const c = document.getElementById('equations').cloneNode(true); c.querySelectorAll('.katex').forEach(k => k.remove()); return c.textContent; }");
        Assert.DoesNotContain("\\frac", plainText);
        Assert.DoesNotContain("$$", plainText);
        // The first formula's MathML carries its TeX source, and the tables are tables.
        var first = lines.First(l => l.StartsWith("$$", StringComparison.Ordinal)).Trim().Trim('$');
        Assert.Equal(first, await page.Locator("#equations .katex-display annotation").First.TextContentAsync());
        Assert.True(await page.Locator("#equations table").CountAsync() > 0);
        // KaTeX's fonts come from the app.
        Assert.True(await page.EvaluateAsync<bool>("async () => { await document.fonts.ready; return [...document.fonts].some(f => f.family.replace(/\"/g, '') === 'KaTeX_Main' && f.status === 'loaded'); }"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("web-equations.png") });
    }

    [Fact]
    public async Task Pair_IsReadOnTheInterpretationPlane()
    {
        var page = await browser.OpenAsync("#tab=interpret");
        await page.FillAsync("#ip-platelets", "15");
        await page.FillAsync("#ip-tpo", "70");
        await page.ClickAsync("#ip-run");
        await page.WaitForSelectorAsync("#ip-plane svg");
        var api = await Http.JsonOf(await browser.Api.PostAsync("/api/interpret", Http.Json("""{"platelets": 15, "tpo": 70, "tpoUnit": "pg/mL"}"""), Token));
        Assert.StartsWith($"Top reading: {api["readings"]![0]!["title"]}", await page.TextContentAsync("#ip-top"));
        Assert.Equal(api["readings"]!.AsArray().Count + 1, await page.Locator("#ip-readings tr").CountAsync());

        // The pair is on the address: opened in a fresh page, it is read again on the same tab.
        var again = await browser.OpenAsync(page.Url[(browser.BaseUrl.Length + 1)..]);
        Assert.True(await again.IsVisibleAsync("#tab-interpret"));
        Assert.Equal("15", await again.InputValueAsync("#ip-platelets"));
        Assert.Equal(await page.TextContentAsync("#ip-top"), await again.TextContentAsync("#ip-top"));
    }
}
