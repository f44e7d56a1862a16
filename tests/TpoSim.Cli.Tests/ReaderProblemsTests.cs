using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>
/// The CLI prints every reader's problems the same way: all of them, one "FILE: PATH: MESSAGE" line each, exit 2, and no
/// output folder.
/// </summary>
public sealed class ReaderProblemsTests
{
    public static TheoryData<string, string, string, string[]> Cases => new()
    {
        { "p.json", """{ "scenario": {}, "variability": [ { "parameter": "emax", "cv": 3 } ], "outOfRange": "drop" }""", "population {file} --subjects 2 --out {dir}/o",
            ["p.json: $.variability[0].cv: 3 is outside", "p.json: $.outOfRange: unknown value 'drop'"] },
        { "reg.json", """[ { "name": "a", "fixed": 0 }, { "name": "b", "hold": true, "label": true } ]""", "forecast {repo}/examples/patient-itp-romiplostim.csv --weeks 4 --regimen-file {file} --out {dir}/o",
            ["reg.json: $[0].fixed: 0 is outside the allowed range (0, 100000]", "reg.json: $[1]: give exactly one of fixed, hold, label, rule"] },
        { "pat.csv", "# drug: romiplostim\n# weightKg: 900\n# sex: x\nID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,1,1,2,0,0,.\n1,168,.,0,4,.,.,30\n", "fit {file} --out {dir}/o",
            ["pat.csv: header weightKg: 900 is outside", "pat.csv: header sex: 'x' is not known"] },
        { "pairs.csv", "a,abc,84\nb,100,-1\n", "interpret --batch {file} --out {dir}/r.csv",
            ["pairs.csv: row 1: platelets 'abc' is not a number", "pairs.csv: row 2: "] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_problem_prints_on_its_own_line(string name, string text, string commandLine, string[] expected)
    {
        using var dir = new TempDir();
        var file = dir.Write(name, text);
        var run = CliHarness.Run(commandLine.Replace("{file}", file).Replace("{dir}", dir.Path).Replace("{repo}", CliHarness.RepoRoot).Split(' '));
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}\n{run.Stderr}");
        CliHarness.AssertNoStackTrace(run);
        Assert.Equal(expected.Length, run.ErrorLines.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(run.ErrorLines[i].StartsWith(file + ": ", StringComparison.Ordinal) && run.ErrorLines[i].Contains(expected[i], StringComparison.Ordinal),
                $"line {i}: '{expected[i]}' missing from: {run.ErrorLines[i]}");
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "o")), "no output folder after bad input");
    }
}
