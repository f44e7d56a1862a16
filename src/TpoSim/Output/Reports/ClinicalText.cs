using System.Globalization;
using TpoSim.Conditions;
using TpoSim.Dosing;
using TpoSim.Scenarios;

namespace TpoSim.Output.Reports;

/// <summary>One administration as given, with the dose as ordered.</summary>
/// <param name="Drug">Drug name.</param>
/// <param name="Day">Day given.</param>
/// <param name="Route">Route.</param>
/// <param name="Micrograms">Absolute amount, µg.</param>
/// <param name="Amount">Amount in the ordered unit.</param>
/// <param name="Unit">Ordered unit ("mg", "µg", "µg/kg").</param>
/// <param name="Titrated">Given by the titration policy.</param>
public sealed record GivenDoseText(string Drug, double Day, Route Route, double Micrograms, double Amount, string Unit, bool Titrated)
{
    /// <summary>"50 mg".</summary>
    public string Text => ClinicalText.Dose(Amount, Unit);
}

/// <summary>How the plot, the report and the summary say a scenario's conditions and doses: as a clinician writes them.</summary>
public static class ClinicalText
{
    /// <summary>"ITP, severity 0.35", "Child-Pugh B", "healthy"; several conditions joined by "; ".</summary>
    public static string Conditions(Scenario scenario) =>
        scenario.Conditions.Count == 0
            ? "healthy"
            : string.Join("; ", scenario.Conditions.Select(c => ConditionCatalog.Get(c.Name)?.ClinicalLabel(c.Severity, c.Options) ?? c.Label));

    /// <summary>A dose in the unit it was ordered in: "50 mg", "1 µg/kg".</summary>
    public static string Dose(double amount, string unit) => $"{amount.ToString("0.###", CultureInfo.InvariantCulture)} {unit}";

    /// <summary>A scenario dose as ordered.</summary>
    public static string Dose(DoseRecord dose) => Dose(dose.Amount, DoseUnits.Symbol(dose.Unit));

    /// <summary>Every dose given within the run (scenario doses and titrated doses), in time order, as ordered.</summary>
    public static IReadOnlyList<GivenDoseText> DosesGiven(Simulation.SimulationResult result)
    {
        var scenario = result.Scenario;
        var weight = scenario.Patient.BodyWeightKg;
        var doses = scenario.Doses.SelectMany(d => d.Times().Where(t => t <= scenario.Days)
            .Select(t => new GivenDoseText(d.Drug, t, d.Route, d.Micrograms(weight), d.Amount, DoseUnits.Symbol(d.Unit), false)));
        if (result.Titration is { } log && scenario.Titration is { } spec)
        {
            var route = Policies.TitrationCatalog.Create(spec).Route;
            var drug = Policies.TitrationCatalog.DrugOf(log.Policy);
            doses = doses.Concat(log.Doses.Select(d => new GivenDoseText(drug, d.Day, route, d.Micrograms, d.Amount, d.Unit, true)));
        }
        return doses.OrderBy(d => d.Day).ToArray();
    }

    /// <summary>"weight 70 kg, female adult".</summary>
    public static string Patient(Scenario scenario) =>
        $"{scenario.Patient.BodyWeightKg.ToString("0.#", CultureInfo.InvariantCulture)} kg {scenario.Patient.Sex.ToString().ToLowerInvariant()}, {scenario.Patient.AgeGroup.ToString().ToLowerInvariant()}";
}
