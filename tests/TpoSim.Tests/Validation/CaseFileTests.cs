using TpoSim.Validation;

namespace TpoSim.Tests.Validation;

/// <summary>The case-file loader reports every problem with its JSON path and what is allowed.</summary>
public sealed class CaseFileTests
{
    private const string GoodCheck = """{ "metric": "steadyStatePlatelets", "published": { "text": "150–450" }, "tolerance": { "min": 150, "max": 450 } }""";

    private static string File(string checks, string scenario = """{ "simulation": { "days": 2 } }""", string extra = "") => $$"""
        { "cases": [ { "id": "X1", "kind": "validation", "title": "t", "source": "s", "scenario": {{scenario}}, "checks": [ {{checks}} ] {{extra}} } ] }
        """;

    private static IReadOnlyList<TpoSim.Input.InputProblem> Errors(string json)
    {
        var result = CaseFileLoader.Parse(json);
        Assert.False(result.Succeeded);
        return result.Errors;
    }

    [Fact]
    public void A_good_file_loads()
    {
        var result = CaseFileLoader.Parse(File(GoodCheck));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var c = Assert.Single(result.Value!.Cases);
        Assert.True(c.IsRunnable);
        Assert.Same(ValidationMetrics.SteadyStatePlatelets, c.Checks[0].Metric);
    }

    [Fact]
    public void Unknown_metric_names_the_path_and_the_allowed_metrics()
    {
        var e = Assert.Single(Errors(File("""{ "metric": "plateletz", "published": { "text": "x" }, "tolerance": { "min": 1 } }""")));
        Assert.Equal("$.cases[0].checks[0].metric", e.Path);
        Assert.Contains("unknown value 'plateletz'; allowed: steadyStatePlatelets", e.Message);
        Assert.Contains("steadyStatePlatelets", e.Message);
    }

    [Fact]
    public void Missing_tolerance_is_an_error()
    {
        var e = Assert.Single(Errors(File("""{ "metric": "steadyStatePlatelets", "published": { "text": "x" } }""")));
        Assert.Equal("$.cases[0].checks[0].tolerance", e.Path);
        Assert.Contains("required", e.Message);
    }

