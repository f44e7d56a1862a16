using System.Globalization;

namespace TpoSim.Output.Files;

/// <summary>
/// The one number format of the population and forecast files: ten significant digits, invariant culture, so the
/// same seed gives the same bytes on any machine; a non-finite value (an undefined statistic) is written empty.
/// </summary>
public static class InvariantNumber
{
    /// <summary><paramref name="value"/> with ten significant digits, or "" when it is NaN or infinite.</summary>
    public static string G10(double value) => double.IsFinite(value) ? value.ToString("G10", CultureInfo.InvariantCulture) : "";
}
