using MathNet.Numerics.LinearAlgebra;
using TpoSim.Drugs.Modules;
using TpoSim.Drugs.Pharmacokinetics;
using TpoSim.Physiology;
using TpoSim.Scenarios;
using static TpoSim.Tests.Drugs.PkTestHelpers;

namespace TpoSim.Tests.Drugs;

/// <summary>Terminal half-lives and Tmax against drugs.md (label / published values) and analytic solutions.</summary>
public class PkHalfLifeAndTmaxTests
{
    // ---- Romiplostim, Wang 2010 (healthy, 70 kg) ----

    /// <summary>Label: Tmax 7–50 h, median 14 h. Tolerance: inside 7–50 h and within 25% of the 14 h median (measured 13.1–15.3 h).</summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    [InlineData(10.0)]
    public void RomiplostimScTmaxMatchesLabel(double doseMicrogramsPerKg)
    {
        var p = Single(Pk("romiplostim"), doseMicrogramsPerKg, DoseUnit.MicrogramPerKg, Route.Subcutaneous, 20);
        var tmaxHours = p.Peak(0, 5).Day * 24;
        Assert.InRange(tmaxHours, 7, 50);
        Assert.InRange(tmaxHours, 14 * 0.75, 14 * 1.25);
    }

    /// <summary>Label: half-life 1–34 d (median 3.5 d, in ITP). Tolerance: the 4–10 d log-linear half-life lies inside 1–34 d, at healthy and ITP-like counts.</summary>
    [Theory]
    [InlineData(250.0)]
    [InlineData(50.0)]
    [InlineData(20.0)]
    public void RomiplostimHalfLifeInLabelRange(double platelets)
    {
        var p = Single(Pk("romiplostim"), 1, DoseUnit.MicrogramPerKg, Route.Subcutaneous, 20, platelets);
        Assert.InRange(p.HalfLifeBetween(4, 10), 1, 34);
    }

    /// <summary>Target-mediated disposition: fewer platelets (receptors) → more free drug. Tolerance: strict ordering.</summary>
    [Fact]
    public void RomiplostimExposureFallsWithPlateletCount()
    {
        var low = Single(Pk("romiplostim"), 1, DoseUnit.MicrogramPerKg, Route.Subcutaneous, 20, 20).AucNgDayPerMl;
        var high = Single(Pk("romiplostim"), 1, DoseUnit.MicrogramPerKg, Route.Subcutaneous, 20, 250).AucNgDayPerMl;
        Assert.True(low > 5 * high, $"AUC at 20 ×10⁹/L {low} vs at 250 {high}");
    }

    /// <summary>Petrov 2025 1-cmt: the whole curve equals the Bateman function (relative 1e-6), Tmax = ln(ka/k)/(ka − k) (1e-6 d), half-life inside the label's 1–34 d.</summary>
    [Fact]
    public void RomiplostimItpIsExactBatemanFunction()
    {
        var model = Pk("romiplostim-itp", Reference with { BodyWeightKg = 60 });
        var p = Single(model, 2, DoseUnit.MicrogramPerKg, Route.Subcutaneous, 30);
        double ka = 0.02 * 24, k = 0.03 * 24, v = 2565 * Math.Pow(60 / 77.0, 1.04), dose = 120;
        foreach (var t in new[] { 0.25, 1, 2, 5, 10, 20 })
        {
            var expected = dose * ka / (v * (ka - k)) * (Math.Exp(-k * t) - Math.Exp(-ka * t));
            Assert.Equal(expected, p.ConcentrationAt(t), expected * 1e-6);
        }
        var tmax = Math.Log(ka / k) / (ka - k);
        Assert.Equal(tmax, p.Peak(0, 5).Day, 1e-6);
        Assert.InRange(p.HalfLifeBetween(20, 30), 1, 34);
    }

    // ---- Eltrombopag, Farrell 2014 ----

    private static double TwoCompartmentBetaPerHour(double cl, double vc, double vp, double q)
    {
        double k10 = cl / vc, k12 = q / vc, k21 = q / vp, s = k10 + k12 + k21;
        return 0.5 * (s - Math.Sqrt(s * s - 4 * k10 * k21));
    }

    /// <summary>
    /// drugs.md: half-life 21–35 h. Tolerance 2% at the ends (healthy 20.7 h, ITP 35.4 h: the label range is the rounded
    /// span of these two populations); and the simulated slope equals the analytic 2-cmt β within 0.1%.
    /// </summary>
    [Theory]
    [InlineData("eltrombopag", 0.953, 9.75, 9.41, 0.633)]
    [InlineData("eltrombopag-itp", 0.668, 8.76, 11.3, 0.399)]
    public void EltrombopagHalfLifeMatchesLabel(string population, double cl, double vc, double vp, double q)
    {
        var p = Single(Pk(population), 50, DoseUnit.Milligram, Route.Oral, 20);
        var halfLifeHours = p.HalfLifeBetween(8, 16) * 24;
        Assert.InRange(halfLifeHours, 21 * 0.98, 35 * 1.02);
        var analytic = Math.Log(2) / TwoCompartmentBetaPerHour(cl, vc, vp, q);
        Assert.Equal(analytic, halfLifeHours, analytic * 1e-3);
    }

