using TpoSim.Calibration;
using TpoSim.Forecasting;
using TpoSim.Input;
using TpoSim.Population;
using TpoSim.Scenarios;
using TpoSim.Validation;
using Xunit;

namespace TpoSim.Tests.Input;

/// <summary>
/// Every reader returns the one <see cref="ReadResult{T}"/> of <see cref="InputProblem"/>s, lists every problem (not the
/// first), and words the same kind of problem the same way whichever file it is in.
/// </summary>
public class ReadResultTests
{
    private const string Scenario = """{ "simulation": { "days": 10 } }""";

    [Fact]
    public void A_problem_prints_as_one_line_naming_file_path_and_message()
    {
        Assert.Equal("p.json: $.a: bad", new InputProblem("p.json", "$.a", "bad").Line);
        Assert.Equal("p.json: bad", new InputProblem("p.json", "", "bad").Line);
        Assert.Equal("x.csv: row 2: no\\nthing", new InputProblem("row 2", "no\nthing").Format("x.csv"));
        // A problem that names its file keeps it (a population's error in the scenario file it refers to).
        Assert.Equal("s.json: $.a: bad", new InputProblem("s.json", "$.a", "bad").Format("p.json"));
    }

    [Fact]
    public void The_population_reader_lists_every_problem()
    {
        var result = PopulationParser.Parse($$"""
            { "scenario": {{Scenario}}, "variability": [ { "parameter": "emax", "cv": 3 } ],
              "covariates": { "maleFraction": 1.5 }, "inclusion": { "baselinePlatelets": { "min": 10 }, "maxScreenedPerSubject": 2.5 },
              "outOfRange": "drop" }
            """, "p.json", ".");
        Assert.Null(result.Value);
        Assert.Equal(
        [
            "p.json: $.variability[0].cv: 3 is outside the allowed range [0, 2]",
            "p.json: $.covariates.maleFraction: 1.5 is outside the allowed range [0, 1]",
            "p.json: $.inclusion.maxScreenedPerSubject: expected a whole number in [1, 1000], found the number 2.5",
            "p.json: $.outOfRange: unknown value 'drop'; allowed: resample, clamp",
        ], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void The_same_problem_is_worded_alike_in_a_scenario_and_a_population()
    {
        var scenario = ScenarioParser.Parse("""{ "seed": 2.5 }""");
        var population = PopulationParser.Parse($$"""
            { "scenario": {{Scenario}}, "variability": [ { "parameter": "emax", "cv": 0.3 } ],
              "inclusion": { "baselinePlatelets": { "min": 10 }, "screening": { "counts": 2.5, "intervalDays": 7 } } }
            """, "p.json", ".");
        Assert.StartsWith("expected a whole number in [", Assert.Single(scenario.Errors).Message);
        Assert.StartsWith("expected a whole number in [", Assert.Single(population.Errors).Message);
        Assert.EndsWith("found the number 2.5", Assert.Single(scenario.Errors).Message);
        Assert.EndsWith("found the number 2.5", Assert.Single(population.Errors).Message);
    }

    [Fact]
    public void The_case_setup_and_regimen_readers_list_every_problem()
    {
        var cases = CaseFileLoader.Parse("""{ "cases": [ { "id": "x", "kind": "both", "title": "t", "source": "s", "baselinePlatelets": 0, "scenario": {}, "checks": [ { "metric": "nope", "published": { "text": "t" }, "tolerance": { "min": 1 } } ] } ] }""");
        Assert.Equal(["$.cases[0].kind", "$.cases[0].baselinePlatelets", "$.cases[0].checks[0].metric"], cases.Errors.Select(e => e.Path));

        var setup = CalibrationSetup.Parse("""{ "parameters": [ { "name": "emax" } ], "maxIterations": 0, "extra": 1 }""", "setup.json");
        Assert.Equal(["setup.json: $.extra", "setup.json: $.maxIterations", "setup.json: $.parameters[0].why"], setup.Errors.Select(e => $"{e.File}: {e.Path}"));

        var regimens = RegimenFile.Parse("""[ { "name": "a", "fixed": 0 }, { "name": "b", "rule": { "low": -1 } } ]""", "r.json");
        Assert.Equal(
        [
            "r.json: $[0].fixed: 0 is outside the allowed range (0, 100000]",
            "r.json: $[1].rule.low: -1 is outside the allowed range [0, 5000] ×10^9/L",
        ], regimens.Errors.Select(e => e.Line));
    }

    [Fact]
    public void The_patient_file_names_the_header_key()
    {
        var (history, errors) = TpoSim.Fitting.PatientFile.Parse("# drug: romiplostim\n# weightKg: 900\n# sex: x\nID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,1,1,2,0,0,.\n1,168,.,0,4,.,.,30\n", "pat.csv");
        Assert.Null(history);
        Assert.Equal(
        [
            "pat.csv: header weightKg: 900 is outside the allowed range [0.5, 250] kg.",
            "pat.csv: header sex: 'x' is not known; allowed: female, male.",
        ], errors.Select(e => e.Line));
    }
}
