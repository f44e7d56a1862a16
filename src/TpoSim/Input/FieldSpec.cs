using System.Globalization;

namespace TpoSim.Input;

/// <summary>The JSON type of an input field.</summary>
public enum FieldKind
{
    /// <summary>A number inside [Minimum, Maximum] (or (Minimum, Maximum] when the minimum is exclusive).</summary>
    Number,
    /// <summary>A whole number (10, 1e1 and 10.0 alike) inside [Minimum, Maximum].</summary>
    Integer,
    /// <summary>Free text.</summary>
    Text,
    /// <summary>One of <see cref="FieldSpec.Choices"/>.</summary>
    Choice,
    /// <summary>true or false.</summary>
    Flag,
    /// <summary>An object described elsewhere (<see cref="FieldSpec.Definition"/>).</summary>
    Object,
    /// <summary>An array of objects described elsewhere (<see cref="FieldSpec.Definition"/>).</summary>
    Array,
    /// <summary>A fixed value naming the object's kind (an event's "type", a condition's "name").</summary>
    Constant,
}

/// <summary>
/// One field of an input format: its name, type, allowed range, unit, default and meaning. The readers check a value
/// against it and word their error from it, and the JSON Schema (docs/scenario.schema.json) is generated from the same
/// descriptors, so the two cannot drift apart.
/// </summary>
public sealed record FieldSpec(string Name, FieldKind Kind, string Description)
{
    /// <summary>The field must be given.</summary>
    public bool Required { get; init; }

    /// <summary>This field, required.</summary>
    public FieldSpec Needed() => this with { Required = true };

    /// <summary>Smallest allowed value (numbers).</summary>
    public double Minimum { get; init; } = double.MinValue;

    /// <summary>Largest allowed value (numbers); <see cref="double.MaxValue"/> when only the minimum is bounded.</summary>
    public double Maximum { get; init; } = double.MaxValue;

    /// <summary>The minimum itself is not allowed (a dose amount must be &gt; 0).</summary>
    public bool ExclusiveMinimum { get; init; }

    /// <summary>Unit shown after the range in messages ("days", "kg"); empty for a pure number.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Value used when the field is left out (a double, bool or string), or null when there is none to state.</summary>
    public object? Default { get; init; }

    /// <summary>Allowed values of a <see cref="FieldKind.Choice"/> field, or the value of a <see cref="FieldKind.Constant"/>.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Name of the described object (schema <c>$defs</c> entry) for <see cref="FieldKind.Object"/> and <see cref="FieldKind.Array"/>.</summary>
    public string? Definition { get; init; }

    /// <summary>The allowed range as messages show it: "[0.01, 7300] days", "(0, 60] % of blood volume", "&gt; 0 mg".</summary>
    public string RangeText => Range(Minimum, Maximum, ExclusiveMinimum, Unit);

    /// <summary>True when <paramref name="x"/> is finite and inside the range.</summary>
    public bool Allows(double x) => double.IsFinite(x) && x >= Minimum && x <= Maximum && !(ExclusiveMinimum && x == Minimum);

    /// <summary>A range as messages show it.</summary>
    public static string Range(double min, double max, bool exclusiveMin, string unit) =>
        min == double.MinValue && max == double.MaxValue ? $"(-∞, ∞) {unit}".TrimEnd()
        : max == double.MaxValue ? $"{(exclusiveMin ? ">" : "≥")} {Format(min)} {unit}".TrimEnd()
        : $"{(exclusiveMin ? "(" : "[")}{Format(min)}, {Format(max)}] {unit}".TrimEnd();

    /// <summary>A number as messages show it (six significant digits, invariant culture).</summary>
    public static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A number field.</summary>
    public static FieldSpec Num(string name, string description, double min, double max, string unit = "", double? @default = null, bool exclusiveMin = false) =>
        new(name, FieldKind.Number, description) { Minimum = min, Maximum = max, Unit = unit, Default = @default, ExclusiveMinimum = exclusiveMin };

    /// <summary>A whole-number field.</summary>
    public static FieldSpec Whole(string name, string description, int min, int max, int? @default = null) =>
        new(name, FieldKind.Integer, description) { Minimum = min, Maximum = max, Default = @default is { } d ? (double)d : null };

    /// <summary>A text field.</summary>
    public static FieldSpec Text(string name, string description, string? @default = null) => new(name, FieldKind.Text, description) { Default = @default };

    /// <summary>A field taking one of <paramref name="choices"/>.</summary>
    public static FieldSpec OneOf(string name, string description, IReadOnlyList<string> choices, string? @default = null) =>
        new(name, FieldKind.Choice, description) { Choices = choices, Default = @default };

    /// <summary>A true/false field.</summary>
    public static FieldSpec Flag(string name, string description, bool @default = false) => new(name, FieldKind.Flag, description) { Default = @default };

    /// <summary>An object field described by <paramref name="definition"/>.</summary>
    public static FieldSpec Obj(string name, string? description, string definition) => new(name, FieldKind.Object, description ?? "") { Definition = definition };

    /// <summary>An array field of objects described by <paramref name="definition"/>.</summary>
    public static FieldSpec List(string name, string description, string definition) => new(name, FieldKind.Array, description) { Definition = definition };

    /// <summary>The field naming an object's kind, fixed to <paramref name="value"/>.</summary>
    public static FieldSpec Const(string name, string value) => new(name, FieldKind.Constant, "") { Choices = [value] };
}
