using TpoSim.Scenarios;
using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>The committed example scenarios and the valid corpus run cleanly.</summary>
public sealed class ScenarioFileTests
{
    public static TheoryData<string> ScenarioNames => new(CliHarness.ScenarioFiles().Select(Path.GetFileName)!);

    public static TheoryData<string> GoodIds => new(GoodScenarioCases.All.Select(c => c.Id));

    [Fact]
    public void There_are_example_scenarios()
    {
        Assert.Contains("default.json", CliHarness.ScenarioFiles().Select(Path.GetFileName));
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Example_scenario_runs_with_exit_0(string name)
    {
        using var dir = new TempDir();
        var outDir = dir.Sub("out");
        var run = CliHarness.Run("simulate", CliHarness.RepoFile(Path.Combine("scenarios", name)), "--quiet", "--out", outDir);
        Assert.True(run.ExitCode == ExitCodes.Ok, $"{name}: exit {run.ExitCode}: {run.Stderr}");
        Assert.Equal("", run.Stderr);
        Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));
    }

    [Theory]
    [MemberData(nameof(GoodIds))]
    public void Valid_corpus_scenario_runs_with_exit_0(string id)
    {
        var json = GoodScenarioCases.All.Single(c => c.Id == id).Json;
        using var dir = new TempDir();
        var file = dir.Write(id + ".json", json);
        var run = CliHarness.Run("simulate", file, "--quiet", "--out", dir.Sub("out"));
        Assert.True(run.ExitCode == ExitCodes.Ok, $"{id}: exit {run.ExitCode}: {run.Stderr}");
    }

    [Fact]
    public void Every_field_example_is_read_as_written()
    {
        var result = ScenarioParser.Parse(GoodScenarioCases.All.Single(c => c.Id == "every-field").Json);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var s = result.Value!;
        Assert.Equal("Every field", s.Name);
        Assert.Equal(82.5, s.Patient.BodyWeightKg);
        Assert.Equal(TpoSim.Physiology.Sex.Male, s.Patient.Sex);
        Assert.Equal(21, s.Days);
        Assert.Equal(0.5, s.OutputStepDays);
        Assert.Equal("rodas5p", s.Solver);
        Assert.Equal(3, s.ParameterOverrides.Count);
        Assert.Equal(3, s.Doses.Count);
        Assert.Equal([1.0, 8.0, 15.0], s.Doses[0].Times());
        Assert.Equal(1.2 * 82.5, s.Doses[0].Micrograms(s.Patient.BodyWeightKg), 9);
        Assert.Equal(50, s.Doses[2].Micrograms(s.Patient.BodyWeightKg), 9);
        Assert.Equal(4, s.Events.Count);
        Assert.Equal(450, Assert.IsType<PlateletTransfusion>(s.Events[0]).PlateletsE9);
        Assert.Equal(250, Assert.IsType<PlateletTransfusion>(s.Events[1]).PlateletsE9);
    }

    [Fact]
    public void Defaults_apply_when_fields_are_omitted()
    {
        var s = ScenarioParser.Parse("{}").Value!;
        Assert.Equal("Untitled scenario", s.Name);
        Assert.Equal(ScenarioDefaults.Days, s.Days);
        Assert.Equal(ScenarioDefaults.OutputStepDays, s.OutputStepDays);
        Assert.Null(s.Solver);
        Assert.Equal(new TpoSim.Physiology.Patient(), s.Patient);
        Assert.Empty(s.Conditions);
        Assert.Empty(s.Doses);
        Assert.Empty(s.Events);
    }
}
