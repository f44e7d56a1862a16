using System.Globalization;
using System.Text.Json.Nodes;
using TpoSim.Conditions;
using TpoSim.Drugs;
using TpoSim.Parameters;
using TpoSim.Physiology;
using TpoSim.Scenarios;
using TpoSim.Simulation;
using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>docs/scenario.schema.json accepts what the parser accepts, rejects what it rejects, and lists what the code lists.</summary>
public sealed class SchemaTests
{
    private static readonly string SchemaText = File.ReadAllText(CliHarness.RepoFile("docs/scenario.schema.json"));
    private static readonly JsonObject Root = JsonNode.Parse(SchemaText)!.AsObject();

    public static TheoryData<string> ScenarioNames => new(CliHarness.ScenarioFiles().Select(Path.GetFileName)!);
    public static TheoryData<string> BadIds => new(BadScenarioCases.All.Select(c => c.Id));
    public static TheoryData<string> GoodIds => new(GoodScenarioCases.All.Select(c => c.Id));

    private static JsonObject Def(string name) => Root["$defs"]![name]!.AsObject();
    private static JsonObject Props(JsonObject schema) => schema["properties"]!.AsObject();
    private static string[] Keys(JsonObject o) => o.Select(kv => kv.Key).ToArray();
    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
    private static double Num(JsonNode? n) => n!.GetValue<double>();

