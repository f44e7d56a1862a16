using TpoSim.Numerics.LinearAlgebra;
using TpoSim.Numerics.Ode;
using Xunit;

using static TpoSim.Numerics.Tests.LinearSystemAssert;

namespace TpoSim.Numerics.Tests;

/// <summary>Banded and sparse LU against dense LU with partial pivoting on random well-conditioned systems (agreement 1e-12).</summary>
public sealed class LinearAlgebraTests
{
    private static double[] RandomMatrix(int n, Random rng, Func<int, int, bool> inPattern, double diagonal)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (inPattern(i, j)) a[i * n + j] = rng.NextDouble() * 2 - 1;
        for (int i = 0; i < n; i++) a[i * n + i] += diagonal;
        return a;
    }

    private static double[] Residual(double[] a, double[] x, double[] b)
    {
        int n = b.Length;
        var r = new double[n];
        for (int i = 0; i < n; i++) { double s = -b[i]; for (int j = 0; j < n; j++) s += a[i * n + j] * x[j]; r[i] = s; }
        return r;
    }

    [Theory]
    [InlineData(40, 2, 3, 1)]
    [InlineData(40, 0, 0, 2)]
    [InlineData(25, 4, 1, 3)]
    [InlineData(10, 9, 9, 4)]
    public void BandedMatchesDense(int n, int kl, int ku, int seed)
    {
        var rng = new Random(seed);
        // A weak diagonal (0.5 against up to kl + ku entries in [−1, 1]) forces row interchanges.
        double[] a = RandomMatrix(n, rng, (i, j) => j - i <= ku && i - j <= kl, 0.5);
        double[] b = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        double[] xd = SolveWith(new DenseLu(n), a, b);
        double[] xb = SolveWith(new BandedLu(n, kl, ku), a, b);
        AssertClose(xd, xb, 1e-12);
        Assert.True(Residual(a, xb, b).Max(Math.Abs) < 1e-12 * xb.Max(Math.Abs) * n);
    }

    [Fact]
    public void BandedIterationMatrixIgnoresEntriesOutsideTheBand()
    {
        // αI + βJ with J dense: only the band enters (the declared structure is authoritative).
        const int n = 12;
        var rng = new Random(5);
        double[] full = RandomMatrix(n, rng, (i, j) => true, 0);
        double[] band = (double[])full.Clone();
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (j - i > 1 || i - j > 2) band[i * n + j] = 0;
        double[] b = Enumerable.Range(1, n).Select(v => (double)v).ToArray();
        AssertClose(SolveWith(new DenseLu(n), band, b, 7, -1), SolveWith(new BandedLu(n, 2, 1), full, b, 7, -1), 1e-12);
    }

    // Arrowhead + band with the dense rows and columns last: the TPO model's declared pattern.
    private static IReadOnlyList<IReadOnlyList<int>> Arrowhead(int n, int band, int dense)
    {
        var rows = new List<IReadOnlyList<int>>();
        for (int i = 0; i < n; i++)
        {
            var r = new List<int>();
            for (int j = 0; j < n; j++)
                if (Math.Abs(i - j) <= band || i >= n - dense || j >= n - dense) r.Add(j);
            rows.Add(r);
        }
        return rows;
    }

    [Fact]
    public void SparseArrowheadHasNoFillAndMatchesDense()
    {
        const int n = 60, band = 2, dense = 3;
        var rows = Arrowhead(n, band, dense);
        var pattern = SparsityPattern.Create(JacobianStructure.Sparse(rows), n);
        var lu = new SparseLu(pattern);
        Assert.Equal(pattern.RowColumns.Length, lu.StoredEntries); // no fill outside the declared pattern
        var rng = new Random(11);
        double[] a = RandomMatrix(n, rng, (i, j) => rows[i].Contains(j), 10);
        double[] b = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        double[] xs = SolveWith(lu, a, b);
        Assert.False(lu.UsedDenseFallback);
        AssertClose(SolveWith(new DenseLu(n), a, b), xs, 1e-12);
    }

    [Fact]
    public void DenseRowFirstFillsInTheGivenOrderButNotInTheMinimumDegreeOrder()
    {
        // A tridiagonal matrix with a dense row and column 0: eliminated first, the hub joins every node to every other
        // (n² entries); the minimum-degree rule eliminates it last, leaving exactly the declared entries.
        const int n = 30;
        var rows = new List<IReadOnlyList<int>>();
        for (int i = 0; i < n; i++) rows.Add(Enumerable.Range(0, n).Where(j => Math.Abs(i - j) <= 1 || i == 0 || j == 0).ToList());
        var pattern = SparsityPattern.Create(JacobianStructure.Sparse(rows), n);
        Assert.Equal(n * n, new SparseLuSymbolic(pattern, Enumerable.Range(0, n).ToArray()).Columns.Length);
        var order = MinimumDegreeOrdering.Of(pattern);
        Assert.Equal(Enumerable.Range(0, n), order.Order());
        Assert.True(Array.IndexOf(order, 0) >= n - 3, "the hub goes once its neighbours form a clique"); // then it creates no fill
        var lu = new SparseLu(pattern);
        Assert.Equal(pattern.RowColumns.Length, lu.StoredEntries);
        var rng = new Random(3);
        double[] a = RandomMatrix(n, rng, (i, j) => rows[i].Contains(j), 8);
        double[] b = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        AssertClose(SolveWith(new DenseLu(n), a, b), SolveWith(lu, a, b), 1e-12);
        Assert.False(lu.UsedDenseFallback);
    }

    [Fact]
    public void PermutedSparseLuMatchesDenseOnRandomPatterns()
    {
        // Random unsymmetric patterns, diagonally dominant values: the permuted factorisation solves what dense LU solves.
        var rng = new Random(2026);
        for (int trial = 0; trial < 40; trial++)
        {
            int n = 5 + rng.Next(40);
            double density = 0.02 + 0.2 * rng.NextDouble();
            var rows = new List<IReadOnlyList<int>>();
            for (int i = 0; i < n; i++) rows.Add(Enumerable.Range(0, n).Where(j => j == i || rng.NextDouble() < density).ToList());
            var pattern = SparsityPattern.Create(JacobianStructure.Sparse(rows), n);
            var lu = new SparseLu(pattern);
            double[] a = RandomMatrix(n, rng, (i, j) => rows[i].Contains(j), 2 * n * density + 2);
            double[] b = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
            AssertClose(SolveWith(new DenseLu(n), a, b), SolveWith(lu, a, b), 1e-11);
        }
    }

    [Fact]
    public void SparseFallsBackToDenseOnAZeroPivot()
    {
        // [[0, 1], [1, 1]] has a zero (1,1) pivot without interchanges.
        var rows = new IReadOnlyList<int>[] { new[] { 1 }, new[] { 0, 1 } };
        var lu = new SparseLu(SparsityPattern.Create(JacobianStructure.Sparse(rows), 2));
        double[] a = [0, 1, 1, 1];
        double[] x = SolveWith(lu, a, [2, 3]);
        Assert.True(lu.UsedDenseFallback);
        AssertClose([1, 2], x, 1e-15);
    }

    [Fact]
    public void SingularMatricesAreReportedNotThrown()
    {
        double[] a = [1, 2, 2, 4];
        Assert.False(new DenseLu(2).Factor(0, 1, a));
        Assert.False(new BandedLu(2, 1, 1).Factor(0, 1, a));
        var full = new IReadOnlyList<int>[] { new[] { 0, 1 }, new[] { 0, 1 } };
        Assert.False(new SparseLu(SparsityPattern.Create(JacobianStructure.Sparse(full), 2)).Factor(0, 1, a));
        Assert.False(new DenseLu(2).Factor(0, 1, [double.NaN, 0, 0, 1]));
    }

    [Fact]
    public void ColumnGroupingIsOptimalForBands()
    {
        SparsityPattern band = SparsityPattern.Create(JacobianStructure.Banded(2, 1), 50);
        Assert.Equal(4, band.GroupCount);
        SparsityPattern dense = SparsityPattern.Create(JacobianStructure.Dense, 7);
        Assert.Equal(7, dense.GroupCount);
        // Band plus dense last COLUMNS: the band's width plus one group per dense column.
        var rows = new List<IReadOnlyList<int>>();
        for (int i = 0; i < 40; i++) rows.Add(Enumerable.Range(0, 40).Where(j => Math.Abs(i - j) <= 1 || j >= 38).ToList());
        Assert.Equal(3 + 2, SparsityPattern.Create(JacobianStructure.Sparse(rows), 40).GroupCount);
        // Every group is structurally orthogonal: no row is touched by two of its columns.
        foreach (SparsityPattern p in new[] { band, SparsityPattern.Create(JacobianStructure.Sparse(rows), 40) })
        {
            for (int g = 0; g < p.GroupCount; g++)
            {
                var seen = new HashSet<int>();
                for (int q = p.GroupStart[g]; q < p.GroupStart[g + 1]; q++)
                {
                    int j = p.GroupColumns[q];
                    for (int k = p.ColumnStart[j]; k < p.ColumnStart[j + 1]; k++) Assert.True(seen.Add(p.ColumnRows[k]));
                }
            }
        }
    }

    [Fact]
    public void BadSparsePatternIsAProgrammerError()
    {
        var rows = new IReadOnlyList<int>[] { new[] { 0, 5 }, new[] { 1 } };
        Assert.Throws<ArgumentException>(() => SparsityPattern.Create(JacobianStructure.Sparse(rows), 2));
        Assert.Throws<ArgumentException>(() => SparsityPattern.Create(JacobianStructure.Sparse(rows), 3));
    }
}
