using TpoSim.Numerics.LinearAlgebra;
using TpoSim.Numerics.Ode;
using Xunit;

using static TpoSim.Numerics.Tests.LinearSystemAssert;

namespace TpoSim.Numerics.Tests;

/// <summary>
/// The Sherman–Morrison factorisation of a sparse matrix with a rank-one dense block (<see cref="RankOneSparseLu"/>)
/// against dense LU with partial pivoting on random systems shaped like the TPO model: a transit chain whose first rows
/// depend on every coupling column through one factor, and a few dense rows. Agreement 1e-10 of the solution's largest
/// component (the plain sparse LU's own agreement is 1e-12; the formula adds one solve and an update).
/// </summary>
public sealed class RankOneSolveTests
{
    // n states: chain 0..n−1 (row i holds i−1, i); block rows 0..blockRows−1 (the last is also a block column) hold the
    // block columns blockRows−1 .. blockRows−1+blockColumns−1; the last `dense` rows hold every block column but the last
    // (so they are not block rows: the TPO model's TPO and drug rows each miss one coupling column) and the next state.
    private const int N = 40, BlockRows = 21, BlockColumns = 15, Dense = 4;

    private static bool IsBlockColumn(int j) => j >= BlockRows - 1 && j < BlockRows - 1 + BlockColumns;

    private static List<IReadOnlyList<int>> Rows()
    {
        var rows = new List<IReadOnlyList<int>>();
        for (int i = 0; i < N; i++)
        {
            var r = new SortedSet<int> { i };
            if (i > 0) r.Add(i - 1);
            if (i < BlockRows || i >= N - Dense)
                for (int j = 0; j < N; j++) if (IsBlockColumn(j) && (i < BlockRows || j < BlockRows - 2 + BlockColumns)) r.Add(j);
            if (i >= N - Dense) r.Add(Math.Min(N - 1, i + 1));
            rows.Add(r.ToList());
        }
        return rows;
    }

    /// <summary>J: random chain and dense-row values, u·vᵀ on the block off the diagonal, plus the diagonal's own term.</summary>
    private static double[] Jacobian(Random rng, IReadOnlyList<IReadOnlyList<int>> rows, double blockScale)
    {
        var u = Enumerable.Range(0, N).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var v = Enumerable.Range(0, N).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var a = new double[N * N];
        for (int i = 0; i < N; i++)
            foreach (int j in rows[i])
            {
                bool block = i < BlockRows && IsBlockColumn(j);
                a[i * N + j] = block ? blockScale * u[i] * v[j] : rng.NextDouble() * 2 - 1;
                if (block && j == i) a[i * N + j] += -2 - rng.NextDouble(); // the diagonal carries more than the rank-one term
            }
        for (int i = 0; i < N; i++) a[i * N + i] -= 1 + rng.NextDouble(); // decay on every state, as in a transit chain
        return a;
    }

    private static (SparsityPattern Pattern, RankOneBlock Block) Pattern()
    {
        var pattern = SparsityPattern.Create(JacobianStructure.Sparse(Rows()), N);
        var block = pattern.RankOne;
        Assert.NotNull(block);
        return (pattern, block!);
    }

    [Fact]
    public void TheBlockIsFoundFromThePatternAndItsRemainderHasNoDenseRows()
    {
        var (pattern, block) = Pattern();
        Assert.Equal(Enumerable.Range(0, BlockRows), block.Rows);
        Assert.Equal(Enumerable.Range(BlockRows - 1, BlockColumns), block.Columns);
        // Every off-diagonal block entry leaves the pattern; nothing else does.
        Assert.Equal(pattern.RowColumns.Length - (BlockRows * BlockColumns - 1), block.Remainder.RowColumns.Length);
        Assert.True(new SparseLu(block.Remainder).StoredEntries < new SparseLu(pattern).StoredEntries / 2);
        // A pattern without such a block (a band) has none.
        Assert.Null(SparsityPattern.Create(JacobianStructure.Banded(2, 2), N).RankOne);
    }

    [Theory]
    [InlineData(1, 1e3, -1.0)]   // Rosenbrock: I/(hγ) − J with a small step
    [InlineData(2, 1.0, -1.0)]   // a step of the order of the fast time scale
    [InlineData(3, 1e-3, -1.0)]  // a long step: the matrix is close to −J
    [InlineData(4, 0.0, 1.0)]    // Newton: J itself
    [InlineData(5, 50.0, -1.0)]
    public void RankOneSolveMatchesDenseLu(int seed, double alpha, double beta)
    {
        var (pattern, block) = Pattern();
        var rng = new Random(seed);
        var rows = Rows();
        for (int trial = 0; trial < 20; trial++)
        {
            double[] a = Jacobian(rng, rows, blockScale: Math.Pow(10, rng.Next(-3, 3)));
            double[] b = Enumerable.Range(0, N).Select(_ => rng.NextDouble() - 0.5).ToArray();
            var lu = new RankOneSparseLu(pattern, block);
            double[] x = SolveWith(lu, a, b, alpha, beta);
            Assert.False(lu.UsedFullFactorisation);
            AssertClose(SolveWith(new DenseLu(N), a, b, alpha, beta), x, 1e-10);
        }
    }

