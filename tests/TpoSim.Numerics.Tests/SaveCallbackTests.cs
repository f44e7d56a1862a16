using TpoSim.Numerics.Ode;
using TpoSim.Numerics.Ode.Events;
using Xunit;

namespace TpoSim.Numerics.Tests;

/// <summary>
/// <see cref="OdeSolverOptions.OnSave"/>: one solve over many parameter-changing events, its outputs taken as the solver
/// reaches them, gives exactly (bit for bit) what a solve per event interval gives — the simulator relies on it.
/// </summary>
public sealed class SaveCallbackTests
{
    // y0' = −k·y0 + 1, y1' = y0 − y1 (a stiff-ish pair with a rate k that events change), parameters p = [k].
    private static void F(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> p, Span<double> d)
    {
        d[0] = -p[0] * y[0] + 1;
        d[1] = y[0] - 50 * y[1] * (1 + Math.Sin(t));
    }

    private static readonly double[] Grid = Enumerable.Range(0, 41).Select(i => i * 0.25).ToArray();
    private static readonly double[] EventTimes = [1.0, 2.5, 2.5, 4.0, 7.75, 9.0];

    private static EventAction Edit(int k) => (_, y, p) => { p[0] = 1 + k; y[1] += 0.1; };

    [Theory]
    [InlineData("rodas5p")]
    [InlineData("dopri5")]
    public void OneSolveWithEventsGivesTheBitsOfASolvePerInterval(string name)
    {
        var solver = TestSolvers.Get(name);
        var options = new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-8, KeepSteps = false };

        // One solve: the callback records the state and the parameter it sees at each output time.
        var p = new double[] { 3 };
        var once = new List<(double T, double Y0, double Y1, double K)>();
        var events = EventTimes.Select((t, k) => new TimeEvent(t, Edit(k), $"e{k}")).ToList();
        var solution = solver.Solve(new OdeProblem(F, null, p, new[] { 0.5, 0.0 }, 0, 10),
            options with { SaveAt = Grid, OnSave = (t, y) => once.Add((t, y[0], y[1], p[0])) }, new EventSet(events, []));
        Assert.Equal(SolverStatus.Success, solution.Status);
        Assert.Equal(Grid, solution.SavedTimes);

        // A solve per interval between event times, as the simulator did before: a grid point on a boundary belongs to the
        // later interval, whose start fires the events there.
        var q = new double[] { 3 };
        var y = new[] { 0.5, 0.0 };
        var split = new List<(double T, double Y0, double Y1, double K)>();
        var ends = EventTimes.Distinct().Append(10.0).ToArray();
        double t0 = 0;
        int g = 0, e = 0;
        foreach (var t1 in ends)
        {
            int from = g;
            while (g < Grid.Length && (Grid[g] < t1 || t1 == 10)) g++;
            var mine = new List<TimeEvent>();
            while (e < events.Count && events[e].Time < t1) mine.Add(events[e++]);
            var s = solver.Solve(new OdeProblem(F, null, q, y, t0, t1), options with { SaveAt = Grid.AsMemory(from, g - from) }, new EventSet(mine, []));
            Assert.Equal(SolverStatus.Success, s.Status);
            for (int k = 0; k < s.SavedTimes.Count; k++) split.Add((s.SavedTimes[k], s.SavedStateAt(k)[0], s.SavedStateAt(k)[1], q[0]));
            y = s.FinalState.ToArray();
            t0 = t1;
        }
        Assert.Equal(split, once); // exact equality of every double
        Assert.True(solution.SavedTimes.Count == Grid.Length);
    }
}

/// <summary>The steady-state Newton's per-thread workspace: a reused one gives the bits of a fresh one.</summary>
public sealed class NewtonWorkspaceReuseTests
{
    // A sparse chain with a nonlinear feedback: y_i' = y_{i−1} − y_i·(1 + y_{n−1}²/10) + 1 for i ≥ 1, y_0' = 2 − y_0·(1 + y_{n−1}).
    private static OdeProblem Chain(double scale)
    {
        const int n = 12;
        var rows = Enumerable.Range(0, n).Select(i => (IReadOnlyList<int>)new[] { Math.Max(0, i - 1), i, n - 1 }.Distinct().ToArray()).ToArray();
        void F(double t, ReadOnlySpan<double> y, Span<double> d)
        {
            d[0] = 2 * scale - y[0] * (1 + y[n - 1]);
            for (int i = 1; i < n; i++) d[i] = y[i - 1] - y[i] * (1 + y[n - 1] * y[n - 1] / 10) + 1;
        }
        return new OdeProblem(F, Enumerable.Repeat(0.5, n).ToArray(), 0, 1) { Structure = JacobianStructure.Sparse(rows) };
    }

    [Fact]
    public void AReusedWorkspaceGivesTheBitsOfAFreshOne()
    {
        var options = new SteadyState.SteadyStateOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 };
        // A fresh thread has no spare workspace: its solve builds one.
        double[] fresh = [];
        var thread = new Thread(() => fresh = SteadyState.SteadyStateSolver.Solve(Chain(1), options).State.ToArray());
        thread.Start();
        thread.Join();
        // This thread solves other problems of the same pattern first, so the second solve of Chain(1) reuses their workspace.
        SteadyState.SteadyStateSolver.Solve(Chain(3), options);
        SteadyState.SteadyStateSolver.Solve(Chain(0.2), options);
        var reused = SteadyState.SteadyStateSolver.Solve(Chain(1), options);
        Assert.Equal(SteadyState.SteadyStateStatus.Converged, reused.Status);
        Assert.Equal(fresh, reused.State.ToArray());
    }
}
