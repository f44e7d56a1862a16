using TpoSim.Physiology;
using TpoSim.Physiology.V2;
using TpoSim.Scenarios;
using TpoSim.Simulation;
using TpoSim.Tests.Physiology.V2;
using TpoSim.Tests.Simulation;

namespace TpoSim.Tests.Physiology;

/// <summary>
/// <c>"model": "v2"</c> runs the v2 core through the same plan, solver and writers as v1 (issue 14: v2 wired into the
/// simulator). The references are the v2 definition integrated on its own (<see cref="V2Harness"/>) and analytic values.
/// </summary>
public class CoreModelSelectionTests
{
    private static SimulationResult RunV2(string patient, string extra = "") =>
        ScenarioTestHelpers.Run($$"""{ "model": "v2", "patient": {{patient}}, "simulation": { "days": 10, "outputEveryDays": 1 } {{extra}} }""");

    [Fact]
    public void A_healthy_v2_run_stays_at_the_v2_set_point_and_reads_tpo_with_35_kDa()
    {
        var r = RunV2("""{ "weightKg": 70 }""");
        Assert.Equal("v2", r.Scenario.Model);
        Assert.Equal("v2", r.Model.Core.Name);
        foreach (var o in r.Outputs)
        {
            // V2Parameters: plateletsReference 250 ×10^9/L, tpoReference 1.3 pM, tpoMolarMass 35,000 g/mol → 45.5 pg/mL.
            Assert.Equal(250, o.PlateletsCirculating, 1e-6 * 250);
            Assert.Equal(1.3, o.TpoFreePicomolar, 1e-6 * 1.3);
            Assert.Equal(1.3 * 35_000 / 1000, o.TpoFreePicogramsPerMl, 1e-6 * 45.5);
        }
    }

    /// <summary>The day-0 state of v2 ITP through the plan is the v2 definition's own steady state with the condition's values.</summary>
    [Theory]
    [InlineData("itp", 0.5)]
    [InlineData("aplasticAnaemia", 0.8)]
    [InlineData("chronicLiverDisease", 1)]
    public void The_v2_day_0_state_is_the_steady_state_of_the_v2_definition(string condition, double severity)
    {
        var r = RunV2($$"""{ "condition": { "name": "{{condition}}", "severity": {{severity}} } }""");
        var model = V2Harness.Shipped;
        var p = V2Harness.Parameters(V2ConditionCatalog.Get(condition)!.Overrides(severity), model);
        var y = V2Harness.SteadyState(p, model);
        var platelets = V2Harness.Observable(p, y, "platelets", model);
        var tpo = V2Harness.Observable(p, y, "tpoFreeObserved", model);
        Assert.Equal(platelets, r.Outputs[0].PlateletsCirculating, 1e-6 * platelets);
        Assert.Equal(tpo, r.Outputs[0].TpoFreePicomolar, 1e-6 * tpo);
        // and it is a steady state: nothing moves over 10 days without events.
        Assert.Equal(platelets, r.Outputs[^1].PlateletsCirculating, 1e-5 * platelets);
    }

    /// <summary>
    /// A transfusion of 300 ×10^9 platelets into a 70 kg adult (blood 70 mL/kg = 4.9 L) adds 300/4.9 = 61.2 ×10^9/L to the
    /// whole-body chain; two thirds circulate (splenic pool 1/3 at health, Aster 1966), so the count rises by ≈ 40.8 at once.
    /// </summary>
    [Fact]
    public void A_v2_transfusion_raises_the_whole_body_count_by_dose_over_blood_volume()
    {
        var r = RunV2("""{ "weightKg": 70 }""", """, "events": [ { "type": "plateletTransfusion", "day": 2, "plateletsE9": 300 } ]""");
        var before = r.Outputs[1].PlateletsWholeBody;
        var at = r.Outputs[2].PlateletsWholeBody;
        Assert.Equal(300 / 4.9, at - before, 0.01 * 300 / 4.9);
    }

