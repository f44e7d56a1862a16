using TpoSim.Conditions;
using TpoSim.Diagnosis;
using TpoSim.Drugs;
using TpoSim.Output.Files;
using TpoSim.Parameters;
using TpoSim.Policies;
using TpoSim.Scenarios;
using TpoSim.Web.Hosting;

namespace TpoSim.Web.Api;

/// <summary>A model parameter as the API lists it.</summary>
/// <param name="Name">Name used in scenarios.</param>
/// <param name="Value">Default value.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Minimum">Smallest allowed value.</param>
/// <param name="Maximum">Largest allowed value.</param>
/// <param name="Kind">Role in the set-point derivation.</param>
/// <param name="Description">Meaning.</param>
/// <param name="Source">Citation, or "assumed:" and why.</param>
public sealed record ParameterInfo(string Name, double Value, string Unit, double Minimum, double Maximum, string Kind, string Description, string Source)
{
    /// <summary>From a catalogue definition.</summary>
    public static ParameterInfo From(ParameterDefinition d) => new(d.Name, d.DefaultValue, d.Unit, d.Minimum, d.Maximum, d.Kind.ToString(), d.Description, d.Source);

    /// <summary>From a model registry entry (a drug module's PK or PD parameter).</summary>
    public static ParameterInfo From(TpoSim.Model.ModelParameter p) => new(p.Name, p.Value, p.Unit, p.Minimum, p.Maximum, p.Kind.ToString(), p.Description, p.Source);
}

/// <summary>A condition option (e.g. ITP's splenectomised flag).</summary>
/// <param name="Name">Field name in the condition object.</param>
/// <param name="Minimum">Smallest value.</param>
/// <param name="Maximum">Largest value.</param>
/// <param name="Default">Default value.</param>
/// <param name="Description">Meaning.</param>
/// <param name="IsFlag">True for a yes/no option (true/false in JSON).</param>
public sealed record ConditionOptionInfo(string Name, double Minimum, double Maximum, double Default, string Description, bool IsFlag);

/// <summary>A condition preset or a procedure, documented as in docs/conditions.md.</summary>
/// <param name="Name">Name in scenarios.</param>
/// <param name="Title">Title.</param>
/// <param name="Fields">Labelled texts (mechanism, severity, parameters, options, sources).</param>
/// <param name="Options">The condition's options (empty for procedures).</param>
public sealed record ConditionInfo(string Name, string Title, IReadOnlyList<LabelledText> Fields, IReadOnlyList<ConditionOptionInfo> Options);

/// <summary>A label and a text.</summary>
/// <param name="Label">Label.</param>
/// <param name="Text">Text.</param>
public sealed record LabelledText(string Label, string Text);

/// <summary>Conditions and procedures.</summary>
/// <param name="Conditions">Condition presets (healthy first).</param>
/// <param name="Procedures">Procedures (event types).</param>
public sealed record ConditionList(IReadOnlyList<ConditionInfo> Conditions, IReadOnlyList<ConditionInfo> Procedures);

/// <summary>A drug a scenario can dose.</summary>
/// <param name="Name">Name in scenarios.</param>
/// <param name="Routes">Allowed routes (iv, sc, oral).</param>
/// <param name="MaxSingleDoseMicrogramsPerKg">Largest single dose, µg/kg.</param>
/// <param name="Mechanism">How it acts.</param>
/// <param name="Source">Citation.</param>
/// <param name="PkVariants">Published PK variants (the first is the default).</param>
/// <param name="Parameters">PK and effect parameters.</param>
public sealed record DrugInfoResponse(string Name, IReadOnlyList<string> Routes, double MaxSingleDoseMicrogramsPerKg, string Mechanism, string Source,
    IReadOnlyList<string> PkVariants, IReadOnlyList<ParameterInfo> Parameters);

/// <summary>A titration policy.</summary>
/// <param name="Name">Policy name.</param>
/// <param name="DoseEveryDays">Days between doses.</param>
/// <param name="CheckEveryDays">Default days between checks.</param>
/// <param name="DefaultDays">Default span, days, or null for the whole simulation.</param>
/// <param name="StartLevels">Allowed start doses of a ladder rule, or null.</param>
/// <param name="LabelStartDose">The label's start dose, or null.</param>
public sealed record TitrationInfo(string Name, double DoseEveryDays, double CheckEveryDays, double? DefaultDays, IReadOnlyList<double>? StartLevels, double? LabelStartDose);

