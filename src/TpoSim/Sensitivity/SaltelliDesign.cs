namespace TpoSim.Sensitivity;

/// <summary>
/// Sobol' indices by the design and estimators of Saltelli A et al. Comput Phys Commun 2010;181:259: matrices A and B
/// are the two halves of a 2k-dimensional (digitally shifted) Sobol' sequence, and A_B^(i) is A with column i from B,
/// so each base sample j takes k + 2 runs (A_j, B_j, A_B^(1)_j … A_B^(k)_j). First order by Saltelli 2010's
/// estimator (Table 2 b), V_i = mean f(B)(f(A_B^(i)) − f(A)); total by Jansen's (Jansen MJW. Comput Phys Commun
/// 1999;117:35; Saltelli 2010 Table 2 f), V_Ti = mean (f(A) − f(A_B^(i)))² / 2; both divided by the variance of
/// f(A) and f(B) together. Outputs are centred first (it changes neither estimator's expectation, only round-off).
/// </summary>
public sealed class SaltelliDesign : GlobalDesign
{
    private readonly double[][] _base;
    private readonly int _k;

    /// <summary>A design of <paramref name="samples"/> base samples in <paramref name="dimensions"/> parameters.</summary>
    public SaltelliDesign(int dimensions, int samples, long seed)
    {
        if (2 * dimensions > SobolSequence.MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), $"Sobol' indices support at most {SobolSequence.MaxDimensions / 2} parameters.");
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        _k = dimensions;
        _base = new SobolSequence(2 * dimensions, seed).Points(samples);
    }

    /// <summary>Index names: first order and total.</summary>
    public static IReadOnlyList<string> IndexNames { get; } = ["S1", "ST"];

    /// <inheritdoc />
    public override int Dimensions => _k;
    /// <inheritdoc />
    public override int Samples => _base.Length;
    /// <inheritdoc />
    public override int RunsPerSample => _k + 2;

    /// <inheritdoc />
    public override double[] Point(int run)
    {
        var (j, r) = Math.DivRem(run, RunsPerSample);
        var row = _base[j];
        var x = new double[_k];
        // r = 0: A_j; r = 1: B_j; r = 2 + i: A_j with coordinate i from B_j.
        for (var i = 0; i < _k; i++) x[i] = r == 1 || r - 2 == i ? row[_k + i] : row[i];
        return x;
    }

    /// <inheritdoc />
    public override IndexTable Estimate(double[][] outputs, int output, int samples, int bootstrap, long seed)
    {
        var usable = Usable(outputs, output, samples);
        var stride = RunsPerSample;
        double F(int j, int r) => outputs[j * stride + r][output];
        return WithBootstrap(IndexNames, usable, samples - usable.Length, _k, bootstrap, seed, set =>
        {
            var n = set.Length;
            var mean = 0.0;
            foreach (var j in set) mean += F(j, 0) + F(j, 1);
            mean /= 2 * n;
            var variance = 0.0;
            foreach (var j in set) variance += (F(j, 0) - mean) * (F(j, 0) - mean) + (F(j, 1) - mean) * (F(j, 1) - mean);
            variance /= 2 * n;
            var result = new double[_k][];
            for (var i = 0; i < _k; i++)
            {
                double first = 0, total = 0;
                foreach (var j in set)
                {
                    double a = F(j, 0) - mean, b = F(j, 1) - mean, ab = F(j, 2 + i) - mean;
                    first += b * (ab - a);
                    total += (a - ab) * (a - ab);
                }
                result[i] = variance > 0 ? [first / n / variance, total / (2 * n) / variance] : [double.NaN, double.NaN];
            }
            return result;
        });
    }
}
