namespace TpoSim.Sensitivity;

/// <summary>The indices of one output at one sample size (a convergence step).</summary>
/// <param name="Samples">Samples used (N/4, N/2 or N).</param>
/// <param name="Indices">The indices.</param>
public sealed record ConvergenceStep(int Samples, IndexTable Indices);

/// <summary>The result of a global analysis: for each output its indices at N/4, N/2 and N (the last is the answer).</summary>
/// <param name="Config">What was analysed.</param>
/// <param name="Outputs">Outputs of every run, in run order.</param>
/// <param name="Convergence">Per output, the steps at N/4, N/2 and N.</param>
public sealed record GlobalSensitivityResult(GlobalConfig Config, double[][] Outputs, IReadOnlyList<IReadOnlyList<ConvergenceStep>> Convergence)
{
    /// <summary>The final indices of output <paramref name="output"/>.</summary>
    public IndexTable Final(int output) => Convergence[output][^1].Indices;

    /// <summary>Runs whose outputs were all non-finite (failed or rejected).</summary>
    public int FailedRuns => Outputs.Count(o => o.All(v => !double.IsFinite(v)));
}