/// <summary>The severity of a condition whose steady state has a given platelet count.</summary>
/// <param name="Condition">Condition.</param>
/// <param name="Baseline">Requested day-0 count, 10^9/L.</param>
/// <param name="Severity">Severity in [0, 1].</param>
/// <param name="Platelets">Steady-state count at that severity, 10^9/L.</param>
/// <param name="Reachable">False when no severity reaches the count (the nearest end is returned).</param>
public sealed record SeverityForBaseline(string Condition, double Baseline, double Severity, double Platelets, bool Reachable);

/// <summary>Lists: conditions, drugs, parameters, titration policies, trial files, example scenarios and patients, equations.</summary>
public static class CatalogEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("catalogue");
        api.MapGet("/health", () => Results.Ok(new { status = "ok", version = typeof(CatalogEndpoints).Assembly.GetName().Version?.ToString(3) }))
            .WithName("Health").WithSummary("Liveness check");

        api.MapGet("/parameters", () => ParameterCatalog.All.Select(ParameterInfo.From).ToArray())
            .WithName("Parameters").WithSummary("Every model parameter with value, unit, allowed range, kind, meaning and source (as `tposim parameters`)");

        api.MapGet("/conditions", () => new ConditionList(
                ConditionDocument.Conditions().Select(c => Info(c, ConditionCatalog.Get(c.Name))).ToArray(),
                ConditionDocument.Procedures().Select(p => Info(p, null)).ToArray()))
            .WithName("Conditions").WithSummary("Condition presets and procedures with mechanisms, parameters, options and sources (as `tposim conditions`)");

        api.MapGet("/conditions/{name}/severity", (string name, double baseline) =>
            {
                var curve = SteadyStateAtlas.Default.Curves.FirstOrDefault(c => c.Condition == name)
                    ?? throw new ApiException(StatusCodes.Status404NotFound, "no such condition",
                        [new ApiError("name", $"'{name}' has no steady-state curve; allowed: {string.Join(", ", SteadyStateAtlas.Default.Curves.Where(c => c.Points.Count > 1).Select(c => c.Condition))}")]);
                if (!(baseline is >= PairMeasurement.MinPlatelets and <= PairMeasurement.MaxPlatelets))
                    throw ApiException.BadRequest("?baseline", $"{baseline} is outside the allowed range [{PairMeasurement.MinPlatelets}, {PairMeasurement.MaxPlatelets}] ×10^9/L");
                return SeverityFor(curve, baseline);
            })
            .WithName("SeverityForBaseline")
            .WithSummary("The severity of a condition whose steady state has the given day-0 platelet count (interpolated on the model's steady-state curve)")
            .Produces<ApiErrorBody>(StatusCodes.Status400BadRequest).Produces<ApiErrorBody>(StatusCodes.Status404NotFound);

        api.MapGet("/drugs", () => DrugCatalog.All.Select(d => new DrugInfoResponse(d.Name,
                d.Routes.Select(r => r switch { TpoSim.Scenarios.Route.Subcutaneous => "sc", TpoSim.Scenarios.Route.Oral => "oral", _ => "iv" }).ToArray(),
                d.MaxSingleDoseMicrogramsPerKg, d.Mechanism, d.Source, TpoSim.Drugs.Modules.DrugModuleCatalog.VariantsOf(d.Name),
                TpoSim.Drugs.Modules.DrugModuleCatalog.ParametersOf(d.Name).Select(ParameterInfo.From).ToArray())).ToArray())
            .WithName("Drugs").WithSummary("Drugs a scenario can dose, with routes, mechanism, PK variants and parameters (as `tposim drugs`)");

        api.MapGet("/titrations", () => TitrationCatalog.Names.Select(p => new TitrationInfo(p, TitrationCatalog.DoseEveryDays(p), TitrationCatalog.DefaultCheckEveryDays(p),
                TitrationCatalog.DefaultDays(p), TitrationCatalog.StartLevels(p), TitrationCatalog.LabelStartDose(p, false, false))).ToArray())
            .WithName("Titrations").WithSummary("Label titration rules a scenario's `titration.policy` can name");

        api.MapGet("/trials", (DataFiles data) => DataFiles.ListJson(data.Populations))
            .WithName("Trials").WithSummary("Shipped trial (population) files, by file name");
        api.MapGet("/scenarios", (DataFiles data) => DataFiles.ListJson(data.Scenarios))
            .WithName("Scenarios").WithSummary("Example scenario files, by file name");
        api.MapGet("/scenarios/{file}", (string file, DataFiles data) =>
                DataFiles.Find(data.Scenarios, file, DataFiles.ListJson(data.Scenarios)) is { } path
                    ? Results.Text(File.ReadAllText(path), "application/json; charset=utf-8")
                    : throw new ApiException(StatusCodes.Status404NotFound, "no such scenario", [new ApiError("file", $"'{file}' is not an example scenario (GET /api/scenarios lists them)")]))
            .WithName("Scenario").WithSummary("One example scenario document").Produces<ApiErrorBody>(StatusCodes.Status404NotFound);
        api.MapGet("/examples", (DataFiles data) => DataFiles.ListCsv(data.Examples).Where(f => f.File.StartsWith("patient-", StringComparison.Ordinal)).ToArray())
            .WithName("Examples").WithSummary("Example patient histories in the fit CSV format");
        api.MapGet("/examples/{file}", (string file, DataFiles data) =>
                DataFiles.Find(data.Examples, file, DataFiles.ListCsv(data.Examples)) is { } path
                    ? Results.Text(File.ReadAllText(path), "text/csv; charset=utf-8")
                    : throw new ApiException(StatusCodes.Status404NotFound, "no such example", [new ApiError("file", $"'{file}' is not an example patient (GET /api/examples lists them)")]))
            .WithName("Example").WithSummary("One example patient history (CSV)").Produces<ApiErrorBody>(StatusCodes.Status404NotFound);
        api.MapGet("/equations", (DataFiles data) => File.Exists(data.Equations)
                ? Results.Text(File.ReadAllText(data.Equations), "text/markdown; charset=utf-8")
                : throw new ApiException(StatusCodes.Status404NotFound, "no equations", [new ApiError("$", "docs/equations.md has not been generated in this build; see GET /api/parameters")]))
            .WithName("Equations").WithSummary("The model's equations (docs/equations.md), Markdown").Produces<ApiErrorBody>(StatusCodes.Status404NotFound);
    }

    private static ConditionInfo Info(DocumentedItem item, ConditionDefinition? definition) => new(item.Name, item.Title,
        item.Fields.Select(f => new LabelledText(f.Label, f.Text)).ToArray(),
        definition?.Options.Select(o => new ConditionOptionInfo(o.Name, o.Minimum, o.Maximum, o.Default, o.Description, o.IsFlag)).ToArray() ?? []);

    /// <summary>Inverts the curve's platelet count by log-linear interpolation between neighbouring severities.</summary>
    internal static SeverityForBaseline SeverityFor(SteadyStateCurve curve, double baseline)
    {
        var points = curve.Points;
        for (var i = 1; i < points.Count; i++)
        {
            double a = points[i - 1].Platelets, b = points[i].Platelets;
            if ((baseline - a) * (baseline - b) <= 0 && a != b)
            {
                var t = (Math.Log(baseline) - Math.Log(a)) / (Math.Log(b) - Math.Log(a));
                var p = SteadyStatePoint.Between(points[i - 1], points[i], t);
                return new SeverityForBaseline(curve.Condition, baseline, Math.Round(p.Severity, 4), SimulationResponse.Number(p.Platelets), true);
            }
        }
        var nearest = points.MinBy(p => Math.Abs(Math.Log(p.Platelets / baseline)));
        return new SeverityForBaseline(curve.Condition, baseline, nearest.Severity, SimulationResponse.Number(nearest.Platelets), false);
    }
}
