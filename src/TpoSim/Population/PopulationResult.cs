namespace TpoSim.Population;

/// <summary>Percentile bands over the output grid, one row per enrolled subject, screening counts and the trial metrics.</summary>
public sealed class PopulationResult
{
    /// <summary>The percentiles reported: 5, 25, 50, 75, 95.</summary>
    public static IReadOnlyList<double> Percentiles { get; } = [5, 25, 50, 75, 95];

    /// <summary>
    /// Assembles a result (see <see cref="PopulationReducer"/>). The statistics come from one pass over
    /// <paramref name="subjects"/> (which may be on disk, <see cref="SubjectRows"/>): counts and sums as they go, and only
    /// the four median columns held, 8 bytes a subject each, until they are sorted.
    /// </summary>
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
        var all = 0;
        int ok = 0, everBelow = 0, everAtLeast = 0, overall = 0, durable = 0, rescued = 0, withEvent = 0;
        double baselineSum = 0, timeInRangeSum = 0, rescueWeeksSum = 0, eventsSum = 0, doseSum = 0;
        string? doseUnit = null;
        var hits = new List<int>();
        using PooledColumn baselines = new(), timesInRange = new(), daysTo = new(), daysAtLeast = new();
        foreach (var subject in subjects)
        {
            all++;
            if (subject.Status != SubjectStatus.Ok || subject.Summary is not { } s) continue;
            ok++;
            var x = s.Response;
            baselineSum += s.BaselinePlatelets;
            baselines.Add(s.BaselinePlatelets);
            if (s.EverBelow50) everBelow++;
            if (x.EverAtLeastThreshold) everAtLeast++;
            if (x.Overall) overall++;
            if (x.Durable) durable++;
            if (x.RescueWeeks > 0) rescued++;
            if (x.EventsAbove > 0) withEvent++;
            timeInRangeSum += x.TimeInRange;
            timesInRange.Add(x.TimeInRange);
            rescueWeeksSum += x.RescueWeeks;
            eventsSum += x.EventsAbove;
            doseSum += x.MeanWeeklyDose;
            if (doseUnit is null && x.DoseUnit.Length > 0) doseUnit = x.DoseUnit;
            // Subjects who never reach the threshold count as +∞ days, so the median is "never" when fewer than half reach it.
            daysTo.Add(double.IsNaN(x.DaysToThreshold) ? double.PositiveInfinity : x.DaysToThreshold);
            daysAtLeast.Add(x.DaysAtLeastThreshold);
            if (subject.EndpointHits is { } h)
                for (var i = 0; i < h.Count; i++)
                {
                    if (hits.Count <= i) hits.Add(0);
                    if (h[i]) hits[i]++;
                }
        }
        Succeeded = ok;
        Failed = all - ok;
        Screened = all;
        Requested = all;
        Enrolled = all;
        _endpointHits = hits.ToArray();
        double Share(int count) => ok == 0 ? double.NaN : count / (double)ok;
        double Mean(double sum) => ok == 0 ? double.NaN : sum / ok;
        MedianBaselinePlatelets = baselines.Percentile(50);
        MeanBaselinePlatelets = Mean(baselineSum);
        FractionEverBelow50 = Share(everBelow);
        FractionEverAtLeast50 = Share(everAtLeast);
        MedianTimeIn50To200 = timesInRange.Percentile(50);
        MeanTimeIn50To200 = Mean(timeInRangeSum);
        OverallResponseFraction = Share(overall);
        DurableResponseFraction = Share(durable);
        FractionNeedingRescue = Share(rescued);
        MeanRescueWeeks = Mean(rescueWeeksSum);
        MeanEventsAbove = Mean(eventsSum);
        FractionWithEventAbove = Share(withEvent);
        MeanWeeklyDose = Mean(doseSum);
        DoseUnit = doseUnit ?? "";
        MedianDaysToThreshold = daysTo.Percentile(50);
        MedianDaysAtLeastThreshold = daysAtLeast.Percentile(50);
    }

    private readonly int[] _endpointHits;

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
    /// <summary>Every enrolled subject in order (on disk past <see cref="SubjectRows.DefaultInMemoryLimit"/>; each enumeration reads it again).</summary>
    public IReadOnlyList<SubjectOutcome> Subjects { get; }
    /// <summary>Subjects enrolled (the count of <see cref="Subjects"/>).</summary>
    public int Enrolled { get; }
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

    /// <summary>Successful subjects who met endpoint <paramref name="index"/> of <see cref="PopulationReducer.DefinedEndpoints"/>.</summary>
    public int EndpointHitCount(int index) => index >= 0 && index < _endpointHits.Length ? _endpointHits[index] : 0;

    /// <summary>Share of successful subjects with platelets ≥ threshold at some output day ≤ <paramref name="day"/>.</summary>
    public double FractionReachingThresholdBy(double day) =>
        Succeeded == 0 ? double.NaN : Subjects.Count(s => s.Status == SubjectStatus.Ok && s.Summary is { } m && m.Response.DaysToThreshold <= day + 1e-9) / (double)Succeeded;

    /// <summary>
    /// Share of successful subjects whose platelet count on the last output day is ≥ <paramref name="threshold"/>
    /// (a trial's endpoint read on its last day, e.g. Bussel's day 43); NaN when no subject ran.
    /// </summary>
    public double FractionAtLeastOnLastDay(double threshold)
    {
        int n = 0, at = 0;
        foreach (var s in Subjects)
        {
            if (s.Status != SubjectStatus.Ok || !double.IsFinite(s.LastDayPlatelets)) continue;
            n++;
            if (s.LastDayPlatelets >= threshold) at++;
        }
        return n == 0 ? double.NaN : at / (double)n;
    }
}

/// <summary>One arm of a trial and its run (same enrolled subjects as every other arm).</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Result">Its run: bands, subjects and statistics.</param>
public sealed record ArmResult(TrialArm Arm, PopulationResult Result);
