namespace TpoSim.Population;

/// <summary>
/// A stratum of enrolled subjects by their baseline count (<c>inclusion.baselineStrata</c>), as a trial enrolls cohorts
/// (ADAPT-1/2: baseline &lt; 40 and 40 to &lt; 50 ×10⁹/L, Terrault 2018). The baseline is the mean of the screening counts
/// when the file screens on several, else the day-0 count, i.e. the value the inclusion rule read.
/// </summary>
/// <param name="Key">Its name in tables and metrics.json, and in <c>arms[i].published[j].stratum</c>.</param>
/// <param name="Bounds">The baseline range, 10⁹/L (the inclusion rule's bound semantics: min/above, max/below).</param>
public sealed record BaselineStratum(string Key, InclusionCriteria Bounds)
{
    /// <summary>True when <paramref name="outcome"/>'s baseline lies in the range (false when it has none: a failed run without screening).</summary>
    public bool Contains(SubjectOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var baseline = double.IsFinite(outcome.ScreeningMeanPlatelets) ? outcome.ScreeningMeanPlatelets : outcome.Summary?.BaselinePlatelets ?? double.NaN;
        return Bounds.Admits(baseline);
    }

    /// <summary>For tables: "baseline platelets &lt; 40 ×10⁹/L".</summary>
    public string Label => Bounds.Text;
}
