using TpoSim.Scenarios;
using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>
/// The inputs a fuzzing campaign found ending in "internal error" (exit 1): each is now bad input (exit 2) with one
/// line naming the field and what is allowed, or runs. One test per cause.
/// </summary>
public sealed class NoInternalErrorTests
{
    private static CliRun Simulate(string json, params string[] extra)
    {
        using var dir = new TempDir();
        var file = dir.Write("s.json", json);
        return CliHarness.Run(["simulate", file, "--quiet", "--out", dir.Sub("out"), .. extra]);
    }

    /// <summary>Exit 2, one stderr line that names <paramref name="field"/>, and no exception text.</summary>
    private static void AssertOneLineBadInput(CliRun run, string field)
    {
        Assert.True(run.ExitCode == ExitCodes.BadInput, $"exit {run.ExitCode}: {run.Stderr}");
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(field, line);
        Assert.DoesNotContain("internal error", line);
        CliHarness.AssertNoStackTrace(run);
    }

    [Fact]
    public void A_pk_drug_for_a_patient_under_2_kg_is_refused_at_the_weight()
    {
        var run = Simulate("""{ "patient": { "weightKg": 1 }, "simulation": { "days": 5 }, "doses": [ { "drug": "romiplostim", "route": "sc", "amount": 1, "unit": "ug/kg", "day": 1 } ] }""");
        AssertOneLineBadInput(run, "$.patient.weightKg");
        Assert.Contains("[2, 250] kg", run.Stderr);
    }

    [Fact]
    public void RhTpo_needs_no_pk_model_and_runs_for_a_1_kg_neonate()
    {
        var run = Simulate("""{ "patient": { "weightKg": 1, "ageGroup": "neonate" }, "simulation": { "days": 3 }, "doses": [ { "drug": "rhTPO", "route": "iv", "amount": 1, "unit": "ug/kg", "day": 1 } ] }""");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
    }

    [Fact]
    public void Romiplostim_iv_with_the_itp_pk_variant_is_refused_at_the_route()
    {
        var run = Simulate("""{ "pk": { "romiplostim": "romiplostim-itp" }, "simulation": { "days": 5 }, "doses": [ { "drug": "romiplostim", "route": "iv", "amount": 1, "unit": "ug/kg", "day": 1 } ] }""");
        AssertOneLineBadInput(run, "$.doses[0].route");
        Assert.Contains("allowed: sc", run.Stderr);
    }

    [Fact]
    public void Overlapping_chemotherapy_cycles_past_the_kill_rate_maximum_are_refused()
    {
        // 20 /day for 28 days every day: 28 cycles overlap, 560 /day against progenitorKillRate's maximum of 100.
        var run = Simulate("""{ "simulation": { "days": 60 }, "events": [ { "type": "chemotherapy", "day": 1, "regimen": "custom", "killRate": 20, "exposureDays": 28, "cycles": 30, "everyDays": 1 } ] }""");
        AssertOneLineBadInput(run, "$.events[0]");
        Assert.Contains("overlap", run.Stderr);
    }

    [Fact]
    public void Back_to_back_cycles_do_not_count_as_overlapping()
    {
        var parsed = ScenarioParser.Parse("""{ "simulation": { "days": 60 }, "events": [ { "type": "chemotherapy", "day": 1, "regimen": "custom", "killRate": 20, "exposureDays": 5, "cycles": 3, "everyDays": 5 } ] }""");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
    }

    [Fact]
    public void A_tiny_random_removal_rate_keeps_the_set_point_finite()
    {
        // (1 − q^N)/kr cancels to 0 for kr = 1e-16; the term-by-term sum gives the lifespan N/ka to 15 digits.
        var run = Simulate("""{ "patient": { "parameters": { "randomRemovalRate": 1e-16 } }, "simulation": { "days": 5 } }""");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        var model = TpoSim.Physiology.TpoModelAssembly.Assemble(TpoSim.Physiology.AgeGroup.Adult, []);
        var p = TpoSim.Physiology.TpoModelAssembly.Parameters(model.Compiled,
            TpoSim.Parameters.ParameterSet.Default.With(TpoSim.Parameters.ParameterId.RandomPlateletRemovalRate, 1e-16), new TpoSim.Physiology.Patient());
        Assert.Equal(TpoSim.Physiology.StateLayout.PlateletAgeCompartments / p[model.Index("healthyAgeingRate")], p[model.Index("healthyMeanLifespan")], 12);
    }

    [Fact]
    public void Mean_residence_sum_equals_the_closed_form_for_an_ordinary_loss_rate()
    {
        const double ka = 10 / 9.5, kr = 0.02;
        var closed = (1 - Math.Pow(ka / (ka + kr), 10)) / kr;
        Assert.Equal(closed, TpoSim.Physiology.AssembledModel.MeanResidenceDays(ka, kr, 10), 12);
    }

    [Theory]
    [InlineData("""{ "name": "\ud800" }""", "$.name")]
    [InlineData("""{ "patient": { "sex": "\udc00x" } }""", "$.patient.sex")]
    [InlineData("""{ "\ud800": 1 }""", "$")]
    public void A_lone_surrogate_in_any_string_is_bad_input(string json, string path)
    {
        var run = Simulate(json);
        AssertOneLineBadInput(run, path);
        Assert.Contains("not valid Unicode", run.Stderr);
    }

