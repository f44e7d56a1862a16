using TpoSim.Simulation;
using TpoSim.Scenarios;
using TpoSim.Tests.Physiology;

namespace TpoSim.Tests.Procedures;

public class ProcedureTests
{
    [Fact]
    public void BleedingRemovesTheCirculatingFractionAndItsShareOfThePool()
    {
        // Analytic: losing 30% of blood volume removes 30% of circulating platelets; the splenic pool re-equilibrates,
        // so the whole body loses 30% × (1 − 1/3) = 20% and the count drops 20% at once.
        var r = ModelFixture.Run(ModelFixture.Scenario(20, 0.25, events: [new Bleeding(2, 30)]));
        Assert.Equal(0.8, ModelFixture.At(r, 2, o => o.PlateletsCirculating) / 250, 9);
        Assert.Equal(0.7, ModelFixture.At(r, 2, o => o.TpoFreePicomolar) / 1.4, 9);
        Assert.InRange(ModelFixture.At(r, 20, o => o.PlateletsCirculating), 240, 262); // production restores the count
    }

    [Fact]
    public void SplenectomyRemovesThePoolAndTheSpleen()
    {
        var r = ModelFixture.Run(ModelFixture.Scenario(3, 0.25, events: [new Splenectomy(1)]));
        // The circulating count is unchanged at the moment of surgery; the pooled third leaves with the spleen.
        Assert.Equal(250, ModelFixture.At(r, 1, o => o.PlateletsCirculating), 6);
        Assert.Equal(250, ModelFixture.At(r, 1, o => o.PlateletsWholeBody), 6);
        Assert.Equal(0.0, r.FinalParameter(TpoSim.Parameters.ParameterId.SplenicFraction));
    }

    [Fact]
    public void LiverTransplantRestoresHepaticSynthesisButNotTheSpleen()
    {
        var scenario = ModelFixture.Scenario(200, 1, events: [new LiverTransplant(1)]) with
        {
            Conditions = [new ConditionChoice("chronicLiverDisease", 1, new Dictionary<string, double>())],
        };
        var r = ModelFixture.Run(scenario);
        Assert.Equal(1.0, r.FinalParameter(TpoSim.Parameters.ParameterId.LiverFunction));
        Assert.Equal(0.786, r.FinalParameter(TpoSim.Parameters.ParameterId.SplenicFraction), 9);
        var before = r.Outputs[0];
        var after = r.Outputs[^1];
        Assert.True(after.TpoFreePicomolar > before.TpoFreePicomolar);
        Assert.True(after.PlateletsCirculating > before.PlateletsCirculating);
        Assert.True(after.PlateletsCirculating < 150, "pooling in the large spleen keeps the count low");
    }

    [Fact]
    public void HepatectomyLowersTpoThenTheLiverRegenerates()
    {
        var r = ModelFixture.Run(ModelFixture.Scenario(120, 0.5, events: [new PartialHepatectomy(1, 0.6)]));
        Assert.True(r.Summary.TpoMin.Value < 0.7 * r.Summary.BaselineTpoPgPerMl);
        Assert.True(r.Summary.PlateletNadir.Value < 0.9 * 250);
        Assert.InRange(r.FinalParameter(TpoSim.Parameters.ParameterId.LiverFunction), 0.99, 1.0);
        Assert.InRange(r.Outputs[^1].PlateletsCirculating, 245, 255);
    }

    [Fact]
    public void RadiationKillsProgenitorsByTheSurvivalCurve()
    {
        var r = ModelFixture.Run(ModelFixture.Scenario(40, 0.25, events: [new RadiationExposure(1, 2)]));
        Assert.True(r.Summary.PlateletNadir.Value < 0.6 * 250);
        Assert.InRange(r.Summary.PlateletNadir.Day, 10, 25);
        // More dose, deeper nadir.
        var mild = ModelFixture.Run(ModelFixture.Scenario(40, 0.25, events: [new RadiationExposure(1, 0.5)]));
        Assert.True(mild.Summary.PlateletNadir.Value > r.Summary.PlateletNadir.Value);
    }

    /// <summary>
    /// The radiation edit applies exp(−dose/D0) to every dividing progenitor compartment, with D0 the progenitorD0Gy
    /// parameter (a registry entry, settable): 2 Gy at D0 = 1 keeps e^−2, at D0 = 2 keeps e^−1 (exact), MKs untouched.
    /// </summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Radiation_survival_uses_the_d0_parameter(double d0)
    {
        var overrides = new Dictionary<string, double> { ["progenitorD0Gy"] = d0 };
        var plan = Simulator.Compile(ModelFixture.Scenario(5, 1, overrides, events: [new RadiationExposure(1, 2)]));
        var y = plan.CopyState();
        var p = plan.CopyParameters();
        var before = (double[])y.Clone();
        var radiation = Assert.Single(plan.Events);
        radiation.Edit.Apply(1, y, p);
        for (var i = TpoSim.Physiology.StateLayout.FirstProgenitor; i < TpoSim.Physiology.StateLayout.FirstMegakaryocyte; i++)
            Assert.Equal(before[i] * Math.Exp(-2 / d0), y[i], 1e-15 * before[i]);
        for (var j = TpoSim.Physiology.StateLayout.FirstMegakaryocyte; j < y.Length; j++) Assert.Equal(before[j], y[j]);
    }

    /// <summary>A hepatectomy's regrowth follows 1 − f·exp(−t/τ) with τ the liverRegenerationDays parameter: at τ = 7 the liver is back to 1 − 0.5·e^−2 on day 15.</summary>
    [Fact]
    public void Liver_regeneration_uses_the_tau_parameter()
    {
        var overrides = new Dictionary<string, double> { ["liverRegenerationDays"] = 7 };
        var r = ModelFixture.Run(ModelFixture.Scenario(15, 1, overrides, events: [new PartialHepatectomy(1, 0.5)]));
        Assert.Equal(1 - 0.5 * Math.Exp(-2), r.FinalParameter(TpoSim.Parameters.ParameterId.LiverMass), 1e-12);
    }

    [Fact]
    public void RepeatedChemotherapyCyclesEachCauseANadir()
    {
        var regimen = TpoSim.Procedures.ChemotherapyRegimen.Gentle;
        var r = ModelFixture.Run(ModelFixture.Scenario(84, 0.5, events: [new Chemotherapy(0, regimen, 4, 21)]));
        var lowsPerCycle = Enumerable.Range(0, 4).Select(c => r.Days.Select((d, i) => (d, i)).Where(x => x.d >= 21 * c && x.d < 21 * (c + 1))
            .Min(x => r.Outputs[x.i].PlateletsCirculating)).ToArray();
        Assert.All(lowsPerCycle.Skip(1), low => Assert.True(low < 0.95 * 250));
        Assert.True(r.FinalParameter(TpoSim.Parameters.ParameterId.ProgenitorKillRate) == 0, "kill switched off after the last exposure");
    }
}
