using TpoSim.Physiology;
using TpoSim.Simulation;
using TpoSim.Units;

namespace TpoSim.Validation;

/// <summary>A model output that a validation figure plots against days.</summary>
public enum PlottedQuantity
{
    /// <summary>Circulating platelets, 10^9/L.</summary>
    Platelets,
    /// <summary>Free plasma TPO, pg/mL.</summary>
    Tpo,
    /// <summary>Platelet production, 10^9/L/day.</summary>
    Production,
    /// <summary>Mean platelet lifespan, days.</summary>
    Lifespan,
}

/// <summary>What a metric reads: one simulation of the case's scenario and the healthy reference of the same patient.</summary>
/// <param name="Result">The case's simulation.</param>
/// <param name="HealthyTpoPgPerMl">Free TPO of a healthy patient of the same weight, sex and age group at steady state, pg/mL.</param>
public sealed record MetricContext(SimulationResult Result, double HealthyTpoPgPerMl)
{
    /// <summary>The case's virtual population run (population cases only; <see cref="Result"/> is then its typical subject).</summary>
    public Population.PopulationResult? Population { get; init; }

    /// <summary>Platelets at day 0 (the patient's steady state), 10^9/L.</summary>
    public double BaselinePlatelets => Result.Summary.BaselinePlatelets;
}

/// <summary>
/// A named quantity read from a simulation and compared with a published observation (the <c>metric</c> of a check
/// in validation/cases.json). The set is closed: <see cref="ValidationMetrics"/> lists every metric.
/// </summary>
public abstract class ValidationMetric
{
    private protected ValidationMetric(string name, string description, string unit)
    {
        Name = name;
        Description = description;
        Unit = unit;
    }

    /// <summary>Name used in the case file, e.g. <c>steadyStatePlatelets</c>.</summary>
    public string Name { get; }

    /// <summary>Short human description, e.g. "steady-state platelets".</summary>
    public string Description { get; }

    /// <summary>Unit of the value ("×" for a fold change, "" for none).</summary>
    public string Unit { get; }

    /// <summary>
    /// What the model lacks to compute this metric (e.g. a virtual population), or null when one simulation
    /// suffices. A case using such a metric must say so in its <c>requires</c> field.
    /// </summary>
    public virtual string? Requirement => null;

    /// <summary>Reads the metric from a simulation.</summary>
    public abstract double Evaluate(MetricContext context);

    /// <summary>The value with its unit, e.g. "250 ×10⁹/L" or "1.52×".</summary>
    public virtual string Describe(double value) => Unit switch
    {
        "" => Tolerance.Number(value),
        "×" or "%" => $"{Tolerance.Number(value)}{Unit}",
        _ => $"{Tolerance.Number(value)} {Unit}",
    };

    /// <summary>What the metric reads, in one sentence for docs/validation.md.</summary>
    public abstract string Explanation { get; }

    /// <summary>The quantities a figure of this metric plots (platelets are always plotted).</summary>
    public virtual IReadOnlyList<PlottedQuantity> Quantities => [PlottedQuantity.Platelets];

    /// <summary>The tolerance in words for this metric, e.g. "150–450 ×10⁹/L" or "day 7–20".</summary>
    public virtual string ToleranceText(Tolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        return tolerance.Text(Unit);
    }

    /// <summary>Adds the published observation and the tolerance to a figure of the case's simulation.</summary>
    internal abstract void Overlay(ValidationFigureBuilder figure, ValidationCheck check, MetricContext context);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Unit of a plotted quantity.</summary>
    internal static string UnitOf(PlottedQuantity q) => q switch
    {
        PlottedQuantity.Platelets => "×10⁹/L",
        PlottedQuantity.Tpo => "pg/mL",
        PlottedQuantity.Production => "×10⁹/L/day",
        _ => "days",
    };

