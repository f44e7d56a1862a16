using TpoSim.Population;
using TpoSim.Scenarios;
using Xunit;

namespace TpoSim.Tests.Input;

/// <summary>
/// One unknown-field check for every reader (<see cref="JsonInput.UnknownFields"/>): the scenario and population readers
/// word an unknown field alike, and a "$"-name such as "$schema" is accepted but not listed.
/// </summary>
public class UnknownFieldTests
{
    [Fact]
    public void SharedCheck_ListsTheAllowedNames_ButNotDollarNames()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""{ "$schema": "x", "a": 1, "zz": 2 }""");
        var problem = Assert.Single(JsonInput.UnknownFields(doc.RootElement, "$.thing", ["$schema", "a", "b"]));
        Assert.Equal(("$.thing.zz", "unknown field; allowed: a, b"), problem);
    }

    [Fact]
    public void ScenarioAndPopulationReaders_ReportAnUnknownFieldThroughIt()
    {
        var scenario = ScenarioParser.Parse("""{ "simulation": { "days": 10, "dayz": 3 } }""");
        var scenarioError = Assert.Single(scenario.Errors);
        Assert.Equal("$.simulation.dayz", scenarioError.Path);
        Assert.StartsWith("unknown field; allowed: days, outputEveryDays", scenarioError.Message);

        var population = PopulationParser.Parse("""
            { "scenario": { "simulation": { "days": 10 } }, "variability": [ { "parameter": "emax", "cv": 0.3 } ],
              "covariates": { "weightKg": { "distribution": "logNormal", "median": 70, "cv": 0.2, "min": 40, "max": 150, "mode": 1 } } }
            """, "pop.json", ".");
        Assert.False(population.Succeeded);
        var text = Assert.Single(population.Errors).ToString();
        Assert.Contains("$.covariates.weightKg.mode: unknown field; allowed: distribution, mean, sd, median, cv, min, max", text);
    }
}
