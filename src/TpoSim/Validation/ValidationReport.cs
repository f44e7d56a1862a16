using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TpoSim.Output.Charts;

namespace TpoSim.Validation;

/// <summary>What <c>tposim validate</c> writes: the JSON array, the figures and the Markdown page docs/validation.md.</summary>
public static class ValidationReport
{
    /// <summary>The command that regenerates docs/validation.md and its figures (<see cref="ValidationPage.V1"/>).</summary>
    public static string RegenerateCommand => ValidationPage.V1.RegenerateCommand;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>File name of a case's figure, e.g. "V1.svg".</summary>
    public static string FigureFileName(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"{result.Id}.svg";
    }

    /// <summary>
    /// A JSON array with one object per case: id, title, published, simulated, tolerance, pass (false when pending),
    /// status (passed | failed | pending), reason (null unless pending or not simulated), source, and checks (metric,
    /// unit, published text and numbers, tolerance bounds, simulated value, pass, marginal).
    /// </summary>
    public static string Json(IReadOnlyList<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var array = new JsonArray();
        foreach (var r in results)
        {
            var checks = new JsonArray();
            foreach (var check in r.Case.Checks)
            {
                var outcome = r.Checks.FirstOrDefault(c => ReferenceEquals(c.Check, check));
                var t = check.Tolerance;
                checks.Add(new JsonObject
                {
                    ["metric"] = check.Metric.Name,
                    ["unit"] = check.Metric.Unit,
                    ["published"] = check.Published.Text,
                    ["publishedValue"] = check.Published.Value,
                    ["publishedLow"] = check.Published.Low,
                    ["publishedHigh"] = check.Published.High,
                    ["tolerance"] = check.Metric.ToleranceText(t),
                    ["lower"] = t.HasLower ? t.Lower : null,
                    ["lowerExclusive"] = t.LowerExclusive,
                    ["upper"] = t.HasUpper ? t.Upper : null,
                    ["upperExclusive"] = t.UpperExclusive,
                    ["simulated"] = outcome is not null && double.IsFinite(outcome.Value) ? outcome.Value : null,
                    ["pass"] = outcome?.Pass ?? false,
                    ["marginal"] = outcome?.IsMarginal ?? false,
                });
            }
            array.Add(new JsonObject
            {
                ["id"] = r.Id,
                ["kind"] = r.KindText,
                ["title"] = r.Title,
                ["published"] = r.PublishedText,
                ["simulated"] = r.SimulatedText,
                ["tolerance"] = r.ToleranceText,
                ["pass"] = r.Pass,
                ["status"] = r.StatusText,
                ["reason"] = r.Reason,
                ["source"] = r.Source,
                ["checks"] = checks,
            });
        }
        return array.ToJsonString(Indented) + "\n";
    }

