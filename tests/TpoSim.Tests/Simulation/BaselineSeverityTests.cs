using TpoSim.Simulation;

namespace TpoSim.Tests.Simulation;

/// <summary>
/// <c>"baselinePlatelets"</c> instead of a severity (issue 14 item 4): the parser solves the severity, and the day-0
/// count of the run is the requested one (Brent's method to 1e-10 in severity; the count to 1e-6 relative).
/// </summary>
public sealed class BaselineSeverityTests
{
    [Theory]
    [InlineData("v1", "chronicLiverDisease", 60)]
    [InlineData("v1", "itp", 30)]
    [InlineData("v2", "chronicLiverDisease", 45)]
    [InlineData("v2", "aplasticAnaemia", 27)]
    public void The_solved_severity_gives_the_requested_day_0_count(string model, string condition, double platelets)
    {
        var scenario = ScenarioTestHelpers.Parse($$"""{ "model": "{{model}}", "patient": { "condition": { "name": "{{condition}}", "baselinePlatelets": {{platelets}} } }, "simulation": { "days": 2 } }""");
        var c = Assert.Single(scenario.Conditions);
        Assert.Equal(platelets, c.BaselinePlatelets);
        Assert.InRange(c.Severity, 1e-6, 1 - 1e-6);
        var r = Simulator.Run(scenario, cancellation: TestContext.Current.CancellationToken);
        Assert.True(r.Succeeded, r.Diagnostic);
        Assert.Equal(platelets, r.Outputs[0].PlateletsCirculating, 1e-6 * platelets);
        // The same severity given directly is the same patient.
        var direct = ScenarioTestHelpers.Parse($$"""{ "model": "{{model}}", "patient": { "condition": { "name": "{{condition}}", "severity": {{c.Severity.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}} } }, "simulation": { "days": 2 } }""");
        Assert.Equal(r.Outputs[0].PlateletsCirculating, Simulator.Run(direct, cancellation: TestContext.Current.CancellationToken).Outputs[0].PlateletsCirculating, 1e-9 * platelets);
    }
}
