namespace TpoSim.Numerics.Ode.Events;

/// <summary>
/// A discontinuity at a known time: the solver stops exactly at <paramref name="Time"/>, applies
/// <paramref name="Action"/>, and restarts cleanly (fresh step-size start, fresh Jacobian).
/// Several events at the same time fire in list order.
/// </summary>
/// <param name="Time">When to fire (inside [T0, TEnd]; an event at TEnd fires and is visible in the final state).</param>
/// <param name="Action">The change to apply.</param>
/// <param name="Label">Free text for diagnostics and logs.</param>
public sealed record TimeEvent(double Time, EventAction Action, string Label = "")
{
    /// <summary>
    /// Whether the event still has something to do, asked when the solver plans its approach to <see cref="Time"/> (every
    /// earlier event has fired by then) and again when it would fire; false skips it: no stop there, no restart, no action.
    /// For events scheduled in advance that an earlier event may make moot (the end of a rescue therapy that a later rescue
    /// extended, or that never began). It is given the event's time, so one delegate can serve many events. Null: always fires.
    /// </summary>
    public Func<double, bool>? Pending { get; init; }
}
