using TpoSim.Sensitivity;

namespace TpoSim.Tests.Sensitivity;

/// <summary>The Sobol' sequence against SciPy 1.10's qmc.Sobol(scramble=False), which uses the same Joe–Kuo numbers.</summary>
public class SobolSequenceTests
{
    [Fact]
    public void First_points_match_the_reference_sequence()
    {
        var p = new SobolSequence(6, seed: null).Points(8);
        // SciPy: rows 0–7 of Sobol(d=6); coordinates are dyadic, so equality is exact.
        double[][] expected =
        [
            [0, 0, 0, 0, 0, 0], [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [0.75, 0.25, 0.25, 0.25, 0.75, 0.75], [0.25, 0.75, 0.75, 0.75, 0.25, 0.25],
            [0.375, 0.375, 0.625, 0.875, 0.375, 0.125], [0.875, 0.875, 0.125, 0.375, 0.875, 0.625], [0.625, 0.125, 0.875, 0.625, 0.625, 0.875],
            [0.125, 0.625, 0.375, 0.125, 0.125, 0.375],
        ];
        for (var i = 0; i < 8; i++) Assert.Equal(expected[i], p[i]);
    }

    [Fact]
    public void Higher_dimensions_and_later_points_match_the_reference_sequence()
    {
        var p = new SobolSequence(40, seed: null).Points(1024);
        Assert.Equal([0.1474609375, 0.1455078125, 0.2958984375, 0.5927734375, 0.8017578125, 0.7705078125, 0.8486328125, 0.8310546875, 0.3076171875, 0.4794921875],
            p[1000][30..40]);
        Assert.Equal([0.0009765625, 0.7529296875, 0.6123046875, 0.1455078125, 0.1865234375], p[1023][..5]);
    }

    [Fact]
    public void A_shifted_prefix_of_2_to_the_m_points_keeps_one_point_per_dyadic_interval()
    {
        // The digital shift preserves the net property: 64 points put exactly one in each interval [k/64, (k+1)/64) per coordinate.
        var p = new SobolSequence(10, seed: 42).Points(64);
        for (var j = 0; j < 10; j++)
            Assert.Equal(Enumerable.Range(0, 64), p.Select(x => (int)(x[j] * 64)).Order());
        Assert.NotEqual(new SobolSequence(10, seed: 42).Points(4)[1], new SobolSequence(10, seed: 43).Points(4)[1]);
    }
}
