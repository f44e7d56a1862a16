namespace TpoSim.Sensitivity;

/// <summary>
/// Evaluates a range of a design's runs in parallel. Each run's outputs are stored at its index, so the result is the
/// same for any thread count.
/// </summary>
public static class GlobalEvaluator
{
    /// <summary>Outputs of runs <paramref name="range"/> (row r − From = run r).</summary>
    public static double[][] Evaluate(SensitivityProblem problem, GlobalDesign design, RunRange range, int threads,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(design);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var outputs = new double[range.Count][];
        var done = 0;
        Parallel.For(0, range.Count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation }, r =>
        {
            var values = problem.ValuesAt(design.Point(range.From + r));
            double[] y;
            try { y = problem.Evaluate(values); }
            catch (ArgumentException)
            {
                // A sampled combination the model rejects (e.g. a derived value out of range) is an undefined run, not a crash.
                y = Enumerable.Repeat(double.NaN, problem.Outputs.Count).ToArray();
            }
            outputs[r] = y;
            progress?.Report((double)Interlocked.Increment(ref done) / range.Count);
        });
        return outputs;
    }
}
