using TpoSim.Scenarios;
using TpoSim.Simulation;
using TpoSim.Tests.Simulation;

namespace TpoSim.Tests.Drugs;

/// <summary>
/// Eltrombopag at the transmembrane c-Mpl site: dose-dependent rise in healthy men (Jenkins JM et al. Blood
/// 2007;109:4739; the 75 mg arm is validation case V15) and a response in the typical ITP patient of Bussel JB et al.
/// N Engl J Med 2007;357:2237 (50 mg daily; 70% reached ≥ 50 ×10^9/L by day 43), on the ITP disposition (Gibiansky 2011).
/// </summary>
public sealed class EltrombopagResponseTests
{
    private static SimulationResult Run(string json) => ScenarioTestHelpers.Run(json);

    private static double HealthyPeakFold(int mg)
    {
        var r = Run($$"""
            { "patient": { "sex": "male" }, "simulation": { "days": 30, "outputEveryDays": 0.5 },
              "doses": [ { "drug": "eltrombopag", "route": "oral", "amount": {{mg}}, "unit": "mg", "day": 0, "everyDays": 1, "count": 10 } ] }
            """);
        return r.Outputs.Max(o => o.PlateletsCirculating) / r.Outputs[0].PlateletsCirculating;
    }

    [Fact]
    public void Healthy_rise_is_dose_dependent_and_modest()
    {
        var folds = new[] { 30, 50, 75 }.Select(HealthyPeakFold).ToArray();
        Assert.True(folds[0] < folds[1] && folds[1] < folds[2], string.Join(", ", folds));
        // Jenkins 2007: 30 mg gave a small rise, 75 mg ≈1.5–2-fold (V15 holds 1.4–2.2).
        Assert.InRange(folds[0], 1.1, 1.7);
        Assert.InRange(folds[2], 1.4, 2.2);
    }

    [Fact]
    public void Typical_itp_patient_with_baseline_near_19_more_than_doubles_by_day_43_on_50_mg()
    {
        var r = Run("""
            { "patient": { "condition": { "name": "itp", "severity": 0.35 } }, "simulation": { "days": 43, "outputEveryDays": 1 },
              "pk": { "eltrombopag": "eltrombopag-itp" },
              "doses": [ { "drug": "eltrombopag", "route": "oral", "amount": 50, "unit": "mg", "day": 0, "everyDays": 1, "count": 43 } ] }
            """);
        Assert.InRange(r.Outputs[0].PlateletsCirculating, 16, 22);
        // The typical patient more than doubles by day 43. Whether it reaches 50 (Bussel's endpoint) is judged on the
        // population by V14 and V16, which the shipped set fails (48.5 here): docs/validation.md.
        Assert.True(r.Outputs[^1].PlateletsCirculating >= 2 * r.Outputs[0].PlateletsCirculating, $"day 43: {r.Outputs[^1].PlateletsCirculating:0.0}");
        // Bussel 2007: counts were rising by day 15 in > 80%.
        Assert.True(r.Outputs[15].PlateletsCirculating > 1.5 * r.Outputs[0].PlateletsCirculating);
    }
}
