using System.Globalization;
using TpoSim.Simulation;

namespace TpoSim.Sensitivity;

/// <summary>One kind of endpoint in the grammar: its keyword, argument form, unit and how it is read.</summary>
/// <param name="Keyword">The word that starts it, e.g. "nadir".</param>
/// <param name="Argument">The argument it takes.</param>
/// <param name="Unit">Unit of the value.</param>
/// <param name="Description">What it is.</param>
/// <param name="Create">Builds the reader from the two numbers of the argument (a window FROM–TO, a range LO–HI or a day).</param>
public sealed record EndpointDefinition(string Keyword, EndpointArgument Argument, string Unit, string Description,
    Func<double, double, Func<SimulationResult, double>> Create)
{
    /// <summary>The endpoint reads the day-0 steady state only (see <see cref="Endpoint.ReadsDayZeroOnly"/>).</summary>
    public bool DayZeroOnly { get; init; }

    /// <summary>How it is written, e.g. "nadir[:FROM-TO]".</summary>
    public string Syntax => Argument switch
    {
        EndpointArgument.OptionalWindow => $"{Keyword}[:FROM-TO]",
        EndpointArgument.Range => $"{Keyword}:LO-HI",
        EndpointArgument.Day => $"{Keyword}@DAY",
        _ => Keyword,
    };
}

/// <summary>The argument an endpoint keyword takes.</summary>
public enum EndpointArgument
{
    /// <summary>None.</summary>
    None,
    /// <summary>An optional window of days ":FROM-TO" (default: the whole run).</summary>
    OptionalWindow,
    /// <summary>A required range ":LO-HI" of the quantity.</summary>
    Range,
    /// <summary>A required day "@DAY".</summary>
    Day,
}

/// <summary>
/// The endpoint grammar: <c>nadir[:FROM-TO]</c>, <c>nadir-day[:FROM-TO]</c>, <c>peak[:FROM-TO]</c>, <c>peak-day[:FROM-TO]</c>,
/// <c>tpo-peak[:FROM-TO]</c>, <c>count@DAY</c>, <c>tpo@DAY</c>, <c>time-in:LO-HI</c>, <c>count-steady</c>, <c>tpo-steady</c> and
/// <c>weekly-dose[:FROM-TO]</c>, comma-separated on the command line.
/// </summary>
public static class EndpointGrammar
{
    /// <summary>Every endpoint kind, in the order help lists them.</summary>
    public static IReadOnlyList<EndpointDefinition> All { get; } =
    [
        new("nadir", EndpointArgument.OptionalWindow, "10^9/L", "lowest platelet count (in the window of days)",
            (from, to) => r => Platelets(r, from, to, lowest: true).Value),
        new("nadir-day", EndpointArgument.OptionalWindow, "day", "day of the lowest platelet count",
            (from, to) => r => Platelets(r, from, to, lowest: true).Day),
        new("peak", EndpointArgument.OptionalWindow, "10^9/L", "highest platelet count",
            (from, to) => r => Platelets(r, from, to, lowest: false).Value),
        new("peak-day", EndpointArgument.OptionalWindow, "day", "day of the highest platelet count",
            (from, to) => r => Platelets(r, from, to, lowest: false).Day),
        new("tpo-peak", EndpointArgument.OptionalWindow, "pg/mL", "highest free TPO",
            (from, to) => r => EndpointReaders.Extremum(r.Days, i => r.Outputs[i].TpoFreePicogramsPerMl, from, to, lowest: false).Value),
        new("count", EndpointArgument.Day, "10^9/L", "platelet count on the day",
            (day, _) => r => EndpointReaders.At(r.Days, i => r.Outputs[i].PlateletsCirculating, day)),
        new("tpo", EndpointArgument.Day, "pg/mL", "free TPO on the day",
            (day, _) => r => EndpointReaders.At(r.Days, i => r.Outputs[i].TpoFreePicogramsPerMl, day)),
        new("time-in", EndpointArgument.Range, "day", "days with LO ≤ platelets < HI (×10^9/L)",
            (low, high) => r => EndpointReaders.TimeIn(r.Days, i => r.Outputs[i].PlateletsCirculating, low, high)),
        new("count-steady", EndpointArgument.None, "10^9/L", "platelet count at the patient's day-0 steady state",
            (_, _) => r => r.Outputs[0].PlateletsCirculating) { DayZeroOnly = true },
        new("tpo-steady", EndpointArgument.None, "pg/mL", "free TPO at the patient's day-0 steady state",
            (_, _) => r => r.Outputs[0].TpoFreePicogramsPerMl) { DayZeroOnly = true },
        new("weekly-dose", EndpointArgument.OptionalWindow, "dose unit/week", "mean weekly dose the titration gave (doses on days FROM ≤ d < TO, per week of the window)",
            (from, to) => r => WeeklyDose(r, from, to)),
    ];

