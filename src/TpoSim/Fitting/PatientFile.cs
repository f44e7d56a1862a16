using System.Globalization;
using TpoSim.Dosing;
using TpoSim.Input;
using TpoSim.Physiology;
using TpoSim.Scenarios;

namespace TpoSim.Fitting;

/// <summary>Command-line values that replace a patient file's header lines (null = keep the file's).</summary>
/// <param name="Drug">Drug name.</param>
/// <param name="WeightKg">Body weight, kg.</param>
/// <param name="Condition">Condition preset name.</param>
public sealed record PatientFileOverrides(string? Drug = null, double? WeightKg = null, string? Condition = null);

/// <summary>
/// Reads a patient history: an event table (<see cref="EventTableFormat"/>: ID, TIME in hours, AMT, EVID, CMT, II, ADDL,
/// DV; CMT 4 platelets, 5 TPO) for ONE subject, with header comment lines naming what the table cannot:
/// <c># drug: romiplostim</c>, <c># unit: µg/kg</c> (default by drug: µg/kg for romiplostim, mg for the oral drugs),
/// <c># weightKg: 70</c>, <c># sex: female</c>, <c># condition: itp</c> (the prior, <see cref="FitPriors.Names"/>),
/// <c># chemotherapy: carboplatin from day 0, every 21 days, 4 cycles</c>. Every problem is returned, with the header key
/// or the row and column.
/// </summary>
public static class PatientFile
{
    /// <summary>Drugs a history may name: those with a label titration rule (forecasts need one).</summary>
    public static IReadOnlyList<string> Drugs { get; } = ["romiplostim", "eltrombopag", "avatrombopag", "lusutrombopag"];

    /// <summary>Conditions with a fitting prior (<see cref="FitPriors.Names"/>).</summary>
    public static IReadOnlyList<string> Conditions => FitPriors.Names;

    /// <summary>Header keys understood.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["drug", "unit", "weightKg", "sex", "condition", "chemotherapy"];

    /// <summary>Most chemotherapy cycles a history may plan.</summary>
    public const int MaxCycles = 20;

    /// <summary>The form of the <c># chemotherapy:</c> header line.</summary>
    public const string ChemotherapyForm = "REGIMEN from day D, every N days, K cycles";

    /// <summary>The header's body weight: the patient's weight range.</summary>
    private static FieldSpec Weight { get; } = FieldSpec.Num("weightKg", "Body weight.", Patient.MinWeightKg, Patient.MaxWeightKg, "kg");

