namespace TpoSim.Policies;

/// <summary>
/// A dose level given as a weekly pattern: the amount on each day of the titration week (day 0 of the titration is
/// the first day of every week; 0 = no dose that day). Used where a label's ladder has intermittent levels
/// (avatrombopag in ITP: 20 mg once, twice or three times a week).
/// </summary>
/// <param name="Label">How the level reads in decisions.csv and the report, e.g. "20 mg 3×/week (days 1, 3, 5)".</param>
/// <param name="AmountByDay">Amount on week days 0–6 in the policy's unit (7 entries, ≥ 0).</param>
public sealed record WeeklyRegimen(string Label, IReadOnlyList<double> AmountByDay)
{
    /// <summary>The amount due on titration day <paramref name="day"/> (whole days; week day = day mod 7).</summary>
    public double AmountOn(double day) => AmountByDay[(int)(Math.Floor(day + 1e-9) % 7)];

    /// <summary>The largest single amount of the pattern (what decisions.csv reports as the dose).</summary>
    public double Largest => AmountByDay.Max();

    /// <summary>
    /// <paramref name="amount"/> on the given week days (0 = first day of the week), nothing on the others; the label
    /// names the days 1-based, as a patient counts them.
    /// </summary>
    public static WeeklyRegimen On(double amount, string unit, params int[] days)
    {
        var pattern = new double[7];
        foreach (var d in days) pattern[d] = amount;
        var times = days.Length switch { 1 => "once weekly", 2 => "twice weekly", 3 => "3×/week", _ => $"{days.Length}×/week" };
        return new($"{amount:G} {unit} {times} (days {string.Join(", ", days.Select(d => d + 1))})", pattern);
    }

    /// <summary><paramref name="amount"/> every day.</summary>
    public static WeeklyRegimen Daily(double amount, string unit) => new($"{amount:G} {unit} daily", Enumerable.Repeat(amount, 7).ToArray());
}
