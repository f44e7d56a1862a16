namespace TpoSim.Sensitivity;

/// <summary>
/// The sample points of a global method on the unit hypercube, grouped into samples (a Sobol' base sample's k + 2
/// runs, a Morris trajectory's k + 1 runs), and the estimator that turns the outputs of those runs into indices. Points
/// depend only on (parameter count, samples, seed), so shards can evaluate disjoint run ranges of the same design.
/// </summary>
public abstract class GlobalDesign
{
    /// <summary>Number of parameters.</summary>
    public abstract int Dimensions { get; }

    /// <summary>Samples (Sobol' base samples N, Morris trajectories r).</summary>
    public abstract int Samples { get; }

    /// <summary>Runs per sample.</summary>
    public abstract int RunsPerSample { get; }

    /// <summary>All runs: Samples × RunsPerSample.</summary>
    public int Runs => Samples * RunsPerSample;

    /// <summary>Unit coordinates of run <paramref name="run"/>.</summary>
    public abstract double[] Point(int run);

    /// <summary>
    /// Indices of output <paramref name="output"/> from the first <paramref name="samples"/> samples; a sample with a
    /// non-finite output in any of its runs is dropped. <paramref name="bootstrap"/> resamples (seeded by
    /// <paramref name="seed"/>) give the 95% percentile intervals.
    /// </summary>
    public abstract IndexTable Estimate(double[][] outputs, int output, int samples, int bootstrap, long seed);

    /// <summary>Sample indices (below <paramref name="samples"/>) whose runs all have a finite output <paramref name="output"/>.</summary>
    protected int[] Usable(double[][] outputs, int output, int samples)
    {
        var list = new List<int>(samples);
        for (var j = 0; j < samples; j++)
        {
            var ok = true;
            for (var r = 0; r < RunsPerSample && ok; r++) ok = double.IsFinite(outputs[j * RunsPerSample + r][output]);
            if (ok) list.Add(j);
        }
        return list.ToArray();
    }

    /// <summary>
    /// Point estimates from <paramref name="statistic"/> on the usable samples, and 95% percentile intervals from
    /// <paramref name="bootstrap"/> resamples of them with replacement (Efron B, Tibshirani RJ. An Introduction to the
    /// Bootstrap, 1993, ch. 13).
    /// </summary>
    protected static IndexTable WithBootstrap(IReadOnlyList<string> names, int[] usable, int dropped, int parameters, int bootstrap, long seed,
        Func<int[], double[][]> statistic)
    {
        var values = statistic(usable);
        var lower = new double[parameters][];
        var upper = new double[parameters][];
        for (var i = 0; i < parameters; i++)
        {
            lower[i] = Enumerable.Repeat(double.NaN, names.Count).ToArray();
            upper[i] = Enumerable.Repeat(double.NaN, names.Count).ToArray();
        }
        if (bootstrap > 0 && usable.Length > 1)
        {
            var draws = new double[parameters, names.Count][];
            for (var i = 0; i < parameters; i++)
                for (var m = 0; m < names.Count; m++) draws[i, m] = new double[bootstrap];
            var random = new Population.SubjectRandom(seed, -2);
            var resample = new int[usable.Length];
            for (var b = 0; b < bootstrap; b++)
            {
                for (var j = 0; j < resample.Length; j++) resample[j] = usable[(int)(random.NextDouble() * usable.Length)];
                var v = statistic(resample);
                for (var i = 0; i < parameters; i++)
                    for (var m = 0; m < names.Count; m++) draws[i, m][b] = v[i][m];
            }
            for (var i = 0; i < parameters; i++)
            {
                for (var m = 0; m < names.Count; m++)
                {
                    var sorted = draws[i, m].Where(double.IsFinite).Order().ToArray();
                    if (sorted.Length == 0) continue;
                    lower[i][m] = Quantile(sorted, 0.025);
                    upper[i][m] = Quantile(sorted, 0.975);
                }
            }
        }
        return new IndexTable(names, values, lower, upper, usable.Length, dropped);
    }

    /// <summary>Linear-interpolation quantile of sorted values (type 7).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(sorted.Length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
