using System.Text;

namespace TpoSim.Sensitivity;

/// <summary>
/// Writes a set of files computed in full beforehand (UTF-8 without BOM) into a folder: the CLI gives it the staging
/// folder of an <see cref="Output.Files.OutputFolder"/>, which appears under its final name only when complete.
/// </summary>
internal static class OutputDirectory
{
    /// <summary>Writes <paramref name="files"/> (name → text) into <paramref name="directory"/>; returns the paths in order.</summary>
    public static IReadOnlyList<string> Write(string directory, IEnumerable<(string Name, string Text)> files)
    {
        var list = files.ToArray();
        Directory.CreateDirectory(directory);
        var paths = new List<string>(list.Length);
        foreach (var (name, text) in list)
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, text, new UTF8Encoding(false));
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>A file-name-safe form of <paramref name="text"/> (letters, digits, '-', '.', others as '_').</summary>
    public static string Slug(string text) =>
        new(text.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' ? ch : '_').ToArray());
}
