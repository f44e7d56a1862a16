using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace TpoSim.Fitting;

/// <summary>Optimizer settings of <see cref="MapEstimator"/>.</summary>
/// <param name="MaxIterations">Levenberg–Marquardt iteration cap (then Nelder–Mead gets the same number).</param>
/// <param name="JacobianStep">Forward-difference step in η: well above the ODE tolerance (1e-6 relative), well below ω.</param>
/// <param name="HessianStep">Central-difference step in η for the Laplace Hessian.</param>
/// <param name="GradientTolerance">Largest |∂objective/∂η| accepted at the optimum.</param>
/// <param name="Threads">
/// Simulations run at once for the Jacobian's columns and the Hessian's points (≥ 1). Each simulation is independent and
/// its result lands in its own slot, combined in a fixed order, so the fit is byte-identical for any thread count.
/// </param>
public sealed record MapOptions(int MaxIterations = 50, double JacobianStep = 1e-3, double HessianStep = 0.02, double GradientTolerance = 0.05, int Threads = 1);

/// <summary>
/// MAP Bayes estimation: Levenberg–Marquardt (MathNet.Numerics) on the scaled residuals of <see cref="FitProblem"/>,
/// starting from the population typical values (η = 0), with Nelder–Mead as fallback; then the Laplace approximation,
/// covariance = inverse of the objective's Hessian in η by central differences.
/// </summary>
public static class MapEstimator
{
    /// <summary>Fits <paramref name="problem"/>; failures are reported in the result, never thrown.</summary>
    /// <param name="problem">The patient and prior.</param>
    /// <param name="options">Optimizer settings.</param>
    /// <param name="cancellation">Cancels between simulations.</param>
    /// <param name="progress">Receives a rough fraction done: 0.1 per optimizer iteration up to 0.6, then 0.6–1 over the Hessian.</param>
    public static FitResult Fit(FitProblem problem, MapOptions? options = null, CancellationToken cancellation = default, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new MapOptions();
        var n = problem.Dimension;
        var m = problem.ObservationCount + n;
        var cache = new System.Collections.Concurrent.ConcurrentDictionary<string, double[]>();
        static string Key(Vector<double> p) => string.Join(",", p.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        double[] Residuals(Vector<double> p) => cache.GetOrAdd(Key(p), _ => problem.ScaledResiduals(p.ToArray(), cancellation));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads), CancellationToken = cancellation };
        var iterationsSeen = 0;
        var x = Vector<double>.Build.Dense(m, i => i);
        var zero = Vector<double>.Build.Dense(m);
        var model = ObjectiveFunction.NonlinearModel(
            (p, _) => Vector<double>.Build.DenseOfArray(Residuals(p)),
            (p, _) =>
            {
                progress?.Report(Math.Min(0.6, 0.1 * ++iterationsSeen));
                // The base point and the n forward steps are independent simulations: run them together.
                var points = new Vector<double>[n + 1];
                points[0] = p;
                for (var j = 0; j < n; j++)
                {
                    points[j + 1] = p.Clone();
                    points[j + 1][j] += options.JacobianStep;
                }
                var residuals = new double[n + 1][];
                Parallel.For(0, n + 1, parallel, k => residuals[k] = Residuals(points[k]));
                var r0 = residuals[0];
                var jacobian = Matrix<double>.Build.Dense(m, n);
                for (var j = 0; j < n; j++)
                {
                    var r1 = residuals[j + 1];
                    for (var i = 0; i < m; i++) jacobian[i, j] = (r1[i] - r0[i]) / options.JacobianStep;
                }
                return jacobian;
            },
            x, zero);
        var start = Vector<double>.Build.Dense(n);
        double[] eta;
        string optimizer, how;
        int iterations;
        bool ended;
        try
        {
            var lm = new LevenbergMarquardtMinimizer(maximumIterations: options.MaxIterations, gradientTolerance: 1e-6, stepTolerance: 1e-6, functionTolerance: 1e-10);
            var result = lm.FindMinimum(model, start);
            eta = result.MinimizingPoint.ToArray();
            iterations = result.Iterations;
            optimizer = "Levenberg–Marquardt";
            ended = result.ReasonForExit != ExitCondition.ExceedIterations && result.ReasonForExit != ExitCondition.None;
            how = $"{optimizer}: {Describe(result.ReasonForExit)} after {result.Iterations} iterations";
        }
        catch (Exception e) when (e is MaximumIterationsException or ArithmeticException or ArgumentException or InvalidOperationException)
        {
            (eta, iterations, ended, how) = ([.. start], options.MaxIterations, false, $"Levenberg–Marquardt failed ({e.Message})");
            optimizer = "Levenberg–Marquardt";
        }
        if (!ended && options.MaxIterations > 1)
        {
            // Fallback: derivative-free simplex from the same start, on the objective itself.
            try
            {
                var objective = ObjectiveFunction.Value(p => Half(Residuals(p)));
                var result = NelderMeadSimplex.Minimum(objective, start, Vector<double>.Build.Dense(problem.Prior.Omegas), 1e-6, 40 * options.MaxIterations);
                eta = result.MinimizingPoint.ToArray();
                iterations = result.Iterations;
                optimizer = "Nelder–Mead";
                ended = result.ReasonForExit is ExitCondition.Converged or ExitCondition.RelativeGradient or ExitCondition.AbsoluteGradient;
                how += $"; Nelder–Mead fallback: {Describe(result.ReasonForExit)} after {result.Iterations} iterations";
            }
            catch (Exception e) when (e is MaximumIterationsException or ArithmeticException or ArgumentException or InvalidOperationException)
            {
                how += $"; Nelder–Mead fallback failed ({e.Message})";
            }
        }
        var objectiveAtEta = Half(problem.ScaledResiduals(eta, cancellation));
        progress?.Report(0.6);
        var (hessian, gradient) = Derivatives(problem, eta, objectiveAtEta, options.HessianStep, cancellation, options.Threads);
        progress?.Report(1);
        var covariance = Invert(hessian);
        // A component passes when it is small, or when it moves the optimum by less than 1% of that parameter's posterior
        // SD (|g|·SD, the Newton step of a well-determined parameter): a sharply determined one (a chemotherapy nadir
        // fixes the maturation time to SD 0.03 in η) has a curvature of ≈ 1000, where central differences of step 0.02
        // leave a gradient of ≈ 0.1 at the optimum itself.
        var gradientOk = Enumerable.Range(0, gradient.Length).All(j => Math.Abs(gradient[j]) <= options.GradientTolerance
            || (covariance is not null && Math.Abs(gradient[j]) * Math.Sqrt(covariance[j, j]) <= StepInSds));
        var converged = ended && covariance is not null && gradientOk;
        if (covariance is null) how += "; the Hessian is not positive definite (no curvature: the data do not determine the parameters)";
        else if (!gradientOk) how += $"; the gradient is not zero at the end (largest |∂/∂η| {gradient.Max(Math.Abs):G3} > {options.GradientTolerance:G3}, and more than {StepInSds:G2} posterior SD from the optimum)";
        return new FitResult(eta, covariance, objectiveAtEta, converged, how, optimizer, iterations, problem.Evaluations) { Problem = problem };
    }

    /// <summary>Largest |∂objective/∂η_j|·SD(η_j) accepted for a gradient component above the tolerance: 1% of a posterior SD.</summary>
    public const double StepInSds = 0.01;

    /// <summary>The population prior as a "fit" (η = 0, covariance diag ω²): what a forecast knows before seeing the patient's data.</summary>
    public static FitResult PriorOnly(FitProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var omega = problem.Prior.Omegas;
        var covariance = new double[omega.Length, omega.Length];
        for (var i = 0; i < omega.Length; i++) covariance[i, i] = omega[i] * omega[i];
        return new FitResult(new double[omega.Length], covariance, double.NaN, true, "population prior (no data used)", "none", 0, 0) { Problem = problem };
    }

    /// <summary>
    /// Hessian and gradient of the objective at <paramref name="eta"/> by central differences of step <paramref name="h"/>.
    /// The 2n + 2n(n−1) points are simulated on up to <paramref name="threads"/> threads, each into its own slot, then
    /// combined in a fixed order: the result does not depend on the thread count.
    /// </summary>
    public static (double[,] Hessian, double[] Gradient) Derivatives(FitProblem problem, double[] eta, double f0, double h, CancellationToken cancellation = default, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(eta);
        var n = eta.Length;
        // Point list: +h and −h along each axis, then the four diagonal corners of each pair (i, j < i).
        var moves = new List<(int Index, double Step)[]>();
        for (var i = 0; i < n; i++)
        {
            moves.Add([(i, h)]);
            moves.Add([(i, -h)]);
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                moves.Add([(i, h), (j, h)]);
                moves.Add([(i, h), (j, -h)]);
                moves.Add([(i, -h), (j, h)]);
                moves.Add([(i, -h), (j, -h)]);
            }
        }
        var values = new double[moves.Count];
        Parallel.For(0, moves.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellation }, k =>
        {
            var e = (double[])eta.Clone();
            foreach (var (i, s) in moves[k]) e[i] += s;
            values[k] = Half(problem.ScaledResiduals(e, cancellation));
        });
        var hessian = new double[n, n];
        var gradient = new double[n];
        var corner = 2 * n;
        for (var i = 0; i < n; i++)
        {
            double plus = values[2 * i], minus = values[2 * i + 1];
            gradient[i] = (plus - minus) / (2 * h);
            hessian[i, i] = (plus - 2 * f0 + minus) / (h * h);
            for (var j = 0; j < i; j++, corner += 4)
            {
                var v = (values[corner] - values[corner + 1] - values[corner + 2] + values[corner + 3]) / (4 * h * h);
                hessian[i, j] = hessian[j, i] = v;
            }
        }
        return (hessian, gradient);
    }

    /// <summary>The inverse of a symmetric matrix by Cholesky, or null when it is not positive definite.</summary>
    public static double[,]? Invert(double[,] symmetric)
    {
        ArgumentNullException.ThrowIfNull(symmetric);
        var a = Matrix<double>.Build.DenseOfArray(symmetric);
        if (a.Enumerate().Any(v => !double.IsFinite(v))) return null;
        try
        {
            var inverse = a.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(a.RowCount));
            return inverse.ToArray();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static double Half(double[] r)
    {
        var s = 0.0;
        foreach (var v in r) s += v * v;
        return 0.5 * s;
    }

    private static string Describe(ExitCondition exit) => exit switch
    {
        ExitCondition.Converged => "converged",
        ExitCondition.RelativeGradient or ExitCondition.AbsoluteGradient => "gradient below tolerance",
        ExitCondition.RelativePoints => "converged (parameter step below tolerance)",
        ExitCondition.LackOfProgress => "no further progress (step below tolerance)",
        ExitCondition.ExceedIterations => "iteration limit reached",
        _ => exit.ToString(),
    };
}
