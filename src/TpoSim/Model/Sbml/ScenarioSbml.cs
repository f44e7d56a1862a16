using System.Globalization;
using TpoSim.Physiology;
using TpoSim.Scenarios;
using TpoSim.Simulation;

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
/// The events are the simulator's own compiled schedule (<see cref="SimulationPlan.Events"/>), translated edit by edit.
/// Titration, procedures and a fluctuating ITP activity are refused with their JSON path (docs/sbml.md).
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

        var plan = Simulator.Compile(scenario);
        if (plan.DayZeroFailure is { } failure) return new SbmlExport(null, Day0Failure: failure);
        var definition = plan.Model.Compiled.Definition;
        var p = plan.DayZeroParameters;
        var values = new Dictionary<string, double>();
        for (var k = 0; k < definition.Parameters.Count; k++)
            if (p[k] != definition.Parameters[k].Value) values[definition.Parameters[k].Name] = p[k];

        var events = plan.Events.Where(e => e.Day <= scenario.Days)
            .Select(e => new SbmlEvent(e.Day, e.Label, Assignments(e.Edit, definition, plan.Model).ToArray())).ToList();
        var description = $"{scenario.Description} Day-0 state: {plan.InitialStateMethod}. Parameters at this scenario's values (defaults, condition, overrides, covariates).";
        return new SbmlExport(new SbmlModel(definition, values, plan.CopyState(), events, scenario.Name, description.Trim()));
    }

    private static SbmlExport Refuse(string path, string message) => new(null, new SbmlUnsupported(path, message));

    /// <summary>The SBML assignments of one scheduled edit of the simulator's plan (the same amounts, times and order).</summary>
    private static IEnumerable<SbmlAssignment> Assignments(ModelEdit edit, ModelDefinition definition, AssembledModel model)
    {
        switch (edit)
        {
            case AddToStates add:
                for (var i = add.First; i < add.First + add.Count; i++) yield return Add(definition.States[i], add.Amount);
                break;
            case SetParameter set:
            {
                var name = model.Compiled.ParameterNames[set.Index];
                yield return new SbmlAssignment(Expr.Parameter(name), Value(set.Value, definition.Parameter(name)!.Unit));
                break;
            }
            case SetParameterIfUnchanged guarded:
            {
                // Flip only while the guard (the dose clock) still holds the value it had when the edit was scheduled.
                var name = model.Compiled.ParameterNames[guarded.Index];
                var guardName = model.Compiled.ParameterNames[guarded.GuardIndex];
                var guard = definition.Parameter(guardName)!;
                var target = Expr.Parameter(name);
                var g = Expr.Parameter(guardName);
                var eps = Value(1e-9 * Math.Max(1, Math.Abs(guarded.GuardValue)), guard.Unit);
                var at = Value(guarded.GuardValue, guard.Unit);
                yield return new SbmlAssignment(target,
                    Expr.IfLess(g, at + eps, Expr.IfLess(at - eps, g, Value(guarded.Value, definition.Parameter(name)!.Unit), target), target));
                break;
            }
            case EditSequence sequence:
                foreach (var inner in sequence.Edits)
                    foreach (var a in Assignments(inner, definition, model)) yield return a;
                break;
            default:
                throw new InvalidOperationException($"The edit {edit} has no SBML form (the export refuses its scenario event first).");
        }
    }

    private static SbmlAssignment Add(StateDefinition state, double amount) =>
        new(Expr.State(state.Name), Expr.State(state.Name) + Value(amount, state.Unit));

    private static Expr Value(double value, string unit) => UnitParser.Parse(unit).IsOne ? Expr.Constant(value) : Expr.Quantity(value, unit);
}
