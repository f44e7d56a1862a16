using TpoSim.Scenarios;
using TpoSim.Simulation;
using TpoSim.Tests.Physiology;

namespace TpoSim.Tests.Simulation;

public class SolverAgreementTests
{
    public static TheoryData<string> Solvers() => new(SolverChoice.Names);

    [Theory]
    [MemberData(nameof(Solvers))]
    public void EverySolverGivesTheSameDefaultScenario(string solver)
    {
        // Independent methods (Rosenbrock, Radau IIA, explicit Runge–Kutta) on the same problem must agree to within
        // their tolerances: rtol 1e-6 per step gives agreement well inside 1e-4 relative on every grid point.
        var scenario = ScenarioParser.Parse(BuiltinScenarios.DefaultJson).Value!;
        var reference = Simulator.Run(scenario, "rodas5p", cancellation: TestContext.Current.CancellationToken);
        var other = Simulator.Run(scenario, solver, cancellation: TestContext.Current.CancellationToken);
        Assert.True(other.Succeeded, other.Diagnostic);
        Assert.Equal(reference.Days.Count, other.Days.Count);
        for (var i = 0; i < reference.Days.Count; i++)
        {
            Assert.Equal(1.0, other.Outputs[i].PlateletsCirculating / reference.Outputs[i].PlateletsCirculating, 4);
            Assert.Equal(1.0, other.Outputs[i].TpoFreePicomolar / reference.Outputs[i].TpoFreePicomolar, 4);
        }
    }
}
