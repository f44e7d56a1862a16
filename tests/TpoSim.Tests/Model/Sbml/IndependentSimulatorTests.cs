using Xunit;

namespace TpoSim.Tests.Model.Sbml;

/// <summary>
/// The independent SBML simulator (tests/sbml/simulate_sbml.py) against an analytic solution: exponential decay with
/// events at t = 0, two at t = 1 whose priorities fix their order, and a rate change at t = 1.5
/// (tests/sbml/analytic-decay.xml states the problem and its solution).
/// </summary>
public sealed class IndependentSimulatorTests
{
    [Fact]
    public void Matches_the_analytic_solution_with_ordered_events()
    {
        SbmlPython.RequireOrSkip();
        var file = SbmlPython.RepoFile("tests/sbml/analytic-decay.xml");
        var (code, report) = SbmlPython.Check(file);
        Assert.True(code == 0, report);
        var dir = Directory.CreateTempSubdirectory("tposim-sbml-");
        double[][] rows;
        try { rows = SbmlPython.Simulate(file, 3, 0.5, ["x", "y"], Path.Combine(dir.FullName, "x.csv")); }
        finally { dir.Delete(recursive: true); }

        var x1 = 2 * (2 * Math.Exp(-0.5) + 1); // after x + 1, then 2x, at t = 1 (the other order gives 2·(2e^-½) + 1)
        var x15 = x1 * Math.Exp(-0.25);
        double Exact(double t) => t < 1 ? 2 * Math.Exp(-t / 2) : t <= 1.5 ? x1 * Math.Exp(-(t - 1) / 2) : x15 * Math.Exp(-(t - 1.5));
        Assert.Equal(7, rows.Length);
        foreach (var row in rows)
        {
            var t = row[0];
            // A grid point at an event time reports the state after it (t = 0 and t = 1); BDF at rtol 1e-10.
            Assert.Equal(Exact(t), row[1], Exact(t) * 1e-7);
            Assert.Equal(2 * row[1], row[2], 1e-12 * row[2]);
        }
    }
}
