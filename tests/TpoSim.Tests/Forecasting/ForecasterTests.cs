using TpoSim.Dosing;
using TpoSim.Fitting;
using TpoSim.Forecasting;
using TpoSim.Simulation;
using TpoSim.Tests.Fitting;

namespace TpoSim.Tests.Forecasting;

/// <summary>Forecasts of a fitted synthetic patient: better than the population prior, deterministic, and the recommendation rule.</summary>
public class ForecasterTests(SyntheticFitFixture fixture) : IClassFixture<SyntheticFitFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>RMS of ln(median forecast) − ln(truth) at the weekly days of the window.</summary>
    private static double LogRmse(ForecastResult forecast, double[] truthDays, double[] truth)
    {
        var median = forecast.Regimens[0].Bands[2];
        var sum = 0.0;
        for (var k = 0; k < truthDays.Length; k++)
        {
            var i = Array.FindIndex(forecast.Days, d => Math.Abs(d - truthDays[k]) < 1e-9);
            sum += Math.Pow(Math.Log(median[i]) - Math.Log(truth[k]), 2);
        }
        return Math.Sqrt(sum / truthDays.Length);
    }

    [Fact]
    public void Forecast_from_the_fit_beats_the_population_prior()
    {
        var fit = fixture.Fit;
        Assert.True(fit.Converged, fit.Message);
        var history = fixture.History;
        var regimen = Regimen.Fixed(history.CurrentDose(history.LastObservationDay));
        var options = new ForecastOptions(8, Samples: 20, Seed: 5, Threads: Environment.ProcessorCount);
        var posterior = Forecaster.Run(fit, [regimen], options, cancellation: Ct);
        var prior = Forecaster.Run(MapEstimator.PriorOnly(fit.Problem), [regimen], options, cancellation: Ct);
        // The truth: the same regimen for the true patient, noise-free.
        var truthRun = Simulator.Run(Forecaster.ScenarioFor(history, fit.Problem.Prior, SyntheticFitFixture.Truth, regimen, posterior.StartDay, posterior.EndDay), cancellation: Ct);
        Assert.True(truthRun.Succeeded, truthRun.Diagnostic);
        var days = Enumerable.Range(1, 8).Select(k => posterior.StartDay + 7 * k).ToArray();
        var truth = days.Select(d => PatientScenario.At(truthRun, d, ObservationKind.Platelets)!.Value).ToArray();
        var fitted = LogRmse(posterior, days, truth);
        var population = LogRmse(prior, days, truth);
        // Measured on this patient: the fit cuts the log error of the median forecast by more than half.
        Assert.True(fitted < 0.5 * population, $"log RMSE fitted {fitted:F3} vs prior {population:F3}");
        Assert.True(fitted < 0.2, $"log RMSE fitted {fitted:F3}");
        // The truth lies within the fitted 5–95% band at the end of the window.
        var end = posterior.Regimens[0].Bands;
        Assert.InRange(truth[^1], end[0][^1] * 0.95, end[4][^1] * 1.05);
    }

    [Fact]
    public void Same_seed_gives_the_same_bytes_on_any_thread_count()
    {
        var options = new ForecastOptions(2, Samples: 10, Seed: 9, Threads: 1);
        var regimens = new[] { Regimen.Label, Regimen.Hold };
        var one = Forecaster.Run(fixture.Fit, regimens, options, cancellation: Ct);
        var many = Forecaster.Run(fixture.Fit, regimens, options with { Threads = Math.Max(2, Environment.ProcessorCount) }, cancellation: Ct);
        Assert.Equal(ForecastFiles.Csv(one), ForecastFiles.Csv(many));
        Assert.Equal(ForecastFiles.Json(one), ForecastFiles.Json(many));
        var other = Forecaster.Run(fixture.Fit, regimens, options with { Seed = 10 }, cancellation: Ct);
        Assert.NotEqual(ForecastFiles.Csv(one), ForecastFiles.Csv(other));
        // Holding stops the drug: no dose in the window, and the count falls below the label arm's.
        Assert.Equal(0, one.Regimens[1].MeanWeeklyDose);
        Assert.True(one.Regimens[1].Bands[2][^1] < one.Regimens[0].Bands[2][^1]);
    }

    private static RegimenForecast Made(string name, double tir, double risk, double dose = 0) => new(new Regimen(name, RegimenKind.Hold), [], tir, risk, dose, 0);

    [Fact]
    public void Recommends_the_most_time_in_range_within_the_risk_limit()
    {
        var options = new ForecastOptions(4, MaxRisk: 0.1);
        var (best, reason) = Forecaster.Recommend([Made("a", 0.5, 0), Made("b", 0.9, 0.3), Made("c", 0.7, 0.1)], options);
        Assert.Equal(2, best);
        Assert.Contains("largest expected time", reason, StringComparison.Ordinal);
        // Within 2 points of the best, the least drug wins.
        Assert.Equal(1, Forecaster.Recommend([Made("a", 0.9, 0, 5), Made("b", 0.89, 0, 4), Made("c", 0.5, 0, 1)], options).Index);
        var (least, why) = Forecaster.Recommend([Made("a", 0.5, 0.5), Made("b", 0.9, 0.3)], options);
        Assert.Equal(1, least);
        Assert.Contains("lowest risk", why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("label", RegimenKind.Label, null)]
    [InlineData("hold", RegimenKind.Hold, null)]
    [InlineData("fixed:2.5", RegimenKind.Fixed, 2.5)]
    public void Parses_regimens(string text, RegimenKind kind, double? dose)
    {
        var (r, error) = Regimen.Parse(text);
        Assert.Null(error);
        Assert.Equal((kind, dose), (r!.Kind, r.Dose));
    }

    [Theory]
    [InlineData("fixed:-1")]
    [InlineData("fixed:")]
    [InlineData("double")]
    public void Rejects_bad_regimens_in_one_line(string text)
    {
        var (r, error) = Regimen.Parse(text);
        Assert.Null(r);
        Assert.DoesNotContain('\n', error!);
        Assert.Contains("allowed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_regimen_file_and_names_each_problem()
    {
        var (ok, none) = RegimenFile.Parse("""[{"name": "2 weekly", "fixed": 2}, {"name": "stop", "hold": true}, {"name": "tight", "rule": {"low": 70, "high": 150, "hold": 300, "resume": 150}}]""", "r.json");
        Assert.Empty(none);
        Assert.Equal([RegimenKind.Fixed, RegimenKind.Hold, RegimenKind.Custom], ok.Select(r => r.Kind));
        Assert.Equal(70, ok[2].Rule!.Low);
        var (_, errors) = RegimenFile.Parse("""[{"name": "x", "fixed": -2}, {"fixed": 1}, {"name": "y", "hold": true, "fixed": 1}]""", "r.json");
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.StartsWith("r.json: regimen ", e, StringComparison.Ordinal));
    }
}
