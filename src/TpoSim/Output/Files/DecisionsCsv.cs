using System.Globalization;
using TpoSim.Policies;

namespace TpoSim.Output.Files;

/// <summary>Writes decisions.csv: one row per titration check (day, measured count, branch, action, dose, unit, regimen).</summary>
public static class DecisionsCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "day,measured_platelets_e9_per_l,branch,action,dose,unit,regimen";

    /// <summary>Writes the header and one row per decision of <paramref name="log"/>.</summary>
    public static void Write(TitrationLog log, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Header);
        foreach (var d in log.Decisions)
        {
            writer.WriteLine(string.Join(",",
                d.Day.ToString("0.###", CultureInfo.InvariantCulture), d.Measured.ToString("0.##", CultureInfo.InvariantCulture),
                Quote(d.Branch), d.Action, d.Dose.ToString("G6", CultureInfo.InvariantCulture), d.Unit, Quote(d.Regimen)));
        }
    }

    private static string Quote(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
}
