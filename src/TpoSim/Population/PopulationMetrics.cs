using System.Globalization;
using System.Text;

namespace TpoSim.Population;

/// <summary>One population statistic: name (as in metrics.json), description, value and unit.</summary>
/// <param name="Name">JSON name, e.g. <c>overallResponseFraction</c>.</param>
/// <param name="Description">Short description for tables.</param>
/// <param name="Value">Value (fractions 0–1; NaN when undefined).</param>
/// <param name="Unit">"fraction", "days", "weeks", "count", "10^9/L" or a dose unit.</param>
/// <param name="StandardError">Monte-Carlo standard error of a fraction, √(p(1 − p)/n); NaN for other statistics.</param>
public sealed record PopulationStatistic(string Name, string Description, double Value, string Unit, double StandardError);

/// <summary>A statistic's name and unit, as <see cref="PopulationMetrics.Units"/> lists them.</summary>
/// <param name="Name">JSON name, e.g. <c>fractionNeedingRescue</c>.</param>
/// <param name="Unit">"fraction" (a share 0–1), "days", "weeks", "count", "10^9/L", or <see cref="Dose"/>.</param>
public sealed record StatisticUnit(string Name, string Unit)
{
    /// <summary>The unit of a dose statistic: the run's own dose unit (µg/kg, mg or µg), known only after the run.</summary>
    public const string Dose = "dose";
}

/// <summary>A statistic as reported: its value and, where the file declares one, the published value beside it.</summary>
/// <param name="Statistic">The simulated statistic.</param>
/// <param name="Published">The published value, or null.</param>
public sealed record ReportedStatistic(PopulationStatistic Statistic, PublishedEndpoint? Published);

/// <summary>The trial statistics of a population run, for metrics.json and the terminal table.</summary>
public static class PopulationMetrics
{
    /// <summary>
    /// The statistics that belong to an ITP trial's protocol (Kuter 2008's overall and durable response, its rescue
    /// rule): reported only when a file declares them among its <c>endpoints</c>.
    /// </summary>
    public static IReadOnlyList<string> ItpTrialStatistics { get; } =
        ["overallResponseFraction", "durableResponseFraction", "fractionNeedingRescue", "meanRescueWeeks"];

    /// <summary>
    /// Every statistic's name and unit, in the order of <see cref="All"/>: the one list the parser checks a file's
    /// <c>endpoints</c> against before any run (a published value of a "fraction" must lie in [0, 1]) and
    /// <see cref="All"/> takes its units from (a test holds the names equal to <see cref="All"/>'s).
    /// </summary>
    public static IReadOnlyList<StatisticUnit> Units { get; } =
    [
        new("meanBaselinePlatelets", "10^9/L"), new("medianBaselinePlatelets", "10^9/L"),
        new("overallResponseFraction", "fraction"), new("durableResponseFraction", "fraction"), new("fractionEverAtLeast50", "fraction"),
        new("medianDaysTo50", "days"), new("medianDaysAtLeast50", "days"),
        new("meanTimeIn50To200", "fraction"), new("medianTimeIn50To200", "fraction"),
        new("fractionNeedingRescue", "fraction"), new("meanRescueWeeks", "weeks"),
        new("fractionWithEventAbove400", "fraction"), new("meanEventsAbove400", "count"),
        new("meanWeeklyDose", StatisticUnit.Dose),
    ];

    /// <summary>Every statistic's name, in the order of <see cref="All"/> (what a file's <c>endpoints</c> may name).</summary>
    public static IReadOnlyList<string> Names { get; } = Units.Select(u => u.Name).ToArray();

    /// <summary>The unit of statistic <paramref name="name"/> (<see cref="StatisticUnit.Dose"/> for the dose's own unit), or null for an unknown name.</summary>
    public static string? UnitOf(string name) => Units.FirstOrDefault(u => u.Name == name)?.Unit;

    /// <summary>What a file that declares no endpoints gets: every statistic but the ITP trial's.</summary>
    public static IReadOnlyList<string> Descriptive { get; } = Names.Except(ItpTrialStatistics, StringComparer.Ordinal).ToArray();

