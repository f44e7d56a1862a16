using MathNet.Numerics.LinearAlgebra;

namespace TpoSim.Fitting;

/// <summary>
/// The Laplace approximation of a patient's posterior: η ~ N(η̂, Σ). Draws are seeded and made in a fixed order
/// (Box–Muller from <see cref="Random"/>), so the same seed gives the same draws on any machine and thread count.
/// </summary>
public sealed class LaplacePosterior
{
    private readonly double[] _mean;
    private readonly Matrix<double> _cholesky;

    /// <summary>The posterior of <paramref name="fit"/>.</summary>
    /// <exception cref="ArgumentException">The fit has no covariance (did not converge).</exception>
    public LaplacePosterior(FitResult fit)
        : this(fit?.Eta ?? throw new ArgumentNullException(nameof(fit)), fit.Covariance ?? throw new ArgumentException("The fit has no covariance.", nameof(fit)))
    {
    }

    /// <summary>N(<paramref name="mean"/>, <paramref name="covariance"/>).</summary>
    public LaplacePosterior(double[] mean, double[,] covariance)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(covariance);
        _mean = (double[])mean.Clone();
        _cholesky = Matrix<double>.Build.DenseOfArray(covariance).Cholesky().Factor;
    }

    /// <summary>Dimension of η.</summary>
    public int Dimension => _mean.Length;

    /// <summary><paramref name="count"/> draws of η from the stream seeded with <paramref name="seed"/>, scaled by <paramref name="spread"/> (1 = the posterior).</summary>
    public double[][] Sample(int count, int seed, double spread = 1)
    {
        var random = new Random(seed);
        var draws = new double[count][];
        for (var k = 0; k < count; k++)
        {
            var z = new double[Dimension];
            for (var i = 0; i < Dimension; i++) z[i] = StandardNormal(random);
            var eta = (double[])_mean.Clone();
            for (var i = 0; i < Dimension; i++)
            {
                for (var j = 0; j <= i; j++) eta[i] += spread * _cholesky[i, j] * z[j];
            }
            draws[k] = eta;
        }
        return draws;
    }

    /// <summary>log density of N(η̂, spread²·Σ) at <paramref name="eta"/>, up to the constant shared by all points.</summary>
    public double LogDensity(double[] eta, double spread = 1)
    {
        ArgumentNullException.ThrowIfNull(eta);
        var d = Vector<double>.Build.Dense(Dimension, i => (eta[i] - _mean[i]) / spread);
        var y = _cholesky.Solve(d);
        return -0.5 * y.DotProduct(y) - Dimension * Math.Log(spread);
    }

    private static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

/// <summary>Posterior moments of η by importance sampling: the check of the Laplace approximation.</summary>
/// <param name="Mean">Weighted mean of η.</param>
/// <param name="Sd">Weighted SD of each η.</param>
/// <param name="EffectiveSampleSize">(Σw)²/Σw²: how many equally weighted draws the sample is worth.</param>
public sealed record ImportanceSample(double[] Mean, double[] Sd, double EffectiveSampleSize)
{
    /// <summary>
    /// Draws <paramref name="count"/> η from the Laplace posterior widened by <paramref name="spread"/> (heavier tails than
    /// the target, as importance sampling needs), weights each by exp(−objective)/proposal density, and returns the moments.
    /// </summary>
    public static ImportanceSample Run(FitResult fit, int count, int seed, double spread = 1.5, int threads = 1, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var posterior = new LaplacePosterior(fit);
        var draws = posterior.Sample(count, seed, spread);
        var logw = new double[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellation },
            k => logw[k] = -fit.Problem.Objective(draws[k], cancellation) - posterior.LogDensity(draws[k], spread));
        var max = logw.Max();
        var w = logw.Select(l => Math.Exp(l - max)).ToArray();
        var total = w.Sum();
        var n = posterior.Dimension;
        var mean = new double[n];
        var sd = new double[n];
        for (var i = 0; i < n; i++)
        {
            var m = 0.0;
            for (var k = 0; k < count; k++) m += w[k] * draws[k][i];
            m /= total;
            var v = 0.0;
            for (var k = 0; k < count; k++) v += w[k] * (draws[k][i] - m) * (draws[k][i] - m);
            mean[i] = m;
            sd[i] = Math.Sqrt(v / total);
        }
        return new ImportanceSample(mean, sd, total * total / w.Sum(x => x * x));
    }
}
