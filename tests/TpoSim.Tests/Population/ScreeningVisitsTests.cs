using TpoSim.Conditions;
using TpoSim.Population;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Tests.Population;

/// <summary>Screening on the mean of several counts (issue 15; Kuter 2008 enrolled on the mean of three).</summary>
public class ScreeningVisitsTests
{
    /// <summary>The Kuter 2008 population, 2 days, no drug, screened on ≤ 30 without a stratum quota.</summary>
    private static PopulationDefinition Kuter(ScreeningVisits? screening)
    {
        var parsed = PopulationParser.ParseFile(RepoFiles.PathOf("populations", "itp-kuter2008.json"));
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        var d = parsed.Value!;
        return d with
        {
            BaseScenario = d.BaseScenario with { Days = 2, OutputStepDays = 1, Titration = null, Doses = [] },
            Inclusion = new InclusionCriteria(null, false, 30, false) { Screening = screening },
        };
    }

    private static double DayZeroCount(Scenario scenario)
    {
        var plan = Simulator.Compile(scenario);
        Assert.Null(plan.DayZeroFailure);
        return plan.Model.PlateletsCirculating(plan.DayZeroState, plan.DayZeroParameters);
    }

    /// <summary>The subject's scenario with its ITP activity held at <paramref name="activity"/> (no fluctuation).</summary>
    private static Scenario AtActivity(Scenario s, double activity)
    {
        var conditions = s.Conditions.Select(c => c.Name != ConditionCatalog.Itp.Name ? c
            : c with { Options = new Dictionary<string, double>(c.Options) { [ConditionCatalog.ActivityCvOption] = 0 } }).ToList();
        return s with { Conditions = conditions, ParameterOverrides = new Dictionary<string, double>(s.ParameterOverrides) { ["itpActivity"] = activity } };
    }

    /// <summary>
    /// Hand computation of three weekly counts (days 0, −7, −14): X₀ = σ·z₀ from the subject's seed (stream 0), then the
    /// AR(1) run backwards on stream 1, X₋ₖ = φ·X₋ₖ₊₁ + σ√(1 − φ²)·zₖ, φ = e^(−7/28) and σ² = ln(1 + 0.8²) (Kuter file:
    /// activityCv 0.8, correlation 28 days); each count is the steady state at activity exp(X) (the condition's nominal
    /// activity is 1). The day-0 one must equal the simulator's own day-0 count (1e-9 relative: two Newton solves of
    /// the same model), and the others the visits' counts (1e-12: the same solve).
    /// </summary>
    [Fact]
    public void Screening_counts_equal_a_hand_computation_from_the_subjects_activity_stream()
    {
        var def = Kuter(new ScreeningVisits(3, 7));
        var sampler = new SubjectSampler(def, 5);
        var sigma = Math.Sqrt(Math.Log(1 + 0.8 * 0.8));
        var phi = Math.Exp(-7.0 / 28);
        for (var i = 0; i < 4; i++)
        {
            var scenario = sampler.Draw(i).ScenarioFor(def);
            var dayZero = DayZeroCount(scenario);
            var counts = def.Inclusion!.Screening!.CountsFor(scenario, dayZero);
            var x = sigma * new SubjectRandom(scenario.Seed, 0).NextNormal();
            var past = new SubjectRandom(scenario.Seed, 1);
            var hand = new double[3];
            hand[0] = DayZeroCount(AtActivity(scenario, Math.Exp(x)));
            for (var k = 1; k < 3; k++)
            {
                x = phi * x + sigma * Math.Sqrt(1 - phi * phi) * past.NextNormal();
                hand[k] = DayZeroCount(AtActivity(scenario with { Doses = [], Titration = null }, Math.Exp(x)));
            }
            Assert.Equal(hand[0], dayZero, 1e-9 * dayZero);
            Assert.Equal(dayZero, counts[0]);
            Assert.Equal(hand[1], counts[1], 1e-12 * hand[1]);
            Assert.Equal(hand[2], counts[2], 1e-12 * hand[2]);
            Assert.NotEqual(counts[0], counts[1]); // the activity moved between the weeks
        }
    }

