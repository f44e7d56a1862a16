using TpoSim.Parameters;
using TpoSim.Physiology;

namespace TpoSim.Conditions;

/// <summary>A parameter a condition moves, and where it moves it at full severity.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="ValueAtFullSeverity">Its value at severity 1 (in the parameter's unit).</param>
/// <param name="Why">The mechanism, with its source.</param>
public sealed record ParameterTarget(ParameterId Parameter, double ValueAtFullSeverity, string Why);

/// <summary>A named numeric option of a condition (flags are 0/1).</summary>
/// <param name="Name">Scenario field name inside the condition object.</param>
/// <param name="Minimum">Smallest allowed value.</param>
/// <param name="Maximum">Largest allowed value.</param>
/// <param name="Default">Value when omitted.</param>
/// <param name="Description">Meaning and effect.</param>
/// <param name="IsFlag">True for a yes/no option (JSON true/false).</param>
public sealed record ConditionOption(string Name, double Minimum, double Maximum, double Default, string Description, bool IsFlag = false);

/// <summary>
/// A condition as a documented change to the mechanism. Severity s ∈ [0, 1] moves each target parameter from its
/// current value towards <see cref="ParameterTarget.ValueAtFullSeverity"/> by the fraction s, so severity 0 is
/// exactly healthy, effects are monotone in s, and several conditions compose in order. No condition touches an
/// output: every effect is on a mechanism parameter.
/// </summary>
public sealed record ConditionDefinition
{
    /// <summary>Scenario name (camelCase).</summary>
    public required string Name { get; init; }
    /// <summary>Human title.</summary>
    public required string Title { get; init; }
    /// <summary>What changes in the body and how the model represents it.</summary>
    public required string Mechanism { get; init; }
    /// <summary>What severity 0 → 1 means clinically.</summary>
    public required string SeverityMeaning { get; init; }
    /// <summary>Parameters moved with severity.</summary>
    public IReadOnlyList<ParameterTarget> Targets { get; init; } = [];
    /// <summary>Extra options (e.g. ITP: splenectomised).</summary>
    public IReadOnlyList<ConditionOption> Options { get; init; } = [];
    /// <summary>Citations.</summary>
    public required string Sources { get; init; }
    /// <summary>The name a clinician writes ("ITP", "chronic liver disease"); the <see cref="Title"/> when not set.</summary>
    public string? ClinicalName { get; init; }
    /// <summary>A clinical grade for a severity, when the scale has one ("Child-Pugh B" at 2/3); null otherwise.</summary>
    public Func<double, string?>? Grade { get; init; }

    /// <summary>
    /// The condition as a clinician labels it: its grade when the severity is one ("Child-Pugh B"), else the name with its
    /// severity ("ITP, severity 0.35"), then each flag option that is set ("ITP, severity 0.6, splenectomised").
    /// </summary>
    public string ClinicalLabel(double severity, IReadOnlyDictionary<string, double> options)
    {
        if (Name == "healthy") return "healthy";
        var label = Grade?.Invoke(severity) ?? $"{ClinicalName ?? Title}, severity {severity.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}";
        foreach (var o in Options)
            if (o.IsFlag && options.TryGetValue(o.Name, out var v) && v >= 0.5) label += ", " + o.Name;
        return label;
    }

    /// <summary>Age group the condition implies, if any (neonate).</summary>
    public AgeGroup? ImpliedAgeGroup { get; init; }
    /// <summary>Option effects applied after the targets, on the same edited copy: (severity, options, parameters under edit).</summary>
    internal Action<double, IReadOnlyDictionary<string, double>, ParameterSet.Editor>? ApplyOptions { get; init; }

    /// <summary>Applies the condition at <paramref name="severity"/> with <paramref name="options"/> (missing ones take defaults).</summary>
    public ParameterSet Apply(ParameterSet parameters, double severity, IReadOnlyDictionary<string, double> options)
    {
        if (!(severity >= 0 && severity <= 1)) throw new ArgumentOutOfRangeException(nameof(severity), "Severity must be in [0, 1].");
        ArgumentNullException.ThrowIfNull(parameters);
        var edit = parameters.Edit();
        foreach (var t in Targets)
        {
            var current = edit[t.Parameter];
            edit.Set(t.Parameter, current + (t.ValueAtFullSeverity - current) * severity);
        }
        if (ApplyOptions is not null)
            ApplyOptions(severity, Options.ToDictionary(o => o.Name, o => options.TryGetValue(o.Name, out var v) ? v : o.Default), edit);
        return edit.Build();
    }
}
