using System.Text;

namespace TpoSim.Sensitivity;

/// <summary>
/// Writes a set of files computed in full beforehand: each goes to a temporary name and is renamed into place, so a
/// failed run never leaves a half-written file (UTF-8 without BOM, "\n" line ends).
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
            var temp = path + ".partial";
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.Move(temp, path, overwrite: true);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>A file-name-safe form of <paramref name="text"/> (letters, digits, '-', '.', others as '_').</summary>
    public static string Slug(string text) =>
        new(text.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' ? ch : '_').ToArray());
}
