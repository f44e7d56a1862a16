using System.Runtime.ExceptionServices;

namespace TpoSim.Population;

/// <summary>
/// Runs work items [from, to) on several threads and hands their results to a reducer strictly in item order, without
/// a barrier: each worker claims the next item, computes it and stores its result in a ring of <c>window</c> slots, and
/// whichever worker finds the next result in order ready reduces it (and every ready one after it) under a lock while the
/// others keep computing. A worker waits only when <c>window</c> items are claimed and not yet reduced, i.e. when one
/// item takes longer than about window / threads average items. The reductions are the same calls in the same order on
/// any number of threads, so everything a reducer computes is independent of the thread count.
/// </summary>
internal static class OrderedPipeline
{
    /// <summary>
    /// Computes <paramref name="work"/>(i) for every i in [<paramref name="from"/>, <paramref name="to"/>) on up to
    /// <paramref name="threads"/> threads and calls <paramref name="reduce"/>(i, result) for i in increasing order, one
    /// call at a time. The first exception of either delegate stops the run and is rethrown (cancellation of
    /// <paramref name="cancellation"/> as <see cref="OperationCanceledException"/>).
    /// </summary>
    public static void Run<T>(int from, int to, int threads, int window, CancellationToken cancellation, Func<int, T> work, Action<int, T> reduce)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(reduce);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (to <= from) return;
        var ring = new T?[window];
        var gate = new object();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        // Permits bound the items claimed but not yet reduced, so item i and item i + window never share a ring slot.
        using var permits = new SemaphoreSlim(window, window);
        var claimed = from - 1;
        var next = from; // the next item to reduce: written under the gate only
        ExceptionDispatchInfo? failure = null;

        void Drain()
        {
            while (true)
            {
                if (!Monitor.TryEnter(gate)) return;
                try
                {
                    while (next < to && Volatile.Read(ref ring[next % window]) is { } ready)
                    {
                        ring[next % window] = null;
                        reduce(next, ready);
                        Volatile.Write(ref next, next + 1);
                        permits.Release();
                    }
                }
                finally
                {
                    Monitor.Exit(gate);
                }
                // A result stored while the gate was held by this thread (its worker's TryEnter failed) must not wait for
                // the next store: look again after the release. The fence keeps the look after the release.
                Interlocked.MemoryBarrier();
                var n = Volatile.Read(ref next);
                if (n >= to || Volatile.Read(ref ring[n % window]) is null) return;
            }
        }

        void Worker()
        {
            try
            {
                while (true)
                {
                    permits.Wait(stop.Token);
                    var item = Interlocked.Increment(ref claimed);
                    if (item >= to) return;
                    var result = work(item) ?? throw new InvalidOperationException($"Work item {item} gave no result.");
                    Volatile.Write(ref ring[item % window], result);
                    Drain();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Cancelled by the caller, or stopped by another worker's failure: reported below.
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                stop.Cancel();
            }
        }

        var workers = Math.Min(threads, to - from);
        if (workers == 1) Worker();
        else Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ => Worker());
        failure?.Throw();
        cancellation.ThrowIfCancellationRequested();
        if (next != to) throw new InvalidOperationException($"Pipeline stopped at item {next} of [{from}, {to}).");
    }
}
