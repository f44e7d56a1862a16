using TpoSim.Numerics.Ode;
using TpoSim.Numerics.Ode.Events;
using Xunit;

namespace TpoSim.Numerics.Tests;

/// <summary>State events located on the dense output, against analytic roots.</summary>
public sealed class StateEventTests
{
    public static TheoryData<string> Names => new() { "dopri5", "rodas5p", "auto", "radau5" };

    private static readonly OdeSolverOptions Tight = new() { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 };

    // y1' = y2, y2' = −y1, y(0) = (1, 0): y1 = cos t, crossing zero at π/2 (falling), 3π/2 (rising), 5π/2 (falling).
    private static OdeProblem Oscillator(double tEnd) => new((t, y, d) => { d[0] = y[1]; d[1] = -y[0]; }, new[] { 1.0, 0.0 }, 0, tEnd);

    [Theory]
    [MemberData(nameof(Names))]
    public void TerminalEventStopsAtTheAnalyticRoot(string name)
    {
        var events = new EventSet([], [new StateEvent((t, y) => y[0], CrossingDirection.Falling, Terminal: true, Label: "zero")]);
        OdeSolution s = TestSolvers.Get(name).Solve(Oscillator(10), Tight with { SaveAt = new[] { 1.0, 2.0 } }, events);
        Assert.Equal(SolverStatus.TerminatedByEvent, s.Status);
        Assert.True(s.Succeeded);
        // Tolerance: the root is bracketed to 1e-10·h and the dense output is accurate to ~rtol = 1e-10.
        Assert.True(Math.Abs(s.FinalTime - Math.PI / 2) < 1e-9, $"root {s.FinalTime:R} vs π/2, error {s.FinalTime - Math.PI / 2:E2}");
        Assert.Single(s.Events);
        Assert.True(s.Events[0].IsStateEvent);
        Assert.Equal(s.FinalTime, s.Events[0].Time);
        Assert.Equal(s.FinalTime, s.Times[^1]);
        Assert.Equal(new[] { 1.0 }, s.SavedTimes); // a prefix: 2.0 is past the stop
        Assert.True(Math.Abs(s.FinalState[0]) < 1e-9);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void DirectionFilters(string name)
    {
        IOdeSolver solver = TestSolvers.Get(name);
        double[] Roots(CrossingDirection d)
        {
            var ev = new EventSet([], [new StateEvent((t, y) => y[0], d)]);
            OdeSolution s = solver.Solve(Oscillator(10), Tight, ev);
            Assert.Equal(SolverStatus.Success, s.Status);
            return s.Events.Select(e => e.Time).ToArray();
        }
        double[] either = Roots(CrossingDirection.Either), rising = Roots(CrossingDirection.Rising), falling = Roots(CrossingDirection.Falling);
        Assert.Equal(3, either.Length);
        Assert.Single(rising);
        Assert.Equal(2, falling.Length);
        Assert.True(Math.Abs(rising[0] - 3 * Math.PI / 2) < 1e-9);
        Assert.True(Math.Abs(falling[1] - 5 * Math.PI / 2) < 1e-9);
        for (int k = 0; k < 3; k++) Assert.True(Math.Abs(either[k] - (2 * k + 1) * Math.PI / 2) < 1e-9);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void BouncingBallMatchesTheAnalyticImpactTimes(string name)
    {
        // h'' = −g, h(0) = 10, v(0) = 0; at impact v ← −0.9 v. Impacts at t1 = √(2·10/g) and
        // t2 = t1 + 2·0.9·g·t1/g = 2.8·t1, t3 = t2 + 2·0.81·t1.
        const double G = 9.81;
        var events = new EventSet([], [new StateEvent((t, y) => y[0], CrossingDirection.Falling, (t, y, _) => y[1] = -0.9 * y[1], Label: "bounce")]);
        var problem = new OdeProblem((t, y, d) => { d[0] = y[1]; d[1] = -G; }, new[] { 10.0, 0.0 }, 0, 7);
        OdeSolution s = TestSolvers.Get(name).Solve(problem, Tight, events);
        double t1 = Math.Sqrt(20 / G);
        double[] expected = [t1, t1 + 1.8 * t1, t1 + 1.8 * t1 + 1.62 * t1];
        Assert.Equal(SolverStatus.Success, s.Status);
        Assert.Equal(3, s.Events.Count);
        for (int k = 0; k < 3; k++) Assert.True(Math.Abs(s.Events[k].Time - expected[k]) < 1e-8, $"impact {k}: {s.Events[k].Time} vs {expected[k]}");
        // After the action the Times list holds the impact time twice: before and after the velocity flip.
        int i = s.Times.ToList().IndexOf(s.Events[0].Time);
        Assert.Equal(s.Times[i], s.Times[i + 1]);
        Assert.Equal(-s.StateAt(i)[1] * 0.9, s.StateAt(i + 1)[1], 1e-12);
    }

    [Fact]
    public void TwoEventsAtTheSameRootBothFireInListOrder()
    {
        var events = new EventSet([], [
            new StateEvent((t, y) => y[0], CrossingDirection.Either, Label: "first"),
            new StateEvent((t, y) => 2 * y[0], CrossingDirection.Falling, Terminal: true, Label: "second"),
        ]);
        OdeSolution s = SolverRegistry.Default.Solve(Oscillator(10), Tight, events);
        Assert.Equal(SolverStatus.TerminatedByEvent, s.Status);
        Assert.Equal(new[] { "first", "second" }, s.Events.Select(e => e.Label));
    }
}
