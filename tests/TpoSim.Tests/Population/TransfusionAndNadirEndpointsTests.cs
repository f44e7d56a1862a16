using TpoSim.Population;
using TpoSim.Procedures;
using TpoSim.Scenarios;

namespace TpoSim.Tests.Population;

/// <summary>
/// The transfusion, noTransfusion and nadirPerCycle endpoint kinds (issue 15), the chemotherapy kill rate as a varying
/// name, ADAPT's primary endpoint as noTransfusion, and the CIT design file.
/// </summary>
public class TransfusionAndNadirEndpointsTests
{
    private const double End = double.PositiveInfinity;

    private static bool Meets(SubjectSeries s, EndpointKind kind, params double[] a) => new DefinedEndpoint("e", kind, a).Meets(s);

    /// <summary>Days 0–6, counts 60, 40, 12, 8, 30, 55, 70 ×10⁹/L: the lowest output count is 8 (day 3).</summary>
    private static readonly SubjectSeries Falling = new([0, 1, 2, 3, 4, 5, 6], [60, 40, 12, 8, 30, 55, 70], 60);

    [Fact]
    public void Transfusion_is_a_count_below_the_threshold_in_the_window_and_noTransfusion_its_complement()
    {
        // The whole run: min 8, strictly below.
        Assert.True(Meets(Falling, EndpointKinds.Transfusion, 8.001, 0, End));
        Assert.False(Meets(Falling, EndpointKinds.Transfusion, 8, 0, End));
        // Days 4–6: min 30.
        Assert.False(Meets(Falling, EndpointKinds.Transfusion, 30, 4, 6));
        Assert.True(Meets(Falling, EndpointKinds.Transfusion, 30.001, 4, 6));
        // A single day between output points reads the linear count: day 2.5 = (12 + 8)/2 = 10.
        Assert.False(Meets(Falling, EndpointKinds.Transfusion, 10, 2.5, 2.5));
        Assert.True(Meets(Falling, EndpointKinds.Transfusion, 10.001, 2.5, 2.5));
        // A window between output points includes its interpolated ends: days 3.5–3.75 read 19 and 24.5.
        Assert.True(Meets(Falling, EndpointKinds.Transfusion, 19.001, 3.5, 3.75));
        Assert.False(Meets(Falling, EndpointKinds.Transfusion, 19, 3.5, 3.75));
        foreach (var a in new[] { new double[] { 8, 0, End }, [8.001, 0, End], [10, 2.5, 2.5], [10.001, 2.5, 2.5], [30.001, 4, 6] })
            Assert.NotEqual(Meets(Falling, EndpointKinds.Transfusion, a), Meets(Falling, EndpointKinds.NoTransfusion, a));
        Assert.Equal("platelet transfusion (a count < 50 ×10⁹/L on day 10.5; counted, not given)", new DefinedEndpoint("t", EndpointKinds.Transfusion, [50, 10.5, 10.5]).Description);
        Assert.Equal("no platelet transfusion (never a count < 10 ×10⁹/L)", new DefinedEndpoint("t", EndpointKinds.NoTransfusion, [10, 0, End]).Description);
    }

    /// <summary>Three 7-day cycles on days 0–20 (daily): cycle nadirs 60 (day 3), 18 (day 10), 5 (day 14, the first day of cycle 3).</summary>
    private static SubjectSeries Cycles(double cycle2Nadir)
    {
        var counts = new double[21];
        for (var d = 0; d < 21; d++) counts[d] = 200;
        counts[3] = 60;
        counts[10] = cycle2Nadir;
        counts[14] = 5;
        counts[20] = 150;
        return new SubjectSeries(Enumerable.Range(0, 21).Select(d => (double)d).ToArray(), counts, 200);
    }

