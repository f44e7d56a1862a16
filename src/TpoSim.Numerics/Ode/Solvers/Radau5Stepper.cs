using TpoSim.Numerics.LinearAlgebra;

namespace TpoSim.Numerics.Ode.Solvers;

/// <summary>
/// Radau IIA of order 5 (3-stage collocation at c = (4 − √6)/10, (4 + √6)/10, 1), following the algorithm
/// of Hairer's RADAU5 code (Hairer &amp; Wanner, Solving ODEs II, 2nd ed., §IV.8): the stage equations are
/// solved by a simplified Newton iteration in the variables W = (T⁻¹ ⊗ I)Z that diagonalise A⁻¹ into one
/// real eigenvalue γ and a complex pair α ± iβ, so each iteration needs one real n×n solve with
/// γ/h·I − J and one complex one with (α + iβ)/h·I − J (done here as a 2n×2n real system with interleaved
/// real and imaginary parts, which keeps a banded or sparse structure). Convergence control, starting
/// values from the previous collocation polynomial, the embedded error estimate (eq. 8.19–8.20 and
/// the "ESTRAD" filter by (γ/h·I − J)⁻¹), Jacobian reuse when Newton contracts fast (θ ≤ 0.001) and the
/// predictive step-size controller are those of RADAU5, as are its tolerance transform
/// rtol' = 0.1·rtol^(2/3), atol' = rtol'·atol/rtol. Transformation matrices T, T⁻¹ to 20 digits as printed
/// in RADAU5. Dense output is the collocation polynomial (degree 3).
/// </summary>
internal sealed class Radau5Stepper : Stepper
{
    private static readonly double Sq6 = Math.Sqrt(6);
    private static readonly double C1 = (4 - Sq6) / 10, C2 = (4 + Sq6) / 10, C1M1 = C1 - 1, C2M1 = C2 - 1, C1MC2 = C1 - C2;
    private static readonly double Dd1 = -(13 + 7 * Sq6) / 3, Dd2 = (-13 + 7 * Sq6) / 3, Dd3 = -1.0 / 3;
    // Eigenvalues of A⁻¹: γ real, α ± iβ.
    private static readonly double Gamma, Alpha, Beta;

    private const double T11 = 9.1232394870892942792e-02, T12 = -0.14125529502095420843, T13 = -3.0029194105147424492e-02;
    private const double T21 = 0.24171793270710701896, T22 = 0.20412935229379993199, T23 = 0.38294211275726193779;
    private const double T31 = 0.96604818261509293619; // T32 = 1, T33 = 0
    private const double TI11 = 4.3255798900631553510, TI12 = 0.33919925181580986954, TI13 = 0.54177053993587487119;
    private const double TI21 = -4.1787185915519047273, TI22 = -0.32768282076106238708, TI23 = 0.47662355450055045196;
    private const double TI31 = -0.50287263494578687595, TI32 = 2.5719269498556054292, TI33 = -0.59603920482822492497;

    private const int MaxNewton = 7;
    private const double Safe = 0.9, FacL = 5.0, FacR = 1.0 / 8, Thet = 0.001, Quot1 = 1.0, Quot2 = 1.2, Uround = 2.220446049250313e-16;

    static Radau5Stepper()
    {
        double c9 = Math.Cbrt(9.0), c81 = c9 * c9;
        Gamma = 30.0 / (6.0 + c81 - c9);
        double a = (12.0 - c81 + c9) / 60, b = (c81 + c9) * Math.Sqrt(3) / 60, cno = a * a + b * b;
        Alpha = a / cno;
        Beta = b / cno;
    }

    private readonly JacobianFunction? _analyticJacobian;
    private readonly FiniteDifferenceJacobian? _fd;
    private readonly IterationMatrix _real, _complex;
    private readonly ErrorNorm _norm;
    private readonly double _fnewt;
    private readonly double[] _jac, _k2n, _f0, _z1, _z2, _z3, _w1, _w2, _w3, _a1, _a2, _a3, _tmp, _c2n, _scal;
    private readonly double[] _cont1, _cont2, _cont3; // previous step's collocation polynomial, relative to its end
    private bool _jacValid, _jacFresh, _f0Valid, _contValid, _first = true, _lastRejected, _haveAcc;
    private double _f0Time = double.NaN, _luH = double.NaN, _hOld, _hAcc, _errAcc, _faccon = 1, _theta;
    private int _newtLast;
    private double _newtonFactor = 0.5;

