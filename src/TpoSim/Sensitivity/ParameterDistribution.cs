using System.Globalization;

namespace TpoSim.Sensitivity;

/// <summary>
/// How a parameter varies in a global analysis: a map from a unit coordinate u ∈ [0, 1) to a value (the inverse CDF),
/// so quasi-random designs on the unit hypercube carry over unchanged.
/// </summary>
public abstract record ParameterDistribution
{
    /// <summary>The value at unit coordinate <paramref name="u"/> (inverse cumulative distribution).</summary>
    public abstract double At(double u);

    /// <summary>One-line description, e.g. "log-uniform [0.1, 10]".</summary>
    public abstract string Text { get; }

    /// <summary>Short kind name used in files ("uniform", "logUniform", "normal", "logNormal").</summary>
    public abstract string Kind { get; }

    /// <summary>
    /// The default for a parameter allowed in [<paramref name="min"/>, <paramref name="max"/>]: log-uniform when the
    /// range is positive and spans at least a decade (a factor of 10), uniform otherwise.
    /// </summary>
    public static ParameterDistribution OverRange(double min, double max) =>
        min > 0 && max / min >= 10 ? new LogUniformDistribution(min, max) : new UniformDistribution(min, max);

    /// <summary>Invariant number text for descriptions.</summary>
    protected static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>Uniform on [Minimum, Maximum].</summary>
/// <param name="Minimum">Lower bound.</param>
/// <param name="Maximum">Upper bound.</param>
public sealed record UniformDistribution(double Minimum, double Maximum) : ParameterDistribution
{
    /// <inheritdoc />
    public override double At(double u) => Minimum + u * (Maximum - Minimum);
    /// <inheritdoc />
    public override string Text => $"uniform [{F(Minimum)}, {F(Maximum)}]";
    /// <inheritdoc />
    public override string Kind => "uniform";
}

/// <summary>Log-uniform on [Minimum, Maximum] (both &gt; 0): uniform in ln value, for ranges spanning decades.</summary>
/// <param name="Minimum">Lower bound (&gt; 0).</param>
/// <param name="Maximum">Upper bound.</param>
public sealed record LogUniformDistribution(double Minimum, double Maximum) : ParameterDistribution
{
    /// <inheritdoc />
    public override double At(double u) => Math.Min(Maximum, Minimum * Math.Exp(u * Math.Log(Maximum / Minimum)));
    /// <inheritdoc />
    public override string Text => $"log-uniform [{F(Minimum)}, {F(Maximum)}]";
    /// <inheritdoc />
    public override string Kind => "logUniform";
}

/// <summary>Normal (Mean, Sd) truncated to [Minimum, Maximum] (inverse CDF of the truncated distribution).</summary>
/// <param name="Mean">Mean before truncation.</param>
/// <param name="Sd">Standard deviation before truncation (&gt; 0).</param>
/// <param name="Minimum">Lower truncation bound.</param>
/// <param name="Maximum">Upper truncation bound.</param>
public sealed record NormalDistribution(double Mean, double Sd, double Minimum, double Maximum) : ParameterDistribution
{
    /// <inheritdoc />
    public override double At(double u)
    {
        var lo = MathNet.Numerics.Distributions.Normal.CDF(Mean, Sd, Minimum);
        var hi = MathNet.Numerics.Distributions.Normal.CDF(Mean, Sd, Maximum);
        return Math.Clamp(MathNet.Numerics.Distributions.Normal.InvCDF(Mean, Sd, lo + u * (hi - lo)), Minimum, Maximum);
    }
    /// <inheritdoc />
    public override string Text => $"normal (mean {F(Mean)}, sd {F(Sd)}) in [{F(Minimum)}, {F(Maximum)}]";
    /// <inheritdoc />
    public override string Kind => "normal";
}

/// <summary>Log-normal with median Median and coefficient of variation Cv, truncated to [Minimum, Maximum] (Minimum &gt; 0).</summary>
/// <param name="Median">Median (the typical value, &gt; 0).</param>
/// <param name="Cv">Coefficient of variation (ω = √ln(1 + CV²)).</param>
/// <param name="Minimum">Lower truncation bound (&gt; 0).</param>
/// <param name="Maximum">Upper truncation bound.</param>
public sealed record LogNormalDistribution(double Median, double Cv, double Minimum, double Maximum) : ParameterDistribution
{
    /// <summary>Standard deviation of ln value.</summary>
    public double Omega => Math.Sqrt(Math.Log(1 + Cv * Cv));

    /// <inheritdoc />
    public override double At(double u)
    {
        var mu = Math.Log(Median);
        var lo = MathNet.Numerics.Distributions.Normal.CDF(mu, Omega, Math.Log(Minimum));
        var hi = MathNet.Numerics.Distributions.Normal.CDF(mu, Omega, Math.Log(Maximum));
        return Math.Clamp(Math.Exp(MathNet.Numerics.Distributions.Normal.InvCDF(mu, Omega, lo + u * (hi - lo))), Minimum, Maximum);
    }
    /// <inheritdoc />
    public override string Text => $"log-normal (median {F(Median)}, CV {F(Cv)}) in [{F(Minimum)}, {F(Maximum)}]";
    /// <inheritdoc />
    public override string Kind => "logNormal";
}
