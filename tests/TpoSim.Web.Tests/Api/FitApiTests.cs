using System.Net;
using System.Text.Json.Nodes;
using TpoSim.Forecasting;
using Xunit;

namespace TpoSim.Web.Tests.Api;

/// <summary>POST /api/fit and /api/forecast with the example patient (docs/fit-forecast.md).</summary>
public sealed class FitApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private readonly HttpClient client = Slow(factory.CreateClient());

    // A fit takes minutes on a loaded shared machine.
    private static HttpClient Slow(HttpClient c) { c.Timeout = TimeSpan.FromMinutes(15); return c; }
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static string Patient => File.ReadAllText(Http.RepoFile("examples/patient-itp-romiplostim.csv"));

    // A fit takes seconds on a quiet machine and minutes under load: the slow category (.ci/run runs it after the suite).
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Fit_RecoversTheSyntheticPatientsTrueValuesWithinItsIntervals()
    {
        var response = await client.PostAsync("/api/fit", Http.Csv(Patient), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Http.JsonOf(response);
        Assert.True((bool)body["fit"]!["converged"]!);
        var truth = JsonNode.Parse(await File.ReadAllTextAsync(Http.RepoFile("examples/patient-itp-romiplostim.truth.json"), Token))!["parameters"]!.AsObject();
        foreach (var p in body["fit"]!["parameters"]!.AsArray())
        {
            var name = (string)p!["name"]!;
            if (truth[name] is not JsonNode t) continue;
            Assert.InRange((double)t, (double)p["lower95"]!, (double)p["upper95"]!);
        }
        var curve = body["curve"]!;
        var n = curve["days"]!.AsArray().Count;
        Assert.Equal(n, curve["platelets"]!.AsArray().Count);
        for (var i = 0; i < n; i++) Assert.InRange((double)curve["platelets"]![i]!, (double)curve["plateletsLow"]![i]! - 1e-9, (double)curve["plateletsHigh"]![i]! + 1e-9);
        Assert.Contains(body["observations"]!.AsArray(), o => (string?)o!["kind"] == "platelets" && (double)o["value"]! == 15);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Forecast_RecommendsARegimenWithItsBandsAndTheDisclaimer()
    {
        var response = await client.PostAsync("/api/forecast?weeks=8&samples=20&targetLow=50&targetHigh=150&maxRisk=0.1", Http.Csv(Patient), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Http.JsonOf(response);
        Assert.Equal(ForecastResult.Disclaimer, (string?)body["disclaimer"]);
        var regimens = body["regimens"]!.AsArray();
        var names = regimens.Select(r => (string?)r!["name"]).ToArray();
        Assert.Contains("label", names);
        Assert.Contains("hold", names);
        Assert.Contains((string?)body["recommendation"], names);
        var days = body["days"]!.AsArray().Count;
        foreach (var r in regimens)
        {
            var bands = r!["bands"]!.AsArray();
            Assert.Equal(5, bands.Count);
            for (var i = 0; i < days; i++)
                for (var k = 1; k < 5; k++) Assert.True((double)bands[k]![i]! >= (double)bands[k - 1]![i]! - 1e-9);
        }
        Assert.Equal((string?)body["recommendation"], (string?)body["forecast"]!["recommendation"]);
        Assert.Equal(8, (int)body["forecast"]!["weeks"]!);
    }

    [Theory]
    [InlineData("weeks=0", "?weeks", "[1, 52]")]
    [InlineData("samples=5000", "?samples", "[10, 200]")]
    [InlineData("maxRisk=2", "?maxRisk", "[0, 1]")]
    [InlineData("targetLow=200&targetHigh=100", "?targetLow", "targetLow < targetHigh")]
    [InlineData("regimen=warp", "?regimen", "warp")]
    [InlineData("weeks=abc", "?weeks", "'abc' is not a whole number")]
    [InlineData("weeks=1e400", "?weeks", "'1e400' is not a whole number")]
    [InlineData("targetLow=low", "?targetLow", "'low' is not a number")]
    public async Task BadForecastOptions_Are400WithTheParameterAndRange(string query, string path, string message)
    {
        var errors = await Http.AssertError(await client.PostAsync($"/api/forecast?{query}", Http.Csv(Patient), Token), 400);
        Assert.Contains(errors, e => (string?)e!["path"] == path && ((string?)e["message"])!.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadHistory_Is400WithTheParsersMessages()
    {
        var errors = await Http.AssertError(await client.PostAsync("/api/fit", Http.Csv("ID,TIME\n1,x\n"), Token), 400);
        Assert.Contains("upload", (string?)errors[0]!["message"]);
        await Http.AssertError(await client.PostAsync("/api/fit?maxIterations=0", Http.Csv(Patient), Token), 400);
    }
}
