using TpoSim.Input;
using static TpoSim.Input.FieldSpec;

namespace TpoSim.Population;

/// <summary>
/// The number, whole-number and choice fields of the population format (docs/population.md) with their ranges and units:
/// <see cref="PopulationParser"/> checks against these through the shared <see cref="JsonFieldReader"/>, so its messages
/// are worded as the scenario reader's are. Objects whose meaning is in their structure (arms, endpoints, the scenario)
/// are read by the parser itself.
/// </summary>
public static class PopulationFields
{
    private const double MinKg = Physiology.Patient.MinWeightKg, MaxKg = Physiology.Patient.MaxWeightKg;

    /// <summary>A share of the population, 0–1.</summary>
    private static FieldSpec Share(string name, string description) => Num(name, description, 0, 1);

    /// <summary>A platelet-count bound, ×10⁹/L.</summary>
    private static FieldSpec Count(string name, string description, double min, double max, double? @default = null) =>
        Num(name, description, min, max, "×10⁹/L", @default);

    /// <summary>A number of weeks.</summary>
    private static FieldSpec Weeks(string name, string description, int min, int @default) => Whole(name, description, min, 520, @default);

    /// <summary>The top level.</summary>
    public static ObjectSpec Top { get; } = new("", "A virtual population (docs/population.md).",
    [
        Text("$schema", "Path or URI of a schema, for editors; ignored."),
        Text("name", "Title of the population; default the scenario's name."),
        Text("description", "What the population is."),
        Obj("scenario", "The base scenario: a file path relative to this file, or an inline scenario object.", "scenario").Needed(),
        List("variability", "Parameters that vary log-normally between subjects.", "variability").Needed(),
        List("correlation", "Correlation matrix of the log-normal deviations, rows in the order of 'variability'.", "correlation"),
        Obj("covariates", "Covariates drawn per subject.", "covariates"),
        OneOf("outOfRange", "What happens to a draw outside its parameter's range.", ["resample", "clamp"], "resample"),
        Obj("inclusion", "Who is enrolled.", "inclusion"),
        Obj("responseWindow", "How a platelet response is judged.", "responseWindow"),
        List("endpoints", "The statistics reported, optionally with published values.", "endpoint"),
        List("arms", "Trial arms, each with its own regimen.", "arm"),
        Obj("measurement", "Measured counts: the screen and the endpoints read the true count × a log-normal error at the trial's visits.", "measurement"),
        Obj("rescue", "Rescue therapy simulated at the weekly visits (IVIG/corticosteroids block antibody-mediated removal), or only counted.", "rescue"),
    ]);

    /// <summary>Simulated rescue therapy (<see cref="Policies.RescueTherapy"/>).</summary>
    public static ObjectSpec Rescue { get; } = new("rescue", "Rescue therapy at the weekly visits from week 2 when the count is below responseWindow.rescueBelow.",
    [
        Flag("simulate", "true (the default when the block is given): rescue blocks antibody-mediated removal; false: rescue is only counted.", true),
        Num("blockFraction", "Fraction of the ITP condition's antibody-mediated removal blocked while a rescue acts.", 0, 1, "", Policies.RescueTherapy.DefaultBlockFraction),
        Num("durationDays", "Days a rescue's block lasts.", 1, Policies.RescueTherapy.MaxDurationDays, "days", Policies.RescueTherapy.DefaultDurationDays),
        Text("source", "Where the values come from (a citation, or \"assumed: \" and why)."),
    ]);

    /// <summary>The measured-count model (<see cref="CountMeasurement"/>).</summary>
    public static ObjectSpec Measurement { get; } = new("measurement", "Measured counts at the trial's visits.",
    [
        Num("cv", "Coefficient of variation of a measured count around the true count (within-subject biological and analytical variation).", 0, CountMeasurement.MaxCv).Needed(),
        List("visitDays", "Visit days after day 0 (model days, ascending) at which endpoints read counts.", "day").Needed(),
        Text("source", "Where the CV comes from.").Needed(),
    ]);

