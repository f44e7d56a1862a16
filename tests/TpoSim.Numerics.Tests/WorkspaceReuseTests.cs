using TpoSim.Numerics.LinearAlgebra;
using TpoSim.Numerics.Ode;
using Xunit;

namespace TpoSim.Numerics.Tests;

/// <summary>
/// Sparsity patterns and symbolic LU factorisations are shared by content, and a thread reuses its Rodas5P stepper for
/// the next solve of the same shape (a simulation's segments between events, a population's subjects). Reuse must be
/// invisible: the same bytes as a solve by a fresh stepper, for any earlier history of the thread.
/// </summary>
public sealed class WorkspaceReuseTests(ITestOutputHelper output)
{
    // A chain of 30 compartments driven by a regulator that reads all of them: the arrowhead shape of the TPO model.
    private const int Chain = 30, N = Chain + 2;

    private static void Rhs(double t, ReadOnlySpan<double> y, Span<double> d, double k)
    {
        double total = 0;
        for (int i = 0; i < Chain; i++) total += y[i];
        double drive = 1 + y[Chain] / (1 + y[Chain]);
        d[0] = k * (1 + Math.Sin(t)) - drive * y[0];
        for (int i = 1; i < Chain; i++) d[i] = drive * (y[i - 1] - y[i]);
        d[Chain] = 5 - 200 * y[Chain] * total / Chain + 3 * y[Chain + 1];
        d[Chain + 1] = 200 * y[Chain] * total / Chain - 4 * y[Chain + 1];
    }

    private static JacobianStructure Structure()
    {
        var rows = new List<IReadOnlyList<int>>();
        for (int i = 0; i < N; i++)
        {
            var r = new List<int> { i };
            if (i < Chain) { if (i > 0) r.Add(i - 1); r.Add(Chain); }
            else { for (int j = 0; j < N; j++) r.Add(j); }
            rows.Add(r);
        }
        return JacobianStructure.Sparse(rows); // a new object per call, as each model instance builds its own
    }

    private static OdeProblem Problem(double k) =>
        new((t, y, d) => Rhs(t, y, d, k), Enumerable.Repeat(0.5, N).ToArray(), 0, 20) { Structure = Structure() };

    private static byte[] Bytes(OdeSolution s)
    {
        var values = new List<double>(s.FinalState.ToArray()) { s.Statistics.AcceptedSteps, s.Statistics.RejectedSteps, s.Statistics.FunctionEvaluations };
        for (int i = 0; i < s.SavedTimes.Count; i++) values.AddRange(s.SavedStateAt(i).ToArray());
        return values.SelectMany(BitConverter.GetBytes).ToArray();
    }

    [Fact]
    public void EqualStructuresShareOnePatternAndSymbolicLu()
    {
        SparsityPattern a = SparsityPattern.For(Structure(), N), b = SparsityPattern.For(Structure(), N);
        Assert.Same(a, b);
        Assert.Same(a.LuSymbolic, b.LuSymbolic);
        Assert.NotSame(a, SparsityPattern.For(JacobianStructure.Banded(1, 0), N));
        // Same content as Create gives, fill included.
        Assert.Equal(SparsityPattern.Create(Structure(), N).RowColumns, a.RowColumns);
    }

    [Fact]
    public void AReusedStepperGivesTheBytesOfAFreshOne()
    {
        var options = new OdeSolverOptions { RelativeTolerance = 1e-7, AbsoluteTolerance = 1e-9, KeepSteps = false, SaveAt = new[] { 0.0, 5, 10, 20 } };
        var other = options with { RelativeTolerance = 1e-3, AbsoluteTolerance = 1e-5 };
        // Fresh: a new thread has no spare stepper.
        byte[] fresh = [];
        var thread = new Thread(() => fresh = Bytes(SolverRegistry.Default.Solve(Problem(2), options)));
        thread.Start();
        thread.Join();
        // Reused: this thread first solves other problems of the same shape at other tolerances, then the same one.
        SolverRegistry.Default.Solve(Problem(7), other);
        SolverRegistry.Default.Solve(Problem(0.5), options);
        byte[] reused = Bytes(SolverRegistry.Default.Solve(Problem(2), options));
        Assert.Equal(fresh, reused);
    }

    [Fact]
    public void RepeatedSolvesOfOneShapeAllocateOnlyTheirOutput()
    {
        var options = new OdeSolverOptions { RelativeTolerance = 1e-6, KeepSteps = false };
        OdeProblem problem = Problem(2);
        SolverRegistry.Default.Solve(problem, options); // warm-up: JIT, pattern, symbolic LU, spare stepper
        long smallest = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            OdeProblem next = Problem(2); // a new problem and structure object with the same content, built outside the count
            long before = GC.GetAllocatedBytesForCurrentThread();
            SolverRegistry.Default.Solve(next, options);
            smallest = Math.Min(smallest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        // A fresh stepper alone holds the n×n Jacobian (8 KB here) and ten n-vectors; what stays per solve is the driver's
        // own vectors and the solution (≈ 12 n-vectors ≈ 3 KB) and, once per new structure object, its content key.
        output.WriteLine($"{smallest} bytes per repeated solve");
        Assert.True(smallest < 8 * N * N, $"a repeated solve allocated {smallest} bytes");
    }

    // A second shape: a banded decay chain of 12, as a trial's placebo arm has a model without the drug's states.
    private static OdeProblem Banded(double k) =>
        new((t, y, d) =>
        {
            d[0] = k - y[0];
            for (int i = 1; i < 12; i++) d[i] = y[i - 1] - 2 * y[i];
        }, Enumerable.Repeat(1.0, 12).ToArray(), 0, 10) { Structure = JacobianStructure.Banded(1, 0) };

    [Fact]
    public void Two_shapes_in_turn_keep_a_spare_each_and_the_bytes_of_fresh_solves()
    {
        var options = new OdeSolverOptions { RelativeTolerance = 1e-6, KeepSteps = false, SaveAt = new[] { 0.0, 5, 10 } };
        byte[] freshArrow = [], freshBanded = [];
        var thread = new Thread(() => { freshArrow = Bytes(SolverRegistry.Default.Solve(Problem(2), options)); });
        thread.Start();
        thread.Join();
        thread = new Thread(() => { freshBanded = Bytes(SolverRegistry.Default.Solve(Banded(3), options)); });
        thread.Start();
        thread.Join();
        SolverRegistry.Default.Solve(Problem(1), options); // warm-up of both shapes on this thread
        SolverRegistry.Default.Solve(Banded(1), options);
        long largest = 0;
        for (int round = 0; round < 3; round++)
        {
            OdeProblem arrow = Problem(2), banded = Banded(3);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var a = SolverRegistry.Default.Solve(arrow, options);
            var b = SolverRegistry.Default.Solve(banded, options);
            largest = Math.Max(largest, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(freshArrow, Bytes(a));
            Assert.Equal(freshBanded, Bytes(b));
        }
        // With one spare per thread the two shapes evicted each other: every solve built a stepper, whose n×n Jacobian
        // alone is 8 KB for the arrowhead model. With a spare per shape, the pair allocates less than one such Jacobian.
        output.WriteLine($"{largest} bytes per pair of solves");
        Assert.True(largest < 8 * N * N, $"a pair of solves allocated {largest} bytes");
    }
}