    [Fact]
    public void ABlockThatIsNotRankOneUsesTheFullLu()
    {
        var (pattern, block) = Pattern();
        var rng = new Random(7);
        double[] a = Jacobian(rng, Rows(), 1);
        a[3 * N + (BlockRows + 2)] *= 1 + 1e-6; // one block entry off the rank-one product by 1e-6 (tolerance 1e-10)
        double[] b = Enumerable.Range(0, N).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var lu = new RankOneSparseLu(pattern, block);
        double[] x = SolveWith(lu, a, b, 10, -1);
        Assert.True(lu.UsedFullFactorisation);
        Assert.Equal(1, lu.FullFactorisations);
        AssertClose(SolveWith(new DenseLu(N), a, b, 10, -1), x, 1e-12);
    }

    [Fact]
    public void AZeroBlockAndANonFiniteOneAreHandled()
    {
        var (pattern, block) = Pattern();
        var rng = new Random(8);
        double[] a = Jacobian(rng, Rows(), 0); // u·vᵀ = 0: the steady state of a chain, where y_{i−1} − y_i = 0
        double[] b = Enumerable.Range(0, N).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var lu = new RankOneSparseLu(pattern, block);
        AssertClose(SolveWith(new DenseLu(N), a, b, 3, -1), SolveWith(lu, a, b, 3, -1), 1e-12);
        Assert.False(lu.UsedFullFactorisation);
        a[2 * N + BlockRows] = double.NaN;
        Assert.False(lu.Factor(3, -1, a)); // the full LU reports it, as the plain sparse LU does
        Assert.True(lu.UsedFullFactorisation);
    }

    [Fact]
    public void TheRosenbrockSolverGivesTheSameSolutionWithAndWithoutIt()
    {
        // A chain whose first rows are driven by a stimulation of the dense states: f_i = k·S(y_C)·(y_{i−1} − y_i) − y_i.
        var rows = Rows();
        var structure = JacobianStructure.Sparse(rows);
        var cols = Enumerable.Range(0, N).Where(IsBlockColumn).ToArray();
        double S(ReadOnlySpan<double> y) { double s = 0; foreach (int c in cols) s += y[c]; return 1 / (1 + 0.1 * s * s); }
        void F(double t, ReadOnlySpan<double> y, Span<double> dy)
        {
            double s = S(y);
            for (int i = 0; i < N; i++)
            {
                double inflow = i == 0 ? 1 : y[i - 1];
                dy[i] = i < BlockRows ? 5 * s * (inflow - y[i]) - 0.1 * y[i] : (inflow - y[i]) * (i >= N - Dense ? 0.3 : 2);
            }
        }
        void Jac(double t, ReadOnlySpan<double> y, Span<double> jac)
        {
            double sum = 0; foreach (int c in cols) sum += y[c];
            double s = S(y), ds = -0.2 * sum * s * s; // ∂S/∂y_c for every block column
            for (int i = 0; i < N; i++)
            {
                double inflow = i == 0 ? 1 : y[i - 1];
                if (i < BlockRows)
                {
                    foreach (int c in cols) jac[i * N + c] += 5 * ds * (inflow - y[i]);
                    jac[i * N + i] += -5 * s - 0.1;
                    if (i > 0) jac[i * N + i - 1] += 5 * s;
                }
                else
                {
                    double k = i >= N - Dense ? 0.3 : 2;
                    jac[i * N + i] += -k;
                    jac[i * N + i - 1] += k;
                }
            }
        }
        var y0 = Enumerable.Range(0, N).Select(i => 0.5 + 0.01 * i).ToArray();
        var j0 = new double[N * N];
        Jac(0, y0, j0);
        var (pattern, block) = Pattern();
        var check = new RankOneSparseLu(pattern, block);
        Assert.True(check.Factor(10, -1, j0));
        Assert.False(check.UsedFullFactorisation); // the path under test is the rank-one one
        var problem = new OdeProblem(F, y0, 0, 30) { Jacobian = Jac, Structure = structure };
        var options = new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10, KeepSteps = false, SaveAt = new[] { 1.0, 5, 10, 30 } };
        var with = SolverRegistry.Get("rodas5p").Solve(problem, options);
        var without = SolverRegistry.Get("rodas5p").Solve(problem, options with { RankOneSolve = false });
        Assert.Equal(SolverStatus.Success, with.Status);
        Assert.Equal(SolverStatus.Success, without.Status);
        // Same method, same Jacobian: only rounding differs, so the step sequences and solutions agree to ≪ rtol.
        for (int k = 0; k < 4; k++)
            for (int i = 0; i < N; i++)
                Assert.Equal(without.SavedStateAt(k)[i], with.SavedStateAt(k)[i], 1e-9 * Math.Max(1, Math.Abs(without.SavedStateAt(k)[i])));
    }
}
