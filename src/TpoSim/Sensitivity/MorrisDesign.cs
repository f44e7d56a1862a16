namespace TpoSim.Sensitivity;

/// <summary>
/// Morris elementary effects (Morris MD. Technometrics 1991;33:161) on r one-at-a-time trajectories in a p-level grid
/// with step Δ = p / (2(p − 1)): each trajectory starts at a random grid point and moves every factor once, in a random
/// order, by +Δ where that stays inside [0, 1] and by −Δ otherwise (for even p this gives each factor's start level
/// and direction the symmetric distribution of Morris's randomised B* matrix). Reported per factor: μ* = mean |EE|
/// (Campolongo F, Cariboni J, Saltelli A. Environ Model Softw 2007;22:1509), μ = mean EE and σ = SD of EE, in the
/// output's unit per unit of the factor's scaled (0–1 quantile) range.
/// </summary>
public sealed class MorrisDesign : GlobalDesign
{
    private readonly double[][] _points;
    private readonly int[][] _order;
    private readonly int _k;

    /// <summary>Levels of the grid (p).</summary>
    public int Levels { get; }

    /// <summary>Step Δ = p / (2(p − 1)).</summary>
    public double Delta => Levels / (2.0 * (Levels - 1));

    /// <summary>Index names: μ*, μ and σ.</summary>
    public static IReadOnlyList<string> IndexNames { get; } = ["mu_star", "mu", "sigma"];

    /// <summary><paramref name="trajectories"/> trajectories in <paramref name="dimensions"/> factors on a <paramref name="levels"/>-level grid (even, ≥ 2).</summary>
    public MorrisDesign(int dimensions, int trajectories, long seed, int levels = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 1);
        if (levels < 2 || levels % 2 != 0) throw new ArgumentOutOfRangeException(nameof(levels), "Morris levels must be even and ≥ 2.");
        _k = dimensions;
        Levels = levels;
        _points = new double[trajectories * (dimensions + 1)][];
        _order = new int[trajectories][];
        for (var t = 0; t < trajectories; t++)
        {
            // Each trajectory has its own stream, so trajectory t is the same whatever r is (convergence prefixes, shards).
            var random = new Population.SubjectRandom(seed, t);
            var x = new double[dimensions];
            for (var i = 0; i < dimensions; i++) x[i] = (int)(random.NextDouble() * levels) / (double)(levels - 1);
            var order = Enumerable.Range(0, dimensions).ToArray();
            for (var i = dimensions - 1; i > 0; i--)
            {
                var j = (int)(random.NextDouble() * (i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }
            _order[t] = order;
            var run = t * (dimensions + 1);
            _points[run] = (double[])x.Clone();
            for (var s = 0; s < dimensions; s++)
            {
                var i = order[s];
                x[i] = x[i] + Delta <= 1 + 1e-12 ? x[i] + Delta : x[i] - Delta;
                _points[run + s + 1] = (double[])x.Clone();
            }
        }
    }

    /// <inheritdoc />
    public override int Dimensions => _k;
    /// <inheritdoc />
    public override int Samples => _order.Length;
    /// <inheritdoc />
    public override int RunsPerSample => _k + 1;

    /// <inheritdoc />
    public override double[] Point(int run) => (double[])_points[run].Clone();

    /// <inheritdoc />
    public override IndexTable Estimate(double[][] outputs, int output, int samples, int bootstrap, long seed)
    {
        var usable = Usable(outputs, output, samples);
        // Elementary effects per trajectory and factor, computed once; the bootstrap resamples trajectories.
        var effects = new double[Samples][];
        foreach (var t in usable)
        {
            effects[t] = new double[_k];
            var run = t * (_k + 1);
            for (var s = 0; s < _k; s++)
            {
                var i = _order[t][s];
                var step = _points[run + s + 1][i] - _points[run + s][i];
                effects[t][i] = (outputs[run + s + 1][output] - outputs[run + s][output]) / step;
            }
        }
        return WithBootstrap(IndexNames, usable, samples - usable.Length, _k, bootstrap, seed, set =>
        {
            var result = new double[_k][];
            for (var i = 0; i < _k; i++)
            {
                double sum = 0, sumAbs = 0;
                foreach (var t in set)
                {
                    sum += effects[t][i];
                    sumAbs += Math.Abs(effects[t][i]);
                }
                var mu = sum / set.Length;
                var ss = 0.0;
                foreach (var t in set) ss += (effects[t][i] - mu) * (effects[t][i] - mu);
                result[i] = [sumAbs / set.Length, mu, set.Length > 1 ? Math.Sqrt(ss / (set.Length - 1)) : double.NaN];
            }
            return result;
        });
    }
}
