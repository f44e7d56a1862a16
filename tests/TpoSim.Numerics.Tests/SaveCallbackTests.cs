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
