using System.Text.Json;
using TpoSim.Validation;

namespace TpoSim.Tests.Validation;

/// <summary>
/// The cases of validation/cases.json with the shipped parameter set. Cases the model fails are reported as failing,
/// never tuned away; this test holds the list of failures, so a model change that breaks a passing case fails CI, and
/// one that mends a failing case asks for the list (and docs/validation.md) to be updated.
/// </summary>
/// <remarks>The whole suite (its population cases too) runs once in the fixture: slow, run by .ci/run.</remarks>
[Trait("Category", "Slow")]
public sealed class ValidationSuiteTests(SuiteFixture suite) : IClassFixture<SuiteFixture>
{
    /// <summary>Cases the current model fails, and why (docs/validation.md gives the numbers).</summary>
    public static IReadOnlyDictionary<string, string> KnownFailures { get; } = new Dictionary<string, string>
    {
        ["V7"] = "aplastic-anaemia TPO about 9× at platelets 27 against the published 29×: no marrow (progenitor) TPO consumption",
        ["V7b"] = "severe aplastic anaemia TPO about 13× against 29×, as V7",
        ["V9"] = "L-PLUS 2: too short above 50 and too many reaching 50 by day 12",
        ["V14"] = "Bussel 2007 day-43 share below 70% (the agonist PD is not re-estimated in the closed loop)",
        ["V16"] = "Bussel 2009 day-43 share below 59%, as V14",
        ["V17"] = "rhTPO 0.3 µg/kg raises platelets far less than +61%: TPO does not drive expansion",
        ["V17b"] = "rhTPO 2.4 µg/kg: the peak comes about 2 days after Vadhan-Raj's median day 12",
        ["V19"] = "the neonate preset keeps the adult TPO set point (1.4 pM, not 3.7–5.9)",
    };

    [Fact]
    public void Every_runnable_case_passes_except_the_known_failures()
    {
        var unexpected = suite.Results.Where(r => r.Status == CaseStatus.Failed && !KnownFailures.ContainsKey(r.Id)).ToArray();
        Assert.True(unexpected.Length == 0, "validation cases failed (run `tposim validate`):\n" + string.Join("\n", unexpected.Select(r =>
            $"{r.Id} {r.Title}: simulated {r.SimulatedText}; tolerance {r.ToleranceText}{(r.Reason is null ? "" : "; " + r.Reason)}")));
        var mended = suite.Results.Where(r => r.Status == CaseStatus.Passed && KnownFailures.ContainsKey(r.Id)).Select(r => r.Id).ToArray();
        Assert.True(mended.Length == 0, $"known failures now pass: {string.Join(", ", mended)}; remove them from KnownFailures and regenerate docs/validation.md");
    }

    [Fact]
    public void Every_case_is_of_one_kind_and_a_third_or_more_are_held_out()
    {
        var kinds = suite.File.Cases.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(kinds[CaseKind.Validation] * 3 >= suite.File.Cases.Count, $"{kinds[CaseKind.Validation]} of {suite.File.Cases.Count} are validation cases");
        Assert.True(kinds[CaseKind.Calibration] > 0);
    }

    [Fact]
    public void Each_mechanism_of_model_v2_has_a_validation_case()
    {
        // The issue's mechanisms 1–8 and the held-out cases that judge them (docs/validation.md says why).
        var byMechanism = new Dictionary<string, string[]>
        {
            ["one c-Mpl pool"] = ["V12", "V13", "V17b"],
            ["TPO drives expansion"] = ["V17", "V17b"],
            ["marrow TPO consumption"] = ["V7b"],
            ["liver disease"] = ["V9"],
            ["ITP and splenectomy"] = ["V5", "V16p"],
            ["agonist PD in the loop"] = ["V4", "V4b", "V14", "V16"],
            ["units and assays"] = ["V7b", "V18b"],
            ["neonates"] = ["V19"],
        };
        var byId = suite.File.Cases.ToDictionary(c => c.Id);
        foreach (var (mechanism, ids) in byMechanism)
            foreach (var id in ids)
                Assert.True(byId[id].Kind == CaseKind.Validation, $"{id} ({mechanism}) must be a validation case");
    }

    [Fact]
    public void Calibration_targets_have_two_sided_published_tolerances()
    {
        // What tposim calibrate fits: every check of a runnable calibration case, except one-sided statements.
        var targets = global::TpoSim.Calibration.CalibrationTarget.From(suite.File);
        Assert.NotEmpty(targets);
        foreach (var t in targets)
        {
            Assert.True(t.Sigma > 0 && double.IsFinite(t.Centre), t.Label);
            Assert.InRange(t.Centre, t.Check.Tolerance.Lower, t.Check.Tolerance.Upper);
        }
        Assert.DoesNotContain(targets, t => suite.File.Cases.First(c => c.Id == t.CaseId).Kind != CaseKind.Calibration);
    }

    [Fact]
    public void V7_solves_the_aplastic_anaemia_severity_for_the_cohort_count()
    {
        var v7 = suite.Results.First(r => r.Id == "V7");
        Assert.Equal(27, v7.Context!.BaselinePlatelets, 1e-6);
        Assert.InRange(v7.Context.Result.Scenario.Conditions[0].Severity, 0.01, 0.99);
    }

