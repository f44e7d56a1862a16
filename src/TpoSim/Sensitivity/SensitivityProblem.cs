namespace TpoSim.Sensitivity;

/// <summary>One output of a sensitivity problem: name and unit.</summary>
/// <param name="Name">Name (an endpoint's canonical text for a scenario).</param>
/// <param name="Unit">Unit.</param>
public sealed record SensitivityOutput(string Name, string Unit);

/// <summary>
/// The problem every analysis (local, Morris, Sobol) works on: named inputs with nominal values and distributions, named
/// outputs, and a thread-safe function from input values (in <see cref="Parameters"/> order) to outputs, NaN where an
/// output is undefined or the run failed. A scenario becomes one through <see cref="ScenarioProblem"/>; tests pass
/// analytic functions.
/// </summary>
/// <param name="Parameters">The inputs.</param>
/// <param name="Outputs">The outputs.</param>
/// <param name="Evaluate">Input values → output values; called concurrently.</param>
public sealed record SensitivityProblem(IReadOnlyList<SensitivityParameter> Parameters, IReadOnlyList<SensitivityOutput> Outputs, Func<double[], double[]> Evaluate)
{
    /// <summary>The nominal input values.</summary>
    public double[] Nominal() => Parameters.Select(p => p.Nominal).ToArray();

    /// <summary>Input values at unit coordinates <paramref name="u"/> (each parameter's inverse CDF).</summary>
    public double[] ValuesAt(ReadOnlySpan<double> u)
    {
        var x = new double[Parameters.Count];
        for (var i = 0; i < x.Length; i++) x[i] = Parameters[i].Distribution.At(u[i]);
        return x;
    }
}
