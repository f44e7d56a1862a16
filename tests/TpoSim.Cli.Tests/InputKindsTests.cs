using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>
/// Every kind of input file goes through the one reading layer (src/TpoSim/Input): a bad value in any of them gives
/// exit 2 and one line naming the file, the field and what is allowed, and no stack trace.
/// </summary>
public sealed class InputKindsTests
{
    /// <summary>(kind, file name, file text, command line with {file} and {dir}, texts the error line must contain).</summary>
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        { "scenario", "s.json", """{ "simulation": { "days": 9000 } }""", "simulate {file} --out {dir}/o", "$.simulation.days|[0.01, 7300] days" },
        { "scenario, duplicate key", "s.json", """{ "seed": 1, "seed": 2 }""", "simulate {file} --out {dir}/o", "$.seed|given twice" },
        { "population", "p.json", """{ "scenario": {}, "variability": [ { "parameter": "emax", "cv": 7 } ] }""", "population {file} --subjects 2 --out {dir}/o", "$.variability[0].cv|[0, 2]" },
        { "population, invalid Unicode", "p.json", """{ "scenario": { "name": "\ud800" }, "variability": [] }""", "population {file} --out {dir}/o", "$.scenario.name|not valid Unicode" },
        { "fit CSV header", "pat.csv", "# drug: romiplostim\n# weightKg: 900\nID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,1,1,2,0,0,.\n1,168,.,0,4,.,.,30\n", "fit {file} --out {dir}/o", "header weightKg: 900|[0.5, 250] kg" },
        { "fit CSV cell", "pat.csv", "# drug: romiplostim\nID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,Infinity,1,1,2,0,0,.\n", "fit {file} --out {dir}/o", "column TIME|'Infinity' is not a number|h" },
        { "dose table", "doses.csv", "ID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,99999,1,2,0,0,.\n", "simulate {dir}/dt.json --out {dir}/o", "$.doseTable.file|AMT 99999|(0, 30] ug/kg" },
        { "observed table", "obs.csv", "ID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,abc,0,0,4,0,0,100\n", "simulate {dir}/ok.json --days 1 --observed {file} --out {dir}/o", "column TIME|'abc' is not a number|[0, 175200] h" },
        { "calibration setup", "setup.json", """{ "parameters": [ { "name": "kon", "why": "x" } ], "maxIterations": 1e9 }""", "calibrate --setup {file}", "$.maxIterations|[1, 1000]" },
        { "validation cases", "cases.json", """{ "cases": [ { "id": "x", "id": "y" } ] }""", "validate --cases {file}", "$.cases[0].id|given twice" },
        { "forecast regimens", "reg.json", """[ { "name": "x", "fixed": 1e999 } ]""", "forecast {repo}/examples/patient-itp-romiplostim.csv --weeks 4 --regimen-file {file} --out {dir}/o", "reg.json: $[0].fixed|(0, 100000]" },
        { "sensitivity distributions", "dist.json", """{ "kon": { "kind": "uniform", "min": 1, "min": 2 } }""", "sensitivity global {dir}/ok.json --distributions {file} --out {dir}/o", "$.kon.min|given twice" },
        { "interpret batch", "pairs.csv", "id,platelets,tpo,unit\na,NaN,84,pg/mL\n", "interpret --batch {file} --out {dir}/r.csv", "platelets 'NaN'|1–3000" },
        { "too large a file", "big.json", "", "simulate /dev/zero --out {dir}/o", "/dev/zero|64 MiB" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_is_one_line_naming_file_field_and_range(string kind, string name, string text, string commandLine, string expected)
    {
        using var dir = new TempDir();
        var file = dir.Write(name, text);
        dir.Write("ok.json", "{}");
        dir.Write("dt.json", """{ "doseTable": { "file": "doses.csv", "drug": "romiplostim", "unit": "ug/kg" } }""");
        var args = commandLine.Replace("{file}", file).Replace("{dir}", dir.Path).Replace("{repo}", CliHarness.RepoRoot).Split(' ');
        var run = CliHarness.Run(args);
        Assert.True(run.ExitCode == 2, $"{kind}: exit {run.ExitCode}\n{run.Stderr}");
        CliHarness.AssertNoStackTrace(run);
        var line = Assert.Single(run.ErrorLines);
        var shownFile = commandLine.Contains("/dev/zero") ? "/dev/zero" : name;
        Assert.Contains(shownFile, line);
        foreach (var part in expected.Split('|')) Assert.True(line.Contains(part, StringComparison.Ordinal), $"{kind}: '{part}' missing from: {line}");
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "o")), "no output folder after bad input");
    }
}
