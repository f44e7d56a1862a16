using TpoSim.Sensitivity;

namespace TpoSim.Tests.Sensitivity;

/// <summary>Local sensitivities of models whose normalised sensitivities are known exactly.</summary>
public class LocalAnalysisTests
{
    private static SensitivityParameter P(string name, double nominal, double min = 1e-6, double max = 1e6) =>
        new(name, "1", nominal, min, max, new UniformDistribution(min, max));

    [Fact]
    public void Power_law_model_gives_the_exponents_exactly()
    {
        // y = 3·p1^2·p2^−0.5·p3^1.7: ln y is linear in ln p, so every difference in ln p is exact: S = (2, −0.5, 1.7).
        var problem = new SensitivityProblem([P("p1", 2), P("p2", 5), P("p3", 0.3)], [new SensitivityOutput("y", "1")],
            x => [3 * x[0] * x[0] * Math.Pow(x[1], -0.5) * Math.Pow(x[2], 1.7)]);
        var r = LocalAnalysis.Run(problem, new LocalSensitivityOptions(0.05));
        Assert.Equal(2, r.Values[0][0].Normalised, 1e-9);
        Assert.Equal(-0.5, r.Values[1][0].Normalised, 1e-9);
        Assert.Equal(1.7, r.Values[2][0].Normalised, 1e-9);
        Assert.All(r.Values, v => Assert.True(v[0].Reliable));
        Assert.Equal(1 + 3 * 4, r.Runs);
    }

    [Fact]
    public void Linear_model_matches_the_exact_sensitivities_to_the_Richardson_order()
    {
        // y = 1 + 2 p1 − 3 p2 + 0.5 p3: S_i = c_i p_i / y. Central differences of ln y in ln p have an h² error
        // (1e-4 relative here); Richardson removes it, leaving O(h⁴): evaluating the Taylor series at h = 0.02 gives
        // ≤ 1.9e-9 relative for these coefficients, so the tolerance is 5e-9.
        double[] c = [2, -3, 0.5];
        double[] p0 = [1.5, 0.4, 8];
        var problem = new SensitivityProblem([P("p1", p0[0]), P("p2", p0[1]), P("p3", p0[2])], [new SensitivityOutput("y", "1")],
            x => [1 + c[0] * x[0] + c[1] * x[1] + c[2] * x[2]]);
        var r = LocalAnalysis.Run(problem, new LocalSensitivityOptions(0.02, Threads: 2));
        var y = 1 + c[0] * p0[0] + c[1] * p0[1] + c[2] * p0[2];
        for (var i = 0; i < 3; i++)
        {
            var exact = c[i] * p0[i] / y;
            var s = r.Values[i][0];
            Assert.True(Math.Abs(s.Normalised - exact) <= 5e-9 * Math.Abs(exact), $"p{i + 1}: {s.Normalised} vs {exact}");
            // Extrapolation gains at least two orders over the step-h estimate, and the reported error bounds the true one.
            Assert.True(Math.Abs(s.NormalisedStepH - exact) > 100 * Math.Abs(s.Normalised - exact));
            Assert.True(s.ErrorEstimate >= Math.Abs(s.Normalised - exact));
            Assert.Equal(exact * y, s.Derivative, 1e-8);
        }
    }

    [Fact]
    public void A_parameter_at_its_upper_bound_uses_the_one_sided_scheme()
    {
        // p1 = 1 = its maximum (as liverFunction in health): backward second-order differences, same accuracy.
        var problem = new SensitivityProblem([P("p1", 1, 0, 1), P("p2", 0.01, 0.01, 1)], [new SensitivityOutput("y", "1")], x => [1 + 4 * x[0] + 2 * x[1]]);
        var r = LocalAnalysis.Run(problem, new LocalSensitivityOptions(0.02));
        Assert.Equal([DifferenceScheme.Backward, DifferenceScheme.Forward], r.Schemes);
        var y = 1 + 4 * 1 + 2 * 0.01;
        // One-sided: Richardson leaves an O(h³) term (h³/24 ≈ 3.3e-7 relative at h = 0.02), hence 1e-6 relative.
        Assert.Equal(4 / y, r.Values[0][0].Normalised, 1e-6 * 4 / y);
        Assert.Equal(2 * 0.01 / y, r.Values[1][0].Normalised, 1e-6 * 0.02 / y);
    }

    [Fact]
    public void A_step_fails_the_error_check()
    {
        // y = floor(10 p) + 1 (a dose ladder) jumps at p = 1: D(h) = 25 but D(h/2) = 50, so the estimate is flagged.
        var problem = new SensitivityProblem([P("p", 1)], [new SensitivityOutput("y", "1")], x => [Math.Floor(10 * x[0]) + 1]);
        var r = LocalAnalysis.Run(problem, new LocalSensitivityOptions(0.02));
        Assert.False(r.Values[0][0].Reliable);
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var problem = IshigamiTests.Problem() with
        {
            Parameters = IshigamiTests.Problem().Parameters.Select(p => p with { Nominal = 1.1, Minimum = 0.1, Maximum = 3 }).ToArray(),
        };
        var one = LocalAnalysis.Run(problem, new LocalSensitivityOptions(0.02, 1));
        var two = LocalAnalysis.Run(problem, new LocalSensitivityOptions(0.02, 2));
        Assert.Equal(one.Values.SelectMany(v => v), two.Values.SelectMany(v => v));
    }
}
