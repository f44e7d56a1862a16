using TpoSim.Parameters;
using TpoSim.Physiology;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Tests.Physiology;

/// <summary>Small builders shared by the model tests.</summary>
internal static class ModelFixture
{
    public static TestModel Healthy() => new(ParameterSet.Default, new Patient());

    public static double[] Derivative(TestModel model, double[] y)
    {
        var f = new double[y.Length];
        model.Derivative(0, y, f);
        return f;
    }

    /// <summary>A scenario from code (the parser is tested separately).</summary>
    public static Scenario Scenario(double days, double step, IReadOnlyDictionary<string, double>? overrides = null,
        IReadOnlyList<ScenarioEvent>? events = null, IReadOnlyList<DoseRecord>? doses = null) =>
        new("test", "", new Patient(), [], overrides ?? new Dictionary<string, double>(), days, step, null,
            doses ?? [], events ?? []);

    public static SimulationResult Run(Scenario scenario)
    {
        var result = Simulator.Run(scenario);
        Assert.True(result.Succeeded, $"{result.Status}: {result.Diagnostic}");
        return result;
    }

    /// <summary>
    /// Asserts the model's declared sparsity covers every dependency: perturb each state of <paramref name="y"/> and
    /// check that every row that moves is in the pattern (the sparse LU and grouped differences trust it).
    /// </summary>
    public static void AssertPatternCoversDependencies(TestModel model, double[] y)
    {
        var pattern = Assert.IsType<TpoSim.Numerics.Ode.JacobianStructure.SparseStructure>(model.Structure).NonZeros;
        var f0 = Derivative(model, y);
        for (var j = 0; j < y.Length; j++)
        {
            var yp = (double[])y.Clone();
            yp[j] += 1e-6 * Math.Max(1, Math.Abs(y[j]));
            var f1 = Derivative(model, yp);
            for (var i = 0; i < y.Length; i++)
            {
                if (f1[i] != f0[i] && i != j) Assert.True(pattern[i].Contains(j), $"f[{i}] depends on y[{j}] but the pattern omits it");
            }
        }
    }

    public static double At(SimulationResult r, double day, Func<ModelOutputs, double> select)
    {
        var best = 0;
        for (var i = 1; i < r.Days.Count; i++)
            if (Math.Abs(r.Days[i] - day) < Math.Abs(r.Days[best] - day)) best = i;
        return select(r.Outputs[best]);
    }
}
