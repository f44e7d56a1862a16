using TpoSim.Input;
using static TpoSim.Input.FieldSpec;

namespace TpoSim.Scenarios;

/// <summary>
/// The fields of every object of the scenario format (docs/scenarios.md) with their types, ranges, units and defaults.
/// <see cref="ScenarioParser"/> checks against these and <see cref="ScenarioSchema"/> writes docs/scenario.schema.json
/// from them: one source for both.
/// </summary>
public static class ScenarioFields
{
    private const string DayText = "Day of the event or first dose, days after day 0; must also be ≤ simulation.days.";
    private static readonly string[] UnitNames = ["mg", "ug", "ug/kg"];
    private static IReadOnlyList<string> Solvers => global::TpoSim.Simulation.SolverChoice.Names;

    /// <summary>The event or first dose day (its upper limit is the simulated span, checked by the parser).</summary>
    public static FieldSpec Day { get; } = Num("day", DayText, 0, ScenarioDefaults.MaxDays, "days (inside the simulated span)").Needed();

    /// <summary>The scenario's top level.</summary>
    public static ObjectSpec Top { get; } = new("", "A TpoSim simulation scenario (docs/scenarios.md).",
    [
        Text("$schema", "Path or URI of this schema, for editors; ignored by TpoSim."),
        Text("name", "Short title shown in tables, plots and reports.", "Untitled scenario"),
        Text("description", "What the scenario shows.", ""),
        OneOf("model", "The model core: v1 (the hand-tuned default) or v2 (receptor physiology; conditions, doses, transfusions and setParameter events, no procedures yet). docs/model-v2.md.", Physiology.CoreModel.Names, Physiology.CoreModel.V1.Name),
        Obj("patient", null, "patient"),
        Obj("simulation", null, "simulation"),
        List("doses", "Drug doses, each optionally repeated.", "dose"),
        List("events", "Timed events: platelet transfusions, parameter changes and procedures.", "event"),
        Obj("titration", null, "titration"),
        Obj("pk", null, "pk"),
        Obj("doseTable", null, "doseTable"),
        Whole("seed", "Seed of the model's random features (ITP activity fluctuation); the same seed gives the same run.", 0, int.MaxValue, 1),
    ]);

    /// <summary>The patient.</summary>
    public static ObjectSpec Patient { get; } = new("patient", "Who is simulated. Day 0 is this patient's steady state.",
    [
        Num("weightKg", "Body weight, kg.", Physiology.Patient.MinWeightKg, Physiology.Patient.MaxWeightKg, "kg", new Physiology.Patient().BodyWeightKg),
        OneOf("sex", "Sex.", ["female", "male"], "female"),
        OneOf("ageGroup", "Age group; neonates make part of their TPO in the spleen.", ["adult", "neonate"], "adult"),
        Flag("eastAsian", "East Asian ancestry: eltrombopag CL/F × 0.476 (Farrell 2014) and the eltrombopag label's 25 mg start."),
        Obj("condition", "One condition preset ('tposim conditions'); give this or 'conditions', not both.", "condition"),
        List("conditions", "Several condition presets, applied in order (each moves its mechanism parameters from where the previous left them); give this or 'condition', not both.", "condition"),
        Obj("parameters", "Model parameters replacing their defaults (docs/parameters.md; 'tposim parameters').", "parameters"),
    ]);

    /// <summary>Span, output grid and solver.</summary>
    public static ObjectSpec Simulation { get; } = new("simulation", "Span, output grid and solver.",
    [
        Num("days", $"Simulated days after day 0 ({ScenarioDefaults.MaxDays:G} = 20 years).", 0.01, ScenarioDefaults.MaxDays, "days", ScenarioDefaults.Days),
        Num("outputEveryDays", $"Spacing of the output rows, days; days / outputEveryDays must be ≤ {ScenarioDefaults.MaxOutputPoints}.", ScenarioDefaults.MinOutputStepDays, ScenarioDefaults.MaxDays, "days", ScenarioDefaults.OutputStepDays),
        OneOf("solver", $"ODE solver ('tposim solvers'); default {Solvers[0]}.", Solvers),
    ]);

