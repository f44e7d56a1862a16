namespace TpoSim.Population;

/// <summary>
/// One shift of a stratum's phenotype: the stratum's typical value of <paramref name="Parameter"/> is the population's
/// typical value (after the subject's covariates) times <paramref name="Factor"/>; a varying parameter's η then scatters
/// around the shifted value, so the stratum's whole distribution moves by the factor.
/// </summary>
/// <param name="Parameter">Catalog (or dosed drug's PK/PD) parameter name.</param>
/// <param name="Factor">Multiplier of the typical value, dimensionless, in [<see cref="StratumPhenotype.MinFactor"/>, <see cref="StratumPhenotype.MaxFactor"/>].</param>
/// <param name="Source">Where the factor comes from: a citation, or "assumed: " and why.</param>
public sealed record PhenotypeShift(string Parameter, double Factor, string Source);

/// <summary>
/// The phenotype of a stratum as data (<c>covariates.splenectomisedPhenotype</c>): how its subjects' disease differs
/// from the rest beyond what the stratum itself does to the model. In the ITP trials the splenectomised were the
/// refractory patients (lower baselines, longer disease, more prior therapy: Cines DB et al. Haematologica
/// 2017;102:1342), so they are drawn sicker rather than as the same disease minus the splenic share of removal.
/// </summary>
/// <param name="Shifts">Typical-value multipliers, one per parameter.</param>
/// <param name="Source">Optional text: why the stratum differs.</param>
public sealed record StratumPhenotype(IReadOnlyList<PhenotypeShift> Shifts, string? Source)
{
    /// <summary>Smallest allowed factor.</summary>
    public const double MinFactor = 0.1;

    /// <summary>Largest allowed factor.</summary>
    public const double MaxFactor = 10;

    /// <summary>
    /// <see cref="Apply(Scenarios.Scenario, IDictionary{string, double})"/> for a subject of <paramref name="baseScenario"/>
    /// with Child-Pugh class <paramref name="grade"/> (null: none): the shifted values depend on nothing else, so they are
    /// computed once per base scenario and class (each is a day-0 parameter set per shift) and set from then on.
    /// </summary>
    public void Apply(Scenarios.Scenario scenario, IDictionary<string, double> overrides, Scenarios.Scenario baseScenario, string? grade)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(baseScenario);
        var byGrade = Shifted.GetValue(this, static _ => new()).GetValue(baseScenario, static _ => new());
        var values = byGrade.GetOrAdd(grade ?? "", _ =>
        {
            var copy = new Dictionary<string, double>(overrides, StringComparer.Ordinal);
            Apply(scenario with { ParameterOverrides = copy }, copy);
            return Shifts.Select(shift => KeyValuePair.Create(shift.Parameter, copy[shift.Parameter])).ToArray();
        });
        foreach (var (name, value) in values) overrides[name] = value;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<StratumPhenotype,
        System.Runtime.CompilerServices.ConditionalWeakTable<Scenarios.Scenario, System.Collections.Concurrent.ConcurrentDictionary<string, KeyValuePair<string, double>[]>>> Shifted = new();

    /// <summary>
    /// <paramref name="overrides"/> with each shifted parameter set to its value in <paramref name="scenario"/> (the
    /// subject's covariate scenario, overrides so far included) times the factor.
    /// </summary>
    public void Apply(Scenarios.Scenario scenario, IDictionary<string, double> overrides)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(overrides);
        foreach (var shift in Shifts)
        {
            var typical = Simulation.Simulator.DeclaredValue(scenario, shift.Parameter)
                ?? throw new ArgumentException($"'{shift.Parameter}' has no value in the base scenario.");
            overrides[shift.Parameter] = typical * shift.Factor;
        }
    }
}
