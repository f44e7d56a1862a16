using TpoSim.Numerics.Ode;

namespace TpoSim.Simulation;

/// <summary>Solver names and tolerances the simulator uses (the model itself never picks an integrator).</summary>
public static class SolverChoice
{
    /// <summary>Registry names accepted by <c>--solver</c> and the scenario's simulation.solver.</summary>
    public static IReadOnlyList<string> Names => SolverRegistry.All.Select(s => s.Descriptor.Name).ToArray();

    /// <summary>True if <paramref name="name"/> is a registered solver.</summary>
    public static bool IsKnown(string name) => SolverRegistry.All.Any(s => s.Descriptor.Name == name);

    /// <summary>The named solver, or the registry default when <paramref name="name"/> is null.</summary>
    public static IOdeSolver Resolve(string? name) => name is null ? SolverRegistry.Default : SolverRegistry.Get(name);

    /// <summary>Relative tolerance of a single simulation.</summary>
    public const double DefaultRelativeTolerance = 1e-6;

    /// <summary>
    /// Relative tolerance of the many simulations whose results are summarised over random draws: population subjects,
    /// forecast posterior draws and the fit's band draws. Their Monte-Carlo error is orders of magnitude above the
    /// integration error at 1e-4, which halves the steps of 1e-6 (docs/performance.md, "Tolerance policy": on the Kuter
    /// 2008 trial no statistic moved against 1e-8 and the bands by ≤ 5e-4; on the 8-week forecast no regimen's time in
    /// range, P(&gt; 400) or dose moved and the bands by ≤ 2.2e-5). Fits themselves (MAP, Hessian) keep
    /// <see cref="DefaultRelativeTolerance"/>: their finite differences need the tighter solve.
    /// </summary>
    public const double DrawRelativeTolerance = 1e-4;

    /// <summary>
    /// Tolerances for the TPO model: relative <see cref="DefaultRelativeTolerance"/>; absolute 1e-8 on the normalised chains
    /// (values ≈1) and 1e-6 on platelets (10^9/L) and TPO (pM), far below anything measurable.
    /// </summary>
    public static OdeSolverOptions DefaultOptions(int dimension, int firstAbsoluteState) =>
        // Made once per model shape: the options are immutable (a run derives its own with `with`) and the tolerance
        // array is only read, so every run of a shape shares them.
        Defaults.GetOrAdd((dimension, firstAbsoluteState), key =>
        {
            var atol = new double[key.Dimension];
            for (var i = 0; i < key.Dimension; i++) atol[i] = i < key.FirstAbsolute ? 1e-8 : 1e-6;
            return new OdeSolverOptions { RelativeTolerance = DefaultRelativeTolerance, AbsoluteTolerances = atol };
        });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Dimension, int FirstAbsolute), OdeSolverOptions> Defaults = new();
}
