using TpoSim.Numerics.Ode;
using TpoSim.Numerics.Ode.Events;
using Xunit;

namespace TpoSim.Numerics.Tests;

/// <summary>Numerical failures are statuses with actionable diagnostics; bad arguments throw.</summary>
public sealed class FailureStatusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => new() { "dopri5", "rodas5p", "auto", "radau5" };

    [Theory]
    [MemberData(nameof(Names))]
    public void BlowUpStopsNearTheSingularity(string name)
    {
        // y' = y², y(0) = 1: y = 1/(1 − t) blows up at t = 1.
        var p = new OdeProblem((t, y, d) => d[0] = y[0] * y[0], new[] { 1.0 }, 0, 2);
        OdeSolution s = TestSolvers.Get(name).Solve(p, new OdeSolverOptions());
        output.WriteLine($"{name}: {s.Status} at {s.FinalTime:R}: {s.Diagnostic}");
        Assert.Contains(s.Status, new[] { SolverStatus.StepSizeTooSmall, SolverStatus.NonFinite });
        Assert.False(s.Succeeded);
        Assert.InRange(s.FinalTime, 0.999, 1.001); // the numerical blow-up time carries the global error
        Assert.Contains($"t = {s.FinalTime:G8}", s.Diagnostic);
        Assert.Contains("blow", s.Diagnostic);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void MaxStepsWithATinyBudget(string name)
    {
        var p = new OdeProblem((t, y, d) => d[0] = Math.Cos(t), new[] { 0.0 }, 0, 100);
        OdeSolution s = TestSolvers.Get(name).Solve(p, new OdeSolverOptions { MaxSteps = 5 });
        Assert.Equal(SolverStatus.MaxSteps, s.Status);
        Assert.True(s.FinalTime < 100);
        Assert.Contains("MaxSteps", s.Diagnostic);
        Assert.Equal(5, s.Statistics.TotalSteps);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CancelledToken(string name)
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var p = new OdeProblem((t, y, d) => d[0] = -y[0], new[] { 1.0 }, 0, 1);
        OdeSolution s = TestSolvers.Get(name).Solve(p, new OdeSolverOptions { Cancellation = cts.Token });
        Assert.Equal(SolverStatus.Cancelled, s.Status);
        Assert.Equal(0.0, s.FinalTime);
        Assert.Equal(1.0, s.FinalState[0]);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void NaNFromTheModelIsNonFinite(string name)
    {
        // f is undefined beyond t = 0.5 (e.g. a log of a negative concentration).
        var p = new OdeProblem((t, y, d) => d[0] = t > 0.5 ? Math.Log(-1) : -y[0], new[] { 1.0 }, 0, 1);
        OdeSolution s = TestSolvers.Get(name).Solve(p, new OdeSolverOptions());
        output.WriteLine($"{name}: {s.Status} at {s.FinalTime:R}: {s.Diagnostic}");
        Assert.Equal(SolverStatus.NonFinite, s.Status);
        Assert.InRange(s.FinalTime, 0.49, 0.5 + 1e-12);
        Assert.Contains("NaN", s.Diagnostic);
    }

    [Fact]
    public void NaNAtTheInitialStateIsNonFinite()
    {
        var p = new OdeProblem((t, y, d) => { d[0] = 1; d[1] = double.NaN; }, new[] { 1.0, 1.0 }, 0, 1);
        OdeSolution s = SolverRegistry.Default.Solve(p, new OdeSolverOptions());
        Assert.Equal(SolverStatus.NonFinite, s.Status);
        Assert.Contains("component 1", s.Diagnostic);
    }

    [Fact]
    public void BrokenAnalyticJacobianIsAConvergenceFailure()
    {
        var p = new OdeProblem((t, y, d) => d[0] = -y[0], new[] { 1.0 }, 0, 1) { Jacobian = (t, y, j) => j[0] = double.NaN };
        OdeSolution s = SolverRegistry.Get("rodas5p").Solve(p, new OdeSolverOptions());
        Assert.Equal(SolverStatus.ConvergenceFailure, s.Status);
        Assert.Contains("Jacobian", s.Diagnostic);
    }

    [Fact]
    public void SuccessHasAnEmptyDiagnostic()
    {
        var p = new OdeProblem((t, y, d) => d[0] = -y[0], new[] { 1.0 }, 0, 1);
        OdeSolution s = SolverRegistry.Default.Solve(p, new OdeSolverOptions());
        Assert.Equal(SolverStatus.Success, s.Status);
        Assert.Equal("", s.Diagnostic);
    }

    public static TheoryData<string> BadOptions => new()
    {
        "rtol0", "rtolNaN", "atolNeg", "atolVectorLength", "atolVectorZero", "saveAtDescending", "saveAtOutside",
        "timeEventOutside", "maxSteps0", "initialStepNeg", "maxStep0", "minStepAboveMax",
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void ProgrammerErrorsThrowArgumentException(string which)
    {
        var p = new OdeProblem((t, y, d) => { d[0] = -y[0]; d[1] = 0; }, new[] { 1.0, 2.0 }, 0, 1);
        var o = new OdeSolverOptions();
        EventSet? ev = null;
        switch (which)
        {
            case "rtol0": o = o with { RelativeTolerance = 0 }; break;
            case "rtolNaN": o = o with { RelativeTolerance = double.NaN }; break;
            case "atolNeg": o = o with { AbsoluteTolerance = -1e-8 }; break;
            case "atolVectorLength": o = o with { AbsoluteTolerances = new[] { 1e-8 } }; break;
            case "atolVectorZero": o = o with { AbsoluteTolerances = new[] { 1e-8, 0.0 } }; break;
            case "saveAtDescending": o = o with { SaveAt = new[] { 0.5, 0.2 } }; break;
            case "saveAtOutside": o = o with { SaveAt = new[] { 0.5, 1.5 } }; break;
            case "timeEventOutside": ev = new EventSet([new TimeEvent(2, (t, y, _) => { })], []); break;
            case "maxSteps0": o = o with { MaxSteps = 0 }; break;
            case "initialStepNeg": o = o with { InitialStep = -0.1 }; break;
            case "maxStep0": o = o with { MaxStep = 0 }; break;
            case "minStepAboveMax": o = o with { MinStep = 1, MaxStep = 0.5 }; break;
        }
        foreach (IOdeSolver solver in TestSolvers.All)
            Assert.ThrowsAny<ArgumentException>(() => solver.Solve(p, o, ev));
    }

    [Fact]
    public void RegistryKnowsItsSolvers()
    {
        Assert.Equal("rodas5p", SolverRegistry.Default.Descriptor.Name);
        Assert.True(SolverRegistry.Default.Descriptor.ForStiffProblems);
        Assert.Equal(new[] { "rodas5p", "dopri5", "auto", "radau5" }, SolverRegistry.Names);
        Assert.Same(SolverRegistry.Get("DOPRI5"), SolverRegistry.Get("dopri5"));
        Assert.False(SolverRegistry.TryGet("euler", out _));
        ArgumentException e = Assert.Throws<ArgumentException>(() => SolverRegistry.Get("euler"));
        Assert.Contains("rodas5p", e.Message);
        foreach (IOdeSolver s in TestSolvers.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Descriptor.Summary));
            Assert.False(string.IsNullOrWhiteSpace(s.Descriptor.Citation));
            Assert.True(s.Descriptor.Order >= 4 && s.Descriptor.DenseOutputOrder >= 3);
        }
    }

    [Fact]
    public void Dopri5OnAStiffProblemSaysSo()
    {
        // Robertson-like stiffness: y' = −1e4 (y − cos t) over a long span; DOPRI5 is stability-bound.
        var p = new OdeProblem((t, y, d) => d[0] = -1e4 * (y[0] - Math.Cos(t)), new[] { 0.0 }, 0, 100);
        OdeSolution s = SolverRegistry.Get("dopri5").Solve(p, new OdeSolverOptions { MaxSteps = 2000 });
        Assert.Equal(SolverStatus.MaxSteps, s.Status);
        Assert.Contains("stiff", s.Diagnostic);
        Assert.Contains("rodas5p", s.Diagnostic);
        OdeSolution a = SolverRegistry.Get("auto").Solve(p, new OdeSolverOptions { MaxSteps = 2000 });
        Assert.Equal(SolverStatus.Success, a.Status);
        Assert.True(a.Statistics.JacobianEvaluations > 0); // switched to the stiff method
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EmptySpanReturnsTheInitialState(string name)
    {
        var p = new OdeProblem((t, y, d) => d[0] = -y[0], new[] { 3.0 }, 2, 2);
        OdeSolution s = TestSolvers.Get(name).Solve(p, new OdeSolverOptions { SaveAt = new[] { 2.0 } });
        Assert.Equal(SolverStatus.Success, s.Status);
        Assert.Equal(2.0, s.FinalTime);
        Assert.Equal(3.0, s.FinalState[0]);
        Assert.Equal(3.0, s.SavedStateAt(0)[0]);
        Assert.Equal(3.0, s.Interpolate(2.0, 0));
    }
}
