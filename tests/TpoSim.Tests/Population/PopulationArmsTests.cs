using TpoSim.Population;

namespace TpoSim.Tests.Population;

/// <summary>Trial arms in one population file (issue 15): the same subjects in every arm, endpoints per arm and stratum.</summary>
public class PopulationArmsTests
{
    /// <summary>The Kuter 2008 file (romiplostim and placebo arms) cut to <paramref name="days"/> days of daily output.</summary>
    private static PopulationDefinition Kuter(double days = 21)
    {
        var parsed = PopulationParser.ParseFile(RepoFiles.PathOf("populations", "itp-kuter2008.json"));
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        var d = parsed.Value!;
        var t = d.BaseScenario.Titration!;
        return d with { BaseScenario = d.BaseScenario with { Days = days, OutputStepDays = 1, Titration = t with { Days = days } } };
    }

    /// <summary>
    /// Every arm runs the same enrolled candidates with the same draws, and the placebo arm's subjects are byte for byte
    /// those of the same file run without arms and without drug: the arm difference is the drug alone.
    /// </summary>
    [Fact]
    public void Arms_share_the_subjects_and_the_placebo_arm_equals_the_file_run_without_drug()
    {
        // Rescue counted only: over 3 weeks the file's simulated rescue (IVIG on day 7 below 10) lifts the placebo arm's
        // time in range more than romiplostim titrated up from 1 µg/kg does, and this test reads the drug's effect alone.
        var kuter = Kuter();
        var def = kuter with { BaseScenario = kuter.BaseScenario with { Rescue = null } };
        var result = PopulationRunner.Run(def, new PopulationOptions(24, 7, 2));
        var arms = result.Arms!;
        Assert.Equal(["romiplostim", "placebo"], arms.Select(a => a.Arm.Name));
        Assert.Same(result, arms[0].Result);
        var drawn = arms.Select(a => a.Result.Subjects.Select(s => (s.Draw.Index, string.Join(",", s.Draw.Parameters), s.Draw.Patient.BodyWeightKg)).ToArray()).ToArray();
        Assert.Equal(drawn[0], drawn[1]);
        Assert.Equal(24, drawn[0].Length);
        // The drug raises counts: the romiplostim arm's mean time in range is above placebo's.
        Assert.True(arms[0].Result.MeanTimeIn50To200 > arms[1].Result.MeanTimeIn50To200);
        Assert.Equal(0, arms[1].Result.MeanWeeklyDose);
        // One arm run on its own (ForArm) is that arm of the whole trial.
        var alone = PopulationRunner.Run(def.ForArm(def.Arms![0]), new PopulationOptions(24, 7, 2));
        Assert.Null(alone.Arms);
        Assert.Equal(PopulationFiles.SubjectsCsv(arms[0].Result), PopulationFiles.SubjectsCsv(alone));
        Assert.Equal(PopulationFiles.BandsCsv(arms[0].Result), PopulationFiles.BandsCsv(alone));
        Assert.Equal(0.831, PopulationMetrics.Reported(alone).Single(x => x.Statistic.Name == "overallResponseFraction").Published!.Value);
        var noDrug = def with { Arms = null, BaseScenario = def.BaseScenario with { Doses = [], Titration = null } };
        var placebo = PopulationRunner.Run(noDrug, new PopulationOptions(24, 7, 2));
        Assert.Equal(PopulationFiles.SubjectsCsv(placebo), PopulationFiles.SubjectsCsv(arms[1].Result));
        Assert.Equal(PopulationFiles.BandsCsv(placebo), PopulationFiles.BandsCsv(arms[1].Result));
    }

    [Fact]
    public void Arms_give_the_same_bytes_on_one_thread_and_on_all_cores()
    {
        var def = Kuter(days: 14);
        var one = PopulationRunner.Run(def, new PopulationOptions(40, 12, 1));
        var all = PopulationRunner.Run(def, new PopulationOptions(40, 12, Math.Max(2, Environment.ProcessorCount)));
        Assert.Equal(PopulationMetrics.Json(one), PopulationMetrics.Json(all));
        for (var a = 0; a < 2; a++)
        {
            Assert.Equal(PopulationFiles.SubjectsCsv(one.Arms![a].Result), PopulationFiles.SubjectsCsv(all.Arms![a].Result));
            Assert.Equal(PopulationFiles.BandsCsv(one.Arms![a].Result), PopulationFiles.BandsCsv(all.Arms![a].Result));
        }
    }