    /// <summary>A visit day of <c>measurement.visitDays</c>.</summary>
    public static FieldSpec VisitDay { get; } = Num("visitDay", "A visit day.", 0, 3650, "days");

    /// <summary>One varying parameter.</summary>
    public static ObjectSpec Variability { get; } = new("variability", "A parameter varying log-normally between subjects.",
    [
        Text("parameter", "Parameter name ('tposim parameters', 'tposim drugs').").Needed(),
        Num("cv", "Coefficient of variation of the log-normal distribution.", 0, PopulationParser.MaxCv).Needed(),
        Share("nonResponderFraction", "Share of subjects whose value is 0 (non-responders; only for a parameter whose range includes 0)."),
    ]);

    /// <summary>An entry of the correlation matrix.</summary>
    public static FieldSpec Correlation { get; } = Num("correlation", "A correlation coefficient.", -1, 1);

    /// <summary>Covariates.</summary>
    public static ObjectSpec Covariates { get; } = new("covariates", "Covariates drawn per subject.",
    [
        Obj("weightKg", "Body-weight distribution, kg.", "weightKg"),
        Share("maleFraction", "Share of men."),
        Share("eastAsianFraction", "Share of subjects of East Asian ancestry."),
        Obj("childPugh", "Shares of Child-Pugh classes A, B and C, summing to 1.", "childPugh"),
        Share("splenectomisedFraction", "Share of splenectomised subjects."),
        Obj("splenectomisedPhenotype", "Parameter shifts of the splenectomised stratum.", "splenectomisedPhenotype"),
    ]);

    /// <summary>The share of one Child-Pugh class.</summary>
    public static FieldSpec ChildPughShare { get; } = Share("share", "Share of one Child-Pugh class.");

    /// <summary>The body-weight distribution.</summary>
    public static ObjectSpec Weight { get; } = new("weightKg", "Body-weight distribution: normal (mean, sd) or log-normal (median, cv), truncated to [min, max].",
    [
        OneOf("distribution", "normal or logNormal.", ["normal", "logNormal"]).Needed(),
        Num("mean", "Mean of a normal distribution, kg.", MinKg, MaxKg, "kg").Needed(),
        Num("sd", "Standard deviation of a normal distribution, kg.", 0, 100, "kg").Needed(),
        Num("median", "Median of a log-normal distribution, kg.", MinKg, MaxKg, "kg").Needed(),
        Num("cv", "Coefficient of variation of a log-normal distribution.", 0, PopulationParser.MaxCv).Needed(),
        Num("min", "Lowest weight drawn, kg.", MinKg, MaxKg, "kg").Needed(),
        Num("max", "Highest weight drawn, kg.", MinKg, MaxKg, "kg").Needed(),
    ]);

    /// <summary>The splenectomised stratum's phenotype.</summary>
    public static ObjectSpec Phenotype { get; } = new("splenectomisedPhenotype", "Typical-value shifts of the splenectomised stratum.",
    [
        List("shifts", "The shifted parameters.", "shift").Needed(),
        Text("source", "Where the shifts come from."),
    ]);

    /// <summary>One shifted parameter.</summary>
    public static ObjectSpec Shift { get; } = new("shift", "A parameter's typical value multiplied by a factor in the stratum.",
    [
        Text("parameter", "Parameter name ('tposim parameters').").Needed(),
        Num("factor", "Multiplier of the typical value.", StratumPhenotype.MinFactor, StratumPhenotype.MaxFactor).Needed(),
        Text("source", "A citation, or \"assumed: \" and why.").Needed(),
    ]);

    /// <summary>Inclusion criteria.</summary>
    public static ObjectSpec Inclusion { get; } = new("inclusion", "Who is enrolled.",
    [
        Obj("baselinePlatelets", "Bounds on the day-0 (screening) count.", "bounds").Needed(),
        Whole("maxScreenedPerSubject", "Candidates screened per enrolled subject at most.", 1, 1000, InclusionCriteria.DefaultMaxScreenedPerSubject),
        Share("splenectomisedShare", "Share of splenectomised subjects among those enrolled."),
        Obj("screening", "Repeated screening counts.", "screening"),
        List("baselineStrata", "Cohorts by baseline count, reported as strata.", "baselineStratum"),
    ]);