    /// <summary>Reads a plotted quantity from one output row.</summary>
    internal static double Select(PlottedQuantity q, ModelOutputs o) => q switch
    {
        PlottedQuantity.Platelets => o.PlateletsCirculating,
        PlottedQuantity.Tpo => o.TpoFreePicogramsPerMl,
        PlottedQuantity.Production => o.PlateletProduction,
        _ => o.MeanPlateletLifespanDays,
    };
}

/// <summary>
/// A metric that is a level of one plotted quantity, possibly in other units (pM) or relative to a reference
/// (fold vs healthy or vs baseline): its tolerance is drawn as a horizontal band on that quantity's panel.
/// </summary>
public abstract class LevelMetric : ValidationMetric
{
    private protected LevelMetric(string name, string description, string unit, PlottedQuantity quantity)
        : base(name, description, unit) => Quantity = quantity;

    /// <summary>The panel the band goes on.</summary>
    public PlottedQuantity Quantity { get; }

    /// <inheritdoc />
    public override IReadOnlyList<PlottedQuantity> Quantities => [Quantity];

    /// <summary>Converts a value of this metric to the plotted quantity's unit.</summary>
    internal abstract double ToPlotted(double value, MetricContext context);

    /// <summary>Where on the day axis the published point is drawn.</summary>
    internal virtual double PublishedDay(MetricContext context) => context.Result.Days[^1] / 2;

    internal override void Overlay(ValidationFigureBuilder figure, ValidationCheck check, MetricContext context)
    {
        var t = check.Tolerance;
        var low = t.HasLower ? ToPlotted(t.Lower, context) : double.NegativeInfinity;
        var high = t.HasUpper ? ToPlotted(t.Upper, context) : double.PositiveInfinity;
        figure.AddBand(Quantity, low, high, $"tolerance: {Description} {t.Text(Unit)}");
        var p = check.Published;
        if (p.Value is { } v || p.Low is not null || p.High is not null)
        {
            var centre = p.Value ?? 0.5 * ((p.Low ?? p.High)!.Value + (p.High ?? p.Low)!.Value);
            figure.AddObserved(Quantity, PublishedDay(context), ToPlotted(centre, context),
                p.Low is { } lo ? ToPlotted(lo, context) : double.NaN, p.High is { } hi ? ToPlotted(hi, context) : double.NaN);
        }
    }
}

/// <summary>A quantity at day 0, the patient's own steady state.</summary>
public sealed class SteadyStateMetric : LevelMetric
{
    private readonly double _toPlotted;
    private readonly Func<ModelOutputs, double> _read;

    internal SteadyStateMetric(string name, string description, string unit, PlottedQuantity quantity, Func<ModelOutputs, double> read, double toPlotted = 1)
        : base(name, description, unit, quantity)
    {
        _read = read;
        _toPlotted = toPlotted;
    }

    /// <inheritdoc />
    public override double Evaluate(MetricContext context) => _read(context.Result.Outputs[0]);

    /// <inheritdoc />
    public override string Explanation => $"{Description} at day 0 (the patient's own steady state)";

    internal override double ToPlotted(double value, MetricContext context) => value * _toPlotted;
}

/// <summary>Free TPO at the patient's steady state relative to a healthy patient's.</summary>
public sealed class TpoFoldVsHealthyMetric : LevelMetric
{
    internal TpoFoldVsHealthyMetric() : base("steadyStateTpoFold", "steady-state TPO vs healthy", "×", PlottedQuantity.Tpo) { }

    /// <inheritdoc />
    public override double Evaluate(MetricContext context) => context.Result.Outputs[0].TpoFreePicogramsPerMl / context.HealthyTpoPgPerMl;

    /// <inheritdoc />
    public override string Explanation => "free TPO at day 0 divided by a healthy patient's (same weight, sex and age group)";

    internal override double ToPlotted(double value, MetricContext context) => value * context.HealthyTpoPgPerMl;
}

