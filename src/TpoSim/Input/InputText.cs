using System.Text;

namespace TpoSim.Input;

/// <summary>Text checks and the one-line form of messages, shared by every reader.</summary>
public static class InputText
{
    /// <summary>True when <paramref name="s"/> has no lone UTF-16 surrogate (it can be written as UTF-8).</summary>
    public static bool IsValidUtf16(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
                return false;
            }
            if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }

    /// <summary>
    /// <paramref name="s"/> on one line: control characters (a newline in a user's value, a NUL) are written as escapes,
    /// so an error message never spills over several lines.
    /// </summary>
    public static string OneLine(string s)
    {
        if (!s.Any(char.IsControl)) return s;
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>The first sentence of a system message, on one line.</summary>
    public static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return OneLine(cut > 0 ? message[..cut] : message);
    }
}
