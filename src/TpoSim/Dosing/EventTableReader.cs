using System.Globalization;
using CsvHelper;
using TpoSim.Input;
using TpoSim.Scenarios;

namespace TpoSim.Dosing;

/// <summary>
/// Reads a TpoSim event table (see <see cref="EventTableFormat"/>). Never throws for bad input: every problem in the
/// file is returned at once in <see cref="EventTable.Errors"/>, one line each, naming the file, the data row (1-based,
/// header not counted) with its line, the column, and what is allowed. Comment lines start with '#'.
/// </summary>
public static class EventTableReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static EventTable ReadFile(string path, DoseUnit amountUnit)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Input.InputFile.TryReadText(path, out var text, out var problem)
            ? ReadText(text, path, amountUnit)
            : new EventTable([], [], [new InputProblem(path, "", $"cannot be read: {problem}")]);
    }

    /// <summary>Reads CSV text (<paramref name="fileName"/> names it in messages).</summary>
    public static EventTable ReadText(string text, string fileName, DoseUnit amountUnit)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Read(reader, fileName, amountUnit);
    }

    /// <summary>Reads CSV from <paramref name="textReader"/> (<paramref name="fileName"/> names it in messages).</summary>
    public static EventTable Read(TextReader textReader, string fileName, DoseUnit amountUnit)
    {
        ArgumentNullException.ThrowIfNull(textReader);
        ArgumentNullException.ThrowIfNull(fileName);
        var state = new ReadState(fileName, amountUnit);
        try
        {
            var options = new CsvReaderOptions
            {
                Separator = ',',
                TrimWhitespace = true,
                CommentPrefix = '#',
                TrackLineNumbers = true,
                FormatProvider = CultureInfo.InvariantCulture,
            };
            using var csv = CsvReader.Create(textReader, options, true);
            if (!state.ReadHeader(csv)) return state.Result();
            while (csv.Read()) state.ReadRow(csv);
        }
        catch (Exception e) when (e is CsvFormatException or IOException or FormatException or InvalidOperationException)
        {
            state.Add("", $"the CSV cannot be parsed: {InputText.FirstSentence(e.Message)}");
        }
        return state.Result();
    }

    private sealed class ReadState(string file, DoseUnit amountUnit)
    {
        public List<InputProblem> Errors { get; } = [];

        /// <summary>A problem at <paramref name="place"/> ("row 3 (line 4), column AMT", "header (line 1), column TIME").</summary>
        public void Add(string place, string message) => Errors.Add(new InputProblem(file, place, message));
        private readonly List<SubjectDosingRecord> _doses = [];
        private readonly List<Observation> _observations = [];
        private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, (double Hours, int Row)> _lastTime = new(StringComparer.Ordinal);
        private int _headerCount;
        private readonly string _amountUnit = DoseUnits.Symbol(amountUnit);

        public EventTable Result() => new(_doses, _observations, Errors);

        public bool ReadHeader(CsvReader csv)
        {
            var headers = csv.Headers;
            _headerCount = headers.Count;
            for (var i = 0; i < headers.Count; i++)
            {
                var name = headers[i].Trim();
                if (!_columns.TryAdd(name, i) && EventTableFormat.Columns.Contains(name, StringComparer.OrdinalIgnoreCase))
                    Add($"header (line 1), column {name.ToUpperInvariant()}", $"appears more than once; allowed: each of {string.Join(", ", EventTableFormat.Columns)} once.");
            }
            foreach (var column in EventTableFormat.Columns)
                if (!_columns.ContainsKey(column))
                    Add($"header (line 1), column {column}", $"missing; required columns: {string.Join(", ", EventTableFormat.Columns)} (any order, extra columns ignored).");
            return Errors.Count == 0;
        }

        public void ReadRow(CsvReader csv)
        {
            var row = (int)csv.RowNumber;
            var where = $"row {row} (line {csv.LineNumber})";
            var before = Errors.Count;
            if (csv.FieldCount != _headerCount)
                Add(where, $"has {csv.FieldCount} fields; allowed: {_headerCount}, as in the header.");

            string Get(string column)
            {
                var index = _columns[column];
                return index < csv.FieldCount ? csv.GetString(index).Trim() : "";
            }

            var id = Get("ID");
            if (id.Length == 0 || id == ".") Add($"{where}, column ID", $"empty; allowed: any non-empty subject identifier.");

            var time = Number(where, "TIME", Get("TIME"), 0, EventTableFormat.MaxTimeHours, "h", required: true);
            var evid = Integer(where, "EVID", Get("EVID"), required: true);
            if (evid is not (null or 0 or 1))
            {
                Add($"{where}, column EVID", $"{evid} is not supported; allowed: 0 (observation), 1 (dose).");
                evid = null;
            }
            var cmt = Integer(where, "CMT", Get("CMT"), required: true);
            double? amt;
            double? ii;
            long? addl;
            double? dv;
            if (evid == 1)
            {
                amt = PositiveAmount(where, Get("AMT"));
                ii = Number(where, "II", Get("II"), 0, EventTableFormat.MaxIntervalHours, "h", required: false) ?? 0;
                addl = Integer(where, "ADDL", Get("ADDL"), required: false) ?? 0;
                if (addl is < 0 or > EventTableFormat.MaxAdditionalDoses)
                {
                    Add($"{where}, column ADDL", $"{addl} is out of range; allowed: integer [0, {EventTableFormat.MaxAdditionalDoses}].");
                    addl = null;
                }
                if (ii is { } i && addl is { } a)
                {
                    if (a > 0 && i == 0) Add($"{where}, column II", $"0 h with ADDL {a}; allowed: II > 0 h when ADDL > 0.");
                    if (a == 0 && i > 0) Add($"{where}, column ADDL", $"0 with II {F(i)} h (II without ADDL repeats nothing); allowed: ADDL ≥ 1 when II > 0, or II 0.");
                }
                Zero(where, "DV", Get("DV"), "dose rows");
                if (cmt is { } c && c is < 1 or > 3)
                {
                    Add($"{where}, column CMT", $"{c} is not a dose compartment; allowed for EVID 1: 1 (oral), 2 (subcutaneous), 3 (intravenous).");
                    cmt = null;
                }
                if (Errors.Count == before && time is { } t && amt is { } amount && cmt is { } dc)
                {
                    var route = (EventTableCompartment)dc switch
                    {
                        EventTableCompartment.Oral => Route.Oral,
                        EventTableCompartment.Subcutaneous => Route.Subcutaneous,
                        _ => Route.Intravenous,
                    };
                    _doses.Add(new SubjectDosingRecord(id, new DosingRecord(
                        EventTableFormat.HoursToDays(t), amount, amountUnit, route,
                        EventTableFormat.HoursToDays(ii!.Value), (int)addl!.Value), row));
                }
            }
            else if (evid == 0)
            {
                Zero(where, "AMT", Get("AMT"), "observation rows");
                Zero(where, "II", Get("II"), "observation rows");
                Zero(where, "ADDL", Get("ADDL"), "observation rows");
                ObservationKind? kind = null;
                if (cmt is { } c)
                {
                    if (c is >= 4 and <= 6) kind = (ObservationKind)(c - 4);
                    else Add($"{where}, column CMT", $"{c} is not an observation compartment; allowed for EVID 0: 4 (platelets, 10^9/L), 5 (TPO, pg/mL), 6 (drug, ng/mL).");
                }
                dv = kind is { } k
                    ? Number(where, "DV", Get("DV"), 0, EventTableFormat.MaxObservation(k), EventTableFormat.ObservationUnit(k), required: true)
                    : null;
                if (Errors.Count == before && time is { } t && kind is { } kk && dv is { } value)
                    _observations.Add(new Observation(id, EventTableFormat.HoursToDays(t), kk, value, row));
            }

            if (time is { } tt && id.Length > 0)
            {
                if (_lastTime.TryGetValue(id, out var last) && tt < last.Hours)
                    Add($"{where}, column TIME", $"{F(tt)} h goes back in time within ID {id}; allowed: ≥ {F(last.Hours)} h (row {last.Row}), rows of a subject in time order.");
                else
                    _lastTime[id] = (tt, row);
            }
        }

        private double? PositiveAmount(string where, string text)
        {
            if (IsMissing(text))
            {
                Add($"{where}, column AMT", $"missing on a dose row; allowed: (0, {F(EventTableFormat.MaxAmount)}] {_amountUnit}.");
                return null;
            }
            if (!TryParse(text, out var v))
            {
                Add($"{where}, column AMT", $"'{text}' is not a number; allowed: (0, {F(EventTableFormat.MaxAmount)}] {_amountUnit}.");
                return null;
            }
            if (!(v > 0 && v <= EventTableFormat.MaxAmount))
            {
                Add($"{where}, column AMT", $"{F(v)} is out of range; allowed: (0, {F(EventTableFormat.MaxAmount)}] {_amountUnit}.");
                return null;
            }
            return v;
        }

        private double? Number(string where, string column, string text, double min, double max, string unit, bool required)
        {
            if (IsMissing(text))
            {
                if (required) Add($"{where}, column {column}", $"missing; allowed: [{F(min)}, {F(max)}] {unit}.");
                return null;
            }
            if (!TryParse(text, out var v))
            {
                Add($"{where}, column {column}", $"'{text}' is not a number; allowed: [{F(min)}, {F(max)}] {unit}.");
                return null;
            }
            if (!(v >= min && v <= max))
            {
                Add($"{where}, column {column}", $"{F(v)} is out of range; allowed: [{F(min)}, {F(max)}] {unit}.");
                return null;
            }
            return v;
        }

        private long? Integer(string where, string column, string text, bool required)
        {
            if (IsMissing(text))
            {
                if (required) Add($"{where}, column {column}", $"missing; allowed: {IntegerRange(column)}.");
                return null;
            }
            if (!TryParse(text, out var v) || v != Math.Floor(v) || Math.Abs(v) > 1e9)
            {
                Add($"{where}, column {column}", $"'{text}' is not an integer; allowed: {IntegerRange(column)}.");
                return null;
            }
            return (long)v;
        }

        private void Zero(string where, string column, string text, string rows)
        {
            if (IsMissing(text)) return;
            if (!TryParse(text, out var v)) Add($"{where}, column {column}", $"'{text}' is not a number; allowed on {rows}: empty, '.' or 0.");
            else if (v != 0) Add($"{where}, column {column}", $"{F(v)} does not apply to {rows}; allowed: empty, '.' or 0.");
        }

        private static string IntegerRange(string column) => column switch
        {
            "EVID" => "0 (observation), 1 (dose)",
            "CMT" => "1–3 for doses (oral, SC, IV), 4–6 for observations (platelets, TPO, drug)",
            _ => $"integer [0, {EventTableFormat.MaxAdditionalDoses}]",
        };

        private static bool IsMissing(string text) => text.Length == 0 || text == ".";

        private static bool TryParse(string text, out double value) => Input.InputNumber.TryParse(text, out value);

        private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    }
}
