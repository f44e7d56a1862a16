using Xunit;

namespace TpoSim.Cli.Tests;

public sealed class PopulationCommandTests
{
    /// <summary>A 20-day scenario with destruction from day 5: the base of the small populations of the population and slurm tests.</summary>
    internal const string Scenario = """
        { "name": "short destruction", "simulation": { "days": 20, "outputEveryDays": 1 },
          "events": [ { "type": "setParameter", "day": 5, "parameter": "extraRemovalRate", "value": 1 } ] }
        """;

    private static string Population(TempDir dir)
    {
        dir.Write("short.json", Scenario);
        return dir.Write("pop.json", """
            { "name": "short cohort", "scenario": "short.json",
              "variability": [ { "parameter": "emax", "cv": 0.3 }, { "parameter": "plateletSenescenceDays", "cv": 0.2 } ],
              "correlation": [[1, -0.3], [-0.3, 1]],
              "covariates": { "weightKg": { "distribution": "normal", "mean": 70, "sd": 12, "min": 40, "max": 140 }, "maleFraction": 0.5 } }
            """);
    }

    [Fact]

    [Trait("Category", "Slow")]
    public void Same_seed_gives_byte_identical_files_on_one_thread_and_all_cores()
    {
        using var dir = new TempDir();
        var pop = Population(dir);
        var one = CliHarness.Run("population", pop, "--subjects", "140", "--seed", "5", "--out", dir.Sub("one"), "--threads", "1");
        var all = CliHarness.Run("population", pop, "--subjects", "140", "--seed", "5", "--out", dir.Sub("all"));
        Assert.True(one.ExitCode == ExitCodes.Ok, one.Stderr);
        Assert.True(all.ExitCode == ExitCodes.Ok, all.Stderr);
        foreach (var file in new[] { "bands.csv", "subjects.csv", "metrics.json", "bands.svg" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir.Sub("one"), file)), File.ReadAllBytes(Path.Combine(dir.Sub("all"), file)));
        var other = CliHarness.Run("population", pop, "--subjects", "140", "--seed", "6", "--out", dir.Sub("other"), "--quiet");
        Assert.Equal(ExitCodes.Ok, other.ExitCode);
        Assert.NotEqual(File.ReadAllText(Path.Combine(dir.Sub("one"), "subjects.csv")), File.ReadAllText(Path.Combine(dir.Sub("other"), "subjects.csv")));
    }

    [Fact]
    public void Declared_endpoints_are_reported_with_the_published_value_beside_them()
    {
        using var dir = new TempDir();
        dir.Write("short.json", Scenario);
        var pop = dir.Write("pop.json", """
            { "name": "declared", "scenario": "short.json", "variability": [ { "parameter": "emax", "cv": 0.3 } ],
              "endpoints": [ { "statistic": "durableResponseFraction", "published": { "value": 0.494, "low": 0.389, "high": 0.599, "text": "41/83 (Kuter 2008)" } }, "meanBaselinePlatelets" ] }
            """);
        var run = CliHarness.Run("population", pop, "--subjects", "20", "--seed", "1", "--out", dir.Sub("out"));
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.Contains("Published", run.Stdout);
        Assert.Contains("41/83 (Kuter 2008)", run.Stdout);
        Assert.DoesNotContain("ever ≥", run.Stdout);
        using var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Sub("out"), "metrics.json")));
        var m = metrics.RootElement.GetProperty("metrics");
        Assert.Equal(["durableResponseFraction", "meanBaselinePlatelets"], m.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.494, m.GetProperty("durableResponseFraction").GetProperty("published").GetProperty("value").GetDouble());
    }

    [Fact]
    public void Prints_summary_and_progress_and_writes_files()
    {
        using var dir = new TempDir();
        var run = CliHarness.Run("population", Population(dir), "--subjects", "200", "--seed", "1", "--out", dir.Sub("out"));
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.Contains("progress: ", run.Stdout);
        Assert.Contains("Subjects enrolled: ok / failed", run.Stdout);
        Assert.Contains("200 / 0", run.Stdout);
        Assert.Contains("median baseline platelets", run.Stdout);
        Assert.Contains("50–200", run.Stdout);
        // A file that declares no endpoints gets the descriptive statistics, never an ITP trial's (Kuter 2008) metrics.
        Assert.DoesNotContain("durable response", run.Stdout);
        Assert.DoesNotContain("rescue", run.Stdout);
        var metrics = File.ReadAllText(Path.Combine(dir.Sub("out"), "metrics.json"));
        Assert.DoesNotContain("\"overallResponseFraction\"", metrics);
        Assert.Contains("\"fractionEverAtLeast50\"", metrics);
        var bands = File.ReadAllLines(Path.Combine(dir.Sub("out"), "bands.csv"));
        Assert.StartsWith("day,platelets_p5,platelets_p25,platelets_p50,platelets_p75,platelets_p95,tpo_p5", bands[0]);
        Assert.Equal(22, bands.Length);
        var subjects = File.ReadAllLines(Path.Combine(dir.Sub("out"), "subjects.csv"));
        Assert.StartsWith("subject,candidate,sex,weightKg,eastAsian,childPugh,splenectomised,emax,plateletSenescenceDays,draws,status,baselinePlatelets", subjects[0]);
        Assert.Equal(201, subjects.Length);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir.Sub("out"), "bands.svg")));
    }

    [Fact]
    public void Keep_series_writes_one_file_per_subject_and_screening_is_reported()
    {
        using var dir = new TempDir();
        dir.Write("short.json", Scenario);
        var pop = dir.Write("screened.json", """
            { "name": "screened", "scenario": "short.json", "variability": [ { "parameter": "plateletsReference", "cv": 0.3 } ],
              "inclusion": { "baselinePlatelets": { "below": 250 } } }
            """);
        var run = CliHarness.Run("population", pop, "--subjects", "12", "--seed", "3", "--out", dir.Sub("out"), "--keep-series");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.Contains("Screened / screen failures", run.Stdout);
        var files = Directory.GetFiles(Path.Combine(dir.Sub("out"), "series"), "subject-*.csv").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(12, files.Length);
        Assert.EndsWith("subject-000000.csv", files[0]);
        var lines = File.ReadAllLines(files[0]);
        Assert.Equal("day,platelets,tpoPgPerMl", lines[0]);
        Assert.Equal(22, lines.Length);
        // Every enrolled subject passed the screen (baseline < 250).
        var table = File.ReadAllLines(Path.Combine(dir.Sub("out"), "subjects.csv"));
        var baseline = Array.IndexOf(table[0].Split(','), "baselinePlatelets");
        Assert.True(baseline > 0, table[0]);
        foreach (var row in table.Skip(1))
            Assert.True(double.Parse(row.Split(',')[baseline], System.Globalization.CultureInfo.InvariantCulture) < 250, row);
        var metrics = File.ReadAllText(Path.Combine(dir.Sub("out"), "metrics.json"));
        Assert.Contains("\"enrolled\": 12", metrics);
        Assert.DoesNotContain("\"screenFailures\": 0,", metrics);
    }

    [Fact]
    public void An_impossible_inclusion_rule_stops_early_with_one_clear_line()
    {
        using var dir = new TempDir();
        dir.Write("short.json", Scenario);
        // Healthy subjects with 10% CV never reach a count above 5,000: screening stops after its sample, exit 2.
        var pop = dir.Write("impossible.json", """
            { "name": "impossible", "scenario": "short.json", "variability": [ { "parameter": "plateletsReference", "cv": 0.1 } ],
              "inclusion": { "baselinePlatelets": { "min": 5000 } } }
            """);
        var run = CliHarness.Run("population", pop, "--subjects", "50", "--seed", "1", "--out", dir.Sub("out"));
        Assert.True(run.ExitCode == ExitCodes.BadInput, run.Stderr);
        var line = Assert.Single(run.ErrorLines);
        Assert.Matches(@"no candidate of the \d+ screened meets the inclusion", line);
        Assert.Contains("Widen inclusion.baselinePlatelets", line);
    }

    [Fact]
    public void A_plain_scenario_gets_the_default_variability()
    {
        using var dir = new TempDir();
        var run = CliHarness.Run("population", dir.Write("s.json", Scenario), "--subjects", "10", "--out", dir.Sub("out"), "--quiet");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith("subject,candidate,sex,weightKg,eastAsian,childPugh,splenectomised,plateletsReference,emax,plateletSenescenceDays,hepaticTpoMultiplier,",
            File.ReadAllLines(Path.Combine(dir.Sub("out"), "subjects.csv"))[0]);
    }

    [Fact]
    public void Bad_definition_gives_one_line_errors_and_exit_2()
    {
        using var dir = new TempDir();
        dir.Write("short.json", Scenario);
        var pop = dir.Write("bad.json", """
            { "scenario": "short.json", "variability": [ { "parameter": "emax", "cv": 3 }, { "parameter": "nope", "cv": 0.1 } ],
              "correlation": [[1, 0.2], [0.3, 1]] }
            """);
        var run = CliHarness.Run("population", pop, "--subjects", "10", "--out", dir.Sub("out"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        CliHarness.AssertNoStackTrace(run);
        Assert.Contains(run.ErrorLines, l => l.StartsWith(pop + ": $.variability[0].cv: 3 is outside the allowed range [0, 2]", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.Contains("$.variability[1].parameter: unknown parameter 'nope'", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.Contains("$.correlation[1][0]", StringComparison.Ordinal));
        Assert.False(Directory.Exists(dir.Sub("out")));
    }

    [Theory]
    [InlineData("--subjects", "0", "--subjects: 0 is outside the allowed range")]
    [InlineData("--threads", "0", "--threads: 0 is outside the allowed range")]
    [InlineData("--solver", "euler", "--solver: unknown solver 'euler'")]
    public void Bad_options_give_one_line_errors(string option, string value, string expected)
    {
        using var dir = new TempDir();
        var run = CliHarness.Run("population", Population(dir), option, value, "--out", dir.Sub("out"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains(expected, run.Stderr);
    }
    [Fact]
    public void A_file_with_arms_prints_a_table_per_arm_and_writes_each_arms_files()
    {
        using var dir = new TempDir();
        var run = CliHarness.Run("population", CliHarness.RepoFile("populations/itp-kuter2008.json"), "--subjects", "6", "--seed", "3", "--out", dir.Sub("out"));
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.Contains("arm romiplostim", run.Stdout);
        Assert.Contains("arm placebo: placebo (no drug)", run.Stdout);
        Assert.Contains("not splenectomised", run.Stdout);
        Assert.Contains("published 14.3 %", run.Stdout);
        Assert.Contains("arms/{romiplostim,placebo}/{bands,subjects}.csv", run.Stdout);
        foreach (var arm in new[] { "romiplostim", "placebo" })
            Assert.Equal(7, File.ReadAllLines(Path.Combine(dir.Sub("out"), "arms", arm, "subjects.csv")).Length);
        using var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Sub("out"), "metrics.json")));
        Assert.Equal(2, metrics.RootElement.GetProperty("arms").GetArrayLength());
    }

    [Fact]
    public void Docs_example_parses_and_documents_every_field()
    {
        var doc = File.ReadAllText(CliHarness.RepoFile("docs/population.md"));
        var start = doc.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var json = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        var parsed = TpoSim.Population.PopulationParser.Parse(json, "docs/population.md", CliHarness.RepoFile("populations"));
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        foreach (var field in new[] { "`scenario`", "`variability`", "`correlation`", "`covariates.weightKg`", "`covariates.maleFraction`", "`outOfRange`", "`bands.csv`", "`subjects.csv`", "`bands.svg`" })
            Assert.Contains(field, doc);
    }
}