    /// <summary>The grammar as one line, for help and error messages.</summary>
    public static string SyntaxText => string.Join(", ", All.Select(d => d.Syntax));

    /// <summary>
    /// Parses a comma-separated list against a scenario of <paramref name="days"/> days. Returns the endpoints, or the
    /// first problem as a message (naming the item and the allowed forms).
    /// </summary>
    public static (IReadOnlyList<Endpoint> Endpoints, string? Error) ParseList(string text, double days, bool hasTitration)
    {
        var list = new List<Endpoint>();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (endpoint, error) = Parse(raw, days, hasTitration);
            if (error is not null) return ([], error);
            if (list.All(e => e.Name != endpoint!.Name)) list.Add(endpoint!);
        }
        return list.Count == 0 ? ([], $"no endpoint given; allowed: {SyntaxText}") : (list, null);
    }

    /// <summary>Parses one endpoint; days must lie in [0, <paramref name="days"/>].</summary>
    public static (Endpoint? Endpoint, string? Error) Parse(string text, double days, bool hasTitration)
    {
        var at = text.IndexOf('@');
        var colon = text.IndexOf(':');
        var cut = at >= 0 ? at : colon;
        var keyword = cut >= 0 ? text[..cut] : text;
        var argument = cut >= 0 ? text[(cut + 1)..] : null;
        var def = All.FirstOrDefault(d => d.Keyword == keyword);
        if (def is null) return (null, $"'{text}' is not an endpoint; allowed: {SyntaxText}");
        if (def.Keyword == "weekly-dose" && !hasTitration) return (null, $"'{text}' needs a scenario with a titration");
        string Bad(string why) => $"'{text}': {why}; the form is {def.Syntax}";
        switch (def.Argument)
        {
            case EndpointArgument.None:
                return cut >= 0 ? (null, Bad("takes no argument")) : (Make(def, text, 0, 0), null);
            case EndpointArgument.Day:
                if (at < 0 || !TryNumber(argument, out var day)) return (null, Bad("needs a day"));
                if (day < 0 || day > days) return (null, Bad($"day {F(day)} is outside the run [0, {F(days)}]"));
                return (Make(def, $"{keyword}@{F(day)}", day, 0), null);
            case EndpointArgument.Range:
            case EndpointArgument.OptionalWindow:
                if (argument is null)
                {
                    if (def.Argument == EndpointArgument.Range) return (null, Bad("needs a range"));
                    return (Make(def, keyword, 0, days), null);
                }
                if (at >= 0 || !TryRange(argument, out var lo, out var hi)) return (null, Bad("needs two numbers LO-HI with LO < HI"));
                if (def.Argument == EndpointArgument.OptionalWindow && (lo < 0 || hi > days))
                    return (null, Bad($"window {F(lo)}-{F(hi)} is outside the run [0, {F(days)}]"));
                if (def.Argument == EndpointArgument.Range && lo < 0) return (null, Bad("LO must be ≥ 0"));
                return (Make(def, $"{keyword}:{F(lo)}-{F(hi)}", lo, hi), null);
            default:
                throw new InvalidOperationException($"Unhandled argument kind {def.Argument}.");
        }
    }

    private static Endpoint Make(EndpointDefinition def, string name, double a, double b) =>
        new(name, def.Unit, def.Description, def.Create(a, b)) { ReadsDayZeroOnly = def.DayZeroOnly };

    private static (double Value, double Day) Platelets(SimulationResult r, double from, double to, bool lowest) =>
        EndpointReaders.Extremum(r.Days, i => r.Outputs[i].PlateletsCirculating, from, to, lowest);

    private static double WeeklyDose(SimulationResult r, double from, double to)
    {
        if (r.Titration is null) return double.NaN;
        var total = r.Titration.Doses.Where(d => d.Day >= from - 1e-9 && d.Day < to - 1e-9).Sum(d => d.Amount);
        var weeks = (to - from) / 7;
        return weeks > 0 ? total / weeks : total;
    }

    private static bool TryNumber(string? s, out double value) =>
        Input.InputNumber.TryParse(s, out value);

    private static bool TryRange(string s, out double lo, out double hi)
    {
        lo = hi = double.NaN;
        // The separator is the '-' after the first character (a leading sign belongs to LO).
        var dash = s.IndexOf('-', 1);
        return dash > 0 && TryNumber(s[..dash], out lo) && TryNumber(s[(dash + 1)..], out hi) && lo < hi;
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
