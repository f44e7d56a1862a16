using TpoSim.Physiology;
using TpoSim.Tests.Simulation;

namespace TpoSim.Tests.Drugs;

/// <summary>
/// Eltrombopag's absorption rate switches from 0.333 to 5.26 h⁻¹ at 1.46 h after each dose (Farrell 2014). The solver
/// stops at the switch (an event at dose day + switch); the event sets the phase, so the step that ends there sees the
/// early rate throughout. Derived from t − LastDoseDay &lt; switch instead, the two disagree by rounding on some days, the
/// last stages of that step see the 16× larger late rate, and the step is rejected again and again.
/// </summary>
public sealed class EltrombopagAbsorptionPhaseTests
{
    [Fact]
    public void The_event_phase_wins_over_the_time_since_dose()
    {
        // The compiled module's gut rate reads only the phase parameter, never t − last dose: at a time a rounding error
        // past the switch with the phase still early, the rate is early; a rounding error before it with the phase late, late.
        var model = TpoSim.Drugs.Modules.PkOnlySimulation.Model("eltrombopag");
        var p = TpoSim.Tests.Drugs.PkTestHelpers.ParametersOf(TpoSim.Tests.Drugs.PkTestHelpers.Pk("eltrombopag"));
        var drug = model.Drugs[0];
        var y = model.HealthyState(p);
        y[drug.Offset] = 1000;
        var switchDays = model.DoseInputOf("eltrombopag", Scenarios.Route.Oral, p).RateSwitchDays!.Value;
        p[drug.LastDoseParameter] = 0;
        double GutRate(double t, double phase)
        {
            p[drug.AbsorptionPhaseParameter] = phase;
            var f = new double[y.Length];
            model.Compiled.Derivative(t, y, p, f);
            return f[drug.Offset];
        }
        var early = GutRate(0, 0);
        var late = GutRate(0, 1);
        Assert.Equal(-0.333 * 24 * 1000, early, 1e-9);
        Assert.Equal(5.26 / 0.333, late / early, 1e-9);
        Assert.Equal(early, GutRate(switchDays * (1 + 1e-15), 0));
        Assert.Equal(late, GutRate(switchDays * (1 - 1e-15), 1));
    }

    /// <summary>
    /// The compiled schedule of two doses 0.05 days apart (inside the first one's 1.46 h ≈ 0.061 day switch time): each dose
    /// restarts the early phase, the first dose's switch leaves it early, and only the second dose's switch makes it late.
    /// </summary>
    [Fact]
    public void A_switch_applies_only_to_the_last_dose()
    {
        var plan = TpoSim.Simulation.Simulator.Compile(ScenarioTestHelpers.Parse("""
            { "simulation": { "days": 2 },
              "doses": [ { "drug": "eltrombopag", "route": "oral", "amount": 50, "unit": "mg", "day": 1 },
                         { "drug": "eltrombopag", "route": "oral", "amount": 50, "unit": "mg", "day": 1.05 } ] }
            """));
        var drug = plan.Model.Drug("eltrombopag")!;
        var p = plan.CopyParameters();
        var y = plan.CopyState();
        Assert.Equal(1, p[drug.AbsorptionPhaseParameter]); // never dosed: late (the model's default)
        var phases = new List<(double Day, double Phase)>();
        foreach (var e in plan.Events)
        {
            e.Edit.Apply(e.Day, y, p);
            phases.Add((e.Day, p[drug.AbsorptionPhaseParameter]));
        }
        var sw = 1.46 / 24;
        // Doses at 1 and 1.05, absorption after the 0.447 h lag, switches 1.46 h after each dose (Farrell 2014).
        (double Day, double Phase)[] expected = [(1.0, 0), (1 + 0.447 / 24, 0), (1.05, 0), (1 + sw, 0), (1.05 + 0.447 / 24, 0), (1.05 + sw, 1)];
        Assert.Equal(expected.Length, phases.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Day, phases[i].Day, 1e-12);
            Assert.Equal(expected[i].Phase, phases[i].Phase);
        }
    }

    [Fact]
    public void Daily_dosing_for_sixty_days_needs_few_rejected_steps()
    {
        // Three events a day (dose, absorption after the lag, rate switch). With the phase derived from the time since the
        // dose, 21% of the steps of a year of daily dosing were rejected (5,036 of 24,229 accepted); with the phase set by
        // the events, 2%.
        var r = ScenarioTestHelpers.Run("""
            { "patient": { "condition": { "name": "itp", "severity": 0.7 } }, "simulation": { "days": 60, "outputEveryDays": 1 },
              "doses": [ { "drug": "eltrombopag", "route": "oral", "amount": 50, "unit": "mg", "day": 0, "everyDays": 1, "count": 60 } ] }
            """);
        Assert.True(r.Succeeded, r.Diagnostic);
        Assert.True(r.Statistics.RejectedSteps < 0.05 * r.Statistics.AcceptedSteps,
            $"{r.Statistics.RejectedSteps} rejected of {r.Statistics.AcceptedSteps} accepted");
    }
}
