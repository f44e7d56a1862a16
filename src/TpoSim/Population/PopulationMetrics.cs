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

/// <summary>How a statistic summarises the subjects: the share meeting a criterion, a mean or a median.</summary>
public enum StatisticAggregate
{
    /// <summary>A share of subjects (0–1); Monte-Carlo SE √(p(1 − p)/n).</summary>
    Share,
    /// <summary>A mean over subjects; Monte-Carlo SE = SD/√n.</summary>
    Mean,
    /// <summary>A median over subjects; no standard error is reported.</summary>
    Median,
}

/// <summary>A statistic's name, unit and kind, as <see cref="PopulationMetrics.Units"/> lists them.</summary>
/// <param name="Name">JSON name, e.g. <c>fractionNeedingRescue</c>.</param>
/// <param name="Unit">"fraction" (a share 0–1), "days", "weeks", "count", "10^9/L", or <see cref="Dose"/>.</param>
/// <param name="Aggregate">Share, mean or median.</param>
/// <param name="PerSubject">For a mean: the subject's value it averages (its SD gives the mean's standard error).</param>
public sealed record StatisticUnit(string Name, string Unit, StatisticAggregate Aggregate, Func<SubjectSummary, double>? PerSubject = null)
{
    /// <summary>The unit of a dose statistic: the run's own dose unit (µg/kg, mg or µg), known only after the run.</summary>
    public const string Dose = "dose";
}

/// <summary>A statistic as reported: its value and, where the file declares one, the published value beside it.</summary>
/// <param name="Statistic">The simulated statistic.</param>
/// <param name="Published">The published value, or null.</param>
public sealed record ReportedStatistic(PopulationStatistic Statistic, PublishedEndpoint? Published);

