using TpoSim.Drugs.Modules;
using TpoSim.Physiology;
using TpoSim.Scenarios;
using static TpoSim.Tests.Drugs.PkTestHelpers;

namespace TpoSim.Tests.Drugs;

/// <summary>Linear drugs: AUC(0–∞)·CL = F·dose within 1%.</summary>
public class PkMassBalanceTests
{
    public static TheoryData<string, double, DoseUnit, Route, double> Cases() => new()
    {
        { "romiplostim-itp", 2, DoseUnit.MicrogramPerKg, Route.Subcutaneous, 40 },
        { "eltrombopag", 50, DoseUnit.Milligram, Route.Oral, 20 },
        { "eltrombopag-covariates", 25, DoseUnit.Milligram, Route.Oral, 40 },
        { "eltrombopag-cations", 50, DoseUnit.Milligram, Route.Oral, 20 },
        { "eltrombopag-itp", 50, DoseUnit.Milligram, Route.Oral, 30 },
        { "avatrombopag", 60, DoseUnit.Milligram, Route.Oral, 15 },
        { "lusutrombopag", 3, DoseUnit.Milligram, Route.Oral, 80 },
        { "peg-rhumgdf-sc", 3, DoseUnit.MicrogramPerKg, Route.Subcutaneous, 20 },
        { "peg-rhumgdf-iv", 3, DoseUnit.MicrogramPerKg, Route.Intravenous, 20 },
        { "antagonist-oral", 50, DoseUnit.Milligram, Route.Oral, 20 },
        { "antagonist-iv", 10, DoseUnit.Milligram, Route.Intravenous, 20 },
    };

    private static PkCase Model(string name) => name switch
    {
        "eltrombopag-covariates" => Pk("eltrombopag", Reference with { Sex = Sex.Female, EastAsian = true, ChildPughScore = 8 }),
        "eltrombopag-cations" => Pk("eltrombopag") with { WithCations = true },
        "peg-rhumgdf-sc" or "peg-rhumgdf-iv" => Pk("peg-rhumgdf"),
        "antagonist-oral" or "antagonist-iv" => Pk("mpl-antagonist"),
        _ => Pk(name),
    };

    /// <summary>
    /// The model's own linear clearance, L/day: with drug only in the central compartment (and the depot empty), the
    /// total drug amount falls at CL·C (Σ dA/dt = −CL·C for every linear model here), read off the compiled right-hand side.
    /// </summary>
    private static double Clearance(PkCase pk, Route route)
    {
        var model = PkOnlySimulation.Model(pk.Model);
        var p = ParametersOf(pk);
        var drug = model.Drugs[0];
        var y = model.HealthyState(p);
        var central = drug.Offset + drug.Module.Definition.States.ToList().FindIndex(st => st.Name.EndsWith("Central", StringComparison.Ordinal));
        y[central] = 1000; // µg
        var f = new double[y.Length];
        model.Compiled.Derivative(0, y, p, f);
        var loss = -Enumerable.Range(drug.Offset, drug.StateCount).Sum(i => f[i]);
        return loss / model.DrugConcentrations(0, y, p)[0]; // µg/day ÷ (µg/L) = L/day; ng/mL = µg/L
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AucTimesClearanceIsAbsorbedDose(string name, double amount, DoseUnit unit, Route route, double endDay)
    {
        var pk = Model(name);
        var profile = Single(pk, amount, unit, route, endDay);
        var model = PkOnlySimulation.Model(pk.Model);
        var p = ParametersOf(pk with { Patient = pk.Patient });
        if (pk.WithCations) p[model.Index("polyvalentCations")] = 1;
        var absorbed = TpoSim.Dosing.DoseUnits.ToMicrograms(amount, unit, pk.Patient.BodyWeightKg) * model.DoseInputOf(model.Drugs[0].Drug, route, p).Bioavailability;
        var recovered = AucToInfinity(profile) * Clearance(pk, route);
        Assert.Equal(absorbed, recovered, absorbed * 0.01);
    }

    /// <summary>Polyvalent cations: AUC × 0.30 (the assumed 70% cut), within 0.1%.</summary>
    [Fact]
    public void EltrombopagCationsCutExposureBy70Percent()
    {
        var plain = AucToInfinity(Single(Pk("eltrombopag"), 50, DoseUnit.Milligram, Route.Oral, 20));
        var cations = AucToInfinity(Single(Pk("eltrombopag") with { WithCations = true }, 50, DoseUnit.Milligram, Route.Oral, 20));
        Assert.Equal(0.30, cations / plain, 0.001);
    }

    /// <summary>Romiplostim without receptors (PLT 0) is linear 2-cmt: AUC·kel·Vc = IV dose within 1%.</summary>
    [Fact]
    public void RomiplostimWithoutReceptorsIsLinear()
    {
        var p = Single(Pk("romiplostim"), 1, DoseUnit.MicrogramPerKg, Route.Intravenous, 60, platelets: 0);
        var clearance = 0.0382 * 24 * 0.0683 * 70; // kel (Wang 2010, 1/h → 1/day) × Vc (0.0683 L/kg × 70 kg)
        Assert.Equal(70, AucToInfinity(p) * clearance, 0.7);
    }

    /// <summary>
    /// Quasi-equilibrium in the compiled romiplostim module: free + bound = total with bound = Rtot·C/(KD + C), to 1e-12
    /// relative, for both signs of Ctot − Rtot − KD (Rtot = ξ·PLT, Wang 2010: ξ 0.0215 fg/platelet, KD 0.131 ng/mL).
    /// </summary>
    [Theory]
    [InlineData(1e-6, 5.0)]
    [InlineData(0.05, 5.0)]
    [InlineData(5.0, 5.0)]
    [InlineData(200.0, 5.0)]
    public void QuasiEquilibriumFreeSolvesBinding(double total, double receptors)
    {
        const double xi = 0.0215, kd = 0.131;
        var model = PkOnlySimulation.Model("romiplostim");
        var p = ParametersOf(Pk("romiplostim"));
        p[model.Index(PkOnlySimulation.FixedPlatelets.Name)] = receptors / xi;
        var y = model.HealthyState(p);
        var vc = 0.0683 * 70;
        y[model.Drugs[0].Offset + 1] = total * vc; // central total, µg = ng/mL × L
        var c = model.DrugConcentrations(0, y, p)[0];
        Assert.Equal(total, c + receptors * c / (kd + c), total * 1e-12);
    }
}
