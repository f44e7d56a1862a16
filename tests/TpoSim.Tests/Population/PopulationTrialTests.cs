using TpoSim.Population;
using TpoSim.Scenarios;

namespace TpoSim.Tests.Population;

public class PopulationTrialTests
{
    /// <summary>A repository population cut to a short run (screening and covariates are what these tests read).</summary>
    private static PopulationDefinition Short(string file, double days = 2)
    {
        var parsed = PopulationParser.ParseFile(RepoFiles.PathOf("populations", file));
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        var d = parsed.Value!;
        return d with { BaseScenario = d.BaseScenario with { Days = days, OutputStepDays = 1, Titration = null, Doses = [] } };
    }

    [Fact]
    public void Kuter_population_enrols_only_a_screening_mean_at_most_30_with_mean_near_16_and_counts_screen_failures()
    {
        var def = Short("itp-kuter2008.json");
        var result = PopulationRunner.Run(def, new PopulationOptions(300, 5, 2));
        Assert.Equal(300, result.Subjects.Count);
        Assert.Equal(300, result.Succeeded);
        // Kuter 2008 enrolled on the mean of three screening counts ≤ 30, so a day-0 count may lie above 30.
        Assert.All(result.Subjects, s => Assert.InRange(s.ScreeningMeanPlatelets, 0, 30));
        Assert.Contains(result.Subjects, s => s.Summary!.BaselinePlatelets > 30);
        // Kuter 2008: mean baseline ≈16 (range of the two studies' means 14–19 assumed as the target band).
        Assert.InRange(result.MeanBaselinePlatelets, 12, 20);
        Assert.True(result.ScreenFailureCount > 0);
        Assert.Equal(result.Screened, result.Subjects.Count + result.ScreenFailureCount);
        // Enrolment numbers run 0…N−1 in candidate order; candidates skipped are the screen failures.
        Assert.Equal(Enumerable.Range(0, 300), result.Subjects.Select(s => s.Subject));
        Assert.True(result.Subjects.Zip(result.Subjects.Skip(1)).All(p => p.First.Draw.Index < p.Second.Draw.Index));
        // Half splenectomised by enrolment quota (Kuter 2008: 63 of 125); passing candidates of a full stratum are turned away.
        Assert.Equal(150, result.Subjects.Count(s => s.Draw.Splenectomised == true));
        Assert.True(result.ScreenFailures["stratum full"] > 0);
        Assert.Contains("\"splenectomised\": { \"subjects\": 150,", PopulationMetrics.Json(result));
        // The names a file's endpoints may use are exactly the statistics computed, in order.
        Assert.Equal(PopulationMetrics.Names, PopulationMetrics.All(result).Select(m => m.Name));
        // The Kuter file declares its trial's endpoints, with Kuter 2008's published shares.
        var overall = PopulationMetrics.Reported(result).Single(x => x.Statistic.Name == "overallResponseFraction");
        Assert.Equal(0.831, overall.Published!.Value);
    }

    [Fact]
    public void Screening_gives_the_same_bytes_on_one_thread_and_on_all_cores()
    {
        var def = Short("itp-kuter2008.json", days: 7);
        var one = PopulationRunner.Run(def, new PopulationOptions(150, 12, 1));
        var all = PopulationRunner.Run(def, new PopulationOptions(150, 12, Math.Max(2, Environment.ProcessorCount)));
        Assert.Equal(PopulationFiles.SubjectsCsv(one), PopulationFiles.SubjectsCsv(all));
        Assert.Equal(PopulationFiles.BandsCsv(one), PopulationFiles.BandsCsv(all));
        Assert.Equal(PopulationMetrics.Json(one), PopulationMetrics.Json(all));
    }

    [Fact]
    public void Impossible_inclusion_stops_after_the_screening_cap()
    {
        var def = Short("itp-kuter2008.json") with { Inclusion = new InclusionCriteria(null, false, 0.001, false, MaxScreenedPerSubject: 3) };
        var result = PopulationRunner.Run(def, new PopulationOptions(10, 1, 2));
        Assert.Empty(result.Subjects);
        Assert.Equal(30, result.Screened);
        Assert.Equal(30, result.ScreenFailures["baseline platelets"]);
    }

