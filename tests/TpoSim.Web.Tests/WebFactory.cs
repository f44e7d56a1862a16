using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TpoSim.Web.Hosting;
using Xunit;

namespace TpoSim.Web.Tests;

/// <summary>The app in process (TestServer), with the default limits or changed ones.</summary>
public sealed class WebFactory : WebApplicationFactory<ServerLimits>
{
    private readonly Action<ServerLimits>? limits;

    /// <summary>The default limits.</summary>
    public WebFactory() { }

    private WebFactory(Action<ServerLimits> limits) => this.limits = limits;

    /// <summary>The app with <paramref name="limits"/> applied to its <see cref="ServerLimits"/>.</summary>
    public static WebFactory With(Action<ServerLimits> limits) => new(limits);

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // A fit takes minutes on a loaded shared machine: the time cap has its own test.
        builder.ConfigureServices(s => s.PostConfigure<ServerLimits>(l => l.RequestSeconds = 900));
        if (limits is not null) builder.ConfigureServices(s => s.PostConfigure(limits));
    }
}

/// <summary>Helpers for requests and error bodies.</summary>
internal static class Http
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");

    public static async Task<JsonNode> JsonOf(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    /// <summary>Asserts an error body: the status, and (path, message) pairs; never a stack trace.</summary>
    public static async Task<JsonArray> AssertError(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType ?? "");
        AssertNoTrace(text);
        var body = JsonNode.Parse(text)!;
        Assert.Equal(status, (int)body["status"]!);
        var errors = body["errors"]!.AsArray();
        Assert.NotEmpty(errors);
        foreach (var e in errors)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)e!["path"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)e["message"]));
        }
        return errors;
    }

    public static void AssertNoTrace(string text)
    {
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain(".cs:line", text);
    }

    public static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TpoSim.slnx"))) return Path.Combine(dir.FullName, relative);
        throw new InvalidOperationException("TpoSim.slnx not found");
    }

    public static MediaTypeHeaderValue JsonType => new("application/json");

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
