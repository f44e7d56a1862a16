using System.Text.Json;
using TpoSim.Input;
using TpoSim.Policies;

namespace TpoSim.Forecasting;

/// <summary>
/// Reads user-given regimens: a JSON array of objects, each with a <c>name</c> and one of <c>"fixed": X</c>,
/// <c>"hold": true</c>, <c>"label": true</c>, or <c>"rule": { low, high, hold, resume, step, maxDose }</c> (a weekly
/// romiplostim ladder; optional <c>startDose</c>, default the current dose). Counts in 10^9/L, doses in the history's unit.
/// </summary>
public static class RegimenFile
{
    /// <summary>Largest fixed or start dose, in the history's dose unit (the label limits are checked by the forecast).</summary>
    public const double MaxDose = 1e5;

    /// <summary>A regimen's fields, checked by the shared <see cref="JsonFieldReader"/>.</summary>
    private static ObjectSpec Entry { get; } = new("regimen", "A user regimen: a name and one of fixed, hold, label, rule.",
    [
        FieldSpec.Text("name", "The regimen's name, unique in the file.").Needed(),
        FieldSpec.Num("fixed", "A fixed dose at every administration, in the history's dose unit.", 0, MaxDose, exclusiveMin: true),
        FieldSpec.Flag("hold", "No more doses."),
        FieldSpec.Flag("label", "The drug's label titration."),
        FieldSpec.Obj("rule", "A weekly romiplostim ladder.", "rule"),
        FieldSpec.Num("startDose", "The ladder's start dose; default the current dose.", 0, MaxDose, exclusiveMin: true),
    ]);

    /// <summary>A ladder's thresholds (×10^9/L) and doses (µg/kg).</summary>
    private static ObjectSpec Rule { get; } = new("rule", "A weekly romiplostim ladder (the custom titration).",
    [
        FieldSpec.Num("low", "Increase by one step below this count.", 0, 5000, "×10^9/L"),
        FieldSpec.Num("high", "Decrease by one step after two checks above this count.", 0, 5000, "×10^9/L"),
        FieldSpec.Num("hold", "Withhold above this count.", 0, 5000, "×10^9/L"),
        FieldSpec.Num("resume", "Resume one step lower below this count.", 0, 5000, "×10^9/L"),
        FieldSpec.Num("step", "Dose step.", 0, 5000, "µg/kg"),
        FieldSpec.Num("maxDose", "Highest dose.", 0, 5000, "µg/kg"),
    ]);

    private static readonly string[] Kinds = ["fixed", "hold", "label", "rule"];

    /// <summary>Reads <paramref name="path"/>; every problem is returned, naming the file, the entry's JSON path and the field.</summary>
    public static ReadResult<IReadOnlyList<Regimen>> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!InputFile.TryReadText(path, out var text, out var problem))
            return ReadResult<IReadOnlyList<Regimen>>.Fail(path, "$", $"cannot read the file: {problem}");
        return Parse(text, path);
    }

    /// <summary>Parses JSON text (<paramref name="fileName"/> names it in messages).</summary>
    public static ReadResult<IReadOnlyList<Regimen>> Parse(string text, string fileName)
    {
        var f = new JsonFieldReader(fileName);
        var regimens = new List<Regimen>();
        var doc = Scenarios.JsonInput.TryParse(text, out var syntax);
        if (doc is null) return ReadResult<IReadOnlyList<Regimen>>.Fail(fileName, Scenarios.JsonInput.Locate(syntax).Path, Scenarios.JsonInput.Locate(syntax).Message);
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                return ReadResult<IReadOnlyList<Regimen>>.Fail(fileName, "$", "the top level must be an array of regimens, e.g. [{\"name\": \"2 weekly\", \"fixed\": 2}]");
            var index = 0;
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                var where = $"$[{index++}]";
                if (e.ValueKind != JsonValueKind.Object) { f.Error(where, $"expected an object with a name and one of fixed, hold, label, rule, found {Scenarios.JsonInput.Describe(e)}"); continue; }
                f.CheckFields(e, where, Entry);
                var name = f.String(e, where, Entry["name"]);
                if (name is null) continue;
                if (string.IsNullOrWhiteSpace(name)) { f.Error($"{where}.name", "empty; allowed: a non-empty name"); continue; }
                var kinds = Kinds.Where(k => e.TryGetProperty(k, out _)).ToArray();
                if (kinds.Length != 1) { f.Error(where, $"give exactly one of fixed, hold, label, rule (found {kinds.Length}) for regimen '{name}'"); continue; }
                switch (kinds[0])
                {
                    case "fixed":
                        if (f.Number(e, where, Entry["fixed"]) is { } dose) regimens.Add(new Regimen(name, RegimenKind.Fixed, dose));
                        break;
                    case "hold":
                        regimens.Add(new Regimen(name, RegimenKind.Hold));
                        break;
                    case "label":
                        regimens.Add(new Regimen(name, RegimenKind.Label));
                        break;
                    default:
                        if (f.Object(e, where, "rule") is not { } r) break;
                        var rpath = $"{where}.rule";
                        f.CheckFields(r, rpath, Rule);
                        var d = TitrationCatalog.CustomDefaults;
                        double Get(string field, double fallback) => f.Number(r, rpath, Rule[field]) ?? fallback;
                        var rule = new CustomRule(Get("low", d.Low), Get("high", d.High), Get("hold", d.Hold), Get("resume", d.Resume), Get("step", d.Step), Get("maxDose", d.MaxDose));
                        if (!(rule.Low < rule.High && rule.High <= rule.Hold && rule.Resume <= rule.Hold))
                            f.Error(rpath, $"thresholds must satisfy low < high ≤ hold and resume ≤ hold (got {rule.Low:G}, {rule.High:G}, {rule.Hold:G}, {rule.Resume:G})");
                        if (!(rule.Step > 0 && rule.MaxDose >= rule.Step))
                            f.Error(rpath, "step must be > 0 and maxDose ≥ step");
                        regimens.Add(new Regimen(name, RegimenKind.Custom, f.Number(e, where, Entry["startDose"]), rule));
                        break;
                }
            }
        }
        if (f.Errors.Count == 0 && regimens.Count == 0) f.Error("$", "no regimens; give at least one");
        var dup = regimens.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) f.Error("$", $"regimen name '{dup.Key}' appears more than once; names must be unique");
        return f.Errors.Count == 0 ? ReadResult<IReadOnlyList<Regimen>>.Ok(regimens) : ReadResult<IReadOnlyList<Regimen>>.Fail(f.Errors);
    }
}
