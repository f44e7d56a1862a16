using System.Globalization;
using System.Text.Json;
using TpoSim.Input;
using TpoSim.Parameters;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Population;

/// <summary>Reads and validates population definition JSON (docs/population.md).</summary>
public static class PopulationParser
{
    /// <summary>Largest allowed CV of a log-normal parameter.</summary>
    public const double MaxCv = 2;

    private static readonly string[] ArmFields = ["name", "description", "placebo", "doses", "titration", "published"];
    private static readonly string[] ArmPublishedFields = ["statistic", "stratum", "published"];

    /// <summary>Most arms a file may declare.</summary>
    public const int MaxArms = 10;
    private static readonly string[] EndpointFields = ["statistic", "published"];
    private static readonly string[] BaselineStratumFields = ["name", "min", "max", "above", "below"];

    /// <summary>Most shifts a stratum phenotype may declare.</summary>
    public const int MaxPhenotypeShifts = 10;

    /// <summary>Most baseline strata a file may declare.</summary>
    public const int MaxBaselineStrata = 10;

    /// <summary>True when <paramref name="json"/> is an object with a "scenario" member, i.e. a population rather than a scenario.</summary>
    public static bool LooksLikePopulation(string json)
    {
        using var doc = JsonInput.TryParse(json, out _);
        return doc is not null && doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("scenario", out _);
    }

