using System.Net;
using System.Text.Json.Nodes;
using TpoSim.Parameters;
using Xunit;

namespace TpoSim.Web.Tests.Api;

/// <summary>The lists: parameters, conditions, drugs, titrations, trial files, examples, equations, and the OpenAPI document.</summary>
public sealed class CatalogApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonNode> Get(string path)
    {
        var response = await client.GetAsync(path, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Http.JsonOf(response);
    }

    [Fact]
    public async Task Parameters_AreTheCatalogueWithUnitRangeAndSource()
    {
        var list = (await Get("/api/parameters")).AsArray();
        Assert.Equal(ParameterCatalog.All.Count, list.Count);
        foreach (var (p, d) in list.Zip(ParameterCatalog.All))
        {
            Assert.Equal(d.Name, (string?)p!["name"]);
            Assert.Equal(d.Unit, (string?)p["unit"]);
            Assert.Equal(d.Source, (string?)p["source"]);
            Assert.Equal(d.Minimum, (double)p["minimum"]!);
            Assert.Equal(d.Maximum, (double)p["maximum"]!);
        }
    }

    [Fact]
    public async Task Conditions_Drugs_Titrations_AreListed()
    {
        var conditions = await Get("/api/conditions");
        var itp = conditions["conditions"]!.AsArray().Single(c => (string?)c!["name"] == "itp")!;
        Assert.Contains(itp["options"]!.AsArray(), o => (string?)o!["name"] == "splenectomised" && (bool)o["isFlag"]!);
        Assert.Contains(conditions["procedures"]!.AsArray(), p => (string?)p!["name"] == "splenectomy");
        var drugs = (await Get("/api/drugs")).AsArray();
        var romiplostim = drugs.Single(d => (string?)d!["name"] == "romiplostim")!;
        Assert.Contains("romiplostim-itp", romiplostim["pkVariants"]!.AsArray().Select(v => (string?)v));
        Assert.NotEmpty(romiplostim["parameters"]!.AsArray());
        var titrations = (await Get("/api/titrations")).AsArray();
        Assert.Contains(titrations, t => (string?)t!["name"] == "romiplostim-itp-label" && (double)t["labelStartDose"]! == 1);
    }

    [Fact]
    public async Task TrialsScenariosAndExamples_AreTheShippedFiles()
    {
        var trials = (await Get("/api/trials")).AsArray().Select(t => (string?)t!["file"]).ToArray();
        Assert.Equal(Directory.GetFiles(Http.RepoFile("populations"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal), trials);
        var scenarios = (await Get("/api/scenarios")).AsArray();
        Assert.Contains(scenarios, s => (string?)s!["file"] == "default.json");
        var text = await client.GetStringAsync("/api/scenarios/default.json", Token);
        Assert.Equal(await File.ReadAllTextAsync(Http.RepoFile("scenarios/default.json"), Token), text);
        var examples = (await Get("/api/examples")).AsArray();
        Assert.Contains(examples, e => (string?)e!["file"] == "patient-itp-romiplostim.csv");
        Assert.Equal(await File.ReadAllTextAsync(Http.RepoFile("examples/patient-itp-romiplostim.csv"), Token), await client.GetStringAsync("/api/examples/patient-itp-romiplostim.csv", Token));
        // Only listed files: no path reaches anything else.
        await Http.AssertError(await client.GetAsync("/api/scenarios/..%2F..%2FTpoSim.Web.dll", Token), 404);
        await Http.AssertError(await client.GetAsync("/api/examples/nothing.csv", Token), 404);
    }

    [Fact]
    public async Task Equations_AreTheGeneratedDocument_OrA404SayingSo()
    {
        var response = await client.GetAsync("/api/equations", Token);
        var file = Http.RepoFile("docs/equations.md");
        if (File.Exists(file)) Assert.Equal(await File.ReadAllTextAsync(file, Token), await response.Content.ReadAsStringAsync(Token));
        else Assert.Contains("not been generated", (string?)(await Http.AssertError(response, 404))[0]!["message"]);
    }

    [Fact]
    public async Task SeverityForABaseline_GivesThatBaselineWhenSimulated()
    {
        var r = await Get("/api/conditions/itp/severity?baseline=20");
        Assert.True((bool)r["reachable"]!);
        var severity = (double)r["severity"]!;
        Assert.InRange(severity, 0.01, 1);
        var sim = await Http.JsonOf(await client.PostAsync("/api/simulate",
            Http.Json("{\"patient\": {\"condition\": {\"name\": \"itp\", \"severity\": " + severity.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}, \"simulation\": {\"days\": 1}}"), Token));
        // The steady-state curve is interpolated between severities 1/32 apart: the simulated day-0 count is within 3%.
        Assert.InRange((double)sim["summary"]!["baseline"]!["platelets"]!, 20 * 0.97, 20 * 1.03);
        await Http.AssertError(await client.GetAsync("/api/conditions/warp/severity?baseline=20", Token), 404);
        var range = await Http.AssertError(await client.GetAsync("/api/conditions/itp/severity?baseline=0", Token), 400);
        Assert.Equal("?baseline", (string?)range[0]!["path"]);
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryEndpoint_AndScalarShowsIt()
    {
        var doc = await Get("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToArray();
        foreach (var path in new[]
                 {
                     "/api/simulate", "/api/simulate/{file}", "/api/population", "/api/population/{id}", "/api/population/{id}/cancel",
                     "/api/population/{id}/result", "/api/population/{id}/{file}", "/api/fit", "/api/forecast", "/api/interpret", "/api/conditions",
                     "/api/conditions/{name}/severity", "/api/drugs", "/api/parameters", "/api/titrations", "/api/trials", "/api/scenarios", "/api/examples", "/api/equations",
                     "/api/sensitivity",
                 })
            Assert.Contains(path, paths);
        Assert.NotNull(doc["paths"]!["/api/simulate"]!["post"]!["responses"]!["400"]);
        var sensitivity = doc["paths"]!["/api/sensitivity"]!["post"]!;
        Assert.Equal(["endpoints", "parameters", "step"], sensitivity["parameters"]!.AsArray().Select(p => (string)p!["name"]!).Order(StringComparer.Ordinal).ToArray());
        Assert.NotNull(sensitivity["responses"]!["400"]);
        var scalar = await client.GetStringAsync("/scalar/", Token);
        Assert.Contains("openapi/v1.json", scalar);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/scalar.js", Token)).StatusCode);
        Assert.DoesNotContain("cdn.", scalar);
    }

    [Fact]
    public async Task Page_AndItsChartLibrary_AreServedByTheApp()
    {
        var page = await client.GetStringAsync("/", Token);
        Assert.Contains("<script src=\"plotly.min.js\"></script>", page);
        Assert.DoesNotContain("https://", page);
        var plotly = await client.GetAsync("/plotly.min.js", Token);
        Assert.Equal(HttpStatusCode.OK, plotly.StatusCode);
        Assert.Contains("plotly.js v4.1.2", (await plotly.Content.ReadAsStringAsync(Token))[..600]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.js", Token)).StatusCode);
        // The equations' renderer: markdown-it, markdown-it-texmath and KaTeX with its stylesheet and fonts, all from the app.
        foreach (var (path, type) in new[]
                 {
                     ("/markdown-it.min.js", "javascript"), ("/texmath.js", "javascript"), ("/katex/katex.min.js", "javascript"),
                     ("/katex/katex.min.css", "text/css"), ("/katex/fonts/KaTeX_Main-Regular.woff2", "font/woff2"),
                 })
        {
            if (!path.Contains("/fonts/", StringComparison.Ordinal)) Assert.Contains($"\"{path[1..]}\"", page);
            var response = await client.GetAsync(path, Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(type, response.Content.Headers.ContentType?.MediaType ?? "");
        }
        Assert.Contains("fonts/KaTeX_Main-Regular.woff2", await client.GetStringAsync("/katex/katex.min.css", Token));
    }
}
