namespace TpoSim.Model.Sbml;

/// <summary>
/// One scenario's model, ready for SBML: the composed definition, the scenario's values of its declared parameters,
/// the simulator's day-0 state and the scheduled edits (doses, transfusions, procedures, parameter changes) as events.
/// </summary>
/// <param name="Definition">The composed model definition (core and the dosed drugs' modules).</param>
/// <param name="ParameterValues">Values of declared parameters that differ from their defaults (condition, overrides, covariates), by name.</param>
/// <param name="InitialState">The day-0 state, in <see cref="ModelDefinition.States"/> order.</param>
/// <param name="Events">Scheduled edits, in the order the simulator applies them.</param>
/// <param name="Title">The scenario's name.</param>
/// <param name="Description">What the scenario is, and what of it is not in the file.</param>
public sealed record SbmlModel(
    ModelDefinition Definition,
    IReadOnlyDictionary<string, double> ParameterValues,
    IReadOnlyList<double> InitialState,
    IReadOnlyList<SbmlEvent> Events,
    string Title,
    string Description);

/// <summary>An edit at a fixed day: new values for states or parameters, each computed from the values just before.</summary>
/// <param name="Day">When, days from the start.</param>
/// <param name="Label">What it is (dose, transfusion, …), for the event's name.</param>
/// <param name="Assignments">The edits.</param>
public sealed record SbmlEvent(double Day, string Label, IReadOnlyList<SbmlAssignment> Assignments);

/// <summary><paramref name="Target"/> := <paramref name="Value"/>, where the value may read the target's value before the event.</summary>
/// <param name="Target">A state or a declared parameter.</param>
/// <param name="Value">The new value, an expression of states, parameters and time.</param>
public sealed record SbmlAssignment(SymbolExpr Target, Expr Value);
