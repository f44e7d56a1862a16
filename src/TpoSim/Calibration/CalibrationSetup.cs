using System.Text.Json;
using TpoSim.Model;
using TpoSim.Parameters;
using TpoSim.Physiology;

namespace TpoSim.Calibration;

/// <summary>One shared parameter that <c>tposim calibrate</c> estimates, with the reason it is estimated.</summary>
/// <param name="Name">Parameter name (as in <c>tposim parameters</c>).</param>
/// <param name="Why">Why the literature value is not simply kept (e.g. "assumed", "fitted to another model").</param>
public sealed record EstimatedParameter(string Name, string Why);

/// <summary>What <c>tposim calibrate</c> estimates (validation/calibration.json): the parameters and the optimiser's budget.</summary>
/// <param name="Parameters">Parameters estimated jointly, in order.</param>
/// <param name="MaxIterations">Levenberg–Marquardt iteration limit.</param>
/// <param name="Core">The model core the parameters belong to (the setup's <c>"model"</c>, default v1); every calibration case must run on it.</param>
public sealed record CalibrationSetup(IReadOnlyList<EstimatedParameter> Parameters, int MaxIterations, CoreModel? Core = null)
{
    /// <summary>The core, v1 when the setup names none.</summary>
    public CoreModel Model => Core ?? CoreModel.V1;

    /// <summary>
    /// The literature value, range and source of <paramref name="name"/> in this setup's core, or null: v1's catalogue
    /// before calibration (<see cref="ParameterCatalog.Literature"/>), or the registry of a core with its own (v2).
    /// </summary>
    public ModelParameter? Literature(string name) => LiteratureOf(Model, name);

    private static ModelParameter? LiteratureOf(CoreModel core, string name)
    {
        if (!core.ReadsCatalogue) return core.Settable(name);
        var d = ParameterCatalog.Literature.FirstOrDefault(d => d.Name == name);
        return d is null ? null : new ModelParameter(d.Name, d.DefaultValue, d.Unit, d.Minimum, d.Maximum, d.Kind, d.Description, d.Source);
    }

    private static IEnumerable<string> MechanismNames(CoreModel core) => core.ReadsCatalogue
        ? ParameterCatalog.Literature.Where(d => d.Kind == ParameterKind.Mechanism).Select(d => d.Name)
        : core.Registry.Values.Where(p => p.Kind == ParameterKind.Mechanism).Select(p => p.Name);

    /// <summary>The setup file's path inside the repository.</summary>
    public const string DefaultRelativePath = "validation/calibration.json";

    /// <summary>Reads a setup file; every problem is returned as one line "FILE: PATH: message" (empty on success).</summary>
    public static (CalibrationSetup? Setup, IReadOnlyList<string> Errors) Load(string path)
    {
        if (!Input.InputFile.TryReadText(path, out var text, out var problem))
            return (null, [$"{path}: $: cannot read the calibration setup: {problem}"]);
        return Parse(text, path);
    }

    /// <summary>Parses setup JSON: <c>{ "model": "v1"|"v2", "parameters": [ { "name", "why" } ], "maxIterations": N }</c>.</summary>
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
            var core = CoreModel.V1;
            if (root.TryGetProperty("model", out var mo))
            {
                if (mo.ValueKind != JsonValueKind.String || CoreModel.Get(mo.GetString()!) is not { } named)
                    return (null, [$"{source}: $.model: expected one of {string.Join(", ", CoreModel.Names)}"]);
                core = named;
            }
            var i = 0;
            foreach (var p in ps.EnumerateArray())
            {
                var path = $"$.parameters[{i++}]";
                var name = p.ValueKind == JsonValueKind.Object && p.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : null;
                var why = p.ValueKind == JsonValueKind.Object && p.TryGetProperty("why", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString()! : null;
                if (name is null || LiteratureOf(core, name) is not { } def)
                    errors.Add($"{source}: {path}.name: expected a parameter name of model {core.Name}; allowed: {string.Join(", ", MechanismNames(core))}");
                else if (def.Kind != ParameterKind.Mechanism)
                    errors.Add($"{source}: {path}.name: '{name}' is a {def.Kind} parameter; only shared mechanism parameters are estimated");
                else if (!(def.Value > 0))
                    errors.Add($"{source}: {path}.name: '{name}' has literature value {def.Value}; estimates are on the log scale, so only positive parameters are estimated");
                else if (list.Any(x => x.Name == name))
                    errors.Add($"{source}: {path}.name: '{name}' is listed twice");
                else if (string.IsNullOrWhiteSpace(why))
                    errors.Add($"{source}: {path}.why: required: why this parameter is estimated");
                else list.Add(new EstimatedParameter(name, why));
            }
            var max = 50;
            if (root.TryGetProperty("maxIterations", out var m) && (!Scenarios.JsonInput.TryGetWholeNumber(m, out max) || max < 1 || max > 1000))
                errors.Add($"{source}: $.maxIterations: expected a whole number in [1, 1000]");
            return errors.Count > 0 ? (null, errors) : (new CalibrationSetup(list, max, core), []);
        }
    }
}
