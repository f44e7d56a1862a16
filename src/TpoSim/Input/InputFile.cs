using System.Text;

namespace TpoSim.Input;

/// <summary>
/// How every input file (scenario, dose table, population, validation cases, patient CSV, regimen and fit files) is
/// opened: the path is checked before use, and no more than <see cref="MaxBytes"/> is read, so a device such as
/// /dev/zero or a huge file is refused instead of exhausting memory. Written once for every reader.
/// </summary>
public static class InputFile
{
    /// <summary>The largest input file read: 64 MiB (a 10,000-dose table is about 0.4 MiB).</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The problem with <paramref name="path"/> as a file name, or null when it can be used.</summary>
    public static string? CheckPath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return "the file name is empty";
        if (path.Contains('\0')) return "the file name contains a NUL character";
        if (!InputText.IsValidUtf16(path)) return "the file name is not valid Unicode text";
        return null;
    }

    /// <summary>
    /// Reads a UTF-8 text file of at most <see cref="MaxBytes"/>. On failure returns false and a one-line
    /// <paramref name="error"/> ("cannot read …: reason") without the path, which the caller names.
    /// </summary>
    public static bool TryReadText(string path, out string text, out string error)
    {
        text = "";
        if (CheckPath(path) is { } bad)
        {
            error = bad;
            return false;
        }
        try
        {
            if (Directory.Exists(path))
            {
                error = "it is a folder, not a file";
                return false;
            }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > MaxBytes)
                {
                    error = $"the file is larger than the {MaxBytes / (1024 * 1024)} MiB allowed for an input file";
                    return false;
                }
                buffer.Write(chunk, 0, n);
            }
            buffer.Position = 0;
            using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
            error = "";
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = InputText.FirstSentence(e.Message);
            return false;
        }
    }

    /// <summary>
    /// Reads and parses a JSON input file through <see cref="TryReadText"/> and <see cref="Scenarios.JsonInput.TryParse"/>
    /// (size cap, encoding, comments, duplicate fields, invalid Unicode). On failure returns null and a one-line
    /// <paramref name="error"/> that starts with the JSON path ("$: cannot read the file: …", "$.a: the field is given twice …").
    /// </summary>
    public static System.Text.Json.JsonDocument? TryReadJson(string path, out string error)
    {
        if (!TryReadText(path, out var text, out var problem))
        {
            error = $"$: cannot read the file: {problem}";
            return null;
        }
        var doc = Scenarios.JsonInput.TryParse(text, out var syntax);
        error = doc is null ? (syntax.StartsWith('$') ? syntax : "$: " + syntax) : "";
        return doc;
    }
}
