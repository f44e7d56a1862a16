namespace TpoSim.Numerics.Ode.Solvers;

/// <summary>
/// The weighted root-mean-square norm used for step-size control, as in Hairer's DOPRI5 and RODAS
/// codes (Hairer, Nørsett &amp; Wanner, Solving ODEs I, §II.4, eq. 4.11): component i is scaled by
/// atol_i + rtol·max(|y0_i|, |y1_i|).
/// </summary>
internal sealed class ErrorNorm
{
    private readonly double[] _atol;

    public ErrorNorm(OdeSolverOptions options, int n) : this(options, new double[n])
    {
    }

    /// <summary>The options' norm, its tolerances written into <paramref name="buffer"/> (of the state's length), which it keeps.</summary>
    public ErrorNorm(OdeSolverOptions options, double[] buffer)
    {
        RelativeTolerance = options.RelativeTolerance;
        _atol = buffer;
        if (options.AbsoluteTolerances is { } v) v.Span.CopyTo(_atol);
        else Array.Fill(_atol, options.AbsoluteTolerance);
    }

    /// <summary>A norm with explicit tolerances (e.g. RADAU5's transformed ones).</summary>
    public ErrorNorm(double relativeTolerance, ReadOnlySpan<double> absoluteTolerances)
    {
        RelativeTolerance = relativeTolerance;
        _atol = absoluteTolerances.ToArray();
    }

    public double RelativeTolerance { get; }

    public ReadOnlySpan<double> AbsoluteTolerances => _atol;

    /// <summary>‖err‖ with the scale taken from both ends of the step. NaN if anything is non-finite.</summary>
    public double Norm(ReadOnlySpan<double> err, ReadOnlySpan<double> y0, ReadOnlySpan<double> y1)
    {
        double sum = 0, rtol = RelativeTolerance;
        for (int i = 0; i < err.Length; i++)
        {
            double sk = _atol[i] + rtol * Math.Max(Math.Abs(y0[i]), Math.Abs(y1[i]));
            double q = err[i] / sk;
            sum += q * q;
        }
        double r = Math.Sqrt(sum / err.Length);
        return double.IsFinite(r) ? r : double.NaN;
    }

    /// <summary>‖v‖ scaled by atol_i + rtol·|y_i|.</summary>
    public double Norm(ReadOnlySpan<double> v, ReadOnlySpan<double> y) => Norm(v, y, y);
}
