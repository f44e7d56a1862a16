using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Tests.Simulation;

/// <summary>Scenario JSON to a parsed scenario or a finished run, failing the test with the parser's or solver's message.</summary>
internal static class ScenarioTestHelpers
{
    /// <summary>Parses <paramref name="json"/>; a parse error fails the test with every error line.</summary>
    public static Scenario Parse(string json)
    {
        var parsed = ScenarioParser.Parse(json);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        return parsed.Value!;
    }

    /// <summary>Parses and runs <paramref name="json"/>; a solver failure fails the test with its diagnostic.</summary>
    public static SimulationResult Run(string json)
    {
        var r = Simulator.Run(Parse(json), cancellation: TestContext.Current.CancellationToken);
        Assert.True(r.Succeeded, r.Diagnostic);
        return r;
    }
}
