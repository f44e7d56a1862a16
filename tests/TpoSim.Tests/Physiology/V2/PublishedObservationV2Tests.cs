using TpoSim.Physiology.V2;

namespace TpoSim.Tests.Physiology.V2;

/// <summary>Calibration cases set a parameter (named in its source); validation cases set nothing.</summary>
public enum V2CaseKind
{
    /// <summary>Used to set a parameter.</summary>
    Calibration,
    /// <summary>Never used to set anything.</summary>
    Validation,
}

/// <summary>One published observation of docs/model-v2.md: the model's value must fall in [Lower, Upper].</summary>
/// <param name="Id">Case id (docs/model-v2.md).</param>
/// <param name="Kind">Calibration or validation.</param>
/// <param name="Published">What the paper reports.</param>
/// <param name="Lower">Lower end of the two-sided tolerance.</param>
/// <param name="Upper">Upper end.</param>
/// <param name="Tolerance">Where the tolerance comes from.</param>
/// <param name="KnownFailure">True when the model is known to miss it (recorded, so that a change of status shows).</param>
public sealed record V2Case(string Id, V2CaseKind Kind, string Published, double Lower, double Upper, string Tolerance, bool KnownFailure = false);

/// <summary>
/// Model v2 against the published observations of issue 14, integrated directly (compiled definition, Rodas5P, analytic
/// Jacobian). Each case states its tolerance; a known failure is asserted to still fail, so docs/model-v2.md stays true.
/// </summary>
public class PublishedObservationV2Tests(ITestOutputHelper output)
{
    public static IReadOnlyList<V2Case> Cases { get; } =
    [
        new("healthy-platelets", V2CaseKind.Calibration, "healthy count 250 ×10^9/L (set point)", 150, 450, "normal range 150–450 (Giles 1981)"),
        new("healthy-tpo", V2CaseKind.Calibration, "healthy TPO 1.3 ± 0.5 fmol/mL, n = 12 (Kojima 1996; V1), pM", 1.017, 1.583, "95% interval of the mean (V1)"),
        new("platelet-clearance", V2CaseKind.Calibration, "1.24 ± 0.38 mL/h per 10^9 platelets (Li 1999)", 0.86, 1.62, "± 1 SD (n not in the abstract)"),
        new("rhtpo-half-life", V2CaseKind.Calibration, "serum TPO t½ 20–30 h over 0.3–2.4 µg/kg IV (Vadhan-Raj 1997): mean of the model's t½ at 0.3 and 2.4, h", 20, 30, "published range"),
        new("rhtpo-high-rise", V2CaseKind.Calibration, "+213% platelets after 2.4 µg/kg IV (Vadhan-Raj 1997), %", 142, 284, "assumed ±1/3: no SD in the abstract (3 patients per cohort)"),
        new("rhtpo-peak-day", V2CaseKind.Calibration, "platelet peak on median day 12 (Vadhan-Raj 1997): day of the 2.4 µg/kg peak", 9, 15, "assumed ±3 days: median only"),
        new("neonate-platelets", V2CaseKind.Calibration, "cord-blood platelets 265 ± 64 ×10^9/L (Matsubara 2001)", 201, 329, "± 1 SD"),
        new("rhtpo-low-rise", V2CaseKind.Validation, "+61% platelets after 0.3 µg/kg IV (Vadhan-Raj 1997), %", 41, 81, "assumed ±1/3: no SD in the abstract"),
        new("rhtpo-day4", V2CaseKind.Validation, "rise began by day 4 (Vadhan-Raj 1997): day-4 rise after 0.3 µg/kg, %", 5, 61, "from a measurable rise (5%, count CV) to the published peak"),
        new("rhtpo-mk-fold", V2CaseKind.Validation, "marrow MKs up to 4-fold (Vadhan-Raj 1997): peak MK number after 2.4 µg/kg, fold", 3, 5, "assumed ±25%: maximum only"),
        new("aplastic-tpo", V2CaseKind.Validation, "aplastic anaemia TPO 2,728 ± 1,074 (n = 43) vs 95.3 ± 54 pg/mL (n = 119) at platelets 27 (Schrezenmeier 1998; V7), fold", 24.5, 33.44, "95% interval of the ratio of means (V7)"),
        new("aplastic-tpo-hou", V2CaseKind.Validation, "severe aplastic anaemia TPO 1,514 ± 336 (n = 3) vs 52 ± 12 pg/mL (Hou 1998; V7b), at platelets 10 (SAA: < 20), fold", 22.21, 38.17, "95% interval of the ratio of means (V7b)"),
        new("itp-tpo", V2CaseKind.Validation, "chronic ITP TPO 64 ± 20 (n = 16) vs 52 ± 12 pg/mL (Hou 1998; V6), antibody removal alone at platelets 20, fold", 1.02, 1.48, "95% interval of the ratio of means (V6)", KnownFailure: true),
        new("neonate-tpo", V2CaseKind.Validation, "TPO 3.73–5.92 vs 0.83 fmol/mL in the first month (Ishiguro 1999), fold over that assay's adult normal", 3.73 / 0.83, 5.92 / 0.83, "range of the first-month age-group means (same assay)"),
        new("romiplostim-iv-fold", V2CaseKind.Validation, "romiplostim 10 µg/kg IV in healthy adults: peak ≈6-fold, individual 923–1790 (Wang 2004; V3), fold", 4, 7.8, "V3 tolerance (individual peaks)"),
        new("romiplostim-iv-day", V2CaseKind.Validation, "romiplostim 10 µg/kg IV: peak on day 15 (Wang 2004; V3)", 12, 18, "assumed ±3 days (V4's 12–16 window widened)"),
        new("rhtpo-sc-tmax", V2CaseKind.Calibration, "rhTPO 1 µg/kg SC in healthy Chinese volunteers: Tmax 10.8 h (Chin J Clin Pharmacol 2001), h", 8.1, 13.5, "assumed ±25%: means only in the summary", KnownFailure: true),
        new("rhtpo-sc-cmax", V2CaseKind.Calibration, "rhTPO 1 µg/kg SC: Cmax 0.438 µg/L (Chin J Clin Pharmacol 2001), µg/L", 0.3285, 0.5475, "assumed ±25%: means only in the summary"),
        new("rhtpo-sc-dose-proportional", V2CaseKind.Validation, "rhTPO SC: Cmax 0.831 at 2 vs 0.298 µg/L at 0.5 µg/kg, AUC dose-proportional (Chin J Clin Pharmacol 2001): Cmax ratio 2.79", 2.09, 3.49, "assumed ±25% on the ratio", KnownFailure: true),
        new("rhtpo-sc-tmax-high", V2CaseKind.Validation, "rhTPO 2 µg/kg SC: Tmax 11.8 h (Chin J Clin Pharmacol 2001), h", 8.85, 14.75, "assumed ±25%", KnownFailure: true),
        new("splenectomy-fold", V2CaseKind.Validation, "splenectomy in a healthy adult: thrombocytosis, 30–100%+ rise (Khan 2009 and reviews; V11): peak count over baseline, fold", 1.3, 3, "V11 tolerance"),
        new("splenectomy-day", V2CaseKind.Validation, "splenectomy: peak about days 7–20 (V11): day of the peak", 7, 20, "V11 tolerance"),
        new("romiplostim-sc-fold", V2CaseKind.Validation, "romiplostim 2 µg/kg SC: 6/8 subjects ≥ 2× baseline (Wang 2004; V4), fold", 1.7, 3, "V4 tolerance", KnownFailure: true),
    ];

