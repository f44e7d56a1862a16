using TpoSim.Parameters;
using TpoSim.Physiology;
using TpoSim.Units;

namespace TpoSim.Tests.Physiology;

public class SteadyStateTests
{
    [Fact]
    public void HealthySetPointIsAnExactSteadyState()
    {
        var model = ModelFixture.Healthy();
        var y = model.HealthyState();
        var f = ModelFixture.Derivative(model, y);
        // Analytic: the set point is derived so that every derivative vanishes; only round-off remains.
        for (var i = 0; i < y.Length; i++)
            Assert.True(Math.Abs(f[i]) <= 1e-12 * Math.Max(1, Math.Abs(y[i])) * 1e3, $"state {StateLayout.Describe(i).Name}: f = {f[i]}");
    }

    [Fact]
    public void HealthyStateHoldsForFiveYearsWithinPointOnePercent()
    {
        var r = ModelFixture.Run(ModelFixture.Scenario(5 * 365, 5));
        var p0 = r.Outputs[0].PlateletsCirculating;
        var t0 = r.Outputs[0].TpoFreePicomolar;
        foreach (var o in r.Outputs)
        {
            Assert.InRange(o.PlateletsCirculating / p0, 0.999, 1.001);
            Assert.InRange(o.TpoFreePicomolar / t0, 0.999, 1.001);
        }
    }

    [Fact]
    public void V1_HealthyPlateletsAndTpoInPublishedRanges()
    {
        var model = ModelFixture.Healthy();
        var o = model.Outputs(model.HealthyState());
        // V1: platelets 150–450 (model default 200–300, Giles 1981); free TPO ≈1–1.5 pM ≈ 50–100 pg/mL (Hou 1998; Shimizu 2021).
        Assert.InRange(o.PlateletsCirculating, 200, 300);
        Assert.InRange(o.TpoFreePicomolar, 1.0, 1.5);
        Assert.InRange(o.TpoFreePicogramsPerMl, 50, 100);
    }

    [Fact]
    public void V2_HealthyTurnoverInPublishedRanges()
    {
        var model = ModelFixture.Healthy();
        var o = model.Outputs(model.HealthyState());
        // V2: production 35–44 ×10^9/L/day and lifespan 8–10.5 d (Harker LA et al. Blood 2000;95:2514; Harker 1977).
        Assert.InRange(o.PlateletProduction, 35, 44);
        Assert.InRange(o.MeanPlateletLifespanDays, 8, 10.5);
        // Analytic: at steady state whole-body platelets = production × mean lifespan (Little's law), to round-off.
        Assert.Equal(o.PlateletsWholeBody, o.PlateletProduction * o.MeanPlateletLifespanDays, 9);
    }

    [Fact]
    public void TpoMassBalanceHoldsAtHealthyAndPerturbedSteadyStates()
    {
        var model = ModelFixture.Healthy();
        var o = model.Outputs(model.HealthyState());
        Assert.Equal(1.0, o.TpoProductionPicomolarPerDay / o.TpoClearancePicomolarPerDay, 12);

        // After 3 years of ITP-like destruction the system is at a new steady state: production = clearance again.
        var r = ModelFixture.Run(ModelFixture.Scenario(3 * 365, 365, new Dictionary<string, double> { ["extraRemovalRate"] = 1.0 }));
        var last = r.Outputs[^1];
        Assert.InRange(last.TpoProductionPicomolarPerDay / last.TpoClearancePicomolarPerDay, 0.9999, 1.0001);
    }

    [Fact]
    public void ChangingAMechanismConstantKeepsTheHealthySetPoint()
    {
        var set = ParameterSet.Default.With(ParameterId.ComplexInternalisationRate, 4.0).With(ParameterId.DivisionEmax, 6.0);
        var model = new TestModel(set, new Patient());
        var y = model.HealthyState();
        var o = model.Outputs(y);
        Assert.Equal(250, o.PlateletsCirculating, 9);
        Assert.Equal(1.4, o.TpoFreePicomolar, 12);
        Assert.All(ModelFixture.Derivative(model, y), v => Assert.True(Math.Abs(v) < 1e-9));
    }

    [Fact]
    public void MolarMassConversionIsStatedOnce()
    {
        // 1.4 pM × 60,000 g/mol = 84 pg/mL (TpoUnits.TpoMolarMassGramsPerMole).
        Assert.Equal(84.0, TpoUnits.PicomolarToPicogramsPerMl(1.4), 12);
        Assert.Equal(1.4, TpoUnits.PicogramsPerMlToPicomolar(84.0), 12);
    }

    [Fact]
    public void NeonatalLiverMakes95Point3PercentOfLiverKidneySpleenTpo()
    {
        // Wolber EM et al. Blood 1999;94:97: liver 95.3% of liver + kidney + spleen TPO mRNA (marrow excluded).
        var model = new TestModel(ParameterSet.Default, new Patient(3.5, Sex.Female, AgeGroup.Neonate));
        var s = model.Outputs(model.HealthyState()).Sources;
        Assert.Equal(0.953, s.Liver / (s.Liver + s.Kidney + s.Spleen), 12);
        Assert.True(s.Spleen > 0);
        Assert.All(ModelFixture.Derivative(model, model.HealthyState()), v => Assert.True(Math.Abs(v) < 1e-9));

        var adult = ModelFixture.Healthy().Outputs(ModelFixture.Healthy().HealthyState()).Sources;
        Assert.Equal(0.0, adult.Spleen);
    }
}
