using TpoSim.Numerics.Ode;

namespace TpoSim.Model;

/// <summary>
/// A <see cref="ModelDefinition"/> compiled once (<see cref="ModelCompiler.Compile"/>): immutable, stateless and safe to
/// share between threads. Every function takes the parameter vector p explicitly (declared parameters, then derived
/// ones, <see cref="ParameterNames"/>), so one compiled model serves every patient, subject and fit iteration.
/// It knows no solver: <see cref="RightHandSide"/> and <see cref="JacobianFunction"/> bind a parameter vector for one.
/// </summary>
public sealed class CompiledModel
{
    private readonly ModelFunction _rhs, _jacobianValues, _jacobianDense, _observables, _derive, _initial;
    private readonly Dictionary<string, int> _stateIndex, _parameterIndex;

    internal CompiledModel(
        ModelDefinition definition, IReadOnlyList<string> parameterNames, IReadOnlyList<VariableDefinition> observables,
        SparseJacobianPattern pattern, ModelFunction rhs, ModelFunction jacobianValues, ModelFunction jacobianDense,
        ModelFunction observableFunction, ModelFunction derive, ModelFunction initial)
    {
        Definition = definition;
        StateNames = definition.States.Select(s => s.Name).ToArray();
        ParameterNames = parameterNames;
        Observables = observables;
        ObservableNames = observables.Select(o => o.Name).ToArray();
        JacobianPattern = pattern;
        _rhs = rhs;
        _jacobianValues = jacobianValues;
        _jacobianDense = jacobianDense;
        _observables = observableFunction;
        _derive = derive;
        _initial = initial;
        _stateIndex = StateNames.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        _parameterIndex = parameterNames.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
    }

    /// <summary>The definition this was compiled from.</summary>
    public ModelDefinition Definition { get; }

    /// <summary>Number of states.</summary>
    public int Dimension => StateNames.Count;

    /// <summary>State names in vector order.</summary>
    public IReadOnlyList<string> StateNames { get; }

    /// <summary>Parameter names in vector order: the declared parameters, then the derived ones.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Number of declared parameters (the first entries of p).</summary>
    public int DeclaredParameterCount => Definition.Parameters.Count;

    /// <summary>The observables, in <see cref="ComputeObservables"/> order.</summary>
    public IReadOnlyList<VariableDefinition> Observables { get; }

    /// <summary>Observable names, in <see cref="ComputeObservables"/> order.</summary>
    public IReadOnlyList<string> ObservableNames { get; }

    /// <summary>Structural non-zeros of ∂f/∂y.</summary>
    public SparseJacobianPattern JacobianPattern { get; }

    /// <summary>Index of state <paramref name="name"/>, or −1.</summary>
    public int StateIndex(string name) => _stateIndex.GetValueOrDefault(name, -1);

    /// <summary>Index of parameter <paramref name="name"/> in p, or −1.</summary>
    public int ParameterIndex(string name) => _parameterIndex.GetValueOrDefault(name, -1);

    /// <summary>
    /// A parameter vector: declared defaults, with <paramref name="overrides"/> (by name) applied, then the derived
    /// parameters computed from them.
    /// </summary>
    /// <exception cref="ArgumentException">An override names no declared parameter.</exception>
    public double[] CreateParameters(IReadOnlyDictionary<string, double>? overrides = null)
    {
        var p = new double[ParameterNames.Count];
        for (var k = 0; k < Definition.Parameters.Count; k++) p[k] = Definition.Parameters[k].Value;
        if (overrides is not null)
        {
            foreach (var (name, value) in overrides)
            {
                var k = ParameterIndex(name);
                if (k < 0 || k >= DeclaredParameterCount) throw new ArgumentException($"'{name}' is not a declared parameter of {Definition.Name}.", nameof(overrides));
                p[k] = value;
            }
        }
        DeriveParameters(p);
        return p;
    }

    /// <summary>Recomputes the derived entries of <paramref name="p"/> from its declared entries.</summary>
    public void DeriveParameters(Span<double> p)
    {
        CheckLength(p.Length, ParameterNames.Count, nameof(p));
        _derive(0, default, p, p);
    }

    /// <summary>Writes the initial (day-0) state for parameters <paramref name="p"/> into <paramref name="y"/>.</summary>
    public void InitialState(ReadOnlySpan<double> p, Span<double> y)
    {
        CheckLength(p.Length, ParameterNames.Count, nameof(p));
        CheckLength(y.Length, Dimension, nameof(y));
        _initial(0, default, p, y);
    }

    /// <summary>dy/dt at (t, y) for parameters p. Allocation-free.</summary>
    public void Derivative(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> p, Span<double> dydt) => _rhs(t, y, p, dydt);

    /// <summary>The structural non-zeros of ∂f/∂y at (t, y), in <see cref="JacobianPattern"/> order. Allocation-free.</summary>
    public void JacobianValues(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> p, Span<double> values) => _jacobianValues(t, y, p, values);

    /// <summary>
    /// ∂f/∂y at (t, y) written row-major into <paramref name="jacobian"/> (length n·n): structural entries only, so the
    /// caller zeroes it first (as the solvers do, <see cref="JacobianFunction"/>). Allocation-free.
    /// </summary>
    public void Jacobian(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> p, Span<double> jacobian) => _jacobianDense(t, y, p, jacobian);

    /// <summary>Every observable at (t, y), in <see cref="ObservableNames"/> order.</summary>
    public void ComputeObservables(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> p, Span<double> values) => _observables(t, y, p, values);

    /// <summary>The right-hand side with parameter vector <paramref name="p"/> bound (read live: edits of p are seen).</summary>
    public RightHandSide RightHandSide(double[] p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var f = _rhs;
        return (t, y, dydt) => f(t, y, p, dydt);
    }

    /// <summary>The analytic Jacobian with parameter vector <paramref name="p"/> bound.</summary>
    public JacobianFunction JacobianFunction(double[] p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var j = _jacobianDense;
        return (t, y, jac) => j(t, y, p, jac);
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected) throw new ArgumentException($"Length {actual} does not match {expected}.", name);
    }
}
