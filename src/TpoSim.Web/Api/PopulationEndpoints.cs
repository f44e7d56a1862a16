using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TpoSim.Population;
using TpoSim.Scenarios;
using TpoSim.Web.Hosting;
using TpoSim.Web.Jobs;

namespace TpoSim.Web.Api;

/// <summary>Where a population job is.</summary>
/// <param name="Id">Job id.</param>
/// <param name="Trial">Trial file, or "scenario".</param>
/// <param name="Name">Population name.</param>
/// <param name="Subjects">Subjects requested.</param>
/// <param name="Seed">Seed.</param>
/// <param name="State">queued, running, done, cancelled or failed.</param>
/// <param name="Progress">Fraction done, 0–1.</param>
/// <param name="Message">Why it was cancelled or failed.</param>
/// <param name="ElapsedSeconds">Seconds spent running (once finished).</param>
public sealed record JobStatus(string Id, string Trial, string Name, int Subjects, long Seed, string State, double Progress, string? Message, double ElapsedSeconds)
{
    /// <summary>From a job.</summary>
    public static JobStatus Of(PopulationJob j) => new(j.Id, j.Trial, j.Definition.Name, j.Subjects, j.Seed,
        j.State.ToString().ToLowerInvariant(), Math.Round(j.Progress, 4), j.Message, Math.Round(j.ElapsedSeconds, 3));
}

/// <summary>One trial statistic (metrics.json) with its Monte-Carlo SE; null where undefined.</summary>
/// <param name="Name">JSON name in metrics.json.</param>
/// <param name="Description">Description.</param>
/// <param name="Value">Value (fractions 0–1), null when undefined or never reached.</param>
/// <param name="Unit">Unit.</param>
/// <param name="StandardError">SE of a fraction, else null.</param>
/// <param name="Published">The published value the population file declares beside this endpoint, else null.</param>
/// <param name="PublishedText">What the paper reports, with its source, else null.</param>
public sealed record EndpointRow(string Name, string Description, double? Value, string Unit, double? StandardError, double? Published = null, string? PublishedText = null);

/// <summary>A finished population job: percentile bands and the endpoint table.</summary>
/// <param name="Name">Population name.</param>
/// <param name="Percentiles">5, 25, 50, 75, 95.</param>
/// <param name="Days">Output days.</param>
/// <param name="PlateletBands">Platelet percentiles, one array per percentile, 10^9/L.</param>
/// <param name="TpoBands">Free TPO percentiles, pg/mL.</param>
/// <param name="Requested">Subjects requested.</param>
/// <param name="Screened">Candidates screened.</param>
/// <param name="ScreenFailures">Candidates turned away by the inclusion rule.</param>
/// <param name="Succeeded">Subjects simulated.</param>
/// <param name="Failed">Subjects whose simulation failed.</param>
/// <param name="Endpoints">Trial statistics.</param>
/// <param name="Metrics">metrics.json of <c>tposim population</c>.</param>
public sealed record PopulationResponse(string Name, IReadOnlyList<double> Percentiles, IReadOnlyList<double> Days, IReadOnlyList<double[]> PlateletBands,
    IReadOnlyList<double[]> TpoBands, int Requested, int Screened, int ScreenFailures, int Succeeded, int Failed, IReadOnlyList<EndpointRow> Endpoints, JsonNode Metrics);

