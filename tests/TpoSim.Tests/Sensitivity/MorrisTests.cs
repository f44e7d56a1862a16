using TpoSim.Sensitivity;

namespace TpoSim.Tests.Sensitivity;

/// <summary>Morris elementary effects on functions whose effects or ranking are known.</summary>
public class MorrisTests
{
    private static SensitivityProblem Problem(int k, Func<double[], double> f) => new(
        Enumerable.Range(1, k).Select(i => new SensitivityParameter($"x{i}", "1", 0.5, 0, 1, new UniformDistribution(0, 1))).ToArray(),
        [new SensitivityOutput("f", "1")], x => [f(x)]);

    [Fact]
    public void Linear_function_gives_its_coefficients_with_zero_spread()
    {
        // f = 10 x1 − 5 x2 + x3 + 0 x4: every elementary effect of x_i is exactly c_i, so μ* = |c|, μ = c, σ = 0.
        double[] c = [10, -5, 1, 0];
        var problem = Problem(4, x => c.Select((ci, i) => ci * x[i]).Sum());
        var config = new GlobalConfig("linear", "test", GlobalMethod.Morris, 20, 5, 0, 4, problem.Parameters, problem.Outputs);
        var t = GlobalAnalysis.Run(config, problem, 1, cancellation: TestContext.Current.CancellationToken).Final(0);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(Math.Abs(c[i]), t.Values[i][0], 1e-9);
            Assert.Equal(c[i], t.Values[i][1], 1e-9);
            Assert.Equal(0, t.Values[i][2], 1e-9);
        }
    }

    [Fact]
    public void Sobol_g_function_is_ranked_by_its_coefficients()
    {
        // g = Π (|4x_i − 2| + a_i)/(1 + a_i) with a = (0, 1, 4.5, 9, 99, 99) (Saltelli 2010 §4): importance falls as a_i
        // grows, and x5, x6 are almost inert. Campolongo 2007 uses this function to show μ* ranks the factors correctly.
        double[] a = [0, 1, 4.5, 9, 99, 99];
        var problem = Problem(6, x => a.Select((ai, i) => (Math.Abs(4 * x[i] - 2) + ai) / (1 + ai)).Aggregate(1.0, (p, v) => p * v));
        var config = new GlobalConfig("g", "test", GlobalMethod.Morris, 50, 11, 200, 4, problem.Parameters, problem.Outputs);
        var t = GlobalAnalysis.Run(config, problem, 2, cancellation: TestContext.Current.CancellationToken).Final(0);
        var muStar = t.Values.Select(v => v[0]).ToArray();
        Assert.Equal([0, 1, 2, 3], Enumerable.Range(0, 6).OrderByDescending(i => muStar[i]).Take(4));
        Assert.True(muStar[4] < 0.05 * muStar[0] && muStar[5] < 0.05 * muStar[0], string.Join(", ", muStar));
        // For g, μ of x1 is ≈0 (|4x − 2| is symmetric) while μ* is large: why Campolongo replaced μ by μ*.
        Assert.True(Math.Abs(t.Values[0][1]) < 0.5 * muStar[0]);
    }

    [Fact]
    public void Trajectories_move_one_factor_at_a_time_by_delta_on_the_grid()
    {
        var design = new MorrisDesign(5, 10, seed: 3, levels: 4);
        for (var t = 0; t < 10; t++)
        {
            for (var s = 0; s < 5; s++)
            {
                var a = design.Point(t * 6 + s);
                var b = design.Point(t * 6 + s + 1);
                var changed = Enumerable.Range(0, 5).Where(i => a[i] != b[i]).ToArray();
                Assert.Single(changed);
                Assert.Equal(2.0 / 3, Math.Abs(a[changed[0]] - b[changed[0]]), 1e-12);
                Assert.All(b, v => Assert.Contains(Math.Round(v * 3), new double[] { 0, 1, 2, 3 }));
            }
        }
    }
}
