namespace TpoSim.Parameters;

/// <summary>An immutable set of parameter values, one per <see cref="ParameterId"/>.</summary>
public sealed class ParameterSet
{
    private readonly double[] _values;

    private ParameterSet(double[] values) => _values = values;

    /// <summary>Every parameter at its default (the healthy reference adult).</summary>
    public static ParameterSet Default { get; } = new(ParameterCatalog.All.Select(d => d.DefaultValue).ToArray());

    /// <summary>Value of <paramref name="id"/>.</summary>
    public double this[ParameterId id] => _values[(int)id];

    /// <summary>Values in <see cref="ParameterId"/> order (a copy).</summary>
    public double[] ToArray() => (double[])_values.Clone();

    /// <summary>A copy with one value replaced; throws <see cref="ArgumentOutOfRangeException"/> outside the allowed range (validate user input first).</summary>
    public ParameterSet With(ParameterId id, double value)
    {
        Check(id, value);
        var copy = ToArray();
        copy[(int)id] = value;
        return new ParameterSet(copy);
    }

    private static void Check(ParameterId id, double value)
    {
        var def = ParameterCatalog.Get(id);
        if (!def.Allows(value))
            throw new ArgumentOutOfRangeException(nameof(value), $"{def.Name} = {value} is outside {def.RangeText}.");
    }

    /// <summary>
    /// An editable copy: any number of <see cref="Editor.Set"/> calls, then <see cref="Editor.Build"/>, for one array where a
    /// chain of <see cref="With"/> copies the set per change (a population builds a set per screening candidate from a
    /// condition's targets and a dozen overrides). Each change is checked as <see cref="With"/> checks it, in the same order.
    /// </summary>
    internal Editor Edit() => new(ToArray());

    /// <summary>A copy of a set under edit (<see cref="Edit"/>); used once.</summary>
    internal sealed class Editor
    {
        private double[]? _values;

        internal Editor(double[] values) => _values = values;

        /// <summary>Current value of <paramref name="id"/>.</summary>
        public double this[ParameterId id] => (_values ?? throw new InvalidOperationException("The set is already built."))[(int)id];

        /// <summary>Replaces one value; throws <see cref="ArgumentOutOfRangeException"/> outside the allowed range.</summary>
        public void Set(ParameterId id, double value)
        {
            var values = _values ?? throw new InvalidOperationException("The set is already built.");
            Check(id, value);
            values[(int)id] = value;
        }

        /// <summary>The edited set; the editor cannot be used after.</summary>
        public ParameterSet Build()
        {
            var values = _values ?? throw new InvalidOperationException("The set is already built.");
            _values = null;
            return new ParameterSet(values);
        }
    }

    /// <summary>Values to use when deriving the healthy set point: patient controls at their defaults, everything else as set.</summary>
    public ParameterSet ReferencePhysiology()
    {
        var copy = ToArray();
        foreach (var d in ParameterCatalog.All)
        {
            if (d.Kind == ParameterKind.PatientControl) copy[(int)d.Id] = d.DefaultValue;
        }
        return new ParameterSet(copy);
    }
}
