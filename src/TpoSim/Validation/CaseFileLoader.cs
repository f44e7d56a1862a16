using System.Globalization;
using System.Text.Json;
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
    private static readonly string[] CheckEntryFields = ["metric", "published", "tolerance", "day"];
    private static readonly string[] PublishedFields = ["text", "value", "low", "high"];
    private static readonly string[] ToleranceFields = ["min", "max", "above", "below"];

    /// <summary>Reads and checks a case file; a missing or unreadable file is an error, not an exception.</summary>
    /// <param name="path">The case file.</param>
    /// <param name="repositoryRoot">Folder that scenario paths are relative to; the parent of the case file's folder when null.</param>
    public static CaseFileLoadResult LoadFile(string path, string? repositoryRoot = null)
    {
        if (!Input.InputFile.TryReadText(path, out var text, out var problem))
        {
            return new CaseFileLoadResult(null, [new CaseFileError("$", $"cannot read the case file: {problem}")]);
        }
        var root = repositoryRoot ?? Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? ".";
        return Parse(text, path, root);
    }

    /// <summary>Parses and checks case-file JSON.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="sourceName">Name used in the result (usually the path).</param>
    /// <param name="repositoryRoot">Folder that scenario paths such as <c>scenarios/x.json</c> are relative to.</param>
    public static CaseFileLoadResult Parse(string json, string sourceName = DefaultRelativePath, string repositoryRoot = ".")
    {
        var doc = JsonInput.TryParse(json, out var syntaxError);
        if (doc is null) return new CaseFileLoadResult(null, [new CaseFileError(JsonInput.Locate(syntaxError).Path, JsonInput.Locate(syntaxError).Message)]);
        using (doc)
        {
            var reader = new Reader(repositoryRoot);
            var cases = reader.ReadFile(doc.RootElement);
            return reader.Errors.Count == 0 && cases is not null
                ? new CaseFileLoadResult(new ValidationCaseFile(sourceName, cases), [])
                : new CaseFileLoadResult(null, reader.Errors);
        }
    }

    private static string Fmt(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private sealed class Reader(string repositoryRoot)
    {
        public List<CaseFileError> Errors { get; } = [];

        private void Error(string path, string message) => Errors.Add(new CaseFileError(path, message));

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
            var id = Text(e, path, "id", required: true);
            var title = Text(e, path, "title", required: true);
            CaseKind? kind = Text(e, path, "kind", required: true, allowed: KindNames) switch
            {
                null => null,
                "calibration" => CaseKind.Calibration,
                "validation" => CaseKind.Validation,
                var other => ErrorKind($"{path}.kind", other),
            };
            var baseline = Number(e, path, "baselinePlatelets");
            if (baseline is { } b && !(b > 0 && b < 1000)) Error($"{path}.baselinePlatelets", $"{Fmt(b)} is outside (0, 1000) ×10⁹/L");
            var source = Text(e, path, "source", required: true);
            var requires = Text(e, path, "requires");
            var discussion = Text(e, path, "discussion") ?? "";
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
            var text = File.ReadAllText(full);
            using var doc = JsonInput.TryParse(text, out _);
            if (doc?.RootElement.TryGetProperty("scenario", out var sc) == true && sc.ValueKind == JsonValueKind.String)
                text += "\n" + File.ReadAllText(Path.Combine(Path.GetDirectoryName(full) ?? ".", sc.GetString()!));
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
            var file = Text(e, path, "file", required: true);
            int? subjects = null;
            if (!e.TryGetProperty("subjects", out var n) || n.ValueKind != JsonValueKind.Number || !JsonInput.TryGetWholeNumber(n, out var count) || count < 1 || count > Population.PopulationRunner.MaxSubjects)
                Error($"{path}.subjects", $"required: a whole number in [1, {Population.PopulationRunner.MaxSubjects}]");
            else subjects = count;
            long seed = 1;
            if (e.TryGetProperty("seed", out var sd) && (sd.ValueKind != JsonValueKind.Number || !sd.TryGetInt64(out seed)))
                Error($"{path}.seed", "expected a whole number");
            if (Errors.Count > before || file is null || subjects is null) return null;
            var parsed = Population.PopulationParser.ParseFile(Path.Combine(repositoryRoot, file));
            if (!parsed.Succeeded)
            {
                foreach (var err in parsed.Errors) Error($"{path}.file", $"{file}: {err.Path}: {err.Message}");
                return null;
            }
            var definition = parsed.Definition!;
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

        private CaseKind? ErrorKind(string path, string found)
        {
            Error(path, $"unknown kind '{found}'; allowed: {string.Join(", ", KindNames)}");
            return null;
        }

        private ValidationCheck? ReadCheck(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Object) { Error(path, $"expected an object with metric, published and tolerance, found {Kind(e)}"); return null; }
            var before = Errors.Count;
            CheckFields(e, path, CheckEntryFields);
            ValidationMetric? metric = null;
            if (Text(e, path, "metric", required: true, allowed: ValidationMetrics.Names) is { } name)
            {
                metric = ValidationMetrics.Get(name);
                if (metric is null) Error($"{path}.metric", $"unknown metric '{name}'; allowed: {string.Join(", ", ValidationMetrics.Names)}");
            }
            PublishedObservation? published = null;
            if (!e.TryGetProperty("published", out var pe) || pe.ValueKind != JsonValueKind.Object)
            {
                Error($"{path}.published", "required: an object with 'text' and optional numbers 'value', 'low', 'high' in the metric's unit");
            }
            else
            {
                var pp = $"{path}.published";
                CheckFields(pe, pp, PublishedFields);
                var text = Text(pe, pp, "text", required: true);
                var value = Number(pe, pp, "value");
                var low = Number(pe, pp, "low");
                var high = Number(pe, pp, "high");
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
                else if (de.ValueKind != JsonValueKind.Number || !(de.GetDouble() >= 0)) Error($"{path}.day", "expected a day ≥ 0");
                else day = de.GetDouble();
            }
            else if (metric is PopulationMetric { NeedsDay: true }) Error($"{path}.day", $"required for '{metric.Name}': the day the platelet count is read on (or by)");
            if (Errors.Count > before || metric is null || published is null || tolerance is null) return null;
            return new ValidationCheck(metric, published, tolerance, day);
        }

        private Tolerance? ReadTolerance(JsonElement e, string path)
        {
            var before = Errors.Count;
            CheckFields(e, path, ToleranceFields);
            var min = Number(e, path, "min");
            var max = Number(e, path, "max");
            var above = Number(e, path, "above");
            var below = Number(e, path, "below");
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

        private void CheckFields(JsonElement e, string path, string[] allowed)
        {
            foreach (var (p, m) in Scenarios.JsonInput.UnknownFields(e, path, allowed)) Error(p, m);
        }

        private string? Text(JsonElement parent, string path, string field, bool required = false, IReadOnlyList<string>? allowed = null)
        {
            if (!parent.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                if (required) Error($"{path}.{field}", allowed is null ? "required text is missing" : $"required; allowed: {string.Join(", ", allowed)}");
                return null;
            }
            if (v.ValueKind == JsonValueKind.String) return v.GetString();
            Error($"{path}.{field}", $"expected text, found {Kind(v)}");
            return null;
        }

        private double? Number(JsonElement parent, string path, string field)
        {
            if (!parent.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.Number && double.IsFinite(v.GetDouble())) return v.GetDouble();
            Error($"{path}.{field}", $"expected a number, found {Kind(v)}");
            return null;
        }

        private static string Kind(JsonElement e) => JsonInput.Describe(e);
    }
}
