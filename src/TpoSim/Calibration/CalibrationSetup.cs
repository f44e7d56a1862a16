using System.Text.Json;
using TpoSim.Parameters;

namespace TpoSim.Calibration;

/// <summary>One shared parameter that <c>tposim calibrate</c> estimates, with the reason it is estimated.</summary>
/// <param name="Name">Parameter name (as in <c>tposim parameters</c>).</param>
/// <param name="Why">Why the literature value is not simply kept (e.g. "assumed", "fitted to another model").</param>
public sealed record EstimatedParameter(string Name, string Why);

/// <summary>What <c>tposim calibrate</c> estimates (validation/calibration.json): the parameters and the optimiser's budget.</summary>
/// <param name="Parameters">Parameters estimated jointly, in order.</param>
/// <param name="MaxIterations">Levenberg–Marquardt iteration limit.</param>
public sealed record CalibrationSetup(IReadOnlyList<EstimatedParameter> Parameters, int MaxIterations)
{
    /// <summary>The setup file's path inside the repository.</summary>
    public const string DefaultRelativePath = "validation/calibration.json";

    /// <summary>Reads a setup file; every problem is returned as one line "FILE: PATH: message" (empty on success).</summary>
    public static (CalibrationSetup? Setup, IReadOnlyList<string> Errors) Load(string path)
    {
        if (!Input.InputFile.TryReadText(path, out var text, out var problem))
            return (null, [$"{path}: $: cannot read the calibration setup: {problem}"]);
        return Parse(text, path);
    }

    private static bool TryGetLiterature(string name, out ParameterDefinition definition)
    {
        definition = ParameterCatalog.Literature.FirstOrDefault(d => d.Name == name)!;
        return definition is not null;
    }

    /// <summary>Parses setup JSON: <c>{ "parameters": [ { "name", "why" } ], "maxIterations": N }</c>.</summary>
    public static (CalibrationSetup? Setup, IReadOnlyList<string> Errors) Parse(string json, string source = DefaultRelativePath)
    {
        var errors = new List<string>();
        var doc = Scenarios.JsonInput.TryParse(json, out var syntax);
        if (doc is null) return (null, [$"{source}: $: {syntax}"]);
        using (doc)
        {
            var root = doc.RootElement;
            var list = new List<EstimatedParameter>();
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("parameters", out var ps) || ps.ValueKind != JsonValueKind.Array || ps.GetArrayLength() == 0)
                return (null, [$"{source}: $.parameters: required: a non-empty array of {{ \"name\", \"why\" }}"]);
            var i = 0;
            foreach (var p in ps.EnumerateArray())
            {
                var path = $"$.parameters[{i++}]";
                var name = p.ValueKind == JsonValueKind.Object && p.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : null;
                var why = p.ValueKind == JsonValueKind.Object && p.TryGetProperty("why", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString()! : null;
                if (name is null || !TryGetLiterature(name, out var def))
                    errors.Add($"{source}: {path}.name: expected a parameter name; allowed: {string.Join(", ", ParameterCatalog.Literature.Where(d => d.Kind == ParameterKind.Mechanism).Select(d => d.Name))}");
                else if (def.Kind != ParameterKind.Mechanism)
                    errors.Add($"{source}: {path}.name: '{name}' is a {def.Kind} parameter; only shared mechanism parameters are estimated");
                else if (!(def.DefaultValue > 0))
                    errors.Add($"{source}: {path}.name: '{name}' has literature value {def.DefaultValue}; estimates are on the log scale, so only positive parameters are estimated");
                else if (list.Any(x => x.Name == name))
                    errors.Add($"{source}: {path}.name: '{name}' is listed twice");
                else if (string.IsNullOrWhiteSpace(why))
                    errors.Add($"{source}: {path}.why: required: why this parameter is estimated");
                else list.Add(new EstimatedParameter(name, why));
            }
            var max = 50;
            if (root.TryGetProperty("maxIterations", out var m) && (m.ValueKind != JsonValueKind.Number || !m.TryGetInt32(out max) || max < 1 || max > 1000))
                errors.Add($"{source}: $.maxIterations: expected a whole number in [1, 1000]");
            return errors.Count > 0 ? (null, errors) : (new CalibrationSetup(list, max), []);
        }
    }
}
