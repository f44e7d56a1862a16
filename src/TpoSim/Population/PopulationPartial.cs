namespace TpoSim.Population;

/// <summary>
/// The reduced result of a range of subject slots (a shard): one reducer per arm, the candidates screened, and whether the
/// leading slots showed the inclusion rule impossible. <see cref="PopulationRunner.Combine"/> joins ranges that tile the run.
/// </summary>
/// <param name="Definition">The population run.</param>
/// <param name="Subjects">N, the run's subject count (slots).</param>
/// <param name="Slots">The slots held.</param>
/// <param name="Reducers">One reducer per arm (one without arms), subjects numbered from 0 within the range.</param>
/// <param name="Screened">Candidates screened in these slots.</param>
public sealed record PopulationPartial(PopulationDefinition Definition, int Subjects, Sensitivity.RunRange Slots, IReadOnlyList<PopulationReducer> Reducers, int Screened)
{
    /// <summary>True when no candidate of the leading slots met the inclusion rule: the run stops, with no subject.</summary>
    public bool RuleImpossible { get; init; }
}
