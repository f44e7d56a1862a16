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
    /// <paramref name="max"/>]. Returns the problem (JSON path and allowed values) instead when the object is wrong.
    /// </summary>
    public static (ParameterDistribution? Distribution, string? Error) Read(JsonNode? node, string path, double nominal, double min, double max)
    {
        if (node is not JsonObject o) return (null, $"{path}: must be an object with \"kind\" ({string.Join(", ", Kinds)})");
        var kind = o["kind"] is JsonValue kv && kv.TryGetValue<string>(out var k) ? k : null;
        if (kind is null || !Kinds.Contains(kind)) return (null, $"{path}.kind: must be one of {string.Join(", ", Kinds)}");
        string[] allowed = kind switch
        {
            "normal" => ["kind", "mean", "sd", "min", "max"],
            "logNormal" => ["kind", "median", "cv", "min", "max"],
            _ => ["kind", "min", "max"],
        };
        foreach (var (name, _) in o)
        {
            if (!allowed.Contains(name)) return (null, $"{path}.{name}: unknown field for kind {kind}; allowed: {string.Join(", ", allowed)}");
        }
        string? error = null;
        double Number(string name, double fallback, double low, double high)
        {
            if (error is not null) return double.NaN;
            if (o[name] is null) return fallback;
            if (o[name] is not JsonValue v || !v.TryGetValue<double>(out var x) || !double.IsFinite(x) || x < low || x > high)
            {
                error = $"{path}.{name}: must be a number in [{F(low)}, {F(high)}]";
                return double.NaN;
            }
            return x;
        }
        var lo = Number("min", min, min, max);
        var hi = Number("max", max, min, max);
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
                var mean = Number("mean", nominal, double.MinValue, double.MaxValue);
                var sd = Number("sd", double.NaN, double.Epsilon, double.MaxValue);
                if (error is null && double.IsNaN(sd)) error = $"{path}.sd: required, a number > 0";
                d = new NormalDistribution(mean, sd, lo, hi);
                break;
            }
            default:
            {
                var median = Number("median", nominal, double.Epsilon, double.MaxValue);
                var cv = Number("cv", double.NaN, 1e-6, 10);
                if (error is null && double.IsNaN(cv)) error = $"{path}.cv: required, a number in [1e-06, 10]";
                if (error is null && !(lo > 0)) error = $"{path}.min: a log-normal range needs min > 0";
                d = new LogNormalDistribution(median, cv, lo, hi);
                break;
            }
        }
        return error is null ? (d, null) : (null, error);
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
