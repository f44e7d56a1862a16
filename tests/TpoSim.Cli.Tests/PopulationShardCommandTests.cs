using System.Text.Json.Nodes;
using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>
/// <c>tposim population --shard i/K</c> and <c>tposim merge</c> of population shards: the merged folder equals a
/// one-machine run byte for byte (every file, arms included), and the merge refuses shards that are not one run's.
/// </summary>
public sealed class PopulationShardCommandTests
{
    /// <summary>
    /// Kuter 2008 (screening on 3 counts, a 50% splenectomised quota, two arms, endpoints) cut to 4 weeks so a run takes a
    /// fraction of a second; <paramref name="edit"/> changes it further.
    /// </summary>
    private static string ShortKuter(TempDir dir, string name = "kuter.json", Action<JsonObject>? edit = null)
    {
        var o = JsonNode.Parse(File.ReadAllText(CliHarness.RepoFile("populations/itp-kuter2008.json")))!.AsObject();
        o["scenario"]!["simulation"]!["days"] = 28;
        o["scenario"]!["titration"]!["weeks"] = 4;
        var w = o["responseWindow"]!;
        w["lastWeek"] = 4;
        w["durableWeeks"] = 2;
        w["durableMinResponses"] = 1;
        w["transientMinResponses"] = 1;
        edit?.Invoke(o);
        return dir.Write(name, o.ToJsonString());
    }

