using TpoSim.Fitting;

namespace TpoSim.Tests.Fitting;

/// <summary>MAP Bayes fit of one patient: recovery of known parameters and the Laplace approximation against sampling.</summary>
public class MapEstimatorTests(SyntheticFitFixture fixture) : IClassFixture<SyntheticFitFixture>
{
    [Fact]
    public void Recovers_known_parameters_from_noisy_counts()
    {
        var fit = fixture.Fit;
        Assert.True(fit.Converged, fit.Message);
        var estimates = fit.Estimates;
        // Tolerances: extraRemovalRate is set by the baseline and on-drug counts (posterior SD ≈ 15% of the prior's): within
        // 20%; emax and maturation time are partly shrunk to the prior (posterior SD 60–85% of the prior's): within 30%.
        double[] tolerance = [0.2, 0.3, 0.3];
        for (var j = 0; j < estimates.Count; j++)
        {
            var e = estimates[j];
            var truth = SyntheticFitFixture.Truth[j];
            Assert.InRange(e.Value, truth * (1 - tolerance[j]), truth * (1 + tolerance[j]));
            Assert.InRange(truth, e.Lower, e.Upper);
            Assert.InRange(e.PosteriorToPriorSd, 0.01, 1.0);
        }
        // The data move the destruction rate far more than the prior: its interval is narrow.
        Assert.True(estimates[0].PosteriorToPriorSd < 0.3, $"posterior/prior SD {estimates[0].PosteriorToPriorSd:F2}");
        // The fit explains the data: at the optimum the objective is well below the prior's.
        Assert.True(fit.Objective < fit.Problem.Objective([0, 0, 0], TestContext.Current.CancellationToken));
    }

    [Fact]

    [Trait("Category", "Slow")]
    public void Laplace_moments_agree_with_importance_sampling()
    {
        var fit = fixture.Fit;
        var check = ImportanceSample.Run(fit, 100, 11, threads: Environment.ProcessorCount, cancellation: TestContext.Current.CancellationToken);
        Assert.True(check.EffectiveSampleSize >= 30, $"ESS {check.EffectiveSampleSize:F0}");
        for (var j = 0; j < fit.Eta.Length; j++)
        {
            var sd = fit.Estimates[j].EtaSd;
            // Monte-Carlo error of the IS moments at ESS ≥ 30 is ≈ 0.2 SD; the Laplace mean (the mode) and SD must agree within that and a mild skew.
            Assert.True(Math.Abs(check.Mean[j] - fit.Eta[j]) <= 0.5 * sd, $"η{j}: IS mean {check.Mean[j]:F3} vs MAP {fit.Eta[j]:F3} (SD {sd:F3})");
            Assert.InRange(check.Sd[j] / sd, 0.7, 1.4);
        }
    }

    [Fact]
    public void A_parallel_fit_gives_the_bytes_of_a_serial_one()
    {
        // The fixture fits on one thread; the Jacobian's columns and the Hessian's 2n + 2n(n−1) points on four threads
        // must give the same η, covariance, objective and simulation count, bit for bit.
        var serial = fixture.Fit;
        var parallel = MapEstimator.Fit(new FitProblem(fixture.History, FitPrior.ChronicItp), new MapOptions(Threads: 4), TestContext.Current.CancellationToken);
        Assert.Equal(serial.Eta, parallel.Eta);
        Assert.Equal(serial.Objective, parallel.Objective);
        Assert.Equal(serial.Covariance!.Cast<double>(), parallel.Covariance!.Cast<double>());
        Assert.Equal(serial.Evaluations, parallel.Evaluations);
        Assert.Equal(serial.Message, parallel.Message);
    }

    [Fact]
    public void The_posterior_band_and_importance_check_give_the_bytes_of_a_serial_run()
    {
        // The band's draw simulations and the importance-sampling check run in parallel; each draw is fixed by the seed
        // before the workers start, so one and two threads must give the same percentiles and moments, bit for bit.
        var ct = TestContext.Current.CancellationToken;
        var serial = FitCurves.Compute(fixture.Fit, 8, 3, threads: 1, cancellation: ct);
        var parallel = FitCurves.Compute(fixture.Fit, 8, 3, threads: 2, cancellation: ct);
        Assert.Equal(serial.PlateletLow, parallel.PlateletLow);
        Assert.Equal(serial.PlateletHigh, parallel.PlateletHigh);
        Assert.Equal(serial.MapPlatelets, parallel.MapPlatelets);
        // A band that is the MAP curve itself would pass trivially: the draws must spread it somewhere.
        Assert.Contains(serial.PlateletLow.Zip(serial.PlateletHigh), b => b.Second > b.First);
        var one = ImportanceSample.Run(fixture.Fit, 8, 5, threads: 1, cancellation: ct);
        var two = ImportanceSample.Run(fixture.Fit, 8, 5, threads: 2, cancellation: ct);
        Assert.Equal(one.Mean, two.Mean);
        Assert.Equal(one.Sd, two.Sd);
        Assert.Equal(one.EffectiveSampleSize, two.EffectiveSampleSize);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void One_iteration_is_reported_as_not_converged()
    {
        var fit = MapEstimator.Fit(fixture.Fit.Problem, new MapOptions(MaxIterations: 1), TestContext.Current.CancellationToken);
        Assert.False(fit.Converged);
        Assert.Contains("iteration limit", fit.Message, StringComparison.Ordinal);
    }
}
