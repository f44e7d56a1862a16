using System.Globalization;

namespace TpoSim.Population;

/// <summary>One parameter of an endpoint kind, as a file gives it (e.g. <c>"day": 12</c>).</summary>
/// <param name="Name">JSON field.</param>
/// <param name="Unit">"days", "10^9/L", "%" or "cycle" (a whole number); a "days" value must also lie inside the simulated span.</param>
/// <param name="Minimum">Smallest allowed value.</param>
/// <param name="Maximum">Largest allowed value.</param>
/// <param name="Default">Value when the field is left out, or null when it is required.</param>
public sealed record EndpointParameter(string Name, string Unit, double Minimum, double Maximum, double? Default);

/// <summary>A subject's platelet series as an endpoint reads it.</summary>
/// <param name="Days">Output days, increasing (day 0 first).</param>
/// <param name="Platelets">Platelets at those days, 10⁹/L.</param>
/// <param name="Baseline">Day-0 platelets, 10⁹/L.</param>
public sealed record SubjectSeries(IReadOnlyList<double> Days, IReadOnlyList<double> Platelets, double Baseline)
{
    /// <summary>The highest count at the output days in [<paramref name="from"/>, <paramref name="to"/>] (NaN when none).</summary>
    public double MaxBetween(double from, double to)
    {
        var max = double.NaN;
        for (var i = 0; i < Days.Count; i++)
            if (Days[i] >= from - 1e-9 && Days[i] <= to + 1e-9 && (double.IsNaN(max) || Platelets[i] > max)) max = Platelets[i];
        return max;
    }

    /// <summary>
    /// The lowest count in [<paramref name="from"/>, <paramref name="to"/>]: the output days inside it and the counts at
    /// its two ends (linear between output points), so a window between two output days, or a single day, still reads a
    /// count. With <paramref name="toExclusive"/> the end itself is left out (a cycle ends where the next begins).
    /// </summary>
    public double MinBetween(double from, double to, bool toExclusive = false)
    {
        var last = Days[^1];
        if (from > last + 1e-9) return double.NaN;
        to = Math.Min(to, last);
        var min = SubjectResponse.At(Days, Platelets, from);
        if (!toExclusive || to >= last - 1e-9) min = Math.Min(min, SubjectResponse.At(Days, Platelets, to));
        for (var i = 0; i < Days.Count; i++)
            if (Days[i] >= from - 1e-9 && (toExclusive && to < last - 1e-9 ? Days[i] < to - 1e-9 : Days[i] <= to + 1e-9)) min = Math.Min(min, Platelets[i]);
        return min;
    }
}

/// <summary>
/// A kind of trial endpoint a file may declare by its parameters (issue 15: "count on day X ≥ T", "ever ≥ T",
/// "doubling", "rise ≥ 50%", transfusions, nadir per cycle): its parameters, how it reads, and whether one subject meets it. Each is a share of subjects.
/// </summary>
/// <param name="Name">The <c>kind</c> a file names.</param>
/// <param name="Parameters">Its parameters, in order (the arguments are given in this order).</param>
/// <param name="Describe">Table text from the arguments, e.g. "count on day 12 ≥ 50 ×10⁹/L".</param>
/// <param name="Meets">True when a subject's series meets the endpoint.</param>
public sealed record EndpointKind(string Name, IReadOnlyList<EndpointParameter> Parameters,
    Func<IReadOnlyList<double>, string> Describe, Func<SubjectSeries, IReadOnlyList<double>, bool> Meets)
{
    /// <summary>
    /// A check across the arguments once each is in its own range, given the simulated span in days (null when
    /// unknown): a one-line problem (the parser prefixes the item's path), or null when they fit.
    /// </summary>
    public Func<IReadOnlyList<double>, double?, string?>? Check { get; init; }
}

/// <summary>An endpoint a file defines: its name, kind and arguments (in the order of the kind's parameters).</summary>
/// <param name="Name">Its name in the table and metrics.json.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Arguments">The parameter values, defaults filled in.</param>
public sealed record DefinedEndpoint(string Name, EndpointKind Kind, IReadOnlyList<double> Arguments)
{
    /// <summary>Table text.</summary>
    public string Description => Kind.Describe(Arguments);

    /// <summary>True when <paramref name="series"/> meets the endpoint.</summary>
    public bool Meets(SubjectSeries series) => Kind.Meets(series, Arguments);
}

/// <summary>The endpoint kinds a file may define (<c>endpoints[i].kind</c>).</summary>
public static class EndpointKinds
{
    private static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    // A window of output days: from day 0 (default) to the last day (default +∞ = the end of the run).
    private static readonly EndpointParameter FromDay = new("fromDay", "days", 0, 3650, 0);
    private static readonly EndpointParameter ToDay = new("toDay", "days", 0, 3650, double.PositiveInfinity);

    private static string Window(double from, double to) =>
        from == 0 && double.IsPositiveInfinity(to) ? "" : $" on days {N(from)}–{(double.IsPositiveInfinity(to) ? "end" : N(to))}";

