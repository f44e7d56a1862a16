using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace TpoSim.Web.Tests.Hosting;

/// <summary>The server's caps: request size (413), time per request (400), a bounded queue (429 + Retry-After), cancellation on disconnect.</summary>
public sealed class LimitsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Untreated fluctuating ITP for ten years: a few seconds of solver work with weekly events.</summary>
    private static string LongScenario()
    {
        var doc = (JsonObject)JsonNode.Parse(File.ReadAllText(Http.RepoFile("scenarios/itp-fluctuating.json")))!;
        // Ten years (the server's cap) of fluctuating ITP on daily eltrombopag: seconds of work even after the
        // speed work of issue 18 (a ten-year run without doses finished inside the queue test's 400 ms wait).
        doc["simulation"] = new JsonObject { ["days"] = 3650, ["outputEveryDays"] = 0.5 };
        doc["doses"] = JsonNode.Parse("""[ { "drug": "eltrombopag", "route": "oral", "amount": 50, "unit": "mg", "day": 0, "everyDays": 1, "count": 3650 } ]""");
        return doc.ToJsonString();
    }

    [Fact]
    public async Task BodyOverTheSizeCap_Is413_WithOrWithoutContentLength()
    {
        using var factory = WebFactory.With(l => l.MaxRequestBytes = 1000);
        var client = factory.CreateClient();
        var big = "{\"name\": \"" + new string('x', 2000) + "\"}";
        var errors = await Http.AssertError(await client.PostAsync("/api/simulate", Http.Json(big), Token), 413);
        Assert.Contains("at most 1000 bytes", (string?)errors[0]!["message"]);
        // Chunked: no Content-Length, the cap holds while reading.
        var chunked = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = Http.JsonType;
        await Http.AssertError(await client.PostAsync("/api/simulate", chunked, Token), 413);
        await Http.AssertError(await client.PostAsync("/api/forecast", Http.Csv(new string('#', 2000)), Token), 413);
        // Still serving.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/simulate", Http.Json("""{"days": 1}"""), Token)).StatusCode);
    }

    [Fact]
    public async Task RunOverTheTimeCap_Is400NamingTheLimit_AndTheServerKeepsServing()
    {
        using var factory = WebFactory.With(l => l.RequestSeconds = 0.05);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health", Token)).StatusCode); // start-up
        var clock = Stopwatch.StartNew();
        var errors = await Http.AssertError(await client.PostAsync("/api/simulate", Http.Json(LongScenario()), Token), 400);
        Assert.Contains("at most 0.05 s per request", (string?)errors[0]!["message"]);
        Assert.True(clock.Elapsed.TotalSeconds < 2.5, $"the run should stop at its limit; took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/parameters", Token)).StatusCode);
    }

    [Fact]
    public async Task FullQueue_Is429WithRetryAfter_AndADisconnectedClientFreesItsSlot()
    {
        using var factory = WebFactory.With(l => { l.ComputeConcurrency = 1; l.ComputeQueue = 0; l.RetryAfterSeconds = 3; });
        var client = factory.CreateClient();
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var slow = client.PostAsync("/api/simulate", Http.Json(LongScenario()), gone.Token);
        await Task.Delay(400, Token);

        var busy = await client.PostAsync("/api/simulate", Http.Json("""{"days": 1}"""), Token);
        await Http.AssertError(busy, 429);
        Assert.Equal(TimeSpan.FromSeconds(3), busy.Headers.RetryAfter?.Delta);

        // The first client goes away: its run is cancelled, so the single slot is free again long before the run would end.
        await gone.CancelAsync();
        var freed = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slow);
        HttpResponseMessage next;
        do
        {
            next = await client.PostAsync("/api/simulate", Http.Json("""{"days": 1}"""), Token);
            if (next.StatusCode == HttpStatusCode.OK) break;
            await Task.Delay(20, Token);
        } while (freed.Elapsed.TotalSeconds < 30);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var freedAfter = freed.Elapsed;
        var whole = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/simulate", Http.Json(LongScenario()), Token)).StatusCode);
        Assert.True(freedAfter < whole.Elapsed / 2, $"slot freed {freedAfter.TotalSeconds:0.00} s after the disconnect; a whole run takes {whole.Elapsed.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task BadRequests_DoNotStopTheServer()
    {
        using var factory = new WebFactory();
        var client = factory.CreateClient();
        string[] bad = ["{", "[]", "null", """{"patient": {"weightKg": -3}}""", """{"events": [{"type": "warp"}]}""", new string('[', 5000)];
        foreach (var b in bad) await Http.AssertError(await client.PostAsync("/api/simulate", Http.Json(b), Token), 400);
        await Http.AssertError(await client.PostAsync("/api/interpret", Http.Json("{\"platelets\": \"many\"}"), Token), 400);
        await Http.AssertError(await client.PostAsync("/api/population", Http.Json("{\"trial\": 3}"), Token), 400);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/simulate", Http.Json("""{"days": 2}"""), Token)).StatusCode);
    }
}
