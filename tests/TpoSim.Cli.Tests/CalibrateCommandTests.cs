using System.Text.Json;
using Xunit;

namespace TpoSim.Cli.Tests;

public sealed class CalibrateCommandTests
{
    [Fact]
    public void Calibrate_with_a_small_setup_writes_estimates_correlations_fits_and_provenance()
    {
        var dir = Directory.CreateTempSubdirectory("tposim-calibrate-");
        try
        {
            var setup = Path.Combine(dir.FullName, "setup.json");
            File.WriteAllText(setup, """{ "parameters": [ { "name": "mkMaturationDays", "why": "test" } ], "maxIterations": 2 }""");
            var outFile = Path.Combine(dir.FullName, "parameters.json");
            var run = CliHarness.Run("calibrate", "--cases", CliHarness.RepoFile("validation/cases.json"), "--setup", setup, "--out", outFile);
            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Contains("progress: ", run.Stdout);
            Assert.Contains("mkMaturationDays", run.Stdout);
            Assert.Contains("Correlation of the estimates", run.Stdout);
            using var doc = JsonDocument.Parse(File.ReadAllText(outFile));
            var provenance = doc.RootElement.GetProperty("provenance");
            Assert.Contains("V7", provenance.GetProperty("cases").EnumerateArray().Select(e => e.GetString()));
            Assert.DoesNotContain("V17", provenance.GetProperty("cases").EnumerateArray().Select(e => e.GetString()));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", provenance.GetProperty("date").GetString());
            Assert.True(provenance.TryGetProperty("commit", out _));
            var p = Assert.Single(doc.RootElement.GetProperty("parameters").EnumerateArray());
            Assert.Equal("mkMaturationDays", p.GetProperty("name").GetString());
            var interval = p.GetProperty("interval95");
            Assert.True(interval[0].GetDouble() <= p.GetProperty("value").GetDouble() && p.GetProperty("value").GetDouble() <= interval[1].GetDouble());
            Assert.Equal(1.0, doc.RootElement.GetProperty("correlation").GetProperty("matrix")[0][0].GetDouble());
            Assert.NotEmpty(doc.RootElement.GetProperty("fits").EnumerateArray());
            Assert.Empty(Directory.GetFiles(dir.FullName, ".*.tmp"));
            CliHarness.AssertNoStackTrace(run);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Calibrate_with_a_bad_setup_exits_2_naming_the_field()
    {
        var dir = Directory.CreateTempSubdirectory("tposim-calibrate-");
        try
        {
            var setup = Path.Combine(dir.FullName, "setup.json");
            File.WriteAllText(setup, """{ "parameters": [ { "name": "noSuchParameter", "why": "x" } ] }""");
            var run = CliHarness.Run("calibrate", "--cases", CliHarness.RepoFile("validation/cases.json"), "--setup", setup);
            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            var line = Assert.Single(run.ErrorLines);
            Assert.Contains("$.parameters[0].name", line);
            Assert.Contains("allowed:", line);
            CliHarness.AssertNoStackTrace(run);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
