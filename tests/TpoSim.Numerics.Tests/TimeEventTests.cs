using TpoSim.Numerics.Ode;
using TpoSim.Numerics.Ode.Events;
using Xunit;

namespace TpoSim.Numerics.Tests;

/// <summary>Time events against the analytic piecewise solution of y' = −y.</summary>
public sealed class TimeEventTests
{
    public static TheoryData<string> Names => new() { "dopri5", "rodas5p", "auto", "radau5" };

    private static readonly OdeSolverOptions TightOptions = new() { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 };

    // Radau5's dense output is its degree-3 collocation polynomial (error ~1e-9 at rtol 1e-10), so it gets
    // a tighter tolerance for the same 1e-9 checks.
    private static OdeSolverOptions Tight(string name) =>
        name == "radau5" ? TightOptions with { RelativeTolerance = 1e-12, AbsoluteTolerance = 1e-14 } : TightOptions;

    private static OdeProblem Decay(double tEnd) => new((t, y, d) => d[0] = -y[0], new[] { 1.0 }, 0, tEnd);

    [Theory]
    [MemberData(nameof(Names))]
    public void An_event_no_longer_pending_neither_stops_nor_acts(string name)
    {
        // A dose at t = 1 cancels the halving planned for t = 2 (as a rescue extended past its planned end), so y(3) =
        // (e^{−1} + 1)·e^{−2}, the run takes the steps of a run without the t = 2 event, and only the dose is logged.
        var cancelled = false;
        var events = new EventSet(
        [
            new TimeEvent(1, (t, y, _) => { y[0] += 1; cancelled = true; }, "dose"),
            new TimeEvent(2, (t, y, _) => y[0] *= 0.5, "halve") { Pending = _ => !cancelled },
        ], []);
        OdeSolution s = TestSolvers.Get(name).Solve(Decay(3), Tight(name), events);
        cancelled = false;
        OdeSolution without = TestSolvers.Get(name).Solve(Decay(3), Tight(name),
            new EventSet([new TimeEvent(1, (t, y, _) => { y[0] += 1; cancelled = true; }, "dose")], []));

        Assert.Equal(SolverStatus.Success, s.Status);
        Assert.Equal((Math.Exp(-1) + 1) * Math.Exp(-2), s.FinalState[0], 1e-9);
        Assert.Equal(["dose"], s.Events.Select(e => e.Label));
        Assert.Equal(without.Statistics.AcceptedSteps, s.Statistics.AcceptedSteps);
        Assert.Equal(without.FinalState[0], s.FinalState[0]);
        Assert.DoesNotContain(2.0, s.Times);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_pending_event_fires(string name)
    {
        // The same halving, still pending: y(3) = (e^{−1} + 1)·e^{−1}·0.5·e^{−1}.
        var events = new EventSet(
        [
            new TimeEvent(1, (t, y, _) => y[0] += 1, "dose"),
            new TimeEvent(2, (t, y, _) => y[0] *= 0.5, "halve") { Pending = t => t == 2 },
        ], []);
        OdeSolution s = TestSolvers.Get(name).Solve(Decay(3), Tight(name), events);
        Assert.Equal((Math.Exp(-1) + 1) * Math.Exp(-2) * 0.5, s.FinalState[0], 1e-9);
        Assert.Equal(["dose", "halve"], s.Events.Select(e => e.Label));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void DosesChangeTheStateAtExactTimes(string name)
    {
        // y(1⁺) = e^{−1} + 1, y(2⁺) = 2·y(1⁺)·e^{−1}, y(3) = y(2⁺)·e^{−1}.
        var events = new EventSet(
            [new TimeEvent(2, (t, y, _) => y[0] *= 2, "double"), new TimeEvent(1, (t, y, _) => y[0] += 1, "dose")], []);
        var options = Tight(name) with { SaveAt = new[] { 0.5, 1.0, 1.5, 2.0, 3.0 } };
        OdeSolution s = TestSolvers.Get(name).Solve(Decay(3), options, events);

        double y1 = Math.Exp(-1) + 1, y2 = 2 * y1 * Math.Exp(-1), y3 = y2 * Math.Exp(-1);
        Assert.Equal(SolverStatus.Success, s.Status);
        Assert.Equal(y3, s.FinalState[0], 1e-9);
        Assert.Equal(2, s.Events.Count);
        Assert.Equal(("dose", 1.0, 1), (s.Events[0].Label, s.Events[0].Time, s.Events[0].Index));
        Assert.Equal(("double", 2.0, 0), (s.Events[1].Label, s.Events[1].Time, s.Events[1].Index));
        Assert.False(s.Events[0].IsStateEvent);

        // The event time appears twice in Times: before and after the change.
        int i1 = s.Times.ToList().IndexOf(1.0);
        Assert.True(i1 > 0);
        Assert.Equal(1.0, s.Times[i1 + 1]);
        Assert.Equal(Math.Exp(-1), s.StateAt(i1)[0], 1e-9);
        Assert.Equal(y1, s.StateAt(i1 + 1)[0], 1e-9);

        // SaveAt at an event time holds the post-event value.
        Assert.Equal(new[] { 0.5, 1.0, 1.5, 2.0, 3.0 }, s.SavedTimes);
        Assert.Equal(Math.Exp(-0.5), s.SavedStateAt(0)[0], 1e-9);
        Assert.Equal(y1, s.SavedStateAt(1)[0], 1e-9);
        Assert.Equal(y1 * Math.Exp(-0.5), s.SavedStateAt(2)[0], 1e-9);
        Assert.Equal(y2, s.SavedStateAt(3)[0], 1e-9);
        Assert.Equal(y3, s.SavedStateAt(4)[0], 1e-9);

        // Dense output is right-continuous at the event and exact on each side.
        Assert.Equal(y1, s.Interpolate(1.0, 0), 1e-9);
        Assert.Equal(Math.Exp(-0.999), s.Interpolate(0.999, 0), 1e-9);
        Assert.Equal(y1 * Math.Exp(-0.25), s.Interpolate(1.25, 0), 1e-9);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EventAtTheEndFiresAndIsInTheFinalState(string name)
    {
        var events = new EventSet([new TimeEvent(2, (t, y, _) => y[0] += 10, "end")], []);
        OdeSolution s = TestSolvers.Get(name).Solve(Decay(2), Tight(name) with { SaveAt = new[] { 2.0 } }, events);
        Assert.Equal(SolverStatus.Success, s.Status);
        Assert.Equal(2.0, s.FinalTime);
        Assert.Equal(Math.Exp(-2) + 10, s.FinalState[0], 1e-9);
        Assert.Single(s.Events);
        Assert.Equal(2.0, s.Times[^1]);
        Assert.Equal(2.0, s.Times[^2]);
        Assert.Equal(Math.Exp(-2), s.StateAt(s.Times.Count - 2)[0], 1e-9);
        Assert.Equal(Math.Exp(-2) + 10, s.SavedStateAt(0)[0], 1e-9);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SeveralEventsAtOneTimeFireInListOrder(string name)
    {
        // Doubling then adding one gives 2y + 1; the other order would give 2y + 2.
        var events = new EventSet(
            [new TimeEvent(1, (t, y, _) => y[0] *= 2, "a"), new TimeEvent(0.5, (t, y, _) => y[0] += 0, "early"), new TimeEvent(1, (t, y, _) => y[0] += 1, "b")], []);
        OdeSolution s = TestSolvers.Get(name).Solve(Decay(1.5), Tight(name), events);
        double expected = (2 * Math.Exp(-1) + 1) * Math.Exp(-0.5);
        Assert.Equal(expected, s.FinalState[0], 1e-9);
        Assert.Equal(new[] { "early", "a", "b" }, s.Events.Select(e => e.Label));
        Assert.Equal(2, s.Times.Count(t => t == 1.0));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EventAtTheStartFiresBeforeIntegrating(string name)
    {
        var events = new EventSet([new TimeEvent(0, (t, y, _) => y[0] = 5, "init")], []);
        OdeSolution s = TestSolvers.Get(name).Solve(Decay(1), Tight(name) with { SaveAt = new[] { 0.0, 1.0 } }, events);
        Assert.Equal(5 * Math.Exp(-1), s.FinalState[0], 1e-9);
        Assert.Equal(new[] { 0.0, 0.0 }, s.Times.Take(2));
        Assert.Equal(1.0, s.StateAt(0)[0]);
        Assert.Equal(5.0, s.StateAt(1)[0]);
        Assert.Equal(5.0, s.SavedStateAt(0)[0]);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void KeepStepsFalseStillGivesSaveAtButNoDenseOutput(string name)
    {
        double[] saveAt = [0, 0.25, 0.5, 1, 2.5, 4];
        var options = Tight(name) with { KeepSteps = false, SaveAt = saveAt };
        OdeSolution s = TestSolvers.Get(name).Solve(Decay(4), options);
        Assert.Empty(s.Times);
        Assert.Equal(saveAt, s.SavedTimes);
        for (int i = 0; i < saveAt.Length; i++) Assert.Equal(Math.Exp(-saveAt[i]), s.SavedStateAt(i)[0], 1e-9);
        Assert.Throws<InvalidOperationException>(() => s.Interpolate(1.0, 0));
        Assert.Equal(Math.Exp(-4), s.FinalState[0], 1e-9);
    }
}

/// <summary>Events edit the problem's parameter vector p as well as y (OdeProblem.Parameters).</summary>
public class ParameterEventTests
{
    /// <summary>y' = −p₀·y, y(0) = 1, p₀ = 1 until an event at t = 1 sets it to 2: y(3) = e^(−1)·e^(−4) = e^(−5).</summary>
    [Fact]
    public void A_time_event_that_edits_p_changes_the_rate_from_then_on()
    {
        var p = new[] { 1.0 };
        var problem = new OdeProblem((t, y, q, dy) => dy[0] = -q[0] * y[0], (t, y, q, jac) => jac[0] = -q[0], p, new[] { 1.0 }, 0, 3);
        var events = new EventSet([new TimeEvent(1, (t, y, q) => q[0] = 2, "faster")], []);
        var solution = SolverRegistry.Default.Solve(problem, new OdeSolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 }, events);
        Assert.Equal(2, p[0]);
        Assert.Equal(Math.Exp(-5), solution.FinalState[0], 1e-8);
    }
}
