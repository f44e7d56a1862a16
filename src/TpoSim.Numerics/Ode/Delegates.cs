namespace TpoSim.Numerics.Ode;

/// <summary>Right-hand side of dy/dt = f(t, y). Must write every element of <paramref name="dydt"/> and must not allocate.</summary>
/// <param name="t">Independent variable (the caller's time unit).</param>
/// <param name="y">State, length = problem dimension.</param>
/// <param name="dydt">Destination for f(t, y), same length.</param>
public delegate void RightHandSide(double t, ReadOnlySpan<double> y, Span<double> dydt);

/// <summary>
/// Analytic Jacobian J[i, j] = ∂f_i/∂y_j written row-major into <paramref name="jacobian"/> (length n·n).
/// The solver zeroes the buffer before the call, so only structural non-zeros need writing.
/// </summary>
public delegate void JacobianFunction(double t, ReadOnlySpan<double> y, Span<double> jacobian);

/// <summary>
/// A discontinuous change applied at an event: an edit of (t, y, p). It may change <paramref name="y"/> and the problem's
/// parameter vector <paramref name="p"/> (<see cref="OdeProblem.Parameters"/>, empty when the problem has none) in place;
/// the right-hand side sees both from the restart on.
/// </summary>
public delegate void EventAction(double t, Span<double> y, Span<double> p);

/// <summary>Right-hand side dy/dt = f(t, y, p) with an explicit parameter vector. Must write every element of <paramref name="dydt"/> and must not allocate.</summary>
public delegate void ParametricRightHandSide(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> p, Span<double> dydt);

/// <summary>Analytic Jacobian ∂f/∂y at (t, y, p), row-major into <paramref name="jacobian"/> (zeroed by the solver first).</summary>
public delegate void ParametricJacobianFunction(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> p, Span<double> jacobian);

/// <summary>A scalar function of the state whose sign change marks a state event.</summary>
public delegate double EventCondition(double t, ReadOnlySpan<double> y);

/// <summary>
/// Receives the state at an output time (<see cref="OdeSolverOptions.SaveAt"/>) as the solver reaches it, after any event
/// at that time; <paramref name="y"/> is valid only during the call. The caller may read the problem's live parameter
/// vector then: it holds every event's edit up to <paramref name="t"/>.
/// </summary>
public delegate void SaveAction(double t, ReadOnlySpan<double> y);
