using System.Collections.Concurrent;

namespace TpoSim.Population;

/// <summary>
/// Spare series arrays of a population run. A subject's platelet and TPO series (one value per output point) live from
/// its run until its chunk is reduced in slot order, on another thread; recycling them saves two arrays a subject and arm
/// (5.4 KB on the Kuter 2008 grid). Arrays are handed out by exact length, so a reused one is indistinguishable from a new
/// one once it is filled.
/// </summary>
internal static class SeriesPool
{
    /// <summary>Spares kept per length: two chunks of two series in four arms, beyond which returned arrays are dropped.</summary>
    private const int MaxSparesPerLength = 4 * PopulationRunner.ChunkSize * 4;

    private static readonly ConcurrentDictionary<int, ConcurrentBag<double[]>> Spares = new();

    /// <summary>An array of exactly <paramref name="length"/> elements, with arbitrary contents (the caller fills it).</summary>
    public static double[] Rent(int length) =>
        Spares.TryGetValue(length, out var bag) && bag.TryTake(out var array) ? array : new double[length];

    /// <summary>Hands <paramref name="array"/> back; the caller must not use it after.</summary>
    public static void Return(double[]? array)
    {
        if (array is null || array.Length == 0) return;
        var bag = Spares.GetOrAdd(array.Length, _ => []);
        if (bag.Count < MaxSparesPerLength) bag.Add(array);
    }
}
