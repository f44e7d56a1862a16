using TpoSim.Drugs.Modules;
using TpoSim.Physiology;
using TpoSim.Policies;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Tests.Drugs;

/// <summary>
/// The scenario patient's sex, East Asian ancestry and chronic liver disease reach eltrombopag's PK as Farrell 2014's
/// covariates on apparent clearance (drugs.md: CL/F × 0.622 female, × 0.476 East Asian, × 0.536·(1 − 0.113·(CP − 5))
/// with liver disease), and the label titration's start-dose flags follow the same patient.
/// </summary>
public class EltrombopagCovariateTests
{
    private static Scenario Parse(string patient, string titration = "")
    {
        var parsed = ScenarioParser.Parse($$"""{ "patient": {{patient}}, "simulation": { "days": 60 }{{titration}} }""");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        return parsed.Value!;
    }

    /// <summary>AUC of one 50 mg dose to day 60 (≥ 10 half-lives even at Child-Pugh C), ng·day/mL, through the scenario's patient.</summary>
    private static double Auc(string patient)
    {
        var scenario = Parse(patient);
        return TpoSim.Drugs.Modules.PkOnlySimulation.Simulate("eltrombopag", Simulator.PatientFor(scenario),
            [new TpoSim.Dosing.Dose(0, 50, DoseUnit.Milligram, Route.Oral)], 250, 60, 1).AucNgDayPerMl;
    }

    private const string Reference = """{ "sex": "male" }""";

    public static TheoryData<string, double> Cases => new()
    {
        { """{ "sex": "female" }""", 1 / 0.622 },
        { """{ "sex": "male", "eastAsian": true }""", 1 / 0.476 },
        { """{ "sex": "female", "eastAsian": true }""", 1 / (0.622 * 0.476) },
        // Child-Pugh scores: A 5.5, B 8 (class midpoints), C 12.
        { """{ "sex": "male", "condition": { "name": "chronicLiverDisease", "childPugh": "A" } }""", 1 / (0.536 * (1 - 0.113 * 0.5)) },
        { """{ "sex": "male", "condition": { "name": "chronicLiverDisease", "childPugh": "B" } }""", 1 / (0.536 * (1 - 0.113 * 3)) },
        { """{ "sex": "male", "condition": { "name": "chronicLiverDisease", "childPugh": "C" } }""", 1 / (0.536 * (1 - 0.113 * 7)) },
        { """{ "sex": "male", "condition": { "name": "itp", "severity": 0.5 } }""", 1.0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Auc_ratio_to_the_reference_man_is_the_inverse_clearance_factor(string patient, double expected)
    {
        // Linear PK: AUC0–∞ = F·dose/(CL/F), so the ratio is exactly 1/factor; 0.5% allows the truncation at day 60
        // and the solver tolerance.
        Assert.Equal(expected, Auc(patient) / Auc(Reference), expected * 5e-3);
    }

    [Theory]
    [InlineData(1.0 / 6, 5.25)]
    [InlineData(1.0 / 3, 5.5)]
    [InlineData(0.5, 6.75)]
    [InlineData(1.0, 12)]
    public void Child_pugh_score_follows_the_liver_disease_severity(double severity, double score)
    {
        Assert.Equal(score, ChildPugh.ScoreOf(severity)!.Value, 9);
        Assert.Null(ChildPugh.ScoreOf(0));
    }

    [Theory]
    [InlineData("""{ "condition": { "name": "itp", "severity": 0.4 } }""", 50)]
    [InlineData("""{ "eastAsian": true, "condition": { "name": "itp", "severity": 0.4 } }""", 25)]
    [InlineData("""{ "conditions": [ { "name": "itp", "severity": 0.4 }, { "name": "chronicLiverDisease", "childPugh": "A" } ] }""", 25)]
    [InlineData("""{ "eastAsian": true, "conditions": [ { "name": "itp", "severity": 0.4 }, { "name": "chronicLiverDisease", "childPugh": "B" } ] }""", 12.5)]
    public void Titration_start_dose_follows_the_patients_covariates(string patient, double start)
    {
        var spec = Parse(patient, """, "titration": { "policy": "eltrombopag-itp-label" }""").Titration!;
        var p = TitrationCatalog.Create(spec);
        Assert.Equal(start, p.Decide(0, 20).Dose);
    }

    [Fact]
    public void A_titration_flag_that_contradicts_the_patient_is_an_error()
    {
        var east = ScenarioParser.Parse("""{ "titration": { "policy": "eltrombopag-itp-label", "eastAsian": true } }""");
        Assert.Equal("$.titration.eastAsian", Assert.Single(east.Errors).Path);
        var liver = ScenarioParser.Parse("""{ "patient": { "condition": { "name": "chronicLiverDisease", "childPugh": "B" } }, "titration": { "policy": "eltrombopag-itp-label", "hepaticImpairment": false } }""");
        Assert.Contains("allowed: true or leave it out", Assert.Single(liver.Errors).Message);
        Assert.True(ScenarioParser.Parse("""{ "patient": { "eastAsian": true }, "titration": { "policy": "eltrombopag-itp-label", "eastAsian": true } }""").Succeeded);
    }
}
