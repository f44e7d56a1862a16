using System.Globalization;
using Microsoft.Extensions.Options;
using TpoSim.Parameters;
using TpoSim.Scenarios;
using TpoSim.Sensitivity;
using TpoSim.Web.Hosting;
using Endpoint = TpoSim.Sensitivity.Endpoint;

namespace TpoSim.Web.Api;

/// <summary>A parameter of the analysis, with what the page shows beside its bar.</summary>
/// <param name="Name">Name used in scenarios.</param>
/// <param name="Unit">Unit ("1" for dimensionless).</param>
/// <param name="Nominal">Value the scenario simulates with (defaults, condition, overrides), where the derivative is taken.</param>
/// <param name="Minimum">Smallest allowed value.</param>
/// <param name="Maximum">Largest allowed value.</param>
/// <param name="Scheme">Difference scheme: central, or forward/backward at a bound of the range.</param>
/// <param name="Description">Meaning.</param>
/// <param name="Source">Citation, or "assumed:" and why.</param>
public sealed record SensitivityParameterInfo(string Name, string Unit, double Nominal, double Minimum, double Maximum, string Scheme, string Description, string Source);

/// <summary>The sensitivity of one endpoint to one parameter.</summary>
/// <param name="Parameter">Parameter name.</param>
/// <param name="S">Normalised sensitivity ∂ ln endpoint / ∂ ln parameter (1); null where the endpoint is 0 or undefined.</param>
/// <param name="ErrorEstimate">Estimated error of S, |S(h/2) − S(h)|/3; null where undefined.</param>
/// <param name="Reliable">True when the error check passes.</param>
/// <param name="DEndpointDLnParameter">∂ endpoint / ∂ ln parameter, in the endpoint's unit; null where undefined.</param>
public sealed record ParameterSensitivity(string Parameter, double? S, double? ErrorEstimate, bool Reliable, double? DEndpointDLnParameter);

/// <summary>One endpoint and its sensitivities, largest |S| first (as sensitivities.csv of the CLI).</summary>
/// <param name="Name">Endpoint, in the CLI's grammar (e.g. nadir, count@28).</param>
/// <param name="Description">Meaning.</param>
/// <param name="Unit">Unit of the endpoint.</param>
/// <param name="Value">Its value in the scenario; null when undefined.</param>
/// <param name="Sensitivities">One per parameter, by |S|, undefined last.</param>
public sealed record EndpointSensitivities(string Name, string Description, string Unit, double? Value, IReadOnlyList<ParameterSensitivity> Sensitivities);

/// <summary>The answer of <c>POST /api/sensitivity</c>: the numbers of sensitivities.json of <c>tposim sensitivity local</c>, with each parameter's meaning and source.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Quantity">What S is.</param>
/// <param name="Method">How it was computed.</param>
/// <param name="LogStep">Step h in ln p.</param>
/// <param name="ErrorCheck">When an estimate counts as reliable.</param>
/// <param name="Runs">Simulations made.</param>
/// <param name="Parameters">The parameters.</param>
/// <param name="Endpoints">The endpoints.</param>
/// <param name="Warnings">Warnings of the scenario (e.g. a titration cut by days).</param>
public sealed record SensitivityResponse(string Scenario, string Quantity, string Method, double LogStep, string ErrorCheck, int Runs,
    IReadOnlyList<SensitivityParameterInfo> Parameters, IReadOnlyList<EndpointSensitivities> Endpoints, IReadOnlyList<string> Warnings);

