using System.Net;
using System.Text.Json.Nodes;
using TpoSim.Cli;
using Xunit;

namespace TpoSim.Web.Tests.Jobs;

/// <summary>Population jobs: start, poll, result, files (the CLI's bytes), cancel, the queue bound and abandoned jobs.</summary>
public sealed class PopulationApiTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private const string Trial = "itp-like-destruction.json";

    private static async Task<JsonNode> WaitFinished(HttpClient client, string id)
    {
        for (var i = 0; i < 1200; i++)
        {
            var s = await Http.JsonOf(await client.GetAsync($"/api/population/{id}", Token));
            if ((string?)s["state"] is not ("queued" or "running")) return s;
            await Task.Delay(100, Token);
        }
        throw new TimeoutException("job did not finish");
    }

    [Fact]
    public async Task Job_RunsToCompletion_AndItsFilesAreTheCliFiles()
    {
        using var factory = new WebFactory();
        var client = factory.CreateClient();
        var start = await client.PostAsync("/api/population", Http.Json($$"""{"trial": "{{Trial}}", "subjects": 6, "seed": 7}"""), Token);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var job = await Http.JsonOf(start);
        var id = (string)job["id"]!;
        Assert.Equal($"/api/population/{id}", start.Headers.Location?.ToString());
        var done = await WaitFinished(client, id);
        Assert.Equal("done", (string?)done["state"]);
        Assert.Equal(1, (double)done["progress"]!);

        var result = await Http.JsonOf(await client.GetAsync($"/api/population/{id}/result", Token));
        Assert.Equal(6, (int)result["succeeded"]!);
        var bands = result["plateletBands"]!.AsArray();
        Assert.Equal(5, bands.Count);
        Assert.Equal(result["days"]!.AsArray().Count, bands[2]!.AsArray().Count);
        Assert.Contains(result["endpoints"]!.AsArray(), e => (string?)e!["name"] == "fractionEverAtLeast50");

        var dir = Path.Combine(Path.GetTempPath(), "tposim-web-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.Equal(0, CliApp.Run(["population", Http.RepoFile($"populations/{Trial}"), "--subjects", "6", "--seed", "7", "--out", dir, "--quiet"], stdout, stderr));
            foreach (var file in new[] { "bands.csv", "subjects.csv", "metrics.json" })
                Assert.Equal(await File.ReadAllTextAsync(Path.Combine(dir, file), Token), await client.GetStringAsync($"/api/population/{id}/{file}", Token));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
        await Http.AssertError(await client.GetAsync($"/api/population/{id}/plot.svg", Token), 404);
        await Http.AssertError(await client.GetAsync("/api/population/nope", Token), 404);
    }

    [Theory]
    [InlineData("""{"trial": "itp-like-destruction.json", "subjects": 501}""", "$.subjects", "[1, 500]")]
    [InlineData("""{"trial": "itp-like-destruction.json", "subjects": 0}""", "$.subjects", "[1, 500]")]
    [InlineData("""{"trial": "../../etc/passwd"}""", "$.trial", "allowed: cit-carboplatin-v2.json, cit-carboplatin.json, cld-adapt-v2.json, cld-adapt.json, cld-lplus-pooled-v2.json, cld-lplus-pooled.json, cld-lplus2-v2.json, cld-lplus2.json")]
    [InlineData("""{"subjects": 3}""", "$.trial", "required")]
    [InlineData("""{"trial": "itp-like-destruction.json", "threads": 64}""", "$.threads", "unknown field")]
    [InlineData("""{"scenario": {"simulation": {"days": 9000}}}""", "$.scenario.simulation.days", "[0.01, 7300] days")]
    public async Task BadStarts_Are400WithPathAndRange(string json, string path, string message)
    {
        using var factory = new WebFactory();
        var errors = await Http.AssertError(await factory.CreateClient().PostAsync("/api/population", Http.Json(json), Token), 400);
        Assert.Contains(errors, e => (string?)e!["path"] == path && ((string?)e["message"])!.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullJobQueue_Is429WithRetryAfter_CancelStopsAJob_AndAnAbandonedJobIsCancelled()
    {
        using var factory = WebFactory.With(l => { l.MaxJobs = 1; l.JobLeaseSeconds = 1.5; });
        var client = factory.CreateClient();
        const string big = """{"trial": "itp-kuter2008.json", "subjects": 500, "seed": 1}""";
        var first = await Http.JsonOf(await client.PostAsync("/api/population", Http.Json(big), Token));
        var busy = await client.PostAsync("/api/population", Http.Json(big), Token);
        await Http.AssertError(busy, 429);
        Assert.NotNull(busy.Headers.RetryAfter?.Delta);

        var cancelled = await client.DeleteAsync($"/api/population/{first["id"]}", Token);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var status = await WaitFinished(client, (string)first["id"]!);
        Assert.Equal("cancelled", (string?)status["state"]);
        Assert.Equal("cancelled by its client", (string?)status["message"]);
        await Http.AssertError(await client.GetAsync($"/api/population/{first["id"]}/result", Token), 409);

        // The queue has room again; this job is never polled, so it is cancelled as abandoned after its lease.
        var second = await client.PostAsync("/api/population", Http.Json(big), Token);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var id = (string)(await Http.JsonOf(second))["id"]!;
        await Task.Delay(4000, Token);
        // The sweep has cancelled it by now (lease 1.5 s, sweep every 1 s); the run stops at its next cancellation
        // check, which on a loaded machine can come after the first poll, so wait for it to finish.
        var abandoned = await WaitFinished(client, id);
        Assert.Equal("cancelled", (string?)abandoned["state"]);
        Assert.Contains("stopped polling", (string?)abandoned["message"]);
    }
}