    [Fact]
    public void Covariate_shares_match_their_fractions_within_Monte_Carlo_error()
    {
        const int n = 2000;
        var scenario = ScenarioParser.Parse("""{ "patient": { "condition": { "name": "chronicLiverDisease", "severity": 1 } }, "simulation": { "days": 1 } }""").Value!;
        var def = new PopulationDefinition("cov", scenario, [new("emax", 0.2)], null, null, 0.6)
        {
            EastAsianFraction = 0.41,
            SplenectomisedFraction = 0.25,
            ChildPugh = new ChildPughMix(0.5, 0.3, 0.2),
        };
        var sampler = new SubjectSampler(def, 99);
        var draws = Enumerable.Range(0, n).Select(sampler.Draw).ToArray();
        void Share(double expected, Func<SubjectDraw, bool> f)
        {
            var se = Math.Sqrt(expected * (1 - expected) / n);
            Assert.InRange(draws.Count(f) / (double)n, expected - 4 * se, expected + 4 * se);
        }
        Share(0.6, d => d.Patient.Sex == TpoSim.Physiology.Sex.Male);
        Share(0.41, d => d.Patient.EastAsian);
        Share(0.25, d => d.Splenectomised == true);
        Share(0.5, d => d.ChildPugh == "A");
        Share(0.2, d => d.ChildPugh == "C");
        // The class sets the condition's severity and the Child–Pugh score the PK reads.
        var b = draws.First(d => d.ChildPugh == "B");
        Assert.Equal(8, b.Patient.ChildPughScore);
        Assert.Equal(TpoSim.Conditions.ConditionCatalog.ChildPughSeverity("B"), b.ScenarioFor(def).Conditions[0].Severity, 12);
        var spleenless = draws.First(d => d.Splenectomised == true).ScenarioFor(def);
        Assert.Equal(0, spleenless.ParameterOverrides["spleenPresent"]);
    }

    [Fact]
    public void Inclusion_bounds_are_inclusive_or_exclusive_as_written()
    {
        var max30 = new InclusionCriteria(null, false, 30, false);
        var below30 = new InclusionCriteria(null, false, 30, true);
        Assert.True(max30.Admits(30));
        Assert.False(below30.Admits(30));
        Assert.True(below30.Admits(29.9));
        Assert.False(new InclusionCriteria(10, true, null, false).Admits(10));
        Assert.False(max30.Admits(double.NaN));
        Assert.Equal("baseline platelets < 30 ×10⁹/L", below30.Text);
    }

    [Fact]
    public void Parser_reports_bad_covariates_inclusion_and_response_window_with_paths()
    {
        const string scenario = """{ "simulation": { "days": 10 } }""";
        string Errors(string extra) => string.Join("\n", PopulationParser.Parse($$"""{ "scenario": {{scenario}}, "variability": [ { "parameter": "emax", "cv": 0.2 } ]{{extra}} }""", "p.json", ".").Errors);
        Assert.Contains("$.covariates.eastAsianFraction: 1.5 is outside the allowed range [0, 1]", Errors(""", "covariates": { "eastAsianFraction": 1.5 }"""));
        Assert.Contains("$.covariates.childPugh: the base scenario has no chronicLiverDisease condition", Errors(""", "covariates": { "childPugh": { "A": 1 } }"""));
        Assert.Contains("$.covariates.childPugh: the shares sum to 0.9", Errors(""", "covariates": { "childPugh": { "A": 0.5, "B": 0.4 } }"""));
        Assert.Contains("$.inclusion.baselinePlatelets.below: give either 'max' (inclusive) or 'below' (exclusive), not both", Errors(""", "inclusion": { "baselinePlatelets": { "max": 30, "below": 30 } }"""));
        Assert.Contains("$.inclusion.baselinePlatelets.low: unknown field", Errors(""", "inclusion": { "baselinePlatelets": { "low": 3 } }"""));
        Assert.Contains("$.inclusion.splenectomisedShare: needs covariates.splenectomisedFraction", Errors(""", "inclusion": { "baselinePlatelets": { "max": 30 }, "splenectomisedShare": 0.5 }"""));
        Assert.Contains("$.responseWindow.durableMinResponses: 9 exceeds durableWeeks 8", Errors(""", "responseWindow": { "durableMinResponses": 9 }"""));
        Assert.Contains("$.responseWindow.firstWeek: expected a whole number in [1, 520], found the number 1.5", Errors(""", "responseWindow": { "firstWeek": 1.5 }"""));
    }

