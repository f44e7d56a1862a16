namespace TpoSim.Population;

/// <summary>
/// The random stream of one virtual subject: xoshiro256** seeded through SplitMix64 from the run seed and the subject
/// index. A subject's draws depend only on (seed, index), never on thread count, chunking or the other subjects.
/// </summary>
public sealed class SubjectRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareNormal;

    /// <summary>The stream of subject <paramref name="subjectIndex"/> in a run seeded with <paramref name="seed"/>.</summary>
    public SubjectRandom(long seed, int subjectIndex) : this(seed, subjectIndex, 0)
    {
    }

    /// <summary>
    /// The stream of screening attempt <paramref name="attempt"/> (0-based) of subject slot <paramref name="subjectIndex"/>:
    /// attempt 0 is the subject's own stream (<see cref="SubjectRandom(long, int)"/>), so a population without inclusion
    /// criteria draws exactly what it drew before attempts existed; later attempts mix the attempt number in as well.
    /// </summary>
    public SubjectRandom(long seed, int subjectIndex, int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        // Mix seed and index through two SplitMix64 rounds so nearby seeds and indices give unrelated streams.
        var x = SplitMix((ulong)seed) ^ SplitMix(0x9E3779B97F4A7C15UL * ((ulong)(uint)subjectIndex + 1));
        // A third, independent constant for the attempt (the golden-ratio multiplier of SplitMix64's own increment would
        // make attempt a of slot j collide with attempt 0 of another slot).
        if (attempt > 0) x ^= SplitMix(0xD1B54A32D192ED03UL * (ulong)attempt);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal deviate (polar Box–Muller; the second deviate of a pair is kept for the next call).</summary>
    public double NextNormal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        var f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * f;
        return u * f;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ulong x) => SplitMix(ref x);

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