    public static TheoryData<string> CaseIds() => [.. Cases.Select(c => c.Id)];

    private static readonly Lazy<Dictionary<string, double>> s_values = new(ComputeAll);

    private static readonly Lazy<TpoSim.Model.CompiledModel> s_rhTpo = new(() => TpoSim.Model.ModelCompiler.Compile(V2DrugModuleCatalog.Compose([RhTpoModule.Module])));

    private static Dictionary<string, double> ComputeAll()
    {
        var m = V2Harness.Model;
        var values = new Dictionary<string, double>();
        var adult = V2Harness.Parameters();
        var healthy = V2Harness.SteadyState(adult);
        var tpo0 = healthy[m.StateIndex("tpoFree")];
        values["healthy-platelets"] = V2Harness.Observable(adult, healthy, "platelets");
        values["healthy-tpo"] = tpo0;
        values["platelet-clearance"] = V2Harness.ClearancePerBillionPlatelets(adult, healthy);

        var times = Enumerable.Range(0, 401).Select(i => i * 0.1).ToArray();
        (double[] Platelets, double[] Tpo, double[] Mk) Dose(double microgramsPerKg)
        {
            var y = (double[])healthy.Clone();
            y[m.StateIndex("tpoFree")] += V2Harness.TpoDosePicomolar(adult, microgramsPerKg);
            var run = V2Harness.Run(adult, y, times);
            return (run.Select(s => V2Harness.Observable(adult, s, "platelets")).ToArray(), run.Select(s => s[m.StateIndex("tpoFree")]).ToArray(),
                run.Select(s => V2Harness.Observable(adult, s, "megakaryocyteNumber")).ToArray());
        }
        var high = Dose(2.4);
        var low = Dose(0.3);
        var baseline = values["healthy-platelets"];
        // Terminal half-life from the log-linear slope between day 1 and day 3.
        static double HalfLifeHours(double[] tpo) => Math.Log(2) / (Math.Log(tpo[10] / tpo[30]) / 2) * 24;
        values["rhtpo-half-life"] = (HalfLifeHours(high.Tpo) + HalfLifeHours(low.Tpo)) / 2;
        values["rhtpo-half-life-high"] = HalfLifeHours(high.Tpo);
        values["rhtpo-half-life-low"] = HalfLifeHours(low.Tpo);
        values["rhtpo-high-rise"] = (high.Platelets.Max() / baseline - 1) * 100;
        values["rhtpo-peak-day"] = times[Array.IndexOf(high.Platelets, high.Platelets.Max())];
        values["rhtpo-low-rise"] = (low.Platelets.Max() / baseline - 1) * 100;
        values["rhtpo-day4"] = (low.Platelets[40] / baseline - 1) * 100;
        values["rhtpo-mk-fold"] = high.Mk.Max();

        // A condition's severity solved for the paper's platelet count (bisection on a log scale), then its TPO.
        double AtPlatelets(string control, double target, double lo, double hi, out double[] state)
        {
            var increasing = V2Harness.Observable(V2Harness.Parameters(new Dictionary<string, double> { [control] = hi }),
                V2Harness.SteadyState(V2Harness.Parameters(new Dictionary<string, double> { [control] = hi })), "platelets") > target;
            double[] p = adult, ss = healthy;
            for (var it = 0; it < 36; it++)
            {
                var mid = Math.Sqrt(lo * hi);
                p = V2Harness.Parameters(new Dictionary<string, double> { [control] = mid });
                ss = V2Harness.SteadyState(p);
                if ((V2Harness.Observable(p, ss, "platelets") > target) == increasing) hi = mid; else lo = mid;
            }
            Assert.Equal(target, V2Harness.Observable(p, ss, "platelets"), 0.05 * target);
            state = ss;
            return ss[m.StateIndex("tpoFree")];
        }
        values["aplastic-tpo"] = AtPlatelets("marrowInput", 27, 1e-5, 1, out _) / tpo0;

        values["aplastic-tpo-hou"] = AtPlatelets("marrowInput", 10, 1e-5, 1, out _) / tpo0;
        values["itp-tpo"] = AtPlatelets("antibodyRemovalRate", 20, 0.01, 50, out _) / tpo0;

        // Romiplostim with the one receptor-level Emax: IV into its central volume, SC into its depot.
        var rm = V2Harness.WithRomiplostim;
        var pr = V2Harness.Parameters(null, rm);
        var rHealthy = V2Harness.Healthy(pr, rm);
        var days = Enumerable.Range(0, 421).Select(i => i * 0.1).ToArray();
        var bodyWeight = V2Harness.Value(pr, "bodyWeight", rm);
        var iv = (double[])rHealthy.Clone();
        iv[rm.StateIndex(TpoSiteLigand.Romiplostim.Central)] = 10 * bodyWeight; // µg, IV into the central volume
        var ivCounts = V2Harness.Run(pr, iv, days, rm).Select(s => V2Harness.Observable(pr, s, "platelets", rm)).ToArray();
        values["romiplostim-iv-fold"] = ivCounts.Max() / baseline;
        values["romiplostim-iv-day"] = days[Array.IndexOf(ivCounts, ivCounts.Max())];
        var sc = (double[])rHealthy.Clone();
        sc[rm.StateIndex(TpoSiteLigand.Romiplostim.Depot)] = 2 * bodyWeight * V2Harness.Value(pr, TpoSiteLigand.Romiplostim.P("F"), rm); // µg absorbed
        values["romiplostim-sc-fold"] = V2Harness.Run(pr, sc, days, rm).Max(s => V2Harness.Observable(pr, s, "platelets", rm)) / baseline;

        // rhTPO SC (RhTpoModule): the dose × F into its depot; total free TPO (endogenous + rhTPO) as mass, as the assay reports.
        var rh = s_rhTpo.Value;
        var prh = V2Harness.Parameters(null, rh);
        var hours = Enumerable.Range(0, 193).Select(i => i * 0.25).ToArray();
        (double Tmax, double Cmax) Sc(double microgramsPerKg)
        {
            var y = V2Harness.Healthy(prh, rh);
            y[rh.StateIndex("rhTpoDepot")] = microgramsPerKg * V2Harness.Value(prh, "bodyWeight", rh) * V2Harness.Value(prh, "rhTpoF", rh);
            var c = V2Harness.Run(prh, y, [.. hours.Select(h => h / 24)], rh).Select(s => V2Harness.Observable(prh, s, "rhTpoTotalTpo", rh)).ToArray();
            return (hours[Array.IndexOf(c, c.Max())], c.Max());
        }
        var (tmax1, cmax1) = Sc(1);
        values["rhtpo-sc-tmax"] = tmax1;
        values["rhtpo-sc-cmax"] = cmax1;
        var high2 = Sc(2);
        values["rhtpo-sc-dose-proportional"] = high2.Cmax / Sc(0.5).Cmax;
        values["rhtpo-sc-tmax-high"] = high2.Tmax;

        // Splenectomy: the pooled third of the body's platelets leaves with the spleen; then no pool and no splenic removal.
        var splenectomised = V2Harness.Parameters(new Dictionary<string, double> { ["spleenPresent"] = 0 });
        var afterSurgery = (double[])healthy.Clone();
        for (var i = 1; i <= CoreModelV2Definition.PlateletStages; i++) afterSurgery[m.StateIndex($"plateletAge{i}")] *= 1 - V2Harness.Value(adult, "splenicFractionHealthy");
        foreach (var s in new[] { "plateletMplFree", "plateletTpoComplex" }) afterSurgery[m.StateIndex(s)] *= 1 - V2Harness.Value(adult, "splenicFractionHealthy");
        var splenectomyCounts = V2Harness.Run(splenectomised, afterSurgery, days).Select(s => V2Harness.Observable(splenectomised, s, "platelets")).ToArray();
        values["splenectomy-fold"] = splenectomyCounts.Max() / baseline;
        values["splenectomy-day"] = days[Array.IndexOf(splenectomyCounts, splenectomyCounts.Max())];

        var neonate = V2Harness.Parameters(NeonatalPhysiologyV2.Overrides);
        var neonateState = V2Harness.SteadyState(neonate);
        values["neonate-platelets"] = V2Harness.Observable(neonate, neonateState, "platelets");
        values["neonate-tpo"] = neonateState[m.StateIndex("tpoFree")] / tpo0;
        return values;
    }

    /// <summary>The model's value for case <paramref name="id"/> (docs/model-v2.md's results table).</summary>
    public static double ModelValue(string id) => s_values.Value[id];

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Model_meets_published_observation_or_is_a_recorded_known_failure(string id)
    {
        var c = Cases.Single(x => x.Id == id);
        var value = ModelValue(id);
        var inside = value >= c.Lower && value <= c.Upper;
        output.WriteLine($"{c.Id} ({c.Kind}): model {value:G4}, published {c.Published}, tolerance [{c.Lower:G4}, {c.Upper:G4}] ({c.Tolerance}) → {(inside ? "pass" : "FAIL")}");
        if (c.KnownFailure) Assert.False(inside, $"{c.Id} now passes ({value:G4}): remove KnownFailure and update docs/model-v2.md");
        else Assert.True(inside, $"{c.Id}: model {value:G4} outside [{c.Lower:G4}, {c.Upper:G4}]");
    }

    [Fact]
    public void At_least_a_third_of_the_cases_are_validation_cases()
    {
        Assert.True(Cases.Count(c => c.Kind == V2CaseKind.Validation) * 3 >= Cases.Count);
        Assert.All(Cases, c => Assert.True(c.Lower < c.Upper, c.Id));
    }
}
