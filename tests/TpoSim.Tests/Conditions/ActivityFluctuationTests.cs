using TpoSim.Conditions;
using TpoSim.Parameters;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Tests.Conditions;

/// <summary>
/// The weekly log-Ornstein–Uhlenbeck activity of ITP: its sampled law against the analytic one (stationary variance
/// ln(1 + CV²), lag-k autocorrelation exp(−7k/τ)) within Monte-Carlo error, determinism by seed, and its use in a run.
/// </summary>
public sealed class ActivityFluctuationTests
{
    private const int Seeds = 4000;

    /// <summary>Log-multipliers of weeks 0..weeks−1 for seeds 1..Seeds: independent replicate paths.</summary>
    private static double[][] LogPaths(double cv, double tau, int weeks) =>
        Enumerable.Range(1, Seeds).Select(s => new ActivityFluctuation(cv, tau, s).Multipliers(weeks).Select(m => Math.Log(m)).ToArray()).ToArray();

    private static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.Sqrt(saa * sbb);
    }

    [Theory]
    [InlineData(0.8, 28)]
    [InlineData(0.3, 14)]
    public void Weekly_values_have_the_stationary_OU_variance_and_mean_at_every_week(double cv, double tau)
    {
        var paths = LogPaths(cv, tau, 10);
        var sigma2 = Math.Log(1 + cv * cv);
        foreach (var week in new[] { 0, 1, 9 })
        {
            var x = paths.Select(p => p[week]).ToArray();
            var mean = x.Average();
            var variance = x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1);
            // Standard errors for normal samples: σ/√n for the mean, σ²·√(2/(n − 1)) for the variance; 4 SE bounds.
            Assert.InRange(mean, -4 * Math.Sqrt(sigma2 / Seeds), 4 * Math.Sqrt(sigma2 / Seeds));
            Assert.InRange(variance, sigma2 * (1 - 4 * Math.Sqrt(2.0 / (Seeds - 1))), sigma2 * (1 + 4 * Math.Sqrt(2.0 / (Seeds - 1))));
        }
    }

    [Theory]
    [InlineData(0.8, 28, 1)]
    [InlineData(0.8, 28, 4)]
    [InlineData(0.3, 14, 1)]
    public void Lagged_autocorrelation_is_exp_of_minus_lag_over_tau(double cv, double tau, int lagWeeks)
    {
        var paths = LogPaths(cv, tau, 2 + lagWeeks);
        var rho = Math.Exp(-7.0 * lagWeeks / tau);
        var r = Correlation(paths.Select(p => p[1]).ToArray(), paths.Select(p => p[1 + lagWeeks]).ToArray());
        // Large-sample SE of a correlation coefficient: (1 − ρ²)/√n; 4 SE bound.
        Assert.InRange(r, rho - 4 * (1 - rho * rho) / Math.Sqrt(Seeds), rho + 4 * (1 - rho * rho) / Math.Sqrt(Seeds));
    }

    [Fact]
    public void Same_seed_gives_the_same_path_and_another_seed_another()
    {
        var a = new ActivityFluctuation(0.8, 28, 42).Multipliers(30);
        Assert.Equal(a, new ActivityFluctuation(0.8, 28, 42).Multipliers(30));
        Assert.NotEqual(a, new ActivityFluctuation(0.8, 28, 43).Multipliers(30));
        // A longer path begins with the shorter one: week k never depends on how far the run goes.
        Assert.Equal(a, new ActivityFluctuation(0.8, 28, 42).Multipliers(60).Take(30));
        Assert.All(new ActivityFluctuation(0, 28, 42).Multipliers(5), m => Assert.Equal(1.0, m));
    }

    [Fact]
    public void Log_sd_and_weekly_autocorrelation_follow_their_definitions()
    {
        var f = new ActivityFluctuation(0.8, 28, 1);
        Assert.Equal(Math.Sqrt(Math.Log(1.64)), f.LogSd, 12);
        Assert.Equal(Math.Exp(-0.25), f.WeeklyAutocorrelation, 12);
        Assert.Equal(24, ActivityFluctuation.WeeksCovering(168));
        Assert.Equal(25, ActivityFluctuation.WeeksCovering(168.5));
        Assert.Equal(1, ActivityFluctuation.WeeksCovering(0.5));
    }

    private static Scenario Itp(double cv, int seed, string model = "v1") => ScenarioParser.Parse($$"""
        { "model": "{{model}}", "seed": {{seed}}, "patient": { "condition": { "name": "itp", "severity": 0.5, "activityCv": {{cv.ToString(System.Globalization.CultureInfo.InvariantCulture)}} } },
          "simulation": { "days": 35, "outputEveryDays": 7 } }
        """).Value!;

    private static double[] WeeklyPlatelets(Scenario s)
    {
        var r = Simulator.Run(s, cancellation: TestContext.Current.CancellationToken);
        Assert.True(r.Succeeded, r.Diagnostic);
        return r.Outputs.Select(o => o.PlateletsCirculating).ToArray();
    }

    /// <summary>v2 takes the same fluctuation on its own itpActivity (× antibody removal), with the same seeded series.</summary>
    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public void A_run_is_deterministic_for_a_seed_and_constant_without_fluctuation(string model)
    {
        var a = WeeklyPlatelets(Itp(0.8, 5, model));
        Assert.Equal(a, WeeklyPlatelets(Itp(0.8, 5, model)));
        Assert.NotEqual(a, WeeklyPlatelets(Itp(0.8, 6, model)));
        var constant = WeeklyPlatelets(Itp(0, 5, model));
        Assert.All(constant, p => Assert.Equal(constant[0], p, 6));
        Assert.Null(Simulator.ActivityFluctuationOf(Itp(0, 5, model)));
    }

    /// <summary>v2's day 0 is the steady state of week 0's activity: the same count as a constant run with itpActivity set to that multiplier.</summary>
    [Fact]
    public void V2_day_zero_is_the_steady_state_at_week_zero_activity()
    {
        var scenario = Itp(0.8, 5, "v2");
        var m0 = Simulator.ActivityFluctuationOf(scenario)!.Multipliers(1)[0];
        var constant = ScenarioParser.Parse($$"""
            { "model": "v2", "patient": { "condition": { "name": "itp", "severity": 0.5 }, "parameters": { "itpActivity": {{m0.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}} } },
              "simulation": { "days": 7, "outputEveryDays": 7 } }
            """).Value!;
        Assert.Equal(WeeklyPlatelets(constant)[0], WeeklyPlatelets(scenario)[0], 1e-9 * WeeklyPlatelets(constant)[0]);
        Assert.NotEqual(1, m0);
    }

    [Fact]
    public void Day_zero_is_the_steady_state_at_week_zero_activity_and_each_week_tracks_its_multiplier()
    {
        var scenario = Itp(0.8, 5);
        var m = Simulator.ActivityFluctuationOf(scenario)!.Multipliers(5);
        Assert.Equal(m[0], Simulator.ParametersFor(scenario)[ParameterId.ItpActivity], 12);
        var p = WeeklyPlatelets(scenario);
        // Platelets live < 1 day in ITP at severity 0.5, so a week's count sits near the steady state of that week's
        // activity: more destruction, fewer platelets. Compare the order of counts at the ends of weeks 1..4 with the order
        // of those weeks' activities (the count at day 7(k+1) ends week k).
        for (var k = 1; k < 4; k++)
        {
            for (var j = k + 1; j < 5; j++)
                Assert.Equal(Math.Sign(m[j] - m[k]), -Math.Sign(p[j + 1] - p[k + 1]));
        }
    }
}
