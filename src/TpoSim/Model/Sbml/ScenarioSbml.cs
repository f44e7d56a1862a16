using System.Globalization;
using TpoSim.Drugs;
using TpoSim.Drugs.Modules;
using TpoSim.Drugs.Pharmacokinetics;
using TpoSim.Physiology;
using TpoSim.Scenarios;
using TpoSim.Simulation;
using TpoSim.Units;

namespace TpoSim.Model.Sbml;

/// <summary>A part of a scenario SBML cannot hold: its JSON path and why.</summary>
/// <param name="Path">JSON path in the scenario (e.g. <c>titration</c>, <c>events[2]</c>).</param>
/// <param name="Message">Why it cannot be exported.</param>
public sealed record SbmlUnsupported(string Path, string Message);

/// <summary>The outcome of <see cref="ScenarioSbml.Export"/>: a model, or what cannot be exported, or why there is no day-0 state.</summary>
/// <param name="Model">The model to write, when everything could be exported.</param>
/// <param name="Unsupported">The first part of the scenario SBML cannot hold.</param>
/// <param name="Day0Failure">Why the patient has no steady state at day 0.</param>
public sealed record SbmlExport(SbmlModel? Model, SbmlUnsupported? Unsupported = null, string? Day0Failure = null);

/// <summary>
/// A scenario's model for SBML: the composed declarative definition (<see cref="TpoModelAssembly"/>) at the scenario's
/// parameter values, the simulator's own day-0 state (<see cref="Simulator.InitialState"/>), and its transfusions,
/// parameter changes and doses as events with the simulator's amounts, times and order (scenario events before doses at
/// a shared day, each in file order).
/// </summary>
/// <remarks>
/// Until the simulator compiles a typed event schedule (issue 13 item 3), the amounts come from the same sources the
/// simulator's event closures read (blood and plasma volumes, <see cref="IPharmacokineticModel.DoseInput"/>). Titration,
/// procedures and a fluctuating ITP activity are refused with their JSON path (docs/sbml.md).
/// </remarks>
public static class ScenarioSbml
{
    /// <summary>The SBML model of <paramref name="scenario"/>, or what stops its export.</summary>
    public static SbmlExport Export(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Titration is not null)
            return Refuse("titration", "a titration policy reads a measured count with assay noise and decides each dose; SBML core cannot express it");
        if (Simulator.ActivityFluctuationOf(scenario) is not null)
            return Refuse("patient.condition.activityCv", "a fluctuating ITP activity is not exported yet; set activityCv to 0");
        for (var i = 0; i < scenario.Events.Count; i++)
        {
            if (scenario.Events[i] is not (PlateletTransfusion or ParameterChange))
                return Refuse($"events[{i}]", $"the procedure '{scenario.Events[i].Label}' is not exported yet (transfusions and setParameter are)");
        }

        var parameters = Simulator.ParametersFor(scenario);
        var patient = Simulator.PatientFor(scenario);
        var pkModels = Simulator.CoupledDrugs(scenario).Select(scenario.PkModelOf).ToArray();
        var definition = TpoModelAssembly.Definition(patient.AgeGroup, pkModels);
        var compiled = TpoModelAssembly.Compile(patient.AgeGroup, pkModels);
        var p = TpoModelAssembly.Parameters(compiled, parameters, patient);
        var model = new TpoPlateletModel(parameters, patient, pkModels);
        var (y0, method, failure) = Simulator.InitialState(model, parameters);
        if (failure is not null) return new SbmlExport(null, Day0Failure: failure);
        if (y0.Length != definition.States.Count)
            throw new InvalidOperationException($"The simulator's state has {y0.Length} entries, the definition {definition.States.Count}.");

        var values = new Dictionary<string, double>();
        for (var k = 0; k < definition.Parameters.Count; k++)
            if (p[k] != definition.Parameters[k].Value) values[definition.Parameters[k].Name] = p[k];

