using TpoSim.Parameters;
using TpoSim.Physiology;
using TpoSim.Simulation;

namespace TpoSim.Tests.Simulation;

/// <summary>
/// The compile-once plan (issue 13 item 3): every parameter reachable from a scenario (PK and PD included), runs that
/// never change the plan, and events that edit (t, y, p).
/// </summary>
public class SimulationPlanTests
{
    private const string Eltrombopag = """{ "drug": "eltrombopag", "route": "oral", "amount": 50, "unit": "mg", "day": 1, "everyDays": 1, "count": 20 }""";

    /// <summary>
    /// A PD parameter set in patient.parameters reaches the compiled model: at a fixed state with central amount A the
    /// stimulation rises by (1 − f)·Emax·ε·C/(EC50 + C), C = A/Vc, with the overridden EC50 (analytic, to 1e-12).
    /// </summary>
    [Theory]
    [InlineData(18800)]
    [InlineData(2000)]
    public void A_pd_parameter_override_reaches_the_model(double ec50)
    {
        var plan = Simulator.Compile(ScenarioTestHelpers.Parse(
            $$"""{ "patient": { "parameters": { "eltrombopagEc50": {{ec50}} } }, "simulation": { "days": 21 }, "doses": [ {{Eltrombopag}} ] }"""));
        Assert.Equal(ec50, plan.Parameter("eltrombopagEc50"));
        var model = plan.Model;
        var p = plan.CopyParameters();
        var y = plan.CopyState();
        var names = model.Compiled.ObservableNames.ToList();
        var before = model.Observables(0, y, p)[names.IndexOf("stimulation")];
        const double micrograms = 100_000;
        y[model.Drug("eltrombopag")!.Offset + 1] = micrograms;
        var after = model.Observables(0, y, p)[names.IndexOf("stimulation")];
        var c = micrograms / p[model.Index("eltrombopagCentralVolume")]; // µg/L = ng/mL
        var expected = (1 - p[model.Index(ParameterId.TpoIndependentDivisionFraction)]) * p[model.Index(ParameterId.DivisionEmax)]
                       * p[model.Index("eltrombopagEfficacy")] * c / (ec50 + c);
        Assert.Equal(expected, after - before, 1e-12 * expected);
    }

    /// <summary>A lower EC50 (a more potent drug) gives a higher day-21 count on the same regimen.</summary>
    [Fact]
    public void A_more_potent_override_raises_the_response()
    {
        double Day21(double ec50) => Simulator.Run(ScenarioTestHelpers.Parse(
            $$"""{ "patient": { "condition": { "name": "itp", "severity": 0.7 }, "parameters": { "eltrombopagEc50": {{ec50}} } }, "simulation": { "days": 21 }, "doses": [ {{Eltrombopag}} ] }"""), cancellation: TestContext.Current.CancellationToken)
            .Outputs[^1].PlateletsCirculating;
        Assert.True(Day21(5000) > 1.2 * Day21(18800), $"{Day21(5000)} vs {Day21(18800)}");
    }

    /// <summary>An unknown or out-of-range PK/PD name is bad input with the allowed range.</summary>
    [Fact]
    public void A_pk_parameter_outside_its_range_is_rejected()
    {
        var parsed = TpoSim.Scenarios.ScenarioParser.Parse("""{ "patient": { "parameters": { "eltrombopagEc50": 0 } } }""");
        Assert.False(parsed.Succeeded);
        Assert.Equal("$.patient.parameters.eltrombopagEc50", parsed.Errors[0].Path);
        Assert.Contains("[1, 1E+06] ng/mL", parsed.Errors[0].Message);
    }

    /// <summary>setParameter on a PK parameter edits the run's p from its day on; the plan keeps its day-0 value.</summary>
    [Fact]
    public void SetParameter_edits_the_runs_vector_and_not_the_plan()
    {
        var plan = Simulator.Compile(ScenarioTestHelpers.Parse($$"""
            { "simulation": { "days": 21 }, "doses": [ {{Eltrombopag}} ],
              "events": [ { "type": "setParameter", "day": 5, "parameter": "eltrombopagEfficacy", "value": 6 },
                          { "type": "setParameter", "day": 6, "parameter": "liverFunction", "value": 0.5 } ] }
            """));
        var first = Simulator.Run(plan, cancellation: TestContext.Current.CancellationToken);
        var second = Simulator.Run(plan, cancellation: TestContext.Current.CancellationToken);
        Assert.True(first.Succeeded, first.Diagnostic);
        Assert.Equal(6, first.FinalParameters[plan.Model.Index("eltrombopagEfficacy")]);
        Assert.Equal(0.5, first.FinalParameter(ParameterId.LiverFunction));
        Assert.Equal(3, plan.Parameter("eltrombopagEfficacy"));
        Assert.Equal(1, plan.Parameter("liverFunction"));
        Assert.Equal(first.Outputs.Select(o => o.PlateletsCirculating), second.Outputs.Select(o => o.PlateletsCirculating));
    }

    /// <summary>One plan run from four threads at once gives the same numbers bit for bit (the compiled model and the plan are shared, read-only).</summary>
    [Fact]
    public void One_plan_runs_from_many_threads_identically()
    {
        var plan = Simulator.Compile(ScenarioTestHelpers.Parse($$"""
            { "patient": { "condition": { "name": "itp", "severity": 0.5 } }, "simulation": { "days": 30 }, "doses": [ {{Eltrombopag}} ] }
            """));
        var reference = Simulator.Run(plan, cancellation: TestContext.Current.CancellationToken).Outputs.Select(o => o.PlateletsCirculating).ToArray();
        var runs = new double[4][];
        Parallel.For(0, runs.Length, i => runs[i] = Simulator.Run(plan, cancellation: TestContext.Current.CancellationToken).Outputs.Select(o => o.PlateletsCirculating).ToArray());
        Assert.All(runs, r => Assert.Equal(reference, r));
    }

    /// <summary>The solver path uses the analytic Jacobian of the compiled model, not finite differences.</summary>
    [Fact]
    public void The_problem_carries_the_analytic_jacobian_and_p()
    {
        var plan = Simulator.Compile(ScenarioTestHelpers.Parse("""{ "simulation": { "days": 5 } }"""));
        var p = plan.CopyParameters();
        var problem = plan.Model.Problem(p, plan.CopyState(), 0, 5);
        Assert.NotNull(problem.Jacobian);
        Assert.Same(p, problem.Parameters);
    }
}
