using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TpoSim.Conditions;
using TpoSim.Drugs;
using TpoSim.Input;
using TpoSim.Parameters;

namespace TpoSim.Scenarios;

/// <summary>
/// The JSON Schema (draft 2020-12) of the scenario format, generated from <see cref="ScenarioFields"/> and the
/// catalogues (parameters, conditions, drugs, solvers, titration rules, regimens): <c>tposim export schema</c> writes it,
/// docs/scenario.schema.json is its committed copy and a test keeps the two equal. Rules that need two fields the schema
/// can state (if/then) are written here; the ones it cannot (days inside the simulated span) are named in its description.
/// </summary>
public static class ScenarioSchema
{
    /// <summary>The schema as indented JSON text with a final newline.</summary>
    public static string Text()
    {
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return Build().ToJsonString(options).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>The schema as a JSON object.</summary>
    public static JsonObject Build()
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "TpoSim scenario",
            ["description"] = ScenarioFields.Top.Description + " Checks the parser cannot express here: every event day and dose day must be ≤ simulation.days, " +
                              "the last repeated dose (day + (count − 1) × everyDays) and the last chemotherapy cycle (day + (cycles − 1) × everyDays) too, " +
                              $"simulation.days / simulation.outputEveryDays ≤ {ScenarioDefaults.MaxOutputPoints} output rows, at most {ScenarioDefaults.MaxDoses} doses after repeats, " +
                              $"at most {ScenarioDefaults.MaxEvents} events (each chemotherapy cycle counts); doses per kg of the actual patient; " +
                              "titration: 'weeks' × 7 or 'days' ≤ simulation.days, and for 'custom' low < high ≤ hold, resume ≤ hold, step and startDose ≤ maxDose.",
        };
        Close(root, ScenarioFields.Top);
        var defs = new JsonObject
        {
            ["doseTable"] = Closed(ScenarioFields.DoseTable),
            ["pk"] = Closed(ScenarioFields.Pk),
            ["patient"] = Patient(),
            ["condition"] = Condition(),
        };
        foreach (var c in ConditionCatalog.All)
        {
            var spec = ScenarioFields.Condition(c);
            var def = Closed(spec);
            if (c == ConditionCatalog.ChronicLiverDisease) def["not"] = Required("severity", ScenarioFields.ChildPugh.Name);
            defs[spec.Name] = def;
        }
        defs["simulation"] = Closed(ScenarioFields.Simulation);
        defs["dose"] = Dose();
        defs["event"] = Event();
        foreach (var e in ScenarioFields.Events) defs[e.Name] = EventDefinition(e);
        defs["titration"] = Titration();
        root["$defs"] = defs;
        return root;
    }

    /// <summary>One field's schema.</summary>
    public static JsonObject Field(FieldSpec f)
    {
        var o = new JsonObject();
        if (f.Description.Length > 0) o["description"] = f.Description;
        switch (f.Kind)
        {
            case FieldKind.Number:
            case FieldKind.Integer:
                o["type"] = f.Kind == FieldKind.Number ? "number" : "integer";
                if (f.Minimum != double.MinValue) o[f.ExclusiveMinimum ? "exclusiveMinimum" : "minimum"] = f.Minimum;
                if (f.Maximum != double.MaxValue) o["maximum"] = f.Maximum;
                break;
            case FieldKind.Text:
                o["type"] = "string";
                break;
            case FieldKind.Flag:
                o["type"] = "boolean";
                break;
            case FieldKind.Choice:
                o["enum"] = Strings(f.Choices);
                break;
            case FieldKind.Constant:
                o["const"] = f.Choices[0];
                break;
            case FieldKind.Object:
                o["$ref"] = $"#/$defs/{f.Definition}";
                break;
            case FieldKind.Array:
                o["type"] = "array";
                o["items"] = new JsonObject { ["$ref"] = $"#/$defs/{f.Definition}" };
                break;
        }
        switch (f.Default)
        {
            case double d: o["default"] = d; break;
            case bool b: o["default"] = b; break;
            case string s: o["default"] = s; break;
        }
        return o;
    }

    private static JsonObject Closed(ObjectSpec spec)
    {
        var o = new JsonObject();
        if (spec.Description.Length > 0) o["description"] = spec.Description;
        Close(o, spec);
        return o;
    }

    private static void Close(JsonObject o, ObjectSpec spec, Func<FieldSpec, bool>? requiredHere = null)
    {
        o["type"] = "object";
        o["additionalProperties"] = false;
        var required = spec.Fields.Where(requiredHere ?? (f => f.Required)).Select(f => f.Name).ToArray();
        if (required.Length > 0) o["required"] = Strings(required);
        var props = new JsonObject();
        foreach (var f in spec.Fields) props[f.Name] = Field(f);
        o["properties"] = props;
    }

    private static JsonObject Patient()
    {
        var o = Closed(ScenarioFields.Patient);
        o["not"] = Required("condition", "conditions");
        var parameters = new JsonObject();
        foreach (var d in ParameterCatalog.All)
        {
            parameters[d.Name] = new JsonObject
            {
                ["description"] = $"{d.Description} Unit: {d.Unit}; default {d.DefaultValue.ToString("G10", System.Globalization.CultureInfo.InvariantCulture)}.",
                ["type"] = "number",
                ["minimum"] = d.Minimum,
                ["maximum"] = d.Maximum,
            };
        }
        foreach (var m in Physiology.TpoModelAssembly.ModelOnlyParameters)
        {
            parameters[m.Name] = new JsonObject
            {
                ["description"] = $"{m.Description} Unit: {m.Unit}; default {m.Value.ToString("G10", System.Globalization.CultureInfo.InvariantCulture)}. Acts only when its drug is dosed.",
                ["type"] = "number",
                ["minimum"] = m.Minimum,
                ["maximum"] = m.Maximum,
            };
        }
        var p = o["properties"]!["parameters"]!.AsObject();
        p.Remove("$ref");
        p["type"] = "object";
        p["additionalProperties"] = false;
        p["properties"] = parameters;
        return o;
    }

    private static JsonObject Condition()
    {
        var branches = new JsonArray();
        foreach (var c in ConditionCatalog.All) branches.Add(Branch("name", c.Name, new JsonObject { ["$ref"] = $"#/$defs/condition.{c.Name}" }));
        return new JsonObject
        {
            ["description"] = "A condition preset: a documented change to mechanism parameters, scaled by severity. Each preset allows only its own option fields.",
            ["type"] = "object",
            ["required"] = Strings(["name"]),
            ["properties"] = new JsonObject
            {
                ["name"] = Field(FieldSpec.OneOf("name", "Preset name ('tposim conditions').", ConditionCatalog.Names)),
                ["severity"] = Field(ScenarioFields.Severity),
            },
            ["allOf"] = branches,
        };
    }

    private static JsonObject Dose()
    {
        var o = Closed(ScenarioFields.Dose);
        var all = new JsonArray { RepeatNeedsInterval("count") };
        foreach (var drug in DrugCatalog.All)
        {
            var limits = new JsonArray();
            foreach (var (unit, max) in new[] { ("ug/kg", 1.0), ("ug", Physiology.Patient.MaxWeightKg), ("mg", Physiology.Patient.MaxWeightKg / 1000) })
                limits.Add(Branch("unit", unit, Properties(("amount", new JsonObject { ["maximum"] = drug.MaxSingleDoseMicrogramsPerKg * max }))));
            var then = Properties(("route", new JsonObject { ["enum"] = Strings(drug.Routes.Select(RouteName)) }));
            then["allOf"] = limits;
            all.Add(Branch("drug", drug.Name, then));
        }
        o["allOf"] = all;
        return o;
    }

    private static JsonObject Event()
    {
        var branches = new JsonArray();
        foreach (var e in ScenarioFields.Events) branches.Add(Branch("type", e.Name, new JsonObject { ["$ref"] = $"#/$defs/{e.Name}" }));
        return new JsonObject
        {
            ["description"] = "A discontinuous change on a given day: a transfusion, a parameter change or a procedure.",
            ["type"] = "object",
            ["required"] = Strings(["type", ScenarioFields.Day.Name]),
            ["properties"] = new JsonObject { ["type"] = Field(FieldSpec.OneOf("type", "Event type.", ScenarioFields.EventTypes)) },
            ["allOf"] = branches,
        };
    }

    private static JsonObject EventDefinition(ObjectSpec e)
    {
        var o = new JsonObject { ["description"] = e.Description };
        // "type" and "day" are required by the generic event definition that refers here.
        Close(o, e, f => f.Required && f.Name != "type" && f.Name != ScenarioFields.Day.Name);
        switch (e.Name)
        {
            case "plateletTransfusion":
                o["oneOf"] = new JsonArray { Required("units"), Required("plateletsE9") };
                break;
            case "setParameter":
            {
                var ranges = new JsonArray();
                foreach (var d in ParameterCatalog.All)
                    ranges.Add(Branch("parameter", d.Name, Properties(("value", new JsonObject { ["minimum"] = d.Minimum, ["maximum"] = d.Maximum }))));
                foreach (var m in Physiology.TpoModelAssembly.ModelOnlyParameters)
                    ranges.Add(Branch("parameter", m.Name, Properties(("value", new JsonObject { ["minimum"] = m.Minimum, ["maximum"] = m.Maximum }))));
                o["allOf"] = ranges;
                break;
            }
            case "chemotherapy":
            {
                var custom = Branch("regimen", "custom", Required("killRate", "exposureDays"));
                custom["else"] = Properties(("killRate", false), ("exposureDays", false));
                o["allOf"] = new JsonArray { RepeatNeedsInterval("cycles"), custom };
                break;
            }
        }
        return o;
    }

    private static JsonObject Titration()
    {
        var o = Closed(ScenarioFields.Titration);
        o["not"] = Required("weeks", "days");
        var all = new JsonArray();
        var customThen = Required(ScenarioFields.CustomStartDose.Name);
        customThen["properties"] = new JsonObject { ["startDose"] = new JsonObject { ["maximum"] = ScenarioFields.CustomStartDose.Maximum } };
        var custom = Branch("policy", Policies.TitrationCatalog.Custom, customThen);
        custom["else"] = Properties(ScenarioFields.CustomTitrationFields.Select(f => (f, (JsonNode?)false)).ToArray());
        all.Add(custom);
        foreach (var policy in Policies.TitrationCatalog.Names)
        {
            if (policy == Policies.TitrationCatalog.Custom) continue;
            JsonObject then;
            if (Policies.TitrationCatalog.StartLevels(policy) is { } levels)
                then = Properties(("startDose", new JsonObject { ["anyOf"] = new JsonArray(levels.Select(l => (JsonNode)new JsonObject { ["const"] = l }).ToArray()) }));
            else if (policy == Policies.TitrationCatalog.AvatrombopagCld)
                then = Properties(("startDose", false));
            else if (policy == Policies.TitrationCatalog.LusutrombopagLplus2)
                then = Properties(("startDose", new JsonObject { ["maximum"] = ScenarioFields.LusutrombopagStartDose.Maximum }));
            else continue;
            var branch = Branch("policy", policy, then);
            if (policy == Policies.TitrationCatalog.EltrombopagItp) branch["else"] = Properties(("eastAsian", false), ("hepaticImpairment", false));
            all.Add(branch);
        }
        o["allOf"] = all;
        return o;
    }

    /// <summary>{"if": {count ≥ 2}, "then": {"required": ["everyDays"]}}.</summary>
    private static JsonObject RepeatNeedsInterval(string countField) => new()
    {
        ["if"] = new JsonObject
        {
            ["required"] = Strings([countField]),
            ["properties"] = new JsonObject { [countField] = new JsonObject { ["type"] = "integer", ["minimum"] = 2 } },
        },
        ["then"] = Required("everyDays"),
    };

    /// <summary>{"if": {field = value}, "then": then}.</summary>
    private static JsonObject Branch(string field, string value, JsonObject then) => new()
    {
        ["if"] = new JsonObject
        {
            ["required"] = Strings([field]),
            ["properties"] = new JsonObject { [field] = new JsonObject { ["const"] = value } },
        },
        ["then"] = then,
    };

    private static JsonObject Properties(params (string Name, JsonNode? Schema)[] fields)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in fields) props[name] = schema;
        return new JsonObject { ["properties"] = props };
    }

    private static JsonObject Required(params string[] fields) => new() { ["required"] = Strings(fields) };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private static string RouteName(Route r) => r switch { Route.Subcutaneous => "sc", Route.Oral => "oral", _ => "iv" };
}
