using TpoSim.Scenarios;

namespace TpoSim.Tests.Simulation;

/// <summary>"No steady state" names what the user set and a remedy they can apply, not a solver option.</summary>
public sealed class SteadyStateDiagnosticTests
{
    [Fact]
    public void The_diagnostic_names_the_conditions_and_overrides_and_drops_solver_option_advice()
    {
        var parsed = ScenarioParser.Parse("""{ "patient": { "condition": { "name": "mds", "severity": 0.9 }, "parameters": { "emax": 8 } } }""");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        const string numerics = "Newton failed (singular) and integration up to t = 1e10 did not settle (weighted ‖f‖ = 3): the system may have no stable steady state (sustained oscillation or unbounded growth); check the parameters or raise MaxIntegrationTime.";
        var text = TpoSim.Simulation.Simulator.NoSteadyStateDiagnostic(parsed.Value!, numerics);
        Assert.Contains("condition 'mds' (severity 0.9)", text);
        Assert.Contains("patient.parameters.emax", text);
        Assert.Contains("Remedy:", text);
        Assert.DoesNotContain("MaxIntegrationTime", text);
        Assert.DoesNotContain("\n", text);
    }
}
