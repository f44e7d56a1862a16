namespace TpoSim.Population;

/// <summary>
/// Enrolment criteria evaluated on a candidate's day-0 steady state (before any dose). Bounds may be inclusive
/// (<c>min</c>, <c>max</c>) or exclusive (<c>above</c>, <c>below</c>); a null bound is open.
/// </summary>
/// <param name="Lower">Lower bound of baseline platelets, 10⁹/L, or null.</param>
/// <param name="LowerExclusive">True when the lower bound itself fails (<c>above</c>).</param>
/// <param name="Upper">Upper bound of baseline platelets, 10⁹/L, or null.</param>
/// <param name="UpperExclusive">True when the upper bound itself fails (<c>below</c>).</param>
/// <param name="MaxScreenedPerSubject">Candidates screened per requested subject before the run stops enrolling.</param>
public sealed record InclusionCriteria(double? Lower, bool LowerExclusive, double? Upper, bool UpperExclusive, int MaxScreenedPerSubject = InclusionCriteria.DefaultMaxScreenedPerSubject)
{
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
            return $"{left}baseline platelets{right} ×10⁹/L";
        }
    }
}
