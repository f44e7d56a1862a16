using TpoSim.Model;
using TpoSim.Physiology;
using TpoSim.Physiology.V2;

namespace TpoSim.Tests.Physiology.V2;

/// <summary>
/// One set of writers serves v1 and v2: every observable of v1's <see cref="CoreModelDefinition"/> (and its ageing and
/// removal rates) exists in v2 as an observable with the same unit, read from the definitions themselves.
/// </summary>
public class V2ObservableContractTests
{
    private static IEnumerable<string> V1ObservableNames() =>
        CoreModelDefinition.Create(AgeGroup.Adult).Variables.Where(v => v.Observable).Select(v => v.Name).Append("ageingRate").Append("plateletRemovalRate");

    public static TheoryData<string> V1Observables() => [.. V1ObservableNames()];

    [Theory]
    [MemberData(nameof(V1Observables))]
    public void V2_exposes_the_v1_observable_with_the_same_unit(string name)
    {
        var v1 = CoreModelDefinition.Create(AgeGroup.Adult).Variable(name);
        var v2 = CoreModelV2Definition.Create().Variable(name);
        Assert.NotNull(v1);
        Assert.True(v2 is { Observable: true }, $"v2 has no observable '{name}'");
        Assert.True(UnitParser.Parse(v1!.Unit).SameAs(UnitParser.Parse(v2!.Unit)), $"{name}: v1 unit {v1.Unit}, v2 unit {v2.Unit}");
    }

    [Fact]
    public void The_contract_lists_the_observables_the_writers_read()
    {
        // The brief's list: if v1 drops one of these, the contract above no longer covers it and this says so.
        string[] expected =
        [
            "platelets", "plateletsWholeBody", "tpoFreeObserved", "megakaryocyteMass", "stimulation", "plateletProduction",
            "tpoSynthesisLiver", "tpoSynthesisKidney", "tpoSynthesisSpleen", "tpoSynthesisStroma", "tpoProduction", "tpoClearance",
            "mplOccupancyPlatelets", "mplOccupancyMegakaryocytes", "ageingRate", "plateletRemovalRate",
        ];
        var listed = V1ObservableNames().ToHashSet();
        Assert.All(expected, n => Assert.Contains(n, listed));
    }

    [Fact]
    public void At_health_v2_synthesis_equals_clearance_and_the_organ_shares_add_up()
    {
        var p = V2Harness.Parameters();
        var y = V2Harness.Healthy(p);
        var production = V2Harness.Observable(p, y, "tpoProduction");
        var parts = new[] { "tpoSynthesisLiver", "tpoSynthesisKidney", "tpoSynthesisSpleen", "tpoSynthesisStroma" }.Sum(n => V2Harness.Observable(p, y, n));
        Assert.Equal(production, parts, production * 1e-12);
        Assert.Equal(production, V2Harness.Observable(p, y, "tpoClearance"), production * 1e-9);   // steady state: in = out
        // 10% extrahepatic (V2Parameters.extrahepaticTpoShare) of which a third stroma: liver 0.9, kidney 0.0667, stroma 0.0333.
        Assert.Equal(0.9, V2Harness.Observable(p, y, "tpoSynthesisLiver") / production, 1e-12);
        Assert.Equal(0.1 / 3, V2Harness.Observable(p, y, "tpoSynthesisStroma") / production, 1e-12);
        // Removal at health: exit rate = ageing 8/9.5 + random 0.02 per day.
        Assert.Equal(8 / 9.5 + 0.02, V2Harness.Observable(p, y, "plateletRemovalRate"), 1e-12);
    }
}
