using System.Globalization;
using CsvHelper;
using TpoSim.Simulation;

namespace TpoSim.Output.Files;

/// <summary>
/// Writes timeseries.csv: one row per grid day, columns of <see cref="OutputColumn.All"/>, then one
/// <c>&lt;drug&gt;_ng_per_mL</c> column per coupled drug (plasma concentration; free drug for romiplostim). Invariant
/// culture, deterministic.
/// </summary>
public static class TimeSeriesCsv
{
    /// <summary>Header of the concentration column of <paramref name="drug"/>.</summary>
    public static string ConcentrationColumn(string drug) => $"{drug}_ng_per_mL";

    /// <summary>Writes the result's grid outputs.</summary>
    public static void Write(SimulationResult result, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, true);
        var drugs = result.DrugConcentrationsNgPerMl.Count > 0 ? result.DrugNames : [];
        var n = OutputColumn.All.Count;
        var row = new string[n + 1 + drugs.Count];
        row[0] = "day";
        for (var c = 0; c < n; c++) row[c + 1] = OutputColumn.All[c].Name;
        for (var d = 0; d < drugs.Count; d++) row[n + 1 + d] = ConcentrationColumn(drugs[d]);
        csv.WriteRecord(row);
        for (var i = 0; i < result.Days.Count; i++)
        {
            row[0] = Number(result.Days[i]);
            for (var c = 0; c < n; c++) row[c + 1] = Number(OutputColumn.All[c].Select(result.Outputs[i]));
            for (var d = 0; d < drugs.Count; d++) row[n + 1 + d] = Number(result.DrugConcentrationsNgPerMl[i][d]);
            csv.WriteRecord(row);
        }
        csv.Flush();
    }

    /// <summary>Six significant digits, invariant culture; round-off below zero (the simulator's guard rejects anything beyond it, <see cref="RoundOff"/>) prints as 0.</summary>
    public static string Number(double value) => RoundOff.Clamp(value).ToString("G6", CultureInfo.InvariantCulture);
}
