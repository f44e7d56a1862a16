using System.Text.Json;

namespace TpoSim.Web.Hosting;

/// <summary>One shipped file the page offers: its file name, title and description.</summary>
/// <param name="File">File name (the identifier in the API).</param>
/// <param name="Name">Its "name" field, or the file name.</param>
/// <param name="Description">Its "description" field, or the first comment line.</param>
public sealed record ShippedFile(string File, string Name, string Description);

/// <summary>
/// The shipped trial files (populations/), example scenarios (scenarios/), patient histories (examples/) and the
/// model's equations (docs/equations.md, when generated), copied next to the assembly under data/. The API names
/// them by file name only, so a request never reaches another file on the server.
/// </summary>
public sealed class DataFiles(string root)
{
    /// <summary>The data folder next to the running assembly.</summary>
    public static DataFiles FromBaseDirectory() => new(Path.Combine(AppContext.BaseDirectory, "data"));

    /// <summary>The folder of trial files.</summary>
    public string Populations => Path.Combine(root, "populations");
    /// <summary>The folder of example scenarios.</summary>
    public string Scenarios => Path.Combine(root, "scenarios");
    /// <summary>The folder of example patient histories.</summary>
    public string Examples => Path.Combine(root, "examples");
    /// <summary>docs/equations.md, when the model's equations have been generated.</summary>
    public string Equations => Path.Combine(root, "docs", "equations.md");

    /// <summary>The JSON files of <paramref name="folder"/> with their name and description.</summary>
    public static IReadOnlyList<ShippedFile> ListJson(string folder) => !Directory.Exists(folder) ? [] :
        Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(f =>
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(f), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                var root = doc.RootElement;
                string? Field(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                return new ShippedFile(Path.GetFileName(f), Field("name") ?? Path.GetFileNameWithoutExtension(f), Field("description") ?? "");
            }
            catch (JsonException)
            {
                return new ShippedFile(Path.GetFileName(f), Path.GetFileNameWithoutExtension(f), "");
            }
        }).ToArray();

    /// <summary>The CSV files of <paramref name="folder"/>, described by their first comment line.</summary>
    public static IReadOnlyList<ShippedFile> ListCsv(string folder) => !Directory.Exists(folder) ? [] :
        Directory.GetFiles(folder, "*.csv").OrderBy(f => f, StringComparer.Ordinal).Select(f =>
        {
            var first = File.ReadLines(f).FirstOrDefault() ?? "";
            return new ShippedFile(Path.GetFileName(f), Path.GetFileNameWithoutExtension(f), first.StartsWith('#') ? first.TrimStart('#', ' ') : "");
        }).ToArray();

    /// <summary>The full path of <paramref name="file"/> in <paramref name="folder"/>, or null when it is not one of the listed files.</summary>
    public static string? Find(string folder, string file, IReadOnlyList<ShippedFile> listed) =>
        listed.Any(l => l.File == file) ? Path.Combine(folder, file) : null;
}