    /// <summary>Screening visits.</summary>
    public static ObjectSpec Screening { get; } = new("screening", "Repeated screening counts, all of which must meet the bounds.",
    [
        Whole("counts", "Number of screening counts.", 1, ScreeningVisits.MaxCounts).Needed(),
        Num("intervalDays", "Days between screening counts.", 1, ScreeningVisits.MaxIntervalDays, "days").Needed(),
    ]);

    /// <summary>Bounds on a platelet count.</summary>
    public static ObjectSpec Bounds { get; } = new("bounds", "A lower bound ('min' inclusive or 'above' exclusive) and/or an upper bound ('max' inclusive or 'below' exclusive).",
    [
        Count("min", "Lowest count admitted.", 0, 5000),
        Count("max", "Highest count admitted.", 0, 5000),
        Count("above", "Counts above this are admitted.", 0, 5000),
        Count("below", "Counts below this are admitted.", 0, 5000),
    ]);

    /// <summary>The response window.</summary>
    public static ObjectSpec Response { get; } = new("responseWindow", "How a platelet response is judged (weekly counts).",
    [
        Count("threshold", "A response is a count at or above this.", 1, 1000, ResponseDefinition.Default.Threshold),
        Weeks("firstWeek", "First week judged.", 1, ResponseDefinition.Default.FirstWeek),
        Whole("lastWeek", "Last week judged; default the end of the run.", 1, 520),
        Weeks("durableWeeks", "Weeks of the durable-response window.", 1, ResponseDefinition.Default.DurableWeeks),
        Weeks("durableMinResponses", "Responses needed in the durable window.", 1, ResponseDefinition.Default.DurableMinResponses),
        Weeks("transientMinResponses", "Responses needed for a transient response.", 1, ResponseDefinition.Default.TransientMinResponses),
        Count("rescueBelow", "A count below this calls for rescue.", 0, 1000, ResponseDefinition.Default.RescueBelow),
        Weeks("rescueExclusionWeeks", "Weeks after a rescue not counted as responses.", 0, ResponseDefinition.Default.RescueExclusionWeeks),
        Count("rangeLow", "Lower end of the target range.", 0, 5000, ResponseDefinition.Default.RangeLow),
        Count("rangeHigh", "Upper end of the target range.", 0, 5000, ResponseDefinition.Default.RangeHigh),
        Count("eventAbove", "A count above this is an event.", 0, 10000, ResponseDefinition.Default.EventAbove),
    ]);

    /// <summary>A published value of an endpoint.</summary>
    public static ObjectSpec Published { get; } = new("published", "What a paper reports for an endpoint.",
    [
        Num("value", "The published value, in the endpoint's unit.", 0, double.MaxValue).Needed(),
        Num("low", "Lower end of the published interval.", 0, double.MaxValue),
        Num("high", "Upper end of the published interval.", 0, double.MaxValue),
        Text("text", "What the paper reports, with its source.").Needed(),
    ]);

    /// <summary>A parameter of a defined endpoint kind (<see cref="EndpointKinds"/>) as a field, its maximum cut to <paramref name="maximum"/>.</summary>
    /// <remarks>A "cycle" parameter is a whole number (<see cref="FieldKind.Integer"/>).</remarks>
    public static FieldSpec Of(EndpointParameter p, double maximum) =>
        (p.Unit == "cycle"
            ? Whole(p.Name, "", (int)p.Minimum, (int)maximum, p.Default is { } d ? (int)d : null)
            : Num(p.Name, "", p.Minimum, maximum, p.Unit == "10^9/L" ? "×10⁹/L" : p.Unit, p.Default)) with { Required = p.Default is null };
}
