using TpoSim.Drugs;
using TpoSim.Drugs.Modules;
using TpoSim.Dosing;
using TpoSim.Numerics.Ode;
using TpoSim.Parameters;
using TpoSim.Physiology;
using TpoSim.Scenarios;

namespace TpoSim.Tests.Physiology;

public class DrugCouplingTests
{
    private static readonly string[] AllDrugs = ["romiplostim", "eltrombopag", "avatrombopag", "lusutrombopag", "peg-rhumgdf", "mpl-antagonist"];

    private static TestModel WithAllDrugs() => new(ParameterSet.Default, new Patient(), AllDrugs);

    [Fact]
    public void DrugStatesAreAppendedAfterTheCore()
    {
        var model = WithAllDrugs();
        Assert.Equal(StateLayout.Dimension + AllDrugs.Sum(d => DrugModuleCatalog.Find(d)!.Definition.States.Count), model.Dimension);
        Assert.Equal(StateLayout.Dimension, model.Drugs[0].Offset);
        Assert.Equal(StateLayout.Dimension, ModelFixture.Healthy().Dimension);
    }

    [Fact]
    public void WithoutDrugOnBoardTheCoreDerivativeIsUnchangedExactly()
    {
        var plain = ModelFixture.Healthy();
        var coupled = WithAllDrugs();
        var y = coupled.HealthyState();
        var rng = new Random(3);
        for (var i = 0; i < StateLayout.Dimension; i++) y[i] *= 0.5 + rng.NextDouble();
        var f = ModelFixture.Derivative(coupled, y);
        var f0 = ModelFixture.Derivative(plain, y[..StateLayout.Dimension]);
        for (var i = 0; i < StateLayout.Dimension; i++) Assert.Equal(f0[i], f[i]);
        for (var i = StateLayout.Dimension; i < y.Length; i++) Assert.Equal(0, f[i]);
        Assert.All(ModelFixture.Derivative(coupled, coupled.HealthyState()), v => Assert.True(Math.Abs(v) < 1e-9));
    }

    [Fact]
    public void DeclaredSparsityCoversEveryDependencyWithDrugsPresent()
    {
        var model = WithAllDrugs();
        var y = model.HealthyState();
        var rng = new Random(11);
        for (var i = 0; i < StateLayout.Dimension; i++) y[i] *= 0.5 + rng.NextDouble();
        // Drug amounts near each drug's effective range (µg): enough that every term moves.
        foreach (var d in model.Drugs)
            for (var k = 0; k < d.StateCount; k++) y[d.Offset + k] = (d.Drug == "romiplostim" ? 1 : 5000) * (0.5 + rng.NextDouble());
        ModelFixture.AssertPatternCoversDependencies(model, y);
    }

    [Fact]
    public void AvatrombopagSingleDosePeaksNearDayElevenAndReturnsToBaseline()
    {
        // Nomoto M et al. Clin Pharmacol Drug Dev 2018;7:188: single dose in healthy subjects, platelet peak day 11,
        // baseline by about day 27. Tolerance: peak on day 8–14, a real rise (> 5%), within 5% of baseline by day 30.
        var dose = new DoseRecord("avatrombopag", Route.Oral, 40, DoseUnit.Milligram, 0, 0, 1);
        var r = ModelFixture.Run(ModelFixture.Scenario(35, 0.25, doses: [dose]));
        var p = r.Outputs.Select(o => o.PlateletsCirculating).ToArray();
        var peak = Array.IndexOf(p, p.Max());
        Assert.InRange(r.Days[peak], 8, 14);
        Assert.True(p[peak] / p[0] > 1.05, $"peak fold {p[peak] / p[0]:0.###}");
        Assert.InRange(ModelFixture.At(r, 30, o => o.PlateletsCirculating) / p[0], 0.95, 1.05);
    }

    [Fact]
    public void RomiplostimRaisesPlateletsDoseDependently()
    {
        double Fold(double ugPerKg)
        {
            var r = ModelFixture.Run(ModelFixture.Scenario(42, 0.25, doses: [new DoseRecord("romiplostim", Route.Subcutaneous, ugPerKg, DoseUnit.MicrogramPerKg, 0, 0, 1)]));
            return r.Outputs.Max(o => o.PlateletsCirculating) / r.Outputs[0].PlateletsCirculating;
        }
        var low = Fold(1);
        var high = Fold(2);
        Assert.True(low > 1.2 && high > low, $"1 µg/kg {low:0.##}×, 2 µg/kg {high:0.##}×");
    }

    [Fact]
    public void AntagonistLowersPlatelets()
    {
        var dose = new DoseRecord("mpl-antagonist", Route.Oral, 100, DoseUnit.Milligram, 0, 1, 14);
        var r = ModelFixture.Run(ModelFixture.Scenario(28, 0.5, doses: [dose]));
        Assert.True(r.Outputs.Min(o => o.PlateletsCirculating) < 0.8 * r.Outputs[0].PlateletsCirculating);
    }
}

public class CompetitionAtTheTpoSiteTests
{
    private static readonly string[] AllDrugs = ["romiplostim", "eltrombopag", "avatrombopag", "lusutrombopag", "peg-rhumgdf", "mpl-antagonist"];

    /// <summary>A state with TPO and the cell masses perturbed, every drug amount zero.</summary>
    private static double[] PerturbedState(TestModel model, int seed)
    {
        var y = model.HealthyState();
        var rng = new Random(seed);
        for (var i = 0; i < StateLayout.Dimension; i++) y[i] *= 0.3 + 2 * rng.NextDouble();
        return y;
    }