    /// <summary>Writes one SVG per case that ran into <paramref name="directory"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteFigures(IReadOnlyList<CaseResult> results, string directory)
    {
        ArgumentNullException.ThrowIfNull(results);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var r in results)
        {
            if (ValidationFigureBuilder.Build(r) is not { } chart) continue;
            var path = Path.Combine(directory, FigureFileName(r));
            SvgChartRenderer.Save(chart, path);
            written.Add(path);
        }
        return written;
    }

    /// <summary>The figure of one case as SVG text, or null when the case did not run.</summary>
    public static string? FigureSvg(CaseResult result) => ValidationFigureBuilder.Build(result) is { } chart ? SvgChartRenderer.Render(chart) : null;

    /// <summary>One-line verdict: "pass", "pass (marginal)", "FAIL" or "pending: needs …".</summary>
    public static string Verdict(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            CaseStatus.Passed => result.IsMarginal ? "pass (marginal)" : "pass",
            CaseStatus.Failed => "FAIL",
            _ => $"pending: {result.Reason}",
        };
    }

    /// <summary>"9 passed, 0 failed, 5 pending".</summary>
    public static string Tally(IReadOnlyList<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return $"{results.Count(r => r.Status == CaseStatus.Passed)} passed, {results.Count(r => r.Status == CaseStatus.Failed)} failed, " +
               $"{results.Count(r => r.Status == CaseStatus.Pending)} pending";
    }

    /// <summary>"calibration: 6 passed, 2 failed, 0 pending; validation: 7 passed, 4 failed, 1 pending".</summary>
    public static string TallyByKind(IReadOnlyList<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return string.Join("; ", Enum.GetValues<CaseKind>().Select(k => $"{k.ToString().ToLowerInvariant()}: {Tally(results.Where(r => r.Kind == k).ToArray())}"));
    }

    /// <summary>
    /// A validation page (docs/validation.md, or <paramref name="page"/>'s): the table, the figures (linked under
    /// <paramref name="imagePrefix"/>, relative to docs/; no figures when null) and a discussion of each case with its
    /// margins. Deterministic for a given model.
    /// </summary>
    public static string Markdown(IReadOnlyList<CaseResult> results, string? imagePrefix, ValidationPage? page = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        page ??= ValidationPage.V1;
        var sb = new StringBuilder();
        sb.Append("# ").Append(page.Title).Append("\n\n");
        sb.Append("<!-- Generated; do not edit by hand. Regenerate with:\n     ").Append(page.RegenerateCommand).Append("\n-->\n\n");
        if (page.Introduction.Length > 0) sb.Append(page.Introduction).Append("\n\n");
        sb.Append("`tposim validate` runs published clinical observations as scenarios of the model, all with **one parameter set** ")
          .Append($"(the defaults of [{page.ParametersDoc}]({page.ParametersDoc})): a case chooses only its patient, condition, severity and procedures, ")
          .Append($"never a parameter value (the case file [`{page.CasesPath}`](../{page.CasesPath}) is rejected if it tries). ")
          .Append("Each case reads one or more metrics from the simulation and holds them to the tolerance of ")
          .Append("the shared validation targets. A case the model cannot run yet is *pending*: it is listed with what it needs and does not fail the run. ")
          .Append("A *population case* (a `population` block naming a file in `populations/`, a subject count and a seed) runs a virtual trial ")
          .Append("([population.md](population.md)) and is judged on population statistics such as response shares; its figure draws the typical ")
          .Append("subject over the population's percentile bands and states the statistics in its subtitle.\n\n");
        sb.Append("Regenerate this page and its figures with\n\n```bash\n").Append(page.RegenerateCommand).Append("\n```\n\n");
        sb.Append($"**Result: {TallyByKind(results)}.** A pass is called *marginal* when a value lies within {CheckResult.MarginalFraction * 100:0}% of the tolerance's width ")
          .Append("(or of a one-sided bound's magnitude) from its edge.\n\n");
        sb.Append("Every case is of one kind. A **calibration** case is one that `tposim calibrate` may fit: the shipped parameter set ")
          .Append($"([`{page.ParametersPath}`](../{page.ParametersPath})) is estimated on the calibration cases' metrics, so their fit says ")
          .Append("how well the model *can* match them. A **validation** case never tunes anything: it is a prediction of the shipped set, and only ")
          .Append("these say how far the model can be trusted where nobody calibrated it. Failing cases are reported as failing, never tuned away.\n\n");
        sb.Append(ToleranceRule).Append("\n\n");
        foreach (var kind in Enum.GetValues<CaseKind>())
        {
            var group = results.Where(r => r.Kind == kind).ToArray();
            if (group.Length == 0) continue;
            sb.Append(kind == CaseKind.Calibration ? "## Calibration fit\n\n" : "## Validation predictions\n\n");
            sb.Append($"{Tally(group)}.\n\n");
            sb.Append("| id | what | published | simulated | tolerance | result |\n|---|---|---|---|---|---|\n");
            foreach (var r in group)
                sb.Append($"| [{r.Id}](#{Anchor(r)}) | {Cell(r.Title)} | {Cell(r.PublishedText)} | {Cell(r.SimulatedText)} | {Cell(r.ToleranceText)} | {Cell(Verdict(r))} |\n");
            sb.Append('\n');
            foreach (var r in group) AppendCase(sb, r, imagePrefix);
        }
        AppendCaseFileFormat(sb);
        return sb.ToString();
    }

    /// <summary>How a tolerance is derived from what a paper reports (docs/validation.md and the case file's comment).</summary>
    public const string ToleranceRule =
        "**Tolerance rule.** A tolerance is two-sided and comes from the paper: for a mean of n subjects reported with its SD, " +
        "mean ± 1.96·SD/√n (the 95% interval of the mean); for a ratio of two such means (a fold over the paper's own controls, " +
        "so every fold uses that paper's assay and its normal), the ratio × exp(±1.96·√(CV₁² + CV₂²)) with CVᵢ = SDᵢ/(meanᵢ·√nᵢ); " +
        "for a share of responders k/n, the 95% Wilson score interval; where the paper gives only a range of individual values, that range. " +
        "Where a paper gives neither an SD nor a range (a one-sided statement such as \"TPO normal or high\"), the tolerance is the " +
        "one-sided statement and the case says so. `tposim calibrate` reads each two-sided tolerance as a 95% interval: " +
        "its centre is the published value (else the midpoint of the published range) and its σ is the width / 3.92.";

    private static string Anchor(CaseResult r) => $"{r.Id}-{r.Title}".ToLowerInvariant()
        .Where(ch => char.IsLetterOrDigit(ch) || ch is ' ' or '-').Aggregate(new StringBuilder(), (b, ch) => b.Append(ch == ' ' ? '-' : ch)).ToString();

    private static void AppendCase(StringBuilder sb, CaseResult r, string? imagePrefix)
    {
        sb.Append($"### {r.Id}: {r.Title}\n\n");
        sb.Append($"*Kind:* {r.KindText}. *Source:* {r.Source}. *Result:* **{Verdict(r)}**.\n\n");
        if (r.Case.BaselinePlatelets is { } bp && r.Context is not null)
            sb.Append($"The cohort's published mean count, {Tolerance.Number(bp)} ×10⁹/L, sets the severity: solved to {Tolerance.Number(r.Context.Result.Scenario.Conditions[0].Severity)}.\n\n");
        if (r.Status == CaseStatus.Pending || r.Checks.Count == 0)
        {
            sb.Append($"Published: {r.PublishedText}. Tolerance: {r.ToleranceText}.");
            if (r.Reason is not null) sb.Append($" Not run: {r.Reason}.");
            sb.Append("\n\n");
        }
        else
        {
            foreach (var c in r.Checks) sb.Append("- ").Append(CheckSentence(c)).Append('\n');
            sb.Append('\n');
        }
        if (r.Case.Discussion.Length > 0) sb.Append(r.Case.Discussion).Append("\n\n");
        if (imagePrefix is not null && r.Context is not null)
            sb.Append($"![{r.Id}: simulated against published]({imagePrefix.TrimEnd('/')}/{FigureFileName(r)})\n\n");
    }

    private static void AppendCaseFileFormat(StringBuilder sb)
    {
        sb.Append("## The case file\n\n");
        sb.Append("[`validation/cases.json`](../validation/cases.json) holds `cases`, each with `id`, `kind` (`calibration` or `validation`), `title`, `source` (citation), ")
          .Append("`scenario` (a scenario object in the format of [scenarios.md](scenarios.md), or a path such as `scenarios/x.json` relative to the repository root), ")
          .Append("`checks`, an optional `requires` (what the model lacks; the case is then pending and its scenario is kept but not run) and an optional `discussion` (the text above). ")
          .Append("A scenario may not set `patient.parameters` nor use `setParameter` events. ")
          .Append("An optional `baselinePlatelets` (the cohort's published mean count) solves the severity of the scenario's one condition so that the day-0 count equals it. ")
          .Append("Each check has a `metric`, a `published` object (`text` as published; optional `value`, `low`, `high` in the metric's unit, drawn in the figure) ")
          .Append("and a `tolerance` with `min` or `above` (inclusive or exclusive lower bound) and/or `max` or `below`. ")
          .Append("A `populationEndpoint` check also names the population file's declared `endpoint`, its `arm` (required when the file has arms) and its `stratum` (default `all`); ")
          .Append("a case with such a check runs every arm of the trial, once for all the cases of that file, seed and size. ")
          .Append("`tposim validate --cases FILE` runs another case file; every problem is reported with its JSON path, and exit code 2.\n\n");
        sb.Append("| metric | unit | what it reads |\n|---|---|---|\n");
        foreach (var m in ValidationMetrics.All)
        {
            sb.Append($"| `{m.Name}` | {(m.Unit.Length == 0 ? "—" : m.Unit)} | {m.Explanation} |\n");
        }
        sb.Append("\nExit codes: 0 when every runnable case passes, 1 when one fails, 2 for a bad case file or arguments. Pending cases never fail the run.\n");
    }

    private static string CheckSentence(CheckResult c)
    {
        var check = c.Check;
        var text = $"{Capitalise(check.Description)}: simulated {c.SimulatedText}; published {check.Published.Text}; tolerance {check.Metric.ToleranceText(check.Tolerance)}";
        if (!c.Pass) return text + $" — **outside** by {Tolerance.Number(-c.Margin)} {UnitWord(check)}.".Replace("  ", " ");
        if (!double.IsFinite(c.Margin) || double.IsInfinity(c.Margin)) return text + ".";
        var relative = check.Tolerance.RelativeMargin(c.Value);
        var share = double.IsFinite(relative) ? $" ({relative * 100:0}% of the {(check.Tolerance.HasLower && check.Tolerance.HasUpper ? "range" : "bound")})" : "";
        var verdict = c.IsMarginal ? " — **marginal**" : "";
        return text + $"; margin to the nearest bound {Tolerance.Number(c.Margin)} {UnitWord(check)}{share}{verdict}.".Replace("  ", " ");
    }

    private static string UnitWord(ValidationCheck check) => check.Metric.Unit switch
    {
        "×" => "(fold)",
        var u => u,
    };

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");
}
