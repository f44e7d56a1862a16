using System.Globalization;

namespace TpoSim.Input;

/// <summary>
/// How a number written as text (a CSV cell, a header value, a command-line value) is read, once for every reader:
/// invariant culture (a decimal point, never a comma), exponent allowed, and only finite values ("NaN", "Infinity"
/// and overflowing values such as 1e999 are not numbers here).
/// </summary>
public static class InputNumber
{
    /// <summary>Reads <paramref name="text"/> as a finite number.</summary>
    public static bool TryParse(string? text, out double value)
    {
        if (text is not null && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)) return true;
        value = 0;
        return false;
    }

    /// <summary>Reads <paramref name="text"/> as a whole number within int range (10, 1e1 and 10.0 alike, as in JSON).</summary>
    public static bool TryParseWhole(string? text, out int value)
    {
        value = 0;
        if (!TryParse(text, out var x) || Math.Floor(x) != x || x < int.MinValue || x > int.MaxValue) return false;
        value = (int)x;
        return true;
    }
}
