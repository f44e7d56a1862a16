namespace TpoSim.Forecasting;

/// <summary>What a forecast asks for.</summary>
/// <param name="Weeks">Forecast window after the last observation, weeks.</param>
/// <param name="TargetLow">Lower end of the target range, 10^9/L (default 50).</param>
/// <param name="TargetHigh">Upper end of the target range, 10^9/L (default 150).</param>
/// <param name="MaxRisk">Largest accepted probability that the count exceeds <paramref name="RiskThreshold"/> in the window.</param>
/// <param name="RiskThreshold">The count whose exceedance is the risk, 10^9/L (400: where labels withhold the drug).</param>
/// <param name="Samples">Draws from the posterior per regimen.</param>
/// <param name="Seed">Seed of the draws: the same seed gives the same bytes.</param>
/// <param name="Threads">Worker threads (results do not depend on it).</param>
public sealed record ForecastOptions(
    int Weeks, double TargetLow = 50, double TargetHigh = 150, double MaxRisk = 0.1, double RiskThreshold = 400,
    int Samples = 100, int Seed = 1, int Threads = 1)
{
    /// <summary>Output spacing of the forecast, days.</summary>
    public const double StepDays = 0.5;

    /// <summary>Relative tolerance of every posterior-draw simulation (<see cref="Simulation.SolverChoice.DrawRelativeTolerance"/> by default).</summary>
    public double RelativeTolerance { get; init; } = Simulation.SolverChoice.DrawRelativeTolerance;

    /// <summary>Percentiles of the bands.</summary>
    public static IReadOnlyList<double> Percentiles => Population.PopulationResult.Percentiles;
}
