using TpoSim.Population;
using TpoSim.Scenarios;

namespace TpoSim.Tests.Population;

public class PopulationSamplingTests
{
    private static PopulationDefinition Definition(double rho, OutOfRangePolicy policy = OutOfRangePolicy.Resample, double cv = 0.3)
    {
        var scenario = ScenarioParser.Parse("""{ "name": "short", "simulation": { "days": 10, "outputEveryDays": 1 } }""").Value!;
        return new PopulationDefinition("test", scenario, [new("emax", cv), new("kDivision", cv)],
            rho == 0 ? null : new[,] { { 1, rho }, { rho, 1 } },
            new WeightDistribution(WeightDistributionKind.Normal, 70, 12, 40, 140), 0.5, policy);
    }

    [Fact]
    public void LogNormalParameterHasTargetLogMeanAndSd()
    {
        const int n = 2000;
        var def = Definition(0.6);
        var sampler = new SubjectSampler(def, 42);
        var omega = def.Variability[0].Omega;
        var logs = Enumerable.Range(0, n).Select(i => Math.Log(sampler.Draw(i).Parameters[0])).ToArray();
        var mean = logs.Average();
        var sd = Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        // 4σ Monte-Carlo bounds: SE(mean) = ω/√n, SE(sd) ≈ ω/√(2n).
        var typical = Math.Log(TpoSim.Parameters.ParameterSet.Default[TpoSim.Parameters.ParameterId.DivisionEmax]);
        Assert.InRange(mean, typical - 4 * omega / Math.Sqrt(n), typical + 4 * omega / Math.Sqrt(n));
        Assert.InRange(sd, omega - 4 * omega / Math.Sqrt(2.0 * n), omega + 4 * omega / Math.Sqrt(2.0 * n));
    }

    [Fact]
    public void CorrelationOfTwoParametersMatchesTarget()
    {
        const int n = 2000;
        const double rho = 0.6;
        var sampler = new SubjectSampler(Definition(rho), 7);
        var draws = Enumerable.Range(0, n).Select(i => sampler.Draw(i)).ToArray();
        var a = draws.Select(d => Math.Log(d.Parameters[0])).ToArray();
        var b = draws.Select(d => Math.Log(d.Parameters[1])).ToArray();
        var r = Correlation(a, b);
        var se = (1 - rho * rho) / Math.Sqrt(n);
        Assert.InRange(r, rho - 4 * se, rho + 4 * se);
        // Independent when no matrix is given.
        var ind = new SubjectSampler(Definition(0), 7);
        var d0 = Enumerable.Range(0, n).Select(i => ind.Draw(i)).ToArray();
        Assert.InRange(Correlation(d0.Select(d => Math.Log(d.Parameters[0])).ToArray(), d0.Select(d => Math.Log(d.Parameters[1])).ToArray()),
            -4 / Math.Sqrt(n), 4 / Math.Sqrt(n));
    }

    [Fact]
    public void DrawDependsOnlyOnSeedAndIndex()
    {
        var s1 = new SubjectSampler(Definition(0.6), 11);
        var s2 = new SubjectSampler(Definition(0.6), 11);
        Assert.Equal(s1.Draw(5).Parameters, s2.Draw(5).Parameters);
        Assert.Equal(s1.Draw(5).Patient, s2.Draw(5).Patient);
        Assert.NotEqual(s1.Draw(5).Parameters, s1.Draw(6).Parameters);
        Assert.NotEqual(s1.Draw(5).Parameters, new SubjectSampler(Definition(0.6), 12).Draw(5).Parameters);
    }

    [Fact]
    public void EachSubjectGetsItsOwnModelSeedFromItsStream()
    {
        var def = Definition(0.6);
        var s1 = new SubjectSampler(def, 11);
        var seeds = Enumerable.Range(0, 200).Select(i => s1.Draw(i).ModelSeed!.Value).ToArray();
        // Reproducible for (seed, index), different between subjects (31-bit draws: a collision among 200 has p ≈ 1e-5).
        Assert.Equal(seeds, Enumerable.Range(0, 200).Select(i => new SubjectSampler(def, 11).Draw(i).ModelSeed!.Value));
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
        Assert.All(seeds, v => Assert.True(v >= 0));
        // The subject's scenario carries it, so its ITP activity fluctuation (if any) is its own.
        Assert.Equal(seeds[3], s1.Draw(3).ScenarioFor(def).Seed);
    }