    [Fact]
    public void Nadir_per_cycle_reads_the_lowest_count_of_cycle_k_only()
    {
        var s = Cycles(18);
        // Arguments: cycle, cycleDays, firstDay, below.
        Assert.True(Meets(s, EndpointKinds.NadirPerCycle, 2, 7, 0, 20));
        Assert.False(Meets(s, EndpointKinds.NadirPerCycle, 2, 7, 0, 18));   // strictly below
        Assert.True(Meets(s, EndpointKinds.NadirPerCycle, 2, 7, 0, 18.001));
        // Day 14 (count 5) starts cycle 3: not cycle 2's.
        Assert.False(Meets(s, EndpointKinds.NadirPerCycle, 2, 7, 0, 10));
        Assert.True(Meets(s, EndpointKinds.NadirPerCycle, 3, 7, 0, 6));
        Assert.False(Meets(s, EndpointKinds.NadirPerCycle, 1, 7, 0, 60));
        Assert.True(Meets(s, EndpointKinds.NadirPerCycle, 1, 7, 0, 60.001));
        // Cycles from day 0.5: cycle 2 runs 7.5 to 14.5 and so holds day 14's 5.
        Assert.True(Meets(s, EndpointKinds.NadirPerCycle, 2, 7, 0.5, 6));
        // The last cycle runs to the end of the run (day 20, 150, is its only other count below 200).
        Assert.True(Meets(new SubjectSeries(s.Days, s.Platelets.Select((c, i) => i == 14 ? 200 : c).ToArray(), 200), EndpointKinds.NadirPerCycle, 3, 7, 0, 150.001));
        // The share below 20 in cycle 2 over four subjects with cycle-2 nadirs 18, 19.99, 20 and 35 is 2/4.
        var share = new[] { 18, 19.99, 20, 35 }.Count(n => Meets(Cycles(n), EndpointKinds.NadirPerCycle, 2, 7, 0, 20)) / 4.0;
        Assert.Equal(0.5, share);
        Assert.Equal("nadir < 50 ×10⁹/L in cycle 2 (days 21–42)", new DefinedEndpoint("n", EndpointKinds.NadirPerCycle, [2, 21, 0, 50]).Description);
    }

    [Theory]
    [InlineData("""{ "name": "x", "kind": "transfusion" }""", "t.json: $.endpoints[0].below: required number is missing; allowed [0, 5000] ×10⁹/L")]
    [InlineData("""{ "name": "x", "kind": "noTransfusion", "below": 50, "fromDay": 9, "toDay": 2 }""", "t.json: $.endpoints[0].toDay: 2 is before fromDay 9")]
    [InlineData("""{ "name": "x", "kind": "transfusion", "below": -1 }""", "t.json: $.endpoints[0].below: -1 is outside the allowed range [0, 5000] ×10⁹/L")]
    [InlineData("""{ "name": "x", "kind": "nadirPerCycle", "cycle": 1.5, "cycleDays": 7, "below": 50 }""", "t.json: $.endpoints[0].cycle: expected a whole number in [1, 50], found the number 1.5")]
    [InlineData("""{ "name": "x", "kind": "nadirPerCycle", "cycle": 3, "cycleDays": 7, "below": 50 }""", "t.json: $.endpoints[0]: cycle 3 would start on day 14, at or after the end of the run (day 14)")]
    [InlineData("""{ "name": "x", "kind": "nadirPerCycle", "cycle": 0, "cycleDays": 7, "below": 50 }""", "t.json: $.endpoints[0].cycle: 0 is outside the allowed range [1, 50]")]
    [InlineData("""{ "name": "x", "kind": "nadirPerCycle", "cycle": 1, "cycleDays": 21, "below": 50 }""", "t.json: $.endpoints[0].cycleDays: 21 is outside the allowed range [1, 14] days (the simulated span)")]
    [InlineData("""{ "name": "x", "kind": "nadirPerCycle", "cycle": 1, "below": 50 }""", "t.json: $.endpoints[0].cycleDays: required number is missing; allowed [1, 14] days")]
    public void Bad_transfusion_and_nadir_endpoints_get_one_line_errors(string endpoint, string expected)
    {
        var json = $$"""{ "scenario": { "simulation": { "days": 14 } }, "variability": [ { "parameter": "emax", "cv": 0.2 } ], "endpoints": [ {{endpoint}} ] }""";
        var errors = PopulationParser.Parse(json, "t.json", ".").Errors.Select(e => e.ToString()).ToArray();
        Assert.True(errors.Any(e => e.Contains(expected, StringComparison.Ordinal) && !e.Contains('\n')), string.Join("\n", errors));
    }

    [Fact]
    public void ChemotherapyKillRate_without_a_chemotherapy_event_is_a_one_line_error()
    {
        var json = """{ "scenario": { "simulation": { "days": 14 } }, "variability": [ { "parameter": "chemotherapyKillRate", "cv": 0.5 } ] }""";
        var errors = PopulationParser.Parse(json, "t.json", ".").Errors.Select(e => e.ToString()).ToArray();
        Assert.Contains("t.json: $.variability[0].parameter: 'chemotherapyKillRate' varies the scenario's chemotherapy, but the base scenario has no chemotherapy event", errors);
    }

