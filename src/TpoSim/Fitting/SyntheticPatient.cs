using TpoSim.Dosing;
using TpoSim.Physiology;
using TpoSim.Policies;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Fitting;

/// <summary>How a synthetic patient is made (the "truth" of a test or an example file).</summary>
/// <param name="Values">True parameter values, in the prior's order.</param>
/// <param name="Policy">Label titration rule the patient was treated by (checks from day 0), or null for no drug.</param>
/// <param name="Weeks">Weeks of history (weekly counts for a weekly rule or without a drug).</param>
/// <param name="AssayCv">CV of the multiplicative noise on each measured count (the counts the rule decided on).</param>
/// <param name="Seed">Seed of the noise (and of the activity fluctuation when <see cref="ActivityCv"/> &gt; 0).</param>
/// <param name="Patient">Weight and sex.</param>
public sealed record SyntheticPatientSpec(IReadOnlyList<double> Values, string? Policy, int Weeks, double AssayCv, int Seed, Patient Patient)
{
    /// <summary>
    /// Days with a measured count besides the rule's checks (null: none with a rule; weekly from day 0 without one).
    /// Days at or after the end of the history (7 × <see cref="Weeks"/>) are dropped.
    /// </summary>
    public IReadOnlyList<double>? ObservationDays { get; init; }

    /// <summary>Chemotherapy cycles and other events of the history (kept in the history, as its file's header lines).</summary>
    public IReadOnlyList<ScenarioEvent> Events { get; init; } = [];

    /// <summary>Day the rule takes over (its first check and dose), days; 0 by default.</summary>
    public double TreatmentStartDay { get; init; }

    /// <summary>The true week-to-week disease-activity fluctuation (the itp preset's activityCv; 0 = constant activity).</summary>
    public double ActivityCv { get; init; }
}

/// <summary>
/// Makes a patient history with known parameters: the model patient is treated by a label rule (simulator titration),
/// and the history is the doses the rule gave plus the noisy counts it decided on, with any extra measured days.
/// A course rule (lusutrombopag, avatrombopag before a procedure) runs its own check schedule and length; a ladder
/// rule checks weekly for the whole history.
/// </summary>
public static class SyntheticPatient
{
    /// <summary>The history of <paramref name="spec"/> under <paramref name="prior"/> (ID "synthetic").</summary>
    /// <exception cref="InvalidOperationException">The simulation failed.</exception>
    public static PatientHistory Generate(SyntheticPatientSpec spec, FitPrior prior)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(prior);
        var drug = spec.Policy is null ? null : TitrationCatalog.DrugOf(spec.Policy);
        var unit = drug == "romiplostim" ? DoseUnit.MicrogramPerKg : DoseUnit.Milligram;
        var choice = spec.ActivityCv > 0
            ? prior.Choice with { Options = new Dictionary<string, double>(prior.Choice.Options) { [Conditions.ConditionCatalog.ActivityCvOption] = spec.ActivityCv } }
            : prior.Choice;
        var empty = new PatientHistory("synthetic", drug, unit, spec.Patient, choice, [], [], "synthetic") { PriorName = prior.Condition, Events = spec.Events };
        var days = 7.0 * spec.Weeks;
        TitrationSpec? titration = null;
        if (spec.Policy is not null)
        {
            var course = TitrationCatalog.DefaultDays(spec.Policy);
            titration = course is null
                ? new TitrationSpec(spec.Policy, CheckEveryDays: 7, Days: days - spec.TreatmentStartDay, AssayCv: spec.AssayCv, Seed: spec.Seed, StartDay: spec.TreatmentStartDay)
                : new TitrationSpec(spec.Policy, AssayCv: spec.AssayCv, Seed: spec.Seed, StartDay: spec.TreatmentStartDay);
        }
        var scenario = PatientScenario.Build(empty, prior, spec.Values, days, 1, doses: [], titration: titration) with { Seed = spec.Seed };
        var result = Simulator.Run(scenario);
        if (!result.Succeeded) throw new InvalidOperationException($"synthetic patient: {result.Diagnostic}");
        var doses = new List<DoseRecord>();
        var observations = new List<Observation>();
        if (titration is not null)
        {
            var route = TitrationCatalog.Create(titration).Route;
            doses.AddRange(result.Titration!.Doses.Select(d => new DoseRecord(drug!, route, d.Amount, unit, d.Day, 0, 1)));
            observations.AddRange(result.Titration.Decisions.Select(d => Count(d.Day, d.Measured)));
        }
        var extra = spec.ObservationDays ?? (titration is null ? Enumerable.Range(0, spec.Weeks).Select(k => 7.0 * k).ToArray() : []);
        // Extra counts get their own noise stream, so adding them does not move the rule's decisions.
        var noise = new AssayNoise(spec.AssayCv, spec.Seed + 7919);
        foreach (var day in extra.Where(d => d < days - 1e-9 && observations.All(o => Math.Abs(o.TimeDays - d) > 1e-9)).Order())
            observations.Add(Count(day, noise.Measure(PatientScenario.At(result, day, ObservationKind.Platelets)!.Value)));
        return empty with { Doses = doses, Observations = observations.OrderBy(o => o.TimeDays).ToArray() };
    }

    private static Observation Count(double day, double measured) =>
        new("synthetic", day, ObservationKind.Platelets, Math.Max(1, Math.Round(measured)));
}
