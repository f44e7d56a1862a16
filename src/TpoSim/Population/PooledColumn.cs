using System.Buffers;

namespace TpoSim.Population;

/// <summary>
/// A growable column of doubles on pooled arrays (<see cref="ArrayPool{T}.Shared"/>): what a statistic's exact median
/// holds while it is sorted, one double a subject, given back after, so the statistics of a large run leave no
/// large-object garbage behind (they are computed for every arm and stratum).
/// </summary>
internal sealed class PooledColumn : IDisposable
{
    private double[] _values = ArrayPool<double>.Shared.Rent(256);

    /// <summary>Values added.</summary>
    public int Count { get; private set; }

    /// <summary>Appends <paramref name="value"/>.</summary>
    public void Add(double value)
    {
        if (Count == _values.Length)
        {
            var larger = ArrayPool<double>.Shared.Rent(2 * _values.Length);
            _values.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<double>.Shared.Return(_values);
            _values = larger;
        }
        _values[Count++] = value;
    }

    /// <summary>Percentile <paramref name="p"/> (0–100) of the values (sorted in place; <see cref="PopulationReducer.Percentile"/>).</summary>
    public double Percentile(double p)
    {
        var sorted = _values.AsSpan(0, Count);
        sorted.Sort();
        return PopulationReducer.Percentile(sorted, p);
    }

    /// <summary>Gives the array back to the pool.</summary>
    public void Dispose()
    {
        ArrayPool<double>.Shared.Return(_values);
        _values = [];
        Count = 0;
    }
}
