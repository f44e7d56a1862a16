using TpoSim.Parameters;

namespace TpoSim.Model;

/// <summary>
/// A state (compartment) of a model: its name, unit, meaning, rate dy/dt (in <see cref="Unit"/> per day) and initial
/// value (an expression of parameters: a number, or a set-point rule).
/// </summary>
/// <param name="Name">Name, unique in the model (camelCase).</param>
/// <param name="Unit">Unit text (<see cref="UnitParser.Parse"/>).</param>
/// <param name="Meaning">What it is, in a phrase.</param>
/// <param name="Rate">dy/dt, per day.</param>
/// <param name="Initial">Initial (day-0) value, an expression of parameters only.</param>
public sealed record StateDefinition(string Name, string Unit, string Meaning, Expr Rate, Expr Initial);

/// <summary>One parameter of a model's registry: value, unit, allowed range, kind, meaning and source.</summary>
/// <param name="Name">Name used in scenarios, tables and the CLI (camelCase).</param>
/// <param name="Value">Default value in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit text (<see cref="UnitParser.Parse"/>).</param>
/// <param name="Minimum">Smallest allowed value (inclusive).</param>
/// <param name="Maximum">Largest allowed value (inclusive).</param>
/// <param name="Kind">Role in the set-point derivation.</param>
/// <param name="Description">What it means, in a sentence.</param>
/// <param name="Source">A citation, or "assumed: " and the reason.</param>
public sealed record ModelParameter(
    string Name, double Value, string Unit, double Minimum, double Maximum, ParameterKind Kind, string Description, string Source)
{
    /// <summary>True when <paramref name="value"/> is finite and inside [Minimum, Maximum].</summary>
    public bool Allows(double value) => double.IsFinite(value) && value >= Minimum && value <= Maximum;

    /// <summary>The allowed range with its unit, as messages print it.</summary>
    public string RangeText => $"[{Parameters.ParameterDefinition.Format(Minimum)}, {Parameters.ParameterDefinition.Format(Maximum)}] {Unit}";
}

/// <summary>
/// A named quantity defined by an expression: an intermediate of the rates, an observable (model output), or a derived
/// parameter (a function of parameters only, evaluated once when the parameter vector is filled).
/// </summary>
/// <param name="Name">Name, unique in the model.</param>
/// <param name="Unit">Declared unit; <see cref="DimensionAnalysis"/> checks the expression against it.</param>
/// <param name="Meaning">What it is, and where its formula comes from.</param>
/// <param name="Value">The defining expression (it may reference earlier variables only).</param>
/// <param name="Observable">True for a model output (platelets, free TPO, occupancy, …).</param>
public sealed record VariableDefinition(string Name, string Unit, string Meaning, Expr Value, bool Observable = false);

/// <summary>
/// A model as data: states with their rates and initial values, one parameter registry, derived parameters and
/// variables (intermediates and observables). Compile it with <see cref="ModelCompiler.Compile"/>; check its units with
/// <see cref="DimensionAnalysis.Check"/>. Immutable; <see cref="Compose"/> appends a module (a drug's PK/PD).
/// </summary>
/// <param name="Name">Model name.</param>
/// <param name="States">States in vector order.</param>
/// <param name="Parameters">Declared parameters, in vector order (the first entries of p).</param>
/// <param name="DerivedParameters">Parameters computed from others (set-point constants), after the declared ones in p.</param>
/// <param name="Variables">Intermediates and observables, in evaluation order.</param>
public sealed record ModelDefinition(
    string Name,
    IReadOnlyList<StateDefinition> States,
    IReadOnlyList<ModelParameter> Parameters,
    IReadOnlyList<VariableDefinition> DerivedParameters,
    IReadOnlyList<VariableDefinition> Variables)
{
    /// <summary>
    /// This model with <paramref name="module"/>'s states, parameters, derived parameters and variables appended (a
    /// module's variables come after this model's, so it may read them). A module variable whose name is already defined
    /// here is not a new variable: it replaces the existing definition (how a drug module enters a core slot such as the
    /// TPO-site drug ratio, whose core definition is 0); the replacement may reference the replaced definition by
    /// <see cref="Expr.Variable"/> of the same name, read as its previous value.
    /// </summary>
    /// <exception cref="ArgumentException">A state or parameter name defined twice.</exception>
    public ModelDefinition Compose(ModelDefinition module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var stateClash = States.Select(s => s.Name).Intersect(module.States.Select(s => s.Name)).FirstOrDefault();
        if (stateClash is not null) throw new ArgumentException($"State '{stateClash}' is defined by both '{Name}' and '{module.Name}'.", nameof(module));
        var parameterNames = Parameters.Select(p => p.Name).Concat(DerivedParameters.Select(p => p.Name)).ToHashSet();
        var parameterClash = module.Parameters.Select(p => p.Name).Concat(module.DerivedParameters.Select(p => p.Name)).FirstOrDefault(parameterNames.Contains);
        if (parameterClash is not null) throw new ArgumentException($"Parameter '{parameterClash}' is defined by both '{Name}' and '{module.Name}'.", nameof(module));

        var variables = Variables.ToList();
        foreach (var v in module.Variables)
        {
            var i = variables.FindIndex(x => x.Name == v.Name);
            if (i < 0) { variables.Add(v); continue; }
            // Inline the previous definition where the replacement refers to itself, then keep the slot's position.
            var previous = variables[i];
            variables[i] = previous with { Value = Substitution.Replace(v.Value, Expr.Variable(v.Name), previous.Value) };
        }
        return new ModelDefinition(
            $"{Name}+{module.Name}",
            [.. States, .. module.States],
            [.. Parameters, .. module.Parameters],
            [.. DerivedParameters, .. module.DerivedParameters],
            variables);
    }

    /// <summary>The parameter called <paramref name="name"/>, or null.</summary>
    public ModelParameter? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>The state called <paramref name="name"/>, or null.</summary>
    public StateDefinition? State(string name) => States.FirstOrDefault(s => s.Name == name);

    /// <summary>The variable called <paramref name="name"/>, or null.</summary>
    public VariableDefinition? Variable(string name) => Variables.FirstOrDefault(v => v.Name == name);
}
