using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>The population file's <c>rescue</c> block through the command line: a bad value is a one-line error, exit 2, and no output folder.</summary>
public sealed class RescueCommandTests
{
    private const string Itp = """
        { "name": "itp", "patient": { "condition": { "name": "itp", "severity": 0.8 } }, "simulation": { "days": 14, "outputEveryDays": 1 } }
        """;

    [Theory]
    [InlineData("""{ "blockFraction": 2 }""", "$.rescue.blockFraction: 2 is outside the allowed range [0, 1]")]
    [InlineData("""{ "durationDays": 400 }""", "$.rescue.durationDays: 400 is outside the allowed range [1, 365]")]
    public void Bad_rescue_values_give_a_one_line_error_and_exit_2(string rescue, string expected)
    {
        using var dir = new TempDir();
        dir.Write("itp.json", Itp);
        var pop = dir.Write("pop.json", $$"""
            { "scenario": "itp.json", "variability": [ { "parameter": "emax", "cv": 0.3 } ], "rescue": {{rescue}} }
            """);
        var run = CliHarness.Run("population", pop, "--subjects", "4", "--out", dir.Sub("out"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        CliHarness.AssertNoStackTrace(run);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{pop}: {expected}", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }

    [Fact]
    public void A_rescue_block_runs_and_rescues_the_subjects_below_10()
    {
        using var dir = new TempDir();
        dir.Write("itp.json", Itp);
        var pop = dir.Write("pop.json", """
            { "scenario": "itp.json", "variability": [ { "parameter": "emax", "cv": 0.3 } ], "rescue": { "simulate": true } }
            """);
        var run = CliHarness.Run("population", pop, "--subjects", "4", "--out", dir.Sub("out"), "--quiet");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        // Every subject starts at ≈ 8 ×10⁹/L: rescued on day 7 (week 2), not on day 14 (the block holds the count up).
        var rows = File.ReadAllLines(Path.Combine(dir.Sub("out"), "subjects.csv"));
        var column = Array.IndexOf(rows[0].Split(','), "rescueWeeks");
        Assert.All(rows.Skip(1), r => Assert.Equal("1", r.Split(',')[column]));
        Assert.Contains("\"rescue\": { \"simulate\": true, \"blockFraction\": 0.97, \"durationDays\": 18 },", File.ReadAllText(Path.Combine(dir.Sub("out"), "metrics.json")));
    }
}