    /// <summary>
    /// Splenectomy in v2: the pool (a third of the whole-body platelets at health, Aster 1966) leaves with the spleen, so
    /// at the instant the whole-body count falls by the pooled share and the circulating count does not move; then the
    /// whole remaining mass circulates and the count rises (V11: peak 1.3–3× baseline on days 7–20, as the direct
    /// integration of PublishedObservationV2Tests gives).
    /// </summary>
    [Fact]
    public void A_v2_splenectomy_removes_the_splenic_pool_and_the_count_then_rises()
    {
        var r = ScenarioTestHelpers.Run("""{ "model": "v2", "patient": { "weightKg": 70 }, "simulation": { "days": 40, "outputEveryDays": 0.25 }, "events": [ { "type": "splenectomy", "day": 2 } ] }""");
        var i = r.Days.Select((d, k) => (d, k)).First(x => x.d >= 2).k; // the output at the event day is after it
        var before = r.Outputs[i - 1];
        var after = r.Outputs[i];
        Assert.Equal(before.PlateletsWholeBody * 2 / 3, after.PlateletsWholeBody, 1e-3 * before.PlateletsWholeBody);
        Assert.Equal(before.PlateletsCirculating, after.PlateletsCirculating, 1e-3 * before.PlateletsCirculating);
        var k = Enumerable.Range(0, r.Outputs.Count).MaxBy(j => r.Outputs[j].PlateletsCirculating);
        Assert.InRange(r.Outputs[k].PlateletsCirculating / before.PlateletsCirculating, 1.3, 3);
        Assert.InRange(r.Days[k] - 2, 7, 20);
    }

    private static SimulationPlan PlanV2(string patient = """{ "weightKg": 70 }""") =>
        Simulator.Compile(ScenarioTestHelpers.Parse($$"""{ "model": "v2", "patient": {{patient}}, "simulation": { "days": 1 } }"""));

    /// <summary>
    /// Bleeding 20% of blood in v2: the whole body loses 20% × circulating/whole-body (2/3 at health, Aster 1966) =
    /// 13.3% of its platelets and of what they carry; free plasma TPO is diluted by 20%.
    /// </summary>
    [Fact]
    public void A_v2_bleed_removes_the_circulating_share_of_the_lost_blood_and_dilutes_tpo()
    {
        var plan = PlanV2();
        var m = plan.Model;
        var p = plan.CopyParameters();
        var y = plan.CopyState();
        var before = m.Outputs(y, p);
        var sites = y[m.Compiled.StateIndex("plateletMplFree")];
        TpoSim.Procedures.ProcedureEffects.BleedV2(m, y, p, 0.2);
        var after = m.Outputs(y, p);
        var kept = 1 - 0.2 * 2.0 / 3;
        Assert.Equal(before.PlateletsWholeBody * kept, after.PlateletsWholeBody, 1e-9 * before.PlateletsWholeBody);
        Assert.Equal(sites * kept, y[m.Compiled.StateIndex("plateletMplFree")], 1e-9 * sites);
        Assert.Equal(1.3 * 0.8, y[m.Compiled.StateIndex(CoreModel.FreeTpoState)], 1e-9);
    }

