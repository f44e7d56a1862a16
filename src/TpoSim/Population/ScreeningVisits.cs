using TpoSim.Conditions;
using TpoSim.Parameters;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Population;

/// <summary>
/// Screening on the mean of several counts, as Kuter DJ et al. (Lancet 2008;371:395) enrolled on "a mean of three
/// platelet counts 30 ×10⁹/L or less": visits on days 0, −d, −2d, … before the first dose, and the inclusion bounds apply
/// to the mean of their counts. A visit's count is the steady state of the subject's disease activity in the week of the
/// visit, drawn from the subject's own activity fluctuation (<see cref="ActivityFluctuation.MultipliersBefore"/>): the
/// same quasi-steady reading the day-0 state already makes of week 0's activity (<see cref="Simulator.ParametersFor"/>).
/// Without a fluctuation every visit reads the day-0 count.
/// </summary>
/// <param name="Counts">Number of screening counts (1–<see cref="MaxCounts"/>); the last one is on day 0.</param>
/// <param name="IntervalDays">Days between visits (1–<see cref="MaxIntervalDays"/>).</param>
public sealed record ScreeningVisits(int Counts, double IntervalDays)
{
    /// <summary>Largest number of screening counts.</summary>
    public const int MaxCounts = 10;

    /// <summary>Longest interval between screening visits, days.</summary>
    public const double MaxIntervalDays = 28;

    /// <summary>Day of visit <paramref name="visit"/> (0 = day 0, 1 = the one before, …): −visit · <see cref="IntervalDays"/>.</summary>
    public double VisitDay(int visit) => -visit * IntervalDays;

    /// <summary>The activity week of <paramref name="day"/>: ⌊day / 7⌋ (week −1 covers days [−7, 0)).</summary>
    public static int WeekOf(double day) => (int)Math.Floor(day / ActivityFluctuation.StepDays + 1e-9);

    /// <summary>
    /// The file's measured-count model, or null: each visit then reads a measured count (the steady-state count × the
    /// subject's error on the visit's day, <see cref="CountMeasurement.Measure"/>), so the screen enrols on what the trial measured.
    /// </summary>
    public CountMeasurement? Measurement { get; init; }

    /// <summary>"mean of 3 counts 7 days apart" (with a measurement: "one measured count" or "mean of 3 measured counts 7 days apart").</summary>
    public string Text => Counts == 1 && Measurement is not null ? "one measured count"
        : $"mean of {Counts} {(Measurement is null ? "" : "measured ")}counts {IntervalDays.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} days apart";

    /// <summary>
    /// The platelet counts (10⁹/L) at the visits, day 0 first, for a subject whose scenario is <paramref name="subject"/>
    /// and whose day-0 steady-state count is <paramref name="dayZeroCount"/>. A visit whose steady state cannot be found reads NaN.
    /// </summary>
    public double[] CountsFor(Scenario subject, double dayZeroCount)
    {
        var counts = TrueCountsFor(subject, dayZeroCount);
        if (Measurement is { } m)
            for (var j = 0; j < counts.Length; j++) counts[j] = m.Measure(counts[j], subject.Seed, VisitDay(j));
        return counts;
    }

    private double[] TrueCountsFor(Scenario subject, double dayZeroCount)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var counts = new double[Counts];
        Array.Fill(counts, dayZeroCount);
        if (Counts == 1 || Simulator.ActivityFluctuationOf(subject) is not { } fluctuation) return counts;
        var before = fluctuation.MultipliersBefore(-WeekOf(VisitDay(Counts - 1)));
        // The week's activity held constant: the fluctuation off and itpActivity set to nominal × multiplier, clamped to
        // its range as the simulator clamps the week's value.
        var itp = subject.Conditions.First(c => c.Name == ConditionCatalog.Itp.Name);
        var options = new Dictionary<string, double>(itp.Options, StringComparer.Ordinal) { [ConditionCatalog.ActivityCvOption] = 0 };
        // No drug is given before day 0, so the drug's compartments are left out of the visits' models.
        var steady = subject with
        {
            Conditions = subject.Conditions.Select(c => c.Name == itp.Name ? c with { Options = options } : c).ToList(),
            Doses = [],
            Titration = null,
        };
        // The visits' models differ only in the week's activity: the drug-free model and its parameter vector are made
        // once, and each week's vector is that one with the activity replaced and the derived parameters derived again,
        // exactly the vector the scenario with the week's activity as an override gives.
        var activity = ParameterCatalog.Get(ParameterId.ItpActivity);
        var (model, baseVector) = Simulator.ModelAndParameters(steady);
        var k = model.Index(activity.Name);
        var nominal = k >= 0 ? baseVector[k] : 1;
        var byWeek = new Dictionary<int, double>();
        var p = new double[baseVector.Length];
        for (var j = 1; j < Counts; j++)
        {
            var week = WeekOf(VisitDay(j));
            if (week == 0) continue;
            if (!byWeek.TryGetValue(week, out var count))
            {
                // One scratch vector for every week (the steady-state search only reads it and keeps no reference).
                baseVector.CopyTo(p, 0);
                if (k >= 0)
                {
                    p[k] = Math.Clamp(nominal * before[-week - 1], activity.Minimum, activity.Maximum);
                    model.Compiled.DeriveParameters(p);
                }
                var (state, _, failure) = Simulator.InitialState(model, p);
                // Only the week's steady state is needed, not a plan with events.
                count = failure is null ? model.PlateletsCirculating(state, p) : double.NaN;
                byWeek[week] = count;
            }
            counts[j] = count;
        }
        return counts;
    }
}
