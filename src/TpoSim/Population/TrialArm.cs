using TpoSim.Scenarios;

namespace TpoSim.Population;

/// <summary>
/// One arm of a trial a population file declares (<c>arms</c>): a name and a regimen. Every arm runs the same sampled,
/// screened and enrolled subjects (same seed, same candidates), so arm differences are the drug's effect alone.
/// </summary>
/// <param name="Name">Arm name, unique in the file (letters, digits, '-' and '_': it names output folders).</param>
/// <param name="Regimen">
/// What the arm gives: "placebo (no drug)", "the scenario's regimen", or the doses and titration the arm sets.
/// </param>
/// <param name="Doses">The arm's doses (placebo: none), replacing the base scenario's unless <see cref="KeepsRegimen"/>.</param>
/// <param name="Titration">The arm's titration, or null (placebo: null).</param>
/// <param name="Published">The published values of the file's endpoints in this arm, by stratum.</param>
public sealed record TrialArm(string Name, string Regimen, IReadOnlyList<DoseRecord> Doses, Policies.TitrationSpec? Titration, IReadOnlyList<ArmPublished> Published)
{
    /// <summary>True when the arm runs the base scenario's own regimen (the screen's day-0 plan can then be reused).</summary>
    public bool KeepsRegimen { get; init; }

    /// <summary>The scenario this arm runs: <paramref name="baseScenario"/> with the arm's doses and titration.</summary>
    public Scenario ScenarioFrom(Scenario baseScenario)
    {
        ArgumentNullException.ThrowIfNull(baseScenario);
        return KeepsRegimen ? baseScenario : baseScenario with { Doses = Doses, Titration = Titration };
    }

    /// <summary>The published value of <paramref name="statistic"/> in <paramref name="stratum"/>, or null.</summary>
    public PublishedEndpoint? PublishedFor(string statistic, string stratum) =>
        Published.FirstOrDefault(p => p.Statistic == statistic && p.Stratum == stratum)?.Value;
}

/// <summary>A published value of one endpoint in one arm and stratum (<c>arms[i].published[j]</c>).</summary>
/// <param name="Statistic">The endpoint's name (one the file's <c>endpoints</c> declares).</param>
/// <param name="Stratum">The stratum's key (<see cref="PopulationStrata"/>), "all" for the whole arm.</param>
/// <param name="Value">The published value.</param>
public sealed record ArmPublished(string Statistic, string Stratum, PublishedEndpoint Value);

/// <summary>One stratum of enrolled subjects: a key (as in metrics.json), a label and who belongs to it.</summary>
/// <param name="Key">"all", "splenectomised", "notSplenectomised", "childPughA", …</param>
/// <param name="Label">For tables.</param>
/// <param name="Contains">True for an enrolled subject in the stratum (covariate strata read its draw, baseline strata its baseline).</param>
public sealed record PopulationStratum(string Key, string Label, Func<SubjectOutcome, bool> Contains);

/// <summary>The strata a population reports: the whole arm, then each covariate stratum the population draws.</summary>
public static class PopulationStrata
{
    /// <summary>The whole arm.</summary>
    public static PopulationStratum All { get; } = new("all", "all", _ => true);

    /// <summary>
    /// "all", then splenectomised / not splenectomised when the population draws splenectomy (Kuter 2008 ran one study in
    /// each), then Child-Pugh A/B/C when it draws the class, then the file's baseline strata (<see cref="InclusionCriteria.BaselineStrata"/>).
    /// </summary>
    public static IReadOnlyList<PopulationStratum> Of(PopulationDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var strata = new List<PopulationStratum> { All };
        if (definition.SplenectomisedFraction is not null)
        {
            strata.Add(new("splenectomised", "splenectomised", o => o.Draw.Splenectomised == true));
            strata.Add(new("notSplenectomised", "not splenectomised", o => o.Draw.Splenectomised == false));
        }
        if (definition.ChildPugh is not null)
            foreach (var c in new[] { "A", "B", "C" }) strata.Add(new($"childPugh{c}", $"Child-Pugh {c}", o => o.Draw.ChildPugh == c));
        if (definition.Inclusion is { } inclusion)
            foreach (var b in inclusion.BaselineStrata) strata.Add(new(b.Key, b.Label, b.Contains));
        return strata;
    }
}
