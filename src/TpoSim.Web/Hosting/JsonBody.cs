using System.Text.Json;

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
            var what = e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "unknown field" : "not valid JSON for this request";
            throw ApiException.BadRequest(path, $"{what} (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1})");
        }
    }
}
