using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TpoSim.Sensitivity;

/// <summary>
/// Distributions as JSON objects, one format for the user's <c>--distributions</c> file and the shard manifest:
/// <c>{ "kind": "uniform"|"logUniform", "min": …, "max": … }</c>, <c>{ "kind": "normal", "mean": …, "sd": …, "min": …, "max": … }</c>,
/// <c>{ "kind": "logNormal", "median": …, "cv": …, "min": …, "max": … }</c>. In a user file, min and max default to the
/// parameter's allowed range, and mean/median to its nominal value.
/// </summary>
public static class DistributionJson
{
    /// <summary>The kinds accepted.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["uniform", "logUniform", "normal", "logNormal"];

    /// <summary>Writes <paramref name="d"/> as an object.</summary>
    public static void Write(Utf8JsonWriter w, ParameterDistribution d)
    {
        w.WriteStartObject();
        w.WriteString("kind", d.Kind);
        switch (d)
        {
            case UniformDistribution u: w.WriteNumber("min", u.Minimum); w.WriteNumber("max", u.Maximum); break;
            case LogUniformDistribution l: w.WriteNumber("min", l.Minimum); w.WriteNumber("max", l.Maximum); break;
            case NormalDistribution n: w.WriteNumber("mean", n.Mean); w.WriteNumber("sd", n.Sd); w.WriteNumber("min", n.Minimum); w.WriteNumber("max", n.Maximum); break;
            case LogNormalDistribution g: w.WriteNumber("median", g.Median); w.WriteNumber("cv", g.Cv); w.WriteNumber("min", g.Minimum); w.WriteNumber("max", g.Maximum); break;
            default: throw new InvalidOperationException($"No JSON form for {d.GetType().Name}.");
        }
        w.WriteEndObject();
    }

    /// <summary>
    /// Reads a distribution for a parameter with nominal value <paramref name="nominal"/> allowed in [<paramref name="min"/>,
    /// <paramref name="max"/>]. Returns the first problem (JSON path and allowed values) instead when the object is wrong;
    /// the fields are checked by the shared <see cref="Input.JsonFieldReader"/>, so they are worded as in every other file.
    /// </summary>
    public static (ParameterDistribution? Distribution, string? Error) Read(JsonNode? node, string path, double nominal, double min, double max)
    {
        if (node is not JsonObject o) return (null, $"{path}: must be an object with \"kind\" ({string.Join(", ", Kinds)})");
        using var doc = JsonDocument.Parse(o.ToJsonString());
        var e = doc.RootElement;
        string? error = null;
        var f = new Input.JsonFieldReader((p, m) => error ??= $"{p}: {m}");
        var kind = f.Enum(e, path, Input.FieldSpec.OneOf("kind", "", Kinds).Needed());
        if (kind is null) return (null, error);
        string[] allowed = kind switch
        {
            "normal" => ["kind", "mean", "sd", "min", "max"],
            "logNormal" => ["kind", "median", "cv", "min", "max"],
            _ => ["kind", "min", "max"],
        };
        f.CheckFields(e, path, allowed);
        if (error is not null) return (null, error);
        // A field left out takes the parameter's range (min, max) or nominal value (mean, median); sd and cv are required.
        double Number(Input.FieldSpec spec, double fallback) => error is not null ? double.NaN
            : e.TryGetProperty(spec.Name, out var v) && v.ValueKind != JsonValueKind.Null || spec.Required ? f.Number(e, path, spec) ?? double.NaN : fallback;
        var lo = Number(Input.FieldSpec.Num("min", "", min, max), min);
        var hi = Number(Input.FieldSpec.Num("max", "", min, max), max);
        if (error is null && !(lo < hi)) error = $"{path}: min ({F(lo)}) must be below max ({F(hi)})";
        ParameterDistribution? d = null;
        switch (kind)
        {
            case "uniform":
                d = new UniformDistribution(lo, hi);
                break;
            case "logUniform":
                if (error is null && !(lo > 0)) error = $"{path}.min: a log-uniform range needs min > 0";
                d = new LogUniformDistribution(lo, hi);
                break;
            case "normal":
            {
                var mean = Number(Input.FieldSpec.Num("mean", "", double.MinValue, double.MaxValue), nominal);
                var sd = Number(Input.FieldSpec.Num("sd", "", 0, double.MaxValue, exclusiveMin: true).Needed(), double.NaN);
                d = error is null ? new NormalDistribution(mean, sd, lo, hi) : null;
                break;
            }
            default:
            {
                var median = Number(Input.FieldSpec.Num("median", "", 0, double.MaxValue, exclusiveMin: true), nominal);
                var cv = Number(Input.FieldSpec.Num("cv", "", 1e-6, 10).Needed(), double.NaN);
                if (error is null && !(lo > 0)) error = $"{path}.min: a log-normal range needs min > 0";
                d = error is null ? new LogNormalDistribution(median, cv, lo, hi) : null;
                break;
            }
        }
        return error is null ? (d, null) : (null, error);
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