/// <summary>
/// <c>POST /api/sensitivity</c>: the "what drives this?" panel. The scenario document as for <c>/api/simulate</c>, the
/// CLI's options as query parameters; runs the library's <see cref="ScenarioLocalAnalysis"/> (as <c>tposim sensitivity
/// local</c> does) under a cap on its cost, 4 runs per parameter plus one, each as long as the scenario.
/// </summary>
public static class SensitivityEndpoints
{
    /// <summary>The endpoints the panel asks for when the request names none: those of the page's summary.</summary>
    public static string DefaultEndpoints => ScenarioLocalAnalysis.DefaultEndpoints;

    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sensitivity", async (HttpContext context, IOptions<ServerLimits> limits, string? parameters, string? endpoints, double? step) =>
            {
                var l = limits.Value;
                var json = await RequestBody.ReadTextAsync(context, l);
                var (scenario, warnings) = ScenarioRequest.Parse(json, l);
                var request = Check(scenario, parameters, endpoints, step ?? 0.02, l);
                var analysis = await ComputeBudget.RunAsync(context, l.RequestSeconds,
                    token => ScenarioLocalAnalysis.Run(scenario, request.Parameters, request.Endpoints,
                        new LocalSensitivityOptions(request.Step, Math.Max(1, l.SensitivityThreads)) { Cancellation = token }),
                    "name fewer ?parameters or shorten simulation.days");
                return Results.Ok(From(analysis, warnings));
            })
            .WithName("Sensitivity").WithTags("sensitivity")
            .WithSummary("What drives this? Local sensitivities of a scenario's endpoints to the model's parameters")
            .WithDescription("Body: a scenario document, as for POST /api/simulate. Query, as the options of `tposim sensitivity local`: `parameters` (comma-separated names from GET /api/parameters; default every non-switch parameter > 0 in the scenario), `endpoints` (comma-separated, e.g. `nadir,count@28,tpo-steady`; default `" + ScenarioLocalAnalysis.DefaultEndpoints + "`), `step` (h in ln p, (0, 0.5], default 0.02). Returns the normalised sensitivities S = ∂ ln endpoint / ∂ ln parameter with their error check, each endpoint's parameters by |S|, and each parameter's unit, meaning and source: the numbers of sensitivities.json. Cost: 4 runs per parameter (3 at a bound) plus one; runs × days is capped (400 with the allowed range).")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json")
            .Produces<SensitivityResponse>()
            .Produces<ApiErrorBody>(StatusCodes.Status400BadRequest).Produces<ApiErrorBody>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ApiErrorBody>(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(TpoSimServer.ComputePolicy);
    }

    /// <summary>What a request asks for, checked.</summary>
    /// <param name="Parameters">Parameter names.</param>
    /// <param name="Endpoints">Endpoints.</param>
    /// <param name="Step">Step h in ln p.</param>
    /// <param name="Runs">Simulations the analysis will make.</param>
    public sealed record Request(IReadOnlyList<string> Parameters, IReadOnlyList<Endpoint> Endpoints, double Step, int Runs);

    /// <summary>
    /// Checks the options as <c>tposim sensitivity local</c> does (the same messages, with the query parameter as the path)
    /// and the server's cost cap; throws a 400 <see cref="ApiException"/>.
    /// </summary>
    public static Request Check(Scenario scenario, string? parameters, string? endpoints, double step, ServerLimits limits)
    {
        if (!(step > 0 && step <= 0.5)) throw Bad("?step", $"{F(step)} is outside the allowed range (0, 0.5]");
        var (chosen, endpointError) = EndpointGrammar.ParseList(endpoints ?? DefaultEndpoints, scenario.Days, scenario.Titration is not null);
        if (endpointError is not null) throw Bad("?endpoints", endpointError);
        var names = parameters is null
            ? ScenarioProblem.DefaultParameterNames(scenario)
            : parameters.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var (resolved, resolveError) = ScenarioProblem.Resolve(scenario, names);
        if (resolveError is not null) throw Bad("?parameters", resolveError);
        if (resolved.Count == 0) throw Bad("?parameters", "no parameter given; allowed: names from GET /api/parameters, comma-separated");
        var runs = 1;
        foreach (var p in resolved)
        {
            if (!(p.Nominal > 0))
                throw Bad("?parameters", $"{p.Name} is {F(p.Nominal)} in this scenario; a normalised sensitivity needs a value > 0 (allowed range [{F(p.Minimum)}, {F(p.Maximum)}] {p.Unit})");
            if (DifferenceSchemes.For(p.Nominal, p.Minimum, p.Maximum, step) is not { } scheme)
                throw Bad("?step", $"{F(step)} does not fit {p.Name}'s range [{F(p.Minimum)}, {F(p.Maximum)}] around {F(p.Nominal)}; use a smaller step");
            else runs += DifferenceSchemes.Offsets(scheme, step).Length;
        }
        // Cost ∝ runs × simulated days (each run solves the whole scenario): the cap keeps one request within the
        // time a page user waits for, and the time budget stops whatever a slow machine still makes too long.
        var cost = runs * scenario.Days;
        if (cost > limits.MaxSensitivityRunDays)
            throw Bad("?parameters", $"{resolved.Count} parameters need {runs} runs of {F(scenario.Days)} days = {F(cost)} run-days; this server allows at most {F(limits.MaxSensitivityRunDays)} (name fewer parameters or shorten simulation.days)");
        return new Request(resolved.Select(p => p.Name).ToArray(), chosen, step, runs);
    }

    /// <summary>The response for an analysis: endpoints in request order, parameters by |S|, with the catalogue's meaning and source.</summary>
    public static SensitivityResponse From(ScenarioLocalSensitivity analysis, IReadOnlyList<string> warnings)
    {
        var r = analysis.Result;
        var parameters = r.Problem.Parameters.Select((p, i) =>
        {
            ParameterCatalog.TryGet(p.Name, out var d);
            return new SensitivityParameterInfo(p.Name, p.Unit, p.Nominal, p.Minimum, p.Maximum, LocalSensitivityFiles.SchemeName(r.Schemes[i]), d?.Description ?? "", d?.Source ?? "");
        }).ToArray();
        var endpoints = analysis.Endpoints.Select((e, k) => new EndpointSensitivities(e.Name, e.Description, e.Unit, Finite(r.BaseOutputs[k]),
            r.Ranking(k).Select(i =>
            {
                var s = r.Values[i][k];
                return new ParameterSensitivity(r.Problem.Parameters[i].Name, Finite(s.Normalised), Finite(s.ErrorEstimate), s.Reliable, Finite(s.Derivative));
            }).ToArray())).ToArray();
        return new SensitivityResponse(analysis.Scenario.Name, "normalised sensitivity S = ∂ ln endpoint / ∂ ln parameter (1): +1 means 1% more parameter gives 1% more endpoint",
            "second-order finite differences in ln p at steps h and h/2, Richardson-extrapolated (as tposim sensitivity local; docs/sensitivity.md)",
            r.Options.LogStep, $"reliable when the error estimate ≤ {F(r.Options.RelativeTolerance)}·|S| + {F(r.Options.AbsoluteTolerance)}",
            r.Runs, parameters, endpoints, warnings);
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static ApiException Bad(string path, string message) => ApiException.BadRequest("invalid sensitivity request", [new ApiError(path, message)]);

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
