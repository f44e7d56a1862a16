using TpoSim.Scenarios;

namespace TpoSim.Population;

/// <summary>
/// Between-subject variability of one model parameter: θᵢ = θ_typical · exp(ηᵢ), η ~ N(0, ω²), ω² = ln(1 + CV²), and
/// optionally a point mass at 0 (<see cref="NonResponderFraction"/>).
/// </summary>
/// <param name="Parameter">Catalog name of the parameter, or a dosed drug's PK/PD parameter (e.g. lusutrombopagEc50, lusutrombopagEfficacy).</param>
/// <param name="Cv">Coefficient of variation of the log-normal distribution (0–2).</param>
public sealed record ParameterVariability(string Parameter, double Cv)
{
    /// <summary>Standard deviation of log θ: ω = sqrt(ln(1 + CV²)).</summary>
    public double Omega => Math.Sqrt(Math.Log(1 + Cv * Cv));

    /// <summary>
    /// Probability (0–1) that a subject's value is 0 instead of the log-normal draw: on a drug's efficacy (its Emax), a
    /// non-responder, on whom the drug does nothing. 0 (the default) draws nothing extra, so a file without it keeps its subjects.
    /// </summary>
    public double NonResponderFraction { get; init; }
}

/// <summary>Shape of the body-weight distribution.</summary>
public enum WeightDistributionKind
{
    /// <summary>Normal with mean and SD (kg).</summary>
    Normal,
    /// <summary>Log-normal with median (kg) and CV.</summary>
    LogNormal,
}

/// <summary>Body weight of the subjects, truncated to [Minimum, Maximum] by rejection and resampling.</summary>
/// <param name="Kind">Normal or log-normal.</param>
/// <param name="Center">Mean (normal) or median (log-normal), kg.</param>
/// <param name="Spread">SD in kg (normal) or CV (log-normal).</param>
/// <param name="Minimum">Lower bound, kg.</param>
/// <param name="Maximum">Upper bound, kg.</param>
public sealed record WeightDistribution(WeightDistributionKind Kind, double Center, double Spread, double Minimum, double Maximum);

/// <summary>What to do when a sampled parameter falls outside its catalog range.</summary>
public enum OutOfRangePolicy
{
    /// <summary>Reject the subject's whole η vector and draw again (up to <see cref="PopulationDefinition.MaxResamples"/> times), which keeps correlations.</summary>
    Resample,
    /// <summary>Clamp each value to the nearest range limit.</summary>
    Clamp,
}

/// <summary>A virtual population: a base scenario, log-normal variability on named parameters and covariate distributions.</summary>
/// <param name="Name">Title.</param>
/// <param name="BaseScenario">The scenario every subject runs, with its own parameters and covariates.</param>
/// <param name="Variability">Parameters that vary between subjects, in a fixed order (the order of the correlation matrix).</param>
/// <param name="Correlation">Correlation matrix of the η vector (row-major, square), or null for independent η.</param>
/// <param name="Weight">Body-weight distribution, or null to keep the scenario's weight.</param>
/// <param name="MaleFraction">Probability a subject is male, or null to keep the scenario's sex.</param>
/// <param name="OutOfRange">Resample (default) or clamp sampled values outside the parameter's allowed range.</param>
public sealed record PopulationDefinition(
    string Name,
    Scenario BaseScenario,
    IReadOnlyList<ParameterVariability> Variability,
    double[,]? Correlation,
    WeightDistribution? Weight,
    double? MaleFraction,
    OutOfRangePolicy OutOfRange = OutOfRangePolicy.Resample)
{
    /// <summary>Probability a subject is of East Asian ancestry, or null to keep the scenario's patient.</summary>
    public double? EastAsianFraction { get; init; }

    /// <summary>
    /// Probabilities of Child-Pugh class A, B and C (summing to 1), or null. Needs a chronicLiverDisease condition in the
    /// base scenario: the class sets its severity and the subject's Child–Pugh score.
    /// </summary>
    public ChildPughMix? ChildPugh { get; init; }

    /// <summary>Probability a subject has had a splenectomy, or null to keep the scenario's.</summary>
    public double? SplenectomisedFraction { get; init; }

    /// <summary>
    /// How the splenectomised stratum's disease differs (typical values shifted by factors), or null: the same disease
    /// as the rest, minus what the splenectomy itself removes. Needs <see cref="SplenectomisedFraction"/>.
    /// </summary>
    public StratumPhenotype? SplenectomisedPhenotype { get; init; }

    /// <summary>Who is enrolled (screened on the day-0 steady state), or null to enrol every candidate.</summary>
    public InclusionCriteria? Inclusion { get; init; }

    /// <summary>
    /// The endpoints the file declares (<c>endpoints</c>), reported in this order with their published values; null when
    /// it declares none (then <see cref="PopulationMetrics.Descriptive"/> is reported).
    /// </summary>
    public IReadOnlyList<PopulationEndpoint>? Endpoints { get; init; }

    /// <summary>
    /// The trial's arms (<c>arms</c>), or null for one arm, the base scenario. Every arm runs the same enrolled subjects;
    /// the run reports the endpoints per arm and stratum (<see cref="PopulationResult.Arms"/>).
    /// </summary>
    public IReadOnlyList<TrialArm>? Arms { get; init; }

    /// <summary>
    /// The definition <paramref name="arm"/> runs on its own: the arm's regimen on the base scenario, no arms, and the
    /// file's endpoints with the arm's published values for the whole arm. A run of it gives that arm's result of the
    /// whole trial (same seed, same subjects) without simulating the other arms, e.g. for a check that reads one arm.
    /// </summary>
    public PopulationDefinition ForArm(TrialArm arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        return this with
        {
            BaseScenario = arm.ScenarioFrom(BaseScenario),
            Arms = null,
            Endpoints = Endpoints?.Select(e => e with { Published = arm.PublishedFor(e.Statistic, PopulationStrata.All.Key) }).ToArray(),
        };
    }

    /// <summary>
    /// The trial's measured-count model (<c>measurement</c>), or null: with it the screen enrols on measured counts and the
    /// endpoints defined by kind read measured counts at the trial's visits (<see cref="CountMeasurement"/>); the bands and
    /// the fixed statistics stay the model's true counts.
    /// </summary>
    public CountMeasurement? Measurement { get; init; }

    /// <summary>The trial's response definitions (weekly counts, windows, rescue rule).</summary>
    public ResponseDefinition Response { get; init; } = ResponseDefinition.Default;

    /// <summary>Draws per subject before a resampled subject is reported as failed ("out-of-range").</summary>
    public const int MaxResamples = 1000;

    /// <summary>
    /// The population used when the CLI is given a plain scenario: 30% CV on emax, 20% on plateletSenescenceDays and
    /// hepaticTpoMultiplier, 15% on plateletsReference, independent; weight normal 70 ± 12 kg in [40, 140]; half male.
    /// </summary>
    public static PopulationDefinition DefaultFor(Scenario scenario) => new(
        scenario.Name + " (default variability)",
        scenario,
        [
            new("plateletsReference", 0.15),
            new("emax", 0.3),
            new("plateletSenescenceDays", 0.2),
            new("hepaticTpoMultiplier", 0.2),
        ],
        null,
        new WeightDistribution(WeightDistributionKind.Normal, 70, 12, 40, 140),
        0.5);
}
