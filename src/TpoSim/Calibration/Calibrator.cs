using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using TpoSim.Model;
using TpoSim.Parameters;
using TpoSim.Validation;

namespace TpoSim.Calibration;

/// <summary>Progress of a calibration: objective evaluations so far and the best Σ residual² seen.</summary>
/// <param name="Evaluations">Objective evaluations done.</param>
/// <param name="MaxEvaluations">Upper bound on evaluations (the iteration limit times the cost of one iteration).</param>
/// <param name="BestObjective">Smallest Σ residual² so far.</param>
public readonly record struct CalibrationProgress(int Evaluations, int MaxEvaluations, double BestObjective);

/// <summary>
/// Estimates shared parameters jointly on the calibration cases by weighted least squares: minimises
/// Σ ((simulated − centre)/σ)² over the two-sided checks of the calibration cases (<see cref="CalibrationTarget"/>),
/// on the log scale of each parameter inside its allowed range, by Levenberg–Marquardt (MathNet.Numerics) with a
/// central-difference Jacobian of step 2% (metrics read on an output grid are smooth only on that scale). Starts from
/// the literature values, so the result does not depend on the shipped set. Deterministic: the cases of one
/// evaluation run in parallel but each writes its own slot.
/// </summary>
public static class Calibrator
{
    /// <summary>Step of the central differences, on ln(parameter).</summary>
    public const double LogStep = 0.02;

    /// <summary>A parameter whose 95% interval spans more than this factor (high / low) is flagged not identifiable.</summary>
    public const double IdentifiableSpan = 10;

    /// <summary>
    /// Runs the calibration. A parameter the data cannot identify (see <see cref="ParameterEstimate.Flag"/>) is not
    /// shipped at an arbitrary value: it is held at its literature value and the others are estimated again with it
    /// fixed; the result reports it with its flag and the interval of the first, free fit.
    /// </summary>
    public static CalibrationResult Run(ValidationCaseFile file, CalibrationSetup setup, IProgress<CalibrationProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var free = Fit(file, setup, new bool[setup.Parameters.Count], progress, cancellation);
        var unidentified = free.Estimates.Select(e => !e.Identifiable).ToArray();
        if (!unidentified.Any(x => x)) return free;
        var conditional = Fit(file, setup, unidentified, progress, cancellation);
        var merged = conditional.Estimates.Select((e, i) => unidentified[i]
            ? free.Estimates[i] with { Value = e.Definition.Value, LogStandardError = double.PositiveInfinity, Flag = $"{free.Estimates[i].Flag} (free fit: {free.Estimates[i].Value:G4}); held at its literature value" }
            : e).ToArray();
        return conditional with { Estimates = merged, Evaluations = free.Evaluations + conditional.Evaluations, Exit = $"{free.Exit}; refit with {string.Join(", ", merged.Where(e => !e.Identifiable).Select(e => e.Definition.Name))} fixed: {conditional.Exit}" };
    }