    /// <summary>
    /// Per stratum, a share is the count over the stratum's subjects with SE √(p(1 − p)/n), a mean has SE SD/√n (SD with
    /// n − 1), a median has none, and each arm's published value for that stratum sits beside it (Kuter 2008 placebo:
    /// overall 0/21 splenectomised, 3/21 not), all recomputed here from the subjects (1e-12 relative).
    /// </summary>
    [Fact]
    public void Stratum_statistics_and_standard_errors_equal_a_hand_computation()
    {
        var def = Kuter(days: 14);
        var result = PopulationRunner.Run(def, new PopulationOptions(30, 3, 2));
        var placebo = result.Arms![1];
        var strata = PopulationMetrics.ByStratum(placebo, result.Definition);
        Assert.Equal(["all", "splenectomised", "notSplenectomised"], strata.Select(s => s.Stratum.Key));
        foreach (var st in strata)
        {
            var ok = placebo.Result.Subjects.Where(s => st.Stratum.Contains(s) && s.Status == SubjectStatus.Ok).Select(s => s.Summary!).ToArray();
            Assert.Equal(ok.Length, st.Succeeded);
            var n = ok.Length;
            var ever = st.Statistics.Single(x => x.Statistic.Name == "fractionEverAtLeast50").Statistic;
            var p = ok.Count(s => s.Response.EverAtLeastThreshold) / (double)n;
            Assert.Equal(p, ever.Value, 1e-12);
            Assert.Equal(Math.Sqrt(p * (1 - p) / n), ever.StandardError, 1e-12);
            var baseline = st.Statistics.Single(x => x.Statistic.Name == "meanBaselinePlatelets").Statistic;
            var mean = ok.Average(s => s.BaselinePlatelets);
            var sd = Math.Sqrt(ok.Sum(s => (s.BaselinePlatelets - mean) * (s.BaselinePlatelets - mean)) / (n - 1));
            Assert.Equal(mean, baseline.Value, 1e-12 * mean);
            Assert.Equal(sd / Math.Sqrt(n), baseline.StandardError, 1e-12 * sd);
            Assert.True(double.IsNaN(st.Statistics.Single(x => x.Statistic.Name == "medianBaselinePlatelets").Statistic.StandardError));
        }
        Assert.Equal(15, strata[1].Subjects);
        Assert.Equal(0.0, strata[1].Statistics.Single(x => x.Statistic.Name == "overallResponseFraction").Published!.Value);
        Assert.Equal(0.143, strata[2].Statistics.Single(x => x.Statistic.Name == "overallResponseFraction").Published!.Value);
        // metrics.json carries every arm and stratum; the top-level metrics are the first arm's, with its published values.
        var json = PopulationMetrics.Json(result);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var armsJson = doc.RootElement.GetProperty("arms");
        Assert.Equal("placebo (no drug)", armsJson[1].GetProperty("regimen").GetString());
        var durable = armsJson[1].GetProperty("strata").GetProperty("notSplenectomised").GetProperty("endpoints").GetProperty("durableResponseFraction");
        Assert.Equal("fraction", durable.GetProperty("unit").GetString());
        Assert.Equal(0.048, durable.GetProperty("published").GetProperty("value").GetDouble());
        Assert.Equal(0.831, doc.RootElement.GetProperty("metrics").GetProperty("overallResponseFraction").GetProperty("published").GetProperty("value").GetDouble());
    }

