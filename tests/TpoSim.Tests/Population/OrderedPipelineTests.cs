using TpoSim.Population;

namespace TpoSim.Tests.Population;

/// <summary>The in-order parallel pipeline of population slots: every item reduced once, in order, on any thread count.</summary>
public class OrderedPipelineTests
{
    /// <summary>Items of uneven cost (a few 30× the rest) reach the reducer in index order, each once, with their own result.</summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 16)]
    [InlineData(8, 256)]
    public void Every_item_is_reduced_once_in_order(int threads, int window)
    {
        var reduced = new List<(int Index, string Result)>();
        var inside = 0;
        OrderedPipeline.Run(5, 505, threads, window, TestContext.Current.CancellationToken,
            i =>
            {
                Thread.SpinWait(i % 37 == 0 ? 30_000 : 1_000);
                return $"r{i}";
            },
            (i, r) =>
            {
                // One reduction at a time.
                Assert.Equal(1, Interlocked.Increment(ref inside));
                reduced.Add((i, r));
                Interlocked.Decrement(ref inside);
            });
        Assert.Equal(Enumerable.Range(5, 500).Select(i => (i, $"r{i}")), reduced);
    }

    [Fact]
    public void An_empty_range_does_nothing()
    {
        var calls = 0;
        OrderedPipeline.Run(3, 3, 4, 8, TestContext.Current.CancellationToken, i => { calls++; return ""; }, (_, _) => calls++);
        Assert.Equal(0, calls);
    }

    /// <summary>A failing item stops the run and its exception (not a cancellation) reaches the caller; no worker hangs.</summary>
    [Fact]
    public void A_failing_item_stops_the_run_with_its_exception()
    {
        var e = Assert.Throws<InvalidDataException>(() => OrderedPipeline.Run(0, 10_000, 4, 8, TestContext.Current.CancellationToken,
            i => i == 50 ? throw new InvalidDataException("item 50") : "ok", (_, _) => { }));
        Assert.Equal("item 50", e.Message);
    }

    [Fact]
    public void A_failing_reduction_stops_the_run_with_its_exception()
    {
        var e = Assert.Throws<InvalidDataException>(() => OrderedPipeline.Run(0, 10_000, 3, 4, TestContext.Current.CancellationToken,
            i => "ok", (i, _) => { if (i == 20) throw new InvalidDataException("reduce 20"); }));
        Assert.Equal("reduce 20", e.Message);
    }

    [Fact]
    public void Cancellation_is_reported_as_cancellation()
    {
        using var cts = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => OrderedPipeline.Run(0, 100_000, 2, 8, cts.Token,
            i => { if (i == 100) cts.Cancel(); cts.Token.ThrowIfCancellationRequested(); return "ok"; }, (_, _) => { }));
    }
}
