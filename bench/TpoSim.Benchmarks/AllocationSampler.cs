using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace TpoSim.Benchmarks;

/// <summary>
/// Samples what a run allocates by type: the runtime's GC AllocationTick event fires about every 100 KB allocated, naming
/// the type of the object that crossed the mark, so over a long run the counts are proportional to the bytes of each type.
/// Used by <c>population-memory --types</c> to find what a population subject allocates.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new();

    /// <summary>Listens to the runtime's GC events at verbose level.</summary>
    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    /// <summary>Adds an AllocationTick's amount to its type.</summary>
    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null || e.PayloadNames is null) return;
        var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }

    /// <summary>Types by sampled bytes, largest first, with their share of the sampled total.</summary>
    public IEnumerable<(string Type, double Share)> Top(int count)
    {
        var total = Math.Max(1, _bytes.Values.Sum());
        return _bytes.OrderByDescending(kv => kv.Value).Take(count).Select(kv => (kv.Key, kv.Value / (double)total));
    }
}