/// <summary>Population jobs: start, poll, cancel, result and the CLI's files.</summary>
public static class PopulationEndpoints
{
    private static readonly string[] Fields = ["trial", "scenario", "subjects", "seed"];

    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/population").WithTags("population");
        api.MapPost("", async (HttpContext context, IOptions<ServerLimits> limits, DataFiles data, PopulationJobs jobs) =>
            {
                var l = limits.Value;
                var (trial, definition, subjects, seed) = ReadRequest(await RequestBody.ReadTextAsync(context, l), l, data);
                var job = jobs.Start(trial, definition, subjects, seed);
                if (job is null)
                {
                    context.Response.Headers.RetryAfter = (l.RetryAfterSeconds * 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Results.Json(TpoSimServer.Busy(l.MaxJobs, "population jobs"), statusCode: StatusCodes.Status429TooManyRequests);
                }
                return Results.Accepted($"/api/population/{job.Id}", JobStatus.Of(job));
            })
            .WithName("StartPopulation")
            .WithSummary("Start a virtual trial in the background")
            .WithDescription("Body: {\"trial\": FILE (GET /api/trials), or \"scenario\": a scenario document (default variability), \"subjects\": N, \"seed\": S}. Answers 202 with the job; poll GET /api/population/{id} at least every lease period, or the job is cancelled as abandoned. 429 with Retry-After when the job queue is full.")
            .Accepts<JsonObject>("application/json")
            .Produces<JobStatus>(StatusCodes.Status202Accepted).Produces<ApiErrorBody>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorBody>(StatusCodes.Status429TooManyRequests);

        api.MapGet("/{id}", (string id, PopulationJobs jobs) => JobStatus.Of(Find(jobs, id)))
            .WithName("PopulationStatus").WithSummary("Poll a job: state and progress").Produces<ApiErrorBody>(StatusCodes.Status404NotFound);

        api.MapDelete("/{id}", (string id, PopulationJobs jobs) => Cancel(jobs, id))
            .WithName("CancelPopulation").WithSummary("Cancel a job").Produces<ApiErrorBody>(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/cancel", (string id, PopulationJobs jobs) => Cancel(jobs, id))
            .WithName("CancelPopulationPost").WithSummary("Cancel a job (for navigator.sendBeacon when the page closes)").Produces<ApiErrorBody>(StatusCodes.Status404NotFound);

        api.MapGet("/{id}/result", (string id, PopulationJobs jobs) =>
            {
                var r = Finished(Find(jobs, id));
                return new PopulationResponse(r.Definition.Name, PopulationResult.Percentiles, r.Days, r.PlateletBands, r.TpoBands, r.Requested, r.Screened,
                    r.ScreenFailureCount, r.Succeeded, r.Failed,
                    PopulationMetrics.Reported(r).Select(x => new EndpointRow(x.Statistic.Name, x.Statistic.Description, Finite(x.Statistic.Value), x.Statistic.Unit,
                        Finite(x.Statistic.StandardError), x.Published?.Value, x.Published?.Text)).ToArray(),
                    JsonNode.Parse(PopulationMetrics.Json(r))!);
            })
            .WithName("PopulationResult").WithSummary("A finished job's percentile bands and endpoint table")
            .Produces<PopulationResponse>().Produces<ApiErrorBody>(StatusCodes.Status404NotFound).Produces<ApiErrorBody>(StatusCodes.Status409Conflict);

        api.MapGet("/{id}/{file}", (string id, string file, PopulationJobs jobs) =>
            {
                var r = Finished(Find(jobs, id));
                return file switch
                {
                    "bands.csv" => Results.Text(PopulationFiles.BandsCsv(r), "text/csv; charset=utf-8"),
                    "subjects.csv" => Results.Text(PopulationFiles.SubjectsCsv(r), "text/csv; charset=utf-8"),
                    "metrics.json" => Results.Text(PopulationMetrics.Json(r), "application/json; charset=utf-8"),
                    _ => throw new ApiException(StatusCodes.Status404NotFound, "no such file", [new ApiError("file", $"'{file}' is not a population file; allowed: bands.csv, subjects.csv, metrics.json")]),
                };
            })
            .WithName("PopulationFile").WithSummary("A finished job's bands.csv, subjects.csv or metrics.json, as `tposim population` writes them")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "application/json").Produces<ApiErrorBody>(StatusCodes.Status404NotFound);
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static IResult Cancel(PopulationJobs jobs, string id)
    {
        var job = Find(jobs, id);
        jobs.Cancel(id, "cancelled by its client");
        return Results.Ok(JobStatus.Of(job));
    }

    private static PopulationJob Find(PopulationJobs jobs, string id) => jobs.Get(id)
        ?? throw new ApiException(StatusCodes.Status404NotFound, "no such job", [new ApiError("id", $"no population job '{id}' (finished jobs are kept for a while after their last poll)")]);

    private static PopulationResult Finished(PopulationJob job) => job.State == JobState.Done && job.Result is { } r ? r
        : throw new ApiException(StatusCodes.Status409Conflict, "job not done", [new ApiError("id", $"job {job.Id} is {job.State.ToString().ToLowerInvariant()}{(job.Message is null ? "" : $" ({job.Message})")}; its result exists once it is done")]);

    /// <summary>Parses and checks a start request against the server's caps.</summary>
    internal static (string Trial, PopulationDefinition Definition, int Subjects, long Seed) ReadRequest(string text, ServerLimits limits, DataFiles data)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: JsonInput.Options) as JsonObject ?? throw ApiException.BadRequest("$", "expected a JSON object with 'trial' or 'scenario', 'subjects' and 'seed'");
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest("$", $"not valid JSON (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1})");
        }
        var errors = new List<ApiError>();
        foreach (var key in root.Select(p => p.Key).Where(k => !Fields.Contains(k)))
            errors.Add(new ApiError($"$.{key}", $"unknown field; allowed: {string.Join(", ", Fields)}"));
        var subjects = Integer(root, "subjects", 1, limits.MaxSubjects, 100, errors, $" (this server's cap; the CLI allows up to {PopulationRunner.MaxSubjects})");
        var seed = Integer(root, "seed", long.MinValue, long.MaxValue, 1, errors, "");
        string trial;
        PopulationDefinition? definition = null;
        if (root["trial"] is JsonValue tv && tv.TryGetValue<string>(out var file))
        {
            trial = file;
            var listed = DataFiles.ListJson(data.Populations);
            if (DataFiles.Find(data.Populations, file, listed) is not { } path)
                errors.Add(new ApiError("$.trial", $"unknown trial file '{file}'; allowed: {string.Join(", ", listed.Select(f => f.File))}"));
            else
            {
                var parsed = PopulationParser.ParseFile(path);
                if (parsed.Succeeded) definition = parsed.Value;
                else errors.AddRange(parsed.Errors.Select(e => new ApiError(e.Path, e.Message)));
            }
            if (root.ContainsKey("scenario")) errors.Add(new ApiError("$.scenario", "give either 'trial' or 'scenario', not both"));
        }
        else if (root["scenario"] is JsonObject scenarioNode)
        {
            trial = "scenario";
            try
            {
                var (scenario, _) = ScenarioRequest.Parse(scenarioNode.ToJsonString(), limits);
                definition = PopulationDefinition.DefaultFor(scenario);
            }
            catch (ApiException e)
            {
                errors.AddRange(e.Errors.Select(x => x with { Path = "$.scenario" + x.Path.TrimStart('$') }));
            }
        }
        else
        {
            trial = "";
            errors.Add(new ApiError("$.trial", "required: a trial file name (GET /api/trials), or 'scenario': a scenario object"));
        }
        if (definition is not null)
        {
            if (definition.BaseScenario.Days > limits.MaxDays)
                errors.Add(new ApiError("$.trial", $"the trial simulates {definition.BaseScenario.Days} days; this server allows at most {limits.MaxDays}"));
            if (errors.Count == 0 && PopulationRunner.CheckSize(definition.BaseScenario, (int)subjects) is { } size)
                errors.Add(new ApiError("$.scenario.simulation.outputEveryDays", size));
        }
        if (errors.Count > 0) throw ApiException.BadRequest("invalid population request", errors);
        return (trial, definition!, (int)subjects, seed);
    }

    private static long Integer(JsonObject root, string name, long min, long max, long fallback, List<ApiError> errors, string note)
    {
        if (root[name] is not JsonNode node) return fallback;
        if (node is JsonValue v && v.TryGetValue<long>(out var value))
        {
            if (value >= min && value <= max) return value;
            errors.Add(new ApiError($"$.{name}", $"{value} is outside the allowed range [{min}, {max}]{note}"));
        }
        else if (node is JsonValue d && d.TryGetValue<double>(out var real) && real == Math.Floor(real) && real >= min && real <= max) return (long)real;
        else errors.Add(new ApiError($"$.{name}", $"expected a whole number; allowed range [{min}, {max}]{note}"));
        return fallback;
    }
}
