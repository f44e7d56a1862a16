using TpoSim.Numerics.LinearAlgebra;

namespace TpoSim.Numerics.Ode.Solvers;

/// <summary>
/// Rodas5P: an 8-stage, stiffly accurate Rosenbrock method of order 5 with an embedded order-4 error
/// estimate and an order-4 continuous extension (Steinebach, "Construction of Rosenbrock–Wanner method
/// Rodas5P and numerical benchmarks within the Julia Differential Equations package", BIT Numer. Math.
/// 63 (2023) 27). Coefficients are in the transformed form of Hairer &amp; Wanner II, §IV.7, eq. (7.25):
/// with E = I/(hγ) − J and f_t = ∂f/∂t at (t0, y0), stage i solves
///   E·k_i = f(t0 + c_i h, y0 + Σ_{j&lt;i} a_ij k_j) + Σ_{j&lt;i} (C_ij / h) k_j + h·d_i·f_t,
/// and y1 = y0 + Σ a_8j k_j + k_8 (stiff accuracy: the last two stages are corrections at t0 + h),
/// with k_8 itself as the error estimate. Omitting the h·d_i·f_t term silently drops the order to 1–2 for
/// non-autonomous problems. Dense output: y(θ) = (1−θ)y0 + θ(y1 + (1−θ)(K1 + θ(K2 + θK3))) with
/// K_r = Σ_j H_rj k_j.
/// </summary>
internal sealed class Rodas5PStepper : Stepper
{
    private const int Stages = 8;
    private const double Gamma = 0.21193756319429014;

    // Row i lists a_ij for j < i; rows 7 and 8 (stiffly accurate corrections) add 1 for the previous stage.
    private static readonly double[] A =
    [
        0, 0, 0, 0, 0, 0, 0, 0,
        3.0, 0, 0, 0, 0, 0, 0, 0,
        2.849394379747939, 0.45842242204463923, 0, 0, 0, 0, 0, 0,
        -6.954028509809101, 2.489845061869568, -10.358996098473584, 0, 0, 0, 0, 0,
        2.8029986275628964, 0.5072464736228206, -0.3988312541770524, -0.04721187230404641, 0, 0, 0, 0,
        -7.502846399306121, 2.561846144803919, -11.627539656261098, -0.18268767659942256, 0.030198172008377946, 0, 0, 0,
        -7.502846399306121, 2.561846144803919, -11.627539656261098, -0.18268767659942256, 0.030198172008377946, 1, 0, 0,
        -7.502846399306121, 2.561846144803919, -11.627539656261098, -0.18268767659942256, 0.030198172008377946, 1, 1, 0,
    ];

    private static readonly double[] C =
    [
        0, 0, 0, 0, 0, 0, 0, 0,
        -14.155112264123755, 0, 0, 0, 0, 0, 0, 0,
        -17.97296035885952, -2.859693295451294, 0, 0, 0, 0, 0, 0,
        147.12150275711716, -1.41221402718213, 71.68940251302358, 0, 0, 0, 0, 0,
        165.43517024871676, -0.4592823456491126, 42.90938336958603, -5.961986721573306, 0, 0, 0, 0,
        24.854864614690072, -3.0009227002832186, 47.4931110020768, 5.5814197821558125, -0.6610691825249471, 0, 0, 0,
        30.91273214028599, -3.1208243349937974, 77.79954646070892, 34.28646028294783, -19.097331116725623, -28.087943162872662, 0, 0,
        37.80277123390563, -3.2571969029072276, 112.26918849496327, 66.9347231244047, -40.06618937091002, -54.66780262877968, -9.48861652309627, 0,
    ];

    private static readonly double[] Cnode = [0, 0.6358126895828704, 0.4095798393397535, 0.9769306725060716, 0.4288403609558664, 1, 1, 1];

    // d_i = Σ_j γ_ij (γ_ii = γ): weights of h·f_t.
    private static readonly double[] D = [0.21193756319429014, -0.42387512638858027, -0.3384627126235924, 1.8046452872882734, 2.325825639765069, 0, 0, 0];

    private static readonly double[] H =
    [
        25.948786856663858, -2.5579724845846235, 10.433815404888879, -2.3679251022685204, 0.524948541321073, 1.1241088310450404, 0.4272876194431874, -0.17202221070155493,
        -9.91568850695171, -0.9689944594115154, 3.0438037242978453, -24.495224566215796, 20.176138334709044, 15.98066361424651, -6.789040303419874, -6.710236069923372,
        11.419903575922262, 2.8879645146136994, 72.92137995996029, 80.12511834622643, -52.072871366152654, -59.78993625266729, -0.15582684282751913, 4.883087185713722,
    ];

