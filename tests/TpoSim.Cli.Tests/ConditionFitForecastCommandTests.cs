using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary><c>tposim fit</c> and <c>tposim forecast</c> on the CLD and chemotherapy example patients, and the label guard for lusutrombopag.</summary>
public class ConditionFitForecastCommandTests
{
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("examples/patient-cld-lusutrombopag.csv", "chronicLiverDisease", "liverFunction", "3")]
    [InlineData("examples/patient-chemo-carboplatin.csv", "chemotherapy", "chemoSensitivity", "6")]
    public void Fit_then_forecast_from_the_fit_runs_on_the_example(string patient, string condition, string parameter, string weeks)
    {
        using var dir = new TempDir();
        var fit = CliHarness.Run("fit", CliHarness.RepoFile(patient), "--out", dir.Sub("fit"), "--quiet");
        Assert.Equal(ExitCodes.Ok, fit.ExitCode);
        var json = File.ReadAllText(Path.Combine(dir.Sub("fit"), "fit.json"));
        Assert.Contains($"\"condition\": \"{condition}\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"name\": \"{parameter}\"", json, StringComparison.Ordinal);
        var forecast = CliHarness.Run("forecast", CliHarness.RepoFile(patient), "--weeks", weeks, "--samples", "20", "--fit", Path.Combine(dir.Sub("fit"), "fit.json"), "--out", dir.Sub("fc"), "--quiet");
        Assert.Equal(ExitCodes.Ok, forecast.ExitCode);
        var result = File.ReadAllText(Path.Combine(dir.Sub("fc"), "forecast.json"));
        // Neither condition has an activity fluctuation: the file says the activity is constant.
        Assert.Contains("disease activity constant", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_refuses_a_lusutrombopag_dose_above_the_label()
    {
        using var dir = new TempDir();
        var run = CliHarness.Run("forecast", CliHarness.RepoFile("examples/patient-cld-lusutrombopag.csv"), "--weeks", "2", "--regimen", "fixed:6", "--out", dir.Sub("f"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("allowed fixed:X with X in [3, 3] mg", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Sub("f")));
    }
}