    /// <summary>
    /// A subject's chemotherapyKillRate replaces the carboplatin preset's 2/day in every cycle (exposure 1 day kept), and
    /// over 2000 draws with CV 0.5 its log has mean ln 2 and SD ω = √ln(1.25) within 4 Monte-Carlo SE.
    /// </summary>
    [Fact]
    public void A_subjects_kill_rate_rewrites_its_chemotherapy_and_scatters_log_normally_around_the_preset()
    {
        var def = RepoFiles.Population("cit-carboplatin.json");
        var k = def.Variability.ToList().FindIndex(v => v.Parameter == ChemotherapyKillRate.Name);
        Assert.Equal(ChemotherapyRegimen.CarboplatinLike.KillRatePerDay, ChemotherapyKillRate.TypicalValue(def.BaseScenario));
        var sampler = new SubjectSampler(def, 7);
        var draws = Enumerable.Range(0, 2000).Select(sampler.Draw).ToArray();
        var first = draws[0];
        var chemo = first.ScenarioFor(def).Events.OfType<Chemotherapy>().Single();
        Assert.Equal(first.Parameters[k], chemo.Regimen.KillRatePerDay, 12);
        Assert.Equal(1.0, chemo.Regimen.ExposureDays);
        Assert.Equal(4, chemo.Cycles);
        Assert.False(first.ScenarioFor(def).ParameterOverrides.ContainsKey(ChemotherapyKillRate.Name));
        var logs = draws.Select(d => Math.Log(d.Parameters[k])).ToArray();
        var omega = Math.Sqrt(Math.Log(1 + 0.5 * 0.5));
        var mean = logs.Average();
        var sd = Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / (logs.Length - 1));
        Assert.InRange(mean, Math.Log(2) - 4 * omega / Math.Sqrt(2000), Math.Log(2) + 4 * omega / Math.Sqrt(2000));
        Assert.InRange(sd, omega - 4 * omega / Math.Sqrt(2 * 2000), omega + 4 * omega / Math.Sqrt(2 * 2000));
    }

    /// <summary>
    /// ADAPT's primary endpoint is now the noTransfusion kind (a count &lt; 50 on the procedure day, model day 10.5, is a
    /// transfusion): each subject meets it exactly when it meets "≥ 50 on the procedure day", so the shares did not move.
    /// </summary>
    [Fact]
    public void Adapt_no_transfusion_equals_the_procedure_day_count_for_every_subject()
    {
        var def = RepoFiles.Population("cld-adapt.json");
        var arm = def.ForArm(def.Arms![0]);
        var defined = PopulationReducer.DefinedEndpoints(arm);
        Assert.Equal("noTransfusion", defined[0].Kind.Name);
        var result = PopulationRunner.Run(arm, new PopulationOptions(30, 2, 2) { Cancellation = TestContext.Current.CancellationToken });
        var ok = result.Subjects.Where(s => s.Status == SubjectStatus.Ok).ToArray();
        Assert.Equal(30, ok.Length);
        var a = Array.FindIndex(defined, e => e.Name == "noTransfusionBeforeProcedure");
        var b = Array.FindIndex(defined, e => e.Name == "atLeast50OnProcedureDay");
        Assert.All(ok, s => Assert.Equal(s.EndpointHits![b], s.EndpointHits![a]));
        // Not vacuous: some subjects reach 50 and some do not.
        Assert.Contains(ok, s => s.EndpointHits![a]);
        Assert.Contains(ok, s => !s.EndpointHits![a]);
    }

    /// <summary>
    /// The CIT design runs and its arms differ the expected way on the same 40 subjects: weekly romiplostim lowers the
    /// share with a cycle-1 nadir &lt; 50 and raises the share ready (≥ 100) for cycle 2 on day 21.
    /// </summary>
    [Fact] // ≈ 3 s on 2 cores
    public void Cit_design_runs_and_romiplostim_lowers_the_nadirs()
    {
        var def = RepoFiles.Population("cit-carboplatin.json");
        double Share(PopulationResult r, string name)
        {
            var i = Array.FindIndex(PopulationReducer.DefinedEndpoints(r.Definition), e => e.Name == name);
            var ok = r.Subjects.Where(s => s.Status == SubjectStatus.Ok).ToArray();
            Assert.Equal(40, ok.Length);
            return ok.Count(s => s.EndpointHits![i]) / (double)ok.Length;
        }
        var options = new PopulationOptions(40, 3, 2) { Cancellation = TestContext.Current.CancellationToken };
        var alone = PopulationRunner.Run(def.ForArm(def.Arms![0]), options);
        var romiplostim = PopulationRunner.Run(def.ForArm(def.Arms![1]), options);
        Assert.True(Share(alone, "nadirBelow50Cycle1") > 0.05, "the carboplatin-like cycle must bring some subjects below 50");
        Assert.True(Share(romiplostim, "nadirBelow50Cycle1") < Share(alone, "nadirBelow50Cycle1"));
        Assert.True(Share(romiplostim, "atLeast100OnDay21") > Share(alone, "atLeast100OnDay21"));
    }
}
