using System.Xml.Linq;
using TpoSim.Model;
using TpoSim.Model.Sbml;
using TpoSim.Numerics.Ode;
using TpoSim.Numerics.Ode.Events;
using TpoSim.Parameters;
using Xunit;

namespace TpoSim.Tests.Model.Sbml;

/// <summary>
/// <see cref="SbmlWriter"/> on a small model that uses every expression node and several units: the file passes libSBML's
/// consistency and unit checks, and the independent simulator reproduces TpoSim's own solution of the compiled model
/// through two events (a state bump and a parameter change).
/// </summary>
public sealed class SbmlWriterTests
{
    private static ModelParameter P(string name, double value, string unit, string source = "assumed: test value") =>
        new(name, value, unit, 0, 1e6, ParameterKind.Mechanism, $"test parameter {name}", source);

    /// <summary>Ligand binding a receptor pool that a feedback signal expands; every node kind and a unit conversion.</summary>
    internal static ModelDefinition Toy()
    {
        var ligand = Expr.State("ligand");
        var bound = Expr.State("bound");
        var mass = Expr.State("mass");
        var count = Expr.State("count");
        var kon = Expr.Parameter("kon");
        var koff = Expr.Parameter("koff");
        var kdeg = Expr.Parameter("kdegPerHour");
        var synthesis = Expr.Parameter("synthesis");
        var ec50 = Expr.Parameter("ec50");
        var hill = Expr.Parameter("hillN");
        var turnover = Expr.Parameter("turnover");
        var lag = Expr.Parameter("lag");
        var receptors = Expr.Variable("receptors");
        var signal = Expr.Variable("signal");
        return new ModelDefinition("toy",
        [
            new("ligand", "pM", "free ligand",
                synthesis * Expr.IfLess(Expr.Time, lag, 0.5, 1) - kon * ligand * (receptors - bound) + koff * bound
                - kdeg * Expr.Quantity(24, "h/day") * ligand, Expr.Parameter("ligand0")),
            new("bound", "pM", "bound ligand", kon * ligand * (receptors - bound) - koff * bound - turnover * bound, 0),
            new("mass", "1", "normalised receptor mass",
                turnover * (Expr.Hill(ligand / ec50, 1, hill) * 2 - mass) + turnover * Expr.Min(0, Expr.Log(mass)) * 0.1
                - turnover * Expr.Max(mass - 3, 0), 1),
            new("count", "10^9/L", "cells made from the mass",
                Expr.Parameter("countRate") * Expr.Sqrt(mass * mass) * Expr.Exp(-(mass - 1) * 0.1) - turnover * count
                + Expr.IfLess(count, Expr.Quantity(1, "10^9/L"), Expr.Parameter("countRate"), 0, orEqual: true), Expr.Quantity(250, "10^9/L")),
        ],
        [
            P("kon", 2.0, "1/(pM·day)", "Example 2003, table 1"), P("koff", 1.5, "1/day"), P("kdegPerHour", 0.05, "1/h"),
            P("synthesis", 3, "pM/day"), P("ec50", 0.7, "pM"), P("hillN", 1.6, "1"), P("turnover", 0.4, "1/day"),
            P("lag", 1.2, "day"), P("receptorPool", 1.1, "pM"), P("countRate", 100, "10^9/L/day"),
        ],
        [new("ligand0", "pM", "ligand set point: synthesis over first-order loss", Expr.Parameter("synthesis") / (Expr.Parameter("koff") + Expr.Quantity(1.2, "1/day")))],
        [
            new("receptors", "pM", "receptor pool scaled by mass", Expr.Parameter("receptorPool") * mass),
            new("signal", "1", "occupancy", bound / receptors, Observable: true),
            new("countObserved", "10^9/L", "circulating cells", count + Expr.Pow(signal, 2) * Expr.Quantity(0, "10^9/L"), Observable: true),
        ]);
    }

    [Fact]
    public void Toy_model_passes_libsbml_and_the_independent_simulation_reproduces_it()
    {
        SbmlPython.RequireOrSkip();
        var definition = Toy();
        Assert.Empty(DimensionAnalysis.Check(definition));
        var compiled = ModelCompiler.Compile(definition);
        var overrides = new Dictionary<string, double> { ["koff"] = 1.8 };
        var p = compiled.CreateParameters(overrides);
        var y0 = new double[compiled.Dimension];
        compiled.InitialState(p, y0);
        SbmlEvent[] events =
        [
            new(0.75, "bolus", [new(Expr.State("ligand"), Expr.State("ligand") + Expr.Quantity(2, "pM"))]),
            new(1.75, "faster turnover", [new(Expr.Parameter("turnover"), Expr.Parameter("turnover") * 1.5), new(Expr.State("count"), Expr.State("count") * 0.5)]),
        ];
        var sbml = SbmlWriter.Write(new SbmlModel(definition, overrides, y0, events, "toy", "round-trip test model"));
        var dir = Directory.CreateTempSubdirectory("tposim-sbml-");
        try { Compare(sbml, dir.FullName, compiled, p, y0); }
        finally { dir.Delete(recursive: true); }
    }

    private static void Compare(XDocument sbml, string dir, CompiledModel compiled, double[] p, double[] y0)
    {
        var file = Path.Combine(dir, "toy.xml");
        File.WriteAllText(file, SbmlWriter.ToText(sbml));
        var (code, report) = SbmlPython.Check(file);
        Assert.True(code == 0, report);
        // Every parameter's source is in its annotation.
        XNamespace a = SbmlWriter.Annotation;
        Assert.Equal("Example 2003, table 1", sbml.Descendants(a + "parameter").Single(e => e.Parent!.Parent!.Attribute("id")!.Value == "kon").Attribute("source")!.Value);

        // TpoSim's own solution: Rodas5P at tight tolerances, the same edits as time events on (y, p).
        var turnover = compiled.ParameterIndex("turnover");
        var problem = new OdeProblem(compiled.RightHandSide(p), y0, 0, 3) { Jacobian = compiled.JacobianFunction(p) };
        var grid = new[] { 0, 0.5, 1, 1.5, 2, 2.5, 3.0 };
        var options = new OdeSolverOptions { RelativeTolerance = 1e-11, AbsoluteTolerance = 1e-13, SaveAt = grid };
        var timeEvents = new EventSet(
        [
            new TimeEvent(0.75, (_, y, _) => y[compiled.StateIndex("ligand")] += 2),
            new TimeEvent(1.75, (_, y, _) => { p[turnover] *= 1.5; y[compiled.StateIndex("count")] *= 0.5; }),
        ], []);
        var solution = SolverRegistry.Get("rodas5p").Solve(problem, options, timeEvents);
        Assert.True(solution.Succeeded, solution.Diagnostic);

        string[] ids = ["ligand", "bound", "mass", "count", "signal"];
        var independent = SbmlPython.Simulate(file, 3, 0.5, ids, Path.Combine(dir, "toy.csv"));
        Assert.Equal(grid.Length, independent.Length);
        var observables = new double[compiled.ObservableNames.Count];
        for (var k = 0; k < grid.Length; k++)
        {
            var y = solution.SavedStateAt(k);
            compiled.ComputeObservables(grid[k], y, p, observables);
            double[] ours = [.. y, observables[0]];
            for (var i = 0; i < ids.Length; i++)
                Assert.True(Math.Abs(independent[k][i + 1] - ours[i]) <= 1e-7 * Math.Abs(ours[i]) + 1e-12,
                    $"{ids[i]} at day {grid[k]}: SBML {independent[k][i + 1]}, TpoSim {ours[i]}");
        }
    }
}