    /// <summary>Reads and validates a population file; a scenario path inside it is relative to the file's folder.</summary>
    public static ReadResult<PopulationDefinition> ParseFile(string path)
    {
        if (!Input.InputFile.TryReadText(path, out var text, out var problem))
            return ReadResult<PopulationDefinition>.Fail(path, "$", $"cannot read the file: {problem}");
        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>Parses and validates population JSON.</summary>
    /// <param name="json">The text.</param>
    /// <param name="source">File name used in error lines.</param>
    /// <param name="baseDirectory">Folder a scenario path is relative to.</param>
    public static ReadResult<PopulationDefinition> Parse(string json, string source, string baseDirectory)
    {
        var doc = JsonInput.TryParse(json, out var syntaxError);
        if (doc is null) return ReadResult<PopulationDefinition>.Fail(source, JsonInput.Locate(syntaxError).Path, JsonInput.Locate(syntaxError).Message);
        using (doc)
        {
            var errors = new List<InputProblem>();
            var definition = Read(doc.RootElement, source, baseDirectory, errors);
            return errors.Count == 0 ? new ReadResult<PopulationDefinition>(definition, []) : new ReadResult<PopulationDefinition>(null, errors);
        }
    }

    private static string Fmt(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private static PopulationDefinition? Read(JsonElement root, string source, string baseDirectory, List<InputProblem> errors)
    {
        void Error(string path, string message) => errors.Add(new InputProblem(source, path, message));
        var f = new JsonFieldReader(Error);
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error("$", "expected a JSON object with \"scenario\" and \"variability\"");
            return null;
        }
        f.CheckFields(root, "$", PopulationFields.Top);

        // Base scenario: a path (relative to this file) or an inline scenario object.
        Scenario? scenario = null;
        // The scenario's own text and folder: each arm re-reads it with its own doses and titration.
        string? scenarioJson = null, scenarioDirectory = null;
        if (!root.TryGetProperty("scenario", out var sc)) Error("$.scenario", "required: a scenario file path or an inline scenario object");
        else if (sc.ValueKind == JsonValueKind.String)
        {
            var file = Path.Combine(baseDirectory, sc.GetString()!);
            var parsed = ScenarioParser.ParseFile(file);
            if (parsed.Succeeded)
            {
                scenario = parsed.Value;
                scenarioDirectory = Path.GetDirectoryName(Path.GetFullPath(file));
                scenarioJson = Input.InputFile.TryReadText(file, out var text, out _) ? text : null;
            }
            else errors.AddRange(parsed.Errors.Select(e => e.In(sc.GetString()!)));
        }
        else if (sc.ValueKind == JsonValueKind.Object)
        {
            var parsed = ScenarioParser.Parse(sc.GetRawText());
            if (parsed.Succeeded)
            {
                scenario = parsed.Value;
                scenarioJson = sc.GetRawText();
            }
            else errors.AddRange(parsed.Errors.Select(e => new InputProblem(source, "$.scenario" + e.Path[1..], e.Message)));
        }
        else Error("$.scenario", "expected a scenario file path (string) or an inline scenario object");

        // Variability.
        var variability = new List<ParameterVariability>();
        if (!root.TryGetProperty("variability", out var vars) || vars.ValueKind != JsonValueKind.Array)
            Error("$.variability", "required: an array of { \"parameter\": NAME, \"cv\": 0–2, \"nonResponderFraction\": 0–1 (optional) }");
        else
        {
            var i = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var v in vars.EnumerateArray())
            {
                var path = $"$.variability[{i++}]";
                if (v.ValueKind != JsonValueKind.Object)
                {
                    Error(path, "expected an object { \"parameter\": NAME, \"cv\": 0–2 }");
                    continue;
                }
                f.CheckFields(v, path, PopulationFields.Variability);
                var name = v.TryGetProperty("parameter", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : null;
                if (name is null) Error(path + ".parameter", "required: a parameter name from 'tposim parameters'");
                else if (name == ChemotherapyKillRate.Name && scenario is not null && ChemotherapyKillRate.TypicalValue(scenario) is null)
                    Error(path + ".parameter", $"'{name}' varies the scenario's chemotherapy, but the base scenario has no chemotherapy event");
                else if (SubjectSampler.RangeOf(name, scenario) is not { } range)
                    Error(path + ".parameter", $"unknown parameter '{name}'; allowed: the names listed by 'tposim parameters', each dosed drug's PK/PD parameters ('tposim drugs') and {ChemotherapyKillRate.Name}");
                else if (range.Unit == "0/1")
                    Error(path + ".parameter", $"'{name}' is a 0/1 switch and cannot vary log-normally");
                else if (!seen.Add(name))
                    Error(path + ".parameter", $"'{name}' is listed twice");
                else if (scenario is not null && SafeValue(scenario, name) is var value && value is not null && !(value > 0))
                    Error(path + ".parameter", $"'{name}' is {Fmt(value.Value)} in the base scenario; log-normal variability needs a typical value > 0");
                else if (scenario is not null && !ParameterCatalog.TryGet(name, out _) && SafeValue(scenario, name) is null)
                    Error(path + ".parameter", $"'{name}' is a parameter of a drug the base scenario does not dose; dose it or drop the parameter");
                var cv = f.Number(v, path, PopulationFields.Variability["cv"]);
                var nonResponders = ReadNonResponderFraction(v, path, name is null ? null : SubjectSampler.RangeOf(name, scenario), Error);
                if (name is not null && cv is not null && nonResponders is not null)
                    variability.Add(new ParameterVariability(name, cv.Value) { NonResponderFraction = nonResponders.Value });
            }
            if (i == 0) Error("$.variability", "must list at least one parameter");
        }

        // Correlation matrix, in the order of the variability array.
        double[,]? correlation = null;
        if (root.TryGetProperty("correlation", out var corr) && corr.ValueKind != JsonValueKind.Null)
            correlation = ReadCorrelation(corr, vars.ValueKind == JsonValueKind.Array ? vars.GetArrayLength() : 0, Error);

        // Covariates.
        WeightDistribution? weight = null;
        double? maleFraction = null;
        if (root.TryGetProperty("covariates", out var cov))
        {
            if (cov.ValueKind != JsonValueKind.Object) Error("$.covariates", $"expected an object with any of: {string.Join(", ", PopulationFields.Covariates.Names)}");
            else
            {
                f.CheckFields(cov, "$.covariates", PopulationFields.Covariates);
                if (cov.TryGetProperty("weightKg", out var w)) weight = ReadWeight(w, Error);
                maleFraction = f.Number(cov, "$.covariates", PopulationFields.Covariates["maleFraction"]);
            }
        }

        double? Fraction(JsonElement parent, string path, string field) => f.Number(parent, path, PopulationFields.Covariates[field]);
        double? eastAsian = null, splenectomised = null;
        ChildPughMix? childPugh = null;
        if (cov.ValueKind == JsonValueKind.Object)
        {
            eastAsian = Fraction(cov, "$.covariates", "eastAsianFraction");
            splenectomised = Fraction(cov, "$.covariates", "splenectomisedFraction");
            if (cov.TryGetProperty("childPugh", out var cp)) childPugh = ReadChildPugh(cp, scenario, Error);
        }
        StratumPhenotype? phenotype = null;
        if (cov.ValueKind == JsonValueKind.Object && cov.TryGetProperty("splenectomisedPhenotype", out var ph))
            phenotype = ReadPhenotype(ph, scenario, splenectomised is not null, Error);
        var inclusion = root.TryGetProperty("inclusion", out var inc) ? ReadInclusion(inc, splenectomised is not null, Error) : null;
        var response = root.TryGetProperty("responseWindow", out var rw) ? ReadResponse(rw, Error) : ResponseDefinition.Default;
        var rescue = root.TryGetProperty("rescue", out var rs) ? ReadRescue(rs, scenario, response ?? ResponseDefinition.Default, Error) : null;
        var endpoints = root.TryGetProperty("endpoints", out var ep) ? ReadEndpoints(ep, scenario?.Days, Error) : null;
        var measurement = root.TryGetProperty("measurement", out var me) ? ReadMeasurement(me, scenario?.Days, endpoints, Error) : null;
        // With measured counts the screen reads one measured count (or the mean of the file's screening counts, measured).
        if (measurement is not null && inclusion is not null)
            inclusion = inclusion with { Screening = (inclusion.Screening ?? new ScreeningVisits(1, 1)) with { Measurement = measurement } };
        IReadOnlyList<TrialArm>? arms = null;
        if (root.TryGetProperty("arms", out var ar) && scenario is not null && scenarioJson is not null)
        {
            // The strata the population draws (what a published value may name), before the definition exists.
            var strata = PopulationStrata.Of(new PopulationDefinition("", scenario, [], null, null, null) { SplenectomisedFraction = splenectomised, ChildPugh = childPugh, Inclusion = inclusion })
                .Select(x => x.Key).ToArray();
            arms = ReadArms(ar, scenario, scenarioJson, scenarioDirectory, endpoints, ep, strata, Error);
        }

        var policy = OutOfRangePolicy.Resample;
        if (f.Enum(root, "$", PopulationFields.Top["outOfRange"]) == "clamp") policy = OutOfRangePolicy.Clamp;

        var name2 = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : scenario?.Name ?? "population";
        if (errors.Count > 0 || scenario is null) return null;
        // Simulated rescue rides on the base scenario, so every arm (ForArm, TrialArm.ScenarioFrom) and every subject runs it.
        if (rescue is not null) scenario = scenario with { Rescue = rescue };
        return new PopulationDefinition(name2, scenario, variability, correlation, weight, maleFraction, policy)
        {
            EastAsianFraction = eastAsian,
            SplenectomisedFraction = splenectomised,
            SplenectomisedPhenotype = phenotype,
            ChildPugh = childPugh,
            Inclusion = inclusion,
            Response = response ?? ResponseDefinition.Default,
            Endpoints = endpoints,
            Arms = arms,
            Measurement = measurement,
        };
    }

    /// <summary>
    /// <c>measurement</c>: { "cv": 0–<see cref="CountMeasurement.MaxCv"/>, "visitDays": [ascending days in (0, the span]],
    /// "source": text }. A countOnDay endpoint must read a visit day (a trial reads its counts at its visits).
    /// </summary>
    private static CountMeasurement? ReadMeasurement(JsonElement me, double? span, IReadOnlyList<PopulationEndpoint>? endpoints, Action<string, string> error)
    {
        const string path = "$.measurement";
        var ok = true;
        var f = new JsonFieldReader((p, m) => { ok = false; error(p, m); });
        if (me.ValueKind != JsonValueKind.Object)
        {
            error(path, "expected { \"cv\": 0–0.5, \"visitDays\": [days], \"source\": text }");
            return null;
        }
        f.CheckFields(me, path, PopulationFields.Measurement);
        var cv = f.Number(me, path, PopulationFields.Measurement["cv"]);
        var source = f.String(me, path, PopulationFields.Measurement["source"]);
        if (source is not null && string.IsNullOrWhiteSpace(source)) f.Error($"{path}.source", "must not be empty: cite where the CV comes from (or \"assumed: \" and why)");
        var days = new List<double>();
        if (!me.TryGetProperty("visitDays", out var vd) || vd.ValueKind != JsonValueKind.Array || vd.GetArrayLength() == 0)
            f.Error($"{path}.visitDays", $"required: an array of 1–{CountMeasurement.MaxVisits} ascending visit days after day 0");
        else if (vd.GetArrayLength() > CountMeasurement.MaxVisits)
            f.Error($"{path}.visitDays", $"{vd.GetArrayLength()} visits; allowed: 1–{CountMeasurement.MaxVisits}");
        else
        {
            var i = 0;
            foreach (var d in vd.EnumerateArray())
            {
                var dp = $"{path}.visitDays[{i++}]";
                if (f.NumberAt(d, dp, PopulationFields.VisitDay) is not { } day) continue;
                if (!(day > 0)) f.Error(dp, $"{Fmt(day)}: a visit day must lie after day 0 (day 0 is always read: the baseline)");
                else if (span is { } s && day > s + 1e-9) f.Error(dp, $"{Fmt(day)} is after the end of the run (allowed range (0, {Fmt(s)}])");
                else if (days.Count > 0 && day <= days[^1]) f.Error(dp, $"{Fmt(day)} is not after the previous visit ({Fmt(days[^1])}); visits must be ascending and unique");
                else days.Add(day);
            }
        }
        if (ok && endpoints is not null)
        {
            for (var k = 0; k < endpoints.Count; k++)
                if (endpoints[k].Defined is { Kind.Name: "countOnDay" } d && d.Arguments[0] > 1e-9 && !days.Any(v => Math.Abs(v - d.Arguments[0]) < 1e-9))
                    f.Error($"$.endpoints[{k}].day", $"{Fmt(d.Arguments[0])} is not a visit day of measurement.visitDays; a measured count is read only at a visit");
        }
        return ok && cv is not null && source is not null ? new CountMeasurement(cv.Value, days, source) : null;
    }

    /// <summary>
    /// <c>arms</c>: 1–<see cref="MaxArms"/> arms, each { "name", "description", and "placebo": true, or its own "doses"
    /// and/or "titration" in the scenario format (replacing the scenario's), or neither (the scenario's regimen);
    /// "published": [ { "statistic", "stratum", "published": { … } } ] }.
    /// </summary>
    private static IReadOnlyList<TrialArm>? ReadArms(JsonElement ar, Scenario scenario, string scenarioJson, string? scenarioDirectory,
        IReadOnlyList<PopulationEndpoint>? endpoints, JsonElement endpointsElement, string[] strata, Action<string, string> error)
    {
        const string path = "$.arms";
        var ok = true;
        void Fail(string p, string m) { ok = false; error(p, m); }
        if (ar.ValueKind != JsonValueKind.Array || ar.GetArrayLength() is 0 or > MaxArms)
        {
            Fail(path, $"expected a list of 1–{MaxArms} arms, each {{ \"name\", and \"placebo\": true or its own \"doses\" / \"titration\" (none: the scenario's regimen), \"published\": [ … ] }}");
            return null;
        }
        // With arms, a published value belongs to an arm and stratum: a top-level one would be ambiguous.
        if (endpointsElement.ValueKind == JsonValueKind.Array)
        {
            var k = 0;
            foreach (var item in endpointsElement.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("published", out _))
                    Fail($"$.endpoints[{k}].published", "with arms, give published values in each arm's \"published\" list, by stratum");
                k++;
            }
        }
        var arms = new List<TrialArm>();
        var i = 0;
        foreach (var a in ar.EnumerateArray())
        {
            var apath = $"{path}[{i++}]";
            if (a.ValueKind != JsonValueKind.Object) { Fail(apath, "expected an arm object { \"name\", … }"); continue; }
            foreach (var (p, m) in Scenarios.JsonInput.UnknownFields(a, apath, ArmFields)) Fail(p, m);
            var name = a.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : null;
            if (name is null || name.Length is 0 or > 40 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                Fail($"{apath}.name", "required: 1–40 letters, digits, '-' or '_' (it names the arm's output folder)");
                continue;
            }
            if (arms.Any(x => x.Name == name)) { Fail($"{apath}.name", $"\"{name}\" is used by another arm"); continue; }
            var placebo = false;
            if (a.TryGetProperty("placebo", out var pl))
            {
                var bad = false;
                placebo = new JsonFieldReader((p, m) => { bad = true; Fail(p, m); }).Flag(a, apath, "placebo");
                if (bad) continue;
            }
            var hasDoses = a.TryGetProperty("doses", out var doses);
            var hasTitration = a.TryGetProperty("titration", out var titration);
            if (placebo && (hasDoses || hasTitration)) { Fail($"{apath}.placebo", "a placebo arm gives no drug; drop its doses and titration"); continue; }

            // The arm's scenario: the base scenario's text with its doses and titration replaced, read by the scenario parser.
            var node = System.Text.Json.Nodes.JsonNode.Parse(scenarioJson)!.AsObject();
            var keeps = !placebo && !hasDoses && !hasTitration;
            if (!keeps)
            {
                node.Remove("doses");
                node.Remove("titration");
                if (hasDoses) node["doses"] = System.Text.Json.Nodes.JsonNode.Parse(doses.GetRawText());
                if (hasTitration) node["titration"] = System.Text.Json.Nodes.JsonNode.Parse(titration.GetRawText());
            }
            var parsed = keeps ? null : ScenarioParser.Parse(node.ToJsonString(), scenarioDirectory);
            if (parsed is { Succeeded: false })
            {
                foreach (var e in parsed.Errors) Fail(apath + e.Path[1..], e.Message);
                continue;
            }
            var armScenario = parsed?.Value ?? scenario;
            var regimen = placebo ? "placebo (no drug)" : keeps ? $"the scenario's regimen: {RegimenText(scenario)}" : RegimenText(armScenario);
            var published = ReadArmPublished(a, apath, endpoints, strata, error, ref ok);
            arms.Add(new TrialArm(name, regimen, armScenario.Doses, armScenario.Titration, published) { KeepsRegimen = keeps });
        }
        return ok ? arms : null;
    }