    /// <summary>A drug dose, optionally repeated.</summary>
    public static ObjectSpec Dose { get; } = new("dose", "A drug dose given on 'day', then every 'everyDays' for 'count' doses in all (NONMEM ii = everyDays, addl = count − 1).",
    [
        OneOf("drug", "Drug name.", Drugs.DrugCatalog.Names).Needed(),
        OneOf("route", "iv = intravenous bolus, sc = subcutaneous, oral = by mouth; each drug allows only some.", ["iv", "sc", "oral"]).Needed(),
        Num("amount", "Amount per dose in 'unit'; > 0, at most the drug's single-dose limit per kg of this patient.", 0, double.MaxValue, exclusiveMin: true).Needed(),
        OneOf("unit", "mg, ug (micrograms) or ug/kg (micrograms per kg body weight).", UnitNames).Needed(),
        Day,
        Num("everyDays", "Interval between repeated doses, days; required when count > 1.", 0.01, ScenarioDefaults.MaxDays, "days"),
        Whole("count", "Number of doses in all.", 1, ScenarioDefaults.MaxDoses, 1),
        Flag("withPolyvalentCations", "eltrombopag only: taken together with polyvalent cations (antacid, dairy, mineral supplement): bioavailability × 0.30 for these doses."),
    ]);

    /// <summary>Doses from a NONMEM-style event table.</summary>
    public static ObjectSpec DoseTable { get; } = new("doseTable", "Doses from a NONMEM-style event table (CSV columns ID,TIME,AMT,EVID,CMT,II,ADDL,DV; TIME and II in hours; CMT 1 oral, 2 sc, 3 iv; EVID 0 rows ignored), added after the inline doses. The last dose (TIME + ADDL·II) must be ≤ simulation.days.",
    [
        Text("file", "CSV file, relative to the scenario file's folder.").Needed(),
        OneOf("drug", "Drug every dose row gives.", Drugs.DrugCatalog.Names).Needed(),
        OneOf("unit", "Unit of AMT: mg, ug or ug/kg.", UnitNames).Needed(),
        Whole("id", "Subject (ID column) whose rows are used; required when the table has several.", 0, int.MaxValue),
    ]);

    /// <summary>The fields only the custom titration rule takes.</summary>
    public static IReadOnlyList<string> CustomTitrationFields { get; } = ["low", "high", "hold", "resume", "step", "maxDose"];

    /// <summary>A closed-loop dose rule.</summary>
    public static ObjectSpec Titration { get; } = new("titration", "A closed-loop dose rule applied at scheduled platelet checks (docs/scenarios.md#titration).",
    [
        OneOf("policy", "The dose rule: romiplostim-itp-label (weekly SC, µg/kg), eltrombopag-itp-label, avatrombopag-itp-label (daily oral, mg), avatrombopag-cld-label (5 daily doses chosen by the baseline count), lusutrombopag-lplus2 (3 mg daily for 7 days, L-PLUS 2 early stop), custom (weekly romiplostim with your thresholds).", Policies.TitrationCatalog.Names).Needed(),
        Num("startDose", "Start dose in the rule's unit (µg/kg for romiplostim rules, mg otherwise); a dose level of ladder rules; default the label's; required for custom; not for avatrombopag-cld-label.", 0, double.MaxValue, exclusiveMin: true),
        Num("checkEveryDays", "Days between platelet checks; default 7 (daily for lusutrombopag-lplus2).", 1, 28, "days"),
        Num("weeks", "How long the rule runs from day 0, weeks (or give 'days'); default the whole simulation (5 days for avatrombopag-cld-label, 7 for lusutrombopag-lplus2).", 1, ScenarioDefaults.MaxDays / 7, "weeks"),
        Num("days", "How long the rule runs from day 0, days (or give 'weeks').", 1, ScenarioDefaults.MaxDays, "days"),
        Num("assayCv", "Coefficient of variation of multiplicative assay noise on each measured count (0 = exact).", 0, 0.5, "", 0),
        Whole("seed", "Seed of the assay-noise stream; the same seed gives the same decisions.", 0, int.MaxValue, 1),
        Flag("eastAsian", "eltrombopag-itp-label only: East Asian ancestry (start 25 mg; 12.5 mg with hepaticImpairment). Defaults to patient.eastAsian and must agree with it."),
        Flag("hepaticImpairment", "eltrombopag-itp-label only: hepatic impairment (start 25 mg; 12.5 mg with eastAsian). Defaults to whether the patient has a chronicLiverDisease condition and must agree with it."),
        Num("low", $"custom only: increase by one step below this count, ×10^9/L; default {Policies.TitrationCatalog.CustomDefaults.Low:G}.", 0, 1000, "×10^9/L", exclusiveMin: true),
        Num("high", $"custom only: decrease by one step after two checks above this count, ×10^9/L; default {Policies.TitrationCatalog.CustomDefaults.High:G}.", 0, 1000, "×10^9/L", exclusiveMin: true),
        Num("hold", $"custom only: withhold above this count, ×10^9/L; default {Policies.TitrationCatalog.CustomDefaults.Hold:G}.", 0, 2000, "×10^9/L", exclusiveMin: true),
        Num("resume", $"custom only: resume one step lower below this count, ×10^9/L; default {Policies.TitrationCatalog.CustomDefaults.Resume:G}.", 0, 2000, "×10^9/L", exclusiveMin: true),
        Num("step", $"custom only: dose step, µg/kg; default {Policies.TitrationCatalog.CustomDefaults.Step:G}.", 0, 10, "µg/kg", exclusiveMin: true),
        Num("maxDose", $"custom only: highest dose, µg/kg; default {Policies.TitrationCatalog.CustomDefaults.MaxDose:G}.", 0, 30, "µg/kg", exclusiveMin: true),
    ]);

