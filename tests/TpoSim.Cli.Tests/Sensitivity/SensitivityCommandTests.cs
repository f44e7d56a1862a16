using System.Text.Json.Nodes;
using Xunit;

namespace TpoSim.Cli.Tests.Sensitivity;

/// <summary><c>tposim sensitivity local|global</c> and <c>tposim merge</c>: files, determinism, shards and bad input.</summary>
public sealed class SensitivityCommandTests
{
    /// <summary>A 6-day scenario with a chemotherapy pulse: runs take milliseconds.</summary>
    private const string Short = """
        { "name": "short chemotherapy", "patient": { "weightKg": 70 }, "simulation": { "days": 6, "outputEveryDays": 0.5 },
          "events": [ { "type": "chemotherapy", "day": 1, "regimen": "carboplatin", "cycles": 1, "everyDays": 21 } ] }
        """;

    private static string[] Global(string file, string outDir, params string[] extra) => GlobalSeeded(file, outDir, "5", extra);

    private static string[] GlobalSeeded(string file, string outDir, string seed, params string[] extra) =>
        ["sensitivity", "global", file, "--method", "sobol", "--samples", "8", "--seed", seed, "--parameters", "emax,plateletSenescenceDays",
         "--spread", "1.5", "--endpoints", "count@6,tpo-peak", "--bootstrap", "50", "--quiet", "--out", outDir, .. extra];

