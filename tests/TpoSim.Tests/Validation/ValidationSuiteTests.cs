using System.Text.Json;
using TpoSim.Validation;

namespace TpoSim.Tests.Validation;

/// <summary>The validation suite of validation/cases.json: every runnable case passes (a model change that breaks one fails CI).</summary>
/// <summary>The whole validation suite (its population cases too) runs once in the fixture: slow, run by .ci/run.</summary>
[Trait("Category", "Slow")]
public sealed class ValidationSuiteTests(SuiteFixture suite) : IClassFixture<SuiteFixture>
{
    [Fact]
    public void Every_runnable_case_passes()
    {
        var failed = suite.Results.Where(r => r.Status == CaseStatus.Failed).ToArray();
        Assert.True(failed.Length == 0, "validation cases failed (run `tposim validate`):\n" + string.Join("\n", failed.Select(r =>
            $"{r.Id} {r.Title}: simulated {r.SimulatedText}; tolerance {r.ToleranceText}{(r.Reason is null ? "" : "; " + r.Reason)}")));
    }

    [Fact]
    public void Cases_V1_to_V14_are_all_there_runnable_or_pending_as_planned()
    {
        var byId = suite.Results.ToDictionary(r => r.Id);
        foreach (var id in new[] { "V1", "V2", "V3", "V4", "V4b", "V6", "V7", "V8", "V10", "V11", "V12", "V13", "V15" })
            Assert.True(byId[id].Status != CaseStatus.Pending, $"{id} is runnable");
        // V5, V9 and V14 are population cases: judged on a virtual population's statistics, or pending on model work.
        foreach (var id in new[] { "V5", "V9", "V14" })
        {
            Assert.True(byId[id].Case.Population is not null || byId[id].Case.Requires is not null, $"{id} is a population case or pending");
            if (byId[id].Status == CaseStatus.Pending) Assert.StartsWith("needs ", byId[id].Reason);
            else Assert.NotNull(byId[id].Context!.Population);
        }
        Assert.Equal(CaseStatus.Passed, byId["V9"].Status);
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
        Assert.Equal(("aplasticAnaemia", 1.0), severities["V7"]);
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
            foreach (var field in new[] { "id", "title", "published", "simulated", "tolerance", "status", "source" })
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
                Assert.Equal(status == "pending" ? JsonValueKind.Null : JsonValueKind.Number, check.GetProperty("simulated").ValueKind);
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
}