    /// <summary>Radiation in v2: each of the four progenitor stages keeps exp(−dose/D0) (D0 1 Gy, assumed), the MK stages all.</summary>
    [Fact]
    public void A_v2_irradiation_leaves_exp_minus_dose_over_d0_of_the_progenitors()
    {
        var plan = PlanV2();
        var m = plan.Model;
        var p = plan.CopyParameters();
        var y = plan.CopyState();
        var before = (double[])y.Clone();
        TpoSim.Procedures.ProcedureEffects.Irradiate(m, y, p, 2);
        for (var i = 0; i < m.Dimension; i++)
        {
            var name = m.Compiled.StateNames[i];
            var expected = name.StartsWith("progenitor", StringComparison.Ordinal) ? before[i] * Math.Exp(-2) : before[i];
            Assert.Equal(expected, y[i], 1e-12 * Math.Max(1, Math.Abs(before[i])));
        }
        Assert.Equal(CoreModelV2Definition.ProgenitorStages, m.Compiled.StateNames.Count(n => n.StartsWith("progenitor", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Chemotherapy in v2 (the carboplatin-like preset): progenitors die while exposed, MK mass and then platelets fall,
    /// TPO rises as the MK and platelet c-Mpl mass shrinks and peaks before the platelet nadir (Engel C et al. Br J
    /// Haematol 1999;105:832: TPO leads by about a day; nadir within days 10–21), and the count recovers.
    /// </summary>
    [Fact]
    public void A_v2_chemotherapy_pulse_lowers_platelets_with_tpo_leading_the_nadir()
    {
        var r = ScenarioTestHelpers.Run("""{ "model": "v2", "patient": { "weightKg": 70 }, "simulation": { "days": 45, "outputEveryDays": 0.25 }, "events": [ { "type": "chemotherapy", "day": 0, "regimen": "carboplatin", "cycles": 1 } ] }""");
        var nadir = Enumerable.Range(0, r.Outputs.Count).MinBy(j => r.Outputs[j].PlateletsCirculating);
        var tpoPeak = Enumerable.Range(0, r.Outputs.Count).MaxBy(j => r.Outputs[j].TpoFreePicomolar);
        Assert.InRange(r.Days[nadir], 10, 21);
        Assert.True(r.Outputs[nadir].PlateletsCirculating < 0.8 * 250, $"nadir {r.Outputs[nadir].PlateletsCirculating:G4}");
        Assert.True(r.Days[tpoPeak] < r.Days[nadir], $"TPO peak day {r.Days[tpoPeak]}, nadir day {r.Days[nadir]}");
        Assert.True(r.Outputs[tpoPeak].TpoFreePicomolar > 1.3 * 1.5);
        Assert.True(r.Outputs[^1].PlateletsCirculating > r.Outputs[nadir].PlateletsCirculating);
    }

    /// <summary>Liver procedures in v2 act on v2's liver axes: a transplant restores hepatocyte function, mass and translation; a resection lowers mass, which regrows.</summary>
    [Fact]
    public void A_v2_liver_transplant_restores_the_liver_and_a_resection_regrows()
    {
        var cld = ScenarioTestHelpers.Run("""{ "model": "v2", "patient": { "condition": { "name": "chronicLiverDisease", "severity": 1 } }, "simulation": { "days": 60, "outputEveryDays": 1 }, "events": [ { "type": "liverTransplant", "day": 1 } ] }""");
        Assert.True(cld.Outputs[^1].TpoFreePicomolar > 1.5 * cld.Outputs[0].TpoFreePicomolar, "hepatic synthesis restored: TPO rises from the cirrhotic level");
        var resected = ScenarioTestHelpers.Run("""{ "model": "v2", "patient": { "weightKg": 70 }, "simulation": { "days": 120, "outputEveryDays": 1 }, "events": [ { "type": "partialHepatectomy", "day": 1, "fractionResected": 0.5 } ] }""");
        var low = resected.Outputs.Min(o => o.TpoFreePicomolar);
        Assert.True(low < 0.8 * 1.3, $"TPO after resection {low:G4} pM");
        Assert.Equal(1.3, resected.Outputs[^1].TpoFreePicomolar, 0.05 * 1.3);
    }

    [Fact]
    public void A_v2_parameter_is_settable_in_v2_and_unknown_in_v1()
    {
        const string v2 = """{ "model": "v2", "patient": { "parameters": { "antibodyRemovalRate": 1 } } }""";
        Assert.True(ScenarioParser.Parse(v2).Succeeded);
        var v1 = ScenarioParser.Parse(v2.Replace("\"model\": \"v2\", ", "", StringComparison.Ordinal));
        Assert.Contains(v1.Errors, e => e.Path == "$.patient.parameters.antibodyRemovalRate");
        var v1Only = ScenarioParser.Parse("""{ "model": "v2", "patient": { "parameters": { "amrShare": 0.5 } } }""");
        Assert.Contains(v1Only.Errors, e => e.Path == "$.patient.parameters.amrShare");
    }

    [Theory]
    [InlineData("""{ "model": "v3" }""", "$.model")]
    [InlineData("""{ "model": "v2", "pk": { "romiplostim": "romiplostim-itp" }, "doses": [ { "drug": "romiplostim", "route": "sc", "amount": 1, "unit": "ug/kg", "day": 0 } ] }""", "$.pk.romiplostim")]
    public void What_v2_cannot_run_is_a_one_line_error_at_its_path(string json, string path)
    {
        var parsed = ScenarioParser.Parse(json);
        Assert.False(parsed.Succeeded);
        Assert.Contains(parsed.Errors, e => e.Path == path && !e.Message.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_model_is_v1()
    {
        var s = ScenarioTestHelpers.Parse("""{ "patient": { "weightKg": 70 } }""");
        Assert.Equal(CoreModel.V1.Name, s.Model);
        Assert.Same(CoreModel.V1, Simulator.Compile(s).Model.Core);
    }

    /// <summary>A population on v2 varies v2 parameters; the same name on a v1 base scenario is unknown.</summary>
    [Theory]
    [InlineData("v2", true)]
    [InlineData("v1", false)]
    public void A_population_varies_parameters_of_its_scenario_core(string model, bool succeeds)
    {
        var json = $$"""
            { "scenario": { "model": "{{model}}", "patient": { "condition": { "name": "itp", "severity": 0.5 } }, "simulation": { "days": 7 } },
              "variability": [ { "parameter": "antibodyRemovalRate", "cv": 0.5 } ] }
            """;
        var r = TpoSim.Population.PopulationParser.Parse(json, "pop.json", ".");
        Assert.Equal(succeeds, r.Succeeded);
        if (!succeeds) Assert.Contains(r.Errors, e => e.Path == "$.variability[0].parameter");
    }
}
