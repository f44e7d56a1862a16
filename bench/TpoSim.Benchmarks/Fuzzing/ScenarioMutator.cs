using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TpoSim.Benchmarks.Fuzzing;

/// <summary>
/// Mutates scenario JSON: structure-level (a value replaced by an extreme number, another type, an odd string; a field
/// removed or added; an array entry repeated) and, one time in five, text-level (a key given twice, a lone surrogate
/// or NUL escape, a newline, truncation). Deterministic for the <see cref="Random"/> it is given.
/// </summary>
public sealed class ScenarioMutator(Random random)
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly double[] Extremes =
        [0, -1, -1e-9, 1e-16, 1e-300, 0.5, 1.5, 2, 2.5, 10, 1e1, 100, 1e3, 1e4, 1e6, 1e9, 1e15, 1e300, 2147483647, 2147483648, -2147483649, 7300, 7301, 0.001, 0.0001];

    private static readonly string[] Strings =
        ["", " ", "abc", "null", "1", "ITP", "itp", "rhTPO", "romiplostim", "eltrombopag", "custom", "mg", "ug", "ug/kg", "iv", "sc", "oral", "/dev/zero", "../../etc/passwd", "a\nb", "é", "🙂", new string('x', 5000)];

    private static readonly string[] Names =
        ["days", "day", "amount", "unit", "drug", "route", "count", "everyDays", "weightKg", "severity", "parameters", "condition", "conditions", "events", "doses", "titration", "pk", "doseTable", "seed", "type", "zzz", "$schema", "file", "cycles", "regimen", "killRate", "exposureDays"];

    /// <summary>One to three mutations of <paramref name="json"/>.</summary>
    public string Mutate(string json)
    {
        var node = JsonNode.Parse(json, documentOptions: Lenient)!;
        var steps = 1 + random.Next(3);
        for (var i = 0; i < steps; i++) node = MutateNode(node);
        var text = node.ToJsonString();
        return random.NextDouble() < 0.2 ? MutateText(text) : text;
    }

    /// <summary>A number as JSON text, often an extreme or a different spelling of a whole number ("1e1", "10.0").</summary>
    public string RandomNumberText()
    {
        var v = Extremes[random.Next(Extremes.Length)];
        return random.Next(4) switch
        {
            0 => v.ToString("R", CultureInfo.InvariantCulture),
            1 => v.ToString("E3", CultureInfo.InvariantCulture),
            2 => Math.Floor(v) == v && Math.Abs(v) < 1e15 ? v.ToString("0.0", CultureInfo.InvariantCulture) : v.ToString("R", CultureInfo.InvariantCulture),
            _ => (v * (0.5 + random.NextDouble())).ToString("R", CultureInfo.InvariantCulture),
        };
    }

    private JsonNode MutateNode(JsonNode root)
    {
        var all = new List<JsonNode>();
        Collect(root, all);
        var target = all[random.Next(all.Count)];
        var replacement = random.Next(10) switch
        {
            0 or 1 or 2 => JsonNode.Parse(RandomNumberText()),
            3 => target is JsonValue v && v.TryGetValue<double>(out var x) ? JsonValue.Create(x * (random.Next(2) == 0 ? 1000 : 0.001)) : JsonValue.Create(-1.0),
            4 => JsonValue.Create(Strings[random.Next(Strings.Length)]),
            5 => null,
            6 => new JsonArray(),
            7 => new JsonObject(),
            8 => JsonValue.Create(random.Next(2) == 0),
            _ => null,
        };
        var mode = random.Next(10);
        if (target.Parent is JsonObject parent)
        {
            var key = parent.First(kv => ReferenceEquals(kv.Value, target)).Key;
            if (mode == 0) { parent.Remove(key); return root; }
            if (mode == 1) { parent[Names[random.Next(Names.Length)] + (random.Next(3) == 0 ? "x" : "")] = replacement; return root; }
            parent[key] = replacement;
            return root;
        }
        if (target.Parent is JsonArray array)
        {
            var index = array.IndexOf(target);
            if (mode <= 1) { array.RemoveAt(index); return root; }
            if (mode <= 3) { array.Add(JsonNode.Parse(target.ToJsonString())); return root; }
            array[index] = replacement;
            return root;
        }
        // The root itself: add or replace a top-level field.
        if (root is JsonObject top)
        {
            top[Names[random.Next(Names.Length)]] = replacement;
            return root;
        }
        return replacement ?? JsonValue.Create(0)!;
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is null) return;
        into.Add(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var kv in o) Collect(kv.Value, into);
                break;
            case JsonArray a:
                foreach (var item in a) Collect(item, into);
                break;
        }
    }

    private string MutateText(string text)
    {
        switch (random.Next(6))
        {
            case 0:
            {
                // A key given twice: repeat the first "key": value pair after the opening brace.
                var colon = text.IndexOf("\":", StringComparison.Ordinal);
                var start = colon > 0 ? text.LastIndexOf('"', colon - 1) : -1;
                if (start <= 0) return text;
                var end = text.IndexOfAny([',', '}'], colon);
                return end > 0 ? text.Insert(1, text[start..end] + ",") : text;
            }
            case 1:
                return InsertInString(text, "\\ud800");
            case 2:
                return InsertInString(text, "\\u0000");
            case 3:
                return InsertInString(text, "\\n");
            case 4:
                return text[..random.Next(text.Length)];
            default:
                return InsertInString(text, "\\udc00\\ud800");
        }
    }

    private string InsertInString(string text, string escape)
    {
        var quotes = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"' && (i == 0 || text[i - 1] != '\\')) quotes.Add(i);
        }
        if (quotes.Count == 0) return text;
        var at = quotes[random.Next(quotes.Count)] + 1;
        return text.Insert(Math.Min(at, text.Length), escape);
    }
}