    [Fact]
    public void OutOfRangeValuesAreResampledOrClamped()
    {
        // CV 2 on emax (typical ≈4.2, range 1.05–50) often leaves the range.
        var resampled = new SubjectSampler(Definition(0, OutOfRangePolicy.Resample, 2), 3);
        var clamped = new SubjectSampler(Definition(0, OutOfRangePolicy.Clamp, 2), 3);
        var r = Enumerable.Range(0, 300).Select(resampled.Draw).ToArray();
        var c = Enumerable.Range(0, 300).Select(clamped.Draw).ToArray();
        Assert.All(r, d => Assert.InRange(d.Parameters[0], 1.05, 50));
        Assert.Contains(r, d => d.Draws > 1);
        Assert.All(c, d => Assert.InRange(d.Parameters[0], 1.05, 50));
        Assert.Contains(c, d => d.Parameters[0] == 1.05);
        Assert.All(c, d => Assert.Equal(1, d.Draws));
    }

    [Fact]
    public void WeightStaysInsideBoundsAndSexFollowsFraction()
    {
        var sampler = new SubjectSampler(Definition(0), 5);
        var draws = Enumerable.Range(0, 2000).Select(sampler.Draw).ToArray();
        Assert.All(draws, d => Assert.InRange(d.Patient.BodyWeightKg, 40, 140));
        var male = draws.Count(d => d.Patient.Sex == TpoSim.Physiology.Sex.Male) / 2000.0;
        Assert.InRange(male, 0.5 - 4 * Math.Sqrt(0.25 / 2000), 0.5 + 4 * Math.Sqrt(0.25 / 2000));
    }

    [Fact]
    public void PercentileInterpolatesBetweenOrderStatistics()
    {
        double[] v = [1, 2, 3, 4, 5];
        Assert.Equal(3, PopulationReducer.Percentile(v, 50));
        Assert.Equal(1.2, PopulationReducer.Percentile(v, 5), 12);
        Assert.Equal(5, PopulationReducer.Percentile(v, 100));
        Assert.True(double.IsNaN(PopulationReducer.Percentile([], 50)));
    }

    private static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average();
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.Sqrt(saa * sbb);
    }
}

public class PopulationRunTests
{
    private const string ShortScenario = """
        { "name": "short destruction", "simulation": { "days": 20, "outputEveryDays": 1 },
          "events": [ { "type": "setParameter", "day": 5, "parameter": "extraRemovalRate", "value": 0.5 } ] }
        """;

    private static PopulationDefinition Definition() =>
        PopulationDefinition.DefaultFor(ScenarioParser.Parse(ShortScenario).Value!);

    [Fact]

    [Trait("Category", "Slow")]
    public void SameSeedGivesIdenticalFilesOnOneAndManyThreads()
    {
        var one = PopulationRunner.Run(Definition(), new PopulationOptions(150, 99, 1));
        var many = PopulationRunner.Run(Definition(), new PopulationOptions(150, 99, Math.Max(4, Environment.ProcessorCount)));
        Assert.Equal(PopulationFiles.BandsCsv(one), PopulationFiles.BandsCsv(many));
        Assert.Equal(PopulationFiles.SubjectsCsv(one), PopulationFiles.SubjectsCsv(many));
        Assert.Equal(150, one.Succeeded);
    }

