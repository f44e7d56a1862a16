using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TpoSim.Dosing;
using TpoSim.Fitting;
using TpoSim.Forecasting;
using TpoSim.Web.Hosting;

namespace TpoSim.Web.Api;

/// <summary>An observation of the uploaded history.</summary>
/// <param name="Day">Day.</param>
/// <param name="Kind">platelets (10^9/L) or tpo (pg/mL).</param>
/// <param name="Value">Value.</param>
public sealed record ObservationPoint(double Day, string Kind, double Value);

/// <summary>The fitted curve and its 95% band over the history.</summary>
/// <param name="Days">Days.</param>
/// <param name="Platelets">Platelets at the MAP estimates, 10^9/L.</param>
/// <param name="PlateletsLow">2.5th percentile over Laplace draws.</param>
/// <param name="PlateletsHigh">97.5th percentile.</param>
/// <param name="Tpo">Free TPO at the MAP estimates, pg/mL.</param>
public sealed record FitCurve(double[] Days, double[] Platelets, double[] PlateletsLow, double[] PlateletsHigh, double[] Tpo);

/// <summary>The answer of <c>POST /api/fit</c>.</summary>
/// <param name="Fit">fit.json of <c>tposim fit</c>.</param>
/// <param name="Curve">The fitted curve with its band.</param>
/// <param name="Observations">The history's observations.</param>
/// <param name="Doses">The history's doses in their unit.</param>
public sealed record FitResponse(JsonNode Fit, FitCurve Curve, IReadOnlyList<ObservationPoint> Observations, IReadOnlyList<DoseMark> Doses);

/// <summary>One regimen's projection: the 5/25/50/75/95 percentile bands of the platelet count.</summary>
/// <param name="Name">Regimen name.</param>
/// <param name="Bands">Five arrays over <see cref="ForecastResponse.Days"/>.</param>
public sealed record RegimenBands(string Name, double[][] Bands);

/// <summary>The answer of <c>POST /api/forecast</c>.</summary>
/// <param name="Fit">fit.json of the fit the forecast starts from.</param>
/// <param name="Forecast">forecast.json of <c>tposim forecast</c> (regimens, recommendation, reason, disclaimer).</param>
/// <param name="Days">Days of the projection.</param>
/// <param name="Regimens">Each regimen's bands.</param>
/// <param name="HistoryDays">Days of the fitted history curve.</param>
/// <param name="HistoryPlatelets">The fitted history curve.</param>
/// <param name="Observations">The history's observations.</param>
/// <param name="Recommendation">The recommended regimen.</param>
/// <param name="Reason">Why.</param>
/// <param name="Disclaimer">It supports, and does not replace, clinical judgment.</param>
public sealed record ForecastResponse(JsonNode Fit, JsonNode Forecast, double[] Days, IReadOnlyList<RegimenBands> Regimens, IReadOnlyList<double> HistoryDays,
    IReadOnlyList<double> HistoryPlatelets, IReadOnlyList<ObservationPoint> Observations, string Recommendation, string Reason, string Disclaimer);

