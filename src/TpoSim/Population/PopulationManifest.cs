using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TpoSim.Sensitivity;

namespace TpoSim.Population;

/// <summary>
/// manifest.json of a population shard folder (<c>tposim population --shard i/K</c>): its kind ("population", the key
/// <c>tposim merge</c> dispatches on), what fixes the run's results (the population file by path and content hash, seed, N,
/// the options that change numbers, the TpoSim version) and what the shard holds (slots, candidates screened, screen
/// failures, subjects enrolled, histogram series per arm). Thread count and wall time are not in it: they change no result.
/// </summary>
/// <param name="TpoSim">TpoSim's informational version (with its commit when the build recorded one).</param>
/// <param name="File">Absolute path of the population (or scenario) file the shard ran; the merge reads it again.</param>
/// <param name="Sha256">SHA-256 of the file's text (UTF-8, hex): the merge refuses a file changed since.</param>
/// <param name="Name">The population's name (for messages).</param>
/// <param name="Seed">Run seed.</param>
/// <param name="Subjects">N, subject slots of the whole run.</param>
/// <param name="ShardIndex">Shard i (1-based).</param>
/// <param name="ShardCount">Shards K.</param>
/// <param name="Slots">Slots held: [⌊(i − 1)N/K⌋, ⌊iN/K⌋).</param>
/// <param name="RelativeTolerance">--rtol of every subject's solve.</param>
/// <param name="Solver">--solver, or null for the scenario's.</param>
/// <param name="Screened">Candidates screened in these slots.</param>
/// <param name="ScreenFailures">Screen failures of these slots, by reason.</param>
/// <param name="Enrolled">Subjects enrolled in these slots.</param>
/// <param name="ArmSeries">Per arm (one entry without arms): its name ("" without arms) and the series in its histograms.</param>
public sealed record PopulationManifest(string TpoSim, string File, string Sha256, string Name, long Seed, int Subjects,
    int ShardIndex, int ShardCount, RunRange Slots, double RelativeTolerance, string? Solver,
    int Screened, IReadOnlyDictionary<string, int> ScreenFailures, int Enrolled, IReadOnlyList<(string Arm, int Series)> ArmSeries)
{
    /// <summary>The manifest kind.</summary>
    public const string Kind = "population";

    /// <summary>File name of the manifest.</summary>
    public const string FileName = "manifest.json";

    /// <summary>SHA-256 of <paramref name="text"/> (UTF-8), lower-case hex.</summary>
    public static string HashOf(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The manifest as JSON (numbers round-trip).</summary>
    public string Json()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("kind", Kind);
            w.WriteNumber("version", 1);
            w.WriteString("tposim", TpoSim);
            w.WriteString("file", File);
            w.WriteString("sha256", Sha256);
            w.WriteString("name", Name);
            w.WriteNumber("seed", Seed);
            w.WriteNumber("subjects", Subjects);
            w.WriteStartObject("shard");
            w.WriteNumber("index", ShardIndex);
            w.WriteNumber("count", ShardCount);
            w.WriteEndObject();
            w.WriteStartObject("slots");
            w.WriteNumber("from", Slots.From);
            w.WriteNumber("to", Slots.To);
            w.WriteEndObject();
            w.WriteStartObject("options");
            w.WriteNumber("rtol", RelativeTolerance);
            if (Solver is null) w.WriteNull("solver"); else w.WriteString("solver", Solver);
            w.WriteEndObject();
            w.WriteNumber("screened", Screened);
            w.WriteStartObject("screenFailures");
            foreach (var (reason, count) in ScreenFailures.OrderBy(x => x.Key, StringComparer.Ordinal)) w.WriteNumber(reason, count);
            w.WriteEndObject();
            w.WriteNumber("enrolled", Enrolled);
            w.WriteStartArray("arms");
            foreach (var (arm, series) in ArmSeries)
            {
                w.WriteStartObject();
                w.WriteString("name", arm);
                w.WriteNumber("series", series);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Reads a manifest; the problem as "file: field: message" when it is not a valid population manifest.</summary>
    public static (PopulationManifest? Manifest, string? Error) Parse(string json, string file)
    {
        using (var checkedDoc = Scenarios.JsonInput.TryParse(json, out var syntax))
        {
            if (checkedDoc is null) return (null, $"{file}: {syntax}");
            if (checkedDoc.RootElement.ValueKind != JsonValueKind.Object) return (null, $"{file}: $: expected a JSON object, found {Scenarios.JsonInput.Describe(checkedDoc.RootElement)}");
        }
        var o = JsonNode.Parse(json, documentOptions: Scenarios.JsonInput.Options)!.AsObject();
        string? error = null;
        T Get<T>(JsonNode? node, string path)
        {
            if (error is null && (node is not JsonValue v || !v.TryGetValue<T>(out _))) error = $"{file}: {path}: missing or not a {typeof(T).Name}";
            else if (error is null) return ((JsonValue)node!).GetValue<T>();
            return default!;
        }
        if (Get<string>(o["kind"], "kind") != Kind) return (null, error ?? $"{file}: kind: must be '{Kind}'");
        if (Get<int>(o["version"], "version") != 1 && error is null) error = $"{file}: version: must be 1";
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        if (o["screenFailures"] is JsonObject sf)
            foreach (var (reason, node) in sf) failures[reason] = Get<int>(node, $"screenFailures.{reason}");
        else error ??= $"{file}: screenFailures: missing";
        var arms = new List<(string, int)>();
        if (o["arms"] is JsonArray a)
            for (var i = 0; i < a.Count; i++) arms.Add((Get<string>(a[i]?["name"], $"arms[{i}].name"), Get<int>(a[i]?["series"], $"arms[{i}].series")));
        else error ??= $"{file}: arms: missing";
        var solverNode = o["options"]?["solver"];
        var manifest = new PopulationManifest(Get<string>(o["tposim"], "tposim"), Get<string>(o["file"], "file"), Get<string>(o["sha256"], "sha256"),
            Get<string>(o["name"], "name"), Get<long>(o["seed"], "seed"), Get<int>(o["subjects"], "subjects"),
            Get<int>(o["shard"]?["index"], "shard.index"), Get<int>(o["shard"]?["count"], "shard.count"),
            new RunRange(Get<int>(o["slots"]?["from"], "slots.from"), Get<int>(o["slots"]?["to"], "slots.to")),
            Get<double>(o["options"]?["rtol"], "options.rtol"), solverNode is null ? null : Get<string>(solverNode, "options.solver"),
            Get<int>(o["screened"], "screened"), failures, Get<int>(o["enrolled"], "enrolled"), arms);
        if (error is null && !(manifest.ShardCount >= 1 && manifest.ShardIndex >= 1 && manifest.ShardIndex <= manifest.ShardCount))
            error = $"{file}: shard: {manifest.ShardIndex}/{manifest.ShardCount} must be i/K with 1 ≤ i ≤ K";
        if (error is null && !(manifest.Subjects >= 1 && manifest.Subjects <= PopulationRunner.MaxSubjects))
            error = $"{file}: subjects: {manifest.Subjects} is outside the allowed range [1, {PopulationRunner.MaxSubjects}]";
        if (error is null && manifest.Slots != RunRange.Shard(manifest.ShardIndex, manifest.ShardCount, manifest.Subjects))
            error = $"{file}: slots: [{manifest.Slots.From}, {manifest.Slots.To}) is not shard {manifest.ShardIndex}/{manifest.ShardCount} of {manifest.Subjects} slots";
        if (error is null && arms.Count == 0) error = $"{file}: arms: empty";
        return error is null ? (manifest, null) : (null, error);
    }
}