    public Radau5Stepper(OdeProblem problem, OdeSolverOptions options) : base(problem)
    {
        int n = N;
        var user = new ErrorNorm(options, n);
        // RADAU5's tolerance transform: its embedded estimate is of order 3, so the tolerance is mapped to
        // the accuracy the order-5 solution then actually achieves.
        double rtol = 0.1 * Math.Pow(options.RelativeTolerance, 2.0 / 3);
        var atol = new double[n];
        for (int i = 0; i < n; i++) atol[i] = rtol * user.AbsoluteTolerances[i] / options.RelativeTolerance;
        _norm = new ErrorNorm(rtol, atol);
        _fnewt = Math.Max(10 * Uround / rtol, Math.Min(0.03, Math.Sqrt(rtol)));
        _analyticJacobian = problem.Jacobian;
        if (_analyticJacobian is null)
            _fd = new FiniteDifferenceJacobian(SparsityPattern.For(problem.Structure, n), user.AbsoluteTolerances, options.RelativeTolerance);
        _real = IterationMatrix.Create(problem.Structure, n);
        _complex = IterationMatrix.Create(Doubled(problem.Structure, n), 2 * n);
        _jac = new double[n * n];
        _k2n = new double[4 * n * n];
        _f0 = new double[n]; _z1 = new double[n]; _z2 = new double[n]; _z3 = new double[n];
        _w1 = new double[n]; _w2 = new double[n]; _w3 = new double[n];
        _a1 = new double[n]; _a2 = new double[n]; _a3 = new double[n]; _tmp = new double[n];
        _c2n = new double[2 * n]; _scal = new double[n];
        _cont1 = new double[n]; _cont2 = new double[n]; _cont3 = new double[n];
    }

    // Structure of the interleaved 2n×2n real form of the complex matrix: each (i, j) becomes a 2×2 block.
    private static JacobianStructure Doubled(JacobianStructure s, int n) => s switch
    {
        JacobianStructure.BandedStructure b => JacobianStructure.Banded(2 * Math.Min(b.Lower, n - 1) + 1, 2 * Math.Min(b.Upper, n - 1) + 1),
        JacobianStructure.SparseStructure sp => JacobianStructure.Sparse(DoubledRows(sp.NonZeros, n)),
        _ => JacobianStructure.Dense,
    };

    private static List<IReadOnlyList<int>> DoubledRows(IReadOnlyList<IReadOnlyList<int>> rows, int n)
    {
        var result = new List<IReadOnlyList<int>>(2 * n);
        for (int i = 0; i < n; i++)
        {
            var r = new List<int> { 2 * i, 2 * i + 1 };
            foreach (int j in rows[i]) { r.Add(2 * j); r.Add(2 * j + 1); }
            result.Add(r);
            result.Add(r);
        }
        return result;
    }

    public override int Order => 4;

