using System.Net;
using System.Text.Json.Nodes;
using TpoSim.Cli;
using TpoSim.Parameters;
using Xunit;

namespace TpoSim.Web.Tests.Api;

/// <summary>POST /api/sensitivity (the page's "what drives this?" panel): the numbers of <c>tposim sensitivity local</c>, its checks and the cost cap.</summary>
public sealed class SensitivityApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Chemotherapy: a nadir the parameters move; 28 days and four parameters keep it to 17 short runs.
    private const string Scenario = """{"name": "sens-chemo", "simulation": {"days": 28}, "events": [{"type": "chemotherapy", "day": 2, "regimen": "carboplatin"}]}""";
    private const string Parameters = "mkMaturationDays,plateletSenescenceDays,liverFunction,emax";
    private const string Endpoints = "nadir,nadir-day,count@21,tpo-steady";

    [Fact]
    public async Task Numbers_AreTheCliSensitivityLocalNumbers_WithUnitsAndSources()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tposim-web-tests", Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, "scenario.json");
            await File.WriteAllTextAsync(file, Scenario, Token);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.True(0 == CliApp.Run(["sensitivity", "local", file, "--parameters", Parameters, "--endpoints", Endpoints, "--out", Path.Combine(dir, "out"), "--quiet", "--threads", "1"], stdout, stderr), stderr.ToString());
            var cli = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "out", "sensitivities.json"), Token))!;

            var response = await client.PostAsync($"/api/sensitivity?parameters={Parameters}&endpoints={Endpoints}", Http.Json(Scenario), Token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Token));
            var api = await Http.JsonOf(response);

            Assert.Equal((int)cli["runs"]!, (int)api["runs"]!);
            Assert.Equal(1 + 4 * 3 + 3, (int)api["runs"]!); // liverFunction = 1 is at its upper bound: one-sided, 3 runs
            Assert.Equal((double)cli["logStep"]!, (double)api["logStep"]!);
            var cliEndpoints = cli["endpoints"]!.AsArray();
            var apiEndpoints = api["endpoints"]!.AsArray();
            Assert.Equal(cliEndpoints.Select(e => (string?)e!["name"]), apiEndpoints.Select(e => (string?)e!["name"]));
            Assert.Equal(["nadir", "nadir-day", "count@21", "tpo-steady"], apiEndpoints.Select(e => (string)e!["name"]!).ToArray());
            for (var k = 0; k < cliEndpoints.Count; k++)
            {
                Assert.Equal((string?)cliEndpoints[k]!["unit"], (string?)apiEndpoints[k]!["unit"]);
                Assert.Equal((double?)cliEndpoints[k]!["value"], (double?)apiEndpoints[k]!["value"]);
                var c = cliEndpoints[k]!["sensitivities"]!.AsArray();
                var a = apiEndpoints[k]!["sensitivities"]!.AsArray();
                // The same parameters in the same order (largest |S| first), with the same S, error and check, bit for bit.
                Assert.Equal(c.Select(s => (string?)s!["parameter"]), a.Select(s => (string?)s!["parameter"]));
                for (var i = 0; i < c.Count; i++)
                {
                    Assert.Equal((double?)c[i]!["S"], (double?)a[i]!["s"]);
                    Assert.Equal((double?)c[i]!["errorEstimate"], (double?)a[i]!["errorEstimate"]);
                    Assert.Equal((bool)c[i]!["reliable"]!, (bool)a[i]!["reliable"]!);
                    Assert.Equal((double?)c[i]!["dEndpointDLnParameter"], (double?)a[i]!["dEndpointDLnParameter"]);
                }
            }
            // The nadir is real and the platelet lifespan moves it: S ≠ 0 and defined.
            var nadir = apiEndpoints[0]!;
            Assert.InRange((double)nadir["value"]!, 1, 249);
            Assert.NotEqual(0, (double)nadir["sensitivities"]!.AsArray().First(s => (string?)s!["parameter"] == "plateletSenescenceDays")!["s"]!);
            // Every parameter carries the catalogue's unit, meaning and source.
            foreach (var p in api["parameters"]!.AsArray())
            {
                Assert.True(ParameterCatalog.TryGet((string)p!["name"]!, out var def));
                Assert.Equal(def!.Unit, (string?)p["unit"]);
                Assert.Equal(def.Source, (string?)p["source"]);
                Assert.False(string.IsNullOrWhiteSpace((string?)p["description"]));
            }
            Assert.Equal("backward", (string?)api["parameters"]!.AsArray().First(p => (string?)p!["name"] == "liverFunction")!["scheme"]);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("parameters=warpFactor", "?parameters", "unknown parameter 'warpFactor'")]
    [InlineData("parameters=mkMaturationDays&endpoints=count@99", "?endpoints", "outside the run [0, 28]")]
    [InlineData("parameters=mkMaturationDays&endpoints=altitude", "?endpoints", "is not an endpoint; allowed:")]
    [InlineData("parameters=mkMaturationDays&step=0.9", "?step", "(0, 0.5]")]
    [InlineData("parameters=mkMaturationDays&step=small", "?step", "'small' is not a number")]
    public async Task BadOptions_Are400WithTheQueryParameterAndTheCliMessage(string query, string path, string message)
    {
        var errors = await Http.AssertError(await client.PostAsync($"/api/sensitivity?{query}", Http.Json(Scenario), Token), 400);
        var error = Assert.Single(errors);
        Assert.Equal(path, (string?)error!["path"]);
        Assert.Contains(message, (string?)error["message"]);
    }

    [Fact]
    public async Task CostOverTheCap_Is400WithTheAllowedRunDays_AndTimeOverTheBudgetIs400NamingIt()
    {
        using var tight = WebFactory.With(l => l.MaxSensitivityRunDays = 100);
        var errors = await Http.AssertError(await tight.CreateClient().PostAsync($"/api/sensitivity?parameters={Parameters}", Http.Json(Scenario), Token), 400);
        var error = Assert.Single(errors);
        Assert.Equal("?parameters", (string?)error!["path"]);
        Assert.Contains("4 parameters need 16 runs of 28 days = 448 run-days; this server allows at most 100", (string?)error["message"]);
        // Under the cost cap but over the time budget (every default parameter, ≈ 150 runs of 28 days with a day-0 steady
        // state each, in 1 ms: since the solver work was cut, 50 ms was sometimes enough on the CI machine): the runs stop
        // at the budget and the answer is the time limit's 400; the server goes on answering.
        using var hurried = WebFactory.With(l => l.RequestSeconds = 0.001);
        var hurriedClient = hurried.CreateClient();
        var late = await Http.AssertError(await hurriedClient.PostAsync("/api/sensitivity", Http.Json(Scenario), Token), 400);
        Assert.Contains("at most 0.001 s per request (name fewer ?parameters or shorten simulation.days)", (string?)late[0]!["message"]);
        Assert.Equal(HttpStatusCode.OK, (await hurriedClient.GetAsync("/api/parameters", Token)).StatusCode);
        // A bad scenario is the scenario parser's 400, as for /api/simulate.
        var bad = await Http.AssertError(await client.PostAsync("/api/sensitivity", Http.Json("""{"simulation": {"days": -1}}"""), Token), 400);
        Assert.Equal("$.simulation.days", (string?)bad[0]!["path"]);
    }
}
