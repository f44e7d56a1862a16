using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary><c>tposim simulate</c>: the files it writes, determinism and <c>--days</c>.</summary>
public sealed class SimulateTests
{
    private static readonly string[] OutputFiles = ["timeseries.csv", "summary.json", "plot.svg", "report.html"];

    [Fact]
    public void Days_shorter_than_the_titration_cut_it_with_one_warning_line()
    {
        using var dir = new TempDir();
        var outDir = dir.Sub("out");
        var run = CliHarness.Run("simulate", CliHarness.RepoFile("scenarios/itp-romiplostim-label.json"), "--days", "30", "--quiet", "--out", outDir);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Equal("tposim: warning: --days 30 is shorter than the titration (titration.weeks 24 = 168 days); the titration is cut to 30 days", line);
        var decisions = File.ReadAllLines(Path.Combine(outDir, "decisions.csv"));
        Assert.Equal(["0", "7", "14", "21", "28"], decisions.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public void Days_shorter_than_a_default_course_cut_it_too_and_a_longer_run_says_nothing()
    {
        using var dir = new TempDir();
        var file = dir.Write("lusu.json", """{ "simulation": { "days": 20 }, "titration": { "policy": "lusutrombopag-lplus2" } }""");
        var cut = CliHarness.Run("simulate", file, "--days", "4", "--quiet", "--out", dir.Sub("a"));
        Assert.Equal(ExitCodes.Ok, cut.ExitCode);
        Assert.Contains("the 7-day course of 'lusutrombopag-lplus2'); the titration is cut to 4 days", Assert.Single(cut.ErrorLines));
        Assert.Equal(5, File.ReadAllLines(Path.Combine(dir.Sub("a"), "decisions.csv")).Length); // header + days 0–3
        var fits = CliHarness.Run("simulate", file, "--days", "10", "--quiet", "--out", dir.Sub("b"));
        Assert.Equal(("", ExitCodes.Ok), (fits.Stderr, fits.ExitCode));
    }

    [Fact]
    public void Default_scenario_writes_all_four_files_with_sound_content()
    {
        using var dir = new TempDir();
        var outDir = dir.Sub("out");

        var run = CliHarness.Run("simulate", "--out", outDir);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("", run.Stderr);
        foreach (var f in OutputFiles) Assert.True(File.Exists(Path.Combine(outDir, f)), f + " written");
        Assert.Contains("Wrote timeseries.csv, summary.json, plot.svg, report.html", run.Stdout);

        var table = ReadCsv(Path.Combine(outDir, "timeseries.csv"), out var header);
        Assert.StartsWith("day,platelets,tpo", header);
        Assert.Equal(0, table[0][0]);
        Assert.Equal(90, table[^1][0]);
        Assert.Equal(90 / 0.25 + 1, table.Count);
        for (var i = 1; i < table.Count; i++) Assert.True(table[i][0] > table[i - 1][0], "days increase");
        foreach (var row in table)
        {
            foreach (var v in row)
            {
                Assert.True(double.IsFinite(v), "finite value");
                Assert.True(v >= 0, $"non-negative value {v} on day {row[0]}");
            }
        }

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var root = summary.RootElement;
        var baseline = root.GetProperty("baseline").GetProperty("platelets").GetDouble();
        var nadir = root.GetProperty("plateletNadir");
        var peak = root.GetProperty("plateletPeak");
        Assert.True(nadir.GetProperty("value").GetDouble() < baseline, "platelet destruction lowers the count");
        Assert.True(peak.GetProperty("value").GetDouble() > baseline, "the transfusion raises the count");
        Assert.InRange(nadir.GetProperty("day").GetDouble(), 30, 60);
        Assert.InRange(peak.GetProperty("day").GetDouble(), 5, 30);
        var ranges = root.GetProperty("timeInRange").EnumerateArray().ToArray();
        Assert.NotEmpty(ranges);
        Assert.Equal(1.0, ranges.Sum(r => r.GetProperty("fraction").GetDouble()), 1e-4);

        var svg = XDocument.Parse(File.ReadAllText(Path.Combine(outDir, "plot.svg")));
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Healthy adult", html);
    }

    [Fact]
    public void Two_runs_write_byte_identical_files()
    {
        using var dir = new TempDir();
        var first = CliHarness.Run("simulate", "--quiet", "--out", dir.Sub("a"));
        var second = CliHarness.Run("simulate", "--quiet", "--out", dir.Sub("b"));
        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        // summary.json and report.html carry the command line, whose --out differs: compared with it masked.
        foreach (var f in OutputFiles)
            Assert.True(File.ReadAllText(Path.Combine(dir.Sub("a"), f)).Replace(dir.Sub("a"), dir.Sub("b"), StringComparison.Ordinal) == File.ReadAllText(Path.Combine(dir.Sub("b"), f)), f + " identical");
    }

    [Fact]
    public void Quiet_prints_nothing_on_success()
    {
        using var dir = new TempDir();
        var file = dir.Write("s.json", """{ "simulation": { "days": 3 } }""");
        var run = CliHarness.Run("simulate", file, "--quiet", "--out", dir.Sub("out"));
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Days_option_shortens_the_run()
    {
        using var dir = new TempDir();
        var file = dir.Write("s.json", """
            { "simulation": { "days": 90, "outputEveryDays": 0.5 },
              "events": [ { "type": "plateletTransfusion", "day": 5, "units": 2 } ] }
            """);
        var outDir = dir.Sub("out");

        var run = CliHarness.Run("simulate", file, "--days", "10", "--out", outDir);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var table = ReadCsv(Path.Combine(outDir, "timeseries.csv"), out _);
        Assert.Equal(10, table[^1][0]);
        Assert.Equal(21, table.Count);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(10, summary.RootElement.GetProperty("days").GetDouble());
    }

    [Fact]
    public void Days_option_before_a_default_event_names_the_events_json_path()
    {
        using var dir = new TempDir();
        var run = CliHarness.Run("simulate", "--days", "10", "--out", dir.Sub("out"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.StartsWith("built-in default scenario: $.events[1].day: 30 is outside the allowed range [0, 10] days", run.ErrorLines[0]);
        Assert.StartsWith("built-in default scenario: $.events[2].day: 60 is outside the allowed range [0, 10] days", run.ErrorLines[1]);
        CliHarness.AssertNoStackTrace(run);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }

    [Fact]
    public void Days_option_applies_to_a_scenario_file_too()
    {
        using var dir = new TempDir();
        var file = CliHarness.RepoFile("scenarios/default.json");
        var run = CliHarness.Run("simulate", file, "--days", "45", "--out", dir.Sub("out"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{file}: $.events[2].day: 60 is outside the allowed range [0, 45] days", line);
    }

    [Fact]
    public void Solver_option_is_used()
    {
        using var dir = new TempDir();
        var file = dir.Write("s.json", """{ "simulation": { "days": 5 } }""");
        var outDir = dir.Sub("out");
        var run = CliHarness.Run("simulate", file, "--solver", "dopri5", "--quiet", "--out", outDir);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal("dopri5", summary.RootElement.GetProperty("solver").GetProperty("name").GetString());
    }

    [Fact]
    public void Built_in_default_is_the_committed_default_json()
    {
        Assert.Equal(
            File.ReadAllText(CliHarness.RepoFile("scenarios/default.json")).ReplaceLineEndings("\n"),
            TpoSim.Scenarios.BuiltinScenarios.DefaultJson.ReplaceLineEndings("\n"));
    }

    private static List<double[]> ReadCsv(string path, out string header)
    {
        var lines = File.ReadAllLines(path);
        header = lines[0];
        var columns = header.Split(',').Length;
        var rows = new List<double[]>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            Assert.Equal(columns, cells.Length);
            rows.Add(cells.Select(c => double.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray());
        }
        return rows;
    }

    [Fact]
    public void Titration_example_writes_decisions_csv_and_puts_the_decisions_in_the_summary()
    {
        using var dir = new TempDir();
        var outDir = dir.Sub("out");
        var run = CliHarness.Run("simulate", CliHarness.RepoFile("scenarios/itp-romiplostim-label.json"), "--quiet", "--out", outDir);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        var lines = File.ReadAllLines(Path.Combine(outDir, "decisions.csv"));
        Assert.Equal("day,measured_platelets_e9_per_l,branch,action,dose,unit,regimen", lines[0]);
        Assert.Equal(25, lines.Length); // 24 weekly checks
        Assert.StartsWith("0,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",start,1,µg/kg", lines[1], StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var titration = summary.RootElement.GetProperty("titration");
        Assert.Equal("romiplostim-itp-label", titration.GetProperty("policy").GetString());
        Assert.Equal(24, titration.GetProperty("decisions").GetArrayLength());
        var baseline = summary.RootElement.GetProperty("baseline").GetProperty("platelets").GetDouble();
        Assert.InRange(baseline, 15, 25);
        Assert.Contains("titrated", File.ReadAllText(Path.Combine(outDir, "plot.svg")) + File.ReadAllText(Path.Combine(outDir, "report.html")), StringComparison.Ordinal);
    }
}
