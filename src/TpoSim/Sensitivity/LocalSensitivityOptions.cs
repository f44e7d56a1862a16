namespace TpoSim.Sensitivity;

/// <summary>How a local analysis differentiates.</summary>
/// <param name="LogStep">Step h in ln p: the runs use p·e^(±h) and p·e^(±h/2) (default 0.02, i.e. ±2% and ±1%).</param>
/// <param name="Threads">Worker threads (≥ 1); the result does not depend on it.</param>
public sealed record LocalSensitivityOptions(double LogStep = 0.02, int Threads = 1)
{
    /// <summary>
    /// The error check: an estimate is flagged unreliable when its estimated error (the Richardson difference) exceeds
    /// this share of |S| plus <see cref="AbsoluteTolerance"/>.
    /// </summary>
    public double RelativeTolerance { get; init; } = 0.01;

    /// <summary>Absolute part of the error check, in units of the normalised sensitivity.</summary>
    public double AbsoluteTolerance { get; init; } = 1e-4;

    /// <summary>Cancels between runs.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Receives the fraction of runs done (0–1).</summary>
    public IProgress<double>? Progress { get; init; }
}
