namespace TpoSim.Sensitivity;

/// <summary>
/// Global indices of one output: a value per parameter and index name (e.g. S1 and ST, or μ*, μ and σ) with a bootstrap
/// confidence interval where one is defined (NaN otherwise).
/// </summary>
/// <param name="IndexNames">Names of the indices, in column order.</param>
/// <param name="Values">Values[parameter][index].</param>
/// <param name="Lower">Lower ends of the 95% bootstrap intervals, [parameter][index].</param>
/// <param name="Upper">Upper ends, [parameter][index].</param>
/// <param name="UsedSamples">Base samples (Sobol) or trajectories (Morris) that entered the estimate.</param>
/// <param name="DroppedSamples">Samples left out because a run in them failed or gave an undefined endpoint.</param>
public sealed record IndexTable(IReadOnlyList<string> IndexNames, double[][] Values, double[][] Lower, double[][] Upper, int UsedSamples, int DroppedSamples);
