using TpoSim.Model;

namespace TpoSim.Tests.Model;

/// <summary>The analytic sparse Jacobian against (Richardson-extrapolated) central differences of the compiled right-hand side.</summary>
public class CompiledJacobianTests
{
    /// <summary>
    /// Finite differences of the compiled f at the given states, Richardson-extrapolated so that a step large enough
    /// to keep rounding small is still accurate: D(h) = (f(y + h e_j) − f(y − h e_j))/2h, J_ij ≈ (4·D(h/2) − D(h))/3
    /// with h = 1e-3·max(|y_j|, 1e-3), truncation O(h⁴) ≈ 1e-12 relative. The analytic entries must agree to 1e-6 of
    /// the row's largest entry (so a near-zero entry that is a difference of large ones is judged on that scale), plus
    /// the difference quotients' own rounding bound 8u·(|f₊| + |f₋|)/h. A component sitting exactly at 0 is
    /// differenced forwards (2·D(h/2) − D(h)), since min/max kinks sit there and the analytic derivative is one-sided.
    /// </summary>
    internal static void AssertJacobianMatchesCentralDifferences(CompiledModel model, double[] p, IEnumerable<double[]> states, double t)
    {
        const double u = 1.1102230246251565e-16;
        var n = model.Dimension;
        var jac = new double[n * n];
        var fPlus = new double[n];
        var fMinus = new double[n];
        foreach (var y in states)
        {
            Array.Clear(jac);
            model.Jacobian(t, y, p, jac);
            var fd = new double[n * n];
            var rounding = new double[n * n];
            for (var j = 0; j < n; j++)
            {
                var h = 1e-3 * Math.Max(Math.Abs(y[j]), 1e-3);
                var central = y[j] != 0;
                var coarse = new double[n];
                for (var pass = 0; pass < 2; pass++)
                {
                    var step = pass == 0 ? h : h / 2;
                    var yp = (double[])y.Clone();
                    var ym = (double[])y.Clone();
                    yp[j] += step;
                    if (central) ym[j] -= step;
                    model.Derivative(t, yp, p, fPlus);
                    model.Derivative(t, ym, p, fMinus);
                    for (var i = 0; i < n; i++)
                    {
                        var d = (fPlus[i] - fMinus[i]) / (yp[j] - ym[j]);
                        if (pass == 0) { coarse[i] = d; continue; }
                        fd[i * n + j] = central ? (4 * d - coarse[i]) / 3 : 2 * d - coarse[i];
                        rounding[i * n + j] = 8 * u * (Math.Abs(fPlus[i]) + Math.Abs(fMinus[i])) / (yp[j] - ym[j]);
                    }
                }
            }
            for (var i = 0; i < n; i++)
            {
                var scale = 0.0;
                for (var j = 0; j < n; j++) scale = Math.Max(scale, Math.Max(Math.Abs(fd[i * n + j]), Math.Abs(jac[i * n + j])));
                for (var j = 0; j < n; j++)
                {
                    var error = Math.Abs(jac[i * n + j] - fd[i * n + j]);
                    Assert.True(error <= 1e-6 * Math.Max(scale, 1e-12) + rounding[i * n + j],
                        $"J[{model.StateNames[i]}, {model.StateNames[j]}] = {jac[i * n + j]:G10}, finite difference {fd[i * n + j]:G10}");
                }
            }
        }
    }

    private static IEnumerable<double[]> RandomStates(int n, int count, int seed, double low, double high)
    {
        var random = new Random(seed);
        for (var k = 0; k < count; k++)
            yield return Enumerable.Range(0, n).Select(_ => low + (high - low) * random.NextDouble()).ToArray();
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(3.0)]
    public void Toy_chain_Jacobian_matches_central_differences(double t)
    {
        var model = ModelCompiler.Compile(ToyModels.Chain());
        AssertJacobianMatchesCentralDifferences(model, model.CreateParameters(), RandomStates(model.Dimension, 200, 7, 0.1, 3), t);
    }

    [Fact]
    public void Pattern_holds_exactly_the_symbolic_dependencies_and_the_diagonal()
    {
        var model = ModelCompiler.Compile(ToyModels.Chain());
        int[] Row(string state)
        {
            var i = model.StateIndex(state);
            return model.JacobianPattern.Columns.Skip(model.JacobianPattern.RowStart[i]).Take(model.JacobianPattern.RowStart[i + 1] - model.JacobianPattern.RowStart[i]).ToArray();
        }
        // x1' = rateK·(1 − x1), rateK reads the ligand only (through signal).
        Assert.Equal([0, 4], Row("x1"));
        // ligand' reads total (x1..x4), ligand and bound.
        Assert.Equal([0, 1, 2, 3, 4, 5], Row("ligand"));
        // x4' reads x3 and x4 only.
        Assert.Equal([2, 3], Row("x4"));
    }

    [Fact]
    public void Derived_parameters_initial_state_and_observables_are_compiled()
    {
        var model = ModelCompiler.Compile(ToyModels.Chain());
        var p = model.CreateParameters(new Dictionary<string, double> { ["k"] = 0.9 });
        Assert.Equal(0.45, p[model.ParameterIndex("kHalf")], 15);
        var y0 = new double[model.Dimension];
        model.InitialState(p, y0);
        Assert.Equal([1, 1, 1, 1, 1, 0], y0);
        var obs = new double[model.ObservableNames.Count];
        model.ComputeObservables(0, [1, 2, 3, 6, 0.5, 0], p, obs);
        Assert.Equal([3, 0.5], obs);
    }

    [Fact]
    public void Compiled_functions_do_not_allocate()
    {
        var model = ModelCompiler.Compile(ToyModels.Chain());
        var p = model.CreateParameters();
        var y = Enumerable.Repeat(1.2, model.Dimension).ToArray();
        var dy = new double[model.Dimension];
        var jac = new double[model.Dimension * model.Dimension];
        model.Derivative(0, y, p, dy);
        model.Jacobian(0, y, p, jac);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < 1000; k++)
        {
            model.Derivative(0, y, p, dy);
            model.Jacobian(0, y, p, jac);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Compile_rejects_unknown_symbols_and_cycles_and_orders_variables_itself()
    {
        var good = ToyModels.Chain();
        var unknown = good with { States = [.. good.States.Take(5), good.States[5] with { Rate = Expr.State("nope") }] };
        Assert.Contains("nope", Assert.Throws<ArgumentException>(() => ModelCompiler.Compile(unknown)).Message);
        var p = ModelCompiler.Compile(good).CreateParameters();
        var y = new[] { 1.1, 0.9, 1.3, 0.7, 2, 0.4 };
        var expected = new double[6];
        var actual = new double[6];
        ModelCompiler.Compile(good).Derivative(0.5, y, p, expected);
        ModelCompiler.Compile(good with { Variables = [.. good.Variables.Reverse()] }).Derivative(0.5, y, p, actual);
        Assert.Equal(expected, actual);
        var cycle = good with { Variables = [.. good.Variables, new VariableDefinition("a", "1", "", Expr.Variable("b")), new VariableDefinition("b", "1", "", Expr.Variable("a"))] };
        Assert.Contains("cycle", Assert.Throws<ArgumentException>(() => ModelCompiler.Compile(cycle)).Message);
    }
}
