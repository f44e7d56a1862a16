using TpoSim.Numerics.Ode;
using TpoSim.Numerics.Ode.Events;
using TpoSim.Physiology;

namespace TpoSim.Policies;

/// <summary>
/// Simulated rescue therapy of an ITP trial (a population file's <c>rescue</c> block with <c>"simulate": true</c>): at each
/// weekly visit from week 2 (days 7, 14, …, 7·(<see cref="LastWeek"/> − 1)) a true count below <see cref="Below"/> gets
/// rescue, which blocks <see cref="BlockFraction"/> of the antibody-mediated platelet removal (v1's extraRemovalRate, v2's
/// antibodyRemovalRate: the ITP condition's rate, before its activity and splenectomy factors) for
/// <see cref="DurationDays"/> days. IVIG and corticosteroids, the rescue Kuter 2008 allowed with anti-D and transfusion,
/// act mainly there: they block or reduce Fc-receptor clearance of antibody-coated platelets. A rescue while one is
/// running extends the block to <see cref="DurationDays"/> after the new one (the fraction does not compound).
/// The visits and the threshold are the counted rule's (<see cref="Population.ResponseDefinition"/>), so a simulated
/// rescue falls on exactly the weeks the endpoints count as rescue weeks.
/// </summary>
/// <param name="Below">A weekly count below this (10⁹/L) gets rescue (the response window's rescueBelow).</param>
/// <param name="LastWeek">Last weekly visit checked (week k is day 7·(k − 1)).</param>
/// <param name="BlockFraction">
/// Fraction (0–1) of antibody-mediated removal blocked while the rescue acts. Default 0.97: calibrated on IVIG 1 g/kg on
/// 2 days in chronic ITP with counts ≤ 20 (Robak T et al. Hematology 2009;14:227, 57 patients: highest median count
/// 149 ×10⁹/L on day 8, 80.7% ≥ 50 by day 7, median time to response 2.5 days) so that the model's chronic-ITP patient
/// at the rescue threshold (itp severity 0.8, 8.4 ×10⁹/L) reaches ≈ 147 seven days after the rescue starts (tests:
/// RescueTherapyTests). Calibrated on that single-arm IVIG study, never on a Kuter 2008 endpoint.
/// </param>
/// <param name="DurationDays">
/// Days the block lasts. Default 18: Robak 2009's median time to response (2.5 days) plus its median duration of response
/// (days ≥ 50: 15.4 days); once the block ends the model's count falls back within about a day (ITP removal is fast).
/// </param>
public sealed record RescueTherapy(double Below, int LastWeek, double BlockFraction = RescueTherapy.DefaultBlockFraction,
    double DurationDays = RescueTherapy.DefaultDurationDays)
{
    /// <summary>Default <see cref="BlockFraction"/> (Robak 2009, see the record's remarks).</summary>
    public const double DefaultBlockFraction = 0.97;

    /// <summary>Default <see cref="DurationDays"/>, days (Robak 2009: 2.5 + 15.4).</summary>
    public const double DefaultDurationDays = 18;

    /// <summary>Longest block accepted, days.</summary>
    public const double MaxDurationDays = 365;

    /// <summary>The first weekly visit checked: week 2, day 7 (week 1 is day 0, the first dose).</summary>
    public const int FirstWeek = 2;

    /// <summary>Visit days checked: 7·(k − 1) for k = 2 … <see cref="LastWeek"/>, at most <paramref name="days"/>.</summary>
    public IEnumerable<double> CheckDays(double days)
    {
        for (var k = FirstWeek; k <= LastWeek && 7.0 * (k - 1) <= days + 1e-9; k++) yield return 7.0 * (k - 1);
    }

    /// <summary>
    /// The index of the removal rate the rescue blocks in <paramref name="model"/>: v2's antibodyRemovalRate, else v1's
    /// extraRemovalRate; −1 when the model has neither.
    /// </summary>
    public static int RemovalIndex(AssembledModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var v2 = model.Index("antibodyRemovalRate");
        return v2 >= 0 ? v2 : model.Index(Parameters.ParameterId.ExtraPlateletRemovalRate);
    }

    /// <summary>
    /// The run's rescue events: a check at each visit day, and an end of block <see cref="DurationDays"/> after each (only
    /// the end of the latest rescue restores the rate). They hold per-run state, so they are made per run, like a
    /// titration's; <paramref name="log"/> receives the day of each rescue given.
    /// </summary>
    public IEnumerable<TimeEvent> Events(AssembledModel model, double days, List<double> log)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(log);
        var index = RemovalIndex(model);
        if (index < 0) throw new ArgumentException("Rescue therapy needs the ITP removal rate in the model.", nameof(model));
        var state = new BlockState();
        // One action for every check and one for every end (the event's time comes with the call), so a run holds two
        // delegates, not two per week.
        EventAction check = (t, y, q) =>
        {
            if (!(model.PlateletsCirculating(y, q) < Below)) return;
            if (!state.Active) state.Unblocked = q[index];
            state.Active = true;
            state.Until = t + DurationDays;
            q[index] = state.Unblocked * (1 - BlockFraction);
            log.Add(t);
        };
        EventAction restore = (_, _, q) =>
        {
            q[index] = state.Unblocked;
            state.Active = false;
        };
        // Only a block still running to this day ends here; otherwise the solver does not stop (or restart) for it.
        Func<double, bool> ends = t => state.Active && state.Until == t;
        foreach (var day in CheckDays(days))
        {
            yield return new TimeEvent(day, check, "rescue check");
            var end = day + DurationDays;
            if (end <= days) yield return new TimeEvent(end, restore, "rescue ends") { Pending = ends };
        }
    }

    private sealed class BlockState
    {
        public bool Active;
        public double Until;
        public double Unblocked;
    }
}