    [Fact]
    public void No_case_overrides_a_parameter()
    {
        // One parameter set: the loader rejects overrides; this guards the committed file as well.
        foreach (var c in suite.File.Cases.Where(c => c.Scenario is not null))
        {
            Assert.Empty(c.Scenario!.ParameterOverrides);
            Assert.DoesNotContain(c.Scenario.Events, e => e is Scenarios.ParameterChange);
        }
    }

    [Fact]
    public void Suite_scenarios_match_the_unit_tests_of_the_lead()
    {
        // tests/Conditions/ValidationCaseTests runs V6 at ITP severity 0.6 and V7, V8, V12, V13 at severity 1.
        var severities = suite.File.Cases.Where(c => c.Scenario is { Conditions.Count: 1 })
            .ToDictionary(c => c.Id, c => (c.Scenario!.Conditions[0].Name, c.Scenario.Conditions[0].Severity));
        Assert.Equal(("itp", 0.6), severities["V6"]);
        Assert.Equal(("aplasticAnaemia", 1.0), severities["V7b"]);
        Assert.Equal(("chronicLiverDisease", 1.0), severities["V8"]);
        Assert.Equal(("camt", 1.0), severities["V12"]);
        Assert.Equal(("essentialThrombocythaemia", 1.0), severities["V13"]);
    }

    [Fact]
    public void Json_is_an_array_of_cases_with_the_documented_fields()
    {
        using var doc = JsonDocument.Parse(ValidationReport.Json(suite.Results));
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        Assert.Equal(suite.Results.Count, doc.RootElement.GetArrayLength());
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            foreach (var field in new[] { "id", "kind", "title", "published", "simulated", "tolerance", "status", "source" })
                Assert.Equal(JsonValueKind.String, item.GetProperty(field).ValueKind);
            var pass = item.GetProperty("pass");
            Assert.True(pass.ValueKind is JsonValueKind.True or JsonValueKind.False);
            var status = item.GetProperty("status").GetString();
            Assert.Contains(status, new[] { "passed", "failed", "pending" });
            Assert.Equal(status == "passed", pass.GetBoolean());
            if (status == "pending") Assert.StartsWith("needs ", item.GetProperty("reason").GetString());
            Assert.Equal(JsonValueKind.Array, item.GetProperty("checks").ValueKind);
            foreach (var check in item.GetProperty("checks").EnumerateArray())
            {
                Assert.Contains(check.GetProperty("metric").GetString(), ValidationMetrics.Names);
                var simulated = check.GetProperty("simulated").ValueKind;
                if (status == "pending") Assert.Equal(JsonValueKind.Null, simulated);
                else if (status == "passed") Assert.Equal(JsonValueKind.Number, simulated);
                else Assert.True(simulated is JsonValueKind.Number or JsonValueKind.Null);
            }
        }
        var v1 = doc.RootElement.EnumerateArray().First(e => e.GetProperty("id").GetString() == "V1");
        Assert.Contains("150–450", v1.GetProperty("tolerance").GetString());
    }

    [Fact]
    public void Every_case_that_ran_has_a_figure_with_the_published_overlay()
    {
        foreach (var r in suite.Results)
        {
            var svg = ValidationReport.FigureSvg(r);
            if (r.Status == CaseStatus.Pending) { Assert.Null(svg); continue; }
            Assert.NotNull(svg);
            Assert.StartsWith("<svg", svg);
            Assert.Contains("tolerance", svg);
        }
    }

    [Fact]
    public void Docs_validation_md_is_current()
    {
        var committed = File.ReadAllText(Path.Combine(SuiteFixture.RepoRoot, "docs/validation.md")).ReplaceLineEndings("\n");
        var generated = ValidationReport.Markdown(suite.Results, "images/validation");
        Assert.True(committed == generated, $"docs/validation.md is out of date: regenerate it with `{ValidationReport.RegenerateCommand}`");
        foreach (var r in suite.Results.Where(r => r.Context is not null))
            Assert.True(File.Exists(Path.Combine(SuiteFixture.RepoRoot, "docs/images/validation", ValidationReport.FigureFileName(r))), $"figure of {r.Id}");
    }

    [Fact]
    public void Docs_validation_v2_md_is_current()
    {
        var page = ValidationPage.V2;
        var path = Path.Combine(SuiteFixture.RepoRoot, page.CasesPath);
        var loaded = CaseFileLoader.LoadFile(path);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors.Select(e => e.Format(path))));
        Assert.Same(page, ValidationPage.For(loaded.Value!.Cases));
        var results = ValidationSuite.Run(loaded.Value!, TestContext.Current.CancellationToken);
        var committed = File.ReadAllText(Path.Combine(SuiteFixture.RepoRoot, page.PagePath)).ReplaceLineEndings("\n");
        Assert.True(committed == ValidationReport.Markdown(results, "images/validation-v2", page), $"{page.PagePath} is out of date: regenerate it with `{page.RegenerateCommand}`");
        foreach (var r in results.Where(r => r.Context is not null))
            Assert.True(File.Exists(Path.Combine(SuiteFixture.RepoRoot, page.ImagesFolder, ValidationReport.FigureFileName(r))), $"figure of {r.Id}");
    }

    [Fact]
    public void The_v1_case_file_gets_the_v1_page() => Assert.Same(ValidationPage.V1, ValidationPage.For(suite.File.Cases));
}
