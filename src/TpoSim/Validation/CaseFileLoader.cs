using System.Globalization;
using System.Text.Json;
using TpoSim.Input;
using TpoSim.Scenarios;

namespace TpoSim.Validation;

/// <summary>
/// Reads validation/cases.json and checks it, reporting every problem at once with its JSON path: unknown or
/// missing fields, unknown metrics, malformed tolerances, duplicate ids, invalid scenarios, and any parameter
/// override (a case may choose its scenario, never tune the model).
/// </summary>
public static class CaseFileLoader
{
    /// <summary>The case file's path inside the repository.</summary>
    public const string DefaultRelativePath = "validation/cases.json";

    private static readonly string[] TopFields = ["$schema", "$comment", "description", "cases"];
    private static readonly string[] CaseFields = ["id", "kind", "title", "scenario", "baselinePlatelets", "population", "checks", "source", "requires", "discussion"];

    /// <summary>The values of a case's <c>kind</c>.</summary>
    public static IReadOnlyList<string> KindNames { get; } = ["calibration", "validation"];
    private static readonly string[] PopulationFields = ["file", "subjects", "seed"];
    private static readonly string[] CheckEntryFields = ["metric", "published", "tolerance", "day", "endpoint", "arm", "stratum"];
    private static readonly string[] PublishedFields = ["text", "value", "low", "high"];
    private static readonly string[] ToleranceFields = ["min", "max", "above", "below"];

    /// <summary>Reads and checks a case file; a missing or unreadable file is an error, not an exception.</summary>
    /// <param name="path">The case file.</param>
    /// <param name="repositoryRoot">Folder that scenario paths are relative to; the parent of the case file's folder when null.</param>
    public static ReadResult<ValidationCaseFile> LoadFile(string path, string? repositoryRoot = null)
    {
        if (!Input.InputFile.TryReadText(path, out var text, out var problem))
        {
            return ReadResult<ValidationCaseFile>.Fail(path, "$", $"cannot read the case file: {problem}");
        }
        var root = repositoryRoot ?? Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? ".";
        return Parse(text, path, root).In(path);
    }

    /// <summary>Parses and checks case-file JSON.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="sourceName">Name used in the result (usually the path).</param>
    /// <param name="repositoryRoot">Folder that scenario paths such as <c>scenarios/x.json</c> are relative to.</param>
    public static ReadResult<ValidationCaseFile> Parse(string json, string sourceName = DefaultRelativePath, string repositoryRoot = ".")
    {
        var doc = JsonInput.TryParse(json, out var syntaxError);
        if (doc is null) return ReadResult<ValidationCaseFile>.Fail("", JsonInput.Locate(syntaxError).Path, JsonInput.Locate(syntaxError).Message);
        using (doc)
        {
            var reader = new Reader(repositoryRoot);
            var cases = reader.ReadFile(doc.RootElement);
            return reader.Errors.Count == 0 && cases is not null
                ? new ReadResult<ValidationCaseFile>(new ValidationCaseFile(sourceName, cases), [])
                : new ReadResult<ValidationCaseFile>(null, reader.Errors);
        }
    }

    /// <summary>The number and choice fields of the case format, checked by the shared <see cref="JsonFieldReader"/>.</summary>
    private static class Fields
    {
        public static FieldSpec Kind { get; } = FieldSpec.OneOf("kind", "calibration or validation.", KindNames).Needed();
        public static FieldSpec Metric { get; } = FieldSpec.OneOf("metric", "What is compared.", ValidationMetrics.Names).Needed();
        public static FieldSpec Subjects { get; } = FieldSpec.Whole("subjects", "Subjects simulated.", 1, Population.PopulationRunner.MaxSubjects).Needed();
        public static FieldSpec Seed { get; } = FieldSpec.Whole("seed", "Seed of the population's draws.", 0, int.MaxValue, 1);
        public static FieldSpec Day { get; } = FieldSpec.Num("day", "Day the count is read on (or by).", 0, double.MaxValue, "days");

        /// <summary>A published number or a tolerance bound, in the metric's unit: any finite number.</summary>
        public static FieldSpec Value(string name) => FieldSpec.Num(name, "", double.MinValue, double.MaxValue);
    }

    private sealed class Reader(string repositoryRoot) : JsonFieldReader
    {

