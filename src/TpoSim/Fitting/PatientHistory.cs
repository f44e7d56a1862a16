using TpoSim.Dosing;
using TpoSim.Physiology;
using TpoSim.Scenarios;

namespace TpoSim.Fitting;

/// <summary>
/// One patient's history: the doses given and the counts measured, on the time axis of the file (day 0 = the first
/// row's time origin; the patient is assumed at the untreated steady state of the condition at day 0).
/// </summary>
/// <param name="Id">The ID column.</param>
/// <param name="Drug">The TPO receptor agonist dosed (<see cref="Drugs.DrugCatalog"/>), or null when no dose was given.</param>
/// <param name="Unit">Unit of the dose amounts.</param>
/// <param name="Patient">Weight and sex (µg/kg doses are scaled by the weight).</param>
/// <param name="Condition">The condition preset the prior applies (<see cref="FitPrior.Choice"/>).</param>
/// <param name="Doses">Every dose, one record per administration, in time order.</param>
/// <param name="Observations">Platelet counts (10^9/L) and TPO (pg/mL), in time order.</param>
/// <param name="Source">File name, for titles and messages.</param>
public sealed record PatientHistory(
    string Id,
    string? Drug,
    DoseUnit Unit,
    Patient Patient,
    ConditionChoice Condition,
    IReadOnlyList<DoseRecord> Doses,
    IReadOnlyList<Observation> Observations,
    string Source)
{
    /// <summary>The prior the history is fitted with (<see cref="FitPriors.Names"/>; the file's <c># condition:</c> line).</summary>
    public string PriorName { get; init; } = "itp";

    /// <summary>
    /// Scenario events of the history besides doses: chemotherapy cycles (the file's <c># chemotherapy:</c> lines),
    /// past and planned; a forecast keeps the planned ones.
    /// </summary>
    public IReadOnlyList<ScenarioEvent> Events { get; init; } = [];

    /// <summary>The observations the fit uses: platelets and TPO (drug concentrations are not modelled per patient).</summary>
    public IReadOnlyList<Observation> Fitted => Observations.Where(o => o.Kind is ObservationKind.Platelets or ObservationKind.Tpo).ToArray();

    /// <summary>Day of the latest fitted observation: the day a forecast decides from.</summary>
    public double LastObservationDay => Fitted.Count == 0 ? 0 : Fitted.Max(o => o.TimeDays);

    /// <summary>Last day with a dose or an observation.</summary>
    public double EndDay => Math.Max(LastObservationDay, Doses.Count == 0 ? 0 : Doses.Max(d => d.Day));

    /// <summary>The latest measured platelet count, 10^9/L, or null.</summary>
    public Observation? LastPlatelets => Observations.Where(o => o.Kind == ObservationKind.Platelets).MaxBy(o => o.TimeDays);

    /// <summary>The amount of the latest dose before <paramref name="day"/>, or 0 when none (in <see cref="Unit"/>).</summary>
    public double CurrentDose(double day) => Doses.Where(d => d.Day < day - 1e-9).Select(d => d.Amount).LastOrDefault();

    /// <summary>The doses strictly before <paramref name="day"/> (a regimen decides from that day on).</summary>
    public IReadOnlyList<DoseRecord> DosesBefore(double day) => Doses.Where(d => d.Day < day - 1e-9).ToArray();
}
