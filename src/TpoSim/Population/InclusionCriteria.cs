namespace TpoSim.Population;

/// <summary>
/// Enrolment criteria evaluated on a candidate's day-0 steady state (before any dose), or on the mean of its screening
/// counts (<see cref="Screening"/>). Bounds may be inclusive
/// (<c>min</c>, <c>max</c>) or exclusive (<c>above</c>, <c>below</c>); a null bound is open.
/// </summary>
/// <param name="Lower">Lower bound of baseline platelets, 10⁹/L, or null.</param>
/// <param name="LowerExclusive">True when the lower bound itself fails (<c>above</c>).</param>
/// <param name="Upper">Upper bound of baseline platelets, 10⁹/L, or null.</param>
/// <param name="UpperExclusive">True when the upper bound itself fails (<c>below</c>).</param>
/// <param name="MaxScreenedPerSubject">Candidates screened per requested subject before the run stops enrolling.</param>
/// <param name="SplenectomisedShare">
/// Share of the N enrolled who are splenectomised (a quota, as when a trial enrols two strata), or null for whatever
/// share screening gives. A candidate who passes but whose stratum is full is a screen failure ("stratum full").
/// </param>
public sealed record InclusionCriteria(double? Lower, bool LowerExclusive, double? Upper, bool UpperExclusive,
    int MaxScreenedPerSubject = InclusionCriteria.DefaultMaxScreenedPerSubject, double? SplenectomisedShare = null)
{
    /// <summary>How many of <paramref name="subjects"/> are splenectomised under the quota (rounded to nearest), or null.</summary>
    public int? SplenectomisedQuota(int subjects) => SplenectomisedShare is { } s ? (int)Math.Round(s * subjects, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// Screening on the mean of several counts before day 0 (the bounds then apply to that mean), or null to screen on
    /// the day-0 count alone.
    /// </summary>
    public ScreeningVisits? Screening { get; init; }

    /// <summary>
    /// Strata of the enrolled by baseline count (cohorts), reported after the covariate strata; empty when the file
    /// declares none. They do not change who is enrolled.
    /// </summary>
    public IReadOnlyList<BaselineStratum> BaselineStrata { get; init; } = [];

    /// <summary>Default cap: 50 candidates per requested subject (a screen-failure rate up to 98%).</summary>
    public const int DefaultMaxScreenedPerSubject = 50;

    /// <summary>True when a candidate with day-0 platelets <paramref name="baselinePlatelets"/> (10⁹/L) is enrolled.</summary>
    public bool Admits(double baselinePlatelets)
    {
        if (!double.IsFinite(baselinePlatelets)) return false;
        if (Lower is { } lo && (LowerExclusive ? baselinePlatelets <= lo : baselinePlatelets < lo)) return false;
        if (Upper is { } hi && (UpperExclusive ? baselinePlatelets >= hi : baselinePlatelets > hi)) return false;
        return true;
    }

    /// <summary>"baseline platelets ≤ 30 ×10⁹/L" or "10 &lt; baseline platelets &lt; 50 ×10⁹/L".</summary>
    public string Text
    {
        get
        {
            static string N(double v) => v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            var left = Lower is { } lo ? $"{N(lo)} {(LowerExclusive ? "<" : "≤")} " : "";
            var right = Upper is { } hi ? $" {(UpperExclusive ? "<" : "≤")} {N(hi)}" : "";
            var quota = SplenectomisedShare is { } s ? $"; {N(100 * s)}% splenectomised" : "";
            var visits = Screening is { } v ? $" ({v.Text})" : "";
            return $"{left}baseline platelets{visits}{right} ×10⁹/L{quota}";
        }
    }
}
