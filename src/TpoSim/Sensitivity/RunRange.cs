namespace TpoSim.Sensitivity;

/// <summary>A half-open range [From, To) of run indices of a design.</summary>
/// <param name="From">First run.</param>
/// <param name="To">One past the last run.</param>
public readonly record struct RunRange(int From, int To)
{
    /// <summary>Runs in the range.</summary>
    public int Count => To - From;

    /// <summary>Shard <paramref name="index"/> (1-based) of <paramref name="count"/> of <paramref name="runs"/> runs: contiguous, sizes differing by at most one.</summary>
    public static RunRange Shard(int index, int count, int runs)
    {
        if (count < 1 || index < 1 || index > count) throw new ArgumentOutOfRangeException(nameof(index), "Shard must be i/K with 1 ≤ i ≤ K.");
        return new RunRange((int)((long)runs * (index - 1) / count), (int)((long)runs * index / count));
    }
}