    /// <summary>Start-dose limits of the rules that are not ladders: the custom rule's (µg/kg) and lusutrombopag's (mg).</summary>
    public static FieldSpec CustomStartDose { get; } = Num("startDose", "", 0, 30, "µg/kg", exclusiveMin: true);

    /// <summary>Lusutrombopag's start-dose limit, mg.</summary>
    public static FieldSpec LusutrombopagStartDose { get; } = Num("startDose", "", 0, 10, "mg", exclusiveMin: true);

    /// <summary>The events, each with its own fields after "type" and "day".</summary>
    public static IReadOnlyList<ObjectSpec> Events { get; } =
    [
        Event("plateletTransfusion", $"Platelet transfusion: exactly one of 'units' (adult apheresis units, 1 unit = {PlateletTransfusion.PlateletsPerUnitE9:G} ×10^9 platelets) or 'plateletsE9'.",
            Num("units", $"Adult apheresis units (1 unit = {PlateletTransfusion.PlateletsPerUnitE9:G} ×10^9 platelets).", 0, ScenarioDefaults.MaxTransfusionE9 / PlateletTransfusion.PlateletsPerUnitE9, "adult units", exclusiveMin: true),
            Num("plateletsE9", "Platelets given, ×10^9.", 0, ScenarioDefaults.MaxTransfusionE9, "×10^9 platelets", exclusiveMin: true)),
        Event("setParameter", "Sets a model parameter from 'day' on (e.g. start or stop of platelet destruction).",
            OneOf("parameter", "Parameter name (docs/parameters.md).", Parameters.ParameterCatalog.All.Select(d => d.Name).Concat(Physiology.TpoModelAssembly.ModelOnlyParameters.Select(m => m.Name)).ToArray()).Needed(),
            Num("value", "New value in the parameter's unit, inside its range.", double.MinValue, double.MaxValue).Needed()),
        Event("bleeding", "Acute blood loss replaced by crystalloid: circulating platelets and plasma TPO are lost in proportion.",
            Num("bloodLossPercent", "Blood lost, % of blood volume.", 0, 60, "% of blood volume", exclusiveMin: true).Needed()),
        Event("splenectomy", "Spleen removed: pooled platelets go with it, nothing is pooled afterwards, antibody-mediated removal falls by 47.5%."),
        Event("liverTransplant", "Liver transplant: hepatic TPO synthesis restored to a healthy liver's; the spleen stays as it was."),
        Event("partialHepatectomy", "Part of the liver removed: hepatic TPO synthesis falls by the fraction, then recovers as the liver regenerates (time constant 14 days).",
            Num("fractionResected", "Fraction of the liver removed.", 0, 0.75, "of the liver", exclusiveMin: true).Needed()),
        Event("chemotherapy", "Myelosuppressive chemotherapy: dividing megakaryocyte progenitors die at an extra rate for a few days each cycle. The last cycle, day + (cycles − 1) × everyDays, must be ≤ simulation.days.",
            OneOf("regimen", string.Join(", ", Procedures.ChemotherapyRegimen.Presets.Select(r => FormattableString.Invariant($"{r.Name} (kill {r.KillRatePerDay:G}/day for {r.ExposureDays:G} day{(r.ExposureDays == 1 ? "" : "s")} per cycle)"))) + " or custom (give killRate and exposureDays).",
                [.. Procedures.ChemotherapyRegimen.Presets.Select(r => r.Name), "custom"]).Needed(),
            Whole("cycles", "Number of cycles.", 1, 50, 1),
            Num("everyDays", "Cycle length, days; required when cycles > 1.", 1, 365, "days"),
            Num("killRate", "Extra progenitor death rate while exposed, 1/day; only and required for regimen custom.", 0, 20, "1/day", exclusiveMin: true),
            Num("exposureDays", "Days of drug effect per cycle; only and required for regimen custom.", 0.01, 28, "days")),
        Event("radiation", "Whole-body radiation: dividing megakaryocyte progenitors survive with exp(−dose / 1 Gy); mature megakaryocytes are spared.",
            Num("doseGy", "Absorbed dose, Gy.", 0, 20, "Gy", exclusiveMin: true).Needed()),
    ];