/// <summary>One stratum of one arm: who is in it and the file's endpoints over them.</summary>
/// <param name="Stratum">The stratum.</param>
/// <param name="Subjects">Enrolled subjects in it.</param>
/// <param name="Succeeded">Of those, simulated to the end (the n of the statistics).</param>
/// <param name="Statistics">The reported endpoints with standard errors and the published values of this arm and stratum.</param>
public sealed record StratumReport(PopulationStratum Stratum, int Subjects, int Succeeded, IReadOnlyList<ReportedStatistic> Statistics);

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
        new("meanBaselinePlatelets", "10^9/L", StatisticAggregate.Mean, s => s.BaselinePlatelets),
        new("medianBaselinePlatelets", "10^9/L", StatisticAggregate.Median),
        new("overallResponseFraction", "fraction", StatisticAggregate.Share),
        new("durableResponseFraction", "fraction", StatisticAggregate.Share),
        new("fractionEverAtLeast50", "fraction", StatisticAggregate.Share),
        new("medianDaysTo50", "days", StatisticAggregate.Median),
        new("medianDaysAtLeast50", "days", StatisticAggregate.Median),
        new("meanTimeIn50To200", "fraction", StatisticAggregate.Mean, s => s.Response.TimeInRange),
        new("medianTimeIn50To200", "fraction", StatisticAggregate.Median),
        new("fractionNeedingRescue", "fraction", StatisticAggregate.Share),
        new("meanRescueWeeks", "weeks", StatisticAggregate.Mean, s => s.Response.RescueWeeks),
        new("fractionWithEventAbove400", "fraction", StatisticAggregate.Share),
        new("meanEventsAbove400", "count", StatisticAggregate.Mean, s => s.Response.EventsAbove),
        new("meanWeeklyDose", StatisticUnit.Dose, StatisticAggregate.Mean, s => s.Response.MeanWeeklyDose),
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
        if (result.Definition.Endpoints is not { } declared) return Descriptive.Select(n => new ReportedStatistic(all[n], null)).ToArray();
        var defined = PopulationReducer.DefinedEndpoints(result.Definition);
        return declared.Select(e => new ReportedStatistic(e.Defined is { } d ? Share(result, d, Array.IndexOf(defined, d)) : all[e.Statistic], e.Published)).ToArray();
    }

    /// <summary>The share of successful subjects meeting defined endpoint <paramref name="index"/>, with its Monte-Carlo SE.</summary>
    private static PopulationStatistic Share(PopulationResult result, DefinedEndpoint endpoint, int index)
    {
        var n = result.Succeeded;
        var p = n == 0 ? double.NaN : result.EndpointHitCount(index) / (double)n;
        return new PopulationStatistic(endpoint.Name, endpoint.Description, p, "fraction", n > 0 ? Math.Sqrt(p * (1 - p) / n) : double.NaN);
    }

    /// <summary>
    /// The file's endpoints in one arm, per stratum (<see cref="PopulationStrata.Of"/>): each stratum's subjects, the
    /// statistics over its successful subjects with their Monte-Carlo standard errors (shares √(p(1 − p)/n), means SD/√n,
    /// none for medians) and the arm's published value for that stratum.
    /// </summary>
    public static IReadOnlyList<StratumReport> ByStratum(ArmResult arm, PopulationDefinition population)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(population);
        var r = arm.Result;
        return PopulationStrata.Of(population).Select(stratum =>
        {
            // A lazy view, not a copy: the rows of a large run are on disk (SubjectRows) and are read, not held.
            var subjects = new FilteredSubjects(r.Subjects, stratum.Contains);
            var part = new PopulationResult(r.Definition, r.Typical, r.Days, [], [], subjects);
            var reported = Reported(part);
            var means = reported.Select(x => Units.FirstOrDefault(u => u.Name == x.Statistic.Name) is { Aggregate: StatisticAggregate.Mean, PerSubject: { } f } ? f : null).ToArray();
            var meanErrors = MeanStandardErrors(subjects.Where(s => s.Status == SubjectStatus.Ok && s.Summary is not null).Select(s => s.Summary!), means);
            var rows = reported.Select((x, i) =>
            {
                var m = x.Statistic;
                var se = means[i] is not null ? meanErrors[i] : m.StandardError;
                return new ReportedStatistic(m with { StandardError = se }, arm.Arm.PublishedFor(m.Name, stratum.Key));
            }).ToArray();
            return new StratumReport(stratum, part.Enrolled, part.Succeeded, rows);
        }).ToArray();
    }

    /// <summary>
    /// The Monte-Carlo standard error of a mean, SD/√n (SD with n − 1; NaN for n &lt; 2), of each per-subject value in
    /// <paramref name="values"/> (null entries give NaN) over <paramref name="subjects"/>, in two streaming passes (the
    /// means, then the squared deviations, each summed in subject order), so a large run's rows are read, not copied.
    /// </summary>
    private static double[] MeanStandardErrors(IEnumerable<SubjectSummary> subjects, IReadOnlyList<Func<SubjectSummary, double>?> values)
    {
        var errors = new double[values.Count];
        Array.Fill(errors, double.NaN);
        if (values.All(f => f is null)) return errors;
        var sums = new double[values.Count];
        var n = 0;
        foreach (var s in subjects)
        {
            n++;
            for (var i = 0; i < values.Count; i++) if (values[i] is { } f) sums[i] += f(s);
        }
        if (n < 2) return errors;
        var means = sums.Select(x => x / n).ToArray();
        var squares = new double[values.Count];
        foreach (var s in subjects)
            for (var i = 0; i < values.Count; i++)
                if (values[i] is { } f)
                {
                    var d = f(s) - means[i];
                    squares[i] += d * d;
                }
        for (var i = 0; i < values.Count; i++) if (values[i] is not null) errors[i] = Math.Sqrt(squares[i] / (n - 1) / n);
        return errors;
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
        // Only a file with measured counts gets the member, so every other file's metrics.json is unchanged.
        if (result.Definition.Measurement is { } m)
            sb.Append("  \"measurement\": { \"cv\": ").Append(D(m.Cv)).Append(", \"visitDays\": [").Append(string.Join(", ", m.VisitDays.Select(D)))
              .Append("], \"source\": ").Append(Q(m.Source)).Append(" },\n");
        sb.Append("  \"enrolled\": ").Append(I(result.Subjects.Count)).Append(",\n");
        sb.Append("  \"succeeded\": ").Append(I(result.Succeeded)).Append(",\n");
        sb.Append("  \"failed\": ").Append(I(result.Failed)).Append(",\n");
        sb.Append("  \"responseWindow\": { \"threshold\": ").Append(D(r.Threshold)).Append(", \"firstWeek\": ").Append(I(r.FirstWeek))
          .Append(", \"lastWeek\": ").Append(I(r.LastWeekFor(result.Days.Count > 0 ? result.Days[^1] : 0)))
          .Append(", \"durableWeeks\": ").Append(I(r.DurableWeeks)).Append(", \"durableMinResponses\": ").Append(I(r.DurableMinResponses))
          .Append(", \"transientMinResponses\": ").Append(I(r.TransientMinResponses)).Append(", \"rescueBelow\": ").Append(D(r.RescueBelow))
          .Append(", \"rescueExclusionWeeks\": ").Append(I(r.RescueExclusionWeeks)).Append(", \"rangeLow\": ").Append(D(r.RangeLow))
          .Append(", \"rangeHigh\": ").Append(D(r.RangeHigh)).Append(", \"eventAbove\": ").Append(D(r.EventAbove)).Append(" },\n");
        // Only a file that simulates rescue gets the member, so every other file's metrics.json is unchanged.
        if (result.Definition.BaseScenario.Rescue is { } rescue)
            sb.Append("  \"rescue\": { \"simulate\": true, \"blockFraction\": ").Append(D(rescue.BlockFraction))
              .Append(", \"durationDays\": ").Append(D(rescue.DurationDays)).Append(" },\n");
        if (result.Definition.SplenectomisedFraction is not null)
        {
            // Kuter 2008 reported its non-splenectomised and splenectomised studies separately.
            sb.Append("  \"bySplenectomy\": {");
            sb.Append(string.Join(", ", new[] { false, true }.Select(spleenOut =>
            {
                int n = 0, overall = 0, durable = 0;
                foreach (var s in result.Subjects)
                {
                    if (s.Status != SubjectStatus.Ok || s.Summary is not { } m || s.Draw.Splenectomised != spleenOut) continue;
                    n++;
                    if (m.Response.Overall) overall++;
                    if (m.Response.Durable) durable++;
                }
                double Share(int count) => n == 0 ? double.NaN : count / (double)n;
                return $"{Q(spleenOut ? "splenectomised" : "notSplenectomised")}: {{ \"subjects\": {I(n)}, \"overallResponseFraction\": {D(Share(overall))}, \"durableResponseFraction\": {D(Share(durable))} }}";
            })));
            sb.Append("},\n");
        }
        sb.Append("  \"percentileMaxRelativeError\": ").Append(D(LogHistogramQuantiles.MaxRelativeError)).Append(",\n");
        sb.Append("  \"metrics\": {\n");
        var reported = Reported(result);
        for (var i = 0; i < reported.Count; i++)
            sb.Append("    ").Append(Q(reported[i].Statistic.Name)).Append(": ").Append(StatisticJson(reported[i])).Append(i + 1 < reported.Count ? ",\n" : "\n");
        sb.Append("  }");
        if (result.Arms is { } arms) AppendArms(sb, arms, result.Definition);
        sb.Append("\n}\n");
        return sb.ToString();
    }

    /// <summary>{ "value", "unit", "standardError" (when finite, in the unit), "description", "published" (when given) }.</summary>
    private static string StatisticJson(ReportedStatistic reported)
    {
        var (m, published) = (reported.Statistic, reported.Published);
        var sb = new StringBuilder("{ \"value\": ").Append(D(m.Value)).Append(", \"unit\": ").Append(Q(m.Unit));
        if (double.IsFinite(m.StandardError)) sb.Append(", \"standardError\": ").Append(D(m.StandardError));
        sb.Append(", \"description\": ").Append(Q(m.Description));
        if (published is not null)
            sb.Append(", \"published\": { \"value\": ").Append(D(published.Value)).Append(", \"low\": ").Append(published.Low is { } lo ? D(lo) : "null")
              .Append(", \"high\": ").Append(published.High is { } hi ? D(hi) : "null").Append(", \"text\": ").Append(Q(published.Text)).Append(" }");
        return sb.Append(" }").ToString();
    }

    /// <summary>The "arms" member: per arm its regimen, counts and, per stratum, the endpoints with standard errors and published values.</summary>
    private static void AppendArms(StringBuilder sb, IReadOnlyList<ArmResult> arms, PopulationDefinition population)
    {
        sb.Append(",\n  \"arms\": [\n");
        for (var a = 0; a < arms.Count; a++)
        {
            var (arm, r) = (arms[a].Arm, arms[a].Result);
            sb.Append("    { \"name\": ").Append(Q(arm.Name)).Append(", \"regimen\": ").Append(Q(arm.Regimen))
              .Append(", \"enrolled\": ").Append(I(r.Subjects.Count)).Append(", \"succeeded\": ").Append(I(r.Succeeded)).Append(", \"failed\": ").Append(I(r.Failed))
              .Append(", \"strata\": {\n");
            var strata = ByStratum(arms[a], population);
            for (var k = 0; k < strata.Count; k++)
            {
                var st = strata[k];
                sb.Append("      ").Append(Q(st.Stratum.Key)).Append(": { \"subjects\": ").Append(I(st.Subjects)).Append(", \"succeeded\": ").Append(I(st.Succeeded)).Append(", \"endpoints\": {\n");
                for (var i = 0; i < st.Statistics.Count; i++)
                    sb.Append("        ").Append(Q(st.Statistics[i].Statistic.Name)).Append(": ").Append(StatisticJson(st.Statistics[i])).Append(i + 1 < st.Statistics.Count ? ",\n" : "\n");
                sb.Append("      } }").Append(k + 1 < strata.Count ? ",\n" : "\n");
            }
            sb.Append("    } }").Append(a + 1 < arms.Count ? ",\n" : "\n");
        }
        sb.Append("  ]");
    }

    private static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string D(double v) => double.IsFinite(v) ? v.ToString("G10", CultureInfo.InvariantCulture) : "null";
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Readable UTF-8 (≥, ×10⁹) rather than \u escapes; the file is never embedded in HTML.
    private static string Q(string s) => System.Text.Json.JsonSerializer.Serialize(s, Readable);
}