        var events = Events(scenario, definition, model);
        var description = $"{scenario.Description} Day-0 state: {method}. Parameters at this scenario's values (defaults, condition, overrides, covariates).";
        return new SbmlExport(new SbmlModel(definition, values, y0, events, scenario.Name, description.Trim()));
    }

    private static SbmlExport Refuse(string path, string message) => new(null, new SbmlUnsupported(path, message));

    private static List<SbmlEvent> Events(Scenario scenario, ModelDefinition definition, TpoPlateletModel model)
    {
        // Scenario events first, then doses; a stable sort by day keeps that order and the file order at a shared day.
        var items = new List<SbmlEvent>();
        foreach (var e in scenario.Events)
        {
            switch (e)
            {
                case PlateletTransfusion tr:
                {
                    // TpoPlateletModel.AddPlatelets: spread evenly over the age compartments of the whole-body pool.
                    var share = tr.PlateletsE9 / model.BloodVolumeLitres / StateLayout.PlateletAgeCompartments;
                    items.Add(new SbmlEvent(tr.Day, tr.Label, Enumerable.Range(StateLayout.FirstPlatelet, StateLayout.PlateletAgeCompartments)
                        .Select(i => Add(definition.States[i], share)).ToArray()));
                    break;
                }
                case ParameterChange pc:
                {
                    var unit = definition.Parameter(pc.Parameter)?.Unit ?? throw new InvalidOperationException($"No parameter '{pc.Parameter}' in the model.");
                    items.Add(new SbmlEvent(pc.Day, pc.Label, [new SbmlAssignment(Expr.Parameter(pc.Parameter), Value(pc.Value, unit))]));
                    break;
                }
            }
        }
        foreach (var dose in scenario.Doses)
        {
            var micrograms = dose.Micrograms(scenario.Patient.BodyWeightKg);
            var label = $"{dose.Drug} {micrograms.ToString("G4", CultureInfo.InvariantCulture)} µg {dose.Route}";
            foreach (var day in dose.Times())
            {
                if (dose.Drug == DrugCatalog.RecombinantTpo.Name)
                {
                    // TpoPlateletModel.AddTpo: the bolus dissolves in plasma.
                    var pM = TpoUnits.MicrogramsTpoToPicomoles(micrograms) / model.PlasmaVolumeLitres;
                    items.Add(new SbmlEvent(day, label, [Add(definition.States[StateLayout.FreeTpo], pM)]));
                    continue;
                }
                var module = DrugModuleCatalog.Find(scenario.PkModelOf(dose.Drug)) ?? throw new InvalidOperationException($"No module for {dose.Drug}.");
                var route = module.RouteFor(dose.Route) ?? throw new InvalidOperationException($"{dose.Drug} has no {dose.Route} route.");
                var input = (model.Drug(dose.Drug) ?? throw new InvalidOperationException($"No PK model for {dose.Drug}.")).Pk.DoseInput(dose.Route);
                var relative = dose.WithPolyvalentCations && model.Drug(dose.Drug)!.Pk is EltrombopagPk elt ? elt.CationRelativeBioavailability : 1;
                var amount = micrograms * input.Bioavailability * relative;
                var state = definition.State(route.State) ?? throw new InvalidOperationException($"No state '{route.State}'.");
                // The dose clock (time-since-dose switches) starts at the nominal time; the amount arrives after the lag.
                var clock = new SbmlAssignment(Expr.Parameter(module.LastDoseParameter), Expr.Quantity(day, "day"));
                if (input.LagDays > 0)
                {
                    items.Add(new SbmlEvent(day, label, [clock]));
                    if (day + input.LagDays <= scenario.Days) items.Add(new SbmlEvent(day + input.LagDays, label + " (absorbed)", [Add(state, amount)]));
                }
                else items.Add(new SbmlEvent(day, label, [clock, Add(state, amount)]));
            }
        }
        return items.Where(e => e.Day <= scenario.Days).OrderBy(e => e.Day).ToList();
    }

    private static SbmlAssignment Add(StateDefinition state, double amount) =>
        new(Expr.State(state.Name), Expr.State(state.Name) + Value(amount, state.Unit));

    private static Expr Value(double value, string unit) => UnitParser.Parse(unit).IsOne ? Expr.Constant(value) : Expr.Quantity(value, unit);
}
