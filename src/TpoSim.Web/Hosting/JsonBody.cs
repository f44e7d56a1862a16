using System.Text.Json;
using System.Text.Json.Nodes;

namespace TpoSim.Web.Hosting;

/// <summary>Reads a small JSON request object under the size cap; a malformed body is a 400 naming where it broke.</summary>
public static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The body as <typeparamref name="T"/>.</summary>
    public static async Task<T> ReadAsync<T>(HttpContext context, ServerLimits limits) where T : class
    {
        var text = await RequestBody.ReadTextAsync(context, limits);
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options) ?? throw ApiException.BadRequest("$", "expected a JSON object, found null");
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
                throw ApiException.BadRequest(path, $"unknown field (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1})");
            // Well-formed JSON with a value of the wrong type ({"tpo": "a"}): say what was expected and what came, as
            // the scenario reader does ("expected a number …, found the text \"x\""), not only where it broke.
            if (Mismatch(typeof(T), path, text) is { } mismatch) throw ApiException.BadRequest(path, mismatch);
            throw ApiException.BadRequest(path, $"not valid JSON for this request (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1})");
        }
    }

    /// <summary>"expected a number, found the text \"a\"" for a top-level field of the wrong type; null otherwise.</summary>
    private static string? Mismatch(Type type, string path, string text)
    {
        if (!path.StartsWith("$.", StringComparison.Ordinal) || path.IndexOfAny(['.', '['], 2) >= 0) return null;
        var name = path[2..];
        var property = type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (property is null) return null;
        var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var expected = target == typeof(double) || target == typeof(float) || target == typeof(decimal) ? "a number"
            : target == typeof(int) || target == typeof(long) ? "a whole number"
            : target == typeof(string) ? "a text"
            : target == typeof(bool) ? "true or false"
            : null;
        if (expected is null) return null;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) is JsonObject o
                ? o.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
        var found = node switch
        {
            null => "null",
            JsonObject => "an object",
            JsonArray => "an array",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => $"the text \"{v.GetValue<string>()}\"",
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => $"the number {v.ToJsonString()}",
            _ => node.ToJsonString(),
        };
        return $"expected {expected}, found {found}";
    }
}
