using Microsoft.Extensions.Options;
using TpoSim.Diagnosis;
using TpoSim.Output.Charts;
using TpoSim.Web.Hosting;

namespace TpoSim.Web.Api;

/// <summary>A measured (platelets, TPO) pair to read.</summary>
/// <param name="Platelets">Platelet count, 10^9/L.</param>
/// <param name="Tpo">Serum TPO in <paramref name="TpoUnit"/>.</param>
/// <param name="TpoUnit">pg/mL (default) or pM.</param>
/// <param name="AssayNormal">The assay's healthy mean TPO in the same unit, when known.</param>
public sealed record InterpretRequest(double? Platelets, double? Tpo, string? TpoUnit = null, double? AssayNormal = null);

/// <summary>One reading of the pair.</summary>
/// <param name="Reading">Key (destruction, productionFailure, …).</param>
/// <param name="Title">Title.</param>
/// <param name="Plausibility">Posterior plausibility, 0–1.</param>
/// <param name="BestPreset">The condition preset that fits best.</param>
/// <param name="Severity">Its best severity.</param>
/// <param name="MegakaryocyteMass">Implied MK mass relative to healthy.</param>
/// <param name="LifespanDays">Implied platelet lifespan, days.</param>
/// <param name="HepaticSynthesis">Implied hepatic TPO synthesis relative to healthy.</param>
/// <param name="DistanceSigma">Distance of the pair from the preset's curve, in error SDs.</param>
/// <param name="DistinguishingTest">The test that would confirm it.</param>
public sealed record ReadingRow(string Reading, string Title, double Plausibility, string BestPreset, double Severity, double MegakaryocyteMass,
    double LifespanDays, double HepaticSynthesis, double DistanceSigma, string? DistinguishingTest);

/// <summary>The readings of a pair, the plane as SVG and the disclaimer.</summary>
/// <param name="Platelets">Measured count.</param>
/// <param name="TpoPicogramsPerMl">Measured TPO, pg/mL.</param>
/// <param name="ModelTpoPicogramsPerMl">TPO on the model's scale (after the assay normal).</param>
/// <param name="Readings">Readings, most plausible first.</param>
/// <param name="ThrombocytosisNote">For a thrombocytosis, the autonomous/reactive comparison; else null.</param>
/// <param name="SigmaPlatelets">Log-normal error SD of the count.</param>
/// <param name="SigmaTpo">Log-normal error SD of TPO.</param>
/// <param name="PlaneSvg">The interpretation plane (as plane.svg of `tposim interpret --out`).</param>
/// <param name="Disclaimer">Research and teaching only.</param>
public sealed record InterpretResponse(double Platelets, double TpoPicogramsPerMl, double ModelTpoPicogramsPerMl, IReadOnlyList<ReadingRow> Readings,
    string? ThrombocytosisNote, double SigmaPlatelets, double SigmaTpo, string PlaneSvg, string Disclaimer);

/// <summary><c>POST /api/interpret</c>: the mechanism behind a (platelets, TPO) pair, as <c>tposim interpret</c>.</summary>
public static class InterpretEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/interpret", async (HttpContext context, IOptions<ServerLimits> limits) =>
            {
                var request = await JsonBody.ReadAsync<InterpretRequest>(context, limits.Value);
                var errors = new List<ApiError>();
                var unit = Diagnosis.TpoUnit.PicogramsPerMl;
                if (request.TpoUnit is not null)
                {
                    if (PairMeasurement.ParseUnit(request.TpoUnit) is { } u) unit = u;
                    else errors.Add(new ApiError("$.tpoUnit", $"'{request.TpoUnit}' is not a unit; allowed: {PairMeasurement.UnitNames}"));
                }
                if (request.Platelets is null) errors.Add(new ApiError("$.platelets", $"required; allowed {PairMeasurement.MinPlatelets}–{PairMeasurement.MaxPlatelets} ×10^9/L"));
                if (request.Tpo is null) errors.Add(new ApiError("$.tpo", $"required; allowed {PairMeasurement.MinTpoPicogramsPerMl}–{PairMeasurement.MaxTpoPicogramsPerMl} pg/mL"));
                var measurement = new PairMeasurement(request.Platelets ?? PairMeasurement.MinPlatelets, request.Tpo ?? PairMeasurement.MinTpoPicogramsPerMl, unit, request.AssayNormal);
                errors.AddRange(measurement.Problems().Where(p => p.Field switch { "platelets" => request.Platelets is not null, "tpo" => request.Tpo is not null, _ => true })
                    .Select(p => new ApiError("$." + p.Field, p.Message)));
                if (errors.Count > 0) throw ApiException.BadRequest("invalid pair", errors);
                return await ComputeBudget.RunAsync(context, limits.Value.RequestSeconds, _ =>
                {
                    var result = Interpreter.Interpret(measurement);
                    return new InterpretResponse(measurement.Platelets, measurement.TpoPicogramsPerMl, result.ModelTpoPicogramsPerMl,
                        result.Readings.Select(r => new ReadingRow(r.Info.Key, r.Info.Title, r.Plausibility, r.BestFit.Curve.Condition, r.BestFit.Best.Severity,
                            r.BestFit.Best.MegakaryocyteMass, r.BestFit.Best.LifespanDays, r.BestFit.Best.HepaticSynthesis, r.BestFit.DistanceSigma, r.Info.DistinguishingTest)).ToArray(),
                        result.ThrombocytosisNote, result.Uncertainty.SigmaPlatelets, result.Uncertainty.SigmaTpo,
                        SvgChartRenderer.Render(InterpretationPlane.Chart(result)), Interpreter.Disclaimer);
                }, "one pair");
            })
            .WithName("Interpret").WithTags("interpret")
            .WithSummary("Read the mechanism behind a (platelets, TPO) pair")
            .WithDescription("Inverts the model at steady state, as `tposim interpret`: each reading with its plausibility, implied MK mass, lifespan and hepatic synthesis, the confirming test, and the plane as SVG. Research and teaching only, not a diagnosis.")
            .Accepts<InterpretRequest>("application/json")
            .Produces<InterpretResponse>().Produces<ApiErrorBody>(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(TpoSimServer.ComputePolicy);
    }
}
