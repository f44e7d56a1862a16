namespace TpoSim.Sensitivity;

/// <summary>
/// Normalised local sensitivities ∂ ln y / ∂ ln p at the nominal point by second-order finite differences at two steps
/// with Richardson extrapolation (Richardson LF, Phil Trans R Soc A 1911;210:307); the difference between the two steps
/// is the reported error estimate and drives the reliability flag.
/// </summary>
public static class LocalAnalysis
{
    /// <summary>Analyses <paramref name="problem"/> (all nominal values must be &gt; 0 and inside their range).</summary>
    public static LocalSensitivityResult Run(SensitivityProblem problem, LocalSensitivityOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Threads < 1) throw new ArgumentOutOfRangeException(nameof(options), "Threads must be ≥ 1.");
        if (!(options.LogStep > 0 && options.LogStep <= 0.5)) throw new ArgumentOutOfRangeException(nameof(options), "LogStep must be in (0, 0.5].");
        var parameters = problem.Parameters;
        var h = options.LogStep;
        var nominal = problem.Nominal();
        var schemes = new DifferenceScheme[parameters.Count];
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            if (!(p.Nominal > 0)) throw new ArgumentException($"{p.Name}: nominal value {p.Nominal} must be > 0 for ln p.", nameof(problem));
            schemes[i] = DifferenceSchemes.For(p.Nominal, p.Minimum, p.Maximum, h)
                ?? throw new ArgumentException($"{p.Name}: no difference step of {h} in ln p fits its range [{p.Minimum}, {p.Maximum}].", nameof(problem));
        }
        // Every run as (parameter, offset); run 0 is the nominal point. Results land by index, so threads never change them.
        var runs = new List<(int Parameter, double Offset)> { (-1, 0) };
        for (var i = 0; i < parameters.Count; i++)
        {
            foreach (var offset in DifferenceSchemes.Offsets(schemes[i], h)) runs.Add((i, offset));
        }
        var results = new double[runs.Count][];
        var done = 0;
        Parallel.For(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, r =>
        {
            var x = (double[])nominal.Clone();
            var (i, offset) = runs[r];
            if (i >= 0) x[i] = nominal[i] * Math.Exp(offset);
            results[r] = problem.Evaluate(x);
            options.Progress?.Report((double)Interlocked.Increment(ref done) / runs.Count);
        });
        var f0 = results[0];
        var values = new LocalSensitivity[parameters.Count][];
        var next = 1;
        Span<double> buffer = stackalloc double[4];
        for (var i = 0; i < parameters.Count; i++)
        {
            var count = DifferenceSchemes.Offsets(schemes[i], h).Length;
            values[i] = new LocalSensitivity[f0.Length];
            var f = buffer[..count];
            for (var k = 0; k < f0.Length; k++)
            {
                for (var j = 0; j < count; j++) f[j] = results[next + j][k];
                var (full, half) = DifferenceSchemes.Derivatives(schemes[i], h, f0[k], f);
                var derivative = (4 * half - full) / 3;
                var error = Math.Abs(half - full) / 3;
                var scale = f0[k] != 0 && double.IsFinite(f0[k]) ? 1 / f0[k] : double.NaN;
                var s = derivative * scale;
                var err = error * Math.Abs(scale);
                var reliable = double.IsFinite(s) && err <= options.RelativeTolerance * Math.Abs(s) + options.AbsoluteTolerance;
                values[i][k] = new LocalSensitivity(derivative, s, full * scale, half * scale, err, reliable);
            }
            next += count;
        }
        return new LocalSensitivityResult(problem, options, f0, schemes, values, runs.Count);
    }
}
