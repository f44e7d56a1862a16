namespace TpoSim.Sensitivity;

/// <summary>
/// A second-order finite-difference formula for d f / d ln p, used at steps h and h/2 so Richardson extrapolation
/// (4·D(h/2) − D(h))/3 removes the h² term and |D(h/2) − D(h)|/3 estimates the remaining error. Central differences are
/// used inside the allowed range; at a bound, the one-sided second-order formula f'(0) ≈ (3f(0) − 4f(∓h) + f(∓2h))/(±2h).
/// </summary>
public enum DifferenceScheme
{
    /// <summary>(f(h) − f(−h)) / 2h.</summary>
    Central,
    /// <summary>(3f(0) − 4f(−h) + f(−2h)) / 2h, at the upper bound.</summary>
    Backward,
    /// <summary>(−3f(0) + 4f(h) − f(2h)) / 2h, at the lower bound.</summary>
    Forward,
}

/// <summary>The offsets (in ln p) each scheme evaluates, and its derivative formula.</summary>
public static class DifferenceSchemes
{
    /// <summary>Offsets for step h then h/2 (shared points listed once): central ±h, ±h/2; one-sided −h, −2h, −h/2 (mirrored forward).</summary>
    public static double[] Offsets(DifferenceScheme scheme, double h) => scheme switch
    {
        DifferenceScheme.Central => [h, -h, h / 2, -h / 2],
        DifferenceScheme.Backward => [-h, -2 * h, -h / 2],
        DifferenceScheme.Forward => [h, 2 * h, h / 2],
        _ => throw new ArgumentOutOfRangeException(nameof(scheme)),
    };

    /// <summary>D(h) and D(h/2) from the base value f0 and the values at <see cref="Offsets"/>.</summary>
    public static (double Full, double Half) Derivatives(DifferenceScheme scheme, double h, double f0, ReadOnlySpan<double> f) => scheme switch
    {
        DifferenceScheme.Central => ((f[0] - f[1]) / (2 * h), (f[2] - f[3]) / h),
        DifferenceScheme.Backward => ((3 * f0 - 4 * f[0] + f[1]) / (2 * h), (3 * f0 - 4 * f[2] + f[0]) / h),
        DifferenceScheme.Forward => ((-3 * f0 + 4 * f[0] - f[1]) / (2 * h), (-3 * f0 + 4 * f[2] - f[0]) / h),
        _ => throw new ArgumentOutOfRangeException(nameof(scheme)),
    };

    /// <summary>The scheme whose points stay in [min, max] for p (central when possible), or null when none fits.</summary>
    public static DifferenceScheme? For(double p, double min, double max, double h)
    {
        if (p * Math.Exp(h) <= max && p * Math.Exp(-h) >= min) return DifferenceScheme.Central;
        if (p * Math.Exp(-2 * h) >= min && p <= max) return DifferenceScheme.Backward;
        if (p * Math.Exp(2 * h) <= max && p >= min) return DifferenceScheme.Forward;
        return null;
    }
}
