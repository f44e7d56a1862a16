using TpoSim.Numerics.LinearAlgebra;
using TpoSim.Numerics.Ode;

namespace TpoSim.Numerics.SteadyState;

internal enum NewtonOutcome { Converged, Failed, NonFiniteStart }

/// <summary>
/// Damped Newton for f(T0, y) = 0 with a weighted RMS norm (weights atol_i + rtol·|y_i| of the current
/// iterate). Converged when the Newton correction itself is within tolerance (‖Δ‖_w ≤ 1); that last
/// correction is applied, so the returned state is better still. Work arrays are reused across runs.
/// </summary>
internal sealed class NewtonIteration
{
    private const double Armijo = 1e-4, MinLambda = 1.0 / 1024;

    private readonly RightHandSide _f;
    private readonly JacobianFunction? _jacobian;
    private readonly FiniteDifferenceJacobian? _fd;
    private readonly IterationMatrix _matrix;
    private readonly double _t, _rtol;
    private readonly double[] _atol, _jac, _fy, _ftrial, _dy, _ytrial, _w;
    private readonly int _maxIterations;

    public NewtonIteration(OdeProblem problem, SteadyStateOptions options)
    {
        int n = problem.Dimension;
        _f = problem.F;
        _t = problem.T0;
        _rtol = options.RelativeTolerance;
        _jacobian = problem.Jacobian;
        // This thread's spare workspace of this sparsity when it has one (a population solves one or more steady states
        // per candidate, each with the n×n Jacobian, the LU values and five n-vectors: ≈ 30 KB of the TPO model); Factor
        // re-forms every entry, J is cleared per iteration and every vector is written before it is read, so a reused
        // workspace gives the bits of a new one. A trial screens on models of two structures (with and without its drug),
        // hence a few spares per thread rather than one.
        _pattern = problem.Structure is JacobianStructure.SparseStructure ? SparsityPattern.For(problem.Structure, n) : null;
        if (_pattern is not null && TakeSpare(_pattern) is { } spare)
        {
            _workspace = spare;
            (_matrix, _jac, _fy, _ftrial, _dy, _ytrial, _w, _atol) = (spare.Matrix, spare.Jacobian, spare.Fy, spare.FTrial, spare.Dy, spare.YTrial, spare.W, spare.Atol);
        }
        else
        {
            _matrix = IterationMatrix.Create(problem.Structure, n);
            _jac = new double[n * n];
            _fy = new double[n]; _ftrial = new double[n]; _dy = new double[n]; _ytrial = new double[n]; _w = new double[n]; _atol = new double[n];
        }
        if (options.AbsoluteTolerances is { } a) a.Span.CopyTo(_atol); else Array.Fill(_atol, options.AbsoluteTolerance);
        if (_jacobian is null) _fd = new FiniteDifferenceJacobian(SparsityPattern.For(problem.Structure, n), _atol, _rtol);
        _maxIterations = options.MaxNewtonIterations;
    }

    private readonly SparsityPattern? _pattern;
    private readonly Workspace? _workspace;

    private sealed record Workspace(SparsityPattern Pattern, IterationMatrix Matrix, double[] Jacobian, double[] Fy, double[] FTrial, double[] Dy, double[] YTrial, double[] W, double[] Atol);

    /// <summary>Spare workspaces per thread: one per sparsity pattern in use, at most <see cref="MaxSpares"/>, most recent last.</summary>
    [ThreadStatic] private static List<Workspace>? t_spares;

    private const int MaxSpares = 4;

    private static Workspace? TakeSpare(SparsityPattern pattern)
    {
        if (t_spares is not { } spares) return null;
        for (var i = 0; i < spares.Count; i++)
        {
            if (!ReferenceEquals(spares[i].Pattern, pattern)) continue;
            var w = spares[i];
            spares.RemoveAt(i);
            return w;
        }
        return null;
    }

    /// <summary>Hands the Jacobian and factorisation workspace back as this thread's spare; the iteration must not run again.</summary>
    public void Release()
    {
        if (_pattern is null) return;
        var spares = t_spares ??= new List<Workspace>(MaxSpares);
        if (spares.Count == MaxSpares) spares.RemoveAt(0);
        spares.Add(_workspace ?? new Workspace(_pattern, _matrix, _jac, _fy, _ftrial, _dy, _ytrial, _w, _atol));
    }

    /// <summary>Newton iterations so far (all runs).</summary>
    public int Iterations { get; private set; }

    /// <summary>Why the last run failed, in words.</summary>
    public string FailureReason { get; private set; } = "";

    public double ResidualNorm(ReadOnlySpan<double> y)
    {
        _f(_t, y, _ftrial);
        SetWeights(y);
        return Norm(_ftrial);
    }

    private void SetWeights(ReadOnlySpan<double> y)
    {
        for (int i = 0; i < _w.Length; i++) _w[i] = 1.0 / (_atol[i] + _rtol * Math.Abs(y[i]));
    }

    private double Norm(ReadOnlySpan<double> v)
    {
        double s = 0;
        for (int i = 0; i < v.Length; i++) { double q = v[i] * _w[i]; s += q * q; }
        double r = Math.Sqrt(s / v.Length);
        return double.IsFinite(r) ? r : double.NaN;
    }

    public NewtonOutcome Run(ReadOnlySpan<double> start, out double[] result)
    {
        int n = _fy.Length;
        double[] y = start.ToArray();
        result = y;
        _f(_t, y, _fy);
        foreach (double v in _fy) if (!double.IsFinite(v)) { FailureReason = "f is not finite at the starting state"; return NewtonOutcome.NonFiniteStart; }
        for (int iter = 0; iter < _maxIterations; iter++)
        {
            Iterations++;
            Array.Clear(_jac);
            if (_jacobian is not null) _jacobian(_t, y, _jac);
            else _fd!.Compute(_f, _t, y, _fy, _jac);
            if (!_matrix.Factor(0, 1, _jac))
            {
                FailureReason = $"singular Jacobian at iteration {iter + 1}";
                return NewtonOutcome.Failed;
            }
            for (int i = 0; i < n; i++) _dy[i] = -_fy[i];
            _matrix.Solve(_dy);
            SetWeights(y);
            double stepNorm = Norm(_dy);
            if (double.IsNaN(stepNorm)) { FailureReason = "non-finite Newton correction"; return NewtonOutcome.Failed; }
            double phi0 = Norm(_fy);
            double lambda = 1;
            while (true)
            {
                for (int i = 0; i < n; i++) _ytrial[i] = y[i] + lambda * _dy[i];
                _f(_t, _ytrial, _ftrial);
                double phi = Norm(_ftrial);
                if (!double.IsNaN(phi) && (phi <= (1 - Armijo * lambda) * phi0 || stepNorm * lambda <= 1)) break;
                lambda *= 0.5;
                if (lambda < MinLambda)
                {
                    FailureReason = $"line search stalled at iteration {iter + 1} (‖f‖_w = {phi0:G3}: a local minimum of ‖f‖ that is not a root, or a poor Jacobian)";
                    return NewtonOutcome.Failed;
                }
            }
            _ytrial.AsSpan().CopyTo(y);
            _ftrial.AsSpan().CopyTo(_fy);
            if (lambda == 1 && stepNorm <= 1) { FailureReason = ""; return NewtonOutcome.Converged; }
        }
        FailureReason = $"no convergence in {_maxIterations} iterations";
        return NewtonOutcome.Failed;
    }
}