    /// <summary>
    /// The mean of three counts admits a different set of candidates than the day-0 count (the first 60 enrolled of each
    /// run differ), and each run admits exactly the candidates its own statistic puts at ≤ 30, recomputed per candidate.
    /// </summary>
    [Fact]
    public void Mean_of_three_counts_admits_a_different_set_than_the_day_0_count()
    {
        var single = Kuter(null);
        var three = Kuter(new ScreeningVisits(3, 7));
        var bySingle = PopulationRunner.Run(single, new PopulationOptions(60, 5, 2));
        var byThree = PopulationRunner.Run(three, new PopulationOptions(60, 5, 2));
        // Each slot enrols its first attempt that passes: the same slots, but on the mean of three another attempt at times.
        var a = bySingle.Subjects.Select(s => (s.Draw.Index, s.Draw.Attempt)).ToArray();
        var b = byThree.Subjects.Select(s => (s.Draw.Index, s.Draw.Attempt)).ToArray();
        Assert.NotEqual(a, b);
        var sampler = new SubjectSampler(three, 5);
        var admittedOnMeanOnly = 0;
        for (var slot = 0; slot < 60; slot++)
        {
            int? firstByDayZero = null, firstByMean = null;
            for (var attempt = 0; firstByDayZero is null || firstByMean is null; attempt++)
            {
                var scenario = sampler.DrawAttempt(slot, attempt).ScenarioFor(three);
                var dayZero = DayZeroCount(scenario);
                var mean = three.Inclusion!.Screening!.CountsFor(scenario, dayZero).Average();
                if (dayZero <= 30) firstByDayZero ??= attempt;
                if (mean <= 30) firstByMean ??= attempt;
                if (mean <= 30 && dayZero > 30 && firstByMean == attempt) admittedOnMeanOnly++;
            }
            Assert.Equal((slot, firstByDayZero.Value), a[slot]);
            Assert.Equal((slot, firstByMean.Value), b[slot]);
        }
        Assert.True(admittedOnMeanOnly > 0);
        // The enrolled carry the mean they were admitted on; subjects.csv gets its column only when the file screens on visits.
        Assert.All(byThree.Subjects, s => Assert.InRange(s.ScreeningMeanPlatelets, 0, 30));
        Assert.Contains(",status,screeningMean,baselinePlatelets,", PopulationFiles.SubjectsCsv(byThree));
        Assert.DoesNotContain("screeningMean", PopulationFiles.SubjectsCsv(bySingle));
        Assert.Contains("baseline platelets (mean of 3 counts 7 days apart) ≤ 30 ×10⁹/L", PopulationMetrics.Json(byThree));
    }

    /// <summary>
    /// The weeks before day 0 follow the stationary law: over 4,000 seeds log m₋₂ has mean 0 and SD σ = √ln(1 + 0.8²)
    /// (4 SE: σ/√n and σ/√(2n)), and log m₋₁ correlates with log m₀ at φ = e^(−7/28) = 0.779 (4 SE, (1 − φ²)/√n).
    /// </summary>
    [Fact]
    public void Weeks_before_day_0_have_the_stationary_law_and_the_weekly_autocorrelation()
    {
        const int n = 4000;
        var sigma = Math.Sqrt(Math.Log(1 + 0.64));
        var phi = Math.Exp(-0.25);
        var x0 = new double[n];
        var x1 = new double[n];
        var x2 = new double[n];
        for (var s = 0; s < n; s++)
        {
            var f = new ActivityFluctuation(0.8, 28, s);
            x0[s] = Math.Log(f.Multipliers(1)[0]);
            var before = f.MultipliersBefore(2);
            x1[s] = Math.Log(before[0]);
            x2[s] = Math.Log(before[1]);
        }
        var mean = x2.Average();
        var sd = Math.Sqrt(x2.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        Assert.InRange(mean, -4 * sigma / Math.Sqrt(n), 4 * sigma / Math.Sqrt(n));
        Assert.InRange(sd, sigma - 4 * sigma / Math.Sqrt(2.0 * n), sigma + 4 * sigma / Math.Sqrt(2.0 * n));
        double Corr(double[] u, double[] v)
        {
            double mu = u.Average(), mv = v.Average();
            return u.Zip(v).Sum(p => (p.First - mu) * (p.Second - mv)) / Math.Sqrt(u.Sum(x => (x - mu) * (x - mu)) * v.Sum(x => (x - mv) * (x - mv)));
        }
        var se = (1 - phi * phi) / Math.Sqrt(n);
        Assert.InRange(Corr(x0, x1), phi - 4 * se, phi + 4 * se);
        Assert.InRange(Corr(x1, x2), phi - 4 * se, phi + 4 * se);
        Assert.Equal(new[] { 1.0, 1.0 }, new ActivityFluctuation(0, 28, 3).MultipliersBefore(2));
    }

    [Theory]
    [InlineData("""{ "counts": 0, "intervalDays": 7 }""", "p.json: $.inclusion.screening.counts: 0 is outside the allowed range [1, 10]")]
    [InlineData("""{ "counts": 2.5, "intervalDays": 7 }""", "p.json: $.inclusion.screening.counts: expected a whole number in [1, 10], found the number 2.5")]
    [InlineData("""{ "counts": 3, "intervalDays": 0.5 }""", "p.json: $.inclusion.screening.intervalDays: 0.5 is outside the allowed range [1, 28] days")]
    [InlineData("""{ "counts": 3 }""", "p.json: $.inclusion.screening.intervalDays: required")]
    [InlineData("""{ "counts": 3, "intervalDays": 7, "every": 1 }""", "p.json: $.inclusion.screening.every: unknown field")]
    [InlineData("""3""", "p.json: $.inclusion.screening: expected { \"counts\": 1–10, \"intervalDays\": 1–28 }")]
    public void Bad_screening_gets_one_line_errors(string screening, string expected)
    {
        var json = $$"""{ "scenario": { "simulation": { "days": 10 } }, "variability": [ { "parameter": "emax", "cv": 0.2 } ], "inclusion": { "baselinePlatelets": { "max": 30 }, "screening": {{screening}} } }""";
        var errors = PopulationParser.Parse(json, "p.json", ".").Errors;
        Assert.Single(errors);
        Assert.Contains(expected, errors[0].ToString());
    }
}