/// <summary>The highest platelet count relative to day 0.</summary>
public sealed class PlateletPeakFoldMetric : LevelMetric
{
    internal PlateletPeakFoldMetric() : base("plateletPeakFold", "platelet peak vs baseline", "×", PlottedQuantity.Platelets) { }

    /// <inheritdoc />
    public override double Evaluate(MetricContext context) => context.Result.Summary.PlateletPeak.Value / context.BaselinePlatelets;

    /// <inheritdoc />
    public override string Explanation => "highest platelet count divided by the count at day 0";

    internal override double ToPlotted(double value, MetricContext context) => value * context.BaselinePlatelets;

    internal override double PublishedDay(MetricContext context) => context.Result.Summary.PlateletPeak.Day;
}

/// <summary>A metric that is a day: its tolerance is drawn as a shaded span of days across the panels.</summary>
public sealed class DayMetric : ValidationMetric
{
    private readonly Func<MetricContext, double> _read;

    internal DayMetric(string name, string description, string explanation, Func<MetricContext, double> read) : base(name, description, "days")
    {
        _read = read;
        Explanation = explanation;
    }

    /// <inheritdoc />
    public override string Explanation { get; }

    /// <inheritdoc />
    public override double Evaluate(MetricContext context) => _read(context);

    /// <inheritdoc />
    public override string Describe(double value) => double.IsNaN(value) ? "never" : $"day {Tolerance.Number(value)}";

    /// <inheritdoc />
    public override string ToleranceText(Tolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        return $"day {tolerance.Text("")}";
    }

    internal override void Overlay(ValidationFigureBuilder figure, ValidationCheck check, MetricContext context)
    {
        var t = check.Tolerance;
        var end = context.Result.Days[^1];
        var from = t.HasLower ? t.Lower : 0;
        var to = t.HasUpper ? t.Upper : end;
        figure.AddSpan(from, to, $"tolerance: {Description} {ToleranceText(t)}");
        var value = Evaluate(context);
        if (double.IsFinite(value)) figure.AddMarker(value, $"simulated {Description} {Describe(value)}");
    }
}

/// <summary>How many days the TPO peak comes before the platelet nadir (positive when TPO leads).</summary>
public sealed class TpoLeadMetric : ValidationMetric
{
    internal TpoLeadMetric() : base("tpoPeakLeadDays", "TPO peak before platelet nadir by", "days") { }

    /// <inheritdoc />
    public override IReadOnlyList<PlottedQuantity> Quantities => [PlottedQuantity.Platelets, PlottedQuantity.Tpo];

    /// <inheritdoc />
    public override double Evaluate(MetricContext context) => context.Result.Summary.PlateletNadir.Day - context.Result.Summary.TpoMax.Day;

    /// <inheritdoc />
    public override string Explanation => "day of the platelet nadir minus day of the TPO peak (positive: TPO leads)";

    /// <inheritdoc />
    internal override void Overlay(ValidationFigureBuilder figure, ValidationCheck check, MetricContext context)
    {
        var s = context.Result.Summary;
        figure.AddMarker(s.TpoMax.Day, $"TPO peak day {Tolerance.Number(s.TpoMax.Day)}");
        figure.AddMarker(s.PlateletNadir.Day, $"platelet nadir day {Tolerance.Number(s.PlateletNadir.Day)}");
    }
}

/// <summary>
/// A number read from the free-TPO curve after the case's first dose (peak level, its time, the decline's half-life):
/// the pharmacokinetics of recombinant TPO as the papers measured it in serum. Drawn as a marker on the TPO panel.
/// </summary>
public sealed class TpoKineticsMetric : ValidationMetric
{
    private readonly Func<MetricContext, double> _read;

    internal TpoKineticsMetric(string name, string description, string unit, string explanation, Func<MetricContext, double> read)
        : base(name, description, unit)
    {
        _read = read;
        Explanation = explanation;
    }

    /// <inheritdoc />
    public override string Explanation { get; }

