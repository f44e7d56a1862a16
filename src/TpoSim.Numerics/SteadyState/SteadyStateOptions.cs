using TpoSim.Numerics.Ode;

namespace TpoSim.Numerics.SteadyState;

/// <summary>Tolerances and limits of <see cref="SteadyStateSolver"/>. Immutable; use <c>with</c> to vary.</summary>
public sealed record SteadyStateOptions
{
    /// <summary>Relative tolerance on the state (&gt; 0): Newton stops when its correction is below atol_i + rtol·|y_i| in the RMS sense.</summary>
    public double RelativeTolerance { get; init; } = 1e-8;

    /// <summary>Scalar absolute tolerance (&gt; 0), used when <see cref="AbsoluteTolerances"/> is null.</summary>
    public double AbsoluteTolerance { get; init; } = 1e-10;

    /// <summary>Per-component absolute tolerances (length = dimension), overriding <see cref="AbsoluteTolerance"/>.</summary>
    public ReadOnlyMemory<double>? AbsoluteTolerances { get; init; }

    /// <summary>Newton iterations per attempt (each with a fresh Jacobian).</summary>
    public int MaxNewtonIterations { get; init; } = 50;

    /// <summary>Length of the first integration chunk, in the model's time unit.</summary>
    public double InitialIntegrationTime { get; init; } = 1.0;

    /// <summary>Factor by which each further chunk is longer than the previous one (&gt; 1).</summary>
    public double IntegrationGrowth { get; init; } = 10.0;

    /// <summary>Total integration time after which the search gives up.</summary>
    public double MaxIntegrationTime { get; init; } = 1e10;

    /// <summary>
    /// Relative tolerance of the integration phase, or null for <see cref="RelativeTolerance"/>. The phase only has to bring
    /// the state into Newton's basin, which then polishes it to <see cref="RelativeTolerance"/>, so a looser value saves
    /// most of its cost on long searches.
    /// </summary>
    public double? IntegrationRelativeTolerance { get; init; }

    /// <summary>The stiff solver used for the integration phase; <see cref="SolverRegistry.Default"/> when null.</summary>
    public IOdeSolver? Solver { get; init; }

    /// <summary>Cooperative cancellation, checked between Newton iterations and integration chunks (and per step inside them).</summary>
    public CancellationToken Cancellation { get; init; }
}