    [Theory]
    [InlineData(""" "arms": [ ] """, "p.json: $.arms: expected a list of 1–10 arms")]
    [InlineData(""" "arms": [ { "name": "a b" } ] """, "p.json: $.arms[0].name: required: 1–40 letters, digits")]
    [InlineData(""" "arms": [ { "name": "a" }, { "name": "a", "placebo": true } ] """, "p.json: $.arms[1].name: \"a\" is used by another arm")]
    [InlineData(""" "arms": [ { "name": "a", "placebo": true, "doses": [] } ] """, "p.json: $.arms[0].placebo: a placebo arm gives no drug")]
    [InlineData(""" "arms": [ { "name": "a", "placebo": 1 } ] """, "p.json: $.arms[0].placebo: expected true or false, found the number 1")]
    [InlineData(""" "arms": [ { "name": "a", "dose": [] } ] """, "p.json: $.arms[0].dose: unknown field")]
    [InlineData(""" "arms": [ { "name": "a", "doses": [ { "drug": "romiplostim", "amount": -1, "unit": "ug/kg", "day": 0 } ] } ] """, "p.json: $.arms[0].doses[0]")]
    [InlineData(""" "arms": [ { "name": "a", "published": [ { "statistic": "durableResponseFraction", "published": { "value": 0.5, "text": "x" } } ] } ] """, "p.json: $.arms[0].published[0].statistic: \"durableResponseFraction\" is not an endpoint of $.endpoints")]
    [InlineData(""" "arms": [ { "name": "a", "published": [ { "statistic": "overallResponseFraction", "stratum": "childPughA", "published": { "value": 0.5, "text": "x" } } ] } ] """, "p.json: $.arms[0].published[0].stratum: \"childPughA\" is not a stratum of this population; allowed: all, splenectomised, notSplenectomised")]
    [InlineData(""" "arms": [ { "name": "a", "published": [ { "statistic": "overallResponseFraction", "published": { "value": 14, "text": "14%" } } ] } ] """, "p.json: $.arms[0].published[0].published: a fraction is a share in [0, 1]")]
    [InlineData(""" "arms": [ { "name": "a", "published": [ { "statistic": "overallResponseFraction", "stratum": "splenectomised", "published": { "value": 0, "text": "x" } }, { "statistic": "overallResponseFraction", "stratum": "splenectomised", "published": { "value": 0, "text": "x" } } ] } ] """, "p.json: $.arms[0].published[1]: \"overallResponseFraction\" in stratum \"splenectomised\" is given twice")]
    public void Bad_arms_get_one_line_errors(string arms, string expected)
    {
        var json = $$"""
            { "scenario": { "patient": { "condition": { "name": "itp", "severity": 0.5 } }, "simulation": { "days": 14 } },
              "variability": [ { "parameter": "emax", "cv": 0.2 } ], "covariates": { "splenectomisedFraction": 0.5 },
              "endpoints": [ "overallResponseFraction" ], {{arms}} }
            """;
        var errors = PopulationParser.Parse(json, "p.json", ".").Errors.Select(e => e.ToString()).ToArray();
        Assert.True(errors.Any(e => e.Contains(expected, StringComparison.Ordinal)), string.Join("\n", errors));
        Assert.All(errors, e => Assert.DoesNotContain('\n', e));
    }

    [Fact]
    public void A_top_level_published_value_is_refused_with_arms()
    {
        var json = """
            { "scenario": { "simulation": { "days": 14 } }, "variability": [ { "parameter": "emax", "cv": 0.2 } ],
              "endpoints": [ { "statistic": "meanBaselinePlatelets", "published": { "value": 16, "text": "x" } } ], "arms": [ { "name": "a", "placebo": true } ] }
            """;
        Assert.Contains("p.json: $.endpoints[0].published: with arms, give published values in each arm's \"published\" list, by stratum",
            PopulationParser.Parse(json, "p.json", ".").Errors.Select(e => e.ToString()));
    }

    /// <summary>
    /// The Bussel 2009 trial file runs the virtual patients of the two files the validation cases read (V16, V16p): its
    /// eltrombopag arm's subjects are byte for byte those of itp-bussel2009.json and its placebo arm's those of
    /// itp-bussel2009-placebo.json (same seed), and each arm carries its published day-43 share (59%, 16%).
    /// </summary>
    [Fact]
    public void Bussel_2009_trial_arms_equal_the_single_arm_files()
    {
        PopulationDefinition Load(string file)
        {
            var parsed = PopulationParser.ParseFile(RepoFiles.PathOf("populations", file));
            Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
            return parsed.Value!;
        }
        var options = new PopulationOptions(10, 2009, 2);
        var trial = PopulationRunner.Run(Load("itp-bussel2009-trial.json"), options);
        Assert.Equal(["eltrombopag", "placebo"], trial.Arms!.Select(a => a.Arm.Name));
        Assert.Equal(PopulationFiles.SubjectsCsv(PopulationRunner.Run(Load("itp-bussel2009.json"), options)), PopulationFiles.SubjectsCsv(trial.Arms![0].Result));
        Assert.Equal(PopulationFiles.SubjectsCsv(PopulationRunner.Run(Load("itp-bussel2009-placebo.json"), options)), PopulationFiles.SubjectsCsv(trial.Arms![1].Result));
        Assert.Equal(0.589, trial.Arms![0].Arm.PublishedFor("atLeast50OnDay43", "all")!.Value);
        Assert.Equal(0.162, trial.Arms![1].Arm.PublishedFor("atLeast50OnDay43", "all")!.Value);
    }
}
