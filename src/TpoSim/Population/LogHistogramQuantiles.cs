namespace TpoSim.Population;

/// <summary>
/// Streaming, mergeable quantiles of positive values at many points (one histogram per point) with fixed
/// log-spaced bins: bin k holds [L·γᵏ, L·γᵏ⁺¹) with L = <see cref="Lowest"/> and γ = <see cref="BinRatio"/>, plus an
/// underflow bin (values below L, reported as 0) and an overflow bin (values at or above <see cref="Highest"/>,
/// reported as <see cref="Highest"/>). The counters of a point are kept in blocks of <see cref="BlockSlots"/> bins made
/// when a value first falls in them, so memory is at most points × bins counters whatever the number of values (and
/// only the blocks the values reach: a trial's counts span two or three of the ten decades), and merging adds counters, so the result never depends on the order values arrive in (any thread count gives the same bytes).
/// A quantile follows Hyndman–Fan type 7 (linear between order statistics) with each order statistic replaced by its
/// bin's geometric centre: inside [L, H) that is within a factor √γ of the true order statistic, and a convex
/// combination of two such estimates is within the same factor of the true interpolant, so the relative error is at
/// most <see cref="MaxRelativeError"/> = √γ − 1 (0.499% for γ = 1.01).
/// </summary>
public sealed class LogHistogramQuantiles
{
    /// <summary>Lower end of the binned range (values below are reported as 0).</summary>
    public const double Lowest = 1e-3;

    /// <summary>Upper end of the binned range (values at or above are reported as this value).</summary>
    public const double Highest = 1e7;

    /// <summary>Ratio of a bin's upper to lower edge.</summary>
    public const double BinRatio = 1.01;

    /// <summary>Largest relative error of a reported quantile whose order statistics lie in [Lowest, Highest): √γ − 1.</summary>
    public static double MaxRelativeError { get; } = Math.Sqrt(BinRatio) - 1;

    /// <summary>Number of log-spaced bins (2315 for 10 decades at 1%).</summary>
    public static int LogBins { get; } = (int)Math.Ceiling(Math.Log(Highest / Lowest) / Math.Log(BinRatio));

    private static readonly double LogRatio = Math.Log(BinRatio);
    private static readonly double LogLowest = Math.Log(Lowest);
    /// <summary>Bins per block of counters (<see cref="LogHistogramQuantiles"/>).</summary>
    public const int BlockSlots = 64;

    private static readonly int BlocksPerPoint = (LogBins + 2 + BlockSlots - 1) / BlockSlots;

    /// <summary>Point p's block b at [p · BlocksPerPoint + b]; null until a value falls in it.</summary>
    private readonly int[]?[] _blocks;
    private readonly int _stride;
    private int _allocatedBlocks;

    /// <summary>Empty histograms for <paramref name="points"/> points.</summary>
    public LogHistogramQuantiles(int points)
    {
        if (points < 0) throw new ArgumentOutOfRangeException(nameof(points));
        Points = points;
        _stride = LogBins + 2;
        _blocks = new int[checked(points * BlocksPerPoint)][];
    }

    /// <summary>Number of points.</summary>
    public int Points { get; }

    /// <summary>Values added at each point (the same at every point when whole series are added).</summary>
    public int Count { get; private set; }

    /// <summary>Bytes of counters held: the blocks made so far and the block table (at most <see cref="BytesFor"/> and the table).</summary>
    public long Bytes => 4L * BlockSlots * _allocatedBlocks + 8L * _blocks.Length;

    private ref int Counter(int point, int slot)
    {
        ref var block = ref _blocks[point * BlocksPerPoint + slot / BlockSlots];
        if (block is null)
        {
            block = new int[BlockSlots];
            _allocatedBlocks++;
        }
        return ref block[slot % BlockSlots];
    }

    private int CountAt(int point, int slot) => _blocks[point * BlocksPerPoint + slot / BlockSlots] is { } block ? block[slot % BlockSlots] : 0;

    /// <summary>Bytes of counters a histogram of <paramref name="points"/> points holds at most (every block made).</summary>
    public static long BytesFor(int points) => 4L * points * (LogBins + 2);

    /// <summary>Adds one series (one value per point). NaN values are not allowed.</summary>
    public void Add(ReadOnlySpan<double> series)
    {
        if (series.Length != Points) throw new ArgumentException($"expected {Points} values, got {series.Length}", nameof(series));
        for (var i = 0; i < series.Length; i++) Counter(i, Bin(series[i]))++;
        Count++;
    }