    /// <summary>
    /// The splenectomised stratum's phenotype: with a factor f on extraRemovalRate, each splenectomised subject's value is
    /// exactly f times its value without the phenotype (same stream, same η), the others' are unchanged, and over 2000
    /// draws the stratum's mean log value sits at ln(f · typical) within 4 Monte-Carlo SE (SE = ω/√n, ω of CV 0.6).
    /// </summary>
    [Fact]
    public void Splenectomised_phenotype_shifts_that_stratum_draws_by_its_factor_and_leaves_the_others()
    {
        const int n = 2000;
        const double factor = 2.5;
        var scenario = ScenarioParser.Parse("""{ "patient": { "condition": { "name": "itp", "severity": 0.5 } }, "simulation": { "days": 1 } }""").Value!;
        var plain = new PopulationDefinition("spl", scenario, [new("extraRemovalRate", 0.6), new("emax", 0.3)], null, null, 0.35) { SplenectomisedFraction = 0.5 };
        var shifted = plain with { SplenectomisedPhenotype = new StratumPhenotype([new("extraRemovalRate", factor, "assumed: test")], null) };
        var a = new SubjectSampler(plain, 7);
        var b = new SubjectSampler(shifted, 7);
        var typical = a.Typical[0];
        Assert.Equal(5.0 * 0.5, typical, 12); // the itp condition: 5/day × severity
        var logs = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var x = a.Draw(i);
            var y = b.Draw(i);
            Assert.Equal(x.Splenectomised, y.Splenectomised);
            if (y.Splenectomised == true) logs.Add(Math.Log(y.Parameters[0]));
            if (x.Draws != 1 || y.Draws != 1) continue; // a resampled draw takes another η
            Assert.True(x.Parameters[1] == y.Parameters[1], $"{i} {x.Splenectomised} {x.Parameters[0]} {y.Parameters[0]} {x.Parameters[1]} {y.Parameters[1]}");
            Assert.Equal(y.Splenectomised == true ? factor * x.Parameters[0] : x.Parameters[0], y.Parameters[0], 1e-12 * y.Parameters[0]);
        }
        var omega = new ParameterVariability("extraRemovalRate", 0.6).Omega;
        var se = omega / Math.Sqrt(logs.Count);
        Assert.InRange(logs.Average(), Math.Log(factor * typical) - 4 * se, Math.Log(factor * typical) + 4 * se);
        // The subject's scenario carries the shifted typical value for a parameter that does not vary, too.
        var fixedShift = plain with { Variability = [new("emax", 0.3)], SplenectomisedPhenotype = shifted.SplenectomisedPhenotype };
        var first = new SubjectSampler(fixedShift, 7).Draw(Enumerable.Range(0, n).First(k => a.Draw(k).Splenectomised == true));
        Assert.Equal(factor * typical, first.ScenarioFor(fixedShift).ParameterOverrides["extraRemovalRate"], 12);
    }

    [Theory]
    [InlineData(""" "splenectomisedPhenotype": { "shifts": [ { "parameter": "extraRemovalRate", "factor": 2, "source": "x" } ] } """, "p.json: $.covariates.splenectomisedPhenotype: needs covariates.splenectomisedFraction (the stratum it shifts)")]
    [InlineData(""" "splenectomisedFraction": 0.5, "splenectomisedPhenotype": { "shifts": [ { "parameter": "extraRemovalRate", "factor": 12, "source": "x" } ] } """, "p.json: $.covariates.splenectomisedPhenotype.shifts[0].factor: 12 is outside the allowed range [0.1, 10]")]
    [InlineData(""" "splenectomisedFraction": 0.5, "splenectomisedPhenotype": { "shifts": [ { "parameter": "extraRemovalRate", "factor": 2 } ] } """, "p.json: $.covariates.splenectomisedPhenotype.shifts[0].source: required: a citation, or \"assumed: \" and why")]
    [InlineData(""" "splenectomisedFraction": 0.5, "splenectomisedPhenotype": { "shifts": [ { "parameter": "nope", "factor": 2, "source": "x" } ] } """, "p.json: $.covariates.splenectomisedPhenotype.shifts[0].parameter: unknown parameter 'nope'; see 'tposim parameters'")]
    [InlineData(""" "splenectomisedFraction": 0.5, "splenectomisedPhenotype": { "shifts": [] } """, "p.json: $.covariates.splenectomisedPhenotype.shifts: required: a list of 1–10")]
    [InlineData(""" "splenectomisedFraction": 0.5, "splenectomisedPhenotype": { "shifts": [ { "parameter": "extraRemovalRate", "factor": 6, "source": "x" } ] } """, "p.json: $.covariates.splenectomisedPhenotype.shifts[0].factor: 10 × 6 = 60 is outside 'extraRemovalRate''s range [0, 50]")]
    public void Bad_splenectomised_phenotype_gives_one_line_errors(string covariates, string expected)
    {
        var json = $$"""{ "scenario": { "patient": { "parameters": { "extraRemovalRate": 10 } }, "simulation": { "days": 10 } }, "variability": [ { "parameter": "emax", "cv": 0.2 } ], "covariates": { {{covariates}} } }""";
        var errors = PopulationParser.Parse(json, "p.json", ".").Errors.Select(e => e.ToString()).ToArray();
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain('\n', e));
    }
}
