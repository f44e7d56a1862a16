using TpoSim.Numerics.Ode;
using Xunit;

namespace TpoSim.Numerics.Tests;

/// <summary>
/// No allocation per step: with KeepSteps = false and no SaveAt, a solve of ~100,000 steps allocates
/// the same as one of ~1,000 (all work arrays are per solve). Measured with
/// GC.GetAllocatedBytesForCurrentThread around each solve, after a warm-up that JIT-compiles everything.
/// </summary>
public sealed class AllocationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => new() { "dopri5", "rodas5p", "auto", "radau5" };

    // Harmonic oscillator; MaxStep = 0.01 makes the step count proportional to the span.
    private static OdeProblem Oscillator(double tEnd) => new(static (t, y, d) => { d[0] = y[1]; d[1] = -y[0]; }, new[] { 1.0, 0.0 }, 0, tEnd)
    {
        Jacobian = static (t, y, j) => { j[1] = 1; j[2] = -1; },
    };

    private static long Measure(IOdeSolver solver, OdeProblem problem, OdeSolverOptions options, out OdeSolution solution)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        solution = solver.Solve(problem, options);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]

    [Trait("Category", "Slow")]
    [MemberData(nameof(Names))]
    public void AllocationDoesNotGrowWithTheNumberOfSteps(string name)
    {
        IOdeSolver solver = TestSolvers.Get(name);
        var options = new OdeSolverOptions { KeepSteps = false, MaxStep = 0.01, RelativeTolerance = 1e-6 };
        OdeProblem small = Oscillator(10), large = Oscillator(1000);
        Measure(solver, small, options, out _); // warm-up (JIT, static tables)
        Measure(solver, large, options, out _);
        // Tiered JIT may recompile a hot method during one measured solve and charge a few kB to this thread, so take
        // the smallest growth over three rounds: a true per-step allocation (≥ 1 B × 1e5 steps) shows in every round.
        long growth = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            long a = Measure(solver, small, options, out OdeSolution s1);
            long b = Measure(solver, large, options, out OdeSolution s2);
            output.WriteLine($"{name} round {round}: {s1.Statistics.AcceptedSteps} steps → {a} B; {s2.Statistics.AcceptedSteps} steps → {b} B");
            Assert.True(s1.Statistics.AcceptedSteps >= 1000 && s2.Statistics.AcceptedSteps >= 100_000);
            growth = Math.Min(growth, Math.Abs(b - a));
        }
        Assert.True(growth < 4096, $"allocation grew by {growth} bytes in every round");
    }

    [Fact]
    public void KeptStepsGrowAmortised()
    {
        // With KeepSteps the buffers double, so allocation is O(steps) bytes but O(log steps) arrays:
        // bounded by a small multiple of the stored data (times, states, 5 dense vectors).
        IOdeSolver solver = SolverRegistry.Get("dopri5");
        var options = new OdeSolverOptions { MaxStep = 0.01 };
        Measure(solver, Oscillator(10), options, out _);
        long bytes = Measure(solver, Oscillator(1000), options, out OdeSolution s);
        long stored = (long)s.Statistics.AcceptedSteps * (2 * 8 + 2 * 8 + 5 * 2 * 8 + 2 * 8);
        output.WriteLine($"kept {s.Statistics.AcceptedSteps} steps: {bytes} B allocated, {stored} B of data");
        Assert.True(bytes < 4 * stored);
    }
}
