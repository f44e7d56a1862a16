using TpoSim.Model;
using TpoSim.Parameters;

namespace TpoSim.Tests.Model;

/// <summary>Small models that exercise every expression node, for the compiler, Jacobian and unit tests.</summary>
internal static class ToyModels
{
    public static ModelParameter Parameter(string name, double value, string unit) =>
        new(name, value, unit, 0, 1e9, ParameterKind.Mechanism, "test parameter", "assumed: test");

    /// <summary>
    /// A 6-state nonlinear chain with a feedback signal read through variables: a Hill-type stimulation of free ligand,
    /// a sum over a state range, a power, exp, log, sqrt, min/max and a time switch; units consistent.
    /// </summary>
    public static ModelDefinition Chain()
    {
        var x = Enumerable.Range(1, 4).Select(i => Expr.State($"x{i}")).ToArray();
        var ligand = Expr.State("ligand");
        var bound = Expr.State("bound");
        var k = Expr.Parameter("k");
        var kon = Expr.Parameter("kon");
        var koff = Expr.Parameter("koff");
        var ec50 = Expr.Parameter("ec50");
        var total = Expr.Variable("total");
        var signal = Expr.Variable("signal");
        var rateK = Expr.Variable("rateK");
        var drive = Expr.Parameter("drive");
        var lag = Expr.Parameter("lag");
        var receptors = Expr.Parameter("receptorsPerCell");
        var rates = new List<StateDefinition>
        {
            new("x1", "1", "first", rateK * (1 - x[0]), 1),
            new("x2", "1", "second", rateK * (x[0] - x[1]) - k * Expr.Pow(x[1], 2), 1),
            new("x3", "1", "third", k * (Expr.Sqrt(x[1] * x[2]) - x[2]) + Expr.Min(x[0], x[2]) * k, 1),
            new("x4", "1", "fourth", k * (Expr.Exp(x[2] - 1) * Expr.Log(1 + x[3]) - x[3]), 1),
            new("ligand", "pM", "free ligand",
                Expr.IfLess(Expr.Time, lag, 0, drive) - kon * ligand * (total * receptors - bound) + koff * bound, Expr.Quantity(1, "pM")),
            new("bound", "pM", "bound ligand", kon * ligand * (total * receptors - bound) - koff * bound - Expr.Max(bound - ligand, 0) * k, 0),
        };
        return new ModelDefinition("chain", rates,
            [Parameter("k", 0.7, "1/day"), Parameter("kon", 1.3, "1/(pM·day)"), Parameter("koff", 2.1, "1/day"), Parameter("ec50", 0.8, "pM"),
             Parameter("drive", 3, "pM/day"), Parameter("lag", 1, "day"), Parameter("receptorsPerCell", 2, "pM")],
            [new("kHalf", "1/day", "k/2", k / 2)],
            [
                new("total", "1", "x sum", Expr.Sum(x) / 4, Observable: true),
                new("signal", "1", "Hill stimulation", Expr.Hill(ligand, ec50, 2)),
                new("rateK", "1/day", "driven rate", Expr.Parameter("kHalf") * (1 + 3 * signal)),
                new("ligandObserved", "pM", "free ligand", ligand, Observable: true),
            ]);
    }
}