        public IReadOnlyList<ValidationCase>? ReadFile(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", $"expected an object with a 'cases' array, found {Kind(root)}");
                return null;
            }
            CheckFields(root, "$", TopFields);
            if (!root.TryGetProperty("cases", out var arr) || arr.ValueKind != JsonValueKind.Array)
            {
                Error("$.cases", arr.ValueKind == JsonValueKind.Undefined ? "required: an array of cases" : $"expected an array of cases, found {Kind(arr)}");
                return null;
            }
            var cases = new List<ValidationCase>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var e in arr.EnumerateArray())
            {
                var path = $"$.cases[{i++}]";
                if (ReadCase(e, path) is not { } c) continue;
                if (!ids.Add(c.Id)) Error($"{path}.id", $"duplicate id '{c.Id}'; ids must be unique");
                else cases.Add(c);
            }
            if (i == 0) Error("$.cases", "the case list is empty");
            return cases;
        }

        private ValidationCase? ReadCase(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Object) { Error(path, $"expected an object, found {Kind(e)}"); return null; }
            var before = Errors.Count;
            CheckFields(e, path, CaseFields);
            var id = String(e, path, "id", required: true);
            var title = String(e, path, "title", required: true);
            CaseKind? kind = Enum(e, path, Fields.Kind) switch
            {
                "calibration" => CaseKind.Calibration,
                "validation" => CaseKind.Validation,
                _ => null,
            };
            // The same field, range and unit as a scenario condition's baselinePlatelets, which it sets.
            var baseline = Number(e, path, ScenarioFields.BaselinePlatelets);
            var source = String(e, path, "source", required: true);
            var requires = String(e, path, "requires");
            var discussion = String(e, path, "discussion") ?? "";
            if (requires is not null && string.IsNullOrWhiteSpace(requires)) Error($"{path}.requires", "give what the model lacks, or leave the field out for a runnable case");

            // A population case runs a virtual population; its scenario is the population's base scenario.
            PopulationCase? population = null;
            var hasPopulation = e.TryGetProperty("population", out var pop) && pop.ValueKind != JsonValueKind.Null;
            if (hasPopulation && requires is null) population = ReadPopulation(pop, $"{path}.population");

            var checks = new List<ValidationCheck>();
            if (!e.TryGetProperty("checks", out var ce) || ce.ValueKind != JsonValueKind.Array || ce.GetArrayLength() == 0)
            {
                Error($"{path}.checks", "required: a non-empty array of {metric, published, tolerance}");
            }
            else
            {
                var k = 0;
                foreach (var item in ce.EnumerateArray())
                {
                    var cpath = $"{path}.checks[{k++}]";
                    if (ReadCheck(item, cpath) is not { } check) continue;
                    if (requires is null && check.Metric.Requirement is { } need)
                        Error($"{cpath}.metric", $"'{check.Metric.Name}' needs {need}, which the model lacks; mark the case pending with a 'requires' field");
                    if (check.Metric is PopulationMetric && !hasPopulation)
                        Error($"{cpath}.metric", $"'{check.Metric.Name}' is a population statistic; give the case a 'population' block {{ \"file\", \"subjects\", \"seed\" }}");
                    if (check.Endpoint is { } reference && population is not null) CheckEndpoint(reference, population.Definition, cpath);
                    checks.Add(check);
                }
            }

            Scenario? scenario = null;
            var scenarioSource = "inline";
            if (hasPopulation && e.TryGetProperty("scenario", out _))
            {
                Error($"{path}.scenario", "a population case takes its scenario from the population file; remove 'scenario'");
            }
            else if (hasPopulation)
            {
                scenario = population?.Definition.BaseScenario;
                scenarioSource = pop.ValueKind == JsonValueKind.Object && pop.TryGetProperty("file", out var pf) && pf.ValueKind == JsonValueKind.String ? pf.GetString()! : "population";
            }
            else if (!e.TryGetProperty("scenario", out var se) || se.ValueKind is not (JsonValueKind.Object or JsonValueKind.String))
            {
                Error($"{path}.scenario", "required: a scenario object (the scenario format of docs/scenarios.md) or a path such as \"scenarios/x.json\"");
            }
            else if (se.ValueKind == JsonValueKind.String)
            {
                scenarioSource = se.GetString()!;
                // A pending case names a scenario the model cannot run yet (unknown drugs): it is kept, not parsed.
                if (requires is null) scenario = ReadScenarioFile(scenarioSource, $"{path}.scenario");
            }
            else if (requires is null)
            {
                scenario = ReadScenario(se.GetRawText(), $"{path}.scenario", path + ".scenario");
            }
            if (baseline is not null && scenario is not null && (hasPopulation || scenario.Conditions.Count != 1))
                Error($"{path}.baselinePlatelets", "needs a scenario (not a population) with exactly one condition, whose severity is solved for this day-0 count");
            if (Errors.Count > before || id is null || title is null || source is null || kind is null) return null;
            return new ValidationCase(id, title, scenario, scenarioSource, checks, source, requires, discussion, population, kind.Value, baseline);
        }

        /// <summary>The population file's full path and text, plus the text of a scenario file it refers to.</summary>
        private string SourceText(string file)
        {
            var full = Path.GetFullPath(Path.Combine(repositoryRoot, file));
            var text = System.IO.File.ReadAllText(full);
            using var doc = JsonInput.TryParse(text, out _);
            if (doc?.RootElement.TryGetProperty("scenario", out var sc) == true && sc.ValueKind == JsonValueKind.String)
                text += "\n" + System.IO.File.ReadAllText(Path.Combine(Path.GetDirectoryName(full) ?? ".", sc.GetString()!));
            return full + "\n" + text;
        }

        private PopulationCase? ReadPopulation(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                Error(path, $"expected {{ \"file\": \"populations/x.json\", \"subjects\": N, \"seed\": S }}, found {Kind(e)}");
                return null;
            }
            var before = Errors.Count;
            CheckFields(e, path, PopulationFields);
            var file = String(e, path, "file", required: true);
            var subjects = Integer(e, path, Fields.Subjects);
            long seed = Integer(e, path, Fields.Seed) ?? 1;
            if (Errors.Count > before || file is null || subjects is null) return null;
            var parsed = Population.PopulationParser.ParseFile(Path.Combine(repositoryRoot, file));
            if (!parsed.Succeeded)
            {
                foreach (var err in parsed.Errors) Error($"{path}.file", $"{file}: {err.Path}: {err.Message}");
                return null;
            }
            var definition = parsed.Value!;
            foreach (var name in definition.BaseScenario.ParameterOverrides.Keys)
                Error($"{path}.file", $"{file}: the base scenario overrides '{name}'; validation populations run the one default parameter set (variability scatters around it)");
            if (Population.PopulationRunner.CheckSize(definition.BaseScenario, subjects.Value) is { } tooBig) Error($"{path}.subjects", tooBig);
            return Errors.Count > before ? null : new PopulationCase(file, definition, subjects.Value, seed) { SourceText = SourceText(file) };
        }

        private Scenario? ReadScenarioFile(string relative, string path)
        {
            if (!Input.InputFile.TryReadText(Path.Combine(repositoryRoot, relative), out var text, out var problem))
            {
                Error(path, $"cannot read the scenario file '{relative}' (paths are relative to the repository root): {problem}");
                return null;
            }
            return ReadScenario(text, path, relative);
        }

        private Scenario? ReadScenario(string json, string path, string name)
        {
            var parsed = ScenarioParser.Parse(json);
            if (!parsed.Succeeded)
            {
                foreach (var err in parsed.Errors) Error(path + err.Path.TrimStart('$'), $"{err.Message} (scenario {name})");
                return null;
            }
            var scenario = parsed.Value!;
            // One parameter set for every case: a case chooses its patient, condition and procedures, nothing else.
            foreach (var name2 in scenario.ParameterOverrides.Keys)
                Error($"{path}.patient.parameters.{name2}", "parameter overrides are not allowed in validation cases: every case runs the one default parameter set; choose a condition and severity instead");
            for (var i = 0; i < scenario.Events.Count; i++)
            {
                if (scenario.Events[i] is ParameterChange pc)
                    Error($"{path}.events[{i}]", $"setParameter ({pc.Parameter}) is not allowed in validation cases: every case runs the one default parameter set");
            }
            return scenario;
        }

        /// <summary>A populationEndpoint check names one of the file's declared endpoints, one of its arms (when it has arms) and one of its strata.</summary>
        private void CheckEndpoint(EndpointReference reference, Population.PopulationDefinition definition, string path)
        {
            var endpoints = definition.Endpoints?.Select(x => x.Statistic).ToArray() ?? [];
            if (!endpoints.Contains(reference.Endpoint, StringComparer.Ordinal))
                Error($"{path}.endpoint", $"'{reference.Endpoint}' is not an endpoint the population file declares; allowed: {(endpoints.Length == 0 ? "none (the file declares no endpoints)" : string.Join(", ", endpoints))}");
            var arms = definition.Arms?.Select(a => a.Name).ToArray();
            if (arms is null && reference.Arm is not null) Error($"{path}.arm", "the population file has no arms; leave 'arm' out");
            else if (arms is not null && (reference.Arm is null || !arms.Contains(reference.Arm, StringComparer.Ordinal)))
                Error($"{path}.arm", $"{(reference.Arm is null ? "required: the file has arms" : $"unknown arm '{reference.Arm}'")}; allowed: {string.Join(", ", arms)}");
            var strata = Population.PopulationStrata.Of(definition).Select(x => x.Key).ToArray();
            if (!strata.Contains(reference.Stratum, StringComparer.Ordinal))
                Error($"{path}.stratum", $"unknown stratum '{reference.Stratum}'; allowed: {string.Join(", ", strata)}");
        }

        private ValidationCheck? ReadCheck(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Object) { Error(path, $"expected an object with metric, published and tolerance, found {Kind(e)}"); return null; }
            var before = Errors.Count;
            CheckFields(e, path, CheckEntryFields);
            ValidationMetric? metric = null;
            if (Enum(e, path, Fields.Metric) is { } name) metric = ValidationMetrics.Get(name);
            PublishedObservation? published = null;
            if (!e.TryGetProperty("published", out var pe) || pe.ValueKind != JsonValueKind.Object)
            {
                Error($"{path}.published", "required: an object with 'text' and optional numbers 'value', 'low', 'high' in the metric's unit");
            }
            else
            {
                var pp = $"{path}.published";
                CheckFields(pe, pp, PublishedFields);
                var text = String(pe, pp, "text", required: true);
                var value = Number(pe, pp, Fields.Value("value"));
                var low = Number(pe, pp, Fields.Value("low"));
                var high = Number(pe, pp, Fields.Value("high"));
                if (low is { } l && high is { } h && l > h) Error($"{pp}.low", $"low {Fmt(l)} is above high {Fmt(h)}");
                if (text is not null) published = new PublishedObservation(text, value, low, high);
            }
            Tolerance? tolerance = null;
            if (!e.TryGetProperty("tolerance", out var te) || te.ValueKind != JsonValueKind.Object)
            {
                Error($"{path}.tolerance", "required: an object with a lower bound ('min' inclusive or 'above' exclusive) and/or an upper bound ('max' inclusive or 'below' exclusive)");
            }
            else
            {
                tolerance = ReadTolerance(te, $"{path}.tolerance");
            }
            double? day = null;
            if (e.TryGetProperty("day", out var de))
            {
                if (metric is not PopulationMetric { NeedsDay: true }) Error($"{path}.day", $"'day' is only for day-dependent population metrics ({ValidationMetrics.FractionReaching50ByDay.Name}, {ValidationMetrics.FractionAtLeast50OnDay.Name})");
                else day = NumberAt(de, $"{path}.day", Fields.Day);
            }
            else if (metric is PopulationMetric { NeedsDay: true }) Error($"{path}.day", $"required for '{metric.Name}': the day the platelet count is read on (or by)");
            EndpointReference? endpoint = null;
            var endpointName = String(e, path, "endpoint");
            var arm = String(e, path, "arm");
            var stratum = String(e, path, "stratum");
            if (metric == ValidationMetrics.PopulationEndpoint)
            {
                if (endpointName is null) Error($"{path}.endpoint", $"required for '{metric.Name}': the name of one of the population file's declared endpoints");
                else endpoint = new EndpointReference(endpointName, arm, stratum ?? Population.PopulationStrata.All.Key);
            }
            else if (endpointName is not null || arm is not null || stratum is not null)
                Error($"{path}.{(endpointName is not null ? "endpoint" : arm is not null ? "arm" : "stratum")}", $"only for '{ValidationMetrics.PopulationEndpoint.Name}' checks");
            if (Errors.Count > before || metric is null || published is null || tolerance is null) return null;
            // A declared endpoint that is not a share (a median in days) is written in its own unit.
            if (endpoint is not null) metric = ValidationMetrics.PopulationEndpointFor(endpoint.Endpoint);
            return new ValidationCheck(metric, published, tolerance, day) { Endpoint = endpoint };
        }

        private Tolerance? ReadTolerance(JsonElement e, string path)
        {
            var before = Errors.Count;
            CheckFields(e, path, ToleranceFields);
            var min = Number(e, path, Fields.Value("min"));
            var max = Number(e, path, Fields.Value("max"));
            var above = Number(e, path, Fields.Value("above"));
            var below = Number(e, path, Fields.Value("below"));
            if (Errors.Count > before) return null;
            if (min is not null && above is not null) Error($"{path}.above", "give either 'min' (inclusive) or 'above' (exclusive), not both");
            if (max is not null && below is not null) Error($"{path}.below", "give either 'max' (inclusive) or 'below' (exclusive), not both");
            if (min is null && max is null && above is null && below is null)
                Error(path, "no bound given; allowed: 'min' or 'above' for a lower bound, 'max' or 'below' for an upper bound");
            if (Errors.Count > before) return null;
            var lower = min ?? above ?? double.NegativeInfinity;
            var upper = max ?? below ?? double.PositiveInfinity;
            if (lower > upper || (lower == upper && (above is not null || below is not null)))
            {
                Error(path, $"empty range: the lower bound {Fmt(lower)} is not below the upper bound {Fmt(upper)}");
                return null;
            }
            return new Tolerance(lower, above is not null, upper, below is not null);
        }
    }
}