    private static void AssertSameFiles(string expectedDir, string actualDir)
    {
        var expected = Directory.GetFiles(expectedDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, Directory.GetFiles(actualDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        foreach (var name in expected)
            Assert.True(File.ReadAllBytes(Path.Combine(expectedDir, name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(actualDir, name!))), $"{name} differs");
    }

    [Fact]
    public void Local_writes_csv_json_states_and_tornado_with_units()
    {
        using var dir = new TempDir();
        var file = dir.Write("s.json", Short);
        var run = CliHarness.Run("sensitivity", "local", file, "--parameters", "emax,kDivision", "--endpoints", "count@6,tpo-steady", "--out", dir.Sub("out"), "--png");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.Contains("count@6", run.Stdout);
        var csv = File.ReadAllLines(dir.Sub("out/sensitivities.csv"));
        Assert.StartsWith("endpoint,endpoint_unit,endpoint_value,parameter,parameter_unit,nominal,scheme,S,", csv[0]);
        Assert.Equal(1 + 2 * 2, csv.Length);
        Assert.Contains(csv, l => l.StartsWith("count@6,10^9/L,", StringComparison.Ordinal) && l.Contains(",emax,1,"));
        var json = JsonNode.Parse(File.ReadAllText(dir.Sub("out/sensitivities.json")))!;
        Assert.Equal("sensitivity-local", json["kind"]!.GetValue<string>());
        Assert.Equal("pg/mL", json["endpoints"]![1]!["unit"]!.GetValue<string>());
        // Healthy: TPO at the set point does not depend on a mechanism constant (the set point is derived to hold it).
        Assert.All(json["endpoints"]![1]!["sensitivities"]!.AsArray(), s => Assert.Equal(0, s!["S"]!.GetValue<double>(), 1e-9));
        Assert.Equal(1 + 13 * 2, File.ReadAllLines(dir.Sub("out/states.csv")).Length);
        Assert.StartsWith("<svg", File.ReadAllText(dir.Sub("out/tornado-count_6.svg")));
        var png = File.ReadAllBytes(dir.Sub("out/tornado-count_6.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public void Global_is_byte_identical_for_any_thread_count_and_for_merged_shards()
    {
        using var dir = new TempDir();
        var file = dir.Write("s.json", Short);
        Assert.Equal(ExitCodes.Ok, CliHarness.Run(Global(file, dir.Sub("one"), "--threads", "1")).ExitCode);
        Assert.Equal(ExitCodes.Ok, CliHarness.Run(Global(file, dir.Sub("two"), "--threads", "2")).ExitCode);
        AssertSameFiles(dir.Sub("one"), dir.Sub("two"));
        for (var i = 1; i <= 3; i++)
        {
            var shard = CliHarness.Run(Global(file, dir.Sub($"shard{i}"), "--shard", $"{i}/3"));
            Assert.True(shard.ExitCode == ExitCodes.Ok, shard.Stderr);
        }
        // Shards in any order.
        var merge = CliHarness.Run("merge", dir.Sub("shard3"), dir.Sub("shard1"), dir.Sub("shard2"), "--out", dir.Sub("merged"), "--quiet");
        Assert.True(merge.ExitCode == ExitCodes.Ok, merge.Stderr);
        AssertSameFiles(dir.Sub("one"), dir.Sub("merged"));
        var indices = File.ReadAllLines(dir.Sub("one/indices.csv"));
        Assert.StartsWith("endpoint,endpoint_unit,parameter,parameter_unit,distribution,S1,S1_low,S1_high,ST,ST_low,ST_high,", indices[0]);
        Assert.Equal(1 + 2 * 2, indices.Length);
        // Convergence at N/4, N/2, N for 2 endpoints × 2 parameters.
        Assert.Equal(1 + 3 * 2 * 2, File.ReadAllLines(dir.Sub("one/convergence.csv")).Length);
    }

    [Fact]
    public void Merge_rejects_a_missing_shard_and_a_different_analysis()
    {
        using var dir = new TempDir();
        var file = dir.Write("s.json", Short);
        Assert.Equal(ExitCodes.Ok, CliHarness.Run(Global(file, dir.Sub("a"), "--shard", "1/2")).ExitCode);
        Assert.Equal(ExitCodes.Ok, CliHarness.Run(GlobalSeeded(file, dir.Sub("b"), "6", "--shard", "2/2")).ExitCode);
        var missing = CliHarness.Run("merge", dir.Sub("a"), "--out", dir.Sub("m1"));
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("a shard is missing", Assert.Single(missing.ErrorLines));
        var mismatch = CliHarness.Run("merge", dir.Sub("a"), dir.Sub("b"), "--out", dir.Sub("m2"));
        Assert.Equal(ExitCodes.BadInput, mismatch.ExitCode);
        Assert.Contains("describes a different analysis", Assert.Single(mismatch.ErrorLines));
        Assert.False(Directory.Exists(dir.Sub("m2")));
        File.WriteAllText(Path.Combine(dir.Sub("a"), "manifest.json"), """{ "kind": "forecast" }""");
        var kind = CliHarness.Run("merge", dir.Sub("a"), "--out", dir.Sub("m3"));
        Assert.Equal(ExitCodes.BadInput, kind.ExitCode);
        Assert.Contains("kind: 'forecast' cannot be merged; allowed: sensitivity-global, population", Assert.Single(kind.ErrorLines));
    }

    [Theory]
    [InlineData("--endpoints", "nadirr", "'nadirr' is not an endpoint; allowed: nadir[:FROM-TO]")]
    [InlineData("--endpoints", "count@99", "'count@99': day 99 is outside the run [0, 6]; the form is count@DAY")]
    [InlineData("--endpoints", "time-in:150-50", "needs two numbers LO-HI with LO < HI")]
    [InlineData("--endpoints", "weekly-dose", "'weekly-dose' needs a scenario with a titration")]
    [InlineData("--parameters", "emaxx", "unknown parameter 'emaxx'")]
    [InlineData("--parameters", "extraRemovalRate", "extraRemovalRate is 0 in this scenario")]
    [InlineData("--step", "0.9", "--step: 0.9 is outside the allowed range (0, 0.5]")]
    public void Local_bad_input_is_one_line_and_exit_2(string option, string value, string message)
    {
        using var dir = new TempDir();
        var file = dir.Write("s.json", Short);
        var run = CliHarness.Run("sensitivity", "local", file, option, value, "--out", dir.Sub("out"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(message, Assert.Single(run.ErrorLines));
        CliHarness.AssertNoStackTrace(run);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }

    [Theory]
    [InlineData("--method", "fast", "--method: 'fast' is not a method; allowed: morris, sobol")]
    [InlineData("--samples", "4", "--samples: 4 is outside the allowed range [8, 1048576]")]
    [InlineData("--shard", "3/2", "--shard: '3/2' must be i/K with 1 ≤ i ≤ K ≤ 10000")]
    [InlineData("--spread", "0.5", "--spread: 0.5 is outside the allowed range (1, 1000]")]
    [InlineData("--levels", "3", "--levels: 3 must be even, in [2, 20]")]
    public void Global_bad_input_is_one_line_and_exit_2(string option, string value, string message)
    {
        using var dir = new TempDir();
        var file = dir.Write("s.json", Short);
        var run = CliHarness.Run("sensitivity", "global", file, option, value, "--out", dir.Sub("out"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(message, Assert.Single(run.ErrorLines));
        CliHarness.AssertNoStackTrace(run);
    }

    [Theory]
    [InlineData("local")]
    [InlineData("global")]
    public void A_reused_out_is_refused_unless_force(string command)
    {
        using var dir = new TempDir();
        var file = dir.Write("s.json", Short);
        var outDir = dir.Sub("out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "earlier.txt"), "x");
        string[] args = ["sensitivity", command, file, "--parameters", "emax", "--endpoints", "count@6", "--quiet", "--out", outDir,
            .. command == "global" ? new[] { "--samples", "8", "--spread", "1.5" } : []];
        var refused = CliHarness.Run(args);
        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("--force", Assert.Single(refused.ErrorLines));
        Assert.Equal(ExitCodes.Ok, CliHarness.Run([.. args, "--force"]).ExitCode);
        Assert.False(File.Exists(Path.Combine(outDir, "earlier.txt")));
    }

    [Fact]
    public void Bad_distributions_file_names_the_field_and_the_allowed_values()
    {
        using var dir = new TempDir();
        var file = dir.Write("s.json", Short);
        var dist = dir.Write("d.json", """{ "emax": { "kind": "logNormal", "cv": 0.3, "min": 0.5 } }""");
        var run = CliHarness.Run("sensitivity", "global", file, "--distributions", dist, "--out", dir.Sub("out"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("emax.min: 0.5 is outside the allowed range [1.05, 50]", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Population_file_runs_on_its_base_scenario_with_its_variability_and_says_so()
    {
        using var dir = new TempDir();
        var population = dir.Write("p.json", """
            { "name": "tiny trial", "scenario": { "patient": { "weightKg": 70 }, "simulation": { "days": 4, "outputEveryDays": 1 } },
              "variability": [ { "parameter": "plateletsReference", "cv": 0.2 }, { "parameter": "emax", "cv": 0.3 } ] }
            """);
        var run = CliHarness.Run("sensitivity", "global", population, "--method", "morris", "--samples", "8", "--endpoints", "count-steady", "--out", dir.Sub("out"));
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.Contains("population file: analysed on its base scenario", run.Stdout);
        var json = JsonNode.Parse(File.ReadAllText(dir.Sub("out/indices.json")))!;
        Assert.Equal(["plateletsReference", "emax"], json["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.StartsWith("log-normal (median 250, CV 0.2)", json["parameters"]![0]!["distribution"]!.GetValue<string>());
        // The healthy steady-state count is the set point: only plateletsReference moves it, by exactly its own change.
        var ranked = json["endpoints"]![0]!["indices"]!.AsArray();
        Assert.Equal("plateletsReference", ranked[0]!["parameter"]!.GetValue<string>());
        Assert.Equal(0, ranked[1]!["mu_star"]!["value"]!.GetValue<double>(), 1e-9);
    }
}
