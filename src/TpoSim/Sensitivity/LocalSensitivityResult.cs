namespace TpoSim.Sensitivity;

/// <summary>The sensitivity of one output to one parameter.</summary>
/// <param name="Derivative">d output / d ln p (Richardson-extrapolated), in the output's unit.</param>
/// <param name="Normalised">∂ ln output / ∂ ln p = Derivative / output (NaN when the output is 0 or undefined).</param>
/// <param name="NormalisedStepH">The normalised estimate at step h alone.</param>
/// <param name="NormalisedStepHalf">The normalised estimate at step h/2 alone.</param>
/// <param name="ErrorEstimate">Estimated error of <paramref name="Normalised"/>: |S(h/2) − S(h)| / 3.</param>
/// <param name="Reliable">True when the error check passes (the estimate is smooth at this step).</param>
public readonly record struct LocalSensitivity(double Derivative, double Normalised, double NormalisedStepH, double NormalisedStepHalf, double ErrorEstimate, bool Reliable);

/// <summary>The local sensitivities of every output to every parameter at the nominal point.</summary>
/// <param name="Problem">The problem analysed.</param>
/// <param name="Options">How it was differentiated.</param>
/// <param name="BaseOutputs">Outputs at the nominal point.</param>
/// <param name="Schemes">Difference scheme per parameter.</param>
/// <param name="Values">Values[parameter][output].</param>
/// <param name="Runs">Model evaluations made.</param>
public sealed record LocalSensitivityResult(SensitivityProblem Problem, LocalSensitivityOptions Options, double[] BaseOutputs,
    IReadOnlyList<DifferenceScheme> Schemes, LocalSensitivity[][] Values, int Runs)
{
    /// <summary>Parameter indices ordered by |normalised sensitivity| of output <paramref name="output"/>, largest first (undefined last, ties by name).</summary>
    public int[] Ranking(int output) => Enumerable.Range(0, Problem.Parameters.Count)
        .OrderByDescending(i => double.IsFinite(Values[i][output].Normalised) ? Math.Abs(Values[i][output].Normalised) : -1)
        .ThenBy(i => Problem.Parameters[i].Name, StringComparer.Ordinal).ToArray();
}
