using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TpoSim.Output.Files;
using TpoSim.Simulation;
using TpoSim.Web.Hosting;

namespace TpoSim.Web.Api;

/// <summary><c>POST /api/simulate</c> and the same run as the CLI's files (timeseries.csv, summary.json, decisions.csv).</summary>
public static class SimulateEndpoints
{
    /// <summary>
    /// The files a simulation can be downloaded as, byte for byte what <c>tposim simulate</c> writes; summary.json's
    /// <c>run</c> record names the request (<c>POST /api/simulate/summary.json</c>) where the CLI's names its command line.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, (string ContentType, Func<SimulationResult, RunProvenance, string?> Write)> Files =
        new Dictionary<string, (string, Func<SimulationResult, RunProvenance, string?>)>
        {
            ["timeseries.csv"] = ("text/csv; charset=utf-8", (r, _) => Text(w => TimeSeriesCsv.Write(r, w))),
            ["summary.json"] = ("application/json; charset=utf-8", (r, run) => SummaryJson.Serialize(r, run)),
            ["decisions.csv"] = ("text/csv; charset=utf-8", (r, _) => r.Titration is { } log ? Text(w => DecisionsCsv.Write(log, w)) : null),
        };

    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/simulate", async (HttpContext context, IOptions<ServerLimits> limits) =>
            {
                var result = await Run(context, limits.Value);
                return Results.Ok(SimulationResponse.From(result.Result, result.Warnings));
            })
            .WithName("Simulate").WithTags("simulate")
            .WithSummary("Simulate a scenario")
            .WithDescription("Takes a scenario document in the scenario-file format (docs/scenarios.md); fields left out take their defaults, and a top-level `days` overrides the span as the CLI's --days does, so `{\"days\": 30}` is valid. Returns every column of timeseries.csv, the summary (summary.json), doses in their ordered unit, the timeline and the titration's decisions. `doseTable` is not accepted (it names a server file).")
            .Accepts<JsonObject>("application/json")
            .Produces<SimulationResponse>()
            .Produces<ApiErrorBody>(StatusCodes.Status400BadRequest).Produces<ApiErrorBody>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ApiErrorBody>(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(TpoSimServer.ComputePolicy);

        app.MapPost("/api/simulate/{file}", async (string file, HttpContext context, IOptions<ServerLimits> limits) =>
            {
                if (!Files.TryGetValue(file, out var writer))
                    throw new ApiException(StatusCodes.Status404NotFound, "no such file", [new ApiError("file", $"'{file}' is not a simulation file; allowed: {string.Join(", ", Files.Keys)}")]);
                var result = await Run(context, limits.Value);
                var text = writer.Write(result.Result, RunProvenance.Of($"POST /api/simulate/{file}", result.Json));
                if (text is null)
                    throw new ApiException(StatusCodes.Status404NotFound, "no such file", [new ApiError("$.titration", $"{file} is written only when the scenario has a titration")]);
                return Results.Text(text, writer.ContentType);
            })
            .WithName("SimulateFile").WithTags("simulate")
            .WithSummary("Simulate a scenario and return one of the CLI's files")
            .WithDescription("file: timeseries.csv, summary.json or decisions.csv; the bytes `tposim simulate` writes for the same scenario.")
            .Accepts<JsonObject>("application/json")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "application/json")
            .Produces<ApiErrorBody>(StatusCodes.Status400BadRequest).Produces<ApiErrorBody>(StatusCodes.Status404NotFound)
            .RequireRateLimiting(TpoSimServer.ComputePolicy);
    }

    private static async Task<(SimulationResult Result, IReadOnlyList<string> Warnings, string Json)> Run(HttpContext context, ServerLimits limits)
    {
        var json = await RequestBody.ReadTextAsync(context, limits);
        var (scenario, warnings) = ScenarioRequest.Parse(json, limits);
        var result = await ComputeBudget.RunAsync(context, limits.RequestSeconds,
            token => Simulator.Run(scenario, cancellation: token), "shorten simulation.days or coarsen simulation.outputEveryDays");
        return (result, warnings, json);
    }

    private static string Text(Action<TextWriter> write)
    {
        using var w = new StringWriter { NewLine = "\n" };
        write(w);
        return w.ToString();
    }
}
