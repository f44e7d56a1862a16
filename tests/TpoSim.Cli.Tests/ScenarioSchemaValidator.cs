using System.Text.Json;
using Json.Schema;
using TpoSim.Scenarios;

namespace TpoSim.Cli.Tests;

/// <summary>docs/scenario.schema.json loaded into JsonSchema.Net (draft 2020-12), the validator the tests judge the schema with.</summary>
internal static class ScenarioSchemaValidator
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(CliHarness.RepoFile("docs/scenario.schema.json")));
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    /// <summary>Every violation of <paramref name="json"/> (read as the parser reads it) as "instance location: message"; empty when valid.</summary>
    public static List<string> Validate(string json)
    {
        using var doc = JsonDocument.Parse(json, JsonInput.Options);
        var results = Schema.Evaluate(doc.RootElement, Options);
        if (results.IsValid) return [];
        var errors = new List<string>();
        foreach (var d in results.Details ?? [])
        {
            foreach (var (keyword, message) in d.Errors ?? new Dictionary<string, string>())
                errors.Add($"{d.InstanceLocation}: {keyword}: {message}");
        }
        if (errors.Count == 0) errors.Add("invalid (no detail)");
        return errors;
    }
}