    /// <summary>
    /// The count on day <c>day</c> (linear between output points, as the weekly counts are read) is ≥ <c>atLeast</c>:
    /// e.g. ADAPT's "≥ 50 on the procedure day", Bussel's day-43 count.
    /// </summary>
    public static EndpointKind CountOnDay { get; } = new("countOnDay",
        [new("day", "days", 0, 3650, null), new("atLeast", "10^9/L", 0, 5000, null)],
        a => $"count on day {N(a[0])} ≥ {N(a[1])} ×10⁹/L",
        (s, a) => SubjectResponse.At(s.Days, s.Platelets, a[0]) >= a[1]);

    /// <summary>Some output count in the window is ≥ <c>atLeast</c> (L-PLUS: "ever ≥ 50").</summary>
    public static EndpointKind EverAtLeast { get; } = new("everAtLeast",
        [new("atLeast", "10^9/L", 0, 5000, null), FromDay, ToDay],
        a => $"ever ≥ {N(a[0])} ×10⁹/L{Window(a[1], a[2])}",
        (s, a) => s.MaxBetween(a[1], a[2]) >= a[0]);

    /// <summary>Some output count in the window is ≥ twice the day-0 count (L-PLUS: "count doubled").</summary>
    public static EndpointKind Doubling { get; } = new("doubling",
        [FromDay, ToDay],
        a => $"count doubled from baseline{Window(a[0], a[1])}",
        (s, a) => s.MaxBetween(a[0], a[1]) >= 2 * s.Baseline);

    /// <summary>Some output count in the window is ≥ (1 + <c>percent</c>/100) × the day-0 count (L-PLUS: "a rise of ≥ 50%").</summary>
    public static EndpointKind RiseFromBaseline { get; } = new("riseFromBaseline",
        [new("percent", "%", 0, 1000, 50), FromDay, ToDay],
        a => $"rise ≥ {N(a[0])}% from baseline{Window(a[1], a[2])}",
        (s, a) => s.MaxBetween(a[1], a[2]) >= (1 + a[0] / 100) * s.Baseline);

    // The transfusion rule: a count below `below` somewhere in the window (output days and the window's ends).
    private static readonly EndpointParameter Below = new("below", "10^9/L", 0, 5000, null);
    private static bool Transfused(SubjectSeries s, IReadOnlyList<double> a) => s.MinBetween(a[1], a[2]) < a[0];

    private static string Rule(IReadOnlyList<double> a) =>
        $"a count < {N(a[0])} ×10⁹/L{(a[1] == a[2] ? $" on day {N(a[1])}" : Window(a[1], a[2]))}";

    /// <summary>
    /// A platelet transfusion by the trial's rule, a count below <c>below</c> in the window (e.g. "before the
    /// procedure": days 0 to the procedure day). The population cannot give a transfusion that depends on the
    /// subject's own count (scenario transfusions are fixed events), so the trigger is counted, not simulated: the
    /// count is not raised afterwards, and a second trigger in the window is the same transfusion.
    /// </summary>
    public static EndpointKind Transfusion { get; } = new("transfusion",
        [Below, FromDay, ToDay],
        a => $"platelet transfusion ({Rule(a)}; counted, not given)",
        Transfused);

    /// <summary>The complement of <see cref="Transfusion"/> with the same rule: ADAPT's primary endpoint, "no platelet transfusion before the procedure".</summary>
    public static EndpointKind NoTransfusion { get; } = new("noTransfusion",
        [Below, FromDay, ToDay],
        a => $"no platelet transfusion (never {Rule(a)})",
        (s, a) => !Transfused(s, a));

    /// <summary>
    /// Cycle <c>cycle</c> of a chemotherapy course whose first cycle starts on <c>firstDay</c> and recurs every
    /// <c>cycleDays</c> has its nadir (lowest count) below <c>below</c>: the share of subjects with, e.g., grade ≥ 3
    /// thrombocytopenia (&lt; 50 ×10⁹/L, CTCAE v5) in that cycle. Cycle k runs from firstDay + (k − 1)·cycleDays up to,
    /// not including, the next cycle's start (the last one to the end of the run).
    /// </summary>
    public static EndpointKind NadirPerCycle { get; } = new("nadirPerCycle",
        [new("cycle", "cycle", 1, 50, null), new("cycleDays", "days", 1, 365, null), new("firstDay", "days", 0, 3650, 0), Below],
        a => $"nadir < {N(a[3])} ×10⁹/L in cycle {N(a[0])} (days {N(CycleStart(a))}–{N(CycleStart(a) + a[1])})",
        (s, a) => s.MinBetween(CycleStart(a), CycleStart(a) + a[1], toExclusive: true) < a[3])
    {
        // The cycle is a whole number by its field check (PopulationFields.Of); here only its start against the span.
        Check = (a, span) =>
            span is { } d && CycleStart(a) >= d ? $"cycle {N(a[0])} would start on day {N(CycleStart(a))}, at or after the end of the run (day {N(d)})"
            : null,
    };

    private static double CycleStart(IReadOnlyList<double> a) => a[2] + (a[0] - 1) * a[1];

    /// <summary>Every kind, by name.</summary>
    public static IReadOnlyList<EndpointKind> All { get; } = [CountOnDay, EverAtLeast, Doubling, RiseFromBaseline, Transfusion, NoTransfusion, NadirPerCycle];
}
