using System.Net;
using TpoSim.Cli;
using Xunit;

namespace TpoSim.Web.Tests.Api;

/// <summary>POST /api/interpret: the readings of <c>tposim interpret</c>, with its messages for bad values.</summary>
public sealed class InterpretApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(15, 70)]
    [InlineData(600, 160)]
    public async Task TopReading_IsTheCliTopReading(double platelets, double tpo)
    {
        var response = await client.PostAsync("/api/interpret", Http.Json($$"""{"platelets": {{platelets}}, "tpo": {{tpo}}}"""), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Http.JsonOf(response);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, CliApp.Run(["interpret", "--platelets", $"{platelets}", "--tpo", $"{tpo}"], stdout, stderr));
        var top = body["readings"]![0]!;
        var plausibility = TpoSim.Diagnosis.Interpretation.Percent((double)top["plausibility"]!);
        Assert.Contains($"Top reading: {(string?)top["title"]} ({plausibility}).", stdout.ToString());
        var sum = body["readings"]!.AsArray().Sum(r => (double)r!["plausibility"]!);
        Assert.Equal(1, sum, 1e-6);
        Assert.StartsWith("<svg", ((string?)body["planeSvg"])!.TrimStart());
        Assert.Equal(TpoSim.Diagnosis.Interpreter.Disclaimer, (string?)body["disclaimer"]);
    }

    [Theory]
    [InlineData("""{"tpo": 70}""", "$.platelets", "required")]
    [InlineData("""{"platelets": 5000, "tpo": 70}""", "$.platelets", "platelet count 5000 is outside 1–3000 ×10^9/L")]
    [InlineData("""{"platelets": 20, "tpo": 70, "tpoUnit": "ng"}""", "$.tpoUnit", "allowed: pg/mL or pM")]
    [InlineData("""{"platelets": 20, "tpo": 70, "color": 1}""", "$", "unknown field")]
    [InlineData("""{"platelets": 20, "tpo": "a"}""", "$.tpo", "expected a number, found the text \"a\"")]
    [InlineData("""{"platelets": [20], "tpo": 70}""", "$.platelets", "expected a number, found an array")]
    [InlineData("""{"platelets": 20, "tpo": 70, "tpoUnit": 3}""", "$.tpoUnit", "expected a text, found the number 3")]
    public async Task BadPairs_Are400WithPathAndRange(string json, string path, string message)
    {
        var errors = await Http.AssertError(await client.PostAsync("/api/interpret", Http.Json(json), Token), 400);
        Assert.Contains(errors, e => ((string?)e!["path"])!.StartsWith(path, StringComparison.Ordinal) && ((string?)e["message"])!.Contains(message, StringComparison.Ordinal));
    }
}
