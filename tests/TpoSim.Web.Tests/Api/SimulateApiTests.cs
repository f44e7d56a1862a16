using System.Net;
using System.Text.Json.Nodes;
using TpoSim.Cli;
using Xunit;

namespace TpoSim.Web.Tests.Api;

/// <summary>POST /api/simulate: the same numbers, files and messages as <c>tposim simulate</c>, and the scenario caps.</summary>
public sealed class SimulateApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Days30_IsAValidScenario_AndHoldsTheHealthySteadyState()
    {
        var response = await client.PostAsync("/api/simulate", Http.Json("""{"days": 30}"""), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Http.JsonOf(response);
        var day = body["series"]!["day"]!.AsArray().Select(d => (double)d!).ToArray();
        Assert.Equal(0, day[0]);
        Assert.Equal(30, day[^1]);
        // Day 0 is the derived healthy set point: 250 ×10⁹/L and 84 pg/mL, held within 0.1% (README, "What the tests hold the model to").
        foreach (var p in body["series"]!["platelets"]!.AsArray()) Assert.InRange((double)p!, 249.75, 250.25);
        Assert.Equal(250, (double)body["summary"]!["baseline"]!["platelets"]!, 1e-6);
        Assert.Equal(84, (double)body["summary"]!["baseline"]!["tpo"]!, 1e-6);
        Assert.Empty(body["doses"]!.AsArray());
    }

    [Theory]
    [InlineData("default.json")]
    [InlineData("itp-romiplostim-label.json")]
    public async Task Files_AreTheCliFilesByteForByte_AndTheJsonHasTheCsvNumbers(string scenario)
    {
        var json = await File.ReadAllTextAsync(Http.RepoFile($"scenarios/{scenario}"), Token);
        var dir = Path.Combine(Path.GetTempPath(), "tposim-web-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(dir, "scenario.json");
            Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(path, json, Token);
            using (var stdout = new StringWriter())
            using (var stderr = new StringWriter())
                Assert.Equal(0, CliApp.Run(["simulate", path, "--out", Path.Combine(dir, "out"), "--quiet"], stdout, stderr));
            var names = new List<string> { "timeseries.csv", "summary.json" };
            if (File.Exists(Path.Combine(dir, "out", "decisions.csv"))) names.Add("decisions.csv");
            foreach (var name in names)
            {
                var response = await client.PostAsync($"/api/simulate/{name}", Http.Json(json), Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var cli = await File.ReadAllBytesAsync(Path.Combine(dir, "out", name), Token);
                var web = await response.Content.ReadAsByteArrayAsync(Token);
                if (name == "summary.json")
                {
                    // The run record names how the run was made: the CLI's command line, or the request.
                    var webRun = JsonNode.Parse(web)!["run"]!.AsObject();
                    Assert.Equal("POST /api/simulate/summary.json", (string)webRun["commandLine"]!);
                    Assert.StartsWith("tposim simulate ", (string)JsonNode.Parse(cli)!["run"]!["commandLine"]!);
                    cli = WithoutCommandLine(cli);
                    web = WithoutCommandLine(web);
                }
                Assert.Equal(cli, web);
            }
            var body = await Http.JsonOf(await client.PostAsync("/api/simulate", Http.Json(json), Token));
            var csv = (await File.ReadAllLinesAsync(Path.Combine(dir, "out", "timeseries.csv"), Token)).Skip(1).Select(l => l.Split(',')).ToArray();
            var platelets = body["series"]!["platelets"]!.AsArray();
            var tpo = body["series"]!["tpo"]!.AsArray();
            Assert.Equal(csv.Length, platelets.Count);
            for (var i = 0; i < csv.Length; i++)
            {
                Assert.Equal(double.Parse(csv[i][1], System.Globalization.CultureInfo.InvariantCulture), (double)platelets[i]!);
                Assert.Equal(double.Parse(csv[i][2], System.Globalization.CultureInfo.InvariantCulture), (double)tpo[i]!);
            }
            if (names.Contains("decisions.csv"))
            {
                Assert.Equal(File.ReadAllLines(Path.Combine(dir, "out", "decisions.csv")).Length - 1, body["decisions"]!.AsArray().Count);
                // Titrated doses come back in the ordered unit.
                Assert.All(body["doses"]!.AsArray(), d => Assert.Equal("µg/kg", (string?)d!["unit"]));
                Assert.Contains(body["drugs"]!.AsArray(), d => (string?)d!["column"] == "romiplostim_ng_per_mL");
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task ValidationErrors_CarryTheCliPathsAndMessages()
    {
        const string bad = """{"simulation": {"days": 99999}, "doses": [{"drug": "x"}], "extra": 1}""";
        var dir = Path.Combine(Path.GetTempPath(), "tposim-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "bad.json");
        await File.WriteAllTextAsync(path, bad, Token);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, CliApp.Run(["simulate", path, "--out", Path.Combine(dir, "out"), "--quiet"], stdout, stderr));
        Directory.Delete(dir, true);
        var cliLines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[(path.Length + 2)..]).ToArray();

        var errors = await Http.AssertError(await client.PostAsync("/api/simulate", Http.Json(bad), Token), 400);
        Assert.Equal(cliLines, errors.Select(e => $"{e!["path"]}: {e["message"]}").ToArray());
        Assert.Contains(errors, e => (string?)e!["path"] == "$.doses[0].drug");
    }

    [Fact]
    public async Task MalformedJson_Is400WithItsPosition()
    {
        var errors = await Http.AssertError(await client.PostAsync("/api/simulate", Http.Json("{\"days\": 3"), Token), 400);
        Assert.Equal("$", (string?)errors[0]!["path"]);
    }

    [Theory]
    [InlineData("""{"simulation": {"days": 4000}}""", "$.simulation.days", "[0.01, 3650] days")]
    [InlineData("""{"simulation": {"days": 3000, "outputEveryDays": 0.1}}""", "$.simulation.outputEveryDays", "at most 20000")]
    [InlineData("""{"doseTable": {"file": "/etc/passwd", "drug": "romiplostim", "unit": "ug/kg"}}""", "$.doseTable", "inline")]
    [InlineData("""{"days": "long"}""", "$.days", "[0.01, 3650] days")]
    [InlineData("""{"days": 1e400}""", "$.days", "'1e400' is not a number; allowed range [0.01, 3650] days")]
    public async Task ServerCaps_Are400WithPathAndAllowedRange(string json, string path, string allowed)
    {
        var errors = await Http.AssertError(await client.PostAsync("/api/simulate", Http.Json(json), Token), 400);
        var error = Assert.Single(errors);
        Assert.Equal(path, (string?)error!["path"]);
        Assert.Contains(allowed, (string?)error["message"]);
    }

    [Fact]
    public async Task TopLevelDays_CutsALongerTitrationWithAWarning_AsTheCliDoes()
    {
        var json = (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(Http.RepoFile("scenarios/itp-romiplostim-label.json"), Token))!;
        json["days"] = 21;
        var body = await Http.JsonOf(await client.PostAsync("/api/simulate", Http.Json(json.ToJsonString()), Token));
        Assert.Equal(21, (double)body["days"]!);
        Assert.Contains("the titration is cut to 21 days", (string?)body["warnings"]![0]);
    }

    /// <summary>
    /// The web's <c>days</c> and the CLI's <c>--days</c> are one path (a change of the parsed span, then the span's rules
    /// again): a span that leaves an event outside it, or a type error elsewhere in the document, is the CLI's exit-2 line.
    /// </summary>
    [Theory]
    [InlineData("""{"events": [{"type": "plateletTransfusion", "day": 10, "units": 2}]}""", "5", "$.events[0].day")]
    [InlineData("""{"simulation": "abc"}""", "3", "$.simulation")]
    [InlineData("""{"simulation": {"days": 5}, "doses": [{"drug": "romiplostim", "day": 20, "amount": 1, "unit": "ug/kg", "route": "sc"}]}""", "10", "$.doses[0].day")]
    public async Task TopLevelDays_BreakingARule_IsTheCliDaysError(string scenario, string days, string path)
    {
        var dir = Path.Combine(Path.GetTempPath(), "tposim-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "s.json");
        await File.WriteAllTextAsync(file, scenario, Token);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, CliApp.Run(["simulate", file, "--days", days, "--out", Path.Combine(dir, "out"), "--quiet"], stdout, stderr));
        Directory.Delete(dir, true);
        var cliLine = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))[(file.Length + 2)..];

        var request = (JsonObject)JsonNode.Parse(scenario)!;
        request["days"] = double.Parse(days, System.Globalization.CultureInfo.InvariantCulture);
        var error = Assert.Single(await Http.AssertError(await client.PostAsync("/api/simulate", Http.Json(request.ToJsonString()), Token), 400));
        Assert.Equal(path, (string?)error!["path"]);
        Assert.Equal(cliLine, $"{error["path"]}: {error["message"]}");
    }

    [Theory]
    [InlineData(0.001, "$.days", "0.001 is outside the allowed range [0.01, 7300] days")]
    [InlineData(4000, "$.days", "4000 is outside this server's allowed range [0.01, 3650] days")]
    public async Task TopLevelDays_OutOfRange_NamesDays(double days, string path, string message)
    {
        var error = Assert.Single(await Http.AssertError(await client.PostAsync("/api/simulate", Http.Json($$"""{"days": {{days.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}"""), Token), 400));
        Assert.Equal(path, (string?)error!["path"]);
        Assert.StartsWith(message, (string?)error["message"]);
    }

    [Fact]
    public async Task UnknownFileAndEndpoint_AreJson404_WrongContentTypeIs415()
    {
        await Http.AssertError(await client.PostAsync("/api/simulate/plot.png", Http.Json("{}"), Token), 404);
        await Http.AssertError(await client.GetAsync("/api/nothing", Token), 404);
        var noTitration = await Http.AssertError(await client.PostAsync("/api/simulate/decisions.csv", Http.Json("""{"days": 2}"""), Token), 404);
        Assert.Equal("$.titration", (string?)noTitration[0]!["path"]);
        await Http.AssertError(await client.PostAsync("/api/simulate", new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"), Token), 415);
    }

    /// <summary>summary.json's bytes with the run record's command line blanked (every other byte is compared).</summary>
    private static byte[] WithoutCommandLine(byte[] summary) =>
        System.Text.Encoding.UTF8.GetBytes(System.Text.RegularExpressions.Regex.Replace(
            System.Text.Encoding.UTF8.GetString(summary), "\"commandLine\": \"[^\"\\n]*\"", "\"commandLine\": \"\""));
}