    [Fact]
    public void SubjectsCsvWrittenRowByRowIsTheBytesOfTheTable()
    {
        // WriteAll streams subjects.csv to the file; it must hold exactly the UTF-8 (no BOM) bytes of SubjectsCsv, the
        // table the web API serves and the thread-count tests compare (a failed row included: its empty fields differ).
        var options = new PopulationOptions(6, 3, 1) { ScenarioHook = (d, s) => d.Index == 2 ? throw new InvalidOperationException("injected \"fault\", µ") : s };
        var result = PopulationRunner.Run(Definition(), options);
        Assert.Equal(5, result.Succeeded);
        var dir = Path.Combine(Path.GetTempPath(), "tposim-subjects-" + Guid.NewGuid().ToString("N"));
        try
        {
            PopulationFiles.WriteAll(result, dir);
            var expected = new System.Text.UTF8Encoding(false).GetBytes(PopulationFiles.SubjectsCsv(result));
            Assert.Equal(expected, File.ReadAllBytes(Path.Combine(dir, "subjects.csv")));
            Assert.Equal(7, PopulationFiles.SubjectsCsv(result).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void FailedSubjectIsReportedAndTheRunContinues()
    {
        var options = new PopulationOptions(12, 1, 3)
        {
            ScenarioHook = (draw, scenario) => draw.Index switch
            {
                3 => throw new InvalidOperationException("injected fault"),
                7 => scenario with { ParameterOverrides = new Dictionary<string, double> { ["noSuchParameter"] = 1 } },
                _ => scenario,
            },
        };
        var result = PopulationRunner.Run(Definition(), options);
        Assert.Equal(10, result.Succeeded);
        Assert.Equal(2, result.Failed);
        Assert.Equal(SubjectStatus.Error, result.Subjects[3].Status);
        Assert.Contains("injected fault", result.Subjects[3].Diagnostic);
        Assert.Equal(SubjectStatus.Error, result.Subjects[7].Status);
        var csv = PopulationFiles.SubjectsCsv(result).Split('\n');
        Assert.Contains(",error,", csv[4]);
        Assert.Contains("injected fault", csv[4]);
        Assert.All(result.PlateletBands, b => Assert.All(b, v => Assert.True(double.IsFinite(v))));
    }

    [Fact]
    public void BandsAreOrderedAndSummaryIsSensible()
    {
        var result = PopulationRunner.Run(Definition(), new PopulationOptions(60, 3, 2));
        for (var i = 0; i < result.Days.Count; i++)
        {
            for (var q = 1; q < 5; q++)
            {
                Assert.True(result.PlateletBands[q][i] >= result.PlateletBands[q - 1][i]);
                Assert.True(result.TpoBands[q][i] >= result.TpoBands[q - 1][i]);
            }
        }
        Assert.InRange(result.MedianBaselinePlatelets, 200, 300);
        Assert.Equal(1.0, result.FractionEverAtLeast50);
    }

    [Fact]
    public void MemoryIsCappedByGridPointsNotBySubjects()
    {
        var fine = ScenarioParser.Parse("""{ "simulation": { "days": 3650, "outputEveryDays": 0.1 } }""").Value!;
        var year = ScenarioParser.Parse("""{ "simulation": { "days": 365, "outputEveryDays": 0.5 } }""").Value!;
        Assert.NotNull(PopulationRunner.CheckSize(fine, 100));
        Assert.Null(PopulationRunner.CheckSize(year, PopulationRunner.MaxSubjects));
        Assert.NotNull(PopulationRunner.CheckSize(year, 0));
    }
}

public class PopulationParserTests
{
    private static string Errors(string json)
    {
        var r = PopulationParser.Parse(json, "pop.json", ".");
        Assert.False(r.Succeeded);
        Assert.All(r.Errors, e => Assert.DoesNotContain('\n', e.ToString()));
        return string.Join("\n", r.Errors.Select(e => e.ToString()));
    }

    private const string Inline = """{ "simulation": { "days": 10 } }""";

    [Fact]
    public void GoodDefinitionParses()
    {
        var r = PopulationParser.Parse($$"""
            { "scenario": {{Inline}}, "variability": [ { "parameter": "emax", "cv": 0.3 }, { "parameter": "kDivision", "cv": 0.2 } ],
              "correlation": [[1, 0.4], [0.4, 1]], "covariates": { "weightKg": { "distribution": "logNormal", "median": 70, "cv": 0.2, "min": 40, "max": 150 }, "maleFraction": 0.4 },
              "outOfRange": "clamp" }
            """, "pop.json", ".");
        Assert.True(r.Succeeded, string.Join("; ", r.Errors));
        Assert.Equal(OutOfRangePolicy.Clamp, r.Value!.OutOfRange);
        Assert.Equal(0.4, r.Value.MaleFraction);
    }

    [Fact]
    public void Declared_endpoints_are_read_in_order_with_their_published_values()
    {
        var r = PopulationParser.Parse($$"""
            { "scenario": {{Inline}}, "variability": [ { "parameter": "emax", "cv": 0.3 } ], "endpoints": [ "fractionEverAtLeast50",
              { "statistic": "overallResponseFraction", "published": { "value": 0.83, "low": 0.737, "high": 0.897, "text": "69/83 (Kuter 2008)" } } ] }
            """, "pop.json", ".");
        Assert.True(r.Succeeded, string.Join("; ", r.Errors));
        var e = r.Value!.Endpoints!;
        Assert.Equal(["fractionEverAtLeast50", "overallResponseFraction"], e.Select(x => x.Statistic));
        Assert.Null(e[0].Published);
        Assert.Equal(new PublishedEndpoint(0.83, 0.737, 0.897, "69/83 (Kuter 2008)"), e[1].Published);
    }

    [Theory]
    [InlineData("""[ "overallResponse" ]""", "pop.json: $.endpoints[0]: \"overallResponse\" is not a statistic; allowed: meanBaselinePlatelets")]
    [InlineData("""[ "meanWeeklyDose", "meanWeeklyDose" ]""", "pop.json: $.endpoints[1]: \"meanWeeklyDose\" is listed twice")]
    [InlineData("""[]""", "pop.json: $.endpoints: expected a non-empty list")]
    [InlineData("""[ { "statistic": "overallResponseFraction", "published": { "value": 59, "text": "59%" } } ]""", "pop.json: $.endpoints[0].published: a fraction is a share in [0, 1]")]
    // Every statistic whose unit is "fraction" is checked, whatever its name (issue 15: these four slipped through).
    [InlineData("""[ { "statistic": "fractionEverAtLeast50", "published": { "value": 78.1, "text": "78.1%" } } ]""", "pop.json: $.endpoints[0].published: a fraction is a share in [0, 1]")]
    [InlineData("""[ { "statistic": "fractionNeedingRescue", "published": { "value": 0.6, "high": 62, "text": "57–62%" } } ]""", "pop.json: $.endpoints[0].published: a fraction is a share in [0, 1]")]
    [InlineData("""[ "meanWeeklyDose", { "statistic": "fractionWithEventAbove400", "published": { "value": 5, "text": "5%" } } ]""", "pop.json: $.endpoints[1].published: a fraction is a share in [0, 1]")]
    [InlineData("""[ { "statistic": "meanTimeIn50To200", "published": { "value": 40, "text": "40%" } } ]""", "pop.json: $.endpoints[0].published: a fraction is a share in [0, 1]")]
    [InlineData("""[ { "statistic": "medianTimeIn50To200", "published": { "value": 1.5, "text": "x" } } ]""", "pop.json: $.endpoints[0].published: a fraction is a share in [0, 1]")]
    [InlineData("""[ "meanWeeklyDose", "nope" ]""", "pop.json: $.endpoints[1]: \"nope\" is not a statistic")]
    [InlineData("""[ { "statistic": "nope" } ]""", "pop.json: $.endpoints[0].statistic: \"nope\" is not a statistic")]
    [InlineData("""[ { "published": { "value": 1, "text": "x" } } ]""", "pop.json: $.endpoints[0].statistic: missing")]
    [InlineData("""[ { "statistic": "meanWeeklyDose", "published": { "value": 3, "low": 4, "text": "x" } } ]""", "pop.json: $.endpoints[0].published: needs low ≤ value ≤ high")]
    [InlineData("""[ { "statistic": "meanWeeklyDose", "published": { "value": 3 } } ]""", "pop.json: $.endpoints[0].published.text: required text is missing")]
    [InlineData("""[ { "statistic": "meanWeeklyDose", "publish": 3 } ]""", "pop.json: $.endpoints[0].publish: unknown field")]
    public void Bad_endpoints_get_one_line_errors(string endpoints, string expected) =>
        Assert.Contains(expected, Errors($$"""{ "scenario": {{Inline}}, "variability": [ { "parameter": "emax", "cv": 0.3 } ], "endpoints": {{endpoints}} }"""));

    [Fact]
    public void CommittedPopulationFilesParse()
    {
        var dir = Path.Combine(RepoRoot(), "populations");
        var files = Directory.GetFiles(dir, "*.json");
        Assert.NotEmpty(files);
        foreach (var f in files)
        {
            var r = PopulationParser.ParseFile(f);
            Assert.True(r.Succeeded, string.Join("; ", r.Errors));
        }
    }

    [Theory]
    [InlineData("""[ { "parameter": "emax", "cv": 2.5 } ]""", "pop.json: $.variability[0].cv: 2.5 is outside the allowed range [0, 2]")]
    [InlineData("""[ { "parameter": "emaxx", "cv": 0.2 } ]""", "pop.json: $.variability[0].parameter: unknown parameter 'emaxx'")]
    [InlineData("""[ { "parameter": "spleenPresent", "cv": 0.2 } ]""", "$.variability[0].parameter: 'spleenPresent' is a 0/1 switch")]
    [InlineData("""[ { "parameter": "extraRemovalRate", "cv": 0.2 } ]""", "typical value > 0")]
    [InlineData("""[ { "parameter": "emax", "cv": 0.2, "sd": 1 } ]""", "$.variability[0].sd: unknown field")]
    public void BadVariabilityGivesOneLineErrors(string variability, string expected)
    {
        Assert.Contains(expected, Errors($$"""{ "scenario": {{Inline}}, "variability": {{variability}} }"""));
    }

    /// <summary>
    /// A drug's PD parameter varies like any other (issue 13 item 5): its typical value is the module's (eltrombopag EC50
    /// 18,800 ng/mL), and 4,000 subjects at CV 0.5 have a geometric mean within 3% of it and a log-SD within 4% of
    /// √ln(1 + 0.5²) = 0.472 (the standard errors are 0.8% and 1.1%); a parameter of an undosed drug is refused.
    /// </summary>
    [Fact]
    public void A_pd_parameter_varies_between_subjects()
    {
        const string withDrug = """{ "simulation": { "days": 10 }, "doses": [ { "drug": "eltrombopag", "route": "oral", "amount": 50, "unit": "mg", "day": 0 } ] }""";
        var r = PopulationParser.Parse($$"""{ "scenario": {{withDrug}}, "variability": [ { "parameter": "eltrombopagEc50", "cv": 0.5 } ] }""", "pop.json", ".");
        Assert.True(r.Succeeded, string.Join("; ", r.Errors));
        var sampler = new SubjectSampler(r.Value!, 3);
        Assert.Equal(18800, sampler.Typical[0]);
        var logs = Enumerable.Range(0, 4000).Select(i => Math.Log(sampler.Draw(i).Parameters[0])).ToArray();
        var mean = logs.Average();
        var sd = Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / (logs.Length - 1));
        Assert.Equal(Math.Log(18800), mean, 0.03);
        Assert.Equal(Math.Sqrt(Math.Log(1.25)), sd, 0.04 * Math.Sqrt(Math.Log(1.25)));
        Assert.Contains("'eltrombopagEc50' is a parameter of a drug the base scenario does not dose",
            Errors($$"""{ "scenario": {{Inline}}, "variability": [ { "parameter": "eltrombopagEc50", "cv": 0.5 } ] }"""));
    }

    [Theory]
    [InlineData("[[1, 0.5], [0.4, 1]]", "$.correlation[1][0]: 0.4 differs from [0][1] = 0.5; the matrix must be symmetric")]
    [InlineData("[[1, 1], [1, 1]]", "$.correlation: not positive definite")]
    [InlineData("[[1, 0.5]]", "$.correlation: expected a 2×2 array")]
    [InlineData("[[1, 1.5], [1.5, 1]]", "$.correlation[0][1]: 1.5 is outside the allowed range [-1, 1]")]
    [InlineData("[[0.9, 0], [0, 1]]", "$.correlation[0][0]: 0.9 on the diagonal")]
    public void BadCorrelationGivesOneLineErrors(string matrix, string expected)
    {
        Assert.Contains(expected, Errors($$"""
            { "scenario": {{Inline}}, "variability": [ { "parameter": "emax", "cv": 0.3 }, { "parameter": "kDivision", "cv": 0.2 } ], "correlation": {{matrix}} }
            """));
    }

    [Theory]
    [InlineData("""{ "weightKg": { "distribution": "normal", "mean": 70, "sd": 10, "min": 80, "max": 60 } }""", "$.covariates.weightKg.max: 60 must be greater than min 80")]
    [InlineData("""{ "weightKg": { "distribution": "gamma" } }""", "$.covariates.weightKg.distribution: unknown value 'gamma'; allowed: normal, logNormal")]
    [InlineData("""{ "weightKg": { "distribution": "normal", "mean": 70, "sd": 10, "min": 0.1, "max": 90 } }""", "$.covariates.weightKg.min: 0.1 is outside the allowed range [0.5, 250] kg")]
    [InlineData("""{ "maleFraction": 1.2 }""", "$.covariates.maleFraction: 1.2 is outside the allowed range [0, 1]")]
    public void BadCovariatesGiveOneLineErrors(string covariates, string expected)
    {
        Assert.Contains(expected, Errors($$"""{ "scenario": {{Inline}}, "variability": [ { "parameter": "emax", "cv": 0.3 } ], "covariates": {{covariates}} }"""));
    }

    [Fact]
    public void BadBaseScenarioIsReportedWithItsPath()
    {
        Assert.Contains("pop.json: $.scenario.simulation.days:", Errors("""{ "scenario": { "simulation": { "days": -1 } }, "variability": [ { "parameter": "emax", "cv": 0.3 } ] }"""));
        Assert.Contains("missing.json: $: cannot read the file", Errors("""{ "scenario": "missing.json", "variability": [ { "parameter": "emax", "cv": 0.3 } ] }"""));
        Assert.Contains("pop.json: $.outOfRange:", Errors($$"""{ "scenario": {{Inline}}, "variability": [ { "parameter": "emax", "cv": 0.3 } ], "outOfRange": "drop" }"""));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TpoSim.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("TpoSim.slnx not found");
    }
}
