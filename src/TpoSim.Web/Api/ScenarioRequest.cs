using System.Globalization;
using System.Text.Json.Nodes;
using TpoSim.Scenarios;
using TpoSim.Web.Hosting;

namespace TpoSim.Web.Api;

/// <summary>
/// A scenario document sent to the server, parsed by the library's <see cref="ScenarioParser"/> (the same messages and
/// JSON paths as <c>tposim simulate</c>) and then held to the server's caps. A top-level <c>days</c> is the API's
/// form of the CLI's <c>--days</c>, so <c>{"days": 30}</c> is a valid request.
/// </summary>
public static class ScenarioRequest
{
    /// <summary>The scenario, with any warning; throws a 400 <see cref="ApiException"/> listing every problem.</summary>
    public static (Scenario Scenario, IReadOnlyList<string> Warnings) Parse(string json, ServerLimits limits)
    {
        double? days = null;
        JsonObject? root = null;
        try { root = JsonNode.Parse(json, documentOptions: JsonInput.Options) as JsonObject; }
        catch (System.Text.Json.JsonException) { } // the parser reports it with its position
        if (root is not null)
        {
            if (root.ContainsKey("doseTable"))
                throw ApiException.BadRequest("invalid scenario", [new ApiError("$.doseTable",
                    "not accepted by the server (it names a file on the server's disk); write the doses inline in 'doses'")]);
            if (root["days"] is JsonNode daysNode)
            {
                if (daysNode is not JsonValue v || !v.TryGetValue<double>(out var d))
                    throw ApiException.BadRequest("invalid scenario", [new ApiError(DaysPath, $"expected a number of days; allowed range [0.01, {F(limits.MaxDays)}] days")]);
                // 1e400 reads as infinity: refused here, as the CLI refuses --days 1e400 before parsing.
                if (!double.IsFinite(d))
                    throw ApiException.BadRequest("invalid scenario", [new ApiError(DaysPath, $"'{v.ToJsonString()}' is not a number; allowed range [0.01, {F(limits.MaxDays)}] days")]);
                days = d;
            }
        }
        // The document is parsed as sent: "days" changes the parsed scenario's span and the span's rules run again, the
        // CLI's --days path (ScenarioParser.Parse), with the same messages naming "$.days" instead of "--days".
        var parsed = days is null ? ScenarioParser.Parse(json) : ScenarioParser.Parse(json, days: days, daysName: DaysPath);
        if (!parsed.Succeeded)
            throw ApiException.BadRequest("invalid scenario", parsed.Errors.Select(e => new ApiError(e.Path, e.Message)).ToArray());
        var scenario = parsed.Value!;
        var errors = new List<ApiError>();
        if (scenario.Days > limits.MaxDays)
            errors.Add(new ApiError(days is null ? "$.simulation.days" : DaysPath, $"{F(scenario.Days)} is outside this server's allowed range [0.01, {F(limits.MaxDays)}] days (the CLI allows up to {F(ScenarioDefaults.MaxDays)})"));
        var points = Math.Floor(scenario.Days / scenario.OutputStepDays + 1e-9) + 1;
        if (points > limits.MaxOutputPoints)
            errors.Add(new ApiError("$.simulation.outputEveryDays",
                $"{F(scenario.OutputStepDays)} gives {F(points)} output points over {F(scenario.Days)} days; this server allows at most {limits.MaxOutputPoints}, so allowed ≥ {(scenario.Days / (limits.MaxOutputPoints - 1)).ToString("0.######", CultureInfo.InvariantCulture)} days"));
        if (errors.Count > 0) throw ApiException.BadRequest("scenario over the server's limits", errors);
        return (scenario, parsed.Warnings ?? []);
    }

    /// <summary>The request's top-level span field, as errors and warnings name it.</summary>
    private const string DaysPath = "$.days";

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
