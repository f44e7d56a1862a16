using System.Net;
using System.Text.RegularExpressions;
using TpoSim.Cli;
using TpoSim.Web.Hosting;
using Xunit;

namespace TpoSim.Web.Tests.Hosting;

/// <summary><c>tposim serve</c>: loopback only, prints its address, serves the API there.</summary>
public sealed partial class ServeTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://0.0.0.0:5080", "not a loopback address")]
    [InlineData("http://192.168.1.4:5080", "not a loopback address")]
    [InlineData("http://127.0.0.1:5080;http://example.org:80", "not a loopback address")]
    [InlineData("https://127.0.0.1:5080", "not an http URL")]
    [InlineData("nonsense", "not an http URL")]
    public void NonLoopbackAddresses_AreRefusedWithExit2(string urls, string message)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, CliApp.Run(["serve", "--urls", urls], stdout, stderr));
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("tposim: --urls: ", line);
        Assert.Contains(message, line);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("http://localhost:5080")]
    public void LoopbackAddresses_AreAccepted(string urls) => Assert.Null(TpoSimServer.CheckLoopback(urls));

    [Fact]
    public async Task Serve_PrintsItsAddress_AndAnswersThere()
    {
        using var stop = new CancellationTokenSource();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var server = Task.Run(() => TpoSimServer.Serve("http://127.0.0.1:0", TextWriter.Synchronized(stdout), stderr, stop.Token), Token);
        Match? match = null;
        for (var i = 0; i < 300 && !(match = Address().Match(stdout.ToString())).Success; i++) await Task.Delay(50, Token);
        Assert.True(match!.Success, $"no address printed: {stdout} {stderr}");
        using var client = new HttpClient { BaseAddress = new Uri(match.Groups[1].Value) };
        var health = await client.GetAsync("/api/health", Token);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await stop.CancelAsync();
        Assert.Equal(0, await server.WaitAsync(TimeSpan.FromSeconds(30), Token));
    }

    [GeneratedRegex(@"serving on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Address();
}
