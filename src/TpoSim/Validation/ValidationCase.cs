using TpoSim.Scenarios;

namespace TpoSim.Validation;

/// <summary>A published observation as the case file gives it: text as published, and numbers in the metric's unit.</summary>
/// <param name="Text">The observation as published, e.g. "150–450 ×10⁹/L (mean ≈290)".</param>
/// <param name="Value">Central published value, or null.</param>
/// <param name="Low">Lower end of the published range, or null.</param>
/// <param name="High">Upper end of the published range, or null.</param>
public sealed record PublishedObservation(string Text, double? Value, double? Low, double? High);

/// <summary>One comparison of a case: a metric, what was published and the tolerance it is held to.</summary>
/// <param name="Metric">What is read from the simulation.</param>
/// <param name="Published">The published observation.</param>
/// <param name="Tolerance">The accepted range of the metric.</param>
/// <param name="Day">The day a day-dependent population statistic is read at (e.g. fractionReaching50ByDay), else null.</param>
public sealed record ValidationCheck(ValidationMetric Metric, PublishedObservation Published, Tolerance Tolerance, double? Day = null)
{
    /// <summary>"steady-state platelets 150–450 ×10⁹/L".</summary>
    public string ToleranceText => $"{Description} {Metric.ToleranceText(Tolerance)}";

    /// <summary>
    /// For <see cref="ValidationMetrics.PopulationEndpoint"/>: which of the population file's declared endpoints, in which
    /// arm and stratum, the check reads (a paper's own endpoint per arm); null for every other metric.
    /// </summary>
    public EndpointReference? Endpoint { get; init; }

    /// <summary>The metric's description, with the day (or the endpoint, arm and stratum) when the check gives one.</summary>
    public string Description => Endpoint is { } e ? $"{e.Endpoint} ({e.Text})"
        : Day is { } d ? $"{Metric.Description.Replace("the day", "day " + Tolerance.Number(d), StringComparison.Ordinal)}" : Metric.Description;
}

/// <summary>A population file's declared endpoint as one arm and stratum report it.</summary>
/// <param name="Endpoint">The endpoint's name in the file's <c>endpoints</c> (a statistic or an endpoint defined by kind).</param>
/// <param name="Arm">The arm's name, or null for a file without arms.</param>
/// <param name="Stratum">The stratum's key ("all" by default; e.g. "baselineBelow40").</param>
public sealed record EndpointReference(string Endpoint, string? Arm, string Stratum)
{
    /// <summary>"arm placebo, all".</summary>
    public string Text => Arm is null ? Stratum : $"arm {Arm}, {Stratum}";
}

/// <summary>The virtual population a population case runs.</summary>
/// <param name="File">Population file as written in the case file (relative to the repository root).</param>
/// <param name="Definition">The parsed population.</param>
/// <param name="Subjects">Subjects to enrol.</param>
/// <param name="Seed">Run seed.</param>
public sealed record PopulationCase(string File, Population.PopulationDefinition Definition, int Subjects, long Seed)
{
    /// <summary>The population file's text and that of a scenario file it names (identifies the run for caching).</summary>
    public string SourceText { get; init; } = "";

    /// <summary>Monte-Carlo standard error of a share near 50% with this many subjects, in percentage points: 50/√N.</summary>
    public double WorstStandardErrorPercent => 50 / Math.Sqrt(Subjects);
}

/// <summary>
/// What a case is for. A calibration case may tune the shipped parameter set (<c>tposim calibrate</c> fits its metrics);
/// a validation case never tunes anything: it is a prediction of the shipped set, judged after the fact.
/// </summary>
public enum CaseKind
{
    /// <summary>Used by <c>tposim calibrate</c> to estimate the shipped parameters.</summary>
    Calibration,
    /// <summary>Held out: predicted by the shipped parameters, never used to estimate them.</summary>
    Validation,
}

/// <summary>One validation case: a published clinical observation run as a scenario of the one default parameter set.</summary>
/// <param name="Id">Case id, e.g. "V1".</param>
/// <param name="Title">What is simulated.</param>
/// <param name="Scenario">The parsed scenario; null for a pending case.</param>
/// <param name="ScenarioSource">"inline" or the scenario file's path as written in the case file.</param>
/// <param name="Checks">The comparisons (all must pass).</param>
/// <param name="Source">Citation(s).</param>
/// <param name="Requires">What the model lacks to run the case, or null when it is runnable.</param>
/// <param name="Discussion">Notes for docs/validation.md.</param>
/// <param name="Population">The virtual population of a population case (its checks read population statistics), else null.</param>
/// <param name="Kind">Calibration or validation (never both).</param>
/// <param name="BaselinePlatelets">
/// The published mean platelet count of the cohort, 10⁹/L, when the case gives one: the severity of the scenario's one
/// condition is then solved so that the day-0 count equals it (the cohort's severity, not a tuned knob); else null.
/// </param>
public sealed record ValidationCase(
    string Id,
    string Title,
    Scenario? Scenario,
    string ScenarioSource,
    IReadOnlyList<ValidationCheck> Checks,
    string Source,
    string? Requires,
    string Discussion,
    PopulationCase? Population = null,
    CaseKind Kind = CaseKind.Validation,
    double? BaselinePlatelets = null)
{
    /// <summary>True when the model can run the case.</summary>
    public bool IsRunnable => Requires is null && Scenario is not null;
}

/// <summary>The loaded case file.</summary>
/// <param name="Path">Where it was read from (for messages).</param>
/// <param name="Cases">The cases, in file order.</param>
public sealed record ValidationCaseFile(string Path, IReadOnlyList<ValidationCase> Cases);
