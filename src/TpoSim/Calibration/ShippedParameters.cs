using System.Globalization;
using System.Reflection;
using System.Text.Json;
using TpoSim.Parameters;

namespace TpoSim.Calibration;

/// <summary>One value of the shipped parameter set, as validation/parameters.json gives it.</summary>
/// <param name="Name">Parameter name (as in <c>tposim parameters</c>).</param>
/// <param name="Value">Estimate, in the parameter's unit.</param>
/// <param name="Low">Lower end of its 95% interval.</param>
/// <param name="High">Upper end of its 95% interval.</param>
/// <param name="Identifiable">False when the calibration data could not pin it down.</param>
public sealed record ShippedValue(string Name, double Value, double Low, double High, bool Identifiable);

/// <summary>
/// A parameter set a core ships with: a file written by <c>tposim calibrate --out</c> and embedded in the library (v1:
/// validation/parameters.json, v2: validation/parameters-v2.json). Its values become the defaults of the core's
/// parameters; each changed parameter's source says it was estimated, on which cases, and keeps its literature value
/// and source.
/// </summary>
public sealed class ShippedSet
{
    private ShippedSet(string relativePath, string? text)
    {
        RelativePath = relativePath;
        Text = text;
        Values = text is null ? [] : ShippedParameters.Parse(text);
        Cases = text is null ? [] : ReadCases(text);
    }

    /// <summary>The file's path inside the repository.</summary>
    public string RelativePath { get; }

    /// <summary>The embedded file's text, or null when the library was built without one.</summary>
    public string? Text { get; }

    /// <summary>The shipped values (empty without a file).</summary>
    public IReadOnlyList<ShippedValue> Values { get; }

    /// <summary>The case ids the set was estimated on.</summary>
    public IReadOnlyList<string> Cases { get; }

    internal static ShippedSet FromResource(string relativePath, string resourceName)
    {
        using var stream = typeof(ShippedSet).Assembly.GetManifestResourceStream(resourceName);
        if (stream is null) return new ShippedSet(relativePath, null);
        using var reader = new StreamReader(stream);
        return new ShippedSet(relativePath, reader.ReadToEnd());
    }

    /// <summary>The shipped value of <paramref name="name"/> and the source text it gets, or null when the set does not hold it.</summary>
    /// <exception cref="InvalidOperationException">The value lies outside [<paramref name="minimum"/>, <paramref name="maximum"/>] (a corrupt shipped file is a bug, not user input).</exception>
    internal (double Value, string Source)? For(string name, double literature, double minimum, double maximum, string unit, string source)
    {
        var v = Values.FirstOrDefault(x => x.Name == name);
        if (v is null) return null;
        if (!(v.Value >= minimum && v.Value <= maximum)) throw new InvalidOperationException($"{RelativePath}: {name} = {v.Value} is outside [{F(minimum)}, {F(maximum)}] {unit}");
        var cases = string.Join(", ", Cases);
        return (v.Value, v.Identifiable
            ? $"estimated by tposim calibrate on {cases} ({RelativePath}; 95% interval {F(v.Low)}–{F(v.High)}); literature value {F(literature)}: {source}"
            : $"{source}; tposim calibrate could not identify it on {cases} ({RelativePath}), so this value is kept");
    }

    /// <summary>The parameters of a core or drug module with the shipped values as their values.</summary>
    public IReadOnlyList<Model.ModelParameter> Apply(IReadOnlyList<Model.ModelParameter> literature)
    {
        ArgumentNullException.ThrowIfNull(literature);
        return literature.Select(d => For(d.Name, d.Value, d.Minimum, d.Maximum, d.Unit, d.Source) is var (value, source) ? d with { Value = value, Source = source } : d).ToArray();
    }

    /// <summary>Every shipped name must be a parameter of <paramref name="names"/>.</summary>
    /// <exception cref="InvalidOperationException">One is not.</exception>
    internal void CheckNames(IEnumerable<string> names)
    {
        var known = names.ToHashSet();
        foreach (var v in Values)
            if (!known.Contains(v.Name)) throw new InvalidOperationException($"{RelativePath}: unknown parameter '{v.Name}'");
    }

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> ReadCases(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("provenance").GetProperty("cases").EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}

/// <summary>
/// The parameter sets the cores ship with (<see cref="ShippedSet"/>). <see cref="ParameterCatalog.All"/> takes v1's
/// defaults from <see cref="V1"/>, so every run (and <c>tposim validate</c>) uses the calibrated values; the literature
/// values stay in <see cref="ParameterCatalog.Literature"/>. Model v2's core and modules take theirs from <see cref="V2"/>.
/// </summary>
public static class ShippedParameters
{
    /// <summary>The v1 file's path inside the repository.</summary>
    public const string RelativePath = "validation/parameters.json";

    /// <summary>The v2 file's path inside the repository.</summary>
    public const string RelativePathV2 = "validation/parameters-v2.json";

    /// <summary>Model v1's shipped set.</summary>
    public static ShippedSet V1 { get; } = ShippedSet.FromResource(RelativePath, "TpoSim.Calibration.parameters.json");

    /// <summary>Model v2's shipped set (empty until <c>tposim calibrate</c> has written one).</summary>
    public static ShippedSet V2 { get; } = ShippedSet.FromResource(RelativePathV2, "TpoSim.Calibration.parameters-v2.json");

    /// <summary>The v1 embedded file's text, or null when the library was built without one.</summary>
    public static string? Text => V1.Text;

    /// <summary>The v1 shipped values (empty without a file).</summary>
    public static IReadOnlyList<ShippedValue> Values => V1.Values;

    /// <summary>The case ids the v1 set was estimated on.</summary>
    public static IReadOnlyList<string> Cases => V1.Cases;

    /// <summary>Parses the values of a shipped-parameter file (the <c>parameters</c> array).</summary>
    public static IReadOnlyList<ShippedValue> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<ShippedValue>();
        foreach (var p in doc.RootElement.GetProperty("parameters").EnumerateArray())
        {
            var interval = p.GetProperty("interval95");
            list.Add(new ShippedValue(p.GetProperty("name").GetString()!, p.GetProperty("value").GetDouble(),
                interval[0].GetDouble(), interval[1].GetDouble(), p.GetProperty("identifiable").GetBoolean()));
        }
        return list;
    }

    /// <summary>
    /// The v1 literature definitions with the shipped values as defaults. Throws when a shipped value names an unknown
    /// parameter or lies outside its allowed range (a corrupt shipped file is a bug, not user input).
    /// </summary>
    internal static ParameterDefinition[] Apply(IReadOnlyList<ParameterDefinition> literature)
    {
        V1.CheckNames(literature.Select(d => d.Name));
        return literature.Select(d => V1.For(d.Name, d.DefaultValue, d.Minimum, d.Maximum, d.Unit, d.Source) is var (value, source)
            ? d with { DefaultValue = value, Source = source } : d).ToArray();
    }
}
