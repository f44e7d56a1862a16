using TpoSim.Numerics.Ode;
using TpoSim.Numerics.SteadyState;
using Xunit;

namespace TpoSim.Numerics.Tests;

/// <summary>Steady states against closed-form fixed points.</summary>
public sealed class SteadyStateTests(ITestOutputHelper output)
{
    [Fact]
    public void LinearSystemConvergesByNewton()
    {
        // y' = A y + b with A = [[−2, 1, 0], [1, −3, 1], [0, 1, −4]], b = (1, 2, 3): y* = −A⁻¹ b.
        double[] a = [-2, 1, 0, 1, -3, 1, 0, 1, -4];
        double[] b = [1, 2, 3];
        var p = new OdeProblem((t, y, d) =>
        {
            for (int i = 0; i < 3; i++) d[i] = a[3 * i] * y[0] + a[3 * i + 1] * y[1] + a[3 * i + 2] * y[2] + b[i];
        }, new[] { 10.0, -5.0, 7.0 }, 0, 1);
        SteadyStateResult r = SteadyStateSolver.Solve(p);
        // Exact (Cramer's rule, det A = −18): y* = (11/9, 13/9, 10/9).
        double[] exact = [11.0 / 9, 13.0 / 9, 10.0 / 9];
        Assert.Equal(SteadyStateStatus.Converged, r.Status);
        Assert.Equal(SteadyStateMethod.Newton, r.Method);
        for (int i = 0; i < 3; i++) Assert.Equal(exact[i], r.State.Span[i], 1e-10);
        Assert.InRange(r.Iterations, 1, 3);
        Assert.Equal("", r.Diagnostic);
    }