    private static void Ok(CliRun run) => Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);

    /// <summary>Runs the K shards of (file, N, seed) into DIR/s1…sK and returns the folders.</summary>
    private static string[] Shards(TempDir dir, string file, int n, int seed, int k, string prefix = "s")
    {
        var folders = Enumerable.Range(1, k).Select(i => dir.Sub($"{prefix}{i}")).ToArray();
        for (var i = 1; i <= k; i++)
            Ok(CliHarness.Run("population", file, "--subjects", $"{n}", "--seed", $"{seed}", "--shard", $"{i}/{k}", "--threads", "2", "--out", folders[i - 1], "--quiet"));
        return folders;
    }

    /// <summary>Every file under both folders, by relative path: the same list and the same bytes.</summary>
    private static void AssertSameFiles(string expected, string actual)
    {
        string[] List(string root) => Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToArray();
        var files = List(expected);
        Assert.Equal(files, List(actual));
        Assert.Contains("subjects.csv", files);
        Assert.Contains(Path.Combine("arms", "placebo", "bands.csv"), files);
        foreach (var f in files) Assert.True(File.ReadAllBytes(Path.Combine(expected, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, f))), $"{f} differs");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Merged_shards_equal_a_one_machine_run_byte_for_byte(int k)
    {
        using var dir = new TempDir();
        var file = ShortKuter(dir);
        Ok(CliHarness.Run("population", file, "--subjects", "23", "--seed", "5", "--threads", "1", "--out", dir.Sub("one"), "--quiet"));
        var shards = Shards(dir, file, 23, 5, k);
        // In any order: the merge sorts by shard index.
        var merge = CliHarness.Run(["merge", .. shards.Reverse(), "--out", dir.Sub("merged"), "--quiet"]);
        Ok(merge);
        AssertSameFiles(dir.Sub("one"), dir.Sub("merged"));
        // Screening happened (the quota turns passing candidates away too), so the slots' candidates were really sharded.
        var metrics = File.ReadAllText(Path.Combine(dir.Sub("merged"), "metrics.json"));
        Assert.Contains("\"enrolled\": 23", metrics);
        Assert.Contains("stratum full", metrics);
    }

    [Fact]
    public void Shards_holding_screen_failures_only_merge_to_the_one_machine_files()
    {
        using var dir = new TempDir();
        // Mean screening count ≤ 9 with 2 attempts a slot: most slots admit nobody, so most of 7 shards enrol no one.
        var file = ShortKuter(dir, edit: o =>
        {
            o["inclusion"]!["baselinePlatelets"] = new JsonObject { ["max"] = 9 };
            o["inclusion"]!["maxScreenedPerSubject"] = 2;
        });
        var one = CliHarness.Run("population", file, "--subjects", "14", "--seed", "1", "--out", dir.Sub("one"), "--quiet");
        Ok(one);
        var shards = Shards(dir, file, 14, 1, 7);
        var enrolled = shards.Select(s => JsonNode.Parse(File.ReadAllText(Path.Combine(s, "manifest.json")))!["enrolled"]!.GetValue<int>()).ToArray();
        Assert.Contains(0, enrolled);
        Assert.Contains(enrolled, e => e > 0);
        var merge = CliHarness.Run(["merge", .. shards, "--out", dir.Sub("merged"), "--quiet"]);
        Ok(merge);
        // The same warning as the one-machine run (fewer enrolled than asked), and the same files.
        Assert.Equal(one.ErrorLines, merge.ErrorLines);
        AssertSameFiles(dir.Sub("one"), dir.Sub("merged"));
    }

    /// <summary>Asserts a refused merge: exit 2, one line naming <paramref name="expected"/>, no output folder.</summary>
    private static void Refused(TempDir dir, string expected, params string[] folders)
    {
        var run = CliHarness.Run(["merge", .. folders, "--out", dir.Sub("merged")]);
        Assert.True(run.ExitCode == ExitCodes.BadInput, run.Stderr + run.Stdout);
        Assert.Contains(expected, Assert.Single(run.ErrorLines));
        CliHarness.AssertNoStackTrace(run);
        Assert.False(Directory.Exists(dir.Sub("merged")));
    }

    [Fact]
    public void Merge_refuses_shards_of_different_runs_and_missing_or_duplicate_shards()
    {
        using var dir = new TempDir();
        var file = ShortKuter(dir);
        var a = Shards(dir, file, 4, 5, 2, "a");
        Refused(dir, "shard: 1 of 2 shards missing: 2/2", a[0]);
        Refused(dir, "(a duplicate shard)", a[0], a[1], a[0]);

        var seed = Shards(dir, file, 4, 6, 2, "seed");
        Refused(dir, "seed: 6 differs from 5", a[0], seed[1]);
        var n = Shards(dir, file, 5, 5, 2, "n");
        Refused(dir, "subjects: 5 differs from 4", a[0], n[1]);
        var k3 = Shards(dir, file, 4, 5, 3, "k");
        Refused(dir, "shard.count: 3 differs from 2", a[0], k3[1]);
        Ok(CliHarness.Run("population", file, "--subjects", "4", "--seed", "5", "--shard", "2/2", "--rtol", "1e-6", "--out", dir.Sub("rtol"), "--quiet"));
        Refused(dir, "options.rtol: 1E-06 differs from 0.0001", a[0], dir.Sub("rtol"));

        var other = ShortKuter(dir, "other.json", o => o["description"] = "another file");
        var f = Shards(dir, other, 4, 5, 2, "f");
        Refused(dir, "sha256 (population file content)", a[0], f[1]);

        // A shard of another TpoSim build.
        var manifest = Path.Combine(a[1], "manifest.json");
        var m = JsonNode.Parse(File.ReadAllText(manifest))!.AsObject();
        var version = m["tposim"]!.GetValue<string>();
        m["tposim"] = "0.0.1-other";
        File.WriteAllText(manifest, m.ToJsonString());
        Refused(dir, "tposim (version): 0.0.1-other differs from " + version, a[0], a[1]);

        // A manifest that is not a shard's.
        var broken = dir.Sub("broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "manifest.json"), """{ "kind": "population" }""");
        Refused(dir, "manifest.json: version: missing or not a Int32", a[0], broken);

        // The population file changed after the shards ran.
        File.WriteAllText(file, File.ReadAllText(file).Replace("Kuter", "Kuter ", StringComparison.Ordinal));
        Refused(dir, "the file changed since the shards ran", seed[0], seed[1]);
    }

    [Fact]
    public void Shard_refuses_keep_series_and_a_bad_shard_text()
    {
        using var dir = new TempDir();
        var file = ShortKuter(dir);
        var run = CliHarness.Run("population", file, "--subjects", "4", "--shard", "1/2", "--keep-series", "--out", dir.Sub("x"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("tposim: --keep-series: not available with --shard", Assert.Single(run.ErrorLines));
        run = CliHarness.Run("population", file, "--subjects", "4", "--shard", "3/2", "--out", dir.Sub("x"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--shard: '3/2' must be i/K", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void An_impossible_rule_stops_every_shard_with_the_one_machine_line()
    {
        using var dir = new TempDir();
        var file = ShortKuter(dir, edit: o => o["inclusion"]!["baselinePlatelets"] = new JsonObject { ["min"] = 5000 });
        var one = CliHarness.Run("population", file, "--subjects", "40", "--seed", "1", "--out", dir.Sub("one"));
        Assert.Equal(ExitCodes.BadInput, one.ExitCode);
        // Shard 3 of 3 owns none of the leading slots 0–19 (50 attempts each, 1000 candidates) and still stops the same way.
        var last = CliHarness.Run("population", file, "--subjects", "40", "--seed", "1", "--shard", "3/3", "--out", dir.Sub("s3"));
        Assert.Equal(ExitCodes.BadInput, last.ExitCode);
        Assert.Equal(Assert.Single(one.ErrorLines), Assert.Single(last.ErrorLines));
        Assert.Contains("no candidate of the 1000 screened", last.Stderr);
        Assert.False(Directory.Exists(dir.Sub("s3")));
    }
}
