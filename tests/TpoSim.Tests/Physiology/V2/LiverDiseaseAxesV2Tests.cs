namespace TpoSim.Tests.Physiology.V2;

/// <summary>
/// Chronic liver disease on two axes of their own (hepatocyte function → TPO synthesis; portal hypertension → splenic
/// pooling and hypersplenic removal). V8 (thrombocytopenic cirrhosis: platelets ≈40, TPO ≈0.56× normal; Shimizu R et al.
/// CPT Pharmacometrics Syst Pharmacol 2021;10:489) is a calibration case here: its two numbers set the two severities,
/// so the split between the axes comes from the data, not from an assumed pooling share.
/// </summary>
public class LiverDiseaseAxesV2Tests(ITestOutputHelper output)
{
    private static (double Platelets, double TpoFold) SteadyState(double hepatocyteFunction, double portalHypertension)
    {
        var p = V2Harness.Parameters(new Dictionary<string, double> { ["hepatocyteFunction"] = hepatocyteFunction, ["portalHypertension"] = portalHypertension });
        var y = V2Harness.SteadyState(p);
        return (V2Harness.Observable(p, y, "platelets"), y[V2Harness.Model.StateIndex("tpoFree")] / V2Harness.Value(p, "tpoReference"));
    }

    /// <summary>Hepatocyte function alone lowers TPO and platelets together; portal hypertension alone lowers the circulating count with TPO at or above normal.</summary>
    [Fact]
    public void Each_axis_acts_through_its_own_mechanism()
    {
        var liver = SteadyState(0.5, 0);
        Assert.True(liver.TpoFold < 0.9 && liver.Platelets < 250, $"hepatocyte function 0.5: platelets {liver.Platelets:F0}, TPO {liver.TpoFold:F2}×");
        var portal = SteadyState(1, 1);
        Assert.True(portal.Platelets < 150 && portal.TpoFold >= 0.95, $"portal hypertension 1: platelets {portal.Platelets:F0}, TPO {portal.TpoFold:F2}×");
    }

    [Fact]
    public void V8_sets_both_severities_inside_their_ranges()
    {
        // Inner: hepatocyte function giving TPO 0.557× at a given portal severity; outer: portal severity giving 40.
        double Hepatocyte(double portal)
        {
            double lo = 0.01, hi = 1.5;
            for (var i = 0; i < 22; i++)
            {
                var mid = (lo + hi) / 2;
                if (SteadyState(mid, portal).TpoFold > 0.557) hi = mid; else lo = mid;
            }
            return (lo + hi) / 2;
        }
        double pLo = 0, pHi = 1;
        Assert.True(SteadyState(Hepatocyte(1), 1).Platelets < 40, "even full portal hypertension cannot bring the count to 40 at TPO 0.557×");
        for (var i = 0; i < 16; i++)
        {
            var mid = (pLo + pHi) / 2;
            if (SteadyState(Hepatocyte(mid), mid).Platelets > 40) pLo = mid; else pHi = mid;
        }
        var portalSeverity = (pLo + pHi) / 2;
        var hepatocyte = Hepatocyte(portalSeverity);
        var fit = SteadyState(hepatocyte, portalSeverity);
        output.WriteLine($"V8: hepatocyteFunction {hepatocyte:F3}, portalHypertension {portalSeverity:F3} → platelets {fit.Platelets:F1}, TPO {fit.TpoFold:F3}×");
        Assert.InRange(fit.Platelets, 30, 60);   // V8 tolerance
        Assert.InRange(fit.TpoFold, 0.4, 1.0);   // V8 tolerance
        Assert.InRange(hepatocyte, 0.01, 1);
        Assert.InRange(portalSeverity, 0, 1);
    }
}
