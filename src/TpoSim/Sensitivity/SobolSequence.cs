namespace TpoSim.Sensitivity;

/// <summary>
/// The Sobol' low-discrepancy sequence (Sobol' IM. USSR Comput Math Math Phys 1967;7:86) in up to
/// <see cref="MaxDimensions"/> dimensions, generated in Gray-code order (Antonov IA, Saleev VM 1979) from the Joe–Kuo
/// direction numbers, with an optional seeded random digital shift (each coordinate's 32 bits XOR-ed with a fixed random
/// word): the shift keeps every 2^m-point prefix a (t, m, s)-net while making the design depend on the seed.
/// </summary>
public sealed class SobolSequence
{
    /// <summary>Bits per coordinate.</summary>
    private const int Bits = 32;

    /// <summary>Largest dimension supported (the size of the direction-number table).</summary>
    public static int MaxDimensions => SobolDirectionNumbers.Table.Length;

    private readonly uint[][] _directions;
    private readonly uint[] _shift;

    /// <summary>A sequence in <paramref name="dimensions"/> dimensions; <paramref name="seed"/> null gives the unshifted sequence.</summary>
    public SobolSequence(int dimensions, long? seed)
    {
        if (dimensions < 1 || dimensions > MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), $"Sobol' dimensions must be 1–{MaxDimensions}.");
        Dimensions = dimensions;
        _directions = new uint[dimensions][];
        for (var j = 0; j < dimensions; j++) _directions[j] = Directions(j);
        _shift = new uint[dimensions];
        if (seed is { } s)
        {
            var random = new Population.SubjectRandom(s, int.MaxValue);
            for (var j = 0; j < dimensions; j++) _shift[j] = (uint)(random.NextUInt64() >> 32);
        }
    }

    /// <summary>Number of coordinates per point.</summary>
    public int Dimensions { get; }

    /// <summary>The first <paramref name="count"/> points (row i = point i, coordinates in [0, 1)).</summary>
    public double[][] Points(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var points = new double[count][];
        var x = new uint[Dimensions];
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                // Gray code: point i differs from point i−1 by the direction number of the lowest zero bit of i−1.
                var c = System.Numerics.BitOperations.TrailingZeroCount(~(uint)(i - 1));
                for (var j = 0; j < Dimensions; j++) x[j] ^= _directions[j][c];
            }
            var row = new double[Dimensions];
            for (var j = 0; j < Dimensions; j++) row[j] = (x[j] ^ _shift[j]) * (1.0 / 4294967296.0);
            points[i] = row;
        }
        return points;
    }

    /// <summary>Direction numbers v_1…v_32 of dimension <paramref name="j"/> (as 32-bit fractions), by the Joe–Kuo recurrence.</summary>
    private static uint[] Directions(int j)
    {
        var v = new uint[Bits];
        var (poly, m) = SobolDirectionNumbers.Table[j];
        var s = m.Length;
        if (s == 0)
        {
            for (var k = 0; k < Bits; k++) v[k] = 1u << (Bits - 1 - k);
            return v;
        }
        // poly = x^s + a1 x^(s−1) + … + a(s−1) x + 1; the interior coefficients as bits, a1 the most significant.
        var a = (poly >> 1) & ((1 << (s - 1)) - 1);
        for (var k = 0; k < Math.Min(s, Bits); k++) v[k] = (uint)m[k] << (Bits - 1 - k);
        for (var k = s; k < Bits; k++)
        {
            var value = v[k - s] ^ (v[k - s] >> s);
            for (var l = 1; l < s; l++)
            {
                if (((a >> (s - 1 - l)) & 1) != 0) value ^= v[k - l];
            }
            v[k] = value;
        }
        return v;
    }
}
