using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TpoSim.Scenarios;
using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>docs/scenarios.md: its examples are valid and it names every field, value and example scenario.</summary>
public sealed class DocsTests
{
    private static readonly string Doc = File.ReadAllText(CliHarness.RepoFile("docs/scenarios.md"));
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(CliHarness.RepoFile("docs/scenario.schema.json")))!.AsObject();

    private static IEnumerable<string> JsonBlocks() =>
        Regex.Matches(Doc, "```json\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value);

    /// <summary>A whole scenario, or an event fragment wrapped into one.</summary>
    private static string AsScenario(string block) =>
        JsonNode.Parse(block)!["type"] is null ? block : $$"""{ "events": [ {{block}} ] }""";

    [Fact]
    public void Json_examples_parse_and_validate()
    {
        var blocks = JsonBlocks().ToArray();
        Assert.True(blocks.Length >= 3, "the doc has a complete example and event examples");
        foreach (var block in blocks)
        {
            var json = AsScenario(block);
            // Examples are written as if they lived in scenarios/ (their doseTable files are there).
            var parsed = ScenarioParser.Parse(json, CliHarness.RepoFile("scenarios"));
            Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors) + "\n" + block);
            Assert.Empty(ScenarioSchemaValidator.Validate(json));
        }
    }

    [Fact]
    public void Complete_example_runs()
    {
        using var dir = new TempDir();
        foreach (var table in Directory.GetFiles(CliHarness.RepoFile("scenarios"), "*.csv"))
            File.Copy(table, Path.Combine(dir.Path, Path.GetFileName(table)));
        var file = dir.Write("example.json", JsonBlocks().First());
        var run = CliHarness.Run("simulate", file, "--quiet", "--out", dir.Sub("out"));
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
    }

    [Fact]
    public void Complete_example_uses_every_field()
    {
        var example = JsonNode.Parse(JsonBlocks().First())!.AsObject();
        var top = Schema["properties"]!.AsObject().Select(kv => kv.Key);
        Assert.Equal(top.Order(), example.Select(kv => kv.Key).Order());
        foreach (var (objectName, def) in new[] { ("patient", "patient"), ("simulation", "simulation") })
        {
            // Of fields that exclude each other ("not": { "required": [...] }), the example uses exactly one.
            var exclusive = Schema["$defs"]![def]!["not"]?["required"]?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? [];
            var fields = Schema["$defs"]![def]!["properties"]!.AsObject().Select(kv => kv.Key).Where(k => !exclusive.Contains(k));
            var used = example[objectName]!.AsObject().Select(kv => kv.Key).ToArray();
            Assert.Equal(fields.Order(), used.Where(k => !exclusive.Contains(k)).Order());
            if (exclusive.Length > 0) Assert.Single(used, exclusive.Contains);
        }
        var doseFields = Schema["$defs"]!["dose"]!["properties"]!.AsObject().Select(kv => kv.Key);
        Assert.Equal(doseFields.Order(), example["doses"]![0]!.AsObject().Select(kv => kv.Key).Order());
    }

    [Fact]
    public void Every_field_and_value_of_the_schema_is_documented()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Collect(Schema, names);
        // Parameter names are documented in docs/parameters.md (catalogue) and by `tposim drugs` (PK/PD), not in scenarios.md.
        var parameterNames = TpoSim.Parameters.ParameterCatalog.All.Select(d => d.Name)
            .Concat(TpoSim.Physiology.TpoModelAssembly.ModelOnlyParameters.Select(m => m.Name)).ToHashSet();
        foreach (var name in names.Where(n => !parameterNames.Contains(n)))
            Assert.True(Doc.Contains($"`{name}`", StringComparison.Ordinal), $"`{name}` is documented in docs/scenarios.md");
    }

    [Fact]
    public void Every_example_scenario_is_listed()
    {
        foreach (var file in CliHarness.ScenarioFiles())
            Assert.Contains($"`{Path.GetFileName(file)}`", Doc);
    }

    [Fact]
    public void Documented_limits_match_the_code()
    {
        Assert.Contains($"| `days` | number | days | {ScenarioDefaults.Days:0} | 0.01 to {ScenarioDefaults.MaxDays:0} (20 years) |", Doc);
        Assert.Contains($"| `weightKg` | number | kg | {new TpoSim.Physiology.Patient().BodyWeightKg:0} | {TpoSim.Physiology.Patient.MinWeightKg:0.0} to {TpoSim.Physiology.Patient.MaxWeightKg:0} |", Doc);
        Assert.Contains($"{ScenarioDefaults.MaxOutputPoints:N0} output rows", Doc);
        Assert.Contains($"at most {ScenarioDefaults.MaxDoses:N0} doses", Doc);
        Assert.Contains($"> 0 to {ScenarioDefaults.MaxTransfusionE9:0} |", Doc);
        foreach (var drug in TpoSim.Drugs.DrugCatalog.All)
            Assert.Contains($"| `{drug.Name}` | ", Doc);
    }

    /// <summary>Property names and enum values anywhere in the schema (except under patient.parameters).</summary>
    private static void Collect(JsonNode? node, SortedSet<string> names)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == "properties")
                    {
                        foreach (var (name, sub) in value!.AsObject())
                        {
                            names.Add(name);
                            if (name != "parameters") Collect(sub, names);
                        }
                    }
                    else if (key is "enum" && value is JsonArray a)
                    {
                        foreach (var v in a) names.Add(v!.GetValue<string>());
                    }
                    else if (key is "const" && value is JsonValue c && c.GetValueKind() == System.Text.Json.JsonValueKind.String)
                    {
                        names.Add(c.GetValue<string>());
                    }
                    else Collect(value, names);
                }
                break;
            case JsonArray arr:
                foreach (var item in arr) Collect(item, names);
                break;
        }
    }
}

public sealed class ReadmeTests
{
    [Fact]
    public void Readme_scenario_example_parses_and_runs()
    {
        var readme = File.ReadAllText(CliHarness.RepoFile("README.md"));
        var section = readme[readme.IndexOf("## Scenario format", StringComparison.Ordinal)..];
        var start = section.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var json = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        using var dir = new TempDir();
        var file = dir.Sub("readme.json");
        File.WriteAllText(file, json);
        var run = CliHarness.Run("simulate", file, "--out", dir.Sub("out"), "--quiet");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
    }

    [Fact]
    public void Readme_names_the_test_command_that_ci_runs()
    {
        var readme = File.ReadAllText(CliHarness.RepoFile("README.md"));
        var ci = File.ReadAllText(CliHarness.RepoFile(".ci/run"));
        Assert.Contains("dotnet test", readme);
        Assert.Contains("\ndotnet test\n", ci);
    }
}
