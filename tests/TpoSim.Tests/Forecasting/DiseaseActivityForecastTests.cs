using TpoSim.Fitting;
using TpoSim.Forecasting;
using TpoSim.Scenarios;
using TpoSim.Tests.Fitting;

namespace TpoSim.Tests.Forecasting;

/// <summary>
/// The ITP forecast draws the week-to-week disease-activity fluctuation per posterior draw: seeded, from the start day
/// on only, the same path for every regimen of a draw, and it widens the bands against constant activity.
/// </summary>
public class DiseaseActivityForecastTests(SyntheticFitFixture fixture) : IClassFixture<SyntheticFitFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_activity_path_starts_at_the_forecast_and_changes_weekly()
    {
        var h = fixture.History;
        var prior = FitPriors.ChronicItp;
        var start = h.LastObservationDay;
        var scenario = Forecaster.ScenarioFor(h, prior, [2.5, 4.52, 7.5], Regimen.Hold, start, start + 28);
        var with = Forecaster.WithActivity(scenario, prior.Activity, start, start + 28, DiseaseActivity.SeedOf(1, 0));
        var changes = with.Events.OfType<ParameterChange>().ToArray();
        Assert.Equal([start, start + 7, start + 14, start + 21], changes.Select(c => c.Day));
        Assert.All(changes, c => Assert.Equal("itpActivity", c.Parameter));
        // The multipliers are the population's OU process for that seed (nominal itpActivity 1).
        Assert.Equal(prior.Activity!.Multipliers(4, DiseaseActivity.SeedOf(1, 0)), changes.Select(c => c.Value));
        Assert.Equal(changes, Forecaster.WithActivity(scenario, prior.Activity, start, start + 28, DiseaseActivity.SeedOf(1, 0)).Events.OfType<ParameterChange>());
        Assert.NotEqual(changes, Forecaster.WithActivity(scenario, prior.Activity, start, start + 28, DiseaseActivity.SeedOf(1, 1)).Events.OfType<ParameterChange>());
        // No fluctuation: the scenario is unchanged.
        Assert.Same(scenario, Forecaster.WithActivity(scenario, prior.Activity with { Cv = 0 }, start, start + 28, 1));
        Assert.Same(scenario, Forecaster.WithActivity(scenario, null, start, start + 28, 1));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void The_fluctuation_widens_the_itp_band_and_gives_the_same_bytes_on_any_thread_count()
    {
        var fit = fixture.Fit;
        Assert.True(fit.Converged, fit.Message);
        var constant = fit with { Problem = new FitProblem(fit.Problem.History, fit.Problem.Prior with { Activity = fit.Problem.Prior.Activity! with { Cv = 0 } }) };
        var options = new ForecastOptions(6, Samples: 30, Seed: 3, Threads: 1);
        Regimen[] regimens = [Regimen.Fixed(fixture.History.CurrentDose(fixture.History.LastObservationDay))];
        var fluctuating = Forecaster.Run(fit, regimens, options, cancellation: Ct);
        var steady = Forecaster.Run(constant, regimens, options, cancellation: Ct);
        static double Width(ForecastResult r) => Math.Log(r.Regimens[0].Bands[4][^1] / r.Regimens[0].Bands[0][^1]);
        // Parameter uncertainty alone (SD of ln destruction ≈ 0.12) gives a narrow 5–95% band; an activity CV of 0.8
        // (log SD 0.70) on the removal rate widens it several-fold. Required: at least twice as wide on the log scale.
        TestContext.Current.TestOutputHelper?.WriteLine($"ln(p95/p5) at the end: {Width(fluctuating):F3} with, {Width(steady):F3} without; P(> 400) {fluctuating.Regimens[0].RiskAbove:F2} vs {steady.Regimens[0].RiskAbove:F2}");
        Assert.True(Width(fluctuating) > 2 * Width(steady), $"ln(p95/p5) at the end: {Width(fluctuating):F3} with the fluctuation, {Width(steady):F3} without");
        // Both ends move: the activity can fall (higher counts) as well as rise. Measured: ln(p95/p5) 2.03 against 0.097.
        Assert.True(fluctuating.Regimens[0].Bands[4][^1] > steady.Regimens[0].Bands[4][^1] && fluctuating.Regimens[0].Bands[0][^1] < steady.Regimens[0].Bands[0][^1]);
        var many = Forecaster.Run(fit, regimens, options with { Threads = Math.Max(2, Environment.ProcessorCount) }, cancellation: Ct);
        Assert.Equal(ForecastFiles.Csv(fluctuating), ForecastFiles.Csv(many));
        Assert.Equal(ForecastFiles.Json(fluctuating), ForecastFiles.Json(many));
    }
}
