using TpoSim.Scenarios;
using TpoSim.Sensitivity;
using TpoSim.Simulation;
using TpoSim.Tests.Simulation;

namespace TpoSim.Tests.Sensitivity;

/// <summary>
/// The TPO model: the analysis's Richardson-extrapolated sensitivities (step h = 0.02 in ln p) against plain central
/// differences at a 20× smaller step (h = 1e-3) computed here straight from <see cref="Simulator.Run"/>. The two share no
/// runs, so agreement within 1e-5 relative checks the parameter wiring, the normalisation and the error of both.
/// </summary>
public class TpoModelLocalTests
{
    private const double SmallStep = 1e-3;

    private static double CentralDifference(Scenario scenario, string parameter, double nominal, Endpoint endpoint)
    {
        double At(double value)
        {
            var overrides = new Dictionary<string, double>(scenario.ParameterOverrides) { [parameter] = value };
            var run = Simulator.Run(scenario with { ParameterOverrides = overrides }, cancellation: TestContext.Current.CancellationToken);
            Assert.True(run.Succeeded, run.Diagnostic);
            return endpoint.Read(run);
        }
        var e0 = endpoint.Read(Simulator.Run(scenario, cancellation: TestContext.Current.CancellationToken));
        return (At(nominal * Math.Exp(SmallStep)) - At(nominal * Math.Exp(-SmallStep))) / (2 * SmallStep) / e0;
    }

    private static void AssertAgree(Scenario scenario, string[] parameters, string endpoints, double tolerance)
    {
        var (list, error) = EndpointGrammar.ParseList(endpoints, scenario.Days, false);
        Assert.Null(error);
        var analysis = ScenarioLocalAnalysis.Run(scenario, parameters, list, new LocalSensitivityOptions(0.02, 2));
        for (var i = 0; i < parameters.Length; i++)
        {
            for (var k = 0; k < list.Count; k++)
            {
                var s = analysis.Result.Values[i][k];
                var reference = CentralDifference(scenario, parameters[i], analysis.Result.Problem.Parameters[i].Nominal, list[k]);
                Assert.True(Math.Abs(s.Normalised - reference) <= tolerance * Math.Max(Math.Abs(reference), 1e-3),
                    $"{list[k].Name} / {parameters[i]}: S = {s.Normalised:R}, central difference {reference:R}");
                Assert.True(s.Reliable, $"{list[k].Name} / {parameters[i]} failed the error check ({s.ErrorEstimate})");
            }
        }
    }

    [Fact]
    public void Steady_state_sensitivities_in_liver_disease_match_central_differences()
    {
        // Child-Pugh C: the day-0 state is a Newton steady state (tolerance 1e-10), so differences are clean to ≈1e-7.
        var scenario = ScenarioTestHelpers.Parse("""
            { "patient": { "weightKg": 75, "sex": "male", "condition": { "name": "chronicLiverDisease", "childPugh": "C" } },
              "simulation": { "days": 1, "outputEveryDays": 0.5 } }
            """);
        AssertAgree(scenario, ["liverFunction", "splenicFraction", "emax", "kNonReceptor", "mkReceptorShare"], "tpo-steady,count-steady", 1e-5);
    }

    [Fact]
    public void Dynamic_sensitivities_after_chemotherapy_match_central_differences()
    {
        var scenario = ScenarioTestHelpers.Parse("""
            { "patient": { "weightKg": 70 }, "simulation": { "days": 20, "outputEveryDays": 0.5 },
              "events": [ { "type": "chemotherapy", "day": 1, "regimen": "carboplatin", "cycles": 1, "everyDays": 21 } ] }
            """);
        AssertAgree(scenario, ["emax", "mkMaturationDays", "plateletSenescenceDays"], "count@12,nadir", 1e-5);
        // Free TPO mid-course: the reference central difference at h = 1e-3 carries the integrator's error (relative
        // tolerance 1e-6) amplified by 1/h; measured 2e-5 to 2e-4 relative between h = 1e-3 and 1e-4, so 3e-4 here.
        AssertAgree(scenario, ["mkMaturationDays", "plateletSenescenceDays"], "tpo@8", 3e-4);
    }

    /// <summary>
    /// PK and PD parameters are inputs like any other (issue 13 item 5): eltrombopag's EC50 and central volume on day 21
    /// of daily 50 mg in ITP; a weaker drug (higher EC50, larger volume) gives a lower count, so both are negative.
    /// </summary>
    [Fact]
    public void Drug_parameter_sensitivities_match_central_differences()
    {
        var scenario = ScenarioTestHelpers.Parse("""
            { "patient": { "sex": "male", "condition": { "name": "itp", "severity": 0.6 } }, "simulation": { "days": 21, "outputEveryDays": 0.5 },
              "doses": [ { "drug": "eltrombopag", "route": "oral", "amount": 50, "unit": "mg", "day": 0, "everyDays": 1, "count": 21 } ] }
            """);
        AssertAgree(scenario, ["eltrombopagEc50", "eltrombopagCentralVolume"], "count@21", 1e-4);
        var (list, _) = EndpointGrammar.ParseList("count@21", scenario.Days, false);
        var analysis = ScenarioLocalAnalysis.Run(scenario, ["eltrombopagEc50"], list, new LocalSensitivityOptions(0.02, 2));
        Assert.True(analysis.Result.Values[0][0].Normalised < 0);
        Assert.Equal(18800, analysis.Result.Problem.Parameters[0].Nominal);
    }

    [Fact]
    public void Steady_state_endpoints_skip_the_time_course_and_read_the_same_values()
    {
        // 60 days of Child-Pugh C with nothing scheduled: tpo-steady and count-steady read day 0 only, so each evaluation
        // runs one output step; day 0 is the same Newton steady state, so the values agree to the last bit.
        var scenario = ScenarioTestHelpers.Parse("""
            { "patient": { "weightKg": 75, "sex": "male", "condition": { "name": "chronicLiverDisease", "childPugh": "C" } },
              "simulation": { "days": 60, "outputEveryDays": 0.5 } }
            """);
        var (endpoints, error) = EndpointGrammar.ParseList("tpo-steady,count-steady", scenario.Days, false);
        Assert.Null(error);
        Assert.Equal(0.5, ScenarioProblem.DayZeroRun(scenario, endpoints).Days);
        var (parameters, unknown) = ScenarioProblem.Resolve(scenario, ["liverFunction", "emax"]);
        Assert.Null(unknown);
        var problem = ScenarioProblem.Create(scenario, parameters, endpoints);
        double[] values = [parameters[0].Nominal * 0.8, parameters[1].Nominal * 1.2];
        var full = ScenarioProblem.Read(ScenarioProblem.Run(scenario, parameters, values), endpoints);
        Assert.Equal(full, problem.Evaluate(values));
        // A dynamic endpoint, or anything scheduled, keeps the whole span.
        var (nadir, _) = EndpointGrammar.ParseList("tpo-steady,nadir", scenario.Days, false);
        Assert.Equal(60, ScenarioProblem.DayZeroRun(scenario, nadir).Days);
    }
}