    public override AttemptResult Attempt(double t, double h, ReadOnlySpan<double> y, Span<double> yNew, ErrorNorm norm, out double err)
    {
        int n = N;
        err = double.NaN;
        if (!_f0Valid || _f0Time != t)
        {
            F(t, y, _f0);
            FunctionEvaluations++;
            foreach (double v in _f0) if (!double.IsFinite(v)) return AttemptResult.NonFiniteAtStart;
            _f0Valid = true;
            _f0Time = t;
        }
        if (!_jacValid)
        {
            Array.Clear(_jac);
            if (_analyticJacobian is not null) _analyticJacobian(t, y, _jac);
            else FunctionEvaluations += _fd!.Compute(F, t, y, _f0, _jac);
            JacobianEvaluations++;
            foreach (double v in _jac)
                if (!double.IsFinite(v)) return _analyticJacobian is null ? AttemptResult.NonFiniteNearStart : AttemptResult.NonFiniteJacobian;
            _jacValid = true;
            _jacFresh = true;
            _luH = double.NaN;
        }
        if (h != _luH)
        {
            LuDecompositions++;
            if (!FactorBoth(h)) return AttemptResult.SingularMatrix;
            _luH = h;
        }

        for (int i = 0; i < n; i++) _scal[i] = _norm.AbsoluteTolerances[i] + _norm.RelativeTolerance * Math.Abs(y[i]);

        // Starting values: zero, or the previous collocation polynomial extrapolated (RADAU5).
        if (_first || !_contValid)
        {
            Array.Clear(_z1); Array.Clear(_z2); Array.Clear(_z3);
            Array.Clear(_w1); Array.Clear(_w2); Array.Clear(_w3);
        }
        else
        {
            double c3q = h / _hOld, c1q = C1 * c3q, c2q = C2 * c3q;
            for (int i = 0; i < n; i++)
            {
                double ak1 = _cont1[i], ak2 = _cont2[i], ak3 = _cont3[i];
                double z1 = c1q * (ak1 + (c1q - C2M1) * (ak2 + (c1q - C1M1) * ak3));
                double z2 = c2q * (ak1 + (c2q - C2M1) * (ak2 + (c2q - C1M1) * ak3));
                double z3 = c3q * (ak1 + (c3q - C2M1) * (ak2 + (c3q - C1M1) * ak3));
                _z1[i] = z1; _z2[i] = z2; _z3[i] = z3;
                _w1[i] = TI11 * z1 + TI12 * z2 + TI13 * z3;
                _w2[i] = TI21 * z1 + TI22 * z2 + TI23 * z3;
                _w3[i] = TI31 * z1 + TI32 * z2 + TI33 * z3;
            }
        }

        // Simplified Newton iteration (RADAU5 labels 40–).
        double fac1 = Gamma / h, alphn = Alpha / h, betan = Beta / h;
        _faccon = Math.Pow(Math.Max(_faccon, Uround), 0.8);
        _theta = Math.Abs(Thet);
        double dynOld = 0, thqOld = 0;
        int newt = 0;
        while (true)
        {
            if (newt >= MaxNewton - 1) return NewtonFailure(0.5);
            for (int i = 0; i < n; i++) _tmp[i] = y[i] + _z1[i];
            F(t + C1 * h, _tmp, _a1);
            for (int i = 0; i < n; i++) _tmp[i] = y[i] + _z2[i];
            F(t + C2 * h, _tmp, _a2);
            for (int i = 0; i < n; i++) _tmp[i] = y[i] + _z3[i];
            F(t + h, _tmp, _a3);
            FunctionEvaluations += 3;
            for (int i = 0; i < n; i++)
            {
                double a1 = _a1[i], a2 = _a2[i], a3 = _a3[i];
                double r1 = TI11 * a1 + TI12 * a2 + TI13 * a3 - fac1 * _w1[i];
                double w2 = _w2[i], w3 = _w3[i];
                double r2 = TI21 * a1 + TI22 * a2 + TI23 * a3 - (alphn * w2 - betan * w3);
                double r3 = TI31 * a1 + TI32 * a2 + TI33 * a3 - (betan * w2 + alphn * w3);
                _a1[i] = r1;
                _c2n[2 * i] = r2;
                _c2n[2 * i + 1] = r3;
            }
            _real.Solve(_a1);
            _complex.Solve(_c2n);
            LinearSolves++;
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double d1 = _a1[i] / _scal[i], d2 = _c2n[2 * i] / _scal[i], d3 = _c2n[2 * i + 1] / _scal[i];
                sum += d1 * d1 + d2 * d2 + d3 * d3;
            }
            double dyno = Math.Sqrt(sum / (3 * n));
            if (!double.IsFinite(dyno)) return AttemptResult.Computed; // err = NaN: f not finite at a stage
            newt++;
            if (newt > 1)
            {
                double thq = dyno / dynOld;
                _theta = newt == 2 ? thq : Math.Sqrt(thq * thqOld);
                thqOld = thq;
                if (_theta < 0.99)
                {
                    _faccon = _theta / (1 - _theta);
                    double dyth = _faccon * dyno * Math.Pow(_theta, MaxNewton - 1 - newt) / _fnewt;
                    if (dyth >= 1)
                    {
                        double qnewt = Math.Max(1e-4, Math.Min(20, dyth));
                        return NewtonFailure(0.8 * Math.Pow(qnewt, -1.0 / (4 + MaxNewton - 1 - newt)));
                    }
                }
                else return NewtonFailure(0.5);
            }
            dynOld = Math.Max(dyno, Uround);
            for (int i = 0; i < n; i++)
            {
                double w1 = _w1[i] + _a1[i], w2 = _w2[i] + _c2n[2 * i], w3 = _w3[i] + _c2n[2 * i + 1];
                _w1[i] = w1; _w2[i] = w2; _w3[i] = w3;
                _z1[i] = T11 * w1 + T12 * w2 + T13 * w3;
                _z2[i] = T21 * w1 + T22 * w2 + T23 * w3;
                _z3[i] = T31 * w1 + w2;
            }
            if (_faccon * dyno <= _fnewt) break;
        }
        _newtLast = newt;