    /// <summary>"titration romiplostim-itp-label from 1", "doses of eltrombopag", or "no drug".</summary>
    private static string RegimenText(Scenario s)
    {
        if (s.Titration is { } t) return $"titration {t.Policy}" + (t.StartDose is { } d ? $" from {Fmt(d)}" : "");
        return s.Doses.Count > 0 ? $"doses of {string.Join(", ", s.Doses.Select(d => d.Drug).Distinct())}" : "no drug";
    }

    private static IReadOnlyList<ArmPublished> ReadArmPublished(JsonElement arm, string apath, IReadOnlyList<PopulationEndpoint>? endpoints, string[] strata,
        Action<string, string> error, ref bool ok)
    {
        var list = new List<ArmPublished>();
        if (!arm.TryGetProperty("published", out var pub)) return list;
        var ppath = $"{apath}.published";
        if (pub.ValueKind != JsonValueKind.Array) { ok = false; error(ppath, "expected a list of { \"statistic\", \"stratum\", \"published\": { \"value\", \"low\", \"high\", \"text\" } }"); return list; }
        if (endpoints is null) { ok = false; error(ppath, "needs $.endpoints: a published value belongs to a declared endpoint"); return list; }
        var j = 0;
        foreach (var item in pub.EnumerateArray())
        {
            var ipath = $"{ppath}[{j++}]";
            if (item.ValueKind != JsonValueKind.Object) { ok = false; error(ipath, "expected { \"statistic\", \"stratum\", \"published\": { … } }"); continue; }
            CheckFields(item, ipath, ArmPublishedFields, error);
            var statistic = item.TryGetProperty("statistic", out var st) && st.ValueKind == JsonValueKind.String ? st.GetString()! : null;
            var endpoint = statistic is null ? null : endpoints.FirstOrDefault(e => e.Statistic == statistic);
            if (endpoint is null)
            {
                ok = false;
                error($"{ipath}.statistic", $"{(st.ValueKind == JsonValueKind.Undefined ? "missing" : st.GetRawText() + " is not")} an endpoint of $.endpoints; allowed: {string.Join(", ", endpoints.Select(e => e.Statistic))}");
                continue;
            }
            var stratum = "all";
            if (item.TryGetProperty("stratum", out var sk))
            {
                stratum = sk.ValueKind == JsonValueKind.String ? sk.GetString()! : "";
                if (!strata.Contains(stratum, StringComparer.Ordinal))
                {
                    ok = false;
                    error($"{ipath}.stratum", $"{sk.GetRawText()} is not a stratum of this population; allowed: {string.Join(", ", strata)}");
                    continue;
                }
            }
            if (list.Any(x => x.Statistic == statistic && x.Stratum == stratum)) { ok = false; error(ipath, $"\"{statistic}\" in stratum \"{stratum}\" is given twice"); continue; }
            if (!item.TryGetProperty("published", out var value)) { ok = false; error($"{ipath}.published", "missing: { \"value\", \"low\", \"high\", \"text\" }"); continue; }
            var p = ReadPublished(value, $"{ipath}.published", error, ref ok);
            if (p is null) continue;
            if (endpoint.Unit == "fraction" && !(p.Value <= 1 && (p.High ?? 0) <= 1)) { ok = false; error($"{ipath}.published", "a fraction is a share in [0, 1] (0.59, not 59)"); continue; }
            list.Add(new ArmPublished(statistic!, stratum, p));
        }
        return list;
    }

