namespace TpoSim.Sensitivity;

/// <summary>
/// Normalised local sensitivities ∂ ln y / ∂ ln p at the nominal point by second-order finite differences at two steps
/// with Richardson extrapolation (Richardson LF, Phil Trans R Soc A 1911;210:307); the difference between the two steps
/// is the reported error estimate and drives the reliability flag. Where the output is positive at every point, ln y is
/// differenced (exact for power laws, and the usual case for counts and concentrations); otherwise y itself, divided by y.
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
        Parallel.For(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = options.Cancellation }, r =>
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
                values[i][k] = Estimate(schemes[i], h, f0[k], f, options);
            }
            next += count;
        }
        return new LocalSensitivityResult(problem, options, f0, schemes, values, runs.Count);
    }

    /// <summary>One output's sensitivity from its base value and its values at the scheme's offsets.</summary>
    private static LocalSensitivity Estimate(DifferenceScheme scheme, double h, double f0, Span<double> f, LocalSensitivityOptions options)
    {
        var positive = f0 > 0 && double.IsFinite(f0);
        foreach (var v in f) positive &= v > 0 && double.IsFinite(v);
        double full, half, scale;
        if (positive)
        {
            // Differences of ln y give ∂ ln y/∂ ln p directly.
            for (var j = 0; j < f.Length; j++) f[j] = Math.Log(f[j]);
            (full, half) = DifferenceSchemes.Derivatives(scheme, h, Math.Log(f0), f);
            scale = 1;
        }
        else
        {
            (full, half) = DifferenceSchemes.Derivatives(scheme, h, f0, f);
            scale = f0 != 0 && double.IsFinite(f0) ? 1 / f0 : double.NaN;
        }
        var s = (4 * half - full) / 3 * scale;
        var err = Math.Abs(half - full) / 3 * Math.Abs(scale);
        var derivative = positive ? s * f0 : (4 * half - full) / 3;
        var reliable = double.IsFinite(s) && err <= options.RelativeTolerance * Math.Abs(s) + options.AbsoluteTolerance;
        return new LocalSensitivity(derivative, s, full * scale, half * scale, err, reliable);
    }
}