    private static CalibrationResult Fit(ValidationCaseFile file, CalibrationSetup setup, bool[] isFixed, IProgress<CalibrationProgress>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(setup);
        var cases = CalibrationTarget.UsableCases(file);
        var targets = CalibrationTarget.From(file);
        if (targets.Count == 0) throw new ArgumentException("no calibration case has a two-sided check to fit", nameof(file));
        var defs = setup.Parameters.Select(p => setup.Literature(p.Name)!).ToArray();
        var n = defs.Length;
        var m = targets.Count;
        var lower = Vector<double>.Build.Dense(n, i => Math.Log(Math.Max(defs[i].Minimum, 1e-3 * defs[i].Value)));
        var upper = Vector<double>.Build.Dense(n, i => Math.Log(defs[i].Maximum));
        var start = Vector<double>.Build.Dense(n, i => Math.Log(defs[i].Value));
        var maxEvaluations = 1 + setup.MaxIterations * (2 * isFixed.Count(f => !f) + 1);
        var evaluations = 0;
        var best = double.PositiveInfinity;
        var cache = new Dictionary<string, double[]>();

        double[] Simulate(Vector<double> theta)
        {
            var key = string.Join(",", theta.Select(x => BitConverter.DoubleToInt64Bits(x)));
            if (cache.TryGetValue(key, out var hit)) return hit;
            cancellation.ThrowIfCancellationRequested();
            var values = new Dictionary<string, double>();
            for (var i = 0; i < n; i++) values[defs[i].Name] = Clamp(defs[i], Math.Exp(theta[i]));
            var results = new CaseResult[cases.Count];
            Parallel.For(0, cases.Count, new ParallelOptions { CancellationToken = cancellation }, k => results[k] = ValidationSuite.Run(cases[k], values, cancellation));
            var sim = targets.Select(t =>
            {
                var r = results.First(x => x.Id == t.CaseId);
                var check = r.Checks.FirstOrDefault(c => ReferenceEquals(c.Check, t.Check));
                return check is null || !double.IsFinite(check.Value) ? double.NaN : check.Value;
            }).ToArray();
            cache[key] = sim;
            evaluations++;
            best = Math.Min(best, Objective(targets, sim));
            progress?.Report(new CalibrationProgress(evaluations, maxEvaluations, best));
            return sim;
        }

        // Residuals are formed here (failures charged a fixed residual), so MathNet sees observed 0 and unit weights.
        Vector<double> Residuals(Vector<double> theta)
        {
            var sim = Simulate(theta);
            return Vector<double>.Build.Dense(m, j => Residual(targets[j], sim[j]));
        }

        Matrix<double> Jacobian(Vector<double> theta)
        {
            var jac = Matrix<double>.Build.Dense(m, n);
            for (var i = 0; i < n; i++)
            {
                if (isFixed[i]) continue;
                var up = theta.Clone();
                var down = theta.Clone();
                up[i] += LogStep;
                down[i] -= LogStep;
                var ru = Residuals(up);
                var rd = Residuals(down);
                for (var j = 0; j < m; j++) jac[j, i] = (ru[j] - rd[j]) / (2 * LogStep);
            }
            return jac;
        }

        var literature = Simulate(start);
        var xs = Vector<double>.Build.Dense(m, j => j);
        var model = ObjectiveFunction.NonlinearModel(
            (theta, _) => Residuals(theta), (theta, _) => Jacobian(theta),
            xs, Vector<double>.Build.Dense(m), Vector<double>.Build.Dense(m, 1.0));
        var minimizer = new LevenbergMarquardtMinimizer(1e-3, 1e-8, 1e-6, 1e-8, setup.MaxIterations);
        // With every parameter held (none identifiable) there is nothing to minimise: MathNet refuses an all-fixed problem.
        var allHeld = isFixed.All(f => f);
        var found = allHeld ? null : minimizer.FindMinimum(model, start, lower, upper, null, isFixed.ToList());
        var theta = found?.MinimizingPoint ?? start;
        var estimate = Simulate(theta);

        // Uncertainty: the inverse of the Fisher information JᵀJ of the weighted residuals at the estimate, on ln p.
        var j0 = Jacobian(theta);
        var freeIndex = Enumerable.Range(0, n).Where(i => !isFixed[i]).ToArray();
        var jFree = Matrix<double>.Build.Dense(m, freeIndex.Length, (r, c) => j0[r, freeIndex[c]]);
        var fisher = jFree.TransposeThisAndMultiply(jFree);
        var singular = freeIndex.Length == 0 || fisher.Svd() is var svd && (svd.S[0] <= 0 || svd.S[freeIndex.Length - 1] / svd.S[0] < 1e-12);
        var inverse = singular ? null : fisher.Inverse();
        var covariance = inverse is null ? null : Matrix<double>.Build.Dense(n, n, (a, b) =>
            Array.IndexOf(freeIndex, a) is var ia and >= 0 && Array.IndexOf(freeIndex, b) is var ib and >= 0 ? inverse[ia, ib] : a == b ? 0 : 0);
        var estimates = new ParameterEstimate[n];
        var correlation = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            var value = Clamp(defs[i], Math.Exp(theta[i]));
            var se = isFixed[i] ? 0 : covariance is null ? double.PositiveInfinity : Math.Sqrt(Math.Max(covariance[i, i], 0));
            var low = Math.Max(defs[i].Minimum, Math.Exp(theta[i] - CalibrationTarget.Z95 * se));
            var high = Math.Min(defs[i].Maximum, Math.Exp(theta[i] + CalibrationTarget.Z95 * se));
            string? flag = null;
            if (isFixed[i]) flag = "held fixed";
            else if (j0.Column(i).AbsoluteMaximum() < 1e-9) flag = "no calibration metric depends on it";
            else if (!double.IsFinite(se)) flag = "the Fisher information is singular: it trades off exactly against another parameter";
            else if (Math.Exp(2 * CalibrationTarget.Z95 * se) > IdentifiableSpan) flag = $"its 95% interval spans more than {IdentifiableSpan:0}-fold";
            var atBound = theta[i] <= lower[i] + 1e-6 || theta[i] >= upper[i] - 1e-6;
            estimates[i] = new ParameterEstimate(defs[i], value, se, low, high, flag is null, flag ?? (atBound ? "at the edge of its allowed range" : null));
            for (var k = 0; k < n; k++)
                correlation[i, k] = covariance is null || isFixed[i] || isFixed[k] ? (i == k ? 1 : double.NaN) : covariance[i, k] / Math.Sqrt(covariance[i, i] * covariance[k, k]);
        }
        var fits = targets.Select((t, j) => new TargetFit(t, literature[j], estimate[j])).ToArray();
        return new CalibrationResult(estimates, correlation, fits, cases.Select(c => c.Id).ToArray(),
            Objective(targets, literature), Objective(targets, estimate), evaluations, found?.ReasonForExit.ToString() ?? "every parameter held at its literature value");
    }

    private static double Clamp(ModelParameter d, double v) => Math.Clamp(v, d.Minimum, d.Maximum);

    private static double Residual(CalibrationTarget t, double simulated) =>
        double.IsFinite(simulated) ? (simulated - t.Centre) / t.Sigma : CalibrationTarget.FailureResidual;

    private static double Objective(IReadOnlyList<CalibrationTarget> targets, double[] sim) => targets.Select((t, j) => Residual(t, sim[j])).Sum(r => r * r);
}