    /// <inheritdoc />
    public override IReadOnlyList<PlottedQuantity> Quantities => [PlottedQuantity.Platelets, PlottedQuantity.Tpo];

    /// <inheritdoc />
    public override double Evaluate(MetricContext context) => _read(context);

    internal override void Overlay(ValidationFigureBuilder figure, ValidationCheck check, MetricContext context)
    {
        var s = context.Result.Summary;
        figure.AddMarker(s.TpoMax.Day, $"TPO peak day {Tolerance.Number(s.TpoMax.Day)}; {Description} {Describe(Evaluate(context))}");
    }

    /// <summary>Day of the scenario's first dose (0 without doses).</summary>
    internal static double FirstDoseDay(MetricContext c) => c.Result.Scenario.Doses.Count == 0 ? 0 : c.Result.Scenario.Doses.Min(d => d.Day);

    /// <summary>
    /// Terminal half-life of the excess of free TPO over its day-0 level: log-linear least squares over days 2–5 after
    /// the first dose, when receptors are saturated and the late phase dominates (the serum samples a terminal
    /// half-life is read from); hours, NaN when the excess is not positive throughout that window.
    /// </summary>
    internal static double TerminalHalfLifeHours(MetricContext c)
    {
        var days = c.Result.Days;
        var outs = c.Result.Outputs;
        var baseline = outs[0].TpoFreePicogramsPerMl;
        var start = FirstDoseDay(c);
        var points = new List<(double X, double Y)>();
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i] < start + 2 - 1e-9 || days[i] > start + 5 + 1e-9) continue;
            var excess = outs[i].TpoFreePicogramsPerMl - baseline;
            if (!(excess > 0)) return double.NaN;
            points.Add((days[i], Math.Log(excess)));
        }
        if (points.Count < 3) return double.NaN;
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var slope = points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
        return slope < 0 ? -24 * Math.Log(2) / slope : double.NaN;
    }
}

/// <summary>
/// A statistic of a virtual population (a case with a <c>population</c> block): a response share in % or a median
/// in days, read from the population run; one simulation cannot give it.
/// </summary>
public sealed class PopulationMetric : ValidationMetric
{
    private readonly Func<Population.PopulationResult, double?, double> _read;

    internal PopulationMetric(string name, string description, string unit, string explanation, Func<Population.PopulationResult, double?, double> read, bool needsDay = false)
        : base(name, description, unit)
    {
        _read = read;
        Explanation = explanation;
        NeedsDay = needsDay;
    }

    /// <summary>True when the check must give a <c>day</c> (e.g. the fraction reaching 50 by that day).</summary>
    public bool NeedsDay { get; }

    /// <inheritdoc />
    public override string Explanation { get; }

    /// <inheritdoc />
    public override double Evaluate(MetricContext context) => Evaluate(context, null);

