namespace TpoSim.Numerics.Ode.Solvers;

/// <summary>What went wrong in one step attempt (besides a too-large error, which the error norm says).</summary>
internal enum AttemptResult
{
    /// <summary>The stages were computed; the error norm decides acceptance.</summary>
    Computed,
    /// <summary>f returned NaN or ±∞ at the start point itself (shrinking h cannot help).</summary>
    NonFiniteAtStart,
    /// <summary>The iteration matrix could not be factored at this h.</summary>
    SingularMatrix,
    /// <summary>The analytic Jacobian at the start point contains NaN or ±∞.</summary>
    NonFiniteJacobian,
    /// <summary>f was not finite at a point perturbed from the start (finite-difference Jacobian or ∂f/∂t).</summary>
    NonFiniteNearStart,
    /// <summary>The Newton iteration of an implicit method diverged or converged too slowly; <see cref="Stepper.Propose"/> with err = +∞ gives the reduced step.</summary>
    NewtonFailed,
}

/// <summary>
/// One integration method's single-step machinery: attempt, error estimate, dense-output coefficients and
/// step-size proposal. The <see cref="IntegrationDriver"/> owns time, events, output and termination.
/// All work arrays are allocated in the constructor, so steps do not allocate.
/// </summary>
internal abstract class Stepper
{
    protected Stepper(OdeProblem problem)
    {
        F = problem.F;
        N = problem.Dimension;
    }

    /// <summary>The right-hand side; rebound when a pooled stepper serves another problem of the same shape.</summary>
    protected RightHandSide F;
    protected readonly int N;

    /// <summary>Zeroes the work counters (a pooled stepper starting another solve).</summary>
    protected void ResetCounters()
    {
        FunctionEvaluations = 0;
        JacobianEvaluations = 0;
        LuDecompositions = 0;
        LinearSolves = 0;
    }

    public long FunctionEvaluations;
    public int JacobianEvaluations;
    public int LuDecompositions;
    public long LinearSolves;

    /// <summary>Exponent base for the initial-step heuristic (order of the error estimate + 1).</summary>
    public abstract int Order { get; }

    /// <summary>
    /// Attempts a step of size <paramref name="h"/> from (t, y), writing the propagated solution to
    /// <paramref name="yNew"/> and the weighted error norm to <paramref name="err"/> (NaN when any stage
    /// was not finite).
    /// </summary>
    public abstract AttemptResult Attempt(double t, double h, ReadOnlySpan<double> y, Span<double> yNew, ErrorNorm norm, out double err);

    /// <summary>
    /// For the step just attempted and accepted: writes the dense-output coefficients b1..b4 (4·n values)
    /// of y(t + θh) = y0 + θ(b1 + θ(b2 + θ(b3 + θ·b4))), and advances internal state (FSAL, stiffness test).
    /// </summary>
    public abstract void Accept(double h, ReadOnlySpan<double> y, ReadOnlySpan<double> yNew, Span<double> dense);

    /// <summary>Proposes the next step size after an attempt with error norm <paramref name="err"/>.</summary>
    public abstract double Propose(double h, double err, bool accepted);

    /// <summary>The next step will not start at the end of the last accepted one (a located event truncated it): drop cached f / Jacobian.</summary>
    public abstract void InvalidateStart();

    /// <summary>A discontinuity (event action or method switch): forget cached values and the controller's memory.</summary>
    public virtual void Restart() => InvalidateStart();

    /// <summary>Stiffness was detected (only the explicit method reports it).</summary>
    public virtual bool StiffnessDetected => false;

    /// <summary>Evaluates the dense output: y0 + θ(b1 + θ(b2 + θ(b3 + θ·b4))) for one component.</summary>
    public static double Evaluate(double y0, double b1, double b2, double b3, double b4, double theta) =>
        y0 + theta * (b1 + theta * (b2 + theta * (b3 + theta * b4)));

    /// <summary>Evaluates the dense output of a step at fraction θ into <paramref name="destination"/>.</summary>
    public static void Evaluate(ReadOnlySpan<double> y0, ReadOnlySpan<double> dense, double theta, Span<double> destination)
    {
        int n = y0.Length;
        for (int i = 0; i < n; i++)
            destination[i] = Evaluate(y0[i], dense[i], dense[n + i], dense[2 * n + i], dense[3 * n + i], theta);
    }
}