    /// <summary>The statistics <c>tposim population</c> reports: the file's declared endpoints, else <see cref="Descriptive"/>.</summary>
    public static IReadOnlyList<ReportedStatistic> Reported(PopulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var all = All(result).ToDictionary(m => m.Name, StringComparer.Ordinal);
        return result.Definition.Endpoints is { } declared
            ? declared.Select(e => new ReportedStatistic(all[e.Statistic], e.Published)).ToArray()
            : Descriptive.Select(n => new ReportedStatistic(all[n], null)).ToArray();
    }

    /// <summary>Every statistic, in report order.</summary>
    public static IReadOnlyList<PopulationStatistic> All(PopulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var n = result.Succeeded;
        var r = result.Definition.Response;
        // A share of subjects gets its Monte-Carlo SE; the unit of every statistic comes from the one table, Units.
        PopulationStatistic Fraction(string name, string description, double p) =>
            new(name, description, p, Unit(name), n > 0 && double.IsFinite(p) ? Math.Sqrt(p * (1 - p) / n) : double.NaN);
        PopulationStatistic Other(string name, string description, double v) => new(name, description, v, Unit(name), double.NaN);
        string Unit(string name) => UnitOf(name) is var u && u == StatisticUnit.Dose ? result.DoseUnit : u ?? throw new InvalidOperationException($"'{name}' is not in PopulationMetrics.Units.");
        var t = r.Threshold.ToString("0.###", CultureInfo.InvariantCulture);
        return
        [
            Other("meanBaselinePlatelets", "mean baseline platelets", result.MeanBaselinePlatelets),
            Other("medianBaselinePlatelets", "median baseline platelets", result.MedianBaselinePlatelets),
            Fraction("overallResponseFraction", "overall response (durable or transient, Kuter 2008)", result.OverallResponseFraction),
            Fraction("durableResponseFraction", "durable response (Kuter 2008)", result.DurableResponseFraction),
            Fraction("fractionEverAtLeast50", $"ever ≥ {t} ×10⁹/L", result.FractionEverAtLeast50),
            Other("medianDaysTo50", $"median first day ≥ {t} ×10⁹/L", result.MedianDaysToThreshold),
            Other("medianDaysAtLeast50", $"median days ≥ {t} ×10⁹/L", result.MedianDaysAtLeastThreshold),
            Other("meanTimeIn50To200", $"mean time in {N(r.RangeLow)}–{N(r.RangeHigh)} ×10⁹/L", result.MeanTimeIn50To200),
            Other("medianTimeIn50To200", $"median time in {N(r.RangeLow)}–{N(r.RangeHigh)} ×10⁹/L", result.MedianTimeIn50To200),
            Fraction("fractionNeedingRescue", $"needing rescue (a weekly count < {N(r.RescueBelow)}, assumed rule)", result.FractionNeedingRescue),
            Other("meanRescueWeeks", "mean weeks needing rescue", result.MeanRescueWeeks),
            Fraction("fractionWithEventAbove400", $"with an event > {N(r.EventAbove)} ×10⁹/L", result.FractionWithEventAbove),
            Other("meanEventsAbove400", $"mean events > {N(r.EventAbove)} ×10⁹/L", result.MeanEventsAbove),
            Other("meanWeeklyDose", "mean weekly dose", result.MeanWeeklyDose),
        ];
    }

