using System.Text.Json;
using TpoSim.Input;

namespace TpoSim.Scenarios;

/// <summary>
/// How every TpoSim input file (scenario, validation cases, population) is read as JSON: comments and trailing
/// commas allowed, a syntax error located by line and position, a field given twice refused (JSON readers disagree
/// on which copy wins) and text that is not valid Unicode (a lone UTF-16 surrogate such as "\ud800") refused,
/// written once for all readers.
/// </summary>
public static class JsonInput
{
    /// <summary>Reader options shared by every input format.</summary>
    public static JsonDocumentOptions Options { get; } = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// Parses <paramref name="json"/>; on a syntax error, a duplicate field or invalid text returns null and a one-line
    /// <paramref name="error"/> ("not valid JSON (line L, position P): …", "$.simulation.days: the field is given twice …").
    /// </summary>
    public static JsonDocument? TryParse(string json, out string error)
    {
        try
        {
            var doc = JsonDocument.Parse(json, Options);
            if (FirstStructuralProblem(doc.RootElement, "$") is { } problem)
            {
                doc.Dispose();
                error = problem;
                return null;
            }
            error = "";
            return doc;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, position {e.BytePositionInLine + 1}" : "unknown position";
            var message = e.Message;
            var cut = message.IndexOf(". ", StringComparison.Ordinal);
            var first = (cut > 0 ? message[..cut] : message).Replace('\n', ' ').Replace('\r', ' ');
            error = $"not valid JSON ({where}): {first}";
            return null;
        }
    }

    /// <summary>
    /// A <see cref="TryParse"/> error split into its JSON path and message: "$.simulation.days: the field is given twice"
    /// gives ("$.simulation.days", "the field is given twice"); a syntax error has the path "$".
    /// </summary>
    public static (string Path, string Message) Locate(string error)
    {
        if (error.StartsWith('$'))
        {
            var cut = error.IndexOf(": ", StringComparison.Ordinal);
            if (cut > 0) return (error[..cut], error[(cut + 2)..]);
        }
        return ("$", error);
    }

    /// <summary>The first field given twice in one object, or string that is not valid UTF-16, with its JSON path.</summary>
    private static string? FirstStructuralProblem(JsonElement e, string path)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var prop in e.EnumerateObject())
                {
                    if (!TryGetText(prop, out var name)) return $"{path}: a field name is not valid Unicode text (a lone UTF-16 surrogate); allowed: valid text";
                    var child = $"{path}.{InputText.OneLine(name)}";
                    if (!seen.Add(name)) return $"{child}: the field is given twice in one object; allowed: each field once";
                    if (FirstStructuralProblem(prop.Value, child) is { } inner) return inner;
                }
                return null;
            }
            case JsonValueKind.Array:
            {
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    if (FirstStructuralProblem(item, $"{path}[{i++}]") is { } inner) return inner;
                }
                return null;
            }
            case JsonValueKind.String:
                return TryGetText(e, out var text) && InputText.IsValidUtf16(text)
                    ? null
                    : $"{path}: the text is not valid Unicode (a lone UTF-16 surrogate such as \\ud800); allowed: valid text";
            default:
                return null;
        }
    }

    private static bool TryGetText(JsonProperty p, out string text)
    {
        try { text = p.Name; return InputText.IsValidUtf16(text); }
        catch (InvalidOperationException) { text = ""; return false; }
    }

    private static bool TryGetText(JsonElement e, out string text)
    {
        try { text = e.GetString() ?? ""; return true; }
        catch (InvalidOperationException) { text = ""; return false; }
    }

    /// <summary>
    /// A JSON number that is a whole number within int range: 10, 1e1 and 10.0 all are (JSON has one number type),
    /// 10.5 is not. Every reader's whole-number fields use this.
    /// </summary>
    public static bool TryGetWholeNumber(JsonElement e, out int value)
    {
        value = 0;
        if (e.ValueKind != JsonValueKind.Number) return false;
        var x = e.GetDouble();
        if (!double.IsFinite(x) || Math.Floor(x) != x || x < int.MinValue || x > int.MaxValue) return false;
        value = (int)x;
        return true;
    }

    /// <summary>
    /// Each field of <paramref name="obj"/> that is not in <paramref name="allowed"/>, as (JSON path, message) with the
    /// allowed names listed (names starting with '$', such as "$schema", are accepted but not listed). Every reader's
    /// unknown-field check is this one.
    /// </summary>
    public static IEnumerable<(string Path, string Message)> UnknownFields(JsonElement obj, string path, IReadOnlyCollection<string> allowed)
    {
        foreach (var prop in obj.EnumerateObject())
        {
            if (!allowed.Contains(prop.Name))
                yield return ($"{path}.{prop.Name}", $"unknown field; allowed: {string.Join(", ", allowed.Where(a => !a.StartsWith('$')))}");
        }
    }

    /// <summary>A JSON value as a user reads it in an error message ("the text \"abc\"", "an array", "null", …).</summary>
    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the text \"{InputText.OneLine(e.GetString() ?? "")}\"",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        JsonValueKind.Undefined => "nothing",
        _ => "null",
    };
}
