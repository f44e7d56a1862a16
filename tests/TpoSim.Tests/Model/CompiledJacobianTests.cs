using TpoSim.Model;

namespace TpoSim.Tests.Model;

/// <summary>The analytic sparse Jacobian against central differences of the compiled right-hand side.</summary>
public class CompiledJacobianTests
{
    /// <summary>
    /// Central differences of the compiled f at random states: J_ij vs (f_i(y + h e_j) − f_i(y − h e_j))/2h with
    /// h = 1e-6·max(|y_j|, 1e-3), whose truncation error O(h²·f''') and round-off O(u·|f|/h) are both ≈1e-9 relative;
    /// the analytic entries must agree to 1e-6 relative (of the row's largest entry, so a near-zero entry that is a
    /// difference of large ones is judged on that scale).
    /// </summary>
    internal static void AssertJacobianMatchesCentralDifferences(CompiledModel model, double[] p, IEnumerable<double[]> states, double t)
    {
        var n = model.Dimension;
        var jac = new double[n * n];
        var fPlus = new double[n];
        var fMinus = new double[n];
        foreach (var y in states)
        {
            Array.Clear(jac);
            model.Jacobian(t, y, p, jac);
            var fd = new double[n * n];
            for (var j = 0; j < n; j++)
            {
                var h = 1e-6 * Math.Max(Math.Abs(y[j]), 1e-3);
                var yp = (double[])y.Clone();
                var ym = (double[])y.Clone();
                yp[j] += h;
                ym[j] -= h;
                model.Derivative(t, yp, p, fPlus);
                model.Derivative(t, ym, p, fMinus);
                for (var i = 0; i < n; i++) fd[i * n + j] = (fPlus[i] - fMinus[i]) / (yp[j] - ym[j]);
            }
            for (var i = 0; i < n; i++)
            {
                var scale = 0.0;
                for (var j = 0; j < n; j++) scale = Math.Max(scale, Math.Max(Math.Abs(fd[i * n + j]), Math.Abs(jac[i * n + j])));
                for (var j = 0; j < n; j++)
                {
                    var error = Math.Abs(jac[i * n + j] - fd[i * n + j]);
                    Assert.True(error <= 1e-6 * Math.Max(scale, 1e-12),
                        $"J[{model.StateNames[i]}, {model.StateNames[j]}] = {jac[i * n + j]:G10}, central difference {fd[i * n + j]:G10}");
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
    public void Compile_rejects_unknown_symbols_and_out_of_order_variables()
    {
        var good = ToyModels.Chain();
        var unknown = good with { States = [.. good.States.Take(5), good.States[5] with { Rate = Expr.State("nope") }] };
        Assert.Contains("nope", Assert.Throws<ArgumentException>(() => ModelCompiler.Compile(unknown)).Message);
        var reordered = good with { Variables = [.. good.Variables.Reverse()] };
        Assert.Contains("before it is defined", Assert.Throws<ArgumentException>(() => ModelCompiler.Compile(reordered)).Message);
    }
}