    // Step-size control as in Hairer's RODAS: safety 0.9, 0.2 ≤ h_new/h ≤ 6, and the predictive controller of
    // Gustafsson (BIT 34 (1994) 497–515) used there; exponent 1/(q+1) with q = 4, the embedded order.
    private const double Safe = 0.9, FacMin = 0.2, FacMax = 6.0, Expo = 1.0 / 5;

    private JacobianFunction? _analyticJacobian;
    private readonly FiniteDifferenceJacobian? _fd;
    private readonly IterationMatrix _matrix;
    private readonly double[] _jac, _f0, _ft, _u, _du, _rhs, _ks;
    private readonly double[][] _k;
    private bool _startValid;
    private double _tStart;
    private double _hAcc, _errAcc;
    private bool _haveAcc, _lastRejected;

    public Rodas5PStepper(OdeProblem problem, OdeSolverOptions options) : base(problem)
    {
        _analyticJacobian = problem.Jacobian;
        if (_analyticJacobian is null)
            _fd = new FiniteDifferenceJacobian(SparsityPattern.For(problem.Structure, N), new ErrorNorm(options, N).AbsoluteTolerances, options.RelativeTolerance);
        _rankOne = options.RankOneSolve;
        _matrix = IterationMatrix.Create(problem.Structure, N, _rankOne);
        _structure = problem.Structure;
        _jac = new double[N * N];
        _f0 = new double[N]; _ft = new double[N]; _u = new double[N]; _du = new double[N]; _rhs = new double[N];
        _ks = new double[3 * N];
        _k = new double[Stages][];
        for (int s = 0; s < Stages; s++) _k[s] = new double[N];
    }

    public override int Order => 5;

    private readonly JacobianStructure _structure;
    private readonly bool _rankOne;

    // A few spare steppers per thread, one per model shape in use. A population thread runs subject after subject, and
    // a trial runs each subject on models of two shapes (its drug arm and its placebo arm): a fresh stepper per solve
    // cost ≈ 50 KB (the n×n Jacobian, eight stage vectors, the LU values) and its set-up. Re-entrant solves (one started
    // from inside another, e.g. by an event) find no free spare of their shape and build their own.
    [ThreadStatic] private static List<Rodas5PStepper>? t_spares;

    private const int MaxSpares = 4;

    /// <summary>A stepper for <paramref name="problem"/>: one of this thread's spares when one has the same shape, else a new one.</summary>
    public static Rodas5PStepper Rent(OdeProblem problem, OdeSolverOptions options)
    {
        if (t_spares is { } spares)
        {
            for (var i = spares.Count - 1; i >= 0; i--)
            {
                var spare = spares[i];
                if (spare.N != problem.Dimension || (spare._fd is null) != (problem.Jacobian is not null) || spare._rankOne != options.RankOneSolve
                    || !(ReferenceEquals(spare._structure, problem.Structure)
                         || SparsityPattern.For(spare._structure, spare.N) == SparsityPattern.For(problem.Structure, problem.Dimension)))
                    continue;
                spares.RemoveAt(i);
                spare.Rebind(problem, options);
                return spare;
            }
        }
        return new Rodas5PStepper(problem, options);
    }

    /// <summary>Hands a stepper back after its solve, as one of this thread's spares (it keeps no reference to the problem).</summary>
    public static void Return(Rodas5PStepper stepper)
    {
        stepper.F = static (_, _, _) => { };
        stepper._analyticJacobian = null;
        var spares = t_spares ??= new List<Rodas5PStepper>(MaxSpares);
        if (spares.Count == MaxSpares) spares.RemoveAt(0);
        spares.Add(stepper);
    }

    // Everything a solve can observe is reset, so a rebound stepper computes bit for bit what a new one would.
    private void Rebind(OdeProblem problem, OdeSolverOptions options)
    {
        F = problem.F;
        _analyticJacobian = problem.Jacobian;
        if (_fd is not null)
        {
            if (options.AbsoluteTolerances is { } atols) _fd.SetTolerances(atols.Span, options.RelativeTolerance);
            else
            {
                Span<double> scalar = N <= 256 ? stackalloc double[N] : new double[N];
                scalar.Fill(options.AbsoluteTolerance);
                _fd.SetTolerances(scalar, options.RelativeTolerance);
            }
        }
        ResetCounters();
        Restart();
        _tStart = 0;
        _hAcc = 0;
        _errAcc = 0;
    }

