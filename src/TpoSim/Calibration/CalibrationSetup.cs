using System.Text.Json;
using TpoSim.Input;
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

    /// <summary>Reads a setup file; every problem is returned with the file and its JSON path.</summary>
    public static ReadResult<CalibrationSetup> Load(string path)
    {
        if (!InputFile.TryReadText(path, out var text, out var problem))
            return ReadResult<CalibrationSetup>.Fail(path, "$", $"cannot read the calibration setup: {problem}");
        return Parse(text, path);
    }

    /// <summary>The setup's fields with their allowed values and ranges, checked by the shared <see cref="JsonFieldReader"/>.</summary>
    private static class Fields
    {
        public static ObjectSpec Top { get; } = new("", "What tposim calibrate estimates.",
        [
            FieldSpec.Text("$schema", "Path or URI of a schema, for editors; ignored."),
            FieldSpec.Text("$comment", "A comment; ignored."),
            FieldSpec.OneOf("model", "The model core the parameters belong to.", CoreModel.Names, CoreModel.V1.Name),
            FieldSpec.List("parameters", "The parameters estimated jointly.", "parameter").Needed(),
            FieldSpec.Whole("maxIterations", "Levenberg–Marquardt iteration limit.", 1, 1000, 50),
        ]);

        public static ObjectSpec Parameter { get; } = new("parameter", "One estimated parameter.",
        [
            FieldSpec.Text("name", "Parameter name ('tposim parameters').").Needed(),
            FieldSpec.Text("why", "Why it is estimated.").Needed(),
        ]);
    }

    /// <summary>Parses setup JSON: <c>{ "model": "v1"|"v2", "parameters": [ { "name", "why" } ], "maxIterations": N }</c>.</summary>
    public static ReadResult<CalibrationSetup> Parse(string json, string source = DefaultRelativePath)
    {
        var doc = Scenarios.JsonInput.TryParse(json, out var syntax);
        if (doc is null) return ReadResult<CalibrationSetup>.Fail(source, Scenarios.JsonInput.Locate(syntax).Path, Scenarios.JsonInput.Locate(syntax).Message);
        using (doc)
        {
            var root = doc.RootElement;
            var f = new JsonFieldReader(source);
            if (root.ValueKind != JsonValueKind.Object)
                return ReadResult<CalibrationSetup>.Fail(source, "$", $"expected an object with a 'parameters' array, found {Scenarios.JsonInput.Describe(root)}");
            f.CheckFields(root, "$", Fields.Top);
            var core = CoreModel.Get(f.Enum(root, "$", Fields.Top["model"]) ?? CoreModel.V1.Name) ?? CoreModel.V1;
            var max = f.Integer(root, "$", Fields.Top["maxIterations"]) ?? 50;
            var list = new List<EstimatedParameter>();
            var items = f.Array(root, "$", "parameters").ToArray();
            if (items.Length == 0 && f.Errors.All(e => e.Path != "$.parameters"))
                f.Error("$.parameters", "required: a non-empty array of { \"name\", \"why\" }");
            foreach (var (p, path) in items)
            {
                if (p.ValueKind != JsonValueKind.Object) { f.Error(path, $"expected an object {{ \"name\", \"why\" }}, found {Scenarios.JsonInput.Describe(p)}"); continue; }
                f.CheckFields(p, path, Fields.Parameter);
                var name = f.String(p, path, Fields.Parameter["name"]);
                var why = f.String(p, path, "why"); // missing or blank: reported below, with what to give
                if (name is null) continue;
                if (LiteratureOf(core, name) is not { } def)
                    f.Error($"{path}.name", $"expected a parameter name of model {core.Name}; allowed: {string.Join(", ", MechanismNames(core))}");
                else if (def.Kind != ParameterKind.Mechanism)
                    f.Error($"{path}.name", $"'{name}' is a {def.Kind} parameter; only shared mechanism parameters are estimated");
                else if (!(def.Value > 0))
                    f.Error($"{path}.name", $"'{name}' has literature value {def.Value}; estimates are on the log scale, so only positive parameters are estimated");
                else if (list.Any(x => x.Name == name))
                    f.Error($"{path}.name", $"'{name}' is listed twice");
                else if (string.IsNullOrWhiteSpace(why))
                    f.Error($"{path}.why", "required: why this parameter is estimated");
                else list.Add(new EstimatedParameter(name, why));
            }
            return f.Errors.Count > 0 ? ReadResult<CalibrationSetup>.Fail(f.Errors) : ReadResult<CalibrationSetup>.Ok(new CalibrationSetup(list, max, core));
        }
    }
}