    /// <summary>Reads the statistic from the case's population run (<paramref name="day"/> for day-dependent statistics).</summary>
    public double Evaluate(MetricContext context, double? day)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Population is not { } population)
            throw new InvalidOperationException($"{Name} is a population statistic; the case needs a 'population' block.");
        return _read(population, day);
    }

    /// <summary>
    /// The value of <paramref name="reference"/> in the case's population run: the arm's (its own run when the population
    /// ran one arm alone), the stratum's row of the file's declared endpoints; a share in %. NaN when not found.
    /// </summary>
    public static double EvaluateEndpoint(MetricContext context, EndpointReference reference)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reference);
        if (context.Population is not { } population)
            throw new InvalidOperationException("populationEndpoint is a population statistic; the case needs a 'population' block.");
        var definition = population.Definition;
        Population.ArmResult? arm = population.Arms?.FirstOrDefault(a => a.Arm.Name == reference.Arm);
        IReadOnlyList<Population.ReportedStatistic> rows;
        if (arm is not null) rows = Population.PopulationMetrics.ByStratum(arm, definition).FirstOrDefault(s => s.Stratum.Key == reference.Stratum)?.Statistics ?? [];
        else
        {
            // One arm run alone (ForArm) or a file without arms: its own result, split by the same strata.
            var self = new Population.ArmResult(new Population.TrialArm(reference.Arm ?? "all", "", [], null, []), population);
            rows = Population.PopulationMetrics.ByStratum(self, definition).FirstOrDefault(s => s.Stratum.Key == reference.Stratum)?.Statistics ?? [];
        }
        var row = rows.FirstOrDefault(r => r.Statistic.Name == reference.Endpoint);
        if (row is null) return double.NaN;
        return row.Statistic.Unit == "fraction" ? 100 * row.Statistic.Value : row.Statistic.Value;
    }

    /// <inheritdoc />
    public override string Describe(double value) => Unit == "days" && double.IsPositiveInfinity(value) ? "never" : base.Describe(value);

    internal override void Overlay(ValidationFigureBuilder figure, ValidationCheck check, MetricContext context) { }
}

/// <summary>Every metric a validation case can name.</summary>
public static class ValidationMetrics
{
    /// <summary>Circulating platelets at steady state, 10^9/L.</summary>
    public static ValidationMetric SteadyStatePlatelets { get; } =
        new SteadyStateMetric("steadyStatePlatelets", "steady-state platelets", "×10⁹/L", PlottedQuantity.Platelets, o => o.PlateletsCirculating);

    /// <summary>Free TPO at steady state, pg/mL.</summary>
    public static ValidationMetric SteadyStateTpo { get; } =
        new SteadyStateMetric("steadyStateTpo", "steady-state free TPO", "pg/mL", PlottedQuantity.Tpo, o => o.TpoFreePicogramsPerMl);

    /// <summary>Free TPO at steady state, pM.</summary>
    public static ValidationMetric SteadyStateTpoPicomolar { get; } =
        new SteadyStateMetric("steadyStateTpoPicomolar", "steady-state free TPO", "pM", PlottedQuantity.Tpo, o => o.TpoFreePicomolar,
            TpoUnits.PicomolarToPicogramsPerMl(1));

    /// <summary>Free TPO at steady state relative to healthy.</summary>
    public static ValidationMetric SteadyStateTpoFold { get; } = new TpoFoldVsHealthyMetric();

    /// <summary>Platelet production at steady state, 10^9/L/day.</summary>
    public static ValidationMetric SteadyStateProduction { get; } =
        new SteadyStateMetric("steadyStateProduction", "steady-state platelet production", "×10⁹/L/day", PlottedQuantity.Production, o => o.PlateletProduction);

    /// <summary>Mean platelet lifespan at steady state, days.</summary>
    public static ValidationMetric SteadyStateLifespan { get; } =
        new SteadyStateMetric("steadyStateLifespan", "steady-state platelet lifespan", "days", PlottedQuantity.Lifespan, o => o.MeanPlateletLifespanDays);

    /// <summary>Platelet peak relative to baseline.</summary>
    public static ValidationMetric PlateletPeakFold { get; } = new PlateletPeakFoldMetric();

    /// <summary>Day of the platelet peak.</summary>
    public static ValidationMetric PlateletPeakDay { get; } = new DayMetric("plateletPeakDay", "platelet peak on", "day of the highest platelet count", c => c.Result.Summary.PlateletPeak.Day);

    /// <summary>Day of the platelet nadir.</summary>
    public static ValidationMetric PlateletNadirDay { get; } = new DayMetric("plateletNadirDay", "platelet nadir on", "day of the lowest platelet count", c => c.Result.Summary.PlateletNadir.Day);

    /// <summary>First day the platelet count reaches 50 ×10^9/L (NaN when it never does).</summary>
    public static ValidationMetric DaysToPlatelets50 { get; } = new DayMetric("daysToPlatelets50", "platelets first ≥ 50 ×10⁹/L on",
        "first output day with platelets ≥ 50 ×10⁹/L (never: fails)", FirstDayAtLeast50);