    public override AttemptResult Attempt(double t, double h, ReadOnlySpan<double> y, Span<double> yNew, ErrorNorm norm, out double err)
    {
        int n = N;
        err = double.NaN;
        if (!_startValid || _tStart != t)
        {
            // f, J and ∂f/∂t at the step start; kept across rejections (same (t, y)) — a Rosenbrock
            // method needs the exact Jacobian at (t0, y0), so it is re-formed after every accepted step.
            F(t, y, _f0);
            FunctionEvaluations++;
            if (!VectorOps.AllFinite(_f0)) return AttemptResult.NonFiniteAtStart;
            Array.Clear(_jac);
            if (_analyticJacobian is not null) _analyticJacobian(t, y, _jac);
            else FunctionEvaluations += _fd!.Compute(F, t, y, _f0, _jac);
            JacobianEvaluations++;
            // ∂f/∂t by a forward difference with RODAS's increment √(u·max(10⁻⁵, |t|)).
            double dt = Math.Sqrt(2.220446049250313e-16 * Math.Max(1e-5, Math.Abs(t)));
            double tp = t + dt;
            dt = tp - t;
            F(tp, y, _du);
            FunctionEvaluations++;
            for (int i = 0; i < n; i++) _ft[i] = (_du[i] - _f0[i]) / dt;
            if (!VectorOps.AllFinite(_jac)) return _analyticJacobian is null ? AttemptResult.NonFiniteNearStart : AttemptResult.NonFiniteJacobian;
            if (!VectorOps.AllFinite(_ft)) return AttemptResult.NonFiniteNearStart;
            _startValid = true;
            _tStart = t;
        }

        LuDecompositions++;
        if (!_matrix.Factor(1.0 / (h * Gamma), -1.0, _jac)) return AttemptResult.SingularMatrix;

        double[] u = _u, du = _du, rhs = _rhs;
        double invH = 1.0 / h;
        for (int s = 0; s < Stages; s++)
        {
            // Stage sums as whole-vector updates (VectorOps: the scalar loop's operations, element by element, in order).
            ReadOnlySpan<double> fs;
            if (s == 0) fs = _f0;
            else
            {
                int row = s * Stages;
                y.CopyTo(u);
                for (int j = 0; j < s; j++) VectorOps.Axpy(A[row + j], _k[j], u);
                F(t + Cnode[s] * h, u, du);
                FunctionEvaluations++;
                fs = du;
            }
            double hd = h * D[s];
            int crow = s * Stages;
            for (int i = 0; i < n; i++) rhs[i] = fs[i] + hd * _ft[i];
            for (int j = 0; j < s; j++) VectorOps.Axpy(C[crow + j] * invH, _k[j], rhs);
            _matrix.Solve(rhs);
            LinearSolves++;
            rhs.CopyTo(_k[s], 0);
        }
        double[] k8 = _k[Stages - 1];
        for (int i = 0; i < n; i++) yNew[i] = u[i] + k8[i];
        err = norm.Norm(k8, y, yNew);
        return AttemptResult.Computed;
    }

    public override void Accept(double h, ReadOnlySpan<double> y, ReadOnlySpan<double> yNew, Span<double> dense)
    {
        int n = N;
        // K_r = Σ_s H_rs k_s, summed from s = 0 up as whole vectors into the dense-output slots.
        Span<double> k1 = _ks.AsSpan(0, n), k2 = _ks.AsSpan(n, n), k3 = _ks.AsSpan(2 * n, n);
        k1.Clear(); k2.Clear(); k3.Clear();
        for (int s = 0; s < Stages; s++)
        {
            VectorOps.Axpy(H[s], _k[s], k1);
            VectorOps.Axpy(H[Stages + s], _k[s], k2);
            VectorOps.Axpy(H[2 * Stages + s], _k[s], k3);
        }
        for (int i = 0; i < n; i++)
        {
            // (1−θ)y0 + θ(y1 + (1−θ)(K1 + θ(K2 + θK3))) = y0 + θ(y1 − y0 + K1) + θ²(K2 − K1) + θ³(K3 − K2) − θ⁴K3.
            dense[i] = yNew[i] - y[i] + k1[i];
            dense[n + i] = k2[i] - k1[i];
            dense[2 * n + i] = k3[i] - k2[i];
            dense[3 * n + i] = -k3[i];
        }
        _startValid = false;
    }

    public override double Propose(double h, double err, bool accepted)
    {
        if (double.IsNaN(err)) { _lastRejected = true; return h * 0.25; }
        double fac = Math.Max(1.0 / FacMax, Math.Min(1.0 / FacMin, Math.Pow(err, Expo) / Safe));
        double hNew = h / fac;
        if (accepted)
        {
            if (_haveAcc)
            {
                double facGus = _hAcc / h * Math.Pow(err * err / _errAcc, Expo) / Safe;
                facGus = Math.Max(1.0 / FacMax, Math.Min(1.0 / FacMin, facGus));
                hNew = h / Math.Max(fac, facGus);
            }
            _hAcc = h;
            _errAcc = Math.Max(1e-2, err);
            _haveAcc = true;
            if (_lastRejected) hNew = Math.Min(hNew, h);
            _lastRejected = false;
            return hNew;
        }
        _lastRejected = true;
        return hNew;
    }

    public override void InvalidateStart() => _startValid = false;

    public override void Restart()
    {
        _startValid = false;
        _haveAcc = false;
        _lastRejected = false;
    }
}
