namespace TpoSim.Numerics.Ode;

/// <summary>
/// An initial value problem y' = f(t, y), y(T0) = y0, on [T0, TEnd]. Plain data: it says nothing about
/// how it is integrated (the problem / solver / solution split of DifferentialEquations.jl).
/// </summary>
public sealed record OdeProblem
{
    /// <summary>Creates a problem; throws <see cref="ArgumentException"/> for inconsistent arguments (programmer errors).</summary>
    public OdeProblem(RightHandSide f, ReadOnlyMemory<double> initialState, double t0, double tEnd)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (initialState.Length == 0) throw new ArgumentException("The state must have at least one component.", nameof(initialState));
        if (!double.IsFinite(t0) || !double.IsFinite(tEnd)) throw new ArgumentException("T0 and TEnd must be finite.");
        if (tEnd < t0) throw new ArgumentException($"TEnd ({tEnd}) must not precede T0 ({t0}).", nameof(tEnd));
        F = f;
        InitialState = initialState;
        T0 = t0;
        TEnd = tEnd;
    }

    /// <summary>
    /// A problem y' = f(t, y, p) with the parameter vector <paramref name="parameters"/> carried by the problem: the
    /// right-hand side and the Jacobian read it live, and events edit it (<see cref="EventAction"/>). The array is the
    /// solve's working copy: give each concurrent solve its own.
    /// </summary>
    public OdeProblem(ParametricRightHandSide f, ParametricJacobianFunction? jacobian, double[] parameters, ReadOnlyMemory<double> initialState, double t0, double tEnd)
        : this(Bind(f, parameters), initialState, t0, tEnd)
    {
        Parameters = parameters;
        if (jacobian is not null) Jacobian = (t, y, jac) => jacobian(t, y, parameters, jac);
    }

    private static RightHandSide Bind(ParametricRightHandSide f, double[] parameters)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(parameters);
        return (t, y, dydt) => f(t, y, parameters, dydt);
    }

    /// <summary>The parameter vector p the right-hand side reads and events may edit; empty for a problem without one.</summary>
    public double[] Parameters { get; init; } = [];

    /// <summary>Right-hand side f(t, y, dydt).</summary>
    public RightHandSide F { get; init; }

    /// <summary>Optional analytic Jacobian; a finite-difference one is used when null.</summary>
    public JacobianFunction? Jacobian { get; init; }

    /// <summary>Declared Jacobian sparsity; <see cref="JacobianStructure.Dense"/> by default.</summary>
    public JacobianStructure Structure { get; init; } = JacobianStructure.Dense;

    /// <summary>y(T0).</summary>
    public ReadOnlyMemory<double> InitialState { get; init; }

    /// <summary>Start of the span.</summary>
    public double T0 { get; init; }

    /// <summary>End of the span (≥ T0).</summary>
    public double TEnd { get; init; }

    /// <summary>Number of state components.</summary>
    public int Dimension => InitialState.Length;
}