    /// <summary>Days by which the TPO peak precedes the platelet nadir.</summary>
    public static ValidationMetric TpoPeakLeadDays { get; } = new TpoLeadMetric();

    /// <summary>Share of a virtual population with an overall (durable or transient) response by Kuter 2008's definitions, %.</summary>
    public static ValidationMetric OverallResponseFraction { get; } = new PopulationMetric("overallResponseFraction", "overall response", "%",
        "share of the virtual population with a durable or transient response (Kuter 2008: ≥ 4 weekly counts ≥ 50 in weeks 2–25, none within 8 weeks after rescue), %",
        (p, _) => 100 * p.OverallResponseFraction);

    /// <summary>Share of a virtual population with a durable response by Kuter 2008's definition, %.</summary>
    public static ValidationMetric DurableResponseFraction { get; } = new PopulationMetric("durableResponseFraction", "durable response", "%",
        "share of the virtual population with weekly counts ≥ 50 in ≥ 6 of weeks 18–25 and no rescue (Kuter 2008), %",
        (p, _) => 100 * p.DurableResponseFraction);

    /// <summary>Share of a virtual population with platelets ≥ 50 at some output day up to the check's day, %.</summary>
    public static ValidationMetric FractionReaching50ByDay { get; } = new PopulationMetric("fractionReaching50ByDay", "reaching ≥ 50 ×10⁹/L by the day", "%",
        "share of the virtual population with platelets ≥ 50 ×10⁹/L at some output day up to the check's 'day', %",
        (p, day) => 100 * p.FractionReachingThresholdBy(day ?? double.PositiveInfinity), needsDay: true);

    /// <summary>Median over a virtual population of the first day with platelets ≥ 50.</summary>
    public static ValidationMetric MedianDaysTo50 { get; } = new PopulationMetric("medianDaysTo50", "median first day ≥ 50 ×10⁹/L", "days",
        "median over the virtual population of the first output day with platelets ≥ 50 ×10⁹/L (never: +∞)",
        (p, _) => p.MedianDaysToThreshold);

    /// <summary>Median over a virtual population of the days spent with platelets ≥ 50.</summary>
    public static ValidationMetric MedianDaysAtLeast50 { get; } = new PopulationMetric("medianDaysAtLeast50", "median days ≥ 50 ×10⁹/L", "days",
        "median over the virtual population of the days with platelets ≥ 50 ×10⁹/L",
        (p, _) => p.MedianDaysAtLeastThreshold);

    /// <summary>Share of a virtual population with platelets ≥ 50 on the check's day itself (a trial's "count ≥ 50 on day 43"), %.</summary>
    public static ValidationMetric FractionAtLeast50OnDay { get; } = new PopulationMetric("fractionAtLeast50OnDay", "platelets ≥ 50 ×10⁹/L on the day", "%",
        "share of the virtual population whose count on the check's 'day' is ≥ 50 ×10⁹/L, %: the endpoint of Bussel 2007 and 2009 (the day must be the population's last output day; otherwise the metric is not computed)",
        (p, day) => day is { } d && p.Days.Count > 0 && Math.Abs(d - p.Days[^1]) < 1e-9 ? 100 * p.FractionAtLeastOnLastDay(50) : double.NaN, needsDay: true);

    /// <summary>
    /// One of the population file's declared endpoints in one arm and stratum (the check's <c>endpoint</c>, <c>arm</c>,
    /// <c>stratum</c>), as <c>tposim population</c> reports it: shares in %, other statistics in their own unit.
    /// </summary>
    public static PopulationMetric PopulationEndpoint { get; } = new("populationEndpoint", "declared endpoint", "%",
        "a declared endpoint of the population file (its 'endpoints'), in the check's arm and stratum, as 'tposim population' reports it; shares in %",
        (_, _) => double.NaN);

