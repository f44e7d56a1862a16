namespace TpoSim.Population;

/// <summary>Percentile bands over the output grid, one row per enrolled subject, screening counts and the trial metrics.</summary>
public sealed class PopulationResult
{
    /// <summary>The percentiles reported: 5, 25, 50, 75, 95.</summary>
    public static IReadOnlyList<double> Percentiles { get; } = [5, 25, 50, 75, 95];

    /// <summary>Assembles a result (see <see cref="PopulationReducer"/>).</summary>
    public PopulationResult(PopulationDefinition definition, IReadOnlyList<double> typical, IReadOnlyList<double> days,
        IReadOnlyList<double[]> plateletBands, IReadOnlyList<double[]> tpoBands, IReadOnlyList<SubjectOutcome> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        Definition = definition;
        Typical = typical;
        Days = days;
        PlateletBands = plateletBands;
        TpoBands = tpoBands;
        Subjects = subjects;
        var ok = subjects.Where(s => s.Status == SubjectStatus.Ok && s.Summary is not null).Select(s => s.Summary!).ToArray();
        Succeeded = ok.Length;
        Failed = subjects.Count - ok.Length;
        Screened = subjects.Count;
        Requested = subjects.Count;
        var r = ok.Select(s => s.Response).ToArray();
        double Share(Func<SubjectResponse, bool> f) => r.Length == 0 ? double.NaN : r.Count(f) / (double)r.Length;
        double Mean(Func<SubjectResponse, double> f) => r.Length == 0 ? double.NaN : r.Average(f);
        MedianBaselinePlatelets = Median(ok.Select(s => s.BaselinePlatelets));
        MeanBaselinePlatelets = ok.Length == 0 ? double.NaN : ok.Average(s => s.BaselinePlatelets);
        FractionEverBelow50 = ok.Length == 0 ? double.NaN : ok.Count(s => s.EverBelow50) / (double)ok.Length;
        FractionEverAtLeast50 = Share(x => x.EverAtLeastThreshold);
        MedianTimeIn50To200 = Median(r.Select(x => x.TimeInRange));
        MeanTimeIn50To200 = Mean(x => x.TimeInRange);
        OverallResponseFraction = Share(x => x.Overall);
        DurableResponseFraction = Share(x => x.Durable);
        FractionNeedingRescue = Share(x => x.RescueWeeks > 0);
        MeanRescueWeeks = Mean(x => x.RescueWeeks);
        MeanEventsAbove = Mean(x => x.EventsAbove);
        FractionWithEventAbove = Share(x => x.EventsAbove > 0);
        MeanWeeklyDose = Mean(x => x.MeanWeeklyDose);
        DoseUnit = r.Select(x => x.DoseUnit).FirstOrDefault(u => u.Length > 0) ?? "";
        // Subjects who never reach the threshold count as +∞ days, so the median is "never" when fewer than half reach it.
        MedianDaysToThreshold = Median(r.Select(x => double.IsNaN(x.DaysToThreshold) ? double.PositiveInfinity : x.DaysToThreshold));
        MedianDaysAtLeastThreshold = Median(r.Select(x => x.DaysAtLeastThreshold));
    }

