using System.Globalization;
using System.Text.Json.Nodes;
using TpoSim.Population;
using TpoSim.Scenarios;
using TpoSim.Sensitivity;

namespace TpoSim.Cli.Commands.Sensitivity;

/// <summary>What a sensitivity command analyses: a scenario, and for a population file its variability as default distributions.</summary>
/// <param name="Scenario">The scenario (a population file's base scenario).</param>
/// <param name="Source">The file, plus a note when it was a population file.</param>
/// <param name="Variability">The population's variability (parameter → CV), empty for a scenario file.</param>
internal sealed record SensitivityInput(Scenario Scenario, string Source, IReadOnlyDictionary<string, double> Variability)
{
    /// <summary>Loads a scenario or population file; null after printing each problem on one line.</summary>
    public static SensitivityInput? Load(CliConsole console, string path)
    {
        var json = CliInputFiles.ReadText(path);
        if (PopulationParser.LooksLikePopulation(json))
        {
            var parsed = PopulationParser.Parse(json, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
            var d = CliInputFiles.Value(parsed, path);
            return new SensitivityInput(d.BaseScenario,
                $"{path} (population file: analysed on its base scenario; its between-subject variability gives the default parameters and log-normal distributions)",
                d.Variability.ToDictionary(v => v.Parameter, v => v.Cv));
        }
        var scenario = ScenarioParser.Parse(json, Path.GetDirectoryName(Path.GetFullPath(path)));
        return new SensitivityInput(CliInputFiles.Value(scenario, path), path, new Dictionary<string, double>());
    }

    /// <summary>The endpoints named by <paramref name="text"/> (or <paramref name="fallback"/>), or a bad-input exception.</summary>
    public IReadOnlyList<Endpoint> Endpoints(string? text, string fallback)
    {
        var (endpoints, error) = EndpointGrammar.ParseList(text ?? fallback, Scenario.Days, Scenario.Titration is not null);
        if (error is not null) throw new CliInputException($"--endpoints: {error}");
        return endpoints;
    }

    /// <summary>Parameter names from a comma-separated list, or null when none was given.</summary>
    public static IReadOnlyList<string>? Names(string? text) =>
        text is null ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// User distributions from a JSON file { "name": { "kind": … }, … } (docs/sensitivity.md), or empty when no file is given.
    /// </summary>
    public static JsonObject Distributions(string? path)
    {
        if (path is null) return [];
        return CliInputFiles.ReadObject(path, "distributions file (a JSON object of parameter name → distribution)");
    }

    /// <summary>Invariant number text.</summary>
    public static string F(double v, string format = "G4") => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}
