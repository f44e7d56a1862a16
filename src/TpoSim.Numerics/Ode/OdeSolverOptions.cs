namespace TpoSim.Numerics.Ode;

/// <summary>Tolerances and step controls shared by every solver. Immutable; use <c>with</c> to vary.</summary>
public sealed record OdeSolverOptions
{
    /// <summary>Relative tolerance (&gt; 0).</summary>
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>Scalar absolute tolerance (&gt; 0), used when <see cref="AbsoluteTolerances"/> is null.</summary>
    public double AbsoluteTolerance { get; init; } = 1e-8;

    /// <summary>Per-component absolute tolerances (length = dimension), overriding <see cref="AbsoluteTolerance"/>.</summary>
    public ReadOnlyMemory<double>? AbsoluteTolerances { get; init; }

    /// <summary>Maximum number of attempted steps before the solve stops with <see cref="SolverStatus.MaxSteps"/>.</summary>
    public int MaxSteps { get; init; } = 500_000;

    /// <summary>First step size to try; chosen automatically (Hairer–Wanner's starting-step algorithm) when null.</summary>
    public double? InitialStep { get; init; }

    /// <summary>Smallest allowed step; below it the solve stops with <see cref="SolverStatus.StepSizeTooSmall"/>. 0 means limited only by round-off.</summary>
    public double MinStep { get; init; }

    /// <summary>Largest allowed step.</summary>
    public double MaxStep { get; init; } = double.PositiveInfinity;

    /// <summary>
    /// Keep every accepted step and its interpolant (dense output at any t). Set false for flat memory
    /// (e.g. large populations) and read values at <see cref="SaveAt"/> only.
    /// </summary>
    public bool KeepSteps { get; init; } = true;

    /// <summary>
    /// Whether <see cref="OdeSolution.Events"/> lists every event that fired (default). A caller that reads only the outputs
    /// (a population subject fires ≈ 50 titration events a run) turns it off and saves an object per event.
    /// </summary>
    public bool RecordEvents { get; init; } = true;

    /// <summary>Optional ascending output times; the solution holds the state at each (from dense output, after any event at that time).</summary>
    public ReadOnlyMemory<double>? SaveAt { get; init; }

    /// <summary>
    /// When set, each <see cref="SaveAt"/> state is handed to this callback as the solver reaches it instead of being stored
    /// (<see cref="OdeSolution.SavedTimes"/> still lists the times; <see cref="OdeSolution.SavedStateAt"/> then has none).
    /// One solve over many events can so report outputs that depend on the parameters each event sets, without a solve
    /// per event interval and without n doubles per output point.
    /// </summary>
    public SaveAction? OnSave { get; init; }

    /// <summary>Cooperative cancellation, checked once per step; a cancelled solve returns <see cref="SolverStatus.Cancelled"/>.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// Rosenbrock iteration matrices of a sparse pattern with a dense block that may be rank one (in the TPO model, the
    /// progenitor rows against every coupling column) are factored as the rest plus a rank-one term and solved by the
    /// Sherman–Morrison formula; the rank is checked at every factorisation, which otherwise uses the plain sparse LU.
    /// False: always the plain sparse LU (for comparisons; docs/performance.md, "Linear algebra and the model's structure").
    /// </summary>
    public bool RankOneSolve { get; init; } = true;

    /// <summary>
    /// Test hook: when set, every step has this size and is accepted without error control (the last
    /// step before TEnd or an event is shortened). Used to measure observed convergence orders.
    /// </summary>
    internal double? FixedStep { get; init; }
}
