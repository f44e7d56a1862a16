using System.Globalization;
using System.Text;

namespace TpoSim.Diagnosis;

/// <summary>One row of a batch file: an id and its measurement.</summary>
/// <param name="Id">Row identifier as given.</param>
/// <param name="Row">1-based line number in the file.</param>
/// <param name="Measurement">The pair.</param>
public sealed record PairRow(string Id, int Row, PairMeasurement Measurement);

/// <summary>
/// Batch files of pairs: <c>id,platelets,tpo[,unit]</c> per line (an optional header line starting with "id"; blank
/// lines and lines starting with '#' are skipped), and the readings file written for them.
/// </summary>
public static class PairCsv
{
    /// <summary>
    /// Reads <paramref name="text"/>; every row that is not usable becomes a problem at "row N" (N the 1-based line), and
    /// the usable rows are kept beside the problems.
    /// </summary>
    /// <param name="text">The file's contents.</param>
    /// <param name="defaultUnit">Unit of rows without a unit column.</param>
    /// <param name="assayNormal">Assay healthy mean applied to every row (in the row's unit), or null.</param>
    public static Input.ReadResult<IReadOnlyList<PairRow>> Read(string text, TpoUnit defaultUnit = TpoUnit.PicogramsPerMl, double? assayNormal = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<PairRow>();
        var problems = new List<Input.InputProblem>();
        var rowOf = new List<int>();
        void Problem(int row, string message)
        {
            problems.Add(new Input.InputProblem($"row {row}", message));
            rowOf.Add(row);
        }
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var n = i + 1;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            if (rows.Count == 0 && problems.Count == 0 && cells[0].Equals("id", StringComparison.OrdinalIgnoreCase)) continue;
            if (cells.Length is < 3 or > 4)
            {
                Problem(n, $"expected 3 or 4 columns (id,platelets,tpo[,unit]), found {cells.Length}");
                continue;
            }
            if (cells[0].Length == 0) Problem(n, "id is empty");
            var unit = defaultUnit;
            if (cells.Length == 4 && cells[3].Length > 0)
            {
                if (PairMeasurement.ParseUnit(cells[3]) is { } u) unit = u;
                else
                {
                    Problem(n, $"unit '{cells[3]}' is not {PairMeasurement.UnitNames}");
                    continue;
                }
            }
            if (!TryNumber(cells[1], out var platelets)) Problem(n, $"platelets '{cells[1]}' is not a number (allowed {PairMeasurement.MinPlatelets}–{PairMeasurement.MaxPlatelets} ×10^9/L)");
            if (!TryNumber(cells[2], out var tpo)) Problem(n, $"tpo '{cells[2]}' is not a number (allowed {PairMeasurement.MinTpoPicogramsPerMl}–{PairMeasurement.MaxTpoPicogramsPerMl} pg/mL)");
            if (rowOf.Contains(n)) continue;
            var m = new PairMeasurement(platelets, tpo, unit, assayNormal);
            var bad = m.Problems();
            if (bad.Count > 0)
            {
                foreach (var p in bad) Problem(n, p.Message);
                continue;
            }
            rows.Add(new PairRow(cells[0], n, m));
        }
        if (rows.Count == 0 && problems.Count == 0) Problem(1, "no rows: expected lines id,platelets,tpo[,unit]");
        return new Input.ReadResult<IReadOnlyList<PairRow>>(rows, problems);
    }

    /// <summary>Header of the readings file: id, top reading, its plausibility, then one plausibility column per reading.</summary>
    public static string Header { get; } = "id,top_reading,top_plausibility," + string.Join(",", ReadingInfo.All.Select(r => r.Key + "_plausibility"));

    /// <summary>The readings file for <paramref name="results"/> (plausibilities as fractions, 4 decimals).</summary>
    public static string Write(IEnumerable<(string Id, Interpretation Result)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder().Append(Header).Append('\n');
        foreach (var (id, r) in results)
        {
            sb.Append(Escape(id)).Append(',').Append(r.Top.Info.Key).Append(',').Append(P(r.Top.Plausibility));
            foreach (var info in ReadingInfo.All) sb.Append(',').Append(P(r[info.Reading].Plausibility));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string P(double p) => p.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Escape(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    private static bool TryNumber(string s, out double v) =>
        Input.InputNumber.TryParse(s, out v);
}
