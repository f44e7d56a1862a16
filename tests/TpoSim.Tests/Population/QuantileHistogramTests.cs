using TpoSim.Population;

namespace TpoSim.Tests.Population;

public class QuantileHistogramTests
{
    [Fact]
    public void Quantiles_are_within_the_stated_relative_error_of_exact_percentiles()
    {
        // Log-normal values over five decades, three sample sizes (including ties-free tiny samples).
        foreach (var n in new[] { 1, 7, 1000 })
        {
            var random = new SubjectRandom(3, n);
            var points = 4;
            var h = new LogHistogramQuantiles(points);
            var columns = Enumerable.Range(0, points).Select(_ => new double[n]).ToArray();
            for (var s = 0; s < n; s++)
            {
                var series = new double[points];
                for (var i = 0; i < points; i++) series[i] = columns[i][s] = Math.Exp(Math.Log(50) + (1 + i) * random.NextNormal());
                h.Add(series);
            }
            var estimate = new double[PopulationResult.Percentiles.Count];
            for (var i = 0; i < points; i++)
            {
                Array.Sort(columns[i]);
                h.Quantiles(i, PopulationResult.Percentiles, estimate);
                for (var q = 0; q < estimate.Length; q++)
                {
                    var exact = PopulationReducer.Percentile(columns[i], PopulationResult.Percentiles[q]);
                    Assert.InRange(Math.Abs(estimate[q] - exact) / exact, 0, LogHistogramQuantiles.MaxRelativeError + 1e-12);
                }
            }
        }
        Assert.InRange(LogHistogramQuantiles.MaxRelativeError, 0.0049, 0.0050);
    }

    [Fact]
    public void Merging_in_any_order_gives_the_same_quantiles_and_memory_does_not_grow_with_values()
    {
        var random = new SubjectRandom(9, 0);
        var values = Enumerable.Range(0, 500).Select(_ => 20 * Math.Exp(random.NextNormal())).ToArray();
        var all = new LogHistogramQuantiles(1);
        var a = new LogHistogramQuantiles(1);
        var b = new LogHistogramQuantiles(1);
        for (var i = 0; i < values.Length; i++)
        {
            all.Add([values[i]]);
            (i % 3 == 0 ? a : b).Add([values[i]]);
        }
        // Counters exist only for the blocks the values reached (a log-normal with σ 1 spans ≈ 6σ = 2.6 decades, ≈ 600
        // bins, ≈ 10 blocks of 64), within the bound of every block; the same values again make no new block.
        var again = new LogHistogramQuantiles(1);
        foreach (var v in values) again.Add([v]);
        var bytes = again.Bytes;
        Assert.InRange(bytes, 4 * 64 * 5, LogHistogramQuantiles.BytesFor(1) / 2);
        foreach (var v in values) again.Add([v]);
        Assert.Equal(bytes, again.Bytes);
        b.Merge(a);
        var x = new double[5];
        var y = new double[5];
        all.Quantiles(0, PopulationResult.Percentiles, x);
        b.Quantiles(0, PopulationResult.Percentiles, y);
        Assert.Equal(x, y);
        Assert.Equal(all.NonZeroCounts(), b.NonZeroCounts());
        Assert.Equal(values.Length, b.Count);
    }

    [Fact]
    public void Values_outside_the_binned_range_are_reported_as_its_ends()
    {
        var h = new LogHistogramQuantiles(1);
        h.Add([0.0]);
        h.Add([1e9]);
        var q = new double[2];
        h.Quantiles(0, [0, 100], q);
        Assert.Equal(0, q[0]);
        Assert.Equal(LogHistogramQuantiles.Highest, q[1]);
        var empty = new LogHistogramQuantiles(1);
        empty.Quantiles(0, [50], q.AsSpan(0, 1));
        Assert.True(double.IsNaN(q[0]));
    }
}
