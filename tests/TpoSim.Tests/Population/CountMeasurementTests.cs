using TpoSim.Population;

namespace TpoSim.Tests.Population;

/// <summary>
/// The measured-count model (<see cref="CountMeasurement"/>): its error has mean 1 and the stated CV, is a function of
/// the subject's seed and the day only, gives the analytic share above a threshold, and is what the screen, the
/// titration and the endpoints of a CLD v2 trial read.
/// </summary>
public class CountMeasurementTests
{
    /// <summary>The CLD v2 files' CV: √(7.5² + 3.7²)% (Arch Pathol Lab Med 1992;116:825; see the files' measurement.source).</summary>
    private static readonly CountMeasurement Cld = new(0.083, [4, 5, 6], "test");

    private const int N = 20_000;

    private static double[] Errors(CountMeasurement m, double day) => Enumerable.Range(0, N).Select(i => m.Error(1_000_003L * i + 17, day)).ToArray();

    [Fact]
    public void The_error_has_mean_one_and_the_stated_cv()
    {
        var e = Errors(Cld, 0);
        var mean = e.Average();
        var sd = Math.Sqrt(e.Sum(x => (x - mean) * (x - mean)) / (N - 1));
        // Mean 1 within 4 SE (SE = CV/√N); log-SD ω within 4·ω/√(2N); the CV √(exp(s²) − 1) follows from it.
        Assert.InRange(mean, 1 - 4 * 0.083 / Math.Sqrt(N), 1 + 4 * 0.083 / Math.Sqrt(N));
        var logs = e.Select(x => Math.Log(x)).ToArray();
        var logMean = logs.Average();
        var logSd = Math.Sqrt(logs.Sum(x => (x - logMean) * (x - logMean)) / (N - 1));
        Assert.InRange(logSd, Cld.Omega * (1 - 4 / Math.Sqrt(2.0 * N)), Cld.Omega * (1 + 4 / Math.Sqrt(2.0 * N)));
        Assert.InRange(sd / mean, 0.083 * (1 - 4 / Math.Sqrt(2.0 * N)) - 0.002, 0.083 * (1 + 4 / Math.Sqrt(2.0 * N)) + 0.002);
        Assert.Equal(Math.Sqrt(Math.Log(1 + 0.083 * 0.083)), Cld.Omega, 15);
    }

    [Fact]
    public void The_error_depends_on_the_seed_and_the_day_only()
    {
        Assert.Equal(Cld.Error(42, 5), Cld.Error(42, 5));
        Assert.Equal(Cld.Error(42, 5), new CountMeasurement(0.083, [1, 2, 3, 5, 9], "another visit list").Error(42, 5));
        Assert.NotEqual(Cld.Error(42, 5), Cld.Error(42, 6));
        Assert.NotEqual(Cld.Error(42, 5), Cld.Error(43, 5));
        Assert.Equal(1, new CountMeasurement(0, [1], "exact").Error(42, 5));
        // Two visits of one subject are uncorrelated (the model's visits are independent): |r| < 4/√N.
        var a = Errors(Cld, 4).Select(x => Math.Log(x)).ToArray();
        var b = Errors(Cld, 5).Select(x => Math.Log(x)).ToArray();
        double ma = a.Average(), mb = b.Average();
        var r = a.Zip(b).Sum(p => (p.First - ma) * (p.Second - mb)) / Math.Sqrt(a.Sum(x => (x - ma) * (x - ma)) * b.Sum(x => (x - mb) * (x - mb)));
        Assert.InRange(r, -4 / Math.Sqrt(N), 4 / Math.Sqrt(N));
    }

    /// <summary>
    /// A true count of 45 measured with CV 8.3%: P(measured ≥ 50) = 1 − Φ((ln(50/45) + ω²/2)/ω) = 1 − Φ(1.3130) = 0.0946
    /// (ω = 0.08286, by hand); the draws give it within 4 binomial SE.
    /// </summary>
    [Fact]
    public void The_share_of_measured_counts_above_a_threshold_is_the_analytic_one()
    {
        Assert.Equal(0.0946, Cld.ShareAtLeast(45, 50), 3);
        var share = Errors(Cld, 0).Count(e => 45 * e >= 50) / (double)N;
        var se = Math.Sqrt(0.0946 * (1 - 0.0946) / N);
        Assert.InRange(share, 0.0946 - 4 * se, 0.0946 + 4 * se);
        var exact = new CountMeasurement(0, [1], "exact");
        Assert.Equal(1, exact.ShareAtLeast(50, 50));
        Assert.Equal(0, exact.ShareAtLeast(49.9, 50));
    }

    [Fact]
    public void A_measured_series_reads_the_visits_and_keeps_the_measured_baseline()
    {
        double[] days = [0, 2, 4, 6];
        double[] platelets = [40, 44, 48, 52];
        var s = Cld.Series(days, platelets, 7, 38.5);
        Assert.Equal([0, 4, 5, 6], s.Days);
        Assert.Equal(38.5, s.Baseline);
        Assert.Equal(40 * Cld.Error(7, 0), s.Platelets[0], 12);
        Assert.Equal(50 * Cld.Error(7, 5), s.Platelets[2], 12); // day 5: linear between 48 and 52
    }
}