    /// <summary>Which c-Mpl slot each module fills (TPO site, transmembrane site, antagonism) is data: the variables it defines.</summary>
    [Fact]
    public void SitesAreDeclaredPerDrug()
    {
        bool Fills(string module, string slot) => DrugModuleCatalog.Find(module)!.Definition.Variables.Any(v => v.Name == slot);
        Assert.All(["romiplostim", "romiplostim-itp", "peg-rhumgdf"], m => Assert.True(Fills(m, CoreModelDefinition.DrugSlots.TpoSiteRatio), m));
        Assert.All(["eltrombopag", "eltrombopag-itp", "avatrombopag", "lusutrombopag"], m =>
        {
            Assert.True(Fills(m, CoreModelDefinition.DrugSlots.TransmembraneSignal), m);
            Assert.False(Fills(m, CoreModelDefinition.DrugSlots.TpoSiteRatio), m);
        });
        Assert.True(Fills("mpl-antagonist", CoreModelDefinition.DrugSlots.UnblockedFraction));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.2)]
    [InlineData(1.4)]
    [InlineData(30.0)]
    public void StimulationWithEveryDrugAtZeroConcentrationEqualsTheDrugFreeValueExactly(double tpo)
    {
        var coupled = new TestModel(ParameterSet.Default, new Patient(), AllDrugs);
        var plain = ModelFixture.Healthy();
        for (var seed = 0; seed < 5; seed++)
        {
            var y = PerturbedState(coupled, seed);
            Assert.Equal(plain.Stimulation(tpo), coupled.Stimulation(tpo, 0, y));
        }
    }

    /// <summary>Stimulation increment a drug gives at free TPO <paramref name="tpo"/>, with its central amount fixed.</summary>
    private static double Increment(string drug, double centralMicrograms, double tpo)
    {
        var model = new TestModel(ParameterSet.Default, new Patient(), [drug]);
        var y = model.HealthyState();
        y[model.Drugs[0].Offset + 1] = centralMicrograms; // state 1 is "central" in every model used here
        Assert.EndsWith("Central", model.Model.Compiled.StateNames[model.Drugs[0].Offset + 1]);
        return model.Stimulation(tpo, 0, y) - model.Stimulation(tpo);
    }

    [Fact]
    public void RaisingTpoLowersASiteAgonistsIncrementButNotATransmembraneAgonists()
    {
        var healthy = ModelFixture.Healthy()[ParameterId.TpoReference];
        // Romiplostim (TPO site): 10 µg central ≈ a few times its K_d free; the increment must fall as TPO rises.
        var r1 = Increment("romiplostim", 10, healthy);
        var r2 = Increment("romiplostim", 10, 5 * healthy);
        Assert.True(r1 > 0 && r2 < 0.8 * r1, $"romiplostim increment {r1:0.###} at 1× TPO, {r2:0.###} at 5×");
        // Eltrombopag (transmembrane): the same increment whatever TPO is (additive), to rounding.
        var e1 = Increment("eltrombopag", 50_000, healthy);
        var e2 = Increment("eltrombopag", 50_000, 5 * healthy);
        Assert.True(e1 > 0.05, $"eltrombopag increment {e1:0.###}");
        Assert.Equal(e1, e2, 1e-12);
    }

    [Fact]
    public void PegRhuMgdfActsAsTheSameMolarAmountOfTpo()
    {
        // Potency 1 and efficacy 1: a drug concentration of c pM at TPO T stimulates exactly as TPO T + c (analytic).
        var model = new TestModel(ParameterSet.Default, new Patient(), ["peg-rhumgdf"]);
        var y = model.HealthyState();
        y[model.Drugs[0].Offset + 1] = 1.0; // µg
        var ngPerMl = model.DrugConcentrations(0, y)[0];
        var picomolar = 1000 * TpoSim.Drugs.Pharmacokinetics.PkUnits.NgPerMlToNanomolar(ngPerMl, TpoSim.Drugs.Pharmacokinetics.PegRhuMgdfPk.PegRhuMgdfMolarMass.GramsPerMole);
        var tpo = model[ParameterId.TpoReference];
        Assert.Equal(model.Stimulation(tpo + picomolar), model.Stimulation(tpo, 0, y), 1e-12);
    }

    [Fact]
    public void RomiplostimsReceptorPoolIsThePlateletCountWhenHealthyAndCountsMegakaryocytes()
    {
        var model = new TestModel(ParameterSet.Default, new Patient(), ["romiplostim"]);
        var y = model.HealthyState();
        Assert.Equal(model[ParameterId.PlateletsReference], model.ReceptorPlateletEquivalents(y), 1e-9);
        // Platelets cut to a tenth, MK mass doubled: pool = 250·(0.6·0.1 + 0.4·2) with mkReceptorShare 0.4.
        for (var i = StateLayout.FirstPlatelet; i < StateLayout.FreeTpo; i++) y[i] *= 0.1;
        for (var j = StateLayout.FirstMegakaryocyte; j < StateLayout.FirstPlatelet; j++) y[j] = 2;
        var share = ParameterSet.Default[ParameterId.MegakaryocyteReceptorShare];
        Assert.Equal(model[ParameterId.PlateletsReference] * ((1 - share) * 0.1 + share * 2), model.ReceptorPlateletEquivalents(y), 1e-9);
    }
}