    /// <summary>The population run.</summary>
    public PopulationDefinition Definition { get; }
    /// <summary>Typical value of each varying parameter (order of the definition's variability).</summary>
    public IReadOnlyList<double> Typical { get; }
    /// <summary>Output days.</summary>
    public IReadOnlyList<double> Days { get; }
    /// <summary>Platelet percentiles (10⁹/L): one array per entry of <see cref="Percentiles"/>, each over <see cref="Days"/>.</summary>
    public IReadOnlyList<double[]> PlateletBands { get; }
    /// <summary>Free TPO percentiles (pg/mL), as <see cref="PlateletBands"/>.</summary>
    public IReadOnlyList<double[]> TpoBands { get; }
    /// <summary>Every enrolled subject in order.</summary>
    public IReadOnlyList<SubjectOutcome> Subjects { get; }
    /// <summary>Subjects asked for.</summary>
    public int Requested { get; init; }
    /// <summary>Candidates screened (enrolled plus screen failures).</summary>
    public int Screened { get; init; }
    /// <summary>Screen failures by reason ("baseline platelets", "not evaluable"); empty without inclusion criteria.</summary>
    public IReadOnlyDictionary<string, int> ScreenFailures { get; init; } = new Dictionary<string, int>();
    /// <summary>Candidates who failed screening.</summary>
    public int ScreenFailureCount => ScreenFailures.Values.Sum();
    /// <summary>Subjects simulated to the end.</summary>
    public int Succeeded { get; }
    /// <summary>Subjects that failed (out of range, solver failure or error).</summary>
    public int Failed { get; }
    /// <summary>Median day-0 platelets of successful subjects, 10⁹/L.</summary>
    public double MedianBaselinePlatelets { get; }
    /// <summary>Mean day-0 platelets of successful subjects, 10⁹/L.</summary>
    public double MeanBaselinePlatelets { get; }
    /// <summary>Share of successful subjects ever below 50 ×10⁹/L.</summary>
    public double FractionEverBelow50 { get; }
    /// <summary>Share of successful subjects ever at or above the response threshold (50 ×10⁹/L).</summary>
    public double FractionEverAtLeast50 { get; }
    /// <summary>Median over subjects of the time fraction in the target range (50–200).</summary>
    public double MedianTimeIn50To200 { get; }
    /// <summary>Mean over subjects of the time fraction in the target range (50–200).</summary>
    public double MeanTimeIn50To200 { get; }
    /// <summary>Share with an overall (durable or transient) response, Kuter 2008.</summary>
    public double OverallResponseFraction { get; }
    /// <summary>Share with a durable response, Kuter 2008.</summary>
    public double DurableResponseFraction { get; }
    /// <summary>Share with at least one week needing rescue.</summary>
    public double FractionNeedingRescue { get; }
    /// <summary>Mean number of weeks needing rescue.</summary>
    public double MeanRescueWeeks { get; }
    /// <summary>Mean number of entries above the high-count threshold (400).</summary>
    public double MeanEventsAbove { get; }
    /// <summary>Share with at least one entry above the high-count threshold (400).</summary>
    public double FractionWithEventAbove { get; }
    /// <summary>Mean over subjects of the dose per week, in <see cref="DoseUnit"/>.</summary>
    public double MeanWeeklyDose { get; }
    /// <summary>Unit of <see cref="MeanWeeklyDose"/> ("" without doses).</summary>
    public string DoseUnit { get; }
    /// <summary>Median first day with platelets ≥ threshold (+∞ when fewer than half reach it).</summary>
    public double MedianDaysToThreshold { get; }
    /// <summary>Median days with platelets ≥ threshold.</summary>
    public double MedianDaysAtLeastThreshold { get; }

    /// <summary>
    /// Every arm's result, in the file's order, when the population declares <c>arms</c> (this result is the first arm's);
    /// null otherwise.
    /// </summary>
    public IReadOnlyList<ArmResult>? Arms { get; internal set; }

    /// <summary>Share of successful subjects with platelets ≥ threshold at some output day ≤ <paramref name="day"/>.</summary>
    public double FractionReachingThresholdBy(double day)
    {
        var r = Subjects.Where(s => s.Status == SubjectStatus.Ok && s.Summary is not null).Select(s => s.Summary!.Response).ToArray();
        return r.Length == 0 ? double.NaN : r.Count(x => x.DaysToThreshold <= day + 1e-9) / (double)r.Length;
    }

    /// <summary>
    /// Share of successful subjects whose platelet count on the last output day is ≥ <paramref name="threshold"/>
    /// (a trial's endpoint read on its last day, e.g. Bussel's day 43); NaN when no subject ran.
    /// </summary>
    public double FractionAtLeastOnLastDay(double threshold)
    {
        var values = Subjects.Where(s => s.Status == SubjectStatus.Ok && double.IsFinite(s.LastDayPlatelets)).Select(s => s.LastDayPlatelets).ToArray();
        return values.Length == 0 ? double.NaN : values.Count(v => v >= threshold) / (double)values.Length;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return PopulationReducer.Percentile(sorted, 50);
    }
}

/// <summary>One arm of a trial and its run (same enrolled subjects as every other arm).</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Result">Its run: bands, subjects and statistics.</param>
public sealed record ArmResult(TrialArm Arm, PopulationResult Result);
