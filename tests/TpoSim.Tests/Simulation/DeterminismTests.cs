using TpoSim.Output.Files;
using TpoSim.Scenarios;
using TpoSim.Tests.Physiology;

namespace TpoSim.Tests.Simulation;

public class DeterminismTests
{
    [Fact]
    public void SameScenarioGivesByteIdenticalCsvAndSummary()
    {
        string Render()
        {
            var r = ModelFixture.Run(ModelFixture.Scenario(40, 0.5, events: [new PlateletTransfusion(3, 300), new ParameterChange(10, "extraRemovalRate", 0.3)]));
            var w = new StringWriter();
            TimeSeriesCsv.Write(r, w);
            return w + SummaryJson.Serialize(r);
        }
        Assert.Equal(Render(), Render());
    }

    [Fact]
    public void DefaultScenarioParsesAndOutputsAreFiniteAndNonNegative()
    {
        var parsed = ScenarioParser.Parse(BuiltinScenarios.DefaultJson);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors.Select(e => e.Format("default"))));
        var r = ModelFixture.Run(parsed.Value!);
        foreach (var o in r.Outputs)
        {
            foreach (var c in OutputColumn.All)
            {
                var v = c.Select(o);
                Assert.True(double.IsFinite(v) && v >= 0, $"{c.Name} = {v}");
            }
        }
    }
}
