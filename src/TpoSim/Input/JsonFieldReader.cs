using System.Text.Json;
using TpoSim.Scenarios;

namespace TpoSim.Input;

/// <summary>
/// The field checks of every JSON reader (scenario, population, validation cases, calibration setup, regimens), written
/// once: a field is read against its <see cref="FieldSpec"/> (type, range with unit, allowed values, required) and each
/// problem is collected as an <see cref="InputProblem"/> with its JSON path, so a reader lists all problems, not the
/// first, and words them alike ("0.5 is outside the allowed range [2, 250] kg").
/// </summary>
public class JsonFieldReader
{
    private readonly Action<string, string>? _report;

    /// <summary>A reader that collects its problems in <see cref="Errors"/>.</summary>
    /// <param name="file">The file the problems belong to; empty when the caller names it later (<see cref="InputProblem.In"/>).</param>
    public JsonFieldReader(string file = "") => File = file;

    /// <summary>
    /// A reader that hands each problem (JSON path, message) to <paramref name="report"/> instead of collecting it: for a
    /// reader whose parts already take an error callback, so they check fields the same way without a new signature.
    /// </summary>
    public JsonFieldReader(Action<string, string> report)
    {
        File = "";
        _report = report;
    }

    /// <summary>The file the problems belong to (empty when the caller names it later).</summary>
    public string File { get; }

    /// <summary>Every problem found so far, in the order found (empty when problems go to a callback).</summary>
    public List<InputProblem> Errors { get; } = [];

    /// <summary>Records a problem at <paramref name="path"/>.</summary>
    public void Error(string path, string message)
    {
        if (_report is not null) _report(path, message);
        else Errors.Add(new InputProblem(File, path, message));
    }

    /// <summary>A number as messages show it (<see cref="FieldSpec.Format"/>).</summary>
    protected static string Fmt(double v) => FieldSpec.Format(v);

    /// <summary>A JSON value as messages describe it (<see cref="JsonInput.Describe"/>).</summary>
    protected static string Kind(JsonElement e) => JsonInput.Describe(e);

    /// <summary>Records each field of <paramref name="e"/> that is not in <paramref name="allowed"/>, listing the allowed names.</summary>
    public void CheckFields(JsonElement e, string path, IReadOnlyCollection<string> allowed)
    {
        foreach (var (p, m) in JsonInput.UnknownFields(e, path, allowed)) Error(p, m);
    }

    /// <summary>Records each field of <paramref name="e"/> that <paramref name="spec"/> does not describe.</summary>
    public void CheckFields(JsonElement e, string path, ObjectSpec spec) => CheckFields(e, path, spec.Names);

    /// <summary>The object field <paramref name="field"/>, or null when absent, null or (recorded) not an object.</summary>
    public JsonElement? Object(JsonElement parent, string path, string field)
    {
        if (!parent.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Object) return v;
        Error($"{path}.{field}", $"expected an object, found {Kind(v)}");
        return null;
    }

    /// <summary>The items of the array field <paramref name="field"/> with their paths; none when absent, null or (recorded) not an array.</summary>
    public IEnumerable<(JsonElement Element, string Path)> Array(JsonElement parent, string path, string field)
    {
        if (!parent.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) yield break;
        if (v.ValueKind != JsonValueKind.Array)
        {
            Error($"{path}.{field}", $"expected an array, found {Kind(v)}");
            yield break;
        }
        var i = 0;
        foreach (var item in v.EnumerateArray()) yield return (item, $"{path}.{field}[{i++}]");
    }

