using TpoSim.Dosing;
using TpoSim.Fitting;
using TpoSim.Physiology;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Tests.Fitting;

/// <summary>
/// A fit can estimate a drug's PD parameter (issue 13 item 5): the prior names eltrombopagEc50 like any catalogue
/// parameter, the fit's values reach the compiled model as overrides, and its values stay inside the module's range.
/// </summary>
public class DrugParameterFitTests
{
    private static readonly FitPrior Prior = new("itp",
    [
        new("eltrombopagEc50", 18800, 1.0, "ng/mL", "eltrombopag potency", "test prior: the module's EC50, CV 100% assumed"),
    ], ResidualError.Default);

    /// <summary>
    /// Noise-free counts on 50 mg daily from a patient whose EC50 is 7,000 ng/mL: the MAP estimate under the wide prior
    /// lands within 15% of the truth (8 counts at σ 0.15 outweigh the prior at ω 0.83), far from the prior's 18,800.
    /// </summary>
    [Fact]
    public void The_fit_recovers_a_pd_parameter()
    {
        var dose = new DoseRecord("eltrombopag", Route.Oral, 50, DoseUnit.Milligram, 0, 1, 27);
        var empty = new PatientHistory("elt", "eltrombopag", DoseUnit.Milligram, new Patient(70, Sex.Male),
            new ConditionChoice("itp", 0.5, new Dictionary<string, double>()), [dose], [], "synthetic");
        var truth = Simulator.Run(PatientScenario.Build(empty, Prior, [7000], 28, 0.25), cancellation: TestContext.Current.CancellationToken);
        Assert.True(truth.Succeeded, truth.Diagnostic);
        var observations = new[] { 0.0, 4, 7, 11, 14, 18, 21, 28 }
            .Select(day => new Observation(empty.Id, day, ObservationKind.Platelets, PatientScenario.At(truth, day, ObservationKind.Platelets)!.Value)).ToArray();
        var problem = new FitProblem(empty with { Observations = observations }, Prior);
        var fit = MapEstimator.Fit(problem, cancellation: TestContext.Current.CancellationToken);
        Assert.True(fit.Converged, fit.Message);
        Assert.InRange(fit.Values[0], 7000 * 0.85, 7000 * 1.15);
        // A step far beyond the prior is held inside the registry range [1, 1e6] ng/mL, not passed to the model as is.
        Assert.Equal(1e6, problem.ValuesAt([20])[0]);
    }
}
