using TpoSim.Numerics.LinearAlgebra;
using TpoSim.Numerics.Ode;

namespace TpoSim.Numerics.SteadyState;

/// <summary>
/// Finds y with f(T0, y) = 0 from a starting state: damped Newton first (Deuflhard, Newton Methods for
/// Nonlinear Problems, 2004, §3.1; backtracking with the Armijo condition ‖f(y + λΔ)‖ ≤ (1 − 10⁻⁴λ)‖f(y)‖,
/// Dennis &amp; Schnabel 1983, §6.3), and, when Newton fails, time integration with the stiff solver in
/// growing chunks — the physical route to a stable steady state — each followed by a Newton polish.
/// The Jacobian is the problem's analytic one or grouped finite differences; the LU follows the declared
/// structure, as in the ODE solvers.
/// </summary>
public static class SteadyStateSolver
{
    /// <summary>Searches for a steady state starting from <paramref name="problem"/>'s initial state. Throws only for invalid arguments.</summary>
    public static SteadyStateResult Solve(OdeProblem problem, SteadyStateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new SteadyStateOptions();
        Validate(problem, options);
        var newton = new NewtonIteration(problem, options);
        try { return Solve(problem, options, newton); }
        finally { newton.Release(); }
    }

    private static SteadyStateResult Solve(OdeProblem problem, SteadyStateOptions options, NewtonIteration newton)
    {
        int n = problem.Dimension;
        double[] y = problem.InitialState.ToArray();

        if (options.Cancellation.IsCancellationRequested)
            return new(SteadyStateStatus.Cancelled, SteadyStateMethod.Newton, y, double.NaN, 0, "Cancelled before the first iteration.");

        NewtonOutcome first = newton.Run(y, out double[] yNewton);
        if (first == NewtonOutcome.Converged)
            return new(SteadyStateStatus.Converged, SteadyStateMethod.Newton, yNewton, newton.ResidualNorm(yNewton), newton.Iterations, "");
        if (first == NewtonOutcome.NonFiniteStart)
            return new(SteadyStateStatus.NonFinite, SteadyStateMethod.Newton, y, double.NaN, newton.Iterations,
                "f(y) contains NaN or ±infinity at the starting state: check the model and the initial values.");
        string newtonFailure = newton.FailureReason;

        // Integration: from the original start (a failed Newton iterate may be far off), in chunks of
        // growing length, each from T0 (the steady state of an autonomous system does not depend on time).
        IOdeSolver solver = options.Solver ?? SolverRegistry.Default;
        var odeOptions = new OdeSolverOptions
        {
            RelativeTolerance = Math.Max(options.IntegrationRelativeTolerance ?? options.RelativeTolerance, 1e-12),
            AbsoluteTolerance = options.AbsoluteTolerance,
            AbsoluteTolerances = options.AbsoluteTolerances,
            KeepSteps = false,
            Cancellation = options.Cancellation,
        };
        double chunk = options.InitialIntegrationTime, total = 0;
        while (total < options.MaxIntegrationTime)
        {
            if (options.Cancellation.IsCancellationRequested)
                return new(SteadyStateStatus.Cancelled, SteadyStateMethod.Integration, y, newton.ResidualNorm(y), newton.Iterations, $"Cancelled after integrating to t = {total:G6}.");
            chunk = Math.Min(chunk, options.MaxIntegrationTime - total);   // never past the limit
            var p = problem with { InitialState = y, TEnd = problem.T0 + chunk };
            OdeSolution s = solver.Solve(p, odeOptions);
            if (s.Status == SolverStatus.Cancelled)
                return new(SteadyStateStatus.Cancelled, SteadyStateMethod.Integration, s.FinalState.ToArray(), double.NaN, newton.Iterations, $"Cancelled while integrating: {s.Diagnostic}");
            if (!s.Succeeded)
            {
                SteadyStateStatus st = s.Status == SolverStatus.NonFinite ? SteadyStateStatus.NonFinite : SteadyStateStatus.NotConverged;
                return new(st, SteadyStateMethod.Integration, s.FinalState.ToArray(), newton.ResidualNorm(s.FinalState.ToArray()), newton.Iterations,
                    $"Newton failed ({newtonFailure}) and the integration towards steady state failed after t = {total:G6}: {s.Diagnostic}");
            }
            y = s.FinalState.ToArray();
            total += chunk;

            NewtonOutcome polish = newton.Run(y, out yNewton);
            if (polish == NewtonOutcome.Converged)
                return new(SteadyStateStatus.Converged, SteadyStateMethod.IntegrationThenNewton, yNewton, newton.ResidualNorm(yNewton), newton.Iterations,
                    $"Newton from the starting state failed ({newtonFailure}); integrating to t = {total:G6} and then Newton converged.");
            // Without a Newton polish (e.g. a singular Jacobian from a conservation law), accept the
            // integrated state once the drift over one more chunk, ‖f‖_w · chunk, is below one tolerance unit.
            double r = newton.ResidualNorm(y);
            if (r * chunk <= 1)
                return new(SteadyStateStatus.Converged, SteadyStateMethod.Integration, y, r, newton.Iterations,
                    $"Newton failed ({newtonFailure}; at the integrated state: {newton.FailureReason}); integration to t = {total:G6} settled, drift {r * chunk:G3} tolerance units over the last chunk.");
            chunk *= options.IntegrationGrowth;
        }
        return new(SteadyStateStatus.NotConverged, SteadyStateMethod.Integration, y, newton.ResidualNorm(y), newton.Iterations,
            $"Newton failed ({newtonFailure}) and integration up to t = {total:G6} did not settle (weighted ‖f‖ = {newton.ResidualNorm(y):G3}): " +
            "the system may have no stable steady state (sustained oscillation or unbounded growth); check the parameters or raise MaxIntegrationTime.");
    }

    private static void Validate(OdeProblem problem, SteadyStateOptions o)
    {
        int n = problem.Dimension;
        if (!(o.RelativeTolerance > 0) || !double.IsFinite(o.RelativeTolerance)) throw new ArgumentException($"RelativeTolerance must be positive (got {o.RelativeTolerance}).", nameof(o));
        if (o.AbsoluteTolerances is { } a)
        {
            if (a.Length != n) throw new ArgumentException($"AbsoluteTolerances has {a.Length} entries but the state has {n} components.", nameof(o));
            foreach (double v in a.Span) if (!(v > 0) || !double.IsFinite(v)) throw new ArgumentException($"Every absolute tolerance must be positive (got {v}).", nameof(o));
        }
        else if (!(o.AbsoluteTolerance > 0) || !double.IsFinite(o.AbsoluteTolerance)) throw new ArgumentException($"AbsoluteTolerance must be positive (got {o.AbsoluteTolerance}).", nameof(o));
        if (o.MaxNewtonIterations <= 0) throw new ArgumentException("MaxNewtonIterations must be positive.", nameof(o));
        if (!(o.InitialIntegrationTime > 0) || !double.IsFinite(o.InitialIntegrationTime)) throw new ArgumentException("InitialIntegrationTime must be positive and finite.", nameof(o));
        if (!(o.IntegrationGrowth > 1)) throw new ArgumentException("IntegrationGrowth must exceed 1.", nameof(o));
        if (!(o.MaxIntegrationTime > 0)) throw new ArgumentException("MaxIntegrationTime must be positive.", nameof(o));
        foreach (double v in problem.InitialState.Span) if (!double.IsFinite(v)) throw new ArgumentException("The starting state contains NaN or infinity.", nameof(problem));
    }
}
