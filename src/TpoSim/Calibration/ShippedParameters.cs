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
/// The parameter set the model ships with: validation/parameters.json, written by <c>tposim calibrate</c> and embedded
/// in the library. <see cref="ParameterCatalog.All"/> takes its defaults from here, so every run (and
/// <c>tposim validate</c>) uses the calibrated values; the literature values stay in <see cref="ParameterCatalog.Literature"/>.
/// </summary>
public static class ShippedParameters
{
    /// <summary>The shipped file's path inside the repository.</summary>
    public const string RelativePath = "validation/parameters.json";

    private const string ResourceName = "TpoSim.Calibration.parameters.json";

    /// <summary>The embedded file's text, or null when the library was built without one.</summary>
    public static string? Text { get; } = ReadResource();

    /// <summary>The shipped values (empty without a file).</summary>
    public static IReadOnlyList<ShippedValue> Values { get; } = Text is null ? [] : Parse(Text);

    /// <summary>The case ids the shipped set was estimated on.</summary>
    public static IReadOnlyList<string> Cases { get; } = Text is null ? [] : ReadCases(Text);

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
    /// The literature definitions with the shipped values as defaults; each changed definition's source says it was
    /// estimated, on which cases, and keeps the literature value and its source. Throws when a shipped value names an
    /// unknown parameter or lies outside its allowed range (a corrupt shipped file is a bug, not user input).
    /// </summary>
    internal static ParameterDefinition[] Apply(IReadOnlyList<ParameterDefinition> literature)
    {
        var list = literature.ToArray();
        var cases = string.Join(", ", Cases);
        foreach (var v in Values)
        {
            var i = Array.FindIndex(list, d => d.Name == v.Name);
            if (i < 0) throw new InvalidOperationException($"{RelativePath}: unknown parameter '{v.Name}'");
            var d = list[i];
            if (!d.Allows(v.Value)) throw new InvalidOperationException($"{RelativePath}: {v.Name} = {v.Value} is outside {d.RangeText}");
            list[i] = v.Identifiable
                ? d with
                {
                    DefaultValue = v.Value,
                    Source = $"estimated by tposim calibrate on {cases} ({RelativePath}; 95% interval {F(v.Low)}–{F(v.High)}); literature value {F(d.DefaultValue)}: {d.Source}",
                }
                : d with
                {
                    DefaultValue = v.Value,
                    Source = $"{d.Source}; tposim calibrate could not identify it on {cases} ({RelativePath}), so this value is kept",
                };
        }
        return list;
    }

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> ReadCases(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("provenance").GetProperty("cases").EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    private static string? ReadResource()
    {
        using var stream = typeof(ShippedParameters).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
