using System.Globalization;
using System.Text.Json;
using TpoSim.Policies;

namespace TpoSim.Forecasting;

/// <summary>
/// Reads user-given regimens: a JSON array of objects, each with a <c>name</c> and one of <c>"fixed": X</c>,
/// <c>"hold": true</c>, <c>"label": true</c>, or <c>"rule": { low, high, hold, resume, step, maxDose }</c> (a weekly
/// romiplostim ladder; optional <c>startDose</c>, default the current dose). Counts in 10^9/L, doses in the history's unit.
/// </summary>
public static class RegimenFile
{
    /// <summary>Reads <paramref name="path"/>; every problem is returned, one line each, naming file, entry and field.</summary>
    public static (IReadOnlyList<Regimen> Regimens, IReadOnlyList<string> Errors) Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Input.InputFile.TryReadText(path, out var text, out var problem))
            return ([], [$"{path}: cannot be read: {problem}"]);
        return Parse(text, path);
    }

    /// <summary>Parses JSON text (<paramref name="fileName"/> names it in messages).</summary>
    public static (IReadOnlyList<Regimen> Regimens, IReadOnlyList<string> Errors) Parse(string text, string fileName)
    {
        var errors = new List<string>();
        var regimens = new List<Regimen>();
        var doc = Scenarios.JsonInput.TryParse(text, out var syntax);
        if (doc is null) return ([], [$"{fileName}: {syntax}"]);
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                return ([], [$"{fileName}: the top level must be an array of regimens, e.g. [{{\"name\": \"2 weekly\", \"fixed\": 2}}]."]);
            var index = 0;
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                index++;
                var where = $"{fileName}: regimen {index}";
                if (e.ValueKind != JsonValueKind.Object) { errors.Add($"{where}: must be an object with a name and one of fixed, hold, label, rule."); continue; }
                var name = e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : null;
                if (string.IsNullOrWhiteSpace(name)) { errors.Add($"{where}, field name: missing; allowed: a non-empty string."); continue; }
                var kinds = new[] { "fixed", "hold", "label", "rule" }.Where(k => e.TryGetProperty(k, out _)).ToArray();
                if (kinds.Length != 1) { errors.Add($"{where} ({name}): give exactly one of fixed, hold, label, rule (found {kinds.Length})."); continue; }
                switch (kinds[0])
                {
                    case "fixed":
                        if (Number(e, "fixed", where, 0, 1e5, errors, exclusiveMin: true) is { } dose) regimens.Add(new Regimen(name, RegimenKind.Fixed, dose));
                        break;
                    case "hold":
                        regimens.Add(new Regimen(name, RegimenKind.Hold));
                        break;
                    case "label":
                        regimens.Add(new Regimen(name, RegimenKind.Label));
                        break;
                    default:
                        var r = e.GetProperty("rule");
                        if (r.ValueKind != JsonValueKind.Object) { errors.Add($"{where}, field rule: must be an object with low, high, hold, resume, step, maxDose."); break; }
                        var d = TitrationCatalog.CustomDefaults;
                        double Get(string field, double fallback) => r.TryGetProperty(field, out _) ? Number(r, field, $"{where}, rule", 0, 5000, errors) ?? fallback : fallback;
                        var rule = new CustomRule(Get("low", d.Low), Get("high", d.High), Get("hold", d.Hold), Get("resume", d.Resume), Get("step", d.Step), Get("maxDose", d.MaxDose));
                        if (!(rule.Low < rule.High && rule.High <= rule.Hold && rule.Resume <= rule.Hold))
                            errors.Add($"{where}, field rule: thresholds must satisfy low < high ≤ hold and resume ≤ hold (got {rule.Low:G}, {rule.High:G}, {rule.Hold:G}, {rule.Resume:G}).");
                        if (!(rule.Step > 0 && rule.MaxDose >= rule.Step))
                            errors.Add($"{where}, field rule: step must be > 0 and maxDose ≥ step.");
                        double? start = e.TryGetProperty("startDose", out _) ? Number(e, "startDose", where, 0, 1e5, errors, exclusiveMin: true) : null;
                        regimens.Add(new Regimen(name, RegimenKind.Custom, start, rule));
                        break;
                }
            }
        }
        if (errors.Count == 0 && regimens.Count == 0) errors.Add($"{fileName}: no regimens; give at least one.");
        var dup = regimens.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) errors.Add($"{fileName}: regimen name '{dup.Key}' appears more than once; names must be unique.");
        return (errors.Count == 0 ? regimens : [], errors);
    }

    private static double? Number(JsonElement parent, string field, string where, double min, double max, List<string> errors, bool exclusiveMin = false)
    {
        var v = parent.GetProperty(field);
        var ok = v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var x) && (exclusiveMin ? x > min : x >= min) && x <= max;
        if (ok) return v.GetDouble();
        errors.Add($"{where}, field {field}: {v.GetRawText()} is not allowed; allowed: a number in {(exclusiveMin ? "(" : "[")}{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}].");
        return null;
    }
}