    /// <summary>Adds every count of <paramref name="other"/> (same number of points).</summary>
    public void Merge(LogHistogramQuantiles other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Points != Points) throw new ArgumentException("point counts differ", nameof(other));
        for (var point = 0; point < Points; point++)
            for (var b = 0; b < BlocksPerPoint; b++)
            {
                if (other._blocks[point * BlocksPerPoint + b] is not { } theirs) continue;
                for (var k = 0; k < BlockSlots; k++) if (theirs[k] != 0) Counter(point, b * BlockSlots + k) += theirs[k];
            }
        Count += other.Count;
    }

    /// <summary>Counter slots per point: the underflow bin, the <see cref="LogBins"/> log bins and the overflow bin.</summary>
    public static int SlotsPerPoint => LogBins + 2;

    /// <summary>
    /// Every non-zero counter as (point, slot, count), by point then slot (slot 0 underflow, 1…LogBins the log bins,
    /// LogBins + 1 overflow): what a population shard stores so that merged shards hold exactly the one-machine counters.
    /// </summary>
    public IEnumerable<(int Point, int Slot, int Count)> NonZeroCounts()
    {
        for (var point = 0; point < Points; point++)
            for (var slot = 0; slot < _stride; slot++)
                if (CountAt(point, slot) is var count and not 0) yield return (point, slot, count);
    }

    /// <summary>
    /// Histograms restored from <see cref="NonZeroCounts"/> of <paramref name="series"/> series; null when a counter is
    /// outside the grid or a point's counts do not sum to <paramref name="series"/>.
    /// </summary>
    public static LogHistogramQuantiles? FromCounts(int points, int series, IEnumerable<(int Point, int Slot, int Count)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var h = new LogHistogramQuantiles(points) { Count = series };
        var sums = new long[points];
        foreach (var (point, slot, count) in counts)
        {
            if (point < 0 || point >= points || slot < 0 || slot >= h._stride || count < 0) return null;
            if (count > 0) h.Counter(point, slot) += count;
            sums[point] += count;
        }
        return series >= 0 && sums.All(x => x == series) ? h : null;
    }

    /// <summary>The bin slot of <paramref name="value"/>: 0 underflow, 1…LogBins the log bins, LogBins + 1 overflow.</summary>
    private static int Bin(double value)
    {
        if (double.IsNaN(value)) throw new ArgumentException("NaN cannot be binned.", nameof(value));
        if (!(value >= Lowest)) return 0;
        if (value >= Highest) return LogBins + 1;
        var k = (int)Math.Floor((Math.Log(value) - LogLowest) / LogRatio);
        return 1 + Math.Clamp(k, 0, LogBins - 1);
    }

    /// <summary>The value a slot reports: 0, the bin's geometric centre L·γ^(k + ½), or <see cref="Highest"/>.</summary>
    private static double Representative(int slot) =>
        slot == 0 ? 0 : slot == LogBins + 1 ? Highest : Math.Exp(LogLowest + (slot - 1 + 0.5) * LogRatio);

    /// <summary>
    /// Percentiles <paramref name="percentiles"/> (0–100, increasing) at <paramref name="point"/>, written to
    /// <paramref name="target"/>; NaN when no value was added.
    /// </summary>
    public void Quantiles(int point, IReadOnlyList<double> percentiles, Span<double> target)
    {
        ArgumentNullException.ThrowIfNull(percentiles);
        if (Count == 0)
        {
            target.Fill(double.NaN);
            return;
        }
        for (var q = 0; q < percentiles.Count; q++)
        {
            // Order statistics ⌊h⌋ and ⌊h⌋ + 1 (0-based), found by walking the cumulative counts.
            var h = (Count - 1) * percentiles[q] / 100;
            var lo = (long)Math.Floor(h);
            var hi = Math.Min(lo + 1, Count - 1);
            var a = ValueOfRank(point, lo);
            var b = hi == lo ? a : ValueOfRank(point, hi);
            target[q] = a + (h - lo) * (b - a);
        }
    }

    private double ValueOfRank(int point, long rank)
    {
        long below = 0;
        for (var b = 0; b < BlocksPerPoint; b++)
        {
            if (_blocks[point * BlocksPerPoint + b] is not { } block) continue;
            for (var k = 0; k < BlockSlots; k++)
            {
                below += block[k];
                if (below > rank) return Representative(b * BlockSlots + k);
            }
        }
        return Highest;
    }
}