        // Error estimate (RADAU5's ESTRAD): (γ/h − J)⁻¹ (f0 + Σ e_i z_i / h).
        double hee1 = Dd1 / h, hee2 = Dd2 / h, hee3 = Dd3 / h;
        for (int i = 0; i < n; i++)
        {
            double f2 = hee1 * _z1[i] + hee2 * _z2[i] + hee3 * _z3[i];
            _a2[i] = f2;
            _a1[i] = f2 + _f0[i];
        }
        _real.Solve(_a1);
        LinearSolves++;
        err = Math.Max(_norm.Norm(_a1, y), 1e-10);
        if (err >= 1 && (_first || _lastRejected))
        {
            // Second filter for the first or a re-tried step, where stiff components may corrupt the estimate.
            for (int i = 0; i < n; i++) _tmp[i] = y[i] + _a1[i];
            F(t, _tmp, _a3);
            FunctionEvaluations++;
            for (int i = 0; i < n; i++) _a1[i] = _a3[i] + _a2[i];
            _real.Solve(_a1);
            LinearSolves++;
            err = Math.Max(_norm.Norm(_a1, y), 1e-10);
        }
        if (double.IsNaN(err)) err = double.NaN;
        for (int i = 0; i < n; i++) yNew[i] = y[i] + _z3[i];
        return AttemptResult.Computed;
    }

    private AttemptResult NewtonFailure(double factor)
    {
        _newtonFactor = factor;
        // A stale Jacobian may be the cause: recompute it for the retry (RADAU5 "GOTO 10" unless CALJAC).
        if (!_jacFresh) _jacValid = false;
        return AttemptResult.NewtonFailed;
    }

    private bool FactorBoth(double h)
    {
        int n = N, m = 2 * n;
        if (!_real.Factor(Gamma / h, -1, _jac)) return false;
        // Interleaved real form of (α + iβ)/h·I − J: [[α/h − J, −β/h], [β/h, α/h − J]] per 2×2 block.
        Array.Clear(_k2n);
        double b = Beta / h;
        for (int i = 0; i < n; i++)
        {
            int r0 = 2 * i * m, r1 = (2 * i + 1) * m;
            for (int j = 0; j < n; j++)
            {
                double v = _jac[i * n + j];
                if (v == 0) continue;
                _k2n[r0 + 2 * j] = -v;
                _k2n[r1 + 2 * j + 1] = -v;
            }
            _k2n[r0 + 2 * i + 1] -= b;
            _k2n[r1 + 2 * i] += b;
        }
        return _complex.Factor(Alpha / h, 1, _k2n);
    }

    public override void Accept(double h, ReadOnlySpan<double> y, ReadOnlySpan<double> yNew, Span<double> dense)
    {
        int n = N;
        // Collocation polynomial relative to the step end, s = (t − t1)/h ∈ [−1, 0] (RADAU5's CONTR5):
        // u(s) = y1 + s(c1' + (s − c2 + 1)(c2' + (s − c1 + 1) c3')); rewritten in θ = s + 1 from y0.
        for (int i = 0; i < n; i++)
        {
            double z1 = _z1[i], z2 = _z2[i], z3 = _z3[i];
            double k1 = (z2 - z3) / C2M1;
            double ak = (z1 - z2) / C1MC2;
            double acont3 = (ak - z1 / C1) / C2;
            double k2 = (ak - k1) / C1M1;
            double k3 = k2 - acont3;
            _cont1[i] = k1; _cont2[i] = k2; _cont3[i] = k3;
            dense[i] = k1 - (1 + C2) * k2 + (C2 + C1 + C1 * C2) * k3;
            dense[n + i] = k2 - (1 + C1 + C2) * k3;
            dense[2 * n + i] = k3;
            dense[3 * n + i] = 0;
        }
        _contValid = true;
        _hOld = h;
        _first = false;
        _f0Valid = false;
        _jacFresh = false;
        // Keep J while Newton contracts fast (θ ≤ 0.001); otherwise re-form it at the next start.
        if (_theta > Thet) _jacValid = false;
    }

    public override double Propose(double h, double err, bool accepted)
    {
        if (double.IsPositiveInfinity(err)) { _lastRejected = true; return h * _newtonFactor; }
        if (double.IsNaN(err)) { _lastRejected = true; return h * 0.25; }
        double fac = Math.Min(Safe, Safe * (1 + 2 * MaxNewton) / (_newtLast + 2 * MaxNewton));
        double quot = Math.Max(FacR, Math.Min(FacL, Math.Pow(err, 0.25) / fac));
        double hNew = h / quot;
        if (!accepted)
        {
            bool firstStep = !_haveAcc;
            _lastRejected = true;
            return firstStep ? h * 0.1 : hNew;
        }
        if (_haveAcc)
        {
            double facGus = _hAcc / h * Math.Pow(err * err / _errAcc, 0.25) / fac;
            facGus = Math.Max(FacR, Math.Min(FacL, facGus));
            quot = Math.Max(quot, facGus);
            hNew = h / quot;
        }
        _hAcc = h;
        _errAcc = Math.Max(1e-2, err);
        _haveAcc = true;
        if (_lastRejected) hNew = Math.Min(hNew, h);
        _lastRejected = false;
        // Keep h (and the LU) when the change would be small and Newton converges fast.
        double qt = hNew / h;
        if (_theta <= Thet && qt >= Quot1 && qt <= Quot2) return h;
        return hNew;
    }

    public override void InvalidateStart()
    {
        _f0Valid = false;
        _contValid = false;
    }

    public override void Restart()
    {
        _f0Valid = false;
        _contValid = false;
        _jacValid = false;
        _first = true;
        _haveAcc = false;
        _lastRejected = false;
        _faccon = 1;
    }
}
