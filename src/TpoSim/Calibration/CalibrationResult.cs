using TpoSim.Model;

namespace TpoSim.Calibration;

/// <summary>One estimated parameter.</summary>
/// <param name="Definition">The parameter with its literature value (<see cref="ModelParameter.Value"/>) and source.</param>
/// <param name="Value">The estimate, in the parameter's unit.</param>
/// <param name="LogStandardError">Standard error of ln(value) from the inverse Fisher information (∞ when singular).</param>
/// <param name="Low">Lower end of the 95% interval, exp(ln value − 1.96·SE).</param>
/// <param name="High">Upper end of the 95% interval, exp(ln value + 1.96·SE), clipped to the allowed range.</param>
/// <param name="Identifiable">False when the data cannot pin the parameter down (see <see cref="Flag"/>).</param>
/// <param name="Flag">Why the parameter is not identifiable or sits on a bound, else null.</param>
public sealed record ParameterEstimate(ModelParameter Definition, double Value, double LogStandardError, double Low, double High, bool Identifiable, string? Flag)
{
    /// <summary>Approximate standard error in the parameter's unit (value × SE of ln value).</summary>
    public double StandardError => Value * LogStandardError;
}

/// <summary>One target at the estimate and at the literature values.</summary>
/// <param name="Target">The target.</param>
/// <param name="Literature">Simulated with the literature values.</param>
/// <param name="Estimated">Simulated with the estimates.</param>
public sealed record TargetFit(CalibrationTarget Target, double Literature, double Estimated)
{
    /// <summary>Residual at the estimate, (simulated − centre)/σ.</summary>
    public double Residual => (Estimated - Target.Centre) / Target.Sigma;
}

/// <summary>What <c>tposim calibrate</c> found.</summary>
/// <param name="Estimates">The estimates, in the setup's order.</param>
/// <param name="Correlation">Correlation matrix of the estimates (of their logarithms).</param>
/// <param name="Fits">Every target at the literature values and at the estimate.</param>
/// <param name="Cases">Ids of the cases used.</param>
/// <param name="ObjectiveLiterature">Σ residual² at the literature values.</param>
/// <param name="Objective">Σ residual² at the estimate.</param>
/// <param name="Evaluations">Objective evaluations (each runs every calibration case).</param>
/// <param name="Exit">Why the optimiser stopped.</param>
public sealed record CalibrationResult(
    IReadOnlyList<ParameterEstimate> Estimates,
    double[,] Correlation,
    IReadOnlyList<TargetFit> Fits,
    IReadOnlyList<string> Cases,
    double ObjectiveLiterature,
    double Objective,
    int Evaluations,
    string Exit);