    /// <summary>The event types in the order the schema and errors list them.</summary>
    public static string[] EventTypes { get; } = Events.Select(e => e.Name).ToArray();

    /// <summary>The event called <paramref name="type"/>.</summary>
    public static ObjectSpec Event(string type) => Events.First(e => e.Name == type);

    /// <summary>A condition's severity.</summary>
    public static FieldSpec Severity { get; } = Num("severity", "0 = absent (healthy), 1 = the preset's full severity; default 0 for healthy, otherwise 1.", 0, 1);

    /// <summary>Chronic liver disease's Child-Pugh class, instead of a severity.</summary>
    public static FieldSpec ChildPugh { get; } = OneOf("childPugh", "Child-Pugh class instead of a severity: A = 1/3, B = 2/3, C = 1.", ["A", "B", "C"]);

    /// <summary>A day-0 platelet count to solve the condition's severity for, instead of giving the severity.</summary>
    public static FieldSpec BaselinePlatelets { get; } = Num("baselinePlatelets",
        "Day-0 circulating platelet count, 10^9/L, instead of a severity: the severity in [0, 1] that gives it at steady state is solved (Brent's method); the only condition of the scenario.",
        0, 1000, "10^9/L", exclusiveMin: true);

    /// <summary>The fields of one condition preset: name, severity, Child-Pugh for liver disease, then the preset's options.</summary>
    public static ObjectSpec Condition(Conditions.ConditionDefinition c) => new("condition." + c.Name, c.Title + ": " + c.Mechanism,
    [
        Const("name", c.Name).Needed(),
        Severity with { Description = c.SeverityMeaning },
        BaselinePlatelets,
        .. c == Conditions.ConditionCatalog.ChronicLiverDisease ? [ChildPugh] : Array.Empty<FieldSpec>(),
        .. c.Options.Select(o => o.IsFlag
            ? Flag(o.Name, o.Description, o.Default >= 0.5)
            : Num(o.Name, o.Description, o.Minimum, o.Maximum, "", o.Default)),
    ]);

    /// <summary>The published PK variant chosen per drug.</summary>
    public static ObjectSpec Pk { get; } = new("pk", "Published PK variant per drug ('tposim drugs' lists them); a drug not listed uses its default (healthy-subject) model.",
        Drugs.Modules.DrugModuleCatalog.DrugsWithVariants.Select(d =>
        {
            var variants = Drugs.Modules.DrugModuleCatalog.VariantsOf(d);
            return OneOf(d, $"{d}: " + string.Join("; ", variants.Select(v => $"{v} = {Drugs.Modules.DrugModuleCatalog.Find(v)!.Description}")), variants, variants[0]);
        }).ToArray());

    private static ObjectSpec Event(string type, string description, params FieldSpec[] own) =>
        new(type, description, [Const("type", type).Needed(), Day, .. own]);
}