    /// <summary>metrics.json: run counts, the response definitions and every statistic (fractions 0–1, with Monte-Carlo SE).</summary>
    public static string Json(PopulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var r = result.Definition.Response;
        var sb = new StringBuilder("{\n");
        sb.Append("  \"name\": ").Append(Q(result.Definition.Name)).Append(",\n");
        sb.Append("  \"requested\": ").Append(I(result.Requested)).Append(",\n");
        sb.Append("  \"screened\": ").Append(I(result.Screened)).Append(",\n");
        sb.Append("  \"screenFailures\": ").Append(I(result.ScreenFailureCount)).Append(",\n");
        sb.Append("  \"screenFailureReasons\": {");
        sb.Append(string.Join(", ", result.ScreenFailures.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{Q(k.Key)}: {I(k.Value)}")));
        sb.Append("},\n");
        sb.Append("  \"inclusion\": ").Append(result.Definition.Inclusion is { } inc ? Q(inc.Text) : "null").Append(",\n");
        sb.Append("  \"enrolled\": ").Append(I(result.Subjects.Count)).Append(",\n");
        sb.Append("  \"succeeded\": ").Append(I(result.Succeeded)).Append(",\n");
        sb.Append("  \"failed\": ").Append(I(result.Failed)).Append(",\n");
        sb.Append("  \"responseWindow\": { \"threshold\": ").Append(D(r.Threshold)).Append(", \"firstWeek\": ").Append(I(r.FirstWeek))
          .Append(", \"lastWeek\": ").Append(I(r.LastWeekFor(result.Days.Count > 0 ? result.Days[^1] : 0)))
          .Append(", \"durableWeeks\": ").Append(I(r.DurableWeeks)).Append(", \"durableMinResponses\": ").Append(I(r.DurableMinResponses))
          .Append(", \"transientMinResponses\": ").Append(I(r.TransientMinResponses)).Append(", \"rescueBelow\": ").Append(D(r.RescueBelow))
          .Append(", \"rescueExclusionWeeks\": ").Append(I(r.RescueExclusionWeeks)).Append(", \"rangeLow\": ").Append(D(r.RangeLow))
          .Append(", \"rangeHigh\": ").Append(D(r.RangeHigh)).Append(", \"eventAbove\": ").Append(D(r.EventAbove)).Append(" },\n");
        if (result.Definition.SplenectomisedFraction is not null)
        {
            // Kuter 2008 reported its non-splenectomised and splenectomised studies separately.
            sb.Append("  \"bySplenectomy\": {");
            sb.Append(string.Join(", ", new[] { false, true }.Select(spleenOut =>
            {
                var g = result.Subjects.Where(s => s.Status == SubjectStatus.Ok && s.Summary is not null && s.Draw.Splenectomised == spleenOut)
                    .Select(s => s.Summary!.Response).ToArray();
                double Share(Func<SubjectResponse, bool> f) => g.Length == 0 ? double.NaN : g.Count(f) / (double)g.Length;
                return $"{Q(spleenOut ? "splenectomised" : "notSplenectomised")}: {{ \"subjects\": {I(g.Length)}, \"overallResponseFraction\": {D(Share(x => x.Overall))}, \"durableResponseFraction\": {D(Share(x => x.Durable))} }}";
            })));
            sb.Append("},\n");
        }
        sb.Append("  \"percentileMaxRelativeError\": ").Append(D(LogHistogramQuantiles.MaxRelativeError)).Append(",\n");
        sb.Append("  \"metrics\": {\n");
        var reported = Reported(result);
        for (var i = 0; i < reported.Count; i++)
        {
            var (m, published) = (reported[i].Statistic, reported[i].Published);
            sb.Append("    ").Append(Q(m.Name)).Append(": { \"value\": ").Append(D(m.Value)).Append(", \"unit\": ").Append(Q(m.Unit));
            if (double.IsFinite(m.StandardError)) sb.Append(", \"standardError\": ").Append(D(m.StandardError));
            sb.Append(", \"description\": ").Append(Q(m.Description));
            if (published is not null)
                sb.Append(", \"published\": { \"value\": ").Append(D(published.Value)).Append(", \"low\": ").Append(published.Low is { } lo ? D(lo) : "null")
                  .Append(", \"high\": ").Append(published.High is { } hi ? D(hi) : "null").Append(", \"text\": ").Append(Q(published.Text)).Append(" }");
            sb.Append(" }").Append(i + 1 < reported.Count ? ",\n" : "\n");
        }
        sb.Append("  }\n}\n");
        return sb.ToString();
    }

    private static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string D(double v) => double.IsFinite(v) ? v.ToString("G10", CultureInfo.InvariantCulture) : "null";
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Readable UTF-8 (≥, ×10⁹) rather than \u escapes; the file is never embedded in HTML.
    private static string Q(string s) => System.Text.Json.JsonSerializer.Serialize(s, Readable);
}
