namespace TpoSim.Population;

/// <summary>The response metrics of one subject (see <see cref="ResponseDefinition"/>).</summary>
/// <param name="WeeklyResponses">Weekly counts ≥ threshold in the response weeks, outside the weeks after a rescue.</param>
/// <param name="Durable">Durable response.</param>
/// <param name="Transient">Transient response (and not durable).</param>
/// <param name="RescueWeeks">Weeks (≥ 2) whose count is below the rescue threshold.</param>
/// <param name="EverAtLeastThreshold">Platelets reached the threshold at some output point.</param>
/// <param name="DaysToThreshold">First output day with platelets ≥ threshold (NaN when never).</param>
/// <param name="DaysAtLeastThreshold">Days with platelets ≥ threshold (each output value holds until the next point).</param>
/// <param name="TimeInRange">Fraction of the simulated time with low ≤ platelets &lt; high.</param>
/// <param name="EventsAbove">Entries above the high-count event threshold (a run starting above counts once).</param>
/// <param name="MeanWeeklyDose">Dose given per week of simulation, in <paramref name="DoseUnit"/> (0 without doses).</param>
/// <param name="DoseUnit">"µg/kg", "mg" or "µg" (empty without doses).</param>
public sealed record SubjectResponse(
    int WeeklyResponses, bool Durable, bool Transient, int RescueWeeks, bool EverAtLeastThreshold, double DaysToThreshold,
    double DaysAtLeastThreshold, double TimeInRange, int EventsAbove, double MeanWeeklyDose, string DoseUnit)
{
    /// <summary>Overall response: durable or transient (Kuter 2008).</summary>
    public bool Overall => Durable || Transient;

    /// <summary>Platelets at <paramref name="day"/>, linear between output points; NaN outside the series.</summary>
    public static double At(IReadOnlyList<double> days, IReadOnlyList<double> platelets, double day)
    {
        if (days.Count == 0 || day < days[0] - 1e-9 || day > days[^1] + 1e-9) return double.NaN;
        var lo = 0;
        var hi = days.Count - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (days[mid] <= day) lo = mid; else hi = mid;
        }
        if (Math.Abs(days[lo] - day) < 1e-9 || hi == lo) return platelets[lo];
        if (Math.Abs(days[hi] - day) < 1e-9) return platelets[hi];
        var f = (day - days[lo]) / (days[hi] - days[lo]);
        return platelets[lo] + f * (platelets[hi] - platelets[lo]);
    }

    /// <summary>Computes the metrics of one platelet series (output days, 10⁹/L) and the total dose given.</summary>
    /// <param name="days">Output days, increasing.</param>
    /// <param name="platelets">Platelets at those days, 10⁹/L.</param>
    /// <param name="definition">Response definitions.</param>
    /// <param name="totalDose">Sum of the doses given, in <paramref name="doseUnit"/>.</param>
    /// <param name="doseUnit">Unit of <paramref name="totalDose"/>.</param>
    public static SubjectResponse Compute(IReadOnlyList<double> days, IReadOnlyList<double> platelets, ResponseDefinition definition,
        double totalDose = 0, string doseUnit = "")
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(platelets);
        ArgumentNullException.ThrowIfNull(definition);
        if (days.Count == 0 || days.Count != platelets.Count) throw new ArgumentException("days and platelets must be non-empty and of equal length.");
        var end = days[^1];
        var lastWeek = definition.LastWeekFor(end);
        var durableFrom = lastWeek - definition.DurableWeeks + 1;

        // Rescue weeks, then the weekly responses that count (none within the exclusion window after a rescue).
        var rescued = new List<int>();
        for (var w = 2; w <= lastWeek; w++)
        {
            var c = At(days, platelets, ResponseDefinition.DayOfWeek(w));
            if (double.IsFinite(c) && c < definition.RescueBelow) rescued.Add(w);
        }
        int responses = 0, durableResponses = 0;
        for (var w = definition.FirstWeek; w <= lastWeek; w++)
        {
            var c = At(days, platelets, ResponseDefinition.DayOfWeek(w));
            if (!(c >= definition.Threshold)) continue;
            if (rescued.Any(r => w >= r && w <= r + definition.RescueExclusionWeeks)) continue;
            responses++;
            if (w >= durableFrom) durableResponses++;
        }
        var durable = rescued.Count == 0 && durableResponses >= definition.DurableMinResponses;
        var transient = !durable && responses >= definition.TransientMinResponses;

        // Continuous measures on the output grid (each value holds until the next point).
        double inRange = 0, atLeast = 0, total = 0, first = double.NaN;
        var events = 0;
        var wasAbove = false;
        for (var i = 0; i < days.Count; i++)
        {
            var p = platelets[i];
            if (double.IsNaN(first) && p >= definition.Threshold) first = days[i];
            var above = p > definition.EventAbove;
            if (above && !wasAbove) events++;
            wasAbove = above;
            if (i + 1 < days.Count)
            {
                var dt = days[i + 1] - days[i];
                total += dt;
                if (p >= definition.RangeLow && p < definition.RangeHigh) inRange += dt;
                if (p >= definition.Threshold) atLeast += dt;
            }
        }
        var fraction = total > 0 ? inRange / total : (platelets[0] >= definition.RangeLow && platelets[0] < definition.RangeHigh ? 1 : 0);
        var weeks = end / 7;
        var meanWeekly = weeks > 0 ? totalDose / weeks : totalDose;
        return new SubjectResponse(responses, durable, transient, rescued.Count, !double.IsNaN(first), first, atLeast, fraction, events, meanWeekly, doseUnit);
    }
}
