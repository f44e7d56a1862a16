namespace TpoSim.Population;

/// <summary>A published value of a population endpoint, shown beside the simulated one.</summary>
/// <param name="Value">The published value (fractions 0–1, as the statistic).</param>
/// <param name="Low">Lower end of its published interval, or null.</param>
/// <param name="High">Upper end of its published interval, or null.</param>
/// <param name="Text">What the paper reports, with its source (e.g. "69/83 = 83%, Kuter 2008").</param>
public sealed record PublishedEndpoint(double Value, double? Low, double? High, string Text);

/// <summary>
/// An endpoint a population file declares (its <c>endpoints</c> list): one of <see cref="PopulationMetrics.Names"/>, or
/// one it defines by kind and parameters (<see cref="Defined"/>), optionally with the published value. <c>tposim population</c> reports the declared endpoints in their order, and only
/// those; a file that declares none gets <see cref="PopulationMetrics.Descriptive"/>, never an ITP trial's metrics.
/// </summary>
/// <param name="Statistic">The statistic's name, as in metrics.json (a defined endpoint's own name).</param>
/// <param name="Published">The published value, or null.</param>
public sealed record PopulationEndpoint(string Statistic, PublishedEndpoint? Published = null)
{
    /// <summary>The endpoint's definition when the file defines it by kind (a share of subjects), or null for a fixed statistic.</summary>
    public DefinedEndpoint? Defined { get; init; }

    /// <summary>The endpoint's unit ("fraction" for a share 0–1).</summary>
    public string Unit => Defined is not null ? "fraction" : PopulationMetrics.UnitOf(Statistic) ?? "";
}
