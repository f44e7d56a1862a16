using System.Text.Json;
using TpoSim.Drugs;
using TpoSim.Scenarios;
using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>The guardrails a clinician expects: doses outside the label range are flagged, forecasts stay inside it.</summary>
public sealed class LabelGuardrailTests
{
    [Fact]
    public void A_thousandfold_unit_slip_runs_with_one_warning_line_and_the_warning_in_summary_json()
    {
        using var dir = new TempDir();
        // eltrombopag 50 µg where 50 mg was meant: 1/250 of the lowest label dose (12.5 mg).
        var file = dir.Write("slip.json", """{ "simulation": { "days": 5 }, "doses": [ { "drug": "eltrombopag", "route": "oral", "amount": 50, "unit": "ug", "day": 1 } ] }""");
        var run = CliHarness.Run("simulate", file, "--quiet", "--out", dir.Sub("out"));
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("tposim: warning: $.doses[0].amount: 50 µg (0.05 mg) of eltrombopag", line);
        Assert.Contains("likely unit slip", line);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Sub("out"), "summary.json")));
        var warning = Assert.Single(summary.RootElement.GetProperty("warnings").EnumerateArray().ToArray());
        Assert.Contains("likely unit slip", warning.GetString());
    }

    [Theory]
    [InlineData("romiplostim", 10, DoseUnit.MicrogramPerKg, 70, null)]
    [InlineData("romiplostim", 1, DoseUnit.MicrogramPerKg, 70, null)]
    [InlineData("romiplostim", 15, DoseUnit.MicrogramPerKg, 70, "outside the label dose range (1–10 µg/kg)")]
    [InlineData("romiplostim", 140, DoseUnit.Microgram, 70, null)] // 2 µg/kg
    [InlineData("romiplostim", 0.005, DoseUnit.MicrogramPerKg, 70, "below 1/100")]
    [InlineData("romiplostim", 101, DoseUnit.MicrogramPerKg, 70, "more than 10×")]
    [InlineData("eltrombopag", 50, DoseUnit.Milligram, 70, null)]
    [InlineData("eltrombopag", 200, DoseUnit.Milligram, 70, "outside the label dose range (12.5–150 mg)")]
    [InlineData("lusutrombopag", 3, DoseUnit.Milligram, 70, null)]
    public void Label_ranges_and_unit_slips(string drug, double amount, DoseUnit unit, double weightKg, string? expected)
    {
        var warning = LabelDoses.For(drug)!.Warn(amount, unit, weightKg);
        if (expected is null) Assert.Null(warning);
        else Assert.Contains(expected, warning);
    }

    [Fact]
    public void A_dose_inside_the_label_range_gives_no_warning()
    {
        var parsed = ScenarioParser.Parse("""{ "doses": [ { "drug": "romiplostim", "route": "sc", "amount": 3, "unit": "ug/kg", "day": 1 } ] }""");
        Assert.True(parsed.Succeeded);
        Assert.Empty(parsed.Value!.Warnings);
    }

    [Fact]
    public void Forecast_refuses_a_fixed_dose_above_the_label_maximum()
    {
        using var dir = new TempDir();
        var run = CliHarness.Run("forecast", CliHarness.RepoFile("examples/patient-itp-romiplostim.csv"), "--weeks", "2", "--regimen", "fixed:50", "--out", dir.Sub("f"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("fixed:50", line);
        Assert.Contains("allowed fixed:X with X in [1, 10] µg/kg", line);
        Assert.False(Directory.Exists(dir.Sub("f")));
    }
}
