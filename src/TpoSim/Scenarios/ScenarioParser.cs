using System.Globalization;
using System.Text.Json;
using TpoSim.Input;
using TpoSim.Parameters;
using TpoSim.Physiology;

namespace TpoSim.Scenarios;

/// <summary>
/// Reads the JSON scenario format (docs/scenarios.md, docs/scenario.schema.json) and validates it, reporting
/// every problem at once with its JSON path and the allowed values.
/// </summary>
public static class ScenarioParser
{
    private static readonly ObjectSpec Top = ScenarioFields.Top, PatientSpec = ScenarioFields.Patient, SimulationSpec = ScenarioFields.Simulation,
        DoseSpec = ScenarioFields.Dose, DoseTableSpec = ScenarioFields.DoseTable, TitrationSpec = ScenarioFields.Titration;

    /// <summary>Parses and validates scenario JSON text.</summary>
    /// <param name="json">Scenario text.</param>
    /// <param name="baseDirectory">Directory that relative file names in the scenario (<c>doseTable.file</c>) are resolved
    /// against: the scenario file's own directory; null for the current directory.</param>
    /// <param name="days">The simulated span chosen on the command line (<c>--days</c>), replacing <c>simulation.days</c>:
    /// the file is read and type-checked as written, then every rule that depends on the span (events, doses and cycles
    /// inside it, the output grid) is judged against this span. A titration longer than it is cut to it, with a warning.</param>
    /// <param name="daysName">How errors and warnings name the chosen span: the CLI's <c>--days</c>, or the JSON path of a
    /// top-level field of the same document that carries it (the web API's <c>$.days</c>), which is then not an unknown
    /// field. The web and the CLI thus share this one path, with the same messages.</param>
    public static ReadResult<Scenario> Parse(string json, string? baseDirectory = null, double? days = null, string daysName = DaysOption)
    {
        var doc = JsonInput.TryParse(json, out var syntaxError);
        if (doc is null) return new ReadResult<Scenario>(null, [new InputProblem(JsonInput.Locate(syntaxError).Path, JsonInput.Locate(syntaxError).Message)]);
        using (doc)
        {
            var reader = new Reader(baseDirectory, days, daysName);
            var scenario = reader.ReadScenario(doc.RootElement);
            if (reader.Errors.Count != 0) return new ReadResult<Scenario>(null, reader.Errors, reader.Warnings);
            if (reader.BaselinePath is { } baselinePath)
            {
                // The requested day-0 count is reachable only if some severity gives it: that takes the model, so it is
                // the last check, on an otherwise valid scenario.
                var (solved, reason) = Simulation.BaselineSeverity.Resolve(scenario!);
                if (solved is null) return new ReadResult<Scenario>(null, [new InputProblem(baselinePath, reason)], reader.Warnings);
                scenario = solved;
            }
            return new ReadResult<Scenario>(scenario, [], reader.Warnings);
        }
    }

    /// <summary>Reads and parses a file; a missing, unreadable or oversized file is reported as an error, not thrown.</summary>
    public static ReadResult<Scenario> ParseFile(string path)
    {
        if (!Input.InputFile.TryReadText(path, out var text, out var problem))
            return ReadResult<Scenario>.Fail(path, "$", $"cannot read the file: {problem}");
        return Parse(text, Path.GetDirectoryName(Path.GetFullPath(path))).In(path);
    }

    /// <summary>The CLI's name of the span override, and the default of <see cref="Parse"/>'s <c>daysName</c>.</summary>
    public const string DaysOption = "--days";