    [Fact]
    public void MichaelisMentenProductionAndClearance()
    {
        // x' = k0 − Vmax·x/(Km + x), z' = a·x − b·z: x* = k0·Km/(Vmax − k0), z* = a·x*/b.
        const double k0 = 2, vmax = 5, km = 0.5, ka = 3, kb = 0.1;
        var p = new OdeProblem((t, y, d) =>
        {
            d[0] = k0 - vmax * y[0] / (km + y[0]);
            d[1] = ka * y[0] - kb * y[1];
        }, new[] { 0.1, 0.0 }, 0, 1);
        double x = k0 * km / (vmax - k0), z = ka * x / kb;
        foreach (bool analytic in new[] { false, true })
        {
            OdeProblem q = analytic ? p with { Jacobian = (t, y, j) => { j[0] = -vmax * km / ((km + y[0]) * (km + y[0])); j[2] = ka; j[3] = -kb; } } : p;
            SteadyStateResult r = SteadyStateSolver.Solve(q, new SteadyStateOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 });
            output.WriteLine($"analytic J {analytic}: {r.Method} in {r.Iterations} iterations, residual {r.ResidualNorm:E2}");
            Assert.True(r.Converged);
            Assert.Equal(SteadyStateMethod.Newton, r.Method);
            Assert.Equal(x, r.State.Span[0], 1e-9);
            Assert.Equal(z, r.State.Span[1], 1e-8);
        }
    }

    [Fact]
    public void IntegrationRescuesNewtonFromAFarStart()
    {
        // f(y) = −((y − 3)² + 0.1)(y − 1): the only root is y = 1 (stable), but |f| has a local minimum with
        // f ≠ 0 near y ≈ 2.97, between the start y = 5 and the root, where damped Newton stalls.
        var p = new OdeProblem((t, y, d) => d[0] = -((y[0] - 3) * (y[0] - 3) + 0.1) * (y[0] - 1), new[] { 5.0 }, 0, 1);
        SteadyStateResult r = SteadyStateSolver.Solve(p);
        output.WriteLine($"{r.Method}: {r.Diagnostic}");
        Assert.True(r.Converged);
        Assert.Equal(SteadyStateMethod.IntegrationThenNewton, r.Method);
        Assert.Equal(1.0, r.State.Span[0], 1e-9);
        Assert.Contains("line search", r.Diagnostic);
    }

    [Fact]
    public void ConservationLawNeedsIntegrationOnly()
    {
        // y1' = −y1 + y2, y2' = y1 − y2 conserves y1 + y2, so J is singular everywhere; from (2, 0) the flow
        // settles at (1, 1).
        var p = new OdeProblem((t, y, d) => { d[0] = -y[0] + y[1]; d[1] = y[0] - y[1]; }, new[] { 2.0, 0.0 }, 0, 1);
        SteadyStateResult r = SteadyStateSolver.Solve(p);
        output.WriteLine($"{r.Method}: {r.Diagnostic}");
        Assert.True(r.Converged);
        Assert.Equal(SteadyStateMethod.Integration, r.Method);
        Assert.Equal(1.0, r.State.Span[0], 1e-6);
        Assert.Equal(1.0, r.State.Span[1], 1e-6);
        Assert.Contains("singular", r.Diagnostic);
    }

    [Fact]
    public void PerComponentToleranceLoosensOnlyThatComponent()
    {
        // Same Michaelis–Menten pair; a huge atol on z makes its convergence test trivially true, so the
        // result is still exact for x (the tight component) — the norm honours per-component atol.
        var p = new OdeProblem((t, y, d) => { d[0] = 2 - 5 * y[0] / (0.5 + y[0]); d[1] = 3 * y[0] - 0.1 * y[1]; }, new[] { 0.1, 0.0 }, 0, 1);
        SteadyStateResult r = SteadyStateSolver.Solve(p, new SteadyStateOptions { AbsoluteTolerances = new[] { 1e-12, 1e3 } });
        Assert.True(r.Converged);
        Assert.Equal(1.0 / 3, r.State.Span[0], 1e-9);
    }

    [Fact]
    public void OscillatorHasNoStableSteadyStateByIntegration()
    {
        // An undamped oscillator around (1, 0) started away from it: J is regular, so Newton finds (1, 0) at once.
        // With a limit cycle instead (Van der Pol, μ = 1) the only fixed point (0, 0) is unstable; Newton still
        // finds it from a nearby start, which is the documented behaviour (a root of f, stable or not).
        var vdp = new OdeProblem((t, y, d) => { d[0] = y[1]; d[1] = (1 - y[0] * y[0]) * y[1] - y[0]; }, new[] { 0.1, 0.1 }, 0, 1);
        SteadyStateResult r = SteadyStateSolver.Solve(vdp);
        Assert.True(r.Converged);
        Assert.Equal(0.0, r.State.Span[0], 1e-9);
    }

    /// <summary>
    /// Unbounded growth dy/dt = 1 has no steady state (Newton's J is singular): the search stops exactly at
    /// MaxIntegrationTime (its last chunk is cut to the limit) and says so, at the loose integration tolerance too.
    /// </summary>
    [Theory]
    [InlineData(50.0, null)]
    [InlineData(3650.0, 1e-6)]
    public void The_search_stops_at_its_integration_limit(double limit, double? integrationRtol)
    {
        var growth = new OdeProblem((t, y, d) => d[0] = 1, new[] { 0.0 }, 0, 1);
        var r = SteadyStateSolver.Solve(growth, new SteadyStateOptions { MaxIntegrationTime = limit, IntegrationRelativeTolerance = integrationRtol });
        Assert.False(r.Converged);
        Assert.Equal(limit, r.State.Span[0], 1e-6 * limit);   // y(t) = t, integrated exactly to the limit
        Assert.Contains($"integration up to t = {limit:G6}", r.Diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void NonFiniteStartAndBadOptions()
    {
        var bad = new OdeProblem((t, y, d) => d[0] = Math.Log(y[0]), new[] { -1.0 }, 0, 1);
        SteadyStateResult r = SteadyStateSolver.Solve(bad);
        Assert.Equal(SteadyStateStatus.NonFinite, r.Status);
        var p = new OdeProblem((t, y, d) => d[0] = -y[0], new[] { 1.0 }, 0, 1);
        Assert.Throws<ArgumentException>(() => SteadyStateSolver.Solve(p, new SteadyStateOptions { RelativeTolerance = 0 }));
        Assert.Throws<ArgumentException>(() => SteadyStateSolver.Solve(p, new SteadyStateOptions { AbsoluteTolerances = new[] { 1.0, 2.0 } }));
    }
}
