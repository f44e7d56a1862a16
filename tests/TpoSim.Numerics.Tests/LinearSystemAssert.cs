using TpoSim.Numerics.LinearAlgebra;
using Xunit;

namespace TpoSim.Numerics.Tests;

/// <summary>Shared by the linear-algebra tests: factor and solve (αI + βA)x = b with one method, and compare solutions.</summary>
internal static class LinearSystemAssert
{
    /// <summary>Factors <paramref name="a"/> as αI + βA with <paramref name="m"/> and returns the solution for <paramref name="b"/>.</summary>
    public static double[] SolveWith(IterationMatrix m, double[] a, double[] b, double alpha = 0, double beta = 1)
    {
        Assert.True(m.Factor(alpha, beta, a));
        var x = (double[])b.Clone();
        m.Solve(x);
        return x;
    }

    /// <summary>Every component agrees to <paramref name="tol"/> of the expected solution's largest component.</summary>
    public static void AssertClose(double[] expected, double[] actual, double tol)
    {
        double scale = expected.Max(Math.Abs);
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= tol * scale, $"component {i}: {actual[i]} vs {expected[i]}");
    }
}
