using TpoSim.Population;
using TpoSim.Tests.Physiology.V2;

namespace TpoSim.Tests.Population;

/// <summary>
/// The Child-Pugh class → model v2 axes mapping (<see cref="ChildPughAxesV2"/>) against its sources: each class's
/// hepatocyte function is the one that gives the class's serum TPO relative to controls (Liu PL et al. World Chin J
/// Digestol 2010;18:392) at V8's portal-hypertension severity, on the shipped parameter set.
/// </summary>
public class ChildPughAxesV2Tests(ITestOutputHelper output)
{
    private static (double Platelets, double TpoFold) SteadyState(double hepatocyteFunction, double portalHypertension)
    {
        var model = V2Harness.Shipped;
        var p = V2Harness.Parameters(new Dictionary<string, double> { ["hepatocyteFunction"] = hepatocyteFunction, ["portalHypertension"] = portalHypertension }, model);
        var y = V2Harness.SteadyState(p, model);
        return (V2Harness.Observable(p, y, "platelets", model), y[model.StateIndex("tpoFree")] / V2Harness.Value(p, "tpoReference", model));
    }

    private static double HepatocyteFor(double tpoFold, double portal)
    {
        double lo = 0.01, hi = 1.5;
        for (var i = 0; i < 24; i++)
        {
            var mid = (lo + hi) / 2;
            if (SteadyState(mid, portal).TpoFold > tpoFold) hi = mid; else lo = mid;
        }
        return (lo + hi) / 2;
    }

    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    [InlineData("C")]
    public void Each_class_reproduces_its_published_tpo_at_the_v8_portal_severity(string grade)
    {
        var axes = ChildPughAxesV2.For(grade);
        var solved = HepatocyteFor(axes.TpoFold, axes.PortalHypertension);
        var state = SteadyState(axes.HepatocyteFunction, axes.PortalHypertension);
        output.WriteLine($"{grade}: solved hepatocyteFunction {solved:F4} (shipped {axes.HepatocyteFunction}), portal {axes.PortalHypertension}; platelets {state.Platelets:F1}, TPO {state.TpoFold:F3}× (published {axes.TpoFold:F3}×)");
        // The constant is the solve rounded to 3 decimals: TPO within 1% of the published fold.
        Assert.InRange(state.TpoFold, axes.TpoFold * 0.99, axes.TpoFold * 1.01);
        Assert.InRange(axes.HepatocyteFunction, solved - 0.001, solved + 0.001);
    }
}
