using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TpoSim.Sensitivity;

/// <summary>
/// manifest.json of a global analysis folder: its kind ("sensitivity-global", the key <c>tposim merge</c> dispatches
/// on), the full <see cref="GlobalConfig"/> and which runs the folder's evaluations.csv holds (a shard i/K, or 1/1).
/// </summary>
/// <param name="Config">The analysis.</param>
/// <param name="ShardIndex">Shard number i (1-based).</param>
/// <param name="ShardCount">Shards K.</param>
/// <param name="Range">Runs held.</param>
public sealed record GlobalManifest(GlobalConfig Config, int ShardIndex, int ShardCount, RunRange Range)
{
    /// <summary>The manifest kind.</summary>
    public const string Kind = "sensitivity-global";

    /// <summary>File name of the manifest.</summary>
    public const string FileName = "manifest.json";

    /// <summary>File name of the runs' outputs.</summary>
    public const string EvaluationsFileName = "evaluations.csv";

    /// <summary>The manifest as JSON.</summary>
    public string Json()
    {
        var c = Config;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("kind", Kind);
            w.WriteNumber("version", 1);
            w.WriteString("title", c.Title);
            w.WriteString("source", c.Source);
            w.WriteString("method", c.MethodName);
            w.WriteNumber("samples", c.Samples);
            w.WriteNumber("seed", c.Seed);
            w.WriteNumber("bootstrap", c.Bootstrap);
            w.WriteNumber("levels", c.Levels);
            w.WriteStartObject("shard");
            w.WriteNumber("index", ShardIndex);
            w.WriteNumber("count", ShardCount);
            w.WriteEndObject();
            w.WriteStartObject("runs");
            w.WriteNumber("from", Range.From);
            w.WriteNumber("to", Range.To);
            w.WriteNumber("total", c.Runs);
            w.WriteEndObject();
            w.WriteStartArray("parameters");
            foreach (var p in c.Parameters)
            {
                w.WriteStartObject();
                w.WriteString("name", p.Name);
                w.WriteString("unit", p.Unit);
                w.WriteNumber("nominal", p.Nominal);
                w.WriteNumber("min", p.Minimum);
                w.WriteNumber("max", p.Maximum);
                w.WritePropertyName("distribution");
                DistributionJson.Write(w, p.Distribution);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("outputs");
            foreach (var o in c.Outputs)
            {
                w.WriteStartObject();
                w.WriteString("name", o.Name);
                w.WriteString("unit", o.Unit);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>evaluations.csv: run index, then each output with round-trip precision (empty when undefined).</summary>
    public static string EvaluationsCsv(GlobalConfig config, RunRange range, double[][] outputs)
    {
        var sb = new StringBuilder("run");
        foreach (var o in config.Outputs) sb.Append(',').Append(Quote(o.Name));
        sb.Append('\n');
        for (var r = 0; r < range.Count; r++)
        {
            sb.Append((range.From + r).ToString(CultureInfo.InvariantCulture));
            foreach (var v in outputs[r]) sb.Append(',').Append(double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Reads a manifest; the problem as "file: field: message" when it is not a valid sensitivity-global manifest.</summary>
    public static (GlobalManifest? Manifest, string? Error) Parse(string json, string file)
    {
        JsonObject o;
        using (var checkedDoc = Scenarios.JsonInput.TryParse(json, out var syntax))
        {
            if (checkedDoc is null) return (null, $"{file}: {syntax}");
            if (checkedDoc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object) return (null, $"{file}: $: expected a JSON object, found {Scenarios.JsonInput.Describe(checkedDoc.RootElement)}");
        }
        o = JsonNode.Parse(json, documentOptions: Scenarios.JsonInput.Options)!.AsObject();
        string? error = null;
        T Get<T>(JsonNode? node, string path)
        {
            if (error is null && (node is not JsonValue v || !v.TryGetValue<T>(out var x))) error = $"{file}: {path}: missing or not a {typeof(T).Name}";
            else if (error is null) return ((JsonValue)node!).GetValue<T>();
            return default!;
        }
        if (Get<string>(o["kind"], "kind") != Kind) return (null, error ?? $"{file}: kind: must be '{Kind}'");
        var method = Get<string>(o["method"], "method") switch { "sobol" => GlobalMethod.Sobol, "morris" => GlobalMethod.Morris, _ => (GlobalMethod?)null };
        if (error is null && method is null) error = $"{file}: method: must be sobol or morris";
        var parameters = new List<SensitivityParameter>();
        if (o["parameters"] is JsonArray ps)
        {
            for (var i = 0; i < ps.Count && error is null; i++)
            {
                var path = $"parameters[{i}]";
                var p = ps[i];
                var name = Get<string>(p?["name"], path + ".name");
                var unit = Get<string>(p?["unit"], path + ".unit");
                var nominal = Get<double>(p?["nominal"], path + ".nominal");
                var min = Get<double>(p?["min"], path + ".min");
                var max = Get<double>(p?["max"], path + ".max");
                if (error is not null) break;
                var (d, derr) = DistributionJson.Read(p?["distribution"], $"{file}: {path}.distribution", nominal, min, max);
                error ??= derr;
                if (d is not null) parameters.Add(new SensitivityParameter(name, unit, nominal, min, max, d));
            }
        }
        else error ??= $"{file}: parameters: missing";
        var outputs = new List<SensitivityOutput>();
        if (o["outputs"] is JsonArray os)
        {
            for (var i = 0; i < os.Count && error is null; i++)
                outputs.Add(new SensitivityOutput(Get<string>(os[i]?["name"], $"outputs[{i}].name"), Get<string>(os[i]?["unit"], $"outputs[{i}].unit")));
        }
        else error ??= $"{file}: outputs: missing";
        var config = new GlobalConfig(Get<string>(o["title"], "title"), Get<string>(o["source"], "source"), method ?? GlobalMethod.Sobol,
            Get<int>(o["samples"], "samples"), Get<long>(o["seed"], "seed"), Get<int>(o["bootstrap"], "bootstrap"), Get<int>(o["levels"], "levels"),
            parameters, outputs);
        var manifest = new GlobalManifest(config, Get<int>(o["shard"]?["index"], "shard.index"), Get<int>(o["shard"]?["count"], "shard.count"),
            new RunRange(Get<int>(o["runs"]?["from"], "runs.from"), Get<int>(o["runs"]?["to"], "runs.to")));
        if (error is null && Get<int>(o["runs"]?["total"], "runs.total") != config.Runs) error = $"{file}: runs.total: does not match the design ({config.Runs} runs)";
        if (error is null && !(config.Samples >= 2 && parameters.Count >= 1 && outputs.Count >= 1)) error = $"{file}: samples, parameters or outputs: empty";
        return error is null ? (manifest, null) : (null, error);
    }

    /// <summary>Reads the outputs of runs <paramref name="range"/> from evaluations.csv text.</summary>
    public static (double[][]? Outputs, string? Error) ParseEvaluations(string csv, string file, RunRange range, int outputs)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != range.Count + 1) return (null, $"{file}: expected {range.Count} runs, found {lines.Length - 1} rows");
        var rows = new double[range.Count][];
        for (var r = 0; r < range.Count; r++)
        {
            var cells = lines[r + 1].Split(',');
            if (cells.Length != outputs + 1 || cells[0] != (range.From + r).ToString(CultureInfo.InvariantCulture))
                return (null, $"{file}: row {r + 2}: expected run {range.From + r} with {outputs} values");
            rows[r] = new double[outputs];
            for (var k = 0; k < outputs; k++)
            {
                if (cells[k + 1].Length == 0) rows[r][k] = double.NaN;
                else if (!Input.InputNumber.TryParse(cells[k + 1], out rows[r][k]))
                    return (null, $"{file}: row {r + 2}: '{cells[k + 1]}' is not a number");
            }
        }
        return (rows, null);
    }

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
