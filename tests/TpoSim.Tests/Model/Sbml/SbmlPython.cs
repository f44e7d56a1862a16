using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace TpoSim.Tests.Model.Sbml;

/// <summary>
/// Runs tests/sbml/simulate_sbml.py with Debian's /usr/bin/python3 (libSBML's python3-sbml5 and python3-scipy). Where the
/// packages are missing a test skips with the reason, except under CI (CI=true), where .ci/run installs them and a
/// missing package is a failure. Shared with TpoSim.Cli.Tests (linked), which checks the files `tposim export sbml` writes.
/// </summary>
internal static class SbmlPython
{
    private const string Python = "/usr/bin/python3";

    /// <summary>Why the checker cannot run here (null when it can).</summary>
    private static readonly Lazy<string?> Missing = new(() =>
    {
        if (!File.Exists(Python)) return $"{Python} not found";
        var probe = Run(["-c", "import libsbml, scipy"], TimeSpan.FromMinutes(1));
        return probe.ExitCode == 0 ? null : $"{Python} cannot import libsbml and scipy (apt-get install python3-sbml5 python3-scipy): {probe.Stderr.Trim()}";
    });

    /// <summary>Skips the calling test when libSBML or scipy is missing outside CI; fails it in CI.</summary>
    public static void RequireOrSkip()
    {
        if (Missing.Value is not { } reason) return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"CI must run the SBML checks, but {reason}");
        Assert.Skip($"SBML checks skipped: {reason}");
    }

    /// <summary>libSBML's consistency and unit checks of <paramref name="file"/>: exit code and report.</summary>
    public static (int ExitCode, string Output) Check(string file)
    {
        var run = Run([Script, "check", file], TimeSpan.FromMinutes(2));
        return (run.ExitCode, run.Stdout + run.Stderr);
    }

    /// <summary>The independent simulation of <paramref name="file"/> on the grid 0, step, …, days: one row per time, columns time then <paramref name="ids"/>.</summary>
    public static double[][] Simulate(string file, double days, double step, IReadOnlyList<string> ids, string outCsv)
    {
        var run = Run([Script, "simulate", file, "--days", days.ToString("R", CultureInfo.InvariantCulture),
            "--step", step.ToString("R", CultureInfo.InvariantCulture), "--ids", string.Join(",", ids), "--out", outCsv], TimeSpan.FromMinutes(8));
        Assert.True(run.ExitCode == 0, $"simulate_sbml.py failed ({run.ExitCode}): {run.Stderr}");
        var lines = File.ReadAllLines(outCsv);
        Assert.Equal(["time", .. ids], lines[0].Split(','));
        return lines.Skip(1).Select(l => l.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray()).ToArray();
    }

    /// <summary>A file of the repository, by its path from the root (the folder holding TpoSim.slnx).</summary>
    public static string RepoFile(string relative) => Path.Combine(Root.Value, relative);

    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TpoSim.slnx"))) return dir.FullName;
        throw new InvalidOperationException("TpoSim.slnx not found above the test binaries");
    });

    private static string Script => RepoFile("tests/sbml/simulate_sbml.py");

    private static (int ExitCode, string Stdout, string Stderr) Run(IReadOnlyList<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Python}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Python} {string.Join(' ', args)} did not finish within {timeout}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
