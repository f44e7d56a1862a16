using TpoSim.Population;

namespace TpoSim.Tests.Population;

/// <summary>The pool of series arrays hands out arrays of exactly the length asked for, reusing returned ones.</summary>
public class SeriesPoolTests
{
    [Fact]
    public void Rent_gives_the_exact_length_and_a_returned_array_comes_back()
    {
        // A length no population here uses, so no other test's arrays are in its bag.
        const int length = 7919;
        var a = SeriesPool.Rent(length);
        Assert.Equal(length, a.Length);
        SeriesPool.Return(a);
        var b = SeriesPool.Rent(length);
        Assert.Same(a, b);
        Assert.Equal(length - 1, SeriesPool.Rent(length - 1).Length);
        SeriesPool.Return(null); // nothing to keep
    }
}
