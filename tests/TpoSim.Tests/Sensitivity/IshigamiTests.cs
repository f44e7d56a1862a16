using TpoSim.Sensitivity;

namespace TpoSim.Tests.Sensitivity;

/// <summary>
/// Sobol' indices of the Ishigami function f = sin x1 + a sin² x2 + b x3⁴ sin x1 (a = 7, b = 0.1, x ~ U[−π, π]³),
/// whose indices are known in closed form (Ishigami T, Homma T 1990; Saltelli 2010 §4): V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,
/// V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0, V13 = 8b²π⁸/225, so S = (0.3139, 0.4424, 0) and ST = (0.5576, 0.4424, 0.2437).
/// </summary>
public class IshigamiTests
{
    private const double A = 7, B = 0.1;

    internal static SensitivityProblem Problem() => new(
        Enumerable.Range(1, 3).Select(i => new SensitivityParameter($"x{i}", "1", 0, -Math.PI, Math.PI, new UniformDistribution(-Math.PI, Math.PI))).ToArray(),
        [new SensitivityOutput("f", "1")],
        x => [Math.Sin(x[0]) + A * Math.Sin(x[1]) * Math.Sin(x[1]) + B * Math.Pow(x[2], 4) * Math.Sin(x[0])]);

    private static (double[] First, double[] Total) Exact()
    {
        var pi4 = Math.Pow(Math.PI, 4);
        var pi8 = pi4 * pi4;
        var v = A * A / 8 + B * pi4 / 5 + B * B * pi8 / 18 + 0.5;
        var v1 = 0.5 * Math.Pow(1 + B * pi4 / 5, 2);
        var v2 = A * A / 8;
        var v13 = 8 * B * B * pi8 / 225;
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v]);
    }

    [Fact]
    public void Sobol_indices_match_the_closed_form()
    {
        // N = 2^13 base samples (40,960 runs). The bootstrap standard errors (Monte-Carlo, ∝ 1/√N) at this N are
        // 0.004–0.016; the tolerance is 3 of them, with each SE itself below 0.02 so wide intervals cannot pass a wrong
        // estimator. The quasi-random design does better than Monte Carlo (errors ≈ 1/N), so every index must also be
        // within 0.01 of its exact value.
        var config = new GlobalConfig("Ishigami", "test", GlobalMethod.Sobol, 8192, 2010, 300, 4, Problem().Parameters, Problem().Outputs);
        var result = GlobalAnalysis.Run(config, Problem(), threads: 2, cancellation: TestContext.Current.CancellationToken);
        var t = result.Final(0);
        var (first, total) = Exact();
        for (var i = 0; i < 3; i++)
        {
            foreach (var (m, exact) in new[] { (0, first[i]), (1, total[i]) })
            {
                var se = (t.Upper[i][m] - t.Lower[i][m]) / (2 * 1.96);
                Assert.InRange(se, 1e-5, 0.02);
                Assert.InRange(t.Values[i][m] - exact, -0.01, 0.01);
                Assert.True(Math.Abs(t.Values[i][m] - exact) <= 3 * se,
                    $"x{i + 1} {t.IndexNames[m]} = {t.Values[i][m]:0.0000}, exact {exact:0.0000}, SE {se:0.0000}");
            }
        }
        Assert.Equal(8192, t.UsedSamples);
    }

    [Fact]
    public void Convergence_steps_are_N_over_4_N_over_2_and_N_and_the_error_shrinks()
    {
        var config = new GlobalConfig("Ishigami", "test", GlobalMethod.Sobol, 4096, 7, 0, 4, Problem().Parameters, Problem().Outputs);
        var result = GlobalAnalysis.Run(config, Problem(), threads: 1, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal([1024, 2048, 4096], result.Convergence[0].Select(s => s.Samples));
        var (first, total) = Exact();
        double Error(IndexTable t) => Enumerable.Range(0, 3).Sum(i => Math.Abs(t.Values[i][0] - first[i]) + Math.Abs(t.Values[i][1] - total[i]));
        // Summed over the six indices; quasi-random error falls roughly like 1/N, so a 4× larger N must not be worse.
        Assert.True(Error(result.Convergence[0][2].Indices) < Error(result.Convergence[0][0].Indices));
    }
}