    /// <summary>
    /// <see cref="PopulationEndpoint"/> for a declared statistic that is not a share (<see cref="Population.PopulationMetrics.Units"/>:
    /// a median in days, a mean count), so that its value and tolerance are written in the statistic's own unit; the same
    /// metric as <see cref="PopulationEndpoint"/> otherwise (checks are evaluated by their endpoint reference).
    /// </summary>
    public static PopulationMetric PopulationEndpointFor(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var unit = Population.PopulationMetrics.Units.FirstOrDefault(u => u.Name == endpoint)?.Unit switch
        {
            null or "fraction" => null,
            "10^9/L" => "×10⁹/L",
            Population.StatisticUnit.Dose or "count" => "", // the run's dose unit is known only after it; counts have none
            var u => u,
        };
        if (unit is null) return PopulationEndpoint;
        return EndpointVariants.GetOrAdd(unit, u => new PopulationMetric(PopulationEndpoint.Name, PopulationEndpoint.Description, u, PopulationEndpoint.Explanation, (_, _) => double.NaN));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PopulationMetric> EndpointVariants = new(StringComparer.Ordinal);

    /// <summary>Peak free TPO after the first dose, µg/L.</summary>
    public static ValidationMetric TpoPeakMicrogramsPerL { get; } = new TpoKineticsMetric("tpoPeakMicrogramsPerL", "peak serum TPO (Cmax)", "µg/L",
        "highest free TPO on the output grid, µg/L (= ng/mL; endogenous TPO included, as an ELISA reads it)",
        c => c.Result.Summary.TpoMax.Value / 1000);

    /// <summary>Hours from the first dose to the TPO peak.</summary>
    public static ValidationMetric TpoPeakTimeHours { get; } = new TpoKineticsMetric("tpoPeakTimeHours", "time of peak serum TPO (Tmax)", "h",
        "hours from the first dose to the highest free TPO on the output grid",
        c => 24 * (c.Result.Summary.TpoMax.Day - TpoKineticsMetric.FirstDoseDay(c)));

    /// <summary>Late-phase half-life of free TPO after a dose, hours.</summary>
    public static ValidationMetric TpoTerminalHalfLifeHours { get; } = new TpoKineticsMetric("tpoTerminalHalfLifeHours", "serum TPO half-life", "h",
        "terminal half-life of the excess of free TPO over its day-0 level, log-linear least squares over days 2–5 after the first dose, hours",
        TpoKineticsMetric.TerminalHalfLifeHours);

    /// <summary>All metrics, in documentation order.</summary>
    public static IReadOnlyList<ValidationMetric> All { get; } =
    [
        SteadyStatePlatelets, SteadyStateTpo, SteadyStateTpoPicomolar, SteadyStateTpoFold, SteadyStateProduction, SteadyStateLifespan,
        PlateletPeakFold, PlateletPeakDay, PlateletNadirDay, DaysToPlatelets50, TpoPeakLeadDays,
        TpoPeakMicrogramsPerL, TpoPeakTimeHours, TpoTerminalHalfLifeHours,
        OverallResponseFraction, DurableResponseFraction, FractionReaching50ByDay, FractionAtLeast50OnDay, MedianDaysTo50, MedianDaysAtLeast50,
        PopulationEndpoint,
    ];

    /// <summary>Metric names accepted in the case file.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(m => m.Name).ToArray();

    /// <summary>The metric called <paramref name="name"/>, or null.</summary>
    public static ValidationMetric? Get(string name) => All.FirstOrDefault(m => m.Name == name);

    private static double FirstDayAtLeast50(MetricContext c)
    {
        var r = c.Result;
        for (var i = 0; i < r.Days.Count; i++)
            if (r.Outputs[i].PlateletsCirculating >= 50) return r.Days[i];
        return double.NaN;
    }
}
