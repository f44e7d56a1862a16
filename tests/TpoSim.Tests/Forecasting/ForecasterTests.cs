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

    /// <summary>RMS of ln(median forecast) − ln(truth) at the weekly days of the window, over every regimen.</summary>
    private static double LogRmse(ForecastResult forecast, double[] truthDays, double[][] truth)
    {
        var sum = 0.0;
        for (var r = 0; r < truth.Length; r++)
        {
            var median = forecast.Regimens[r].Bands[2];
            for (var k = 0; k < truthDays.Length; k++)
            {
                var i = Array.FindIndex(forecast.Days, d => Math.Abs(d - truthDays[k]) < 1e-9);
                sum += Math.Pow(Math.Log(median[i]) - Math.Log(truth[r][k]), 2);
            }
        }
        return Math.Sqrt(sum / (truth.Length * truthDays.Length));
    }

    [Fact]

    [Trait("Category", "Slow")]
    public void Forecast_from_the_fit_beats_the_population_prior()
    {
        // The true patient's activity is constant, and this test measures what the fit learns about the parameters: both
        // forecasts leave out the activity fluctuation (DiseaseActivityForecastTests and the held-out accuracy cover it).
        var fitted = fixture.Fit;
        Assert.True(fitted.Converged, fitted.Message);
        var fit = fitted with { Problem = new FitProblem(fitted.Problem.History, fitted.Problem.Prior with { Activity = null }) };
        var history = fixture.History;
        // Regimens that leave the history's steady state: halve the current dose (8 → 4 µg/kg), or stop.
        var current = history.CurrentDose(history.LastObservationDay);
        Regimen[] regimens = [Regimen.Fixed(current / 2), Regimen.Hold];
        var options = new ForecastOptions(8, Samples: 20, Seed: 5, Threads: Environment.ProcessorCount);
        var posterior = Forecaster.Run(fit, regimens, options, cancellation: Ct);
        var prior = Forecaster.Run(MapEstimator.PriorOnly(fit.Problem), regimens, options, cancellation: Ct);
        // The truth: the same regimens for the true patient, noise-free.
        var days = Enumerable.Range(1, 8).Select(k => posterior.StartDay + 7 * k).ToArray();
        var truth = regimens.Select(regimen =>
        {
            var run = Simulator.Run(Forecaster.ScenarioFor(history, fit.Problem.Prior, SyntheticFitFixture.Truth, regimen, posterior.StartDay, posterior.EndDay), cancellation: Ct);
            Assert.True(run.Succeeded, run.Diagnostic);
            return days.Select(d => PatientScenario.At(run, d, ObservationKind.Platelets)!.Value).ToArray();
        }).ToArray();
        var fittedError = LogRmse(posterior, days, truth);
        var population = LogRmse(prior, days, truth);
        // Measured on this patient: the fit cuts the log error of the median forecast by more than half.
        Assert.True(fittedError < 0.5 * population, $"log RMSE fitted {fittedError:F3} vs prior {population:F3}");
        Assert.True(fittedError < 0.2, $"log RMSE fitted {fittedError:F3}");
        // The truth lies within the fitted 5–95% band at the end of the window (5% slack for 20 draws).
        for (var r = 0; r < regimens.Length; r++)
        {
            var band = posterior.Regimens[r].Bands;
            Assert.InRange(truth[r][^1], band[0][^1] * 0.95, band[4][^1] * 1.05);
        }
    }

    [Fact]

    [Trait("Category", "Slow")]
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

    [Fact]
    [Trait("Category", "Slow")]
    public void The_draw_tolerance_moves_no_forecast_statistic_beyond_a_tenth_of_its_monte_carlo_error()
    {
        // The forecast's posterior draws run at SolverChoice.DrawRelativeTolerance (1e-4); against 1e-8 on the same draws
        // every regimen's time in range and P(> 400) may differ by at most a tenth of the Monte-Carlo standard error of a
        // share over these draws (√(0.25/n)), and every band point by at most 1e-3 relative (docs/performance.md measured
        // ≤ 2.2e-5 on the romiplostim example).
        var options = new ForecastOptions(4, Samples: 20, Seed: 3, Threads: Environment.ProcessorCount);
        Assert.Equal(SolverChoice.DrawRelativeTolerance, options.RelativeTolerance);
        var regimens = new[] { Regimen.Label, Regimen.Hold };
        var loose = Forecaster.Run(fixture.Fit, regimens, options, cancellation: Ct);
        var tight = Forecaster.Run(fixture.Fit, regimens, options with { RelativeTolerance = 1e-8 }, cancellation: Ct);
        var limit = 0.1 * Math.Sqrt(0.25 / options.Samples);
        for (var r = 0; r < regimens.Length; r++)
        {
            Assert.InRange(loose.Regimens[r].TimeInTarget - tight.Regimens[r].TimeInTarget, -limit, limit);
            Assert.InRange(loose.Regimens[r].RiskAbove - tight.Regimens[r].RiskAbove, -limit, limit);
            for (var q = 0; q < tight.Regimens[r].Bands.Length; q++)
                for (var i = 0; i < tight.Regimens[r].Bands[q].Length; i++)
                    Assert.InRange(loose.Regimens[r].Bands[q][i] / tight.Regimens[r].Bands[q][i] - 1, -1e-3, 1e-3);
        }
    }

    [Fact]
    public void Regimens_continue_the_history_from_the_last_observation()
    {
        var h = fixture.History;
        var prior = fixture.Fit.Problem.Prior;
        var start = h.LastObservationDay;
        var end = start + 28;
        var current = h.CurrentDose(start);
        // Label: past doses kept, the rule decides from the start day on, continuing from the current dose.
        var label = Simulator.Run(Forecaster.ScenarioFor(h, prior, fixture.Fit.Values, Regimen.Label, start, end), cancellation: Ct);
        Assert.True(label.Succeeded, label.Diagnostic);
        Assert.Equal([start, start + 7, start + 14, start + 21], label.Titration!.Decisions.Select(d => d.Day));
        Assert.NotEqual("start", label.Titration.Decisions[0].Action);
        Assert.All(label.Titration.Doses, d => Assert.True(d.Day >= start));
        Assert.Equal(h.DosesBefore(start).Count, label.Scenario.Doses.Count);
        // A user ladder with a higher floor (70): the count near 55 is below it, so the first decision raises the dose.
        var tight = new Regimen("tight", RegimenKind.Custom, null, new TpoSim.Policies.CustomRule(70, 150, 300, 150, 1, 10));
        var custom = Simulator.Run(Forecaster.ScenarioFor(h, prior, fixture.Fit.Values, tight, start, end), cancellation: Ct);
        Assert.True(custom.Succeeded, custom.Diagnostic);
        Assert.Equal(("increase", current + 1), (custom.Titration!.Decisions[0].Action, custom.Titration.Decisions[0].Dose));
        // Fixed: the past, then the dose weekly from the start day to the end of the window.
        var fixedDose = Forecaster.ScenarioFor(h, prior, fixture.Fit.Values, Regimen.Fixed(2), start, end);
        Assert.Equal([start, start + 7, start + 14, start + 21], fixedDose.Doses[^1].Times());
        Assert.Equal(2, fixedDose.Doses[^1].Amount);
    }

    private static RegimenForecast Made(string name, double tir, double risk, double dose = 0, double distance = 0) =>
        new(new Regimen(name, RegimenKind.Hold), [], tir, risk, dose, 0, distance);

    [Fact]
    public void Recommends_the_most_time_in_range_within_the_risk_limit()
    {
        var options = new ForecastOptions(4, MaxRisk: 0.1);
        var (best, reason) = Forecaster.Recommend([Made("a", 0.5, 0), Made("b", 0.9, 0.3), Made("c", 0.7, 0.1)], options);
        Assert.Equal(2, best);
        Assert.Contains("largest expected time", reason, StringComparison.Ordinal);
        // None reaches the range: the nearest wins, not the cheapest (holding would let the count fall further).
        Assert.Equal(0, Forecaster.Recommend([Made("label", 0, 0, 525, 0.2), Made("hold", 0, 0, 0, 0.9)], options).Index);
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
        Assert.Equal([RegimenKind.Fixed, RegimenKind.Hold, RegimenKind.Custom], ok!.Select(r => r.Kind));
        Assert.Equal(70, ok![2].Rule!.Low);
        var (_, errors) = RegimenFile.Parse("""[{"name": "x", "fixed": -2}, {"fixed": 1}, {"name": "y", "hold": true, "fixed": 1}]""", "r.json");
        Assert.Equal(["r.json: $[0].fixed: -2 is outside the allowed range (0, 100000]", "r.json: $[1].name: required text is missing",
            "r.json: $[2]: give exactly one of fixed, hold, label, rule (found 2) for regimen 'y'"], errors.Select(e => e.Line));
    }
}