/// <summary><c>POST /api/fit</c> and <c>POST /api/forecast</c>: a patient history in the fit CSV format (docs/fit-forecast.md) as the body.</summary>
public static class FitEndpoints
{
    /// <summary>Laplace draws behind the fit's band (as fit.svg of the CLI).</summary>
    public const int BandDraws = 40;

    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/fit", async (HttpContext context, IOptions<ServerLimits> limits, string? condition, string? drug, double? weightKg, int? maxIterations) =>
            {
                var l = limits.Value;
                var iterations = maxIterations ?? 50;
                if (iterations is < 1 or > 1000) throw ApiException.BadRequest("?maxIterations", $"{iterations} is outside the allowed range [1, 1000]");
                var (history, text) = await History(context, l, condition, drug, weightKg);
                return await ComputeBudget.RunAsync(context, l.RequestSeconds, token =>
                {
                    var problem = new FitProblem(history, FitPrior.For(history.PriorName)!);
                    var fit = FitCache.GetOrFit(text, condition, drug, weightKg, problem, new MapOptions(MaxIterations: iterations), token);
                    var curves = FitCurves.Compute(fit, fit.Converged ? BandDraws : 0, 1, Environment.ProcessorCount, token);
                    return new FitResponse(JsonNode.Parse(FitFiles.Json(fit))!, new FitCurve(curves.Days, curves.MapPlatelets, curves.PlateletLow, curves.PlateletHigh, curves.MapTpo),
                        Observations(history), Doses(history));
                }, "fewer observations, or a smaller maxIterations");
            })
            .WithName("Fit").WithTags("fit and forecast")
            .WithSummary("Fit the model to a patient's history (MAP Bayes)")
            .WithDescription("Body: the patient history CSV (ID,TIME[h],AMT,EVID,CMT,II,ADDL,DV with '# drug:', '# unit:', '# weightKg:' header lines). Query: condition, drug, weightKg override the file's header lines; maxIterations (1–1000, default 50). Returns fit.json of `tposim fit` (estimates with 95% Laplace intervals, converged flag), the fitted curve with its 95% band, and the observations.")
            .Accepts<string>("text/csv", "text/plain", "application/octet-stream")
            .Produces<FitResponse>().Produces<ApiErrorBody>(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(TpoSimServer.ComputePolicy);

        app.MapPost("/api/forecast", async (HttpContext context, IOptions<ServerLimits> limits, int? weeks, double? targetLow, double? targetHigh, double? maxRisk,
                int? samples, int? seed, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? regimen, string? condition, string? drug, double? weightKg) =>
            {
                var l = limits.Value;
                var errors = new List<ApiError>();
                var w = weeks ?? 8;
                if (w is < 1 or > 52) errors.Add(new ApiError("?weeks", $"{w} is outside the allowed range [1, 52]"));
                var (low, high) = (targetLow ?? 50, targetHigh ?? 150);
                if (!(low >= 0 && high > low && high <= 2000)) errors.Add(new ApiError("?targetLow", $"target {F(low)}-{F(high)} is not a range; allowed: 0 ≤ targetLow < targetHigh ≤ 2000 (10^9/L)"));
                var risk = maxRisk ?? 0.1;
                if (!(risk is >= 0 and <= 1)) errors.Add(new ApiError("?maxRisk", $"{F(risk)} is outside the allowed range [0, 1]"));
                var n = samples ?? 100;
                if (n < 10 || n > Math.Min(2000, l.MaxSamples)) errors.Add(new ApiError("?samples", $"{n} is outside this server's allowed range [10, {Math.Min(2000, l.MaxSamples)}] (the CLI allows up to 2000)"));
                var regimens = new List<Regimen>();
                foreach (var asked in regimen ?? [])
                {
                    var (r, error) = Regimen.Parse(asked);
                    if (error is not null) errors.Add(new ApiError("?regimen", error));
                    else regimens.Add(r!);
                }
                if (regimens.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1) is { } twice) errors.Add(new ApiError("?regimen", $"'{twice.Key}' is asked twice; each regimen once"));
                if (errors.Count > 0) throw ApiException.BadRequest("invalid forecast request", errors);
                var (history, text) = await History(context, l, condition, drug, weightKg);
                if (regimens.Count == 0) regimens.AddRange(Forecaster.DefaultRegimens(history));
                var problems = Forecaster.Check(history, regimens);
                if (problems.Count > 0) throw ApiException.BadRequest("invalid forecast request", problems.Select(p => new ApiError("?regimen", p)).ToArray());
                return await ComputeBudget.RunAsync(context, l.RequestSeconds, token =>
                {
                    var problem = new FitProblem(history, FitPrior.For(history.PriorName)!);
                    var fit = FitCache.GetOrFit(text, condition, drug, weightKg, problem, new MapOptions(), token);
                    token.ThrowIfCancellationRequested(); // over the time budget: a 400 naming the limit, not a failed fit
                    if (!fit.Converged)
                        throw new ApiException(StatusCodes.Status422UnprocessableEntity, "fit did not converge", [new ApiError("$", $"the fit did not converge ({fit.Message}); no forecast")]);
                    var options = new ForecastOptions(w, low, high, risk, Samples: n, Seed: seed ?? 1, Threads: Environment.ProcessorCount);
                    var result = Forecaster.Run(fit, regimens, options, cancellation: token);
                    return new ForecastResponse(JsonNode.Parse(FitFiles.Json(fit))!, JsonNode.Parse(ForecastFiles.Json(result))!, result.Days,
                        result.Regimens.Select(r => new RegimenBands(r.Regimen.Name, r.Bands)).ToArray(), result.HistoryDays, result.HistoryPlatelets,
                        Observations(history), result.Regimens[result.Recommended].Regimen.Name, result.Reason, ForecastResult.Disclaimer);
                }, "fewer weeks or samples");
            })
            .WithName("Forecast").WithTags("fit and forecast")
            .WithSummary("Fit a patient's history, project candidate regimens and recommend one")
            .WithDescription("Body: the patient history CSV. Query: weeks (1–52, default 8), targetLow/targetHigh (default 50/150), maxRisk (default 0.1), samples (10–server cap, default 100), seed, regimen (repeatable: label, hold, fixed:X; default label, hold and fixed doses next to the current one). Returns forecast.json of `tposim forecast` with each regimen's 5–95% bands, the recommendation, its reason and the disclaimer: it supports, and does not replace, clinical judgment.")
            .Accepts<string>("text/csv", "text/plain", "application/octet-stream")
            .Produces<ForecastResponse>().Produces<ApiErrorBody>(StatusCodes.Status400BadRequest).Produces<ApiErrorBody>(StatusCodes.Status422UnprocessableEntity)
            .RequireRateLimiting(TpoSimServer.ComputePolicy);
    }

    private static async Task<(PatientHistory History, string Text)> History(HttpContext context, ServerLimits limits, string? condition, string? drug, double? weightKg)
    {
        var text = await RequestBody.ReadTextAsync(context, limits);
        var (history, errors) = PatientFile.Parse(text, "upload", new PatientFileOverrides(drug, weightKg, condition));
        if (history is null || errors.Count > 0)
            throw ApiException.BadRequest("invalid patient history", errors.Select(e => new ApiError("$", e.Line)).ToArray());
        return (history, text);
    }

    private static IReadOnlyList<ObservationPoint> Observations(PatientHistory history) => history.Fitted
        .Select(o => new ObservationPoint(o.TimeDays, o.Kind == ObservationKind.Tpo ? "tpo" : "platelets", o.Value)).ToArray();

    private static IReadOnlyList<DoseMark> Doses(PatientHistory history) => history.Doses
        .Select(d => new DoseMark(d.Day, d.Drug, d.Amount, DoseUnits.Symbol(d.Unit), null, false)).ToArray();

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