    /// <summary>Reads <paramref name="path"/>; on failure the history is null and the errors say why.</summary>
    public static ReadResult<PatientHistory> Read(string path, PatientFileOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!InputFile.TryReadText(path, out var text, out var problem))
            return ReadResult<PatientHistory>.Fail(path, "", $"cannot be read: {problem}");
        return Parse(text, path, overrides);
    }

    /// <summary>Parses file text (<paramref name="fileName"/> names it in messages).</summary>
    public static ReadResult<PatientHistory> Parse(string text, string fileName, PatientFileOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        overrides ??= new PatientFileOverrides();
        var errors = new List<InputProblem>();
        void Error(string place, string message) => errors.Add(new InputProblem(fileName, place, message));
        ReadResult<PatientHistory> Fail(string place, string message) => ReadResult<PatientHistory>.Fail(fileName, place, message);
        var meta = Header(text);
        var drug = overrides.Drug ?? meta.GetValueOrDefault("drug");
        if (drug is not null && !Drugs.Contains(drug))
        {
            Error(overrides.Drug is null ? "header drug" : "--drug", $"'{drug}' is not known; allowed: {string.Join(", ", Drugs)}.");
            drug = null;
        }
        var unit = drug == "romiplostim" ? DoseUnit.MicrogramPerKg : DoseUnit.Milligram;
        if (meta.TryGetValue("unit", out var unitText))
        {
            if (ParseUnit(unitText) is { } u) unit = u;
            else Error("header unit", $"'{unitText}' is not a dose unit; allowed: mg, µg, µg/kg (ug, ug/kg).");
        }
        var weight = overrides.WeightKg ?? 70;
        if (overrides.WeightKg is null && meta.TryGetValue("weightKg", out var w))
        {
            if (Input.InputNumber.TryParse(w, out var kg)) weight = kg;
            else Error("header weightKg", $"'{w}' is not a number; allowed: {Weight.RangeText}.");
        }
        if (!Weight.Allows(weight))
            Error(overrides.WeightKg is null ? "header weightKg" : "--weight", $"{FieldSpec.Format(weight)} is outside the allowed range {Weight.RangeText}.");
        var sex = Sex.Female;
        if (meta.TryGetValue("sex", out var s))
        {
            if (Enum.TryParse<Sex>(s, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) sex = parsed;
            else Error("header sex", $"'{s}' is not known; allowed: female, male.");
        }
        var condition = overrides.Condition ?? meta.GetValueOrDefault("condition") ?? "itp";
        var prior = FitPriors.For(condition);
        if (prior is null) Error(overrides.Condition is null ? "header condition" : "--condition", $"'{condition}' has no fitting prior; allowed: {string.Join(", ", Conditions)}.");
        var events = new List<ScenarioEvent>();
        if (meta.TryGetValue("chemotherapy", out var chemoText))
        {
            var (chemotherapy, chemoError) = ParseChemotherapy(chemoText);
            if (chemoError is not null) Error("header chemotherapy", chemoError);
            else events.Add(chemotherapy!);
        }
        else if (prior is { NeedsChemotherapy: true })
            Error("header chemotherapy", $"missing: condition '{condition}' needs the cycles; add a header line '# chemotherapy: {ChemotherapyForm}' (e.g. carboplatin from day 0, every 21 days, 4 cycles).");

        var table = EventTableReader.ReadText(text, fileName, unit);
        errors.AddRange(table.Errors);
        if (errors.Count > 0) return ReadResult<PatientHistory>.Fail(errors);
        var ids = table.SubjectIds;
        if (ids.Count != 1)
            return Fail("", ids.Count == 0 ? "no rows; a patient file needs dose and observation rows." : $"holds {ids.Count} subjects ({string.Join(", ", ids.Take(5))}); allowed: one patient per file.");
        var observations = table.Observations.Where(o => o.Kind is ObservationKind.Platelets or ObservationKind.Tpo).OrderBy(o => o.TimeDays).ToArray();
        if (!observations.Any(o => o.Kind == ObservationKind.Platelets))
            return Fail("", "no platelet observations (EVID 0, CMT 4); a fit needs at least one.");
        var low = observations.FirstOrDefault(o => o.Value <= 0);
        if (low is not null)
            return Fail($"row {low.Row}, column DV", $"{low.Value} is not positive; allowed: > 0 (the error model is on the log scale).");
        if (table.Doses.Count > 0 && drug is null)
            return Fail("header drug", $"doses but no drug; add a header line '# drug: NAME' or --drug; allowed: {string.Join(", ", Drugs)}.");
        var doses = table.DosesOf(ids[0]).Select(d => new DoseRecord(drug!, d.Route, d.Amount, d.Unit, d.TimeDays, 0, 1)).ToArray();
        var wrongRoute = doses.FirstOrDefault(d => !(TpoSim.Drugs.DrugCatalog.Get(d.Drug)?.Routes.Contains(d.Route) ?? false));
        if (wrongRoute is not null)
            return Fail("column CMT", $"a {drug} dose by route {wrongRoute.Route} at day {wrongRoute.Day.ToString("G6", CultureInfo.InvariantCulture)}; allowed routes: {string.Join(", ", TpoSim.Drugs.DrugCatalog.Get(drug!)!.Routes)} (CMT 1 oral, 2 SC, 3 IV).");
        return ReadResult<PatientHistory>.Ok(new PatientHistory(ids[0], drug, unit, new Patient(weight, sex), prior!.Choice, doses, observations, Path.GetFileName(fileName))
            { PriorName = prior.Condition, Events = events });
    }

    /// <summary>The <c># key: value</c> lines before the table header.</summary>
    private static Dictionary<string, string> Header(string text)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (!line.StartsWith('#')) break;
            var body = line[1..].Trim();
            var colon = body.IndexOf(':');
            if (colon <= 0) continue;
            var key = body[..colon].Trim();
            var value = body[(colon + 1)..].Trim();
            var known = Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            if (known is null) continue;
            meta[known] = value;
        }
        return meta;
    }

    /// <summary>
    /// Parses <see cref="ChemotherapyForm"/> (e.g. "carboplatin from day 0, every 21 days, 4 cycles"; "K cycles" alone
    /// for one cycle's "1 cycle"): the regimen is a preset of <see cref="Procedures.ChemotherapyRegimen.Presets"/>.
    /// </summary>
    public static (Chemotherapy? Event, string? Error) ParseChemotherapy(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var presets = Procedures.ChemotherapyRegimen.Presets;
        var m = System.Text.RegularExpressions.Regex.Match(text.Trim(),
            @"^(?<r>[A-Za-z-]+)\s+from\s+day\s+(?<d>[-+0-9.eE]+)\s*,\s*every\s+(?<n>[-+0-9.eE]+)\s+days?\s*,\s*(?<k>[-+0-9]+)\s+cycles?$");
        string Bad(string why) => $"'{Input.InputText.OneLine(text)}': {why}";
        if (!m.Success)
            return (null, Bad($"not understood; allowed: '{ChemotherapyForm}' with REGIMEN one of {string.Join(", ", presets.Select(r => r.Name))}."));
        var regimen = presets.FirstOrDefault(r => r.Name == m.Groups["r"].Value);
        if (regimen is null) return (null, Bad($"regimen '{m.Groups["r"].Value}' is not known; allowed: {string.Join(", ", presets.Select(r => r.Name))}."));
        if (!Input.InputNumber.TryParse(m.Groups["d"].Value, out var day) || day < 0 || day > Scenarios.ScenarioDefaults.MaxDays)
            return (null, Bad($"day {m.Groups["d"].Value} is out of range; allowed: [0, {Scenarios.ScenarioDefaults.MaxDays}]."));
        if (!int.TryParse(m.Groups["k"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cycles) || cycles < 1 || cycles > MaxCycles)
            return (null, Bad($"{m.Groups["k"].Value} cycles is out of range; allowed: [1, {MaxCycles}]."));
        if (!Input.InputNumber.TryParse(m.Groups["n"].Value, out var every) || every < regimen.ExposureDays || every > 365)
            return (null, Bad($"every {m.Groups["n"].Value} days is out of range; allowed: [{regimen.ExposureDays.ToString("G4", CultureInfo.InvariantCulture)}, 365] (cycles must not overlap)."));
        return (new Chemotherapy(day, regimen, cycles, every), null);
    }

    /// <summary>The header text of <paramref name="c"/> in <see cref="ChemotherapyForm"/>.</summary>
    public static string ChemotherapyText(Chemotherapy c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return string.Create(CultureInfo.InvariantCulture, $"{c.Regimen.Name} from day {c.Day:R}, every {c.EveryDays:R} days, {c.Cycles} cycles");
    }

    private static DoseUnit? ParseUnit(string text) => text.Replace("u", "µ", StringComparison.Ordinal) switch
    {
        "mg" => DoseUnit.Milligram,
        "µg" => DoseUnit.Microgram,
        "µg/kg" => DoseUnit.MicrogramPerKg,
        _ => null,
    };

    /// <summary>Runs of equal doses at a constant interval as one record each (II and ADDL), as a NONMEM table would hold them.</summary>
    private static List<DosingRecord> Compact(IReadOnlyList<DoseRecord> doses)
    {
        var records = new List<DosingRecord>();
        var i = 0;
        while (i < doses.Count)
        {
            var first = doses[i];
            var j = i + 1;
            var every = j < doses.Count ? doses[j].Day - first.Day : 0;
            while (j < doses.Count && every > 0 && doses[j].Amount == first.Amount && doses[j].Route == first.Route
                   && Math.Abs(doses[j].Day - (first.Day + (j - i) * every)) < 1e-9) j++;
            var count = j - i;
            records.Add(count > 1 ? new DosingRecord(first.Day, first.Amount, first.Unit, first.Route, every, count - 1) : new DosingRecord(first.Day, first.Amount, first.Unit, first.Route));
            i = j;
        }
        return records;
    }

    /// <summary>Writes <paramref name="history"/> in the format <see cref="Read"/> reads (header lines, then the table).</summary>
    public static string ToText(PatientHistory history, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var header = new System.Text.StringBuilder();
        if (comment is not null)
            foreach (var line in comment.Split('\n')) header.Append("# ").Append(line).Append('\n');
        if (history.Drug is not null) header.Append("# drug: ").Append(history.Drug).Append('\n');
        header.Append("# unit: ").Append(DoseUnits.Symbol(history.Unit)).Append('\n');
        header.Append("# weightKg: ").Append(history.Patient.BodyWeightKg.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        header.Append("# sex: ").Append(history.Patient.Sex.ToString().ToLowerInvariant()).Append('\n');
        header.Append("# condition: ").Append(history.PriorName).Append('\n');
        foreach (var c in history.Events.OfType<Chemotherapy>()) header.Append("# chemotherapy: ").Append(ChemotherapyText(c)).Append('\n');
        var table = new EventTable(Compact(history.Doses).Select(r => new SubjectDosingRecord(history.Id, r)).ToArray(),
            history.Observations.Select(o => o with { SubjectId = history.Id }).ToArray(), []);
        return header + EventTableWriter.ToText(table, history.Unit);
    }

    /// <summary>
    /// A warning when TIME looks like days rather than hours: the doses come every N TIME units where N × 24 is the
    /// drug's usual interval in hours (weekly romiplostim written 0, 7, 14 instead of 0, 168, 336; a daily oral drug
    /// written 0, 1, 2). Null when the times look like hours.
    /// </summary>
    public static string? TimeUnitWarning(PatientHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var times = history.Doses.Select(d => d.Day * 24).Distinct().Order().ToArray();
        if (times.Length < 3 || history.Drug is null) return null;
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).Order().ToArray();
        var median = gaps[gaps.Length / 2];
        var usualHours = history.Drug == "romiplostim" ? 168.0 : 24.0;
        if (Math.Abs(median * 24 - usualHours) > 0.1 * usualHours) return null;
        return $"{history.Source}: TIME looks like days: the {history.Drug} doses are {median:0.###} TIME units apart, and {history.Drug} is usually given every {usualHours:0} h; " +
               $"TIME is in hours (multiply days by 24), or the doses are {median:0.###} h apart as written";
    }
}
