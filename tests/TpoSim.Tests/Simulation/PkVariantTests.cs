using TpoSim.Drugs.Modules;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Tests.Simulation;

/// <summary>The scenario's <c>pk</c> field selects the published PK variant the simulator couples.</summary>
public class PkVariantTests
{
    private static SimulationResult Run(string pk)
    {
        var parsed = ScenarioParser.Parse($$"""
            { "simulation": { "days": 2, "outputEveryDays": 1 }, {{pk}}
              "doses": [ { "drug": "romiplostim", "route": "sc", "amount": 1, "unit": "ug/kg", "day": 0 },
                         { "drug": "eltrombopag", "route": "oral", "amount": 50, "unit": "mg", "day": 0 } ] }
            """);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        return Simulator.Run(parsed.Value!, cancellation: TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Without_pk_each_drug_uses_its_healthy_subject_model()
    {
        var r = Run("");
        Assert.Equal(["romiplostim", "eltrombopag"], r.Model.PkModels);
    }

    [Fact]
    public void Pk_selects_the_itp_variants()
    {
        var r = Run("""
            "pk": { "romiplostim": "romiplostim-itp", "eltrombopag": "eltrombopag-itp" },
            """);
        Assert.True(r.Succeeded, r.Diagnostic);
        Assert.Equal(["romiplostim-itp", "eltrombopag-itp"], r.Model.PkModels);
        // Gibiansky 2011 ITP CL/F 0.668 L/h (drugs.md) in L/day; the default patient is female: × 0.622 (Farrell 2014).
        Assert.Equal(0.668 * 24 * 0.622, r.Plan.Parameter("eltrombopagClearancePerDay"), 9);
    }

    [Fact]
    public void Every_variant_is_a_model_of_its_own_drug()
    {
        foreach (var drug in DrugModuleCatalog.DrugsWithVariants)
        {
            Assert.Equal(drug, DrugModuleCatalog.VariantsOf(drug)[0]);
            Assert.All(DrugModuleCatalog.VariantsOf(drug), v => Assert.Equal(drug, DrugModuleCatalog.Find(v)!.Drug));
        }
        Assert.Empty(DrugModuleCatalog.VariantsOf("rhTPO"));
        Assert.Equal(["avatrombopag"], DrugModuleCatalog.VariantsOf("avatrombopag"));
    }
}
