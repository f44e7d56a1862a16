using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>
/// <c>tposim slurm</c> on a real Slurm: a one-node cluster on localhost (.ci/slurm-localhost.sh, Debian's slurm-wlm and
/// munge) runs a 2,000-subject trial as a 4-task job array through sbatch, the merge job runs after it, and the merged
/// files equal a one-machine run byte for byte. Its own category (Slurm), run by .ci/run after it starts the cluster;
/// skipped with the reason only where the cluster cannot start and CI is not set (with CI=true it fails instead).
/// </summary>
[Trait("Category", "Slurm")]
public sealed class SlurmClusterTests
{
    private static readonly string Script = CliHarness.RepoFile(".ci/slurm-localhost.sh");

    /// <summary>The clients' configuration: SLURM_CONF as given, else the one the script writes.</summary>
    private static readonly string Conf = Environment.GetEnvironmentVariable("SLURM_CONF") is { Length: > 0 } c ? c : "/tmp/tposim-slurm/slurm.conf";

    private static (int Code, string Output) Run(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["SLURM_CONF"] = Conf;
        try
        {
            using var p = Process.Start(info)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(timeout))
            {
                p.Kill(entireProcessTree: true);
                return (-2, $"{file} timed out after {timeout.TotalSeconds} s");
            }
            return (p.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{file}: {e.Message}");
        }
    }

    private static bool NodeIdle() => Run("sinfo", ["-h", "-o", "%T"], TimeSpan.FromSeconds(20)) is (0, var o) && o.Split('\n').Any(l => l.Trim() == "idle");

    [Fact]
    public void A_four_shard_job_array_through_sbatch_merges_to_the_one_machine_files()
    {
        var startedHere = false;
        if (!NodeIdle())
        {
            var (code, output) = Run("bash", [Script, "start"], TimeSpan.FromMinutes(3));
            if (code != 0)
            {
                var reason = $"the localhost Slurm cluster did not start (.ci/slurm-localhost.sh start, exit {code}): {output.Trim()}";
                if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail("CI must run the Slurm test, but " + reason);
                Assert.Skip("Slurm test skipped: " + reason);
            }
            startedHere = true;
        }
        using var dir = new TempDir();
        try
        {
            // L-PLUS 2 (lusutrombopag before a procedure, screened on baseline < 50): 2,000 subjects in seconds of CPU.
            var trial = CliHarness.RepoFile("populations/cld-lplus2.json");
            // The apphost beside the tests: its absolute path is what the batch script runs on the node.
            var tposim = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "TpoSim.Cli.exe" : "TpoSim.Cli");
            var run = dir.Sub("run");
            var (code, submitted) = Run(tposim, ["slurm", trial, "--subjects", "2000", "--seed", "20", "--shards", "4", "--out", run], TimeSpan.FromMinutes(2));
            Assert.True(code == 0, submitted);
            var ids = Regex.Match(submitted, @"Submitted array job (\d+) .* merge job (\d+) ");
            Assert.True(ids.Success, submitted);
            Assert.Contains("#SBATCH --array=0-3", File.ReadAllText(Path.Combine(run, "shards.sbatch")));

            var one = CliHarness.Run("population", trial, "--subjects", "2000", "--seed", "20", "--threads", "1", "--out", dir.Sub("one"), "--quiet");
            Assert.True(one.ExitCode == ExitCodes.Ok, one.Stderr);

            // The merge job runs once all four tasks succeeded (afterok); it leaves the queue when done.
            var merged = Path.Combine(run, "result", "metrics.json");
            var clock = Stopwatch.StartNew();
            string status = "";
            while (clock.Elapsed < TimeSpan.FromMinutes(10))
            {
                (_, status) = Run(tposim, ["slurm", "status", run], TimeSpan.FromMinutes(1));
                if (File.Exists(merged) || status.Contains("failed", StringComparison.Ordinal)) break;
                Thread.Sleep(2000);
            }
            var logs = string.Join("\n", Directory.GetFiles(Path.Combine(run, "logs")).Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)}: {File.ReadAllText(f)}"));
            Assert.True(File.Exists(merged), $"no merged result after {clock.Elapsed.TotalSeconds:0} s\n{status}\n{logs}");
            // Asked again: the merge may have finished between the last status and the check of its file.
            (_, status) = Run(tposim, ["slurm", "status", run], TimeSpan.FromMinutes(1));
            Assert.Contains("progress: 4/4 shards done (100%; 4 done); merge: done", status);

            var expected = Directory.GetFiles(dir.Sub("one"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir.Sub("one"), f)).Order(StringComparer.Ordinal).ToArray();
            var actual = Directory.GetFiles(Path.Combine(run, "result"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(run, "result"), f)).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, actual);
            foreach (var f in expected)
                Assert.True(File.ReadAllBytes(Path.Combine(dir.Sub("one"), f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(run, "result", f))), $"{f} differs from the one-machine run");
            Assert.Equal(2001, File.ReadAllLines(Path.Combine(run, "result", "subjects.csv")).Length);
        }
        finally
        {
            if (startedHere) Run("bash", [Script, "stop"], TimeSpan.FromMinutes(1));
        }
    }
}
