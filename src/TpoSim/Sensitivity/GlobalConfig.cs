namespace TpoSim.Sensitivity;

/// <summary>
/// Everything that defines a global analysis apart from the model itself: with the outputs of its runs it determines
/// every result file, which is what lets shards run apart and <c>tposim merge</c> rebuild the one-machine result.
/// </summary>
/// <param name="Title">What was analysed (the scenario's name).</param>
/// <param name="Source">Where it came from (file, and for a population file the note that its base scenario is used).</param>
/// <param name="Method">Morris or Sobol.</param>
/// <param name="Samples">Sobol' base samples N, or Morris trajectories r.</param>
/// <param name="Seed">Seed of the design and the bootstrap.</param>
/// <param name="Bootstrap">Bootstrap resamples for the confidence intervals.</param>
/// <param name="Levels">Morris grid levels p (ignored for Sobol).</param>
/// <param name="Parameters">The inputs with their distributions.</param>
/// <param name="Outputs">The endpoints.</param>
public sealed record GlobalConfig(string Title, string Source, GlobalMethod Method, int Samples, long Seed, int Bootstrap, int Levels,
    IReadOnlyList<SensitivityParameter> Parameters, IReadOnlyList<SensitivityOutput> Outputs)
{
    /// <summary>Default bootstrap resamples.</summary>
    public const int DefaultBootstrap = 500;

    /// <summary>The design this configuration defines.</summary>
    public GlobalDesign Design() => Method == GlobalMethod.Sobol
        ? new SaltelliDesign(Parameters.Count, Samples, Seed)
        : new MorrisDesign(Parameters.Count, Samples, Seed, Levels);

    /// <summary>Method name as written ("sobol", "morris").</summary>
    public string MethodName => Method == GlobalMethod.Sobol ? "sobol" : "morris";

    /// <summary>Runs of the whole design.</summary>
    public int Runs => Samples * (Parameters.Count + (Method == GlobalMethod.Sobol ? 2 : 1));
}