    [Theory]
    [InlineData("{ }", "no bound given")]
    [InlineData("""{ "min": 5, "above": 4 }""", "either 'min'")]
    [InlineData("""{ "max": 5, "below": 4 }""", "either 'max'")]
    [InlineData("""{ "min": 5, "max": 4 }""", "empty range")]
    [InlineData("""{ "min": "5" }""", "expected a number")]
    [InlineData("""{ "lowest": 5 }""", "unknown field")]
    public void Malformed_tolerances_are_errors(string tolerance, string message)
    {
        var errors = Errors(File($$"""{ "metric": "steadyStatePlatelets", "published": { "text": "x" }, "tolerance": {{tolerance}} }"""));
        Assert.Contains(errors, e => e.Path.StartsWith("$.cases[0].checks[0].tolerance", StringComparison.Ordinal) && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parameter_overrides_are_rejected()
    {
        var errors = Errors(File(GoodCheck, """{ "patient": { "parameters": { "splenicFraction": 0.5 } } }"""));
        var e = Assert.Single(errors);
        Assert.Equal("$.cases[0].scenario.patient.parameters.splenicFraction", e.Path);
        Assert.Contains("not allowed", e.Message);
    }

    [Fact]
    public void SetParameter_events_are_rejected()
    {
        var e = Assert.Single(Errors(File(GoodCheck, """{ "events": [ { "type": "setParameter", "day": 0, "parameter": "splenicFraction", "value": 0.5 } ] }""")));
        Assert.Equal("$.cases[0].scenario.events[0]", e.Path);
        Assert.Contains("one default parameter set", e.Message);
    }

    [Fact]
    public void Scenario_errors_are_reported_under_the_case()
    {
        var e = Assert.Single(Errors(File(GoodCheck, """{ "patient": { "condition": { "name": "flu" } } }""")));
        Assert.Equal("$.cases[0].scenario.patient.condition.name", e.Path);
        Assert.Contains("unknown value 'flu'", e.Message);
    }

    [Fact]
    public void A_population_metric_needs_a_population_block()
    {
        var check = """{ "metric": "overallResponseFraction", "published": { "text": "88%" }, "tolerance": { "min": 70, "max": 95 } }""";
        var e = Assert.Single(Errors(File(check)));
        Assert.Equal("$.cases[0].checks[0].metric", e.Path);
        Assert.Contains("population", e.Message);
    }

    private static string PopulationCase(string population, string check = """{ "metric": "overallResponseFraction", "published": { "text": "83%" }, "tolerance": { "min": 70, "max": 95 } }""") => $$"""
        { "cases": [ { "id": "P1", "kind": "validation", "title": "t", "source": "s", "population": {{population}}, "checks": [ {{check}} ] } ] }
        """;

    [Fact]
    public void A_population_case_loads_its_population_file_and_reports_bad_blocks()
    {
        var root = SuiteFixture.RepoRoot;
        var good = CaseFileLoader.Parse(PopulationCase("""{ "file": "populations/itp-kuter2008.json", "subjects": 40, "seed": 3 }"""), repositoryRoot: root);
        Assert.True(good.Succeeded, string.Join("\n", good.Errors));
        var c = Assert.Single(good.Value!.Cases);
        Assert.Equal(40, c.Population!.Subjects);
        Assert.NotNull(c.Population.Definition.Inclusion);
        Assert.Same(c.Population.Definition.BaseScenario, c.Scenario);

        Assert.Contains(CaseFileLoader.Parse(PopulationCase("""{ "file": "populations/itp-kuter2008.json" }"""), repositoryRoot: root).Errors,
            e => e.Path == "$.cases[0].population.subjects");
        Assert.Contains(CaseFileLoader.Parse(PopulationCase("""{ "file": "populations/none.json", "subjects": 10 }"""), repositoryRoot: root).Errors,
            e => e.Path == "$.cases[0].population.file" && e.Message.Contains("cannot read", StringComparison.Ordinal));
        Assert.Contains(CaseFileLoader.Parse(PopulationCase("""{ "file": "populations/itp-kuter2008.json", "subjects": 10, "n": 1 }"""), repositoryRoot: root).Errors,
            e => e.Path == "$.cases[0].population.n");
        Assert.Contains(Errors("""{ "cases": [ { "id": "P1", "kind": "validation", "title": "t", "source": "s", "scenario": { }, "population": { "file": "populations/itp-kuter2008.json", "subjects": 10 }, "checks": [ ] } ] }"""),
            e => e.Path == "$.cases[0].scenario");
    }

    /// <summary>A populationEndpoint check names a declared endpoint, an arm of the file and one of its strata; anything else is a one-line error at its path.</summary>
    [Fact]
    public void A_population_endpoint_check_names_a_declared_endpoint_arm_and_stratum()
    {
        var root = SuiteFixture.RepoRoot;
        const string pop = """{ "file": "populations/cld-adapt-v2.json", "subjects": 10, "seed": 1 }""";
        static string Check(string fields) => $$"""{ "metric": "populationEndpoint", {{fields}}, "published": { "text": "88%" }, "tolerance": { "min": 80, "max": 93 } }""";
        var good = CaseFileLoader.Parse(PopulationCase(pop, Check("\"endpoint\": \"noTransfusionBeforeProcedure\", \"arm\": \"placebo\", \"stratum\": \"baseline40To50\"")), repositoryRoot: root);
        Assert.True(good.Succeeded, string.Join("\n", good.Errors));
        var check = Assert.Single(Assert.Single(good.Value!.Cases).Checks);
        Assert.Equal(new EndpointReference("noTransfusionBeforeProcedure", "placebo", "baseline40To50"), check.Endpoint);
        Assert.Equal("noTransfusionBeforeProcedure (arm placebo, baseline40To50)", check.Description);

        (string Fields, string Path, string Message)[] bad =
        [
            ("\"endpoint\": \"doubled\", \"arm\": \"placebo\"", "$.cases[0].checks[0].endpoint", "'doubled' is not an endpoint the population file declares; allowed: noTransfusionBeforeProcedure, atLeast50OnProcedureDay"),
            ("\"endpoint\": \"atLeast50OnProcedureDay\", \"arm\": \"romiplostim\"", "$.cases[0].checks[0].arm", "unknown arm 'romiplostim'; allowed: avatrombopag, placebo"),
            ("\"endpoint\": \"atLeast50OnProcedureDay\"", "$.cases[0].checks[0].arm", "required: the file has arms; allowed: avatrombopag, placebo"),
            ("\"endpoint\": \"atLeast50OnProcedureDay\", \"arm\": \"placebo\", \"stratum\": \"splenectomised\"", "$.cases[0].checks[0].stratum", "unknown stratum 'splenectomised'; allowed: all, childPughA, childPughB, childPughC, baselineBelow40, baseline40To50"),
            ("\"arm\": \"placebo\"", "$.cases[0].checks[0].endpoint", "required for 'populationEndpoint'"),
        ];
        foreach (var (fields, path, message) in bad)
        {
            var e = Assert.Single(CaseFileLoader.Parse(PopulationCase(pop, Check(fields)), repositoryRoot: root).Errors);
            Assert.Equal(path, e.Path);
            Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        }
        var other = """{ "metric": "overallResponseFraction", "arm": "placebo", "published": { "text": "83%" }, "tolerance": { "min": 70, "max": 95 } }""";
        Assert.Contains(CaseFileLoader.Parse(PopulationCase(pop, other), repositoryRoot: root).Errors, e => e.Path == "$.cases[0].checks[0].arm");
    }

    [Fact]
    public void A_day_dependent_population_metric_needs_a_day()
    {
        var check = """{ "metric": "fractionReaching50ByDay", "published": { "text": "60%" }, "tolerance": { "min": 50, "max": 80 } }""";
        Assert.Contains(Errors(File(check)), e => e.Path == "$.cases[0].checks[0].day");
    }

    [Fact]
    public void A_pending_case_may_name_drugs_the_model_lacks()
    {
        var scenario = """{ "doses": [ { "drug": "romipl0stim", "route": "sc", "amount": 1, "unit": "ug/kg", "day": 0 } ] }""";
        Assert.NotEmpty(Errors(File(GoodCheck, scenario)));
        var result = CaseFileLoader.Parse(File(GoodCheck, scenario, """, "requires": "romiplostim PK/PD" """));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var c = Assert.Single(result.Value!.Cases);
        Assert.False(c.IsRunnable);
        var r = ValidationSuite.Run(c, TestContext.Current.CancellationToken);
        Assert.Equal(CaseStatus.Pending, r.Status);
        Assert.Equal("needs romiplostim PK/PD", r.Reason);
    }

    [Fact]
    public void Missing_fields_duplicates_and_bad_json_are_reported()
    {
        Assert.Contains(Errors("""{ "cases": [ { "id": "X" } ] }"""), e => e.Path == "$.cases[0].title");
        Assert.Contains(Errors("""{ "cases": [ { "id": "X" } ] }"""), e => e.Path == "$.cases[0].checks");
        Assert.Contains(Errors("""{ "cases": [ { "id": "X" } ] }"""), e => e.Path == "$.cases[0].scenario");
        Assert.Contains(Errors("""{ "cases": [ { "id": "X" } ] }"""), e => e.Path == "$.cases[0].kind" && e.Message.Contains("calibration, validation", StringComparison.Ordinal));
        var one = File(GoodCheck)[..^2].Trim().TrimEnd(']').Trim();
        var twice = $$"""{ "cases": [ {{one[(one.IndexOf('[') + 1)..]}}, {{one[(one.IndexOf('[') + 1)..]}} ] }""";
        Assert.Contains(Errors(twice), e => e.Path == "$.cases[1].id" && e.Message.Contains("duplicate", StringComparison.Ordinal));
        Assert.Equal("$", Assert.Single(Errors("{ not json")).Path);
        Assert.Contains(Errors("""{ "cases": [], "extra": 1 }"""), e => e.Path == "$.extra");
    }

    [Fact]
    public void Scenario_paths_are_read_relative_to_the_repository_root()
    {
        var json = File(GoodCheck, "\"scenarios/transfusion.json\"");
        var result = CaseFileLoader.Parse(json, repositoryRoot: SuiteFixture.RepoRoot);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("scenarios/transfusion.json", result.Value!.Cases[0].ScenarioSource);
        var missing = CaseFileLoader.Parse(File(GoodCheck, "\"scenarios/nope.json\""), repositoryRoot: SuiteFixture.RepoRoot);
        Assert.Contains(missing.Errors, e => e.Path == "$.cases[0].scenario" && e.Message.Contains("cannot read", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failing_case_fails()
    {
        var check = """{ "metric": "steadyStatePlatelets", "published": { "text": "x" }, "tolerance": { "min": 400 } }""";
        var c = CaseFileLoader.Parse(File(check)).Value!.Cases[0];
        var r = ValidationSuite.Run(c, TestContext.Current.CancellationToken);
        Assert.Equal(CaseStatus.Failed, r.Status);
        Assert.False(r.Pass);
        Assert.Equal("FAIL", ValidationReport.Verdict(r));
        Assert.Equal(250, r.Checks[0].Value, 6);
    }

    [Fact]
    public void A_case_is_either_calibration_or_validation()
    {
        var good = CaseFileLoader.Parse(File(GoodCheck).Replace("\"kind\": \"validation\"", "\"kind\": \"calibration\""));
        Assert.True(good.Succeeded, string.Join("\n", good.Errors));
        Assert.Equal(CaseKind.Calibration, good.Value!.Cases[0].Kind);
        var e = Assert.Single(Errors(File(GoodCheck).Replace("\"kind\": \"validation\"", "\"kind\": \"both\"")));
        Assert.Equal("$.cases[0].kind", e.Path);
        Assert.Contains("unknown value 'both'; allowed: calibration, validation", e.Message);
    }

    [Fact]
    public void Baseline_platelets_needs_one_condition_and_a_count_in_range()
    {
        var itp = """{ "patient": { "condition": { "name": "itp", "severity": 0.5 } }, "simulation": { "days": 2 } }""";
        var good = CaseFileLoader.Parse(File(GoodCheck, itp, ", \"baselinePlatelets\": 40"));
        Assert.True(good.Succeeded, string.Join("\n", good.Errors));
        Assert.Equal(40, good.Value!.Cases[0].BaselinePlatelets);
        Assert.Contains(Errors(File(GoodCheck, extra: ", \"baselinePlatelets\": 40")), e => e.Path == "$.cases[0].baselinePlatelets" && e.Message.Contains("exactly one condition", StringComparison.Ordinal));
        Assert.Contains(Errors(File(GoodCheck, itp, ", \"baselinePlatelets\": -3")), e => e.Path == "$.cases[0].baselinePlatelets" && e.Message.Contains("-3 is outside the allowed range (0, 1000] 10^9/L", StringComparison.Ordinal));
    }
}
