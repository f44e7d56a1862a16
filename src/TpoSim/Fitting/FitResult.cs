namespace TpoSim.Fitting;

/// <summary>One estimated parameter: the MAP value and its 95% Laplace interval (on the log scale, so asymmetric).</summary>
/// <param name="Parameter">The parameter and its prior.</param>
/// <param name="Eta">MAP η.</param>
/// <param name="EtaSd">Posterior SD of η (Laplace).</param>
public sealed record ParameterEstimate(FitParameter Parameter, double Eta, double EtaSd)
{
    /// <summary>z of a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>MAP value.</summary>
    public double Value => Parameter.ValueAt(Eta);
    /// <summary>Lower 95% limit.</summary>
    public double Lower => Parameter.ValueAt(Eta - Z95 * EtaSd);
    /// <summary>Upper 95% limit.</summary>
    public double Upper => Parameter.ValueAt(Eta + Z95 * EtaSd);
    /// <summary>Posterior SD over prior SD of η: near 1 the data say little about the parameter (shrinkage to the prior).</summary>
    public double PosteriorToPriorSd => EtaSd / Parameter.Omega;
}

/// <summary>
/// The solution of a MAP fit: η̂, the Laplace covariance (inverse Hessian of the objective in η), the estimates and how
/// the optimizer ended. <see cref="Converged"/> false means the estimates must not be used.
/// </summary>
/// <param name="Eta">MAP η.</param>
/// <param name="Covariance">Laplace covariance of η (row-major, Dimension × Dimension); null when the Hessian is not positive definite.</param>
/// <param name="Objective">Negative log posterior at η̂.</param>
/// <param name="Converged">True when the optimizer met its tolerance and the Hessian is positive definite.</param>
/// <param name="Message">How the optimizer ended, in one line.</param>
/// <param name="Optimizer">Which optimizer produced η̂.</param>
/// <param name="Iterations">Optimizer iterations.</param>
/// <param name="Evaluations">Simulations run.</param>
public sealed record FitResult(double[] Eta, double[,]? Covariance, double Objective, bool Converged, string Message, string Optimizer, int Iterations, long Evaluations)
{
    /// <summary>The problem solved.</summary>
    public required FitProblem Problem { get; init; }

    /// <summary>Estimates with 95% intervals (SD 0 when the covariance is missing).</summary>
    public IReadOnlyList<ParameterEstimate> Estimates =>
        Problem.Prior.Parameters.Select((p, j) => new ParameterEstimate(p, Eta[j], Covariance is null ? 0 : Math.Sqrt(Covariance[j, j]))).ToArray();

    /// <summary>MAP parameter values, in the prior's order.</summary>
    public double[] Values => Problem.ValuesAt(Eta);
}