    private static string Fmt(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>
    /// The range check of a parameter a scenario may set by name: the catalogue's, or a drug module's PK/PD parameter
    /// (<see cref="Physiology.TpoModelAssembly.ModelOnlyParameters"/>); null for an unknown name.
    /// </summary>
    private static (Func<double, bool> Allows, string Range)? SettableRange(string name, Physiology.CoreModel core) =>
        !core.ReadsCatalogue ? (core.Settable(name) is { } v ? (v.Allows, v.RangeText) : null)
        : ParameterCatalog.TryGet(name, out var def) ? (def.Allows, def.RangeText)
        : Physiology.TpoModelAssembly.ModelOnlyParameter(name) is { } m ? (m.Allows, m.RangeText) : null;

    private sealed class Reader(string? baseDirectory, double? daysOverride, string daysName) : JsonFieldReader
    {

        /// <summary>What the override of the span changed (a titration cut to it), one line each.</summary>
        public List<string> Warnings { get; } = [];

        /// <summary>JSON path of the condition's <c>baselinePlatelets</c>, when one asks for its severity to be solved.</summary>
        public string? BaselinePath { get; private set; }

        public Scenario? ReadScenario(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", $"expected a JSON object, found {Kind(root)}");
                return null;
            }
            // A span carried by the document's own top-level field (the web's "$.days") is read by the caller, not here.
            CheckFields(root, "$", daysName.StartsWith("$.", StringComparison.Ordinal) ? [.. Top.Names, daysName[2..]] : Top.Names);
            var core = Physiology.CoreModel.Get(Enum(root, "$", Top["model"]) ?? Physiology.CoreModel.V1.Name) ?? Physiology.CoreModel.V1;
            var name = String(root, "$", "name") ?? "Untitled scenario";
            var description = String(root, "$", "description") ?? "";

            var patient = new Patient();
            var conditions = new List<ConditionChoice>();
            var overrides = new SortedDictionary<string, double>(StringComparer.Ordinal);
            if (Object(root, "$", "patient") is { } pe)
            {
                const string pp = "$.patient";
                CheckFields(pe, pp, PatientSpec.Names);
                var weight = Number(pe, pp, PatientSpec["weightKg"]) ?? 70;
                var sex = Enum(pe, pp, PatientSpec["sex"]) switch { "male" => Sex.Male, _ => Sex.Female };
                var age = Enum(pe, pp, PatientSpec["ageGroup"]) switch { "neonate" => AgeGroup.Neonate, _ => AgeGroup.Adult };
                patient = new Patient(weight, sex, age, Flag(pe, pp, "eastAsian"));
                if (pe.TryGetProperty("condition", out var single) && single.ValueKind != JsonValueKind.Null)
                {
                    if (pe.TryGetProperty("conditions", out var both) && both.ValueKind != JsonValueKind.Null)
                        Error("$.patient.conditions", "give either 'condition' (one) or 'conditions' (a list), not both");
                    else if (single.ValueKind != JsonValueKind.Object)
                        Error("$.patient.condition", $"expected an object with 'name' and 'severity', found {Kind(single)}");
                    else if (ReadCondition(single, "$.patient.condition") is { } c) conditions.Add(c);
                }
                foreach (var (ce, cpath) in Array(pe, pp, "conditions"))
                {
                    if (ce.ValueKind != JsonValueKind.Object) { Error(cpath, $"expected an object with 'name' and 'severity', found {Kind(ce)}"); continue; }
                    if (ReadCondition(ce, cpath) is { } c) conditions.Add(c);
                }
                if (Object(pe, pp, "parameters") is { } pr)
                {
                    foreach (var prop in pr.EnumerateObject())
                    {
                        var path = $"$.patient.parameters.{prop.Name}";
                        if (SettableRange(prop.Name, core) is not var (allows, range))
                        {
                            Error(path, $"unknown parameter '{prop.Name}'; run 'tposim parameters' (and 'tposim drugs' for PK/PD) for the names");
                            continue;
                        }
                        if (prop.Value.ValueKind != JsonValueKind.Number) { Error(path, $"expected a number in {range}, found {Kind(prop.Value)}"); continue; }
                        var v = prop.Value.GetDouble();
                        if (!allows(v)) { Error(path, $"{Fmt(v)} is outside the allowed range {range}"); continue; }
                        overrides[prop.Name] = v;
                    }
                }
            }

            var days = ScenarioDefaults.Days;
            var step = ScenarioDefaults.OutputStepDays;
            string? solver = null;
            if (Object(root, "$", "simulation") is { } se)
            {
                const string sp = "$.simulation";
                CheckFields(se, sp, SimulationSpec.Names);
                days = Number(se, sp, SimulationSpec["days"]) ?? days;
                step = Number(se, sp, SimulationSpec["outputEveryDays"]) ?? step;
                solver = String(se, sp, "solver");
                if (solver is not null && !Simulation.SolverChoice.IsKnown(solver))
                    Error($"{sp}.solver", $"unknown solver '{solver}'; allowed: {string.Join(", ", Simulation.SolverChoice.Names)}");
            }
            if (daysOverride is { } chosen)
            {
                if (!SimulationSpec["days"].Allows(chosen))
                    Error(daysName, $"{Fmt(chosen)} is outside the allowed range {SimulationSpec["days"].RangeText}");
                else days = chosen;
            }
            if (days / step > ScenarioDefaults.MaxOutputPoints)
                Error("$.simulation.outputEveryDays", $"{Fmt(step)} days gives more than {ScenarioDefaults.MaxOutputPoints} output rows over {Fmt(days)} days; allowed ≥ {Fmt(days / ScenarioDefaults.MaxOutputPoints)}");

            var doses = new List<DoseRecord>();
            var dosePaths = new List<string>();
            var doseCount = 0;
            foreach (var (de, path) in Array(root, "$", "doses"))
            {
                if (ReadDose(de, path, days, patient.BodyWeightKg, core) is { } d)
                {
                    dosePaths.Add(path);
                    doseCount += d.Count;
                    doses.Add(d);
                }
            }
            if (Object(root, "$", "doseTable") is { } dte)
            {
                foreach (var d in ReadDoseTable(dte, "$.doseTable", days, patient.BodyWeightKg, core))
                {
                    dosePaths.Add("$.doseTable.file");
                    doseCount += d.Count;
                    doses.Add(d);
                }
            }
            if (doseCount > ScenarioDefaults.MaxDoses) Error("$.doses", $"{doseCount} doses after repeats (inline and doseTable); at most {ScenarioDefaults.MaxDoses} allowed");

            var events = new List<ScenarioEvent>();
            var eventPaths = new List<string>();
            var eventCount = 0;
            foreach (var (ee, path) in Array(root, "$", "events"))
            {
                if (eventCount > ScenarioDefaults.MaxEvents) break;
                if (ReadEvent(ee, path, days) is { } ev)
                {
                    if (core.Supports(ev) is { } why) Error($"{path}.type", why);
                    events.Add(ev);
                    eventPaths.Add(path);
                    eventCount += ev is Chemotherapy c ? c.Cycles : 1;
                }
                else eventCount++;
            }
            if (eventCount > ScenarioDefaults.MaxEvents)
                Error("$.events", $"more than {ScenarioDefaults.MaxEvents.ToString("N0", CultureInfo.InvariantCulture)} events (each chemotherapy cycle counts as one); allowed at most {ScenarioDefaults.MaxEvents.ToString("N0", CultureInfo.InvariantCulture)}");
            Policies.TitrationSpec? titration = null;
            if (Object(root, "$", "titration") is { } te) titration = ReadTitration(te, "$.titration", days, patient, conditions);
            var pk = Object(root, "$", "pk") is { } pke ? ReadPkVariants(pke, "$.pk") : null;
            CheckDosesAgainstPk(doses, dosePaths, titration, patient, pk, core);
            CheckConditionsInCore(conditions, core);
            WarnOutsideLabel(doses, dosePaths, patient);
            CheckChemotherapyOverlap(events, eventPaths, overrides);
            if (core.ReadsCatalogue) CheckTpoShares(overrides);
            if (BaselinePath is not null && conditions.Count != 1)
                Error(BaselinePath, $"a solved severity needs the scenario's only condition; this scenario has {conditions.Count}");
            var seed = Integer(root, "$", Top["seed"]) ?? 1;
            return new Scenario(name, description, patient, conditions, overrides, days, step, solver, doses, events, titration, pk, seed) { Warnings = [.. Warnings], Model = core.Name };
        }

        /// <summary>
        /// Rules across doses, patient and PK variants: each dose's route must be one its PK model (the selected variant)
        /// takes, and the PK models are defined for a body weight of at least <see cref="Physiology.CoreModelDefinition.BodyWeight"/>'s minimum.
        /// </summary>
        /// <summary>A core with its own condition mappings (v2) must map every condition; the ITP activity fluctuation needs the core's itpActivity.</summary>
        private void CheckConditionsInCore(IReadOnlyList<ConditionChoice> conditions, Physiology.CoreModel core)
        {
            if (core.ReadsCatalogue) return;
            foreach (var c in conditions)
            {
                if (Physiology.V2.V2ConditionCatalog.Get(c.Name) is null)
                    Error("$.patient.condition.name", $"condition '{c.Name}' has no {core.Name} mapping; allowed with model {core.Name}: {string.Join(", ", Physiology.V2.V2ConditionCatalog.All.Select(m => m.Condition).Where(n => n != "healthy"))}");
                if (c.Options.TryGetValue(Conditions.ConditionCatalog.ActivityCvOption, out var cv) && cv > 0 && core.Settable(Parameters.ParameterCatalog.Get(Parameters.ParameterId.ItpActivity).Name) is null)
                    Error($"$.patient.condition.{Conditions.ConditionCatalog.ActivityCvOption}", $"{Fmt(cv)}: the ITP activity fluctuation is not in model {core.Name} yet; allowed with model {core.Name}: 0");
            }
        }

        private void CheckDosesAgainstPk(IReadOnlyList<DoseRecord> doses, IReadOnlyList<string> paths, Policies.TitrationSpec? titration, Patient patient, IReadOnlyDictionary<string, string>? pk, Physiology.CoreModel core)
        {
            var pkDrugs = new List<string>();
            for (var i = 0; i < doses.Count; i++)
            {
                var d = doses[i];
                var variants = Drugs.Modules.DrugModuleCatalog.VariantsOf(d.Drug);
                if (variants.Count == 0) continue;
                pkDrugs.Add(d.Drug);
                var name = pk is not null && pk.TryGetValue(d.Drug, out var v) ? v : variants[0];
                if (core.FindModule(name) is not { } module)
                {
                    Error(pk is not null && pk.ContainsKey(d.Drug) ? $"$.pk.{d.Drug}" : $"{paths[i]}.drug",
                        $"the PK model '{name}' has no module in model {core.Name}; allowed with model {core.Name}: {string.Join(", ", variants.Where(x => core.FindModule(x) is not null).DefaultIfEmpty("none"))}");
                    continue;
                }
                var routes = module.Routes.Select(r => r.Route).ToArray();
                if (!routes.Contains(d.Route))
                {
                    var where = paths[i].EndsWith(".file", StringComparison.Ordinal) ? paths[i] : $"{paths[i]}.route";
                    Error(where, $"the PK model '{name}' of {d.Drug} takes only {string.Join(", ", routes.Select(RouteName))}, not '{RouteName(d.Route)}'; allowed: {string.Join(", ", routes.Select(RouteName))}, or another pk variant ({string.Join(", ", variants.Where(x => x != name))})");
                }
            }
            if (titration is not null) pkDrugs.Add(titration.Policy);
            if (pkDrugs.Count > 0 && patient.BodyWeightKg < Physiology.CoreModelDefinition.BodyWeight.Minimum)
                Error("$.patient.weightKg", $"{Fmt(patient.BodyWeightKg)} kg is below the {Fmt(Physiology.CoreModelDefinition.BodyWeight.Minimum)} kg the PK models are defined for ({pkDrugs[0]} is dosed); allowed [{Fmt(Physiology.CoreModelDefinition.BodyWeight.Minimum)}, {Fmt(Patient.MaxWeightKg)}] kg with a drug, or rhTPO");
        }

        /// <summary>The kidney and marrow-stroma shares of TPO production leave the liver a share above 0 (it makes most TPO).</summary>
        private void CheckTpoShares(IReadOnlyDictionary<string, double> overrides)
        {
            var kidney = ParameterCatalog.Get(ParameterId.KidneyTpoShare);
            var stroma = ParameterCatalog.Get(ParameterId.StromaTpoShare);
            var k = overrides.TryGetValue(kidney.Name, out var kv) ? kv : kidney.DefaultValue;
            var st = overrides.TryGetValue(stroma.Name, out var sv) ? sv : stroma.DefaultValue;
            if (k + st < 1 - 1e-9) return;
            var which = overrides.ContainsKey(stroma.Name) ? stroma.Name : kidney.Name;
            Error($"$.patient.parameters.{which}", $"{kidney.Name} + {stroma.Name} = {Fmt(k + st)} leaves the liver no TPO production; allowed: a sum below 1");
        }

        /// <summary>A warning per dose outside its drug's label range or a likely unit slip (<see cref="Drugs.LabelDoses"/>), once per place and text.</summary>
        private void WarnOutsideLabel(IReadOnlyList<DoseRecord> doses, IReadOnlyList<string> paths, Patient patient)
        {
            for (var i = 0; i < doses.Count; i++)
            {
                var d = doses[i];
                if (Drugs.LabelDoses.For(d.Drug)?.Warn(d.Amount, d.Unit, patient.BodyWeightKg) is not { } w) continue;
                var line = $"{(paths[i].EndsWith(".file", StringComparison.Ordinal) ? paths[i] : paths[i] + ".amount")}: {w}";
                if (!Warnings.Contains(line)) Warnings.Add(line);
            }
        }

        /// <summary>
        /// Chemotherapy cycles add their kill rate to progenitorKillRate while exposed, so overlapping cycles (or a kill
        /// rate already set on the patient) add up: the sum must stay inside the parameter's range.
        /// </summary>
        private void CheckChemotherapyOverlap(IReadOnlyList<ScenarioEvent> events, IReadOnlyList<string> paths, IReadOnlyDictionary<string, double> overrides)
        {
            var def = ParameterCatalog.Get(ParameterId.ProgenitorKillRate);
            var baseline = overrides.TryGetValue(def.Name, out var o) ? o : def.DefaultValue;
            foreach (var change in events.OfType<ParameterChange>().Where(c => c.Parameter == def.Name)) baseline = Math.Max(baseline, change.Value);
            var edges = new List<(double Day, double Rate, int Event)>();
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i] is not Chemotherapy c) continue;
                for (var k = 0; k < c.Cycles; k++)
                {
                    var start = c.Day + k * c.EveryDays;
                    edges.Add((start, c.Regimen.KillRatePerDay, i));
                    edges.Add((start + c.Regimen.ExposureDays, -c.Regimen.KillRatePerDay, i));
                }
            }
            // Ends before starts on the same day: a cycle that starts as the last one stops does not overlap it.
            var level = baseline;
            foreach (var (day, rate, ev) in edges.OrderBy(x => x.Day).ThenBy(x => x.Rate))
            {
                level += rate;
                if (level <= def.Maximum + 1e-9) continue;
                Error(paths[ev], $"the chemotherapy cycles overlap: the progenitor kill rate reaches {Fmt(level)} /day on day {Fmt(day)}, above the {Fmt(def.Maximum)} /day allowed for {def.Name}; allowed: cycles that do not overlap (everyDays ≥ the regimen's exposure days) or a lower killRate");
                return;
            }
        }

        private SortedDictionary<string, string> ReadPkVariants(JsonElement e, string path)
        {
            var variants = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var drugs = Drugs.Modules.DrugModuleCatalog.DrugsWithVariants;
            foreach (var prop in e.EnumerateObject())
            {
                if (!drugs.Contains(prop.Name))
                {
                    Error($"{path}.{prop.Name}", $"not a drug with published PK variants; allowed: {string.Join(", ", drugs)}");
                    continue;
                }
                if (Enum(e, path, ScenarioFields.Pk[prop.Name]) is { } v) variants[prop.Name] = v;
            }
            return variants;
        }

        private Policies.TitrationSpec? ReadTitration(JsonElement e, string path, double days, Patient patient, IReadOnlyList<ConditionChoice> conditions)
        {
            CheckFields(e, path, TitrationSpec.Names);
            var errorsBefore = Errors.Count;
            var policy = Enum(e, path, TitrationSpec["policy"]);
            var every = Number(e, path, TitrationSpec["checkEveryDays"]);
            var weeks = Number(e, path, TitrationSpec["weeks"]);
            var span = Number(e, path, TitrationSpec["days"]);
            if (weeks is not null && span is not null) Error($"{path}.days", "give either 'weeks' or 'days', not both");
            var titrationDays = span ?? weeks * 7;
            var fullCourse = titrationDays ?? (policy is null ? null : Policies.TitrationCatalog.DefaultDays(policy));
            if (daysOverride is not null && fullCourse is { } longer && longer > days + 1e-9)
            {
                // The user asked for fewer days on the command line: the titration is cut, not refused.
                var what = span is not null ? $"titration.days {Fmt(longer)}" : weeks is not null ? $"titration.weeks {Fmt(weeks.Value)} = {Fmt(longer)} days" : $"the {Fmt(longer)}-day course of '{policy}'";
                Warnings.Add($"{daysName} {Fmt(days)} is shorter than the titration ({what}); the titration is cut to {Fmt(days)} days");
                titrationDays = days;
            }
            if (titrationDays is { } td && td > days + 1e-9)
                Error($"{path}.{(span is null ? "weeks" : "days")}", $"the titration ({Fmt(td)} days) runs past the end of the simulation; allowed ≤ {Fmt(span is null ? days / 7 : days)}");
            if (titrationDays is null && policy is not null && Policies.TitrationCatalog.DefaultDays(policy) is { } course && course > days + 1e-9)
                Error($"{path}.days", $"the '{policy}' course ({Fmt(course)} days) runs past the end of the simulation ({Fmt(days)} days); give days to shorten it: allowed ≤ {Fmt(days)}");
            var cv = Number(e, path, TitrationSpec["assayCv"]) ?? 0;
            var seed = Integer(e, path, TitrationSpec["seed"]) ?? 1;
            var eastAsian = Flag(e, path, "eastAsian");
            var hepatic = Flag(e, path, "hepaticImpairment");
            var explicitFlags = eastAsian || hepatic;
            if (policy == Policies.TitrationCatalog.EltrombopagItp)
            {
                // The start-dose flags follow the patient, whose ancestry and liver disease are also the PK covariates:
                // a flag may be left out (it is read from the patient) but must not contradict the patient.
                var patientHepatic = conditions.Any(c => c.Name == Conditions.ConditionCatalog.ChronicLiverDisease.Name && c.Severity > 0);
                if (e.TryGetProperty("eastAsian", out var ea) && ea.ValueKind is JsonValueKind.True or JsonValueKind.False && eastAsian != patient.EastAsian)
                    Error($"{path}.eastAsian", $"{Lower(eastAsian)} contradicts $.patient.eastAsian ({Lower(patient.EastAsian)}), which also sets eltrombopag's clearance; allowed: {Lower(patient.EastAsian)} or leave it out");
                if (e.TryGetProperty("hepaticImpairment", out var hi) && hi.ValueKind is JsonValueKind.True or JsonValueKind.False && hepatic != patientHepatic)
                    Error($"{path}.hepaticImpairment", patientHepatic
                        ? "false contradicts the patient's chronicLiverDisease condition, which also sets eltrombopag's clearance; allowed: true or leave it out"
                        : "true, but the patient has no chronicLiverDisease condition (its Child-Pugh class also sets eltrombopag's clearance); allowed: false or leave it out, or add the condition");
                eastAsian = patient.EastAsian;
                hepatic = patientHepatic;
            }
            if (policy is not null && policy != Policies.TitrationCatalog.EltrombopagItp)
            {
                foreach (var f in new[] { "eastAsian", "hepaticImpairment" })
                {
                    if (e.TryGetProperty(f, out _)) Error($"{path}.{f}", $"only for policy '{Policies.TitrationCatalog.EltrombopagItp}' (it sets the start dose)");
                }
            }
            if (policy is not null && policy != Policies.TitrationCatalog.Custom)
            {
                foreach (var f in ScenarioFields.CustomTitrationFields)
                {
                    if (e.TryGetProperty(f, out _)) Error($"{path}.{f}", $"only for policy 'custom'; the '{policy}' rule sets it");
                }
            }
            double? start = null;
            Policies.CustomRule? custom = null;
            switch (policy)
            {
                case null:
                    break;
                case Policies.TitrationCatalog.AvatrombopagCld:
                    if (e.TryGetProperty("startDose", out _)) Error($"{path}.startDose", "not for 'avatrombopag-cld-label': the baseline count chooses the dose (60 mg if < 40, 40 mg if 40–50)");
                    break;
                case Policies.TitrationCatalog.LusutrombopagLplus2:
                    start = Number(e, path, ScenarioFields.LusutrombopagStartDose);
                    break;
                case Policies.TitrationCatalog.Custom:
                {
                    var d = Policies.TitrationCatalog.CustomDefaults;
                    var low = Number(e, path, TitrationSpec["low"]) ?? d.Low;
                    var high = Number(e, path, TitrationSpec["high"]) ?? d.High;
                    var hold = Number(e, path, TitrationSpec["hold"]) ?? d.Hold;
                    var resume = Number(e, path, TitrationSpec["resume"]) ?? d.Resume;
                    var stepDose = Number(e, path, TitrationSpec["step"]) ?? d.Step;
                    var max = Number(e, path, TitrationSpec["maxDose"]) ?? d.MaxDose;
                    start = Number(e, path, ScenarioFields.CustomStartDose.Needed());
                    if (Errors.Count > errorsBefore) break;
                    if (!(low < high)) Error($"{path}.high", $"{Fmt(high)} must be above low ({Fmt(low)}); allowed ({Fmt(low)}, {Fmt(hold)}]");
                    else if (!(high <= hold)) Error($"{path}.hold", $"{Fmt(hold)} must be at least high ({Fmt(high)}); allowed [{Fmt(high)}, 2000]");
                    else if (!(resume <= hold)) Error($"{path}.resume", $"{Fmt(resume)} must not exceed hold ({Fmt(hold)}); allowed (0, {Fmt(hold)}]");
                    else if (!(stepDose <= max)) Error($"{path}.step", $"{Fmt(stepDose)} is more than maxDose ({Fmt(max)}); allowed (0, {Fmt(max)}] µg/kg");
                    else if (start > max) Error($"{path}.startDose", $"{Fmt(start!.Value)} is more than maxDose ({Fmt(max)}); allowed (0, {Fmt(max)}] µg/kg");
                    custom = new Policies.CustomRule(low, high, hold, resume, stepDose, max);
                    break;
                }
                default:
                {
                    var levels = Policies.TitrationCatalog.StartLevels(policy)!;
                    var unit = policy == Policies.TitrationCatalog.RomiplostimItp ? "µg/kg" : "mg";
                    start = Number(e, path, TitrationSpec["startDose"] with { Unit = unit });
                    if (start is { } s0 && !levels.Any(l => Math.Abs(l - s0) < 1e-9))
                        Error($"{path}.startDose", $"{Fmt(s0)} {unit} is not a dose level of '{policy}'; allowed: {string.Join(", ", levels.Select(Fmt))}");
                    if (start is not null && policy == Policies.TitrationCatalog.EltrombopagItp && explicitFlags)
                        Error($"{path}.startDose", "give either 'startDose' or 'eastAsian'/'hepaticImpairment' (which set the start dose), not both");
                    break;
                }
            }
            if (Errors.Count > errorsBefore || policy is null) return null;
            return new Policies.TitrationSpec(policy, start, every, titrationDays, cv, seed, eastAsian, hepatic, custom);
        }

        private static string Lower(bool b) => b ? "true" : "false";

        /// <summary>
        /// The dose rows (EVID 1) of one subject of a NONMEM-style event table (Dosing.EventTableReader: TIME and II in hours,
        /// route from CMT 1 oral / 2 SC / 3 IV) as dose records in file order; observation rows are read and ignored.
        /// </summary>
        private List<DoseRecord> ReadDoseTable(JsonElement e, string path, double days, double weightKg, Physiology.CoreModel core)
        {
            // Any problem in the block itself (a typo included) stops before the file is read.
            var errorsBefore = Errors.Count;
            CheckFields(e, path, DoseTableSpec.Names);
            var file = String(e, path, "file", required: DoseTableSpec["file"].Required);
            var drug = Enum(e, path, DoseTableSpec["drug"]);
            var unitText = Enum(e, path, DoseTableSpec["unit"]);
            var id = Integer(e, path, DoseTableSpec["id"]);
            if (Errors.Count > errorsBefore || file is null || drug is null || unitText is null) return [];
            var unit = UnitOf(unitText);
            if (Input.InputFile.CheckPath(file) is { } badName)
            {
                Error($"{path}.file", $"{badName}; allowed: the name of a CSV file, relative to the scenario's folder");
                return [];
            }
            var full = Path.GetFullPath(Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), file));
            if (!Input.InputFile.TryReadText(full, out var text, out var readProblem))
            {
                Error($"{path}.file", $"cannot read '{file}' (resolved against the scenario's folder: {full}): {readProblem}");
                return [];
            }
            var table = Dosing.EventTableReader.ReadText(text, file, unit);
            foreach (var problem in table.Errors) Error($"{path}.file", problem.Line);
            if (!table.IsValid) return [];
            var ids = table.SubjectIds;
            string subject;
            if (id is { } wanted)
            {
                subject = wanted.ToString(CultureInfo.InvariantCulture);
                if (!ids.Contains(subject))
                {
                    Error($"{path}.id", $"no rows with ID {subject} in '{file}'; allowed: {string.Join(", ", ids)}");
                    return [];
                }
            }
            else if (ids.Count == 1) subject = ids[0];
            else
            {
                Error($"{path}.id", ids.Count == 0 ? $"'{file}' has no rows" : $"required: '{file}' has several subjects; allowed: {string.Join(", ", ids)}");
                return [];
            }
            var info = Drugs.DrugCatalog.Get(drug)!;
            var max = MaxAmount(info, unit, weightKg);
            var doses = new List<DoseRecord>();
            foreach (var row in table.Doses.Where(d => d.SubjectId == subject))
            {
                var r = row.Record;
                var where = $"{file} row {row.Row}";
                var count = r.AdditionalDoses + 1;
                var last = r.TimeDays + r.AdditionalDoses * r.IntervalDays;
                if (!RoutesOf(info, core).Contains(r.Route))
                    Error($"{path}.file", $"{where}: {drug} cannot be given '{RouteName(r.Route)}' (CMT {(int)Dosing.EventTableFormat.DoseCompartment(r.Route)}); allowed CMT: {string.Join(", ", RoutesOf(info, core).Select(x => $"{(int)Dosing.EventTableFormat.DoseCompartment(x)} ({RouteName(x)})"))}");
                else if (r.Amount > max)
                    Error($"{path}.file", $"{where}: AMT {Fmt(r.Amount)} is outside the allowed range (0, {Fmt(max)}] {LimitText(info, unit, unitText, weightKg)} for {drug}");
                else if (last > days + 1e-9)
                    Error($"{path}.file", $"{where}: {(count > 1 ? $"the last of {count} doses" : "the dose")} (hour {Fmt(Dosing.EventTableFormat.DaysToHours(last))}, day {Fmt(last)}) is after the end of the simulation; allowed TIME + ADDL·II ≤ {Fmt(Dosing.EventTableFormat.DaysToHours(days))} h");
                else doses.Add(new DoseRecord(drug, r.Route, r.Amount, unit, r.TimeDays, r.IntervalDays, count));
            }
            return doses;
        }

        private static DoseUnit UnitOf(string? unitText) => unitText switch { "mg" => DoseUnit.Milligram, "ug" => DoseUnit.Microgram, _ => DoseUnit.MicrogramPerKg };

        /// <summary>
        /// The label-independent sanity limit of one dose in its own unit: the drug's limit per kg of this patient's actual
        /// weight (so 5,000 µg is refused for a 0.5 kg patient), which also keeps every dose below the limit for the
        /// heaviest patient allowed in absolute terms.
        /// </summary>
        private static double MaxAmount(Drugs.DrugInfo info, DoseUnit unit, double weightKg)
        {
            var maxUg = info.MaxSingleDoseMicrogramsPerKg;
            var weight = Math.Min(weightKg, Patient.MaxWeightKg);
            return unit switch { DoseUnit.MicrogramPerKg => maxUg, DoseUnit.Microgram => maxUg * weight, _ => maxUg * weight / 1000 };
        }

        private static string LimitText(Drugs.DrugInfo info, DoseUnit unit, string unitText, double weightKg) =>
            unit == DoseUnit.MicrogramPerKg ? unitText : $"{unitText} ({Fmt(info.MaxSingleDoseMicrogramsPerKg)} µg/kg for this {Fmt(weightKg)} kg patient)";

        /// <summary>The routes <paramref name="info"/>'s drug takes in <paramref name="core"/>: its module's when the core has one (v2's rhTPO adds SC), else the catalogue's.</summary>
        private static IReadOnlyList<Route> RoutesOf(Drugs.DrugInfo info, Physiology.CoreModel core) =>
            !core.ReadsCatalogue && core.FindModule(info.Name) is { } m ? m.Routes.Select(r => r.Route).ToArray() : info.Routes;

        private DoseRecord? ReadDose(JsonElement e, string path, double days, double weightKg, Physiology.CoreModel core)
        {
            if (e.ValueKind != JsonValueKind.Object) { Error(path, $"expected an object, found {Kind(e)}"); return null; }
            CheckFields(e, path, DoseSpec.Names);
            var errorsBefore = Errors.Count;
            var drug = Enum(e, path, DoseSpec["drug"]);
            var routeText = Enum(e, path, DoseSpec["route"]);
            var unitText = Enum(e, path, DoseSpec["unit"]);
            var day = Number(e, path, ScenarioFields.Day with { Maximum = days });
            var every = Number(e, path, DoseSpec["everyDays"]) ?? 0;
            var count = Integer(e, path, DoseSpec["count"]) ?? 1;
            if (count > 1 && every == 0 && !(e.TryGetProperty("everyDays", out var ed) && ed.ValueKind != JsonValueKind.Null))
                Error($"{path}.everyDays", "required when count > 1: the interval between doses in days, > 0");
            if (day is { } d0 && count > 1 && every > 0 && d0 + (count - 1) * every > days)
                Error($"{path}.count", $"the last of {count} doses (day {Fmt(d0 + (count - 1) * every)}) is after the end of the simulation; allowed ≤ {(int)Math.Floor((days - d0) / every) + 1}");
            var route = routeText switch { "sc" => Route.Subcutaneous, "oral" => Route.Oral, _ => Route.Intravenous };
            var unit = UnitOf(unitText);
            double? amount = null;
            if (drug is not null && Drugs.DrugCatalog.Get(drug) is { } info)
            {
                if (routeText is not null && !RoutesOf(info, core).Contains(route))
                    Error($"{path}.route", $"{drug} cannot be given '{routeText}'; allowed: {string.Join(", ", RoutesOf(info, core).Select(RouteName))}");
                amount = Number(e, path, DoseSpec["amount"] with { Maximum = MaxAmount(info, unit, weightKg), Unit = LimitText(info, unit, unitText ?? "", weightKg) });
            }
            else
            {
                amount = Number(e, path, DoseSpec["amount"] with { Unit = unitText ?? "" });
            }
            var cations = Flag(e, path, "withPolyvalentCations");
            if (cations && drug is not null && drug != Drugs.DrugCatalog.Eltrombopag.Name)
                Error($"{path}.withPolyvalentCations", $"only for eltrombopag (antacids, dairy and mineral supplements cut its absorption); allowed for {drug}: false or leave it out");
            if (Errors.Count > errorsBefore || drug is null || amount is null || day is null) return null;
            return new DoseRecord(drug, route, amount.Value, unit, day.Value, every, count, cations);
        }

        private static string RouteName(Route r) => r switch { Route.Subcutaneous => "sc", Route.Oral => "oral", _ => "iv" };

        private ScenarioEvent? ReadEvent(JsonElement e, string path, double days)
        {
            if (e.ValueKind != JsonValueKind.Object) { Error(path, $"expected an object, found {Kind(e)}"); return null; }
            var type = Enum(e, path, FieldSpec.OneOf("type", "", ScenarioFields.EventTypes).Needed());
            var errorsBefore = Errors.Count;
            var day = Number(e, path, ScenarioFields.Day with { Maximum = days });
            var spec = type is null ? null : ScenarioFields.Event(type);
            switch (type)
            {
                case "plateletTransfusion":
                {
                    CheckFields(e, path, spec!.Names);
                    var units = Number(e, path, spec["units"]);
                    var count = Number(e, path, spec["plateletsE9"]);
                    if (units is null == count is null && Errors.Count == errorsBefore)
                        Error(path, "give exactly one of 'units' (adult apheresis units, 1 unit = 300 ×10^9) or 'plateletsE9'");
                    if (Errors.Count > errorsBefore || day is null) return null;
                    return new PlateletTransfusion(day.Value, count ?? units!.Value * PlateletTransfusion.PlateletsPerUnitE9);
                }
                case "setParameter":
                {
                    CheckFields(e, path, spec!.Names);
                    var name = String(e, path, "parameter", required: true);
                    double? value = null;
                    if (name is not null)
                    {
                        if (ParameterCatalog.TryGet(name, out var def))
                            value = Number(e, path, spec["value"] with { Minimum = def.Minimum, Maximum = def.Maximum, Unit = def.Unit });
                        else if (Physiology.TpoModelAssembly.ModelOnlyParameter(name) is { } m)
                            value = Number(e, path, spec["value"] with { Minimum = m.Minimum, Maximum = m.Maximum, Unit = m.Unit });
                        else
                            Error($"{path}.parameter", $"unknown parameter '{name}'; run 'tposim parameters' (and 'tposim drugs' for PK/PD) for the names");
                    }
                    if (Errors.Count > errorsBefore || day is null || name is null || value is null) return null;
                    return new ParameterChange(day.Value, name, value.Value);
                }
                case "bleeding":
                {
                    CheckFields(e, path, spec!.Names);
                    var loss = Number(e, path, spec["bloodLossPercent"]);
                    return Errors.Count > errorsBefore || day is null ? null : new Bleeding(day.Value, loss!.Value);
                }
                case "splenectomy":
                    CheckFields(e, path, spec!.Names);
                    return Errors.Count > errorsBefore || day is null ? null : new Splenectomy(day.Value);
                case "liverTransplant":
                    CheckFields(e, path, spec!.Names);
                    return Errors.Count > errorsBefore || day is null ? null : new LiverTransplant(day.Value);
                case "partialHepatectomy":
                {
                    CheckFields(e, path, spec!.Names);
                    var f = Number(e, path, spec["fractionResected"]);
                    return Errors.Count > errorsBefore || day is null ? null : new PartialHepatectomy(day.Value, f!.Value);
                }
                case "radiation":
                {
                    CheckFields(e, path, spec!.Names);
                    var dose = Number(e, path, spec["doseGy"]);
                    return Errors.Count > errorsBefore || day is null ? null : new RadiationExposure(day.Value, dose!.Value);
                }
                case "chemotherapy":
                {
                    CheckFields(e, path, spec!.Names);
                    var regimenName = Enum(e, path, spec["regimen"]);
                    var cycles = Integer(e, path, spec["cycles"]) ?? 1;
                    var every = Number(e, path, spec["everyDays"]);
                    if (cycles > 1 && every is null && !(e.TryGetProperty("everyDays", out var ev) && ev.ValueKind != JsonValueKind.Null))
                        Error($"{path}.everyDays", "required when cycles > 1: the cycle length in days, [1, 365]");
                    if (day is { } d0 && every is { } m && d0 + (cycles - 1) * m > days)
                        Error($"{path}.cycles", $"the last of {cycles} cycles (day {Fmt(d0 + (cycles - 1) * m)}) is after the end of the simulation; allowed ≤ {(int)Math.Floor((days - d0) / m) + 1}");
                    Procedures.ChemotherapyRegimen? regimen = null;
                    if (regimenName == "custom")
                    {
                        var k = Number(e, path, spec["killRate"].Needed());
                        var x = Number(e, path, spec["exposureDays"].Needed());
                        if (k is not null && x is not null) regimen = new Procedures.ChemotherapyRegimen("custom", k.Value, x.Value, "custom regimen");
                    }
                    else if (regimenName is not null)
                    {
                        foreach (var f in new[] { "killRate", "exposureDays" })
                        {
                            if (e.TryGetProperty(f, out _)) Error($"{path}.{f}", $"only for regimen 'custom'; the '{regimenName}' preset sets it");
                        }
                        regimen = Procedures.ChemotherapyRegimen.Presets.First(r => r.Name == regimenName);
                    }
                    if (Errors.Count > errorsBefore || day is null || regimen is null) return null;
                    return new Chemotherapy(day.Value, regimen, cycles, every ?? 0);
                }
                default:
                    return null;
            }
        }

        private ConditionChoice? ReadCondition(JsonElement e, string path)
        {
            var errorsBefore = Errors.Count;
            var cname = Enum(e, path, FieldSpec.OneOf("name", "", Conditions.ConditionCatalog.Names).Needed());
            var def = cname is null ? null : Conditions.ConditionCatalog.Get(cname);
            var spec = def is null ? null : ScenarioFields.Condition(def);
            // With an unknown name the other fields cannot be judged: the name error is the one problem.
            if (spec is not null) CheckFields(e, path, spec.Names);
            else if (cname == null && !e.TryGetProperty("name", out _)) CheckFields(e, path, ["name", ScenarioFields.Severity.Name]);
            var severity = Number(e, path, ScenarioFields.Severity);
            if (def == Conditions.ConditionCatalog.ChronicLiverDisease && Enum(e, path, ScenarioFields.ChildPugh) is { } grade)
            {
                if (severity is not null) Error($"{path}.childPugh", "give either 'severity' or 'childPugh', not both");
                severity = Conditions.ConditionCatalog.ChildPughSeverity(grade);
            }
            var baseline = Number(e, path, ScenarioFields.BaselinePlatelets);
            if (baseline is not null)
            {
                if (severity is not null) Error($"{path}.{ScenarioFields.BaselinePlatelets.Name}", "give either 'severity' (or 'childPugh') or 'baselinePlatelets', not both");
                else if (cname == "healthy") Error($"{path}.{ScenarioFields.BaselinePlatelets.Name}", "'healthy' has no severity to solve; name a condition");
                else BaselinePath = $"{path}.{ScenarioFields.BaselinePlatelets.Name}";
            }
            var options = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var o in def?.Options ?? [])
            {
                if (!e.TryGetProperty(o.Name, out var v) || v.ValueKind == JsonValueKind.Null) continue;
                if (o.IsFlag)
                {
                    if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) options[o.Name] = v.GetBoolean() ? 1 : 0;
                    else Error($"{path}.{o.Name}", $"expected true or false, found {Kind(v)}");
                }
                else if (Number(e, path, spec![o.Name]) is { } x) options[o.Name] = x;
            }
            if (Errors.Count > errorsBefore || cname is null) return null;
            return new ConditionChoice(cname, severity ?? (cname == "healthy" ? 0 : 1), options, baseline);
        }
    }
}
