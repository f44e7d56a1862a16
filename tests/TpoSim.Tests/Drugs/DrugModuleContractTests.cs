using System.Text.RegularExpressions;
using TpoSim.Drugs.Modules;
using TpoSim.Drugs.Pharmacokinetics;
using TpoSim.Parameters;
using TpoSim.Physiology;
using TpoSim.Scenarios;
using static TpoSim.Tests.Drugs.PkTestHelpers;

namespace TpoSim.Tests.Drugs;

/// <summary>What every drug module promises: provenance, routes, molar masses, an allocation-free compiled right-hand side, validated overrides.</summary>
public partial class DrugModuleContractTests
{
    [GeneratedRegex(@"(19|20)\d\d")]
    private static partial Regex Year();

    [Fact]
    public void EveryParameterHasUnitRangeAndSource()
    {
        foreach (var module in DrugModuleCatalog.All)
            foreach (var d in DrugModuleCatalog.ParametersOf(module.Drug))
            {
                Assert.False(string.IsNullOrWhiteSpace(d.Unit), $"{d.Name}: no unit");
                Assert.False(string.IsNullOrWhiteSpace(d.Description), $"{d.Name}: no description");
                Assert.True(d.Allows(d.Value), $"{d.Name}: default outside {d.RangeText}");
                var assumed = d.Source.StartsWith("assumed: ", StringComparison.Ordinal) && d.Source.Length > 25;
                Assert.True(assumed || d.Source.StartsWith("derived: ", StringComparison.Ordinal) || Year().IsMatch(d.Source),
                    $"{d.Name}: source '{d.Source}' is neither a citation nor 'assumed: <reason>'");
                if (module.Drug == "mpl-antagonist") Assert.True(assumed, $"{d.Name}: a hypothetical drug's values must all be assumed");
            }
    }

    [Fact]
    public void ParameterNamesAreUniqueAcrossDrugsAndCatalog()
    {
        var names = new[] { RomiplostimPk.Definitions, RomiplostimItpPk.Definitions, EltrombopagPk.Definitions, AvatrombopagPk.Definitions,
            LusutrombopagPk.Definitions, PegRhuMgdfPk.Definitions, HypotheticalMplAntagonistPk.Definitions }
            .SelectMany(d => d).Select(d => d.Name).Concat(ParameterCatalog.All.Select(d => d.Name)).ToArray();
        Assert.Equal(names.Length, names.Distinct().Count());
    }

    /// <summary>Molar masses from formulas vs the published values (eltrombopag 442.47, avatrombopag 649.65, lusutrombopag 591.5 g/mol); tolerance 0.05 g/mol.</summary>
    [Fact]
    public void MolarMassesMatchFormulas()
    {
        Assert.Equal(442.47, EltrombopagPk.EltrombopagMolarMass.GramsPerMole, 0.05);
        Assert.Equal(649.65, AvatrombopagPk.AvatrombopagMolarMass.GramsPerMole, 0.05);
        Assert.Equal(591.5, LusutrombopagPk.LusutrombopagMolarMass.GramsPerMole, 0.05);
        // 1 ng/mL of a 59 kDa protein is 1000/59000 nM.
        Assert.Equal(1000.0 / 59000, PkUnits.NgPerMlToNanomolar(1, RomiplostimPk.RomiplostimMolarMass.GramsPerMole), 1e-15);
    }

