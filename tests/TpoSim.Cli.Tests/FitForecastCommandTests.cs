using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>Runs <c>tposim fit</c> once on the romiplostim example patient; shared by the command tests.</summary>
public sealed class ExampleFitFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public ExampleFitFixture()
    {
        var run = CliHarness.Run("fit", Patient, "--out", _dir.Path, "--quiet");
        (ExitCode, Stderr) = (run.ExitCode, run.Stderr);
    }

    public static string Patient => CliHarness.RepoFile("examples/patient-itp-romiplostim.csv");
    public string DirPath => _dir.Path;
    public int ExitCode { get; }
    public string Stderr { get; }
    public string FitJson => Path.Combine(DirPath, "fit.json");

    public void Dispose() => _dir.Dispose();
}

/// <summary><c>tposim fit</c> and <c>tposim forecast</c>: files, determinism, bad input and the exit-3 path.</summary>
public class FitForecastCommandTests(ExampleFitFixture fixture) : IClassFixture<ExampleFitFixture>
{
    [Fact]
    public void Fit_writes_json_and_svg_with_converged_estimates()
    {
        Assert.Equal(0, fixture.ExitCode);
        Assert.Equal("", fixture.Stderr);
        var json = File.ReadAllText(fixture.FitJson);
        Assert.Contains("\"converged\": true", json, StringComparison.Ordinal);
        foreach (var name in new[] { "extraRemovalRate", "emax", "mkMaturationDays", "lower95", "upper95", "covariance" })
            Assert.Contains(name, json, StringComparison.Ordinal);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(fixture.DirPath, "fit.svg")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("romiplostimKd", "neither a model parameter nor a parameter of eltrombopag")]
    [InlineData("emax", "'emax' is estimated already")]
    [InlineData("kNonReceptor=9", "CV 9 is outside the allowed range [0.05, 3]")]
    [InlineData("kNonReceptor=abc", "is not NAME or NAME=CV")]
    [InlineData("autonomousDivision", "a log-normal prior needs a positive median")]
    public void A_bad_estimate_is_one_line_exit_2_and_writes_nothing(string estimate, string expected)
    {
        using var dir = new TempDir();
        var outDir = Path.Combine(dir.Path, "out");
        var run = CliHarness.Run("fit", CliHarness.RepoFile("examples/patient-itp-eltrombopag.csv"), "--estimate", estimate, "--out", outDir, "--quiet");
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.Contains("--estimate: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    /// <summary>A PD parameter named on the command line is estimated with the prior's three (issue 13 item 5).</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Fit_estimates_a_drug_parameter_named_by_estimate()
    {
        using var dir = new TempDir();
        var run = CliHarness.Run("fit", CliHarness.RepoFile("examples/patient-itp-eltrombopag.csv"), "--estimate", "eltrombopagEc50=1", "--out", dir.Path, "--quiet");
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "fit.json")));
        var text = json.RootElement.GetRawText();
        Assert.Contains("\"eltrombopagEc50\"", text, StringComparison.Ordinal);
        Assert.Contains("\"converged\":true", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]

    [Trait("Category", "Slow")]
    public void Forecast_prints_a_recommendation_and_the_same_seed_gives_the_same_bytes()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        string[] Args(string dir) => ["forecast", ExampleFitFixture.Patient, "--fit", fixture.FitJson, "--weeks", "2", "--samples", "10", "--seed", "4",
            "--regimen", "label", "hold", "fixed:3", "--out", dir];
        var first = CliHarness.Run(Args(a.Path));
        var second = CliHarness.Run([.. Args(b.Path), "--threads", "1"]);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Recommendation:", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("does not replace, clinical judgment", first.Stdout, StringComparison.Ordinal);
        foreach (var f in new[] { "forecast.json", "forecast.csv", "forecast.svg" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, f)), File.ReadAllBytes(Path.Combine(b.Path, f)));
        var csv = File.ReadAllLines(Path.Combine(a.Path, "forecast.csv"));
        Assert.Equal("regimen,day,platelets_p5,platelets_p25,platelets_p50,platelets_p75,platelets_p95", csv[0]);
        Assert.DoesNotContain(csv.Skip(1), l => l.Contains("NaN", StringComparison.Ordinal) || l.Contains(",-", StringComparison.Ordinal));
    }

    [Fact]

    [Trait("Category", "Slow")]
    public void Reaching_the_iteration_cap_exits_3_with_one_line()
    {
        using var dir = new TempDir();
        var run = CliHarness.Run("fit", ExampleFitFixture.Patient, "--max-iterations", "1", "--out", dir.Path, "--quiet");
        Assert.Equal(ExitCodes.NumericalFailure, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("did not converge", run.Stderr, StringComparison.Ordinal);
        CliHarness.AssertNoStackTrace(run);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "no-observations.csv", "# drug: romiplostim\nID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,1,1,2,0,0,.\n", "no platelet observations" },
        { "unknown-drug.csv", "# drug: aspirin\nID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,1,1,2,0,0,.\n1,0,.,0,4,.,.,20\n", "header drug: 'aspirin' is not known" },
        { "two-patients.csv", "# drug: romiplostim\nID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,.,0,4,.,.,20\n2,0,.,0,4,.,.,20\n", "one patient per file" },
        { "bad-row.csv", "# drug: romiplostim\nID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,.,0,9,.,.,20\n", "column CMT" },
        { "no-drug.csv", "ID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,1,1,2,0,0,.\n1,0,.,0,4,.,.,20\n", "doses but no drug" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_patient_files_give_one_line_and_exit_2(string name, string content, string expected)
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, name);
        File.WriteAllText(path, content);
        foreach (var command in new[] { "fit", "forecast" })
        {
            string[] args = command == "fit" ? ["fit", path, "--out", dir.Path] : ["forecast", path, "--weeks", "2", "--out", dir.Path];
            var run = CliHarness.Run(args);
            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.Single(run.ErrorLines);
            Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
            Assert.Contains(name, run.Stderr, StringComparison.Ordinal);
            CliHarness.AssertNoStackTrace(run);
        }
    }

    [Theory]
    [InlineData("fit", "missing.csv")]
    [InlineData("fit", "PATIENT", "--condition", "healthy")]
    [InlineData("fit", "PATIENT", "--drug", "aspirin")]
    [InlineData("fit", "PATIENT", "--weight", "0")]
    [InlineData("fit", "PATIENT", "--max-iterations", "0")]
    [InlineData("forecast", "missing.csv", "--weeks", "2")]
    [InlineData("forecast", "PATIENT", "--weeks", "0")]
    [InlineData("forecast", "PATIENT", "--weeks", "2", "--regimen", "fixed:-1")]
    [InlineData("forecast", "PATIENT", "--weeks", "2", "--target", "150-50")]
    [InlineData("forecast", "PATIENT", "--weeks", "2", "--max-risk", "2")]
    [InlineData("forecast", "PATIENT", "--weeks", "2", "--regimen-file", "missing.json")]
    [InlineData("forecast", "PATIENT", "--weeks", "2", "--fit", "missing.json")]
    [InlineData("forecast", "PATIENT", "--weeks", "2", "--rtol", "0.5")]
    [InlineData("forecast", "PATIENT", "--weeks", "2", "--rtol", "1e-12")]
    public void Bad_arguments_give_one_line_and_exit_2(params string[] args)
    {
        var run = CliHarness.Run(args.Select(a => a == "PATIENT" ? ExampleFitFixture.Patient : a).ToArray());
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.ErrorLines);
        CliHarness.AssertNoStackTrace(run);
    }
}
