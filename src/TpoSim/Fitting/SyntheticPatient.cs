using TpoSim.Dosing;
using TpoSim.Physiology;
using TpoSim.Policies;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Fitting;

/// <summary>How a synthetic patient is made (the "truth" of a test or an example file).</summary>
/// <param name="Values">True parameter values, in the prior's order.</param>
/// <param name="Policy">Label titration rule the patient was treated by (weekly checks from day 0).</param>
/// <param name="Weeks">Weeks of treatment and weekly counts.</param>
/// <param name="AssayCv">CV of the multiplicative noise on each measured count (the counts the rule decided on).</param>
/// <param name="Seed">Seed of the noise.</param>
/// <param name="Patient">Weight and sex.</param>
public sealed record SyntheticPatientSpec(IReadOnlyList<double> Values, string Policy, int Weeks, double AssayCv, int Seed, Patient Patient);

/// <summary>
/// Makes a patient history with known parameters: the model patient is treated by a label rule (simulator titration),
/// and the history is the doses the rule gave plus the noisy counts it decided on, at weekly checks.
/// </summary>
public static class SyntheticPatient
{
    /// <summary>The history of <paramref name="spec"/> under <paramref name="prior"/> (ID "synthetic").</summary>
    /// <exception cref="InvalidOperationException">The simulation failed.</exception>
    public static PatientHistory Generate(SyntheticPatientSpec spec, FitPrior prior)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(prior);
        var drug = TitrationCatalog.DrugOf(spec.Policy);
        var unit = drug == "romiplostim" ? DoseUnit.MicrogramPerKg : DoseUnit.Milligram;
        var empty = new PatientHistory("synthetic", drug, unit, spec.Patient, new ConditionChoice(prior.Condition, 0.5, new Dictionary<string, double>()), [], [], "synthetic");
        var days = 7.0 * spec.Weeks;
        var titration = new TitrationSpec(spec.Policy, CheckEveryDays: 7, Days: days, AssayCv: spec.AssayCv, Seed: spec.Seed);
        var result = Simulator.Run(PatientScenario.Build(empty, prior, spec.Values, days, 1, doses: [], titration: titration));
        if (!result.Succeeded) throw new InvalidOperationException($"synthetic patient: {result.Diagnostic}");
        var route = TitrationCatalog.Create(titration).Route;
        var doses = result.Titration!.Doses.Select(d => new DoseRecord(drug, route, d.Amount, unit, d.Day, 0, 1)).ToArray();
        var observations = result.Titration.Decisions
            .Select(d => new Observation("synthetic", d.Day, ObservationKind.Platelets, Math.Max(1, Math.Round(d.Measured))))
            .ToArray();
        return empty with { Doses = doses, Observations = observations };
    }
}