    /// <summary>The text field <paramref name="field"/>, or null when absent (recorded when <paramref name="required"/>) or not text.</summary>
    public string? String(JsonElement parent, string path, string field, bool required = false)
    {
        if (!parent.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) Error($"{path}.{field}", "required text is missing");
            return null;
        }
        if (v.ValueKind == JsonValueKind.String) return v.GetString();
        Error($"{path}.{field}", $"expected text, found {Kind(v)}");
        return null;
    }

    /// <summary>The text field <paramref name="f"/>, required when the spec says so.</summary>
    public string? String(JsonElement parent, string path, FieldSpec f) => String(parent, path, f.Name, f.Required);

    /// <summary>The choice field <paramref name="f"/>: one of its <see cref="FieldSpec.Choices"/>, or null (a problem recorded when given wrongly or required and missing).</summary>
    public string? Enum(JsonElement parent, string path, FieldSpec f)
    {
        var allowed = string.Join(", ", f.Choices);
        if (!parent.TryGetProperty(f.Name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (f.Required) Error($"{path}.{f.Name}", $"required; allowed: {allowed}");
            return null;
        }
        return ChoiceAt(v, $"{path}.{f.Name}", f);
    }

    /// <summary>The value <paramref name="v"/> at <paramref name="path"/> as one of <paramref name="f"/>'s choices, or null (recorded).</summary>
    public string? ChoiceAt(JsonElement v, string path, FieldSpec f)
    {
        var allowed = string.Join(", ", f.Choices);
        if (v.ValueKind != JsonValueKind.String)
        {
            Error(path, $"expected one of {allowed}, found {Kind(v)}");
            return null;
        }
        var s = v.GetString()!;
        if (f.Choices.Contains(s)) return s;
        Error(path, $"unknown value '{InputText.OneLine(s)}'; allowed: {allowed}");
        return null;
    }

    /// <summary>The number field <paramref name="f"/> checked against its range (<see cref="FieldSpec.RangeText"/> in the error), or null.</summary>
    public double? Number(JsonElement parent, string path, FieldSpec f)
    {
        if (!parent.TryGetProperty(f.Name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (f.Required) Error($"{path}.{f.Name}", $"required number is missing; allowed {f.RangeText}");
            return null;
        }
        return NumberAt(v, $"{path}.{f.Name}", f);
    }

    /// <summary>The value <paramref name="v"/> at <paramref name="path"/> as a number inside <paramref name="f"/>'s range, or null (recorded).</summary>
    public double? NumberAt(JsonElement v, string path, FieldSpec f)
    {
        if (v.ValueKind != JsonValueKind.Number) { Error(path, $"expected a number in {f.RangeText}, found {Kind(v)}"); return null; }
        var x = v.GetDouble();
        if (!f.Allows(x))
        {
            Error(path, $"{Fmt(x)} is outside the allowed range {f.RangeText}");
            return null;
        }
        return x;
    }

    /// <summary>The whole-number field <paramref name="f"/> (10, 1e1 and 10.0 alike) inside its range, or null (recorded when given wrongly, or required and missing).</summary>
    public int? Integer(JsonElement parent, string path, FieldSpec f)
    {
        if (!parent.TryGetProperty(f.Name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (f.Required) Error($"{path}.{f.Name}", $"required whole number is missing; allowed {f.RangeText}");
            return null;
        }
        return IntegerAt(v, $"{path}.{f.Name}", f);
    }

    /// <summary>The value <paramref name="v"/> at <paramref name="path"/> as a whole number inside <paramref name="f"/>'s range, or null (recorded).</summary>
    public int? IntegerAt(JsonElement v, string path, FieldSpec f)
    {
        // 10, 1e1 and 10.0 are the same whole number in JSON; 10.5 is not one.
        if (!JsonInput.TryGetWholeNumber(v, out var n))
        {
            Error(path, v.ValueKind == JsonValueKind.Number && double.IsFinite(v.GetDouble()) && Math.Floor(v.GetDouble()) == v.GetDouble()
                ? $"{Fmt(v.GetDouble())} is outside the allowed range {f.RangeText}"
                : $"expected a whole number in {f.RangeText}, found {Kind(v)}");
            return null;
        }
        if (!f.Allows(n)) { Error(path, $"{n} is outside the allowed range {f.RangeText}"); return null; }
        return n;
    }

    /// <summary>The true/false field <paramref name="field"/>; false when absent, null or (recorded) not true or false.</summary>
    public bool Flag(JsonElement parent, string path, string field)
    {
        if (!parent.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) return false;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        Error($"{path}.{field}", $"expected true or false, found {Kind(v)}");
        return false;
    }
}
