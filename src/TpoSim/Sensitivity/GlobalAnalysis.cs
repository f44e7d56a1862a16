namespace TpoSim.Sensitivity;

/// <summary>
/// Global sensitivity analysis: evaluates a design (or takes the outputs of its runs from shards) and estimates the
/// indices of every output at N/4, N/2 and N samples, so the change with N shows whether N was enough.
/// </summary>
public static class GlobalAnalysis
{
    /// <summary>Evaluates every run of <paramref name="config"/>'s design on <paramref name="problem"/> and estimates the indices.</summary>
    public static GlobalSensitivityResult Run(GlobalConfig config, SensitivityProblem problem, int threads, IProgress<double>? progress = null,
        CancellationToken cancellation = default)
    {
        var design = config.Design();
        var outputs = GlobalEvaluator.Evaluate(problem, design, new RunRange(0, design.Runs), threads, progress, cancellation);
        return Estimate(config, outputs);
    }

    /// <summary>The indices from the outputs of every run of <paramref name="config"/>'s design.</summary>
    public static GlobalSensitivityResult Estimate(GlobalConfig config, double[][] outputs)
    {
        var design = config.Design();
        if (outputs.Length != design.Runs) throw new ArgumentException($"Expected {design.Runs} runs, got {outputs.Length}.", nameof(outputs));
        var steps = new List<IReadOnlyList<ConvergenceStep>>();
        for (var k = 0; k < config.Outputs.Count; k++)
        {
            var list = new List<ConvergenceStep>();
            foreach (var n in ConvergenceSizes(config.Samples))
                list.Add(new ConvergenceStep(n, design.Estimate(outputs, k, n, n == config.Samples ? config.Bootstrap : 0, config.Seed)));
            steps.Add(list);
        }
        return new GlobalSensitivityResult(config, outputs, steps);
    }

    /// <summary>N/4, N/2 and N (distinct, ≥ 2).</summary>
    public static IReadOnlyList<int> ConvergenceSizes(int samples) =>
        new[] { samples / 4, samples / 2, samples }.Where(n => n >= 2).Distinct().ToArray();
}