    /// <summary>
    /// <c>endpoints</c>: a list of statistic names, or of { "statistic", "published": { "value", "low", "high", "text" } };
    /// each statistic once; a published fraction and its interval in [0, 1], low ≤ value ≤ high.
    /// </summary>
    private static IReadOnlyList<PopulationEndpoint>? ReadEndpoints(JsonElement ep, double? days, Action<string, string> error)
    {
        const string path = "$.endpoints";
        var allowed = $"allowed: {string.Join(", ", PopulationMetrics.Names)}, or {{ \"name\", \"kind\": {string.Join("|", EndpointKinds.All.Select(k => k.Name))}, … }}";
        if (ep.ValueKind != JsonValueKind.Array || ep.GetArrayLength() == 0)
        {
            error(path, $"expected a non-empty list of statistics ({allowed}), each a name or {{ \"statistic\": name, \"published\": {{ \"value\", \"low\", \"high\", \"text\" }} }}");
            return null;
        }
        var list = new List<PopulationEndpoint>();
        var ok = true;
        var i = 0;
        foreach (var item in ep.EnumerateArray())
        {
            // The item's path (where "published" sits) and the path of its statistic's name: the item itself for a bare name.
            var itemPath = $"{path}[{i++}]";
            var namePath = itemPath;
            JsonElement nameElement = item;
            PublishedEndpoint? published = null;
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("kind", out _))
            {
                // An endpoint defined by its kind and parameters (EndpointKinds), a share of subjects.
                if (ReadDefined(item, itemPath, days, error) is not { } defined) { ok = false; continue; }
                if (list.Any(e => e.Statistic == defined.Name)) { ok = false; error($"{itemPath}.name", $"\"{defined.Name}\" is listed twice"); continue; }
                var p = item.TryGetProperty("published", out var dp) ? ReadPublished(dp, $"{itemPath}.published", error, ref ok) : null;
                if (p is not null && !(p.Value <= 1 && (p.High ?? 0) <= 1)) { ok = false; error($"{itemPath}.published", "a fraction is a share in [0, 1] (0.59, not 59)"); continue; }
                list.Add(new PopulationEndpoint(defined.Name, p) { Defined = defined });
                continue;
            }
            if (item.ValueKind == JsonValueKind.Object)
            {
                CheckFields(item, itemPath, EndpointFields, error);
                namePath = $"{itemPath}.statistic";
                if (!item.TryGetProperty("statistic", out nameElement)) { ok = false; error(namePath, $"missing; {allowed}"); continue; }
                if (item.TryGetProperty("published", out var pub)) published = ReadPublished(pub, $"{itemPath}.published", error, ref ok);
            }
            var name = nameElement.ValueKind == JsonValueKind.String ? nameElement.GetString()! : null;
            var unit = name is null ? null : PopulationMetrics.UnitOf(name);
            if (unit is null) { ok = false; error(namePath, $"{nameElement.GetRawText()} is not a statistic; {allowed}"); continue; }
            if (list.Any(e => e.Statistic == name)) { ok = false; error(namePath, $"\"{name}\" is listed twice"); continue; }
            if (published is not null && unit == "fraction" && !(published.Value <= 1 && (published.High ?? 0) <= 1))
            {
                ok = false;
                error($"{itemPath}.published", $"a fraction is a share in [0, 1] (0.59, not 59)");
                continue;
            }
            list.Add(new PopulationEndpoint(name!, published));
        }
        return ok ? list : null;
    }

    /// <summary>
    /// { "name", "kind", the kind's parameters, "published" }: the kind looked up in <see cref="EndpointKinds.All"/>, each
    /// parameter range-checked by its own record (a day also inside the simulated span), defaults filled in.
    /// </summary>
    private static DefinedEndpoint? ReadDefined(JsonElement item, string path, double? days, Action<string, string> error)
    {
        var ok = true;
        void Fail(string p, string m) { ok = false; error(p, m); }
        var kinds = string.Join(", ", EndpointKinds.All.Select(k => k.Name));
        var kindName = item.GetProperty("kind") is { ValueKind: JsonValueKind.String } kn ? kn.GetString() : null;
        if (EndpointKinds.All.FirstOrDefault(k => k.Name == kindName) is not { } kind)
        {
            Fail($"{path}.kind", $"{item.GetProperty("kind").GetRawText()} is not an endpoint kind; allowed: {kinds}");
            return null;
        }
        var fields = new[] { "name", "kind", "published" }.Concat(kind.Parameters.Select(p => p.Name)).ToArray();
        foreach (var (p, m) in Scenarios.JsonInput.UnknownFields(item, path, fields)) Fail(p, m);
        var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : null;
        if (name is null || name.Length is 0 or > 40 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            Fail($"{path}.name", "required: the endpoint's name, 1–40 letters, digits or '_'");
        else if (PopulationMetrics.UnitOf(name) is not null)
            Fail($"{path}.name", $"\"{name}\" is a statistic's name; give the defined endpoint its own");
        var arguments = new double[kind.Parameters.Count];
        for (var k = 0; k < arguments.Length; k++)
        {
            var parameter = kind.Parameters[k];
            var ppath = $"{path}.{parameter.Name}";
            var max = parameter.Unit == "days" && days is { } span ? Math.Min(parameter.Maximum, span) : parameter.Maximum;
            // A day past the simulated span is out of range for this file, which the unit says.
            var spec = PopulationFields.Of(parameter, max);
            if (max < parameter.Maximum) spec = spec with { Unit = spec.Unit + " (the simulated span)" };
            var reader = new JsonFieldReader(Fail);
            if ((spec.Kind == FieldKind.Integer ? reader.Integer(item, path, spec) : reader.Number(item, path, spec)) is { } x) arguments[k] = x;
            else if (parameter.Default is { } d && !item.TryGetProperty(parameter.Name, out _)) arguments[k] = d;
        }
        // A window runs forwards.
        var from = kind.Parameters.ToList().FindIndex(p => p.Name == "fromDay");
        var to = kind.Parameters.ToList().FindIndex(p => p.Name == "toDay");
        if (ok && from >= 0 && to >= 0 && arguments[from] > arguments[to]) Fail($"{path}.toDay", $"{Fmt(arguments[to])} is before fromDay {Fmt(arguments[from])}");
        // The kind's own check across its arguments (e.g. a chemotherapy cycle that starts inside the run).
        if (ok && kind.Check?.Invoke(arguments, days) is { } problem) Fail(path, problem);
        return ok ? new DefinedEndpoint(name!, kind, arguments) : null;
    }

    private static PublishedEndpoint? ReadPublished(JsonElement pub, string path, Action<string, string> error, ref bool ok)
    {
        if (pub.ValueKind != JsonValueKind.Object) { ok = false; error(path, "expected { \"value\": number, \"low\": number, \"high\": number, \"text\": \"what the paper reports\" }"); return null; }
        var good = true;
        var f = new JsonFieldReader((p, m) => { good = false; error(p, m); });
        f.CheckFields(pub, path, PopulationFields.Published);
        var value = f.Number(pub, path, PopulationFields.Published["value"]);
        var low = f.Number(pub, path, PopulationFields.Published["low"]);
        var high = f.Number(pub, path, PopulationFields.Published["high"]);
        var text = f.String(pub, path, PopulationFields.Published["text"]);
        if (!good || value is null || text is null) { ok = false; return null; }
        if ((low is { } l && l > value) || (high is { } h && h < value)) { ok = false; error(path, $"needs low ≤ value ≤ high"); return null; }
        return new PublishedEndpoint(value.Value, low, high, text);
    }

    /// <summary>
    /// <c>covariates.splenectomisedPhenotype</c>: { "shifts": [ { "parameter", "factor", "source" } ], "source" }; each
    /// parameter known and listed once, its factor in [0.1, 10], its source a non-empty text, and its shifted typical
    /// value (splenectomised) inside the parameter's range.
    /// </summary>
    private static StratumPhenotype? ReadPhenotype(JsonElement ph, Scenario? scenario, bool drawsSplenectomy, Action<string, string> error)
    {
        const string path = "$.covariates.splenectomisedPhenotype";
        var ok = true;
        void Fail(string p, string m) { ok = false; error(p, m); }
        if (ph.ValueKind != JsonValueKind.Object)
        {
            Fail(path, "expected { \"shifts\": [ { \"parameter\", \"factor\", \"source\" } ], \"source\" }");
            return null;
        }
        new JsonFieldReader(Fail).CheckFields(ph, path, PopulationFields.Phenotype);
        if (!drawsSplenectomy) Fail(path, "needs covariates.splenectomisedFraction (the stratum it shifts)");
        string? source = null;
        if (ph.TryGetProperty("source", out var src))
        {
            if (src.ValueKind != JsonValueKind.String) Fail(path + ".source", "expected a text");
            else source = src.GetString();
        }
        var shifts = new List<PhenotypeShift>();
        if (!ph.TryGetProperty("shifts", out var arr) || arr.ValueKind != JsonValueKind.Array || arr.GetArrayLength() is 0 or > MaxPhenotypeShifts)
        {
            Fail(path + ".shifts", $"required: a list of 1–{MaxPhenotypeShifts} {{ \"parameter\", \"factor\" ({Fmt(StratumPhenotype.MinFactor)}–{Fmt(StratumPhenotype.MaxFactor)}), \"source\" }}");
            return null;
        }
        var i = 0;
        foreach (var item in arr.EnumerateArray())
        {
            var p = $"{path}.shifts[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) { Fail(p, "expected { \"parameter\", \"factor\", \"source\" }"); continue; }
            new JsonFieldReader(Fail).CheckFields(item, p, PopulationFields.Shift);
            var name = item.TryGetProperty("parameter", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var range = name is null ? null : Simulator.RangeOf(name, scenario?.Core);
            if (name is null) Fail(p + ".parameter", "required: a parameter name from 'tposim parameters'");
            else if (range is null) Fail(p + ".parameter", $"unknown parameter '{name}'; see 'tposim parameters'");
            else if (shifts.Any(x => x.Parameter == name)) Fail(p + ".parameter", $"'{name}' is shifted twice; list each parameter once");
            var factor = new JsonFieldReader(Fail).Number(item, p, PopulationFields.Shift["factor"]);
            var text = item.TryGetProperty("source", out var s2) && s2.ValueKind == JsonValueKind.String ? s2.GetString() : null;
            if (string.IsNullOrWhiteSpace(text)) Fail(p + ".source", "required: a citation, or \"assumed: \" and why");
            if (name is null || range is null || factor is null || text is null || scenario is null) continue;
            var typical = Simulator.DeclaredValue(scenario, name);
            if (typical is null) { Fail(p + ".parameter", $"'{name}' is a parameter of a drug the base scenario does not dose"); continue; }
            var shifted = typical.Value * factor.Value;
            if (!(shifted >= range.Value.Minimum && shifted <= range.Value.Maximum))
                Fail(p + ".factor", $"{Fmt(typical.Value)} × {Fmt(factor.Value)} = {Fmt(shifted)} is outside '{name}''s range [{Fmt(range.Value.Minimum)}, {Fmt(range.Value.Maximum)}]");
            else shifts.Add(new PhenotypeShift(name, factor.Value, text));
        }
        return ok ? new StratumPhenotype(shifts, source) : null;
    }

    private static ChildPughMix? ReadChildPugh(JsonElement cp, Scenario? scenario, Action<string, string> error)
    {
        const string path = "$.covariates.childPugh";
        if (cp.ValueKind != JsonValueKind.Object)
        {
            error(path, "expected { \"A\": share, \"B\": share, \"C\": share } with shares in [0, 1] summing to 1");
            return null;
        }
        var shares = new Dictionary<string, double> { ["A"] = 0, ["B"] = 0, ["C"] = 0 };
        var ok = true;
        var f = new JsonFieldReader((p, m) => { ok = false; error(p, m); });
        foreach (var p in cp.EnumerateObject())
        {
            if (!shares.ContainsKey(p.Name)) { f.Error($"{path}.{p.Name}", "unknown class; allowed: A, B, C"); continue; }
            if (f.NumberAt(p.Value, $"{path}.{p.Name}", PopulationFields.ChildPughShare) is { } share) shares[p.Name] = share;
        }
        if (!ok) return null;
        var sum = shares.Values.Sum();
        if (Math.Abs(sum - 1) > 1e-6)
        {
            error(path, $"the shares sum to {Fmt(sum)}; they must sum to 1");
            return null;
        }
        if (scenario is not null && !scenario.Conditions.Any(c => c.Name == Conditions.ConditionCatalog.ChronicLiverDisease.Name))
        {
            error(path, "the base scenario has no chronicLiverDisease condition; Child-Pugh classes set its severity");
            return null;
        }
        return new ChildPughMix(shares["A"], shares["B"], shares["C"]);
    }

    private static InclusionCriteria? ReadInclusion(JsonElement inc, bool splenectomyDrawn, Action<string, string> error)
    {
        const string path = "$.inclusion";
        if (inc.ValueKind != JsonValueKind.Object)
        {
            error(path, "expected { \"baselinePlatelets\": { \"min\"|\"above\": N, \"max\"|\"below\": N } }");
            return null;
        }
        var ok = true;
        void Fail(string p, string m) { ok = false; error(p, m); }
        var f = new JsonFieldReader(Fail);
        f.CheckFields(inc, path, PopulationFields.Inclusion);
        var maxScreened = f.Integer(inc, path, PopulationFields.Inclusion["maxScreenedPerSubject"]) ?? InclusionCriteria.DefaultMaxScreenedPerSubject;
        var share = f.Number(inc, path, PopulationFields.Inclusion["splenectomisedShare"]);
        if (share is not null && !splenectomyDrawn)
        {
            Fail($"{path}.splenectomisedShare", "needs covariates.splenectomisedFraction (the candidates' share) to enrol by stratum");
            share = null;
        }
        ScreeningVisits? screening = null;
        if (inc.TryGetProperty("screening", out var sv))
        {
            var spath = $"{path}.screening";
            if (sv.ValueKind != JsonValueKind.Object)
                Fail(spath, $"expected {{ \"counts\": 1–{ScreeningVisits.MaxCounts}, \"intervalDays\": 1–{Fmt(ScreeningVisits.MaxIntervalDays)} }}");
            else
            {
                f.CheckFields(sv, spath, PopulationFields.Screening);
                var counts = f.Integer(sv, spath, PopulationFields.Screening["counts"]);
                var interval = f.Number(sv, spath, PopulationFields.Screening["intervalDays"]);
                if (ok && counts is { } c && interval is { } d) screening = new ScreeningVisits(c, d);
            }
        }
        if (!inc.TryGetProperty("baselinePlatelets", out var bp) || bp.ValueKind != JsonValueKind.Object)
        {
            Fail($"{path}.baselinePlatelets", "required: an object with 'min' (or 'above') and/or 'max' (or 'below'), 10⁹/L");
            return null;
        }
        var bpath = $"{path}.baselinePlatelets";
        f.CheckFields(bp, bpath, PopulationFields.Bounds);
        var min = f.Number(bp, bpath, PopulationFields.Bounds["min"]);
        var above = f.Number(bp, bpath, PopulationFields.Bounds["above"]);
        var max = f.Number(bp, bpath, PopulationFields.Bounds["max"]);
        var below = f.Number(bp, bpath, PopulationFields.Bounds["below"]);
        if (!ok) return null;
        if (min is not null && above is not null) Fail($"{bpath}.above", "give either 'min' (inclusive) or 'above' (exclusive), not both");
        if (max is not null && below is not null) Fail($"{bpath}.below", "give either 'max' (inclusive) or 'below' (exclusive), not both");
        if (min is null && above is null && max is null && below is null) Fail(bpath, "no bound given; allowed: min, above, max, below");
        var lower = min ?? above;
        var upper = max ?? below;
        if (ok && lower is { } lo && upper is { } hi && !(lo < hi)) Fail(bpath, $"empty range: the lower bound {Fmt(lo)} is not below the upper bound {Fmt(hi)}");
        IReadOnlyList<BaselineStratum> strata = [];
        if (inc.TryGetProperty("baselineStrata", out var bs))
        {
            if (ReadBaselineStrata(bs, $"{path}.baselineStrata", error) is { } read) strata = read;
            else ok = false;
        }
        return ok ? new InclusionCriteria(lower, above is not null, upper, below is not null, maxScreened, share) { Screening = screening, BaselineStrata = strata } : null;
    }

    /// <summary>
    /// <c>inclusion.baselineStrata</c>: 1–<see cref="MaxBaselineStrata"/> objects { "name", "min"|"above", "max"|"below" }
    /// (10⁹/L, at least one bound); names are letters and digits, unique and none of the covariate strata's. Null after an error.
    /// </summary>
    private static IReadOnlyList<BaselineStratum>? ReadBaselineStrata(JsonElement bs, string path, Action<string, string> error)
    {
        if (bs.ValueKind != JsonValueKind.Array || bs.GetArrayLength() is 0 or > MaxBaselineStrata)
        {
            error(path, $"expected an array of 1–{MaxBaselineStrata} {{ \"name\", \"min\"|\"above\", \"max\"|\"below\" }} (10⁹/L)");
            return null;
        }
        string[] reserved = ["all", "splenectomised", "notSplenectomised", "childPughA", "childPughB", "childPughC"];
        var strata = new List<BaselineStratum>();
        var ok = true;
        void Fail(string p, string m) { ok = false; error(p, m); }
        var i = 0;
        foreach (var e in bs.EnumerateArray())
        {
            var p = $"{path}[{i++}]";
            if (e.ValueKind != JsonValueKind.Object) { Fail(p, "expected { \"name\", \"min\"|\"above\", \"max\"|\"below\" }"); continue; }
            foreach (var (fp, m) in Scenarios.JsonInput.UnknownFields(e, p, BaselineStratumFields)) Fail(fp, m);
            var name = e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : null;
            if (name is null || name.Length is 0 or > 40 || !name.All(char.IsAsciiLetterOrDigit))
                Fail($"{p}.name", "required: 1–40 letters or digits (it names the stratum in tables and arms[].published[].stratum)");
            else if (reserved.Contains(name) || strata.Any(x => x.Key == name))
                Fail($"{p}.name", $"'{name}' is taken; the names must be unique and not one of: {string.Join(", ", reserved)}");
            double? Bound(string f)
            {
                if (!e.TryGetProperty(f, out var v)) return null;
                if (v.ValueKind == JsonValueKind.Number && v.GetDouble() is >= 0 and <= 5000) return v.GetDouble();
                Fail($"{p}.{f}", $"{v.GetRawText()} is outside the allowed range [0, 5000] ×10⁹/L");
                return null;
            }
            var min = Bound("min");
            var above = Bound("above");
            var max = Bound("max");
            var below = Bound("below");
            if (min is not null && above is not null) Fail($"{p}.above", "give either 'min' (inclusive) or 'above' (exclusive), not both");
            if (max is not null && below is not null) Fail($"{p}.below", "give either 'max' (inclusive) or 'below' (exclusive), not both");
            if (!new[] { "min", "above", "max", "below" }.Any(f => e.TryGetProperty(f, out _))) Fail(p, "no bound given; allowed: min, above, max, below");
            var lower = min ?? above;
            var upper = max ?? below;
            if (lower is { } lo && upper is { } hi && !(lo < hi)) Fail(p, $"empty range: the lower bound {Fmt(lo)} is not below the upper bound {Fmt(hi)}");
            if (ok && name is not null) strata.Add(new BaselineStratum(name, new InclusionCriteria(lower, above is not null, upper, below is not null)));
        }
        return ok ? strata : null;
    }

    /// <summary>
    /// <c>rescue</c>: { "simulate": true (default) | false, "blockFraction": 0–1, "durationDays": 1–365, "source": text }.
    /// Null when rescue is only counted (simulate false) or after an error. Simulated rescue blocks the ITP condition's
    /// antibody-mediated removal, so it needs an itp condition in the base scenario.
    /// </summary>
    private static Policies.RescueTherapy? ReadRescue(JsonElement rs, Scenario? scenario, ResponseDefinition response, Action<string, string> error)
    {
        const string path = "$.rescue";
        if (rs.ValueKind != JsonValueKind.Object)
        {
            error(path, $"expected an object with any of: {string.Join(", ", PopulationFields.Rescue.Names)}");
            return null;
        }
        var ok = true;
        var f = new JsonFieldReader((p, m) => { ok = false; error(p, m); });
        f.CheckFields(rs, path, PopulationFields.Rescue);
        // Present without "simulate", the block asks for simulated rescue: that is what it is for.
        var simulate = !rs.TryGetProperty("simulate", out _) || f.Flag(rs, path, "simulate");
        var fraction = f.Number(rs, path, PopulationFields.Rescue["blockFraction"]) ?? Policies.RescueTherapy.DefaultBlockFraction;
        var duration = f.Number(rs, path, PopulationFields.Rescue["durationDays"]) ?? Policies.RescueTherapy.DefaultDurationDays;
        if (f.String(rs, path, PopulationFields.Rescue["source"]) is { } source && string.IsNullOrWhiteSpace(source))
            f.Error($"{path}.source", "must not be empty: cite where the values come from (or \"assumed: \" and why)");
        if (ok && simulate && scenario is not null && !scenario.Conditions.Any(c => c.Name == Conditions.ConditionCatalog.Itp.Name))
            f.Error($"{path}.simulate", "simulated rescue blocks the ITP condition's antibody-mediated removal, but the base scenario has no itp condition; set \"simulate\": false or drop the block");
        if (!ok || !simulate || scenario is null) return null;
        return new Policies.RescueTherapy(response.RescueBelow, response.LastWeekFor(scenario.Days), fraction, duration);
    }

    private static ResponseDefinition? ReadResponse(JsonElement rw, Action<string, string> error)
    {
        const string path = "$.responseWindow";
        if (rw.ValueKind != JsonValueKind.Object)
        {
            error(path, $"expected an object with any of: {string.Join(", ", PopulationFields.Response.Names)}");
            return null;
        }
        var ok = true;
        var f = new JsonFieldReader((p, m) => { ok = false; error(p, m); });
        f.CheckFields(rw, path, PopulationFields.Response);
        // A field left out takes its default (the spec's, which is ResponseDefinition.Default's).
        double Num(string field) => f.Number(rw, path, PopulationFields.Response[field]) ?? (double)PopulationFields.Response[field].Default!;
        int Int(string field) => f.Integer(rw, path, PopulationFields.Response[field]) ?? (int)(double)PopulationFields.Response[field].Default!;
        var r = new ResponseDefinition(
            Num("threshold"),
            Int("firstWeek"),
            f.Integer(rw, path, PopulationFields.Response["lastWeek"]),
            Int("durableWeeks"),
            Int("durableMinResponses"),
            Int("transientMinResponses"),
            Num("rescueBelow"),
            Int("rescueExclusionWeeks"),
            Num("rangeLow"),
            Num("rangeHigh"),
            Num("eventAbove"));
        if (ok && r.DurableMinResponses > r.DurableWeeks) { ok = false; error($"{path}.durableMinResponses", $"{r.DurableMinResponses} exceeds durableWeeks {r.DurableWeeks}"); }
        if (ok && !(r.RangeLow < r.RangeHigh)) { ok = false; error($"{path}.rangeHigh", $"{Fmt(r.RangeHigh)} must be above rangeLow {Fmt(r.RangeLow)}"); }
        if (ok && r.LastWeek is { } lw && lw < r.FirstWeek) { ok = false; error($"{path}.lastWeek", $"{lw} is before firstWeek {r.FirstWeek}"); }
        return ok ? r : null;
    }

    /// <summary>
    /// <c>variability[i].nonResponderFraction</c>: absent → 0; else a number in [0, 1], allowed only on a parameter whose
    /// range holds 0 (a drug's efficacy: a non-responder's value is 0). Null after an error.
    /// </summary>
    private static double? ReadNonResponderFraction(JsonElement v, string path, (double Minimum, double Maximum, string Unit)? range, Action<string, string> error)
    {
        if (!v.TryGetProperty("nonResponderFraction", out var f)) return 0;
        var p = path + ".nonResponderFraction";
        if (f.ValueKind != JsonValueKind.Number || !(f.GetDouble() is >= 0 and <= 1))
        {
            error(p, $"{f.GetRawText()} is outside the allowed range [0, 1]");
            return null;
        }
        if (range is { } r && f.GetDouble() > 0 && !(r.Minimum <= 0 && r.Maximum >= 0))
        {
            error(p, $"a non-responder's value is 0, outside this parameter's range [{Fmt(r.Minimum)}, {Fmt(r.Maximum)}]; allowed only on a parameter whose range holds 0, e.g. a drug's efficacy (lusutrombopagEfficacy)");
            return null;
        }
        return f.GetDouble();
    }

    private static double? SafeValue(Scenario scenario, string name)
    {
        if (name == ChemotherapyKillRate.Name) return ChemotherapyKillRate.TypicalValue(scenario);
        try { return Simulator.DeclaredValue(scenario, name); }
        catch (ArgumentException) { return null; }
    }

    private static double[,]? ReadCorrelation(JsonElement corr, int n, Action<string, string> error)
    {
        const string path = "$.correlation";
        if (corr.ValueKind != JsonValueKind.Array || corr.GetArrayLength() != n)
        {
            error(path, $"expected a {n}×{n} array of rows in the order of $.variability");
            return null;
        }
        var r = new double[n, n];
        var i = 0;
        foreach (var row in corr.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != n)
            {
                error($"{path}[{i}]", $"expected a row of {n} numbers");
                return null;
            }
            var j = 0;
            foreach (var x in row.EnumerateArray())
            {
                if (new JsonFieldReader(error).NumberAt(x, $"{path}[{i}][{j}]", PopulationFields.Correlation) is not { } rij) return null;
                r[i, j++] = rij;
            }
            i++;
        }
        for (i = 0; i < n; i++)
        {
            if (r[i, i] != 1)
            {
                error($"{path}[{i}][{i}]", $"{Fmt(r[i, i])} on the diagonal; a correlation matrix has 1 there");
                return null;
            }
            for (var j = 0; j < i; j++)
            {
                if (Math.Abs(r[i, j] - r[j, i]) > 1e-12)
                {
                    error($"{path}[{i}][{j}]", $"{Fmt(r[i, j])} differs from [{j}][{i}] = {Fmt(r[j, i])}; the matrix must be symmetric");
                    return null;
                }
            }
        }
        if (!CorrelatedNormal.IsPositiveDefinite(r))
        {
            error(path, "not positive definite (no Cholesky factor); the matrix must be symmetric positive definite");
            return null;
        }
        return r;
    }

    private static WeightDistribution? ReadWeight(JsonElement w, Action<string, string> error)
    {
        const string path = "$.covariates.weightKg";
        if (w.ValueKind != JsonValueKind.Object)
        {
            error(path, "expected { \"distribution\": \"normal\", \"mean\", \"sd\", \"min\", \"max\" } or { \"distribution\": \"logNormal\", \"median\", \"cv\", \"min\", \"max\" }");
            return null;
        }
        var ok = true;
        void Fail(string p, string m) { ok = false; error(p, m); }
        var f = new JsonFieldReader(Fail);
        f.CheckFields(w, path, PopulationFields.Weight);
        WeightDistributionKind kind;
        var kindText = f.Enum(w, path, PopulationFields.Weight["distribution"]);
        if (kindText == "normal") kind = WeightDistributionKind.Normal;
        else if (kindText == "logNormal") kind = WeightDistributionKind.LogNormal;
        else return null;
        double Number(string field) => f.Number(w, path, PopulationFields.Weight[field]) ?? double.NaN;
        var center = Number(kind == WeightDistributionKind.Normal ? "mean" : "median");
        var spread = Number(kind == WeightDistributionKind.Normal ? "sd" : "cv");
        var min = Number("min");
        var max = Number("max");
        if (ok && !(min < max)) Fail($"{path}.max", $"{Fmt(max)} must be greater than min {Fmt(min)}");
        if (ok && !(center >= min && center <= max)) Fail($"{path}", $"the {(kind == WeightDistributionKind.Normal ? "mean" : "median")} {Fmt(center)} must lie in [min, max] = [{Fmt(min)}, {Fmt(max)}] kg");
        return ok ? new WeightDistribution(kind, center, spread, min, max) : null;
    }

    private static void CheckFields(JsonElement obj, string path, string[] allowed, Action<string, string> error)
    {
        foreach (var (p, m) in Scenarios.JsonInput.UnknownFields(obj, path, allowed)) error(p, m);
    }
}