    [Fact]
    public void Schema_declares_draft_2020_12_and_closes_every_object()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Root["$schema"]!.GetValue<string>());
        Assert.False(Root["additionalProperties"]!.GetValue<bool>());
        string[] closed =
        [
            "patient", "simulation", "dose", "plateletTransfusion", "setParameter",
            "bleeding", "splenectomy", "liverTransplant", "partialHepatectomy", "chemotherapy", "radiation", "titration",
            .. ConditionCatalog.Names.Select(n => "condition." + n),
        ];
        foreach (var name in closed)
            Assert.False(Def(name)["additionalProperties"]!.GetValue<bool>(), name);
        Assert.False(Props(Def("patient"))["parameters"]!["additionalProperties"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Example_scenario_validates_against_the_schema(string name)
    {
        var errors = ScenarioSchemaValidator.Validate(File.ReadAllText(CliHarness.RepoFile(Path.Combine("scenarios", name))));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(GoodIds))]
    public void Valid_scenario_is_accepted_by_schema_and_parser(string id)
    {
        var json = GoodScenarioCases.All.Single(c => c.Id == id).Json;
        var errors = ScenarioSchemaValidator.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var parsed = ScenarioParser.Parse(json);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
    }

    [Theory]
    [MemberData(nameof(BadIds))]
    public void Bad_scenario_is_rejected_by_the_schema_unless_it_needs_two_fields(string id)
    {
        var c = BadScenarioCases.All.Single(x => x.Id == id);
        Assert.False(ScenarioParser.Parse(c.Json).Succeeded);
        var errors = ScenarioSchemaValidator.Validate(c.Json);
        if (c.SchemaCanTell) Assert.NotEmpty(errors);
        else Assert.Empty(errors); // cross-field rules: documented in the schema's description and docs/scenarios.md
    }

    [Fact]
    public void Parameter_properties_match_the_catalog()
    {
        var props = Props(Props(Def("patient"))["parameters"]!.AsObject());
        var modelOnly = TpoSim.Physiology.TpoModelAssembly.ModelOnlyParameters;
        Assert.Equal(ParameterCatalog.All.Select(d => d.Name).Concat(modelOnly.Select(m => m.Name)), Keys(props));
        // PK and PD parameters (every drug module's, issue 13 item 5) carry their registry range and default too.
        foreach (var m in modelOnly)
        {
            Assert.Equal(m.Minimum, Num(props[m.Name]!["minimum"]));
            Assert.Equal(m.Maximum, Num(props[m.Name]!["maximum"]));
            Assert.Contains($"default {m.Value.ToString("G10", System.Globalization.CultureInfo.InvariantCulture)}.", props[m.Name]!["description"]!.GetValue<string>());
        }
        foreach (var d in ParameterCatalog.All)
        {
            Assert.Equal(d.Minimum, Num(props[d.Name]!["minimum"]));
            Assert.Equal(d.Maximum, Num(props[d.Name]!["maximum"]));
            Assert.Equal("number", props[d.Name]!["type"]!.GetValue<string>());
            // The stated default is the catalogue's (three were stale: kNonReceptor, stromaMaxFold, mkMaturationDays).
            var stated = System.Text.RegularExpressions.Regex.Match(props[d.Name]!["description"]!.GetValue<string>(), @"default ([0-9.eE+-]+)\.?$");
            Assert.True(stated.Success, d.Name);
            Assert.Equal(d.DefaultValue, double.Parse(stated.Groups[1].Value.TrimEnd('.'), System.Globalization.CultureInfo.InvariantCulture), 5);
        }
    }

    [Fact]
    public void SetParameter_names_and_value_ranges_match_the_catalog()
    {
        var def = Def("setParameter");
        var modelOnly = TpoSim.Physiology.TpoModelAssembly.ModelOnlyParameters;
        Assert.Equal(ParameterCatalog.All.Select(d => d.Name).Concat(modelOnly.Select(m => m.Name)), Strings(Props(def)["parameter"]!["enum"]));
        var ranges = def["allOf"]!.AsArray().ToDictionary(
            c => c!["if"]!["properties"]!["parameter"]!["const"]!.GetValue<string>(),
            c => c!["then"]!["properties"]!["value"]!.AsObject());
        Assert.Equal(ParameterCatalog.All.Count + modelOnly.Count, ranges.Count);
        foreach (var m in modelOnly)
        {
            Assert.Equal(m.Minimum, Num(ranges[m.Name]["minimum"]));
            Assert.Equal(m.Maximum, Num(ranges[m.Name]["maximum"]));
        }
        foreach (var d in ParameterCatalog.All)
        {
            Assert.Equal(d.Minimum, Num(ranges[d.Name]["minimum"]));
            Assert.Equal(d.Maximum, Num(ranges[d.Name]["maximum"]));
        }
    }

    [Fact]
    public void Drugs_routes_and_dose_limits_match_the_catalog()
    {
        var dose = Def("dose");
        Assert.Equal(DrugCatalog.Names, Strings(Props(dose)["drug"]!["enum"]));
        var perDrug = dose["allOf"]!.AsArray()
            .Where(c => c!["if"]!["properties"]!["drug"] is not null)
            .ToDictionary(c => c!["if"]!["properties"]!["drug"]!["const"]!.GetValue<string>(), c => c!["then"]!.AsObject());
        Assert.Equal(DrugCatalog.Names.Order(), perDrug.Keys.Order());
        foreach (var drug in DrugCatalog.All)
        {
            var then = perDrug[drug.Name];
            string[] routes = drug.Routes.Select(r => r switch { Route.Subcutaneous => "sc", Route.Oral => "oral", _ => "iv" }).ToArray();
            Assert.Equal(routes, Strings(then["properties"]!["route"]!["enum"]));
            var limits = then["allOf"]!.AsArray().ToDictionary(
                c => c!["if"]!["properties"]!["unit"]!["const"]!.GetValue<string>(),
                c => Num(c!["then"]!["properties"]!["amount"]!["maximum"]));
            Assert.Equal(drug.MaxSingleDoseMicrogramsPerKg, limits["ug/kg"], 12);
            Assert.Equal(drug.MaxSingleDoseMicrogramsPerKg * Patient.MaxWeightKg, limits["ug"], 9);
            Assert.Equal(drug.MaxSingleDoseMicrogramsPerKg * Patient.MaxWeightKg / 1000, limits["mg"], 12);
        }
    }

    [Fact]
    public void Solver_names_match_the_registry()
    {
        Assert.Equal(SolverChoice.Names, Strings(Props(Def("simulation"))["solver"]!["enum"]));
    }

    [Fact]
    public void Numeric_limits_and_defaults_match_the_code()
    {
        var patient = Props(Def("patient"));
        Assert.Equal(Patient.MinWeightKg, Num(patient["weightKg"]!["minimum"]));
        Assert.Equal(Patient.MaxWeightKg, Num(patient["weightKg"]!["maximum"]));
        Assert.Equal(new Patient().BodyWeightKg, Num(patient["weightKg"]!["default"]));

        var sim = Props(Def("simulation"));
        Assert.Equal(0.01, Num(sim["days"]!["minimum"]));
        Assert.Equal(ScenarioDefaults.MaxDays, Num(sim["days"]!["maximum"]));
        Assert.Equal(ScenarioDefaults.Days, Num(sim["days"]!["default"]));
        Assert.Equal(ScenarioDefaults.MinOutputStepDays, Num(sim["outputEveryDays"]!["minimum"]));
        Assert.Equal(ScenarioDefaults.MaxDays, Num(sim["outputEveryDays"]!["maximum"]));
        Assert.Equal(ScenarioDefaults.OutputStepDays, Num(sim["outputEveryDays"]!["default"]));

        var dose = Props(Def("dose"));
        Assert.Equal(ScenarioDefaults.MaxDays, Num(dose["day"]!["maximum"]));
        Assert.Equal(ScenarioDefaults.MaxDays, Num(dose["everyDays"]!["maximum"]));
        Assert.Equal(ScenarioDefaults.MaxDoses, Num(dose["count"]!["maximum"]));

        var tx = Props(Def("plateletTransfusion"));
        Assert.Equal(ScenarioDefaults.MaxTransfusionE9, Num(tx["plateletsE9"]!["maximum"]));
        Assert.Equal(ScenarioDefaults.MaxTransfusionE9 / PlateletTransfusion.PlateletsPerUnitE9, Num(tx["units"]!["maximum"]));

        var description = Root["description"]!.GetValue<string>();
        Assert.Contains(ScenarioDefaults.MaxOutputPoints.ToString(System.Globalization.CultureInfo.InvariantCulture), description);
        Assert.Contains(ScenarioDefaults.MaxDoses.ToString(System.Globalization.CultureInfo.InvariantCulture), description);
    }

    /// <summary>The parser names the allowed fields of an object when it meets an unknown one; the schema must list the same.</summary>
    [Theory]
    [InlineData("""{ "zzz": 1 }""", "$.zzz", "")]
    [InlineData("""{ "patient": { "zzz": 1 } }""", "$.patient.zzz", "patient")]
    [InlineData("""{ "patient": { "condition": { "name": "healthy", "zzz": 1 } } }""", "$.patient.condition.zzz", "condition.healthy")]
    [InlineData("""{ "patient": { "condition": { "name": "chronicLiverDisease", "zzz": 1 } } }""", "$.patient.condition.zzz", "condition.chronicLiverDisease")]
    [InlineData("""{ "patient": { "condition": { "name": "itp", "zzz": 1 } } }""", "$.patient.condition.zzz", "condition.itp")]
    [InlineData("""{ "patient": { "conditions": [ { "name": "mds", "zzz": 1 } ] } }""", "$.patient.conditions[0].zzz", "condition.mds")]
    [InlineData("""{ "simulation": { "zzz": 1 } }""", "$.simulation.zzz", "simulation")]
    [InlineData("""{ "doses": [ { "drug": "rhTPO", "route": "iv", "amount": 1, "unit": "ug", "day": 1, "zzz": 1 } ] }""", "$.doses[0].zzz", "dose")]
    [InlineData("""{ "events": [ { "type": "plateletTransfusion", "day": 1, "units": 1, "zzz": 1 } ] }""", "$.events[0].zzz", "plateletTransfusion")]
    [InlineData("""{ "events": [ { "type": "setParameter", "day": 1, "parameter": "kon", "value": 1, "zzz": 1 } ] }""", "$.events[0].zzz", "setParameter")]
    [InlineData("""{ "events": [ { "type": "bleeding", "day": 1, "bloodLossPercent": 10, "zzz": 1 } ] }""", "$.events[0].zzz", "bleeding")]
    [InlineData("""{ "events": [ { "type": "splenectomy", "day": 1, "zzz": 1 } ] }""", "$.events[0].zzz", "splenectomy")]
    [InlineData("""{ "events": [ { "type": "liverTransplant", "day": 1, "zzz": 1 } ] }""", "$.events[0].zzz", "liverTransplant")]
    [InlineData("""{ "events": [ { "type": "partialHepatectomy", "day": 1, "fractionResected": 0.5, "zzz": 1 } ] }""", "$.events[0].zzz", "partialHepatectomy")]
    [InlineData("""{ "events": [ { "type": "chemotherapy", "day": 1, "regimen": "gentle", "zzz": 1 } ] }""", "$.events[0].zzz", "chemotherapy")]
    [InlineData("""{ "events": [ { "type": "radiation", "day": 1, "doseGy": 2, "zzz": 1 } ] }""", "$.events[0].zzz", "radiation")]
    [InlineData("""{ "titration": { "policy": "romiplostim-itp-label", "zzz": 1 } }""", "$.titration.zzz", "titration")]
    [InlineData("""{ "pk": { "zzz": "x" } }""", "$.pk.zzz", "pk")]
    [InlineData("""{ "doseTable": { "file": "t.csv", "drug": "rhTPO", "unit": "ug", "zzz": 1 } }""", "$.doseTable.zzz", "doseTable")]
    public void Object_fields_match_the_parser(string json, string path, string def)
    {
        var error = Assert.Single(ScenarioParser.Parse(json).Errors);
        Assert.Equal(path, error.Path);
        var parserFields = AllowedList(error.Message);
        var schemaObject = def == "" ? Root : Def(def);
        var schemaFields = Keys(Props(schemaObject)).Where(k => k != "$schema");
        Assert.Equal(parserFields, schemaFields);
    }

    /// <summary>The parser names the allowed values of a text field when it meets an unknown one; the schema's enum must list the same.</summary>
    [Theory]
    [InlineData("""{ "patient": { "sex": "zzz" } }""", "sex")]
    [InlineData("""{ "patient": { "ageGroup": "zzz" } }""", "ageGroup")]
    [InlineData("""{ "patient": { "condition": { "name": "zzz" } } }""", "condition")]
    [InlineData("""{ "patient": { "conditions": [ { "name": "zzz" } ] } }""", "condition")]
    [InlineData("""{ "patient": { "condition": { "name": "chronicLiverDisease", "childPugh": "zzz" } } }""", "childPugh")]
    [InlineData("""{ "events": [ { "type": "chemotherapy", "day": 1, "regimen": "zzz" } ] }""", "regimen")]
    [InlineData("""{ "simulation": { "solver": "zzz" } }""", "solver")]
    [InlineData("""{ "doses": [ { "drug": "zzz", "route": "iv", "amount": 1, "unit": "ug", "day": 1 } ] }""", "drug")]
    [InlineData("""{ "doses": [ { "drug": "rhTPO", "route": "zzz", "amount": 1, "unit": "ug", "day": 1 } ] }""", "route")]
    [InlineData("""{ "doses": [ { "drug": "rhTPO", "route": "iv", "amount": 1, "unit": "zzz", "day": 1 } ] }""", "unit")]
    [InlineData("""{ "events": [ { "type": "zzz", "day": 1 } ] }""", "type")]
    [InlineData("""{ "titration": { "policy": "zzz" } }""", "policy")]
    [InlineData("""{ "pk": { "romiplostim": "zzz" } }""", "romiplostim")]
    [InlineData("""{ "pk": { "eltrombopag": "zzz" } }""", "eltrombopag")]
    public void Enumerations_match_the_parser(string json, string field)
    {
        var error = Assert.Single(ScenarioParser.Parse(json).Errors);
        var parserValues = AllowedList(error.Message);
        var schemaEnum = field switch
        {
            "sex" or "ageGroup" => Props(Def("patient"))[field]!["enum"],
            "condition" => Props(Def("condition"))["name"]!["enum"],
            "childPugh" => Props(Def("condition.chronicLiverDisease"))["childPugh"]!["enum"],
            "regimen" => Props(Def("chemotherapy"))["regimen"]!["enum"],
            "solver" => Props(Def("simulation"))["solver"]!["enum"],
            "policy" => Props(Def("titration"))["policy"]!["enum"],
            "romiplostim" or "eltrombopag" => Props(Def("pk"))[field]!["enum"],
            "type" => Props(Def("event"))["type"]!["enum"],
            _ => Props(Def("dose"))[field]!["enum"],
        };
        Assert.Equal(parserValues, Strings(schemaEnum));
    }

    [Fact]
    public void Condition_and_conditions_share_one_definition_and_exclude_each_other()
    {
        var patient = Props(Def("patient"));
        Assert.Equal("#/$defs/condition", patient["condition"]!["$ref"]!.GetValue<string>());
        Assert.Equal("array", patient["conditions"]!["type"]!.GetValue<string>());
        Assert.Equal("#/$defs/condition", patient["conditions"]!["items"]!["$ref"]!.GetValue<string>());
        Assert.Equal(["condition", "conditions"], Strings(Def("patient")["not"]!["required"]));
    }

    [Fact]
    public void Condition_names_match_the_catalog_and_each_has_its_own_definition()
    {
        var condition = Def("condition");
        Assert.Equal(ConditionCatalog.Names, Strings(Props(condition)["name"]!["enum"]));
        var branches = condition["allOf"]!.AsArray().ToDictionary(
            c => c!["if"]!["properties"]!["name"]!["const"]!.GetValue<string>(),
            c => c!["then"]!["$ref"]!.GetValue<string>());
        Assert.Equal(ConditionCatalog.Names, branches.Keys);
        foreach (var name in ConditionCatalog.Names)
        {
            Assert.Equal($"#/$defs/condition.{name}", branches[name]);
            Assert.Equal(name, Props(Def("condition." + name))["name"]!["const"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Condition_options_and_ranges_match_the_catalog()
    {
        foreach (var c in ConditionCatalog.All)
        {
            var def = Def("condition." + c.Name);
            var props = Props(def);
            string[] expected = ["name", "severity", "baselinePlatelets", .. c == ConditionCatalog.ChronicLiverDisease ? ["childPugh"] : Array.Empty<string>(), .. c.Options.Select(o => o.Name)];
            Assert.Equal(expected, Keys(props));
            Assert.Equal(0, Num(props["severity"]!["minimum"]));
            Assert.Equal(1, Num(props["severity"]!["maximum"]));
            foreach (var o in c.Options)
            {
                var p = props[o.Name]!;
                if (o.IsFlag)
                {
                    Assert.Equal("boolean", p["type"]!.GetValue<string>());
                    Assert.Equal(o.Default >= 0.5, p["default"]!.GetValue<bool>());
                }
                else
                {
                    Assert.Equal("number", p["type"]!.GetValue<string>());
                    Assert.Equal(o.Minimum, Num(p["minimum"]));
                    Assert.Equal(o.Maximum, Num(p["maximum"]));
                    Assert.Equal(o.Default, Num(p["default"]));
                }
            }
        }
        var cld = Def("condition.chronicLiverDisease");
        Assert.Equal(["A", "B", "C"], Strings(Props(cld)["childPugh"]!["enum"]));
        Assert.Equal(["severity", "childPugh"], Strings(cld["not"]!["required"]));
    }

    [Fact]
    public void Event_types_each_have_a_definition_with_their_own_type()
    {
        var ev = Def("event");
        var types = Strings(Props(ev)["type"]!["enum"]);
        var branches = ev["allOf"]!.AsArray().ToDictionary(
            c => c!["if"]!["properties"]!["type"]!["const"]!.GetValue<string>(),
            c => c!["then"]!["$ref"]!.GetValue<string>());
        Assert.Equal(types, branches.Keys);
        foreach (var t in types)
        {
            Assert.Equal($"#/$defs/{t}", branches[t]);
            Assert.Equal(t, Props(Def(t))["type"]!["const"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Regimens_match_the_presets()
    {
        var regimen = Props(Def("chemotherapy"))["regimen"]!;
        Assert.Equal([.. TpoSim.Procedures.ChemotherapyRegimen.Presets.Select(r => r.Name), "custom"], Strings(regimen["enum"]));
        var text = regimen["description"]!.GetValue<string>();
        foreach (var r in TpoSim.Procedures.ChemotherapyRegimen.Presets)
            Assert.Contains(FormattableString.Invariant($"{r.Name} (kill {r.KillRatePerDay:G}/day for {r.ExposureDays:G} day"), text);
    }

    /// <summary>At and just beyond each limit of a procedure or condition field, the schema and the parser agree.</summary>
    [Theory]
    [InlineData("""{ "events": [ { "type": "bleeding", "day": 1, "bloodLossPercent": 60 } ] }""", true)]
    [InlineData("""{ "events": [ { "type": "bleeding", "day": 1, "bloodLossPercent": 60.001 } ] }""", false)]
    [InlineData("""{ "events": [ { "type": "bleeding", "day": 1, "bloodLossPercent": 0.001 } ] }""", true)]
    [InlineData("""{ "events": [ { "type": "bleeding", "day": 1, "bloodLossPercent": 0 } ] }""", false)]
    [InlineData("""{ "events": [ { "type": "partialHepatectomy", "day": 1, "fractionResected": 0.75 } ] }""", true)]
    [InlineData("""{ "events": [ { "type": "partialHepatectomy", "day": 1, "fractionResected": 0.7501 } ] }""", false)]
    [InlineData("""{ "events": [ { "type": "partialHepatectomy", "day": 1, "fractionResected": 0 } ] }""", false)]
    [InlineData("""{ "events": [ { "type": "radiation", "day": 1, "doseGy": 20 } ] }""", true)]
    [InlineData("""{ "events": [ { "type": "radiation", "day": 1, "doseGy": 20.01 } ] }""", false)]
    [InlineData("""{ "events": [ { "type": "radiation", "day": 1, "doseGy": 0.01 } ] }""", true)]
    [InlineData("""{ "events": [ { "type": "radiation", "day": 1, "doseGy": 0 } ] }""", false)]
    [InlineData("""{ "events": [ { "type": "splenectomy", "day": 0 }, { "type": "liverTransplant", "day": 60 } ] }""", true)]
    [InlineData("""{ "events": [ { "type": "chemotherapy", "day": 1, "regimen": "custom", "killRate": 20, "exposureDays": 28 } ] }""", true)]
    [InlineData("""{ "events": [ { "type": "chemotherapy", "day": 1, "regimen": "custom", "killRate": 20.01, "exposureDays": 28 } ] }""", false)]
    [InlineData("""{ "events": [ { "type": "chemotherapy", "day": 1, "regimen": "custom", "killRate": 0.001, "exposureDays": 0.01 } ] }""", true)]
    [InlineData("""{ "events": [ { "type": "chemotherapy", "day": 1, "regimen": "custom", "killRate": 1, "exposureDays": 0.009 } ] }""", false)]
    [InlineData("""{ "events": [ { "type": "chemotherapy", "day": 1, "regimen": "custom", "killRate": 1, "exposureDays": 28.01 } ] }""", false)]
    [InlineData("""{ "events": [ { "type": "chemotherapy", "day": 1, "regimen": "gentle", "cycles": 1 } ] }""", true)]
    [InlineData("""{ "events": [ { "type": "chemotherapy", "day": 1, "regimen": "gentle", "cycles": 1, "everyDays": 400 } ] }""", false)]
    [InlineData("""{ "simulation": { "days": 7300 }, "events": [ { "type": "chemotherapy", "day": 0, "regimen": "carboplatin", "cycles": 50, "everyDays": 1 } ] }""", true)]
    [InlineData("""{ "simulation": { "days": 7300 }, "events": [ { "type": "chemotherapy", "day": 0, "regimen": "carboplatin", "cycles": 2, "everyDays": 365 } ] }""", true)]
    [InlineData("""{ "simulation": { "days": 7300 }, "events": [ { "type": "chemotherapy", "day": 0, "regimen": "carboplatin", "cycles": 2, "everyDays": 365.5 } ] }""", false)]
    [InlineData("""{ "patient": { "condition": { "name": "itp", "severity": 0, "splenectomised": false, "mkOutputImpairment": 0.9 } } }""", true)]
    [InlineData("""{ "patient": { "condition": { "name": "itp", "severity": 1, "splenectomised": true, "mkOutputImpairment": 0 } } }""", true)]
    [InlineData("""{ "patient": { "condition": { "name": "itp", "mkOutputImpairment": 0.901 } } }""", false)]
    [InlineData("""{ "patient": { "condition": { "name": "itp", "severity": 1.001 } } }""", false)]
    [InlineData("""{ "patient": { "condition": { "name": "chronicLiverDisease", "childPugh": "A" } } }""", true)]
    [InlineData("""{ "patient": { "condition": { "name": "chronicLiverDisease", "severity": 0.5 } } }""", true)]
    [InlineData("""{ "patient": { "conditions": [] } }""", true)]
    [InlineData("""{ "patient": { "conditions": [ { "name": "inflammation", "severity": 0.3 }, { "name": "mds", "severity": 0.5 }, { "name": "neonate" } ] } }""", true)]
    [InlineData("""{ "patient": { "condition": { "name": "neonate", "severity": 0.5 } } }""", true)]
    public void Schema_and_parser_agree_at_the_limits(string json, bool valid)
    {
        var parsed = ScenarioParser.Parse(json);
        var schemaErrors = ScenarioSchemaValidator.Validate(json);
        Assert.True(valid == parsed.Succeeded, "parser: " + string.Join("\n", parsed.Errors));
        Assert.True(valid == (schemaErrors.Count == 0), "schema: " + string.Join("\n", schemaErrors));
    }

    [Fact]
    public void Committed_schema_is_the_one_the_code_generates()
    {
        // Regenerate with: dotnet run -c Release --project src/TpoSim.Cli -- export schema > docs/scenario.schema.json
        Assert.Equal(ScenarioSchema.Text(), SchemaText.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Export_schema_prints_the_generated_schema()
    {
        var r = CliHarness.Run("export", "schema");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(ScenarioSchema.Text(), r.Stdout);
    }

    [Fact]
    public void Validator_rejects_what_draft_2020_12_rejects()
    {
        // The schema is judged by JsonSchema.Net; these show it is really evaluating the keywords the schema relies on.
        Assert.NotEmpty(ScenarioSchemaValidator.Validate("""{ "simulation": { "days": 0 } }"""));                                  // minimum
        Assert.NotEmpty(ScenarioSchemaValidator.Validate("""{ "zzz": 1 }"""));                                                       // additionalProperties
        Assert.NotEmpty(ScenarioSchemaValidator.Validate("""{ "events": [ { "type": "chemotherapy", "day": 1, "regimen": "gentle", "killRate": 1 } ] }""")); // if/else false
        Assert.NotEmpty(ScenarioSchemaValidator.Validate("""{ "events": [ { "type": "plateletTransfusion", "day": 1, "units": 1, "plateletsE9": 300 } ] }""")); // oneOf
        Assert.NotEmpty(ScenarioSchemaValidator.Validate("""{ "doses": [ { "drug": "rhTPO", "route": "sc", "amount": 1, "unit": "ug", "day": 1 } ] }"""));   // per-drug route enum
        Assert.NotEmpty(ScenarioSchemaValidator.Validate("""{ "seed": 1.5 }"""));                                                    // integer
        Assert.Empty(ScenarioSchemaValidator.Validate("""{ "seed": 10.0, "simulation": { "days": 7300 } }"""));                      // 10.0 is an integer in 2020-12
    }

    /// <summary>"... allowed: a, b, c" → [a, b, c].</summary>
    private static string[] AllowedList(string message)
    {
        var at = message.LastIndexOf("allowed: ", StringComparison.Ordinal);
        Assert.True(at >= 0, "message names the allowed values: " + message);
        return message[(at + "allowed: ".Length)..].Split(", ");
    }
}