    [Fact]
    public void A_nul_in_the_dose_table_file_name_is_bad_input()
    {
        var run = Simulate("""{ "simulation": { "days": 5 }, "doseTable": { "file": "a\u0000b.csv", "drug": "rhTPO", "unit": "ug/kg" } }""");
        AssertOneLineBadInput(run, "$.doseTable.file");
        Assert.Contains("NUL", run.Stderr);
    }

    [Fact]
    public void A_device_as_the_dose_table_is_refused_at_the_size_limit()
    {
        if (!File.Exists("/dev/zero")) return; // Linux and macOS only
        var run = Simulate("""{ "simulation": { "days": 5 }, "doseTable": { "file": "/dev/zero", "drug": "rhTPO", "unit": "ug/kg" } }""");
        AssertOneLineBadInput(run, "$.doseTable.file");
        Assert.Contains("MiB", run.Stderr);
    }

    [Fact]
    public void Duplicate_keys_are_one_line_with_the_path()
    {
        var run = Simulate("""{ "simulation": { "days": 5, "days": 6 } }""");
        AssertOneLineBadInput(run, "$.simulation.days");
        Assert.Contains("given twice", run.Stderr);
    }

    [Fact]
    public void Days_on_a_file_with_duplicate_keys_is_the_same_one_line()
    {
        var run = Simulate("""{ "simulation": { "days": 5 }, "simulation": { "days": 6 } }""", "--days", "3");
        AssertOneLineBadInput(run, "$.simulation");
    }

    [Fact]
    public void Days_does_not_hide_a_type_error()
    {
        var run = Simulate("""{ "simulation": "abc" }""", "--days", "3");
        AssertOneLineBadInput(run, "$.simulation");
        Assert.Contains("expected an object", run.Stderr);
    }

    [Fact]
    public void Days_judges_the_events_against_the_new_span()
    {
        using var dir = new TempDir();
        var run = CliHarness.Run("simulate", CliHarness.RepoFile("scenarios/default.json"), "--days", "40", "--quiet", "--out", dir.Sub("out"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("$.events[2].day", run.Stderr);
    }

    [Fact]
    public void An_empty_or_nul_out_folder_is_bad_input()
    {
        foreach (var name in new[] { "", "   ", "a\0b" })
            AssertOneLineBadInput(CliHarness.Run("simulate", "--quiet", "--out", name), "--out");
    }

    [Fact]
    public void A_newline_in_the_users_value_stays_on_one_line()
    {
        var run = Simulate("""{ "patient": { "sex": "fe\nmale" } }""");
        AssertOneLineBadInput(run, "$.patient.sex");
        Assert.Contains("fe\\nmale", run.Stderr);
    }

    [Fact]
    public void A_microgram_dose_is_checked_per_kg_of_the_actual_patient()
    {
        // 5,000 µg rhTPO is 10,000 µg/kg for a 0.5 kg patient: the 10 µg/kg limit allows at most 5 µg.
        var result = ScenarioParser.Parse("""{ "patient": { "weightKg": 0.5, "ageGroup": "neonate" }, "doses": [ { "drug": "rhTPO", "route": "iv", "amount": 5000, "unit": "ug", "day": 1 } ] }""");
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.doses[0].amount", error.Path);
        Assert.Contains("(0, 5] ug", error.Message);
        Assert.True(ScenarioParser.Parse("""{ "patient": { "weightKg": 0.5, "ageGroup": "neonate" }, "doses": [ { "drug": "rhTPO", "route": "iv", "amount": 5, "unit": "ug", "day": 1 } ] }""").Succeeded);
    }

    [Fact]
    public void Kidney_and_stroma_shares_that_leave_the_liver_nothing_are_bad_input()
    {
        var run = Simulate("""{ "simulation": { "days": 2 }, "patient": { "parameters": { "kidneyTpoShare": 0.5, "stromaTpoShare": 0.5 } } }""");
        AssertOneLineBadInput(run, "$.patient.parameters.stromaTpoShare");
    }

    [Fact]
    public void Events_are_capped()
    {
        var events = string.Join(", ", Enumerable.Range(0, ScenarioDefaults.MaxEvents + 1).Select(i => $$"""{ "type": "bleeding", "day": {{i % 50}}, "bloodLossPercent": 1 }"""));
        var result = ScenarioParser.Parse($$"""{ "events": [ {{events}} ] }""");
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.events", error.Path);
    }
}

/// <summary>JSON has one number type: a whole-number field takes 10, 1e1 and 10.0 alike.</summary>
public sealed class WholeNumberTests
{
    [Theory]
    [InlineData("3")]
    [InlineData("3.0")]
    [InlineData("0.3e1")]
    public void Whole_numbers_in_any_spelling_are_accepted(string count)
    {
        var parsed = ScenarioParser.Parse($$"""{ "doses": [ { "drug": "rhTPO", "route": "iv", "amount": 1, "unit": "ug/kg", "day": 1, "everyDays": 7, "count": {{count}} } ] }""");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        Assert.Equal(3, parsed.Value!.Doses[0].Count);
    }

    [Fact]
    public void A_fraction_is_not_a_whole_number()
    {
        var parsed = ScenarioParser.Parse("""{ "doses": [ { "drug": "rhTPO", "route": "iv", "amount": 1, "unit": "ug/kg", "day": 1, "everyDays": 7, "count": 2.5 } ] }""");
        var error = Assert.Single(parsed.Errors);
        Assert.Contains("whole number", error.Message);
    }
}