    /// <summary>Lag and absorption switch: nothing before 0.447 h; gut amount = F·D·e^(−0.333(t − lag)) until 1.46 h, then × e^(−5.26(t − 1.46)). Tolerance: relative 1e-6.</summary>
    [Fact]
    public void EltrombopagLagAndAbsorptionSwitch()
    {
        var p = Single(Pk("eltrombopag"), 50, DoseUnit.Milligram, Route.Oral, 2);
        Assert.Equal(0, p.ConcentrationAt(0.4 / 24));
        const double lag = 0.447, sw = 1.46, dose = 50_000;
        foreach (var h in new[] { 0.6, 1.0, 1.4, 1.6, 2.0, 3.0 })
        {
            var expected = h < sw
                ? dose * Math.Exp(-0.333 * (h - lag))
                : dose * Math.Exp(-0.333 * (sw - lag)) * Math.Exp(-5.26 * (h - sw));
            Assert.Equal(expected, p.StatesAt(h / 24)[0], expected * 1e-6);
        }
        var tmax = p.Peak(0, 1).Day * 24;
        Assert.InRange(tmax, sw, 6);
    }

    /// <summary>Covariates multiply CL/F: female × 0.622, East Asian × 0.476, Child–Pugh 7 × 0.536·(1 − 0.113·2). Exact.</summary>
    [Fact]
    public void EltrombopagCovariatesScaleClearance()
    {
        double Clearance(PkCase pk) => ParametersOf(pk)[PkOnlySimulation.Model(pk.Model).Index("eltrombopagClearancePerDay")];
        var reference = Clearance(Pk("eltrombopag"));
        Assert.Equal(0.953 * 24, reference, 1e-12);
        var all = Clearance(Pk("eltrombopag", Reference with { Sex = Sex.Female, EastAsian = true, ChildPughScore = 7 }));
        Assert.Equal(reference * 0.622 * 0.476 * 0.536 * (1 - 0.113 * 2), all, 1e-9);
        Assert.Throws<ArgumentException>(() => ParametersOf(Pk("eltrombopag", Reference with { ChildPughScore = 14 })));
    }

    // ---- Avatrombopag, Liu 2025 ----

    /// <summary>drugs.md: half-life 16–19 h; 1-cmt so t½ = ln2·V/CL (0.1%) and Tmax = ln(ka/k)/(ka − k) (1e-6 d, ≈ 4.96 h).</summary>
    [Fact]
    public void AvatrombopagHalfLifeAndAnalyticTmax()
    {
        var model = Pk("avatrombopag");
        var p = Single(model, 60, DoseUnit.Milligram, Route.Oral, 10);
        var halfLifeHours = p.HalfLifeBetween(4, 8) * 24;
        Assert.InRange(halfLifeHours, 16, 19);
        Assert.Equal(Math.Log(2) * 199 / 7.85, halfLifeHours, 0.001 * halfLifeHours);
        var q = ParametersOf(model);
        var m = PkOnlySimulation.Model(model.Model);
        double ka = q[m.Index("avatrombopagKaPerDay")], k = q[m.Index("avatrombopagKePerDay")];
        Assert.Equal(0.582 * 24, ka, 1e-12);
        Assert.Equal(7.85 / 199 * 24, k, 1e-12);
        Assert.Equal(Math.Log(ka / k) / (ka - k), p.Peak(0, 2).Day, 1e-6);
    }

    // ---- Lusutrombopag, Katsube 2016 ----

    /// <summary>
    /// No label half-life in drugs.md: the terminal slope must equal the smallest eigenvalue of the published 3-cmt
    /// disposition matrix (MathNet EVD, independent of the model code). Tolerance 0.5%. Measured: ≈122 h terminal,
    /// ≈24 h over days 2–4 (the phase that carries most of the AUC).
    /// </summary>
    [Fact]
    public void LusutrombopagTerminalSlopeIsSlowestEigenvalue()
    {
        var p = Single(Pk("lusutrombopag"), 3, DoseUnit.Milligram, Route.Oral, 60);
        double ke = 1.358, k12 = 1.2816, k21 = 2.088, k13 = 0.03408, k31 = 0.14088;
        var a = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { -(ke + k12 + k13), k21, k31 },
            { k12, -k21, 0 },
            { k13, 0, -k31 },
        });
        var slowest = a.Evd().EigenValues.Select(e => -e.Real).Min();
        var expected = Math.Log(2) / slowest;
        Assert.Equal(expected, p.HalfLifeBetween(40, 60), expected * 5e-3);
        Assert.InRange(p.HalfLifeBetween(2, 4) * 24, 20, 30);
    }

    // ---- PEG-rHuMGDF (simple; half-life from drugs.md) ----

    /// <summary>drugs.md: half-life 24–40 h. Tolerance: inside the range; Tmax analytic (1e-6 d).</summary>
    [Fact]
    public void PegRhuMgdfHalfLifeInRange()
    {
        var p = Single(Pk("peg-rhumgdf"), 3, DoseUnit.MicrogramPerKg, Route.Subcutaneous, 20);
        Assert.InRange(p.HalfLifeBetween(10, 20) * 24, 24, 40);
        double ka = 0.05 * 24, k = Math.Log(2) / (32 / 24.0);
        Assert.Equal(Math.Log(ka / k) / (ka - k), p.Peak(0, 5).Day, 1e-6);
    }
}
