namespace TpoSim.Population;

/// <summary>
/// A trial's response definitions, read from weekly platelet counts. Week k's count is the platelet count at day
/// 7·(k − 1): week 1 is day 0, the first dose. Defaults are Kuter DJ et al. Lancet 2008;371:395 (romiplostim
/// phase 3, 24 weeks): a weekly response is a count ≥ 50 ×10⁹/L; durable = weekly responses in ≥ 6 of weeks 18–25 and
/// no rescue at any time; transient = ≥ 4 weekly responses in weeks 2–25 without a durable response; overall =
/// durable or transient; a weekly response within 8 weeks after rescue does not count (Nplate SmPC, table of the two
/// placebo-controlled studies).
/// </summary>
/// <param name="Threshold">Weekly response threshold, 10⁹/L (Kuter 2008: 50).</param>
/// <param name="FirstWeek">First week counted for responses (Kuter 2008: 2).</param>
/// <param name="LastWeek">Last week counted, or null for the last whole week of the simulation (⌊days/7⌋ + 1; 25 for 168 days).</param>
/// <param name="DurableWeeks">Length of the durable window ending at the last week (Kuter 2008: 8, weeks 18–25).</param>
/// <param name="DurableMinResponses">Weekly responses needed in the durable window (Kuter 2008: 6).</param>
/// <param name="TransientMinResponses">Weekly responses needed for a transient response (Kuter 2008: 4).</param>
/// <param name="RescueBelow">
/// Rescue rule, 10⁹/L: a weekly count (week ≥ 2) below this is taken to need rescue therapy. Assumed: Kuter 2008 left
/// rescue (corticosteroids, IVIG, anti-D, transfusion) to the investigator for bleeding risk; &lt; 10 ×10⁹/L is the
/// usual threshold for such treatment. Rescue is counted; a population file's <c>rescue</c> block also simulates it
/// (<see cref="Policies.RescueTherapy"/>), on the same visits, so the counted weeks are the weeks it was given.
/// </param>
/// <param name="RescueExclusionWeeks">Weeks after a rescue in which weekly responses do not count (Kuter 2008: 8).</param>
/// <param name="RangeLow">Lower end of the target range for time in range, 10⁹/L.</param>
/// <param name="RangeHigh">Upper end of the target range (exclusive), 10⁹/L.</param>
/// <param name="EventAbove">A high-count event is an entry above this count, 10⁹/L (label: withhold above 400).</param>
public sealed record ResponseDefinition(
    double Threshold = 50,
    int FirstWeek = 2,
    int? LastWeek = null,
    int DurableWeeks = 8,
    int DurableMinResponses = 6,
    int TransientMinResponses = 4,
    double RescueBelow = 10,
    int RescueExclusionWeeks = 8,
    double RangeLow = 50,
    double RangeHigh = 200,
    double EventAbove = 400)
{
    /// <summary>Kuter 2008's definitions with the assumed rescue rule.</summary>
    public static ResponseDefinition Default { get; } = new();

    /// <summary>The last week counted for a simulation of <paramref name="days"/> days.</summary>
    public int LastWeekFor(double days) => LastWeek ?? (int)Math.Floor(days / 7 + 1e-9) + 1;

    /// <summary>Day of week <paramref name="week"/>'s count: 7·(week − 1).</summary>
    public static double DayOfWeek(int week) => 7.0 * (week - 1);
}
