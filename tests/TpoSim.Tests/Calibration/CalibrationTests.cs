using TpoSim.Calibration;
using TpoSim.Parameters;
using TpoSim.Tests.Validation;
using TpoSim.Validation;

namespace TpoSim.Tests.Calibration;

/// <summary>tposim calibrate: the estimator recovers a known value, and the shipped set is what it produces.</summary>
public sealed class CalibrationTests
{
    private static ValidationCaseFile RepoCases(string relativePath = CaseFileLoader.DefaultRelativePath)
    {
        var path = Path.Combine(SuiteFixture.RepoRoot, relativePath);
        var loaded = CaseFileLoader.LoadFile(path);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors.Select(e => e.Format(path))));
        return loaded.Value!;
    }

    private static CalibrationSetup RepoSetup(string relativePath = CalibrationSetup.DefaultRelativePath)
    {
        var (setup, errors) = CalibrationSetup.Load(Path.Combine(SuiteFixture.RepoRoot, relativePath));
        Assert.True(setup is not null, string.Join("\n", errors));
        return setup!;
    }

    [Fact]
    public void Recovers_a_known_receptor_share_from_a_synthetic_ITP_observation()
    {
        // Synthetic truth: the ITP steady-state TPO fold the model gives with mkReceptorShare = 0.3 (literature 0.4).
        const string scenario = """{ "patient": { "condition": { "name": "itp", "severity": 0.6 } }, "simulation": { "days": 2 } }""";
        string File(double centre, double halfWidth) => $$"""
            { "cases": [ { "id": "S1", "kind": "calibration", "title": "synthetic", "source": "synthetic", "scenario": {{scenario}},
              "checks": [ { "metric": "steadyStateTpoFold", "published": { "text": "truth", "value": {{centre.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}} },
                            "tolerance": { "min": {{(centre - halfWidth).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}, "max": {{(centre + halfWidth).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}} } } ] } ] }
            """;
        var probe = CaseFileLoader.Parse(File(1, 0.1)).Value!;
        var truth = ValidationSuite.Run(probe.Cases[0], new Dictionary<string, double> { ["mkReceptorShare"] = 0.3 }, TestContext.Current.CancellationToken).Checks[0].Value;
        var literature = ValidationSuite.Run(probe.Cases[0], new Dictionary<string, double> { ["mkReceptorShare"] = 0.4 }, TestContext.Current.CancellationToken).Checks[0].Value;
        Assert.True(Math.Abs(truth - literature) > 0.02, "the metric must depend on the parameter");
        var file = CaseFileLoader.Parse(File(truth, 0.05)).Value!;
        var setup = new CalibrationSetup([new EstimatedParameter("mkReceptorShare", "test")], 30);
        var result = Calibrator.Run(file, setup, cancellation: TestContext.Current.CancellationToken);
        var e = Assert.Single(result.Estimates);
        Assert.Equal(0.3, e.Value, 0.3 * 1e-3);
        Assert.True(e.Identifiable, e.Flag);
        Assert.InRange(0.3, e.Low, e.High);
        Assert.True(result.Objective < 1e-4, $"objective {result.Objective}");
        Assert.Equal(["S1"], result.Cases);
    }

    /// <summary>
    /// When no parameter is identifiable the refit holds them all: nothing is left to minimise, and the result reports
    /// the literature values with their flags instead of an internal error (found on a v2 setup, 2026-12-03).
    /// </summary>
    [Fact]
    public void A_setup_with_no_identifiable_parameter_returns_the_literature_values_flagged()
    {
        // The healthy steady state does not depend on the ITP-only receptor share: no calibration metric moves with it.
        const string file = """
            { "cases": [ { "id": "S1", "kind": "calibration", "title": "synthetic", "source": "synthetic",
              "scenario": { "simulation": { "days": 2 } },
              "checks": [ { "metric": "steadyStatePlatelets", "published": { "text": "set point", "value": 250 }, "tolerance": { "min": 150, "max": 450 } } ] } ] }
            """;
        var cases = CaseFileLoader.Parse(file).Value!;
        var setup = new CalibrationSetup([new EstimatedParameter("mkReceptorShare", "test")], 5);
        var result = Calibrator.Run(cases, setup, cancellation: TestContext.Current.CancellationToken);
        var e = Assert.Single(result.Estimates);
        Assert.False(e.Identifiable);
        Assert.Equal(setup.Literature("mkReceptorShare")!.Value, e.Value);
        Assert.Contains("held at its literature value", e.Flag, StringComparison.Ordinal);
        Assert.Contains("every parameter held", result.Exit, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void The_shipped_parameter_set_is_what_calibrate_produces() =>
        AssertShipped(Calibrator.Run(RepoCases(), RepoSetup(), cancellation: TestContext.Current.CancellationToken), ShippedParameters.V1, CalibrationFile.RegenerateCommand);

    /// <summary>Model v2's shipped set (validation/parameters-v2.json) is what calibrate gives on the v2 calibration cases (issue 14).</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void The_shipped_v2_parameter_set_is_what_calibrate_produces()
    {
        var setup = RepoSetup("validation/calibration-v2.json");
        Assert.Equal("v2", setup.Model.Name);
        AssertShipped(Calibrator.Run(RepoCases("validation/cases-v2.json"), setup, cancellation: TestContext.Current.CancellationToken), ShippedParameters.V2, CalibrationFile.RegenerateCommandV2);
    }

    private static void AssertShipped(CalibrationResult result, ShippedSet shipped, string regenerate)
    {
        Assert.Equal(shipped.Cases, result.Cases);
        Assert.Equal(result.Estimates.Count, shipped.Values.Count);
        foreach (var (estimate, value) in result.Estimates.Zip(shipped.Values))
        {
            Assert.Equal(estimate.Definition.Name, value.Name);
            Assert.True(Math.Abs(estimate.Value - value.Value) <= 1e-6 * Math.Abs(value.Value),
                $"{value.Name}: calibrate gives {estimate.Value}, {shipped.RelativePath} ships {value.Value}; regenerate with `{regenerate}`");
            Assert.Equal(estimate.Identifiable, value.Identifiable);
        }
    }

    [Fact]
    public void The_model_runs_with_the_shipped_values_and_keeps_the_literature_ones()
    {
        Assert.NotEmpty(ShippedParameters.Values);
        foreach (var v in ShippedParameters.Values)
        {
            Assert.True(ParameterCatalog.TryGet(v.Name, out var d));
            Assert.Equal(v.Value, d.DefaultValue);
            Assert.Equal(v.Value, ParameterSet.Default[d.Id]);
            var literature = ParameterCatalog.Literature[(int)d.Id];
            if (v.Identifiable) Assert.Contains("estimated by tposim calibrate", d.Source);
            else
            {
                Assert.Equal(literature.DefaultValue, v.Value);
                Assert.Contains("could not identify", d.Source);
            }
            Assert.Contains(literature.Source, d.Source);
        }
        // Parameters not in the shipped set keep their literature definitions exactly.
        foreach (var d in ParameterCatalog.All.Where(d => ShippedParameters.Values.All(v => v.Name != d.Name)))
            Assert.Equal(ParameterCatalog.Literature[(int)d.Id], d);
    }

    [Theory]
    [InlineData("""{ "parameters": [ { "name": "nope", "why": "x" } ] }""", "$.parameters[0].name")]
    [InlineData("""{ "parameters": [ { "name": "liverFunction", "why": "x" } ] }""", "$.parameters[0].name")]
    [InlineData("""{ "parameters": [ { "name": "emax" } ] }""", "$.parameters[0].why")]
    [InlineData("""{ "parameters": [ { "name": "emax", "why": "x" }, { "name": "emax", "why": "y" } ] }""", "$.parameters[1].name")]
    [InlineData("""{ "parameters": [ ] }""", "$.parameters")]
    [InlineData("""{ "parameters": [ { "name": "emax", "why": "x" } ], "maxIterations": 0 }""", "$.maxIterations")]
    [InlineData("""{ "parameters": [ { "name": "emax", "why": "x" } ], "maxIterations": 10.5 }""", "$.maxIterations")]
    public void A_bad_setup_names_the_field(string json, string path)
    {
        var (setup, errors) = CalibrationSetup.Parse(json, "setup.json");
        Assert.Null(setup);
        Assert.Contains(errors, e => e.Line.StartsWith($"setup.json: {path}:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1e1")]
    [InlineData("10.0")]
    [InlineData("10")]
    public void MaxIterations_takes_a_whole_number_written_any_way(string written)
    {
        var (setup, errors) = CalibrationSetup.Parse($$"""{ "parameters": [ { "name": "emax", "why": "x" } ], "maxIterations": {{written}} }""", "setup.json");
        Assert.Empty(errors);
        Assert.Equal(10, setup!.MaxIterations);
    }

    /// <summary>A setup names its core; its parameters and their literature values come from that core's registry.</summary>
    [Fact]
    public void A_v2_setup_takes_v2_parameters_with_their_v2_literature_values()
    {
        var (setup, errors) = CalibrationSetup.Parse("""{ "model": "v2", "parameters": [ { "name": "tpoKon", "why": "test" } ] }""", "setup.json");
        Assert.Empty(errors);
        Assert.Equal("v2", setup!.Model.Name);
        // V2Parameters: tpoKon 12 /(pM·day) (0.5 pM⁻¹h⁻¹, Li 1999), range 0.1–1000.
        Assert.Equal(12, setup.Literature("tpoKon")!.Value);
        Assert.Equal(1000, setup.Literature("tpoKon")!.Maximum);
        var (_, v1Name) = CalibrationSetup.Parse("""{ "model": "v2", "parameters": [ { "name": "amrShare", "why": "test" } ] }""", "setup.json");
        Assert.Contains(v1Name, e => e.Line.StartsWith("setup.json: $.parameters[0].name: expected a parameter name of model v2", StringComparison.Ordinal));
        var (_, badModel) = CalibrationSetup.Parse("""{ "model": "v9", "parameters": [ { "name": "tpoKon", "why": "test" } ] }""", "setup.json");
        Assert.Contains(badModel, e => e.Line.StartsWith("setup.json: $.model:", StringComparison.Ordinal));
    }
}