    /// <summary>Every route a module declares lands in one of its own states with 0 ≤ F ≤ 1 and a lag ≥ 0; published F and lag exactly.</summary>
    [Fact]
    public void RoutesAndDoseInputsAreConsistent()
    {
        foreach (var module in DrugModuleCatalog.All)
        {
            var model = PkOnlySimulation.Model(module.Name);
            var p = ParametersOf(Pk(module.Name));
            var drug = model.Drugs[0];
            foreach (var route in Enum.GetValues<Route>())
            {
                if (module.RouteFor(route) is not null)
                {
                    var input = model.DoseInputOf(module.Drug, route, p);
                    Assert.InRange(input.State, drug.Offset, drug.Offset + drug.StateCount - 1);
                    Assert.InRange(input.Bioavailability, 0, 1);
                    Assert.True(input.LagDays >= 0);
                }
                else Assert.Throws<ArgumentException>(() => (object)model.DoseInputOf(module.Drug, route, p));
            }
        }
        var romiplostim = PkOnlySimulation.Model("romiplostim");
        Assert.Equal(0.499, romiplostim.DoseInputOf("romiplostim", Route.Subcutaneous, ParametersOf(Pk("romiplostim"))).Bioavailability);
        var eltrombopag = PkOnlySimulation.Model("eltrombopag").DoseInputOf("eltrombopag", Route.Oral, ParametersOf(Pk("eltrombopag")));
        Assert.Equal(0.447 / 24, eltrombopag.LagDays, 1e-15);
        Assert.Equal(1.46 / 24, eltrombopag.RateSwitchDays!.Value, 1e-15);
    }

    /// <summary>The compiled right-hand side with every module composed in allocates nothing.</summary>
    [Fact]
    public void RightHandSidesDoNotAllocate()
    {
        var model = TpoModelAssembly.Assemble(AgeGroup.Adult, ["romiplostim", "eltrombopag", "avatrombopag", "lusutrombopag", "peg-rhumgdf", "mpl-antagonist"]);
        var p = TpoModelAssembly.Parameters(model.Compiled, ParameterSet.Default, new Patient());
        var y = model.HealthyState(p);
        for (var i = StateLayout.Dimension; i < y.Length; i++) y[i] = 10.0 * i;
        var dydt = new double[y.Length];
        model.Compiled.Derivative(0, y, p, dydt);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) model.Compiled.Derivative(i, y, p, dydt);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.All(dydt, v => Assert.True(double.IsFinite(v)));
    }

    /// <summary>Overrides reach the derived rates (avatrombopag CL 10 L/h → k = 10/V per hour × 24), and unknown or out-of-range ones are refused.</summary>
    [Fact]
    public void OverridesAreValidated()
    {
        var pk = Pk("avatrombopag", overrides: new Dictionary<string, double> { ["avatrombopagClearance"] = 10 });
        var model = PkOnlySimulation.Model("avatrombopag");
        Assert.Equal(10.0 / 199 * 24, ParametersOf(pk)[model.Index("avatrombopagKePerDay")], 1e-14);
        Assert.Contains("'nope' is not a parameter", Assert.Throws<ArgumentException>(() => ParametersOf(Pk("avatrombopag", overrides: new Dictionary<string, double> { ["nope"] = 1 }))).Message);
        Assert.Contains("[0.01, 100] 1/h", Assert.Throws<ArgumentException>(() => ParametersOf(Pk("avatrombopag", overrides: new Dictionary<string, double> { ["avatrombopagKa"] = -1 }))).Message);
    }
}

public class DrugModuleCatalogTests
{
    /// <summary>Each module is named after its drug (a variant after a dash); the catalogue gives each drug's variants, default first.</summary>
    [Fact]
    public void EveryNameFindsItsModuleAndVariantsAreData()
    {
        foreach (var name in DrugModuleCatalog.Names) Assert.StartsWith(DrugModuleCatalog.Find(name)!.Drug, name);
        Assert.Null(DrugModuleCatalog.Find("nplate"));
        Assert.Equal(["romiplostim", "romiplostim-itp"], DrugModuleCatalog.VariantsOf("romiplostim"));
        Assert.Equal(["eltrombopag", "eltrombopag-itp"], DrugModuleCatalog.VariantsOf("eltrombopag"));
        Assert.Equal(["romiplostim", "eltrombopag"], DrugModuleCatalog.DrugsWithVariants);
        Assert.Empty(DrugModuleCatalog.VariantsOf("rhTPO"));
    }
}
