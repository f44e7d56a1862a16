using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>
/// <c>tposim slurm</c> without a cluster: the scripts it writes (--no-submit), and <c>slurm status</c> on them. The batch
/// scripts are also run by bash with the array task id set, which is what a node does, so the shard lines are tested
/// end to end without Slurm (the real cluster is <see cref="SlurmClusterTests"/>).
/// </summary>
public sealed class SlurmCommandTests
{
    private static string Population(TempDir dir)
    {
        dir.Write("short.json", PopulationCommandTests.Scenario);
        return dir.Write("pop.json", """
            { "name": "short screened", "scenario": "short.json", "variability": [ { "parameter": "plateletsReference", "cv": 0.3 } ],
              "inclusion": { "baselinePlatelets": { "below": 250 } } }
            """);
    }

    [Fact]
    public void No_submit_writes_a_commented_array_script_a_merge_script_and_the_run_state()
    {
        using var dir = new TempDir();
        var pop = Population(dir);
        var run = CliHarness.Run("slurm", pop, "--subjects", "30", "--seed", "4", "--shards", "3", "--out", dir.Sub("run"), "--partition", "short",
            "--time", "00:10:00", "--tposim", "/shared/bin/tposim", "--no-submit");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.Contains("sbatch --parsable", run.Stdout);
        var shards = File.ReadAllText(Path.Combine(dir.Sub("run"), "shards.sbatch"));
        Assert.StartsWith("#!/bin/bash\n# ", shards);
        foreach (var line in new[]
        {
            "#SBATCH --array=0-2", "#SBATCH --partition=short", "#SBATCH --time=00:10:00", "#SBATCH --cpus-per-task=1",
            $"#SBATCH --output={Path.Combine(dir.Sub("run"), "logs", "shard-%a.out")}", "# Adapt to your site", "TPOSIM=(/shared/bin/tposim)",
            "i=$((SLURM_ARRAY_TASK_ID + 1))", $"population {pop} --subjects 30 --seed 4 --shard \"$i/3\"",
        })
            Assert.Contains(line, shards);
        var merge = File.ReadAllText(Path.Combine(dir.Sub("run"), "merge.sbatch"));
        Assert.Contains($"merge {Path.Combine(dir.Sub("run"), "shards")}/* --out {Path.Combine(dir.Sub("run"), "result")} --force", merge);
        Assert.Contains("--dependency=afterok", merge);
        var state = JsonNode.Parse(File.ReadAllText(Path.Combine(dir.Sub("run"), "slurm.json")))!;
        Assert.Equal(3, state["shards"]!.GetValue<int>());
        Assert.Empty(state["submissions"]!.AsArray());

        var status = CliHarness.Run("slurm", "status", dir.Sub("run"));
        Assert.True(status.ExitCode == ExitCodes.Ok, status.Stderr);
        Assert.Contains("progress: 0/3 shards done (0%; 3 missing); merge: not submitted", status.Stdout);

        // An existing run folder is refused without --force (two runs never mix).
        var again = CliHarness.Run("slurm", pop, "--subjects", "30", "--shards", "3", "--out", dir.Sub("run"), "--no-submit");
        Assert.Equal(ExitCodes.BadInput, again.ExitCode);
    }

    [Fact]
    public void The_array_script_run_by_bash_as_each_task_gives_shards_that_merge_to_the_one_machine_files()
    {
        if (!File.Exists("/bin/bash")) Assert.Skip("no /bin/bash");
        using var dir = new TempDir();
        var pop = Population(dir);
        // The apphost beside the tests: what a node would run from the shared filesystem.
        var tposim = Path.Combine(AppContext.BaseDirectory, "TpoSim.Cli");
        var run = CliHarness.Run("slurm", pop, "--subjects", "20", "--seed", "8", "--shards", "2", "--out", dir.Sub("run"), "--tposim", tposim, "--no-submit");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        foreach (var task in new[] { "1", "0" })
        {
            var info = new ProcessStartInfo("/bin/bash") { RedirectStandardError = true, RedirectStandardOutput = true };
            info.ArgumentList.Add(Path.Combine(dir.Sub("run"), "shards.sbatch"));
            info.Environment["SLURM_ARRAY_TASK_ID"] = task;
            using var p = Process.Start(info)!;
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, err);
        }
        Assert.True(File.Exists(Path.Combine(dir.Sub("run"), "shards", "001", "manifest.json")));
        var status = CliHarness.Run("slurm", "status", dir.Sub("run"));
        Assert.Contains("progress: 2/2 shards done (100%; 2 done)", status.Stdout);
        var merge = CliHarness.Run("merge", Path.Combine(dir.Sub("run"), "shards", "002"), Path.Combine(dir.Sub("run"), "shards", "001"), "--out", dir.Sub("merged"), "--quiet");
        Assert.True(merge.ExitCode == ExitCodes.Ok, merge.Stderr);
        var one = CliHarness.Run("population", pop, "--subjects", "20", "--seed", "8", "--out", dir.Sub("one"), "--quiet");
        Assert.True(one.ExitCode == ExitCodes.Ok, one.Stderr);
        foreach (var f in new[] { "bands.csv", "subjects.csv", "metrics.json", "bands.svg" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir.Sub("one"), f)), File.ReadAllBytes(Path.Combine(dir.Sub("merged"), f)));
    }

    [Fact]
    public void Bad_options_are_one_line_errors()
    {
        using var dir = new TempDir();
        var pop = Population(dir);
        foreach (var (args, expected) in new (string[], string)[]
        {
            (["--shards", "0"], "--shards: 0 is outside the allowed range [1, 10000]"),
            (["--shards", "2", "--partition", "a b"], "--partition: 'a b' must be one word"),
            (["--shards", "2", "--cpus-per-shard", "0"], "--cpus-per-shard: 0 is outside"),
            (["--shards", "2", "--subjects", "0"], "--subjects: 0 is outside the allowed range"),
            (["--shards", "5", "--subjects", "4"], "--shards: 5 is more than the 4 subjects"),
        })
        {
            var run = CliHarness.Run(["slurm", pop, .. args, "--out", dir.Sub("run"), "--no-submit"]);
            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.Contains(expected, Assert.Single(run.ErrorLines));
            Assert.False(Directory.Exists(dir.Sub("run")));
        }
        var status = CliHarness.Run("slurm", "status", dir.Sub("nothing"));
        Assert.Equal(ExitCodes.BadInput, status.ExitCode);
        Assert.Single(status.ErrorLines);
        Assert.Contains("--shards", CliHarness.Run("slurm", "--help").Stdout);
        Assert.Contains("status", CliHarness.Run("slurm", "--help").Stdout);
    }
}
