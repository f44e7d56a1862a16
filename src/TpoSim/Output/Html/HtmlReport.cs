using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TpoSim.Output.Charts;
using static TpoSim.Output.Text.XmlText;

namespace TpoSim.Output.Html;

/// <summary>
/// Builds a self-contained HTML5 report (inline CSS and SVG; no scripts, external links or web fonts). The markup is
/// also well-formed XML (XHTML-compatible), all text is escaped, and the output is deterministic.
/// Figures and tables are numbered ("Figure 1.", "Table 1.") in order of addition.
/// </summary>
/// <example>
/// <code>
/// string html = new HtmlReport("ITP scenario")
///     .WithSubtitle("Romiplostim 1 µg/kg weekly")
///     .AddMetadata("Model", "TpoSim 0.1.0")
///     .AddSection("Results")
///     .AddParagraph("Platelets recover within two weeks.")
///     .AddFigure(svg, "Platelet count and TPO.")
///     .AddTable("Summary", ["Quantity", "Value"], [["Nadir", "23"]])
///     .WithFooter("Synthetic data.")
///     .Render();
/// </code>
/// </example>
public sealed partial class HtmlReport
{
    private readonly List<string> _blocks = [];
    private readonly List<(string Key, string Value)> _metadata = [];
    private bool _sectionOpen;
    private int _figures;
    private int _tables;

    /// <summary>Starts a report.</summary>
    /// <param name="title">Page title and main heading.</param>
    public HtmlReport(string title) => Title = title ?? "";

    /// <summary>Page title and main heading.</summary>
    public string Title { get; }

    /// <summary>Line under the title (null for none).</summary>
    public string? Subtitle { get; private set; }

    /// <summary>Note at the bottom of the page (null for none).</summary>
    public string? Footer { get; private set; }

    /// <summary>Prefix "Figure N." / "Table N." to captions (default true).</summary>
    public bool NumberCaptions { get; set; } = true;

    /// <summary>Sets the line under the title.</summary>
    /// <param name="subtitle">Text.</param>
    public HtmlReport WithSubtitle(string? subtitle) { Subtitle = subtitle; return this; }

    /// <summary>Sets the footer note.</summary>
    /// <param name="footer">Text.</param>
    public HtmlReport WithFooter(string? footer) { Footer = footer; return this; }

    /// <summary>Adds a key–value pair to the metadata block under the title (e.g. model version, run settings).</summary>
    /// <param name="key">Label.</param>
    /// <param name="value">Value.</param>
    public HtmlReport AddMetadata(string key, string value) { _metadata.Add((key ?? "", value ?? "")); return this; }

    /// <summary>Starts a new section with a level-2 heading; following content belongs to it.</summary>
    /// <param name="heading">Section heading.</param>
    public HtmlReport AddSection(string heading)
    {
        CloseSection();
        _blocks.Add("<section>\n<h2>" + Escape(heading) + "</h2>\n");
        _sectionOpen = true;
        return this;
    }

    /// <summary>Adds a level-3 heading inside the current section.</summary>
    /// <param name="text">Heading text.</param>
    public HtmlReport AddSubheading(string text) { _blocks.Add("<h3>" + Escape(text) + "</h3>\n"); return this; }

    /// <summary>Adds a paragraph of plain text (escaped; blank lines start new paragraphs).</summary>
    /// <param name="text">Text.</param>
    public HtmlReport AddParagraph(string text)
    {
        foreach (var para in (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            _blocks.Add("<p>" + Escape(para) + "</p>\n");
        return this;
    }

    /// <summary>Adds a highlighted note (e.g. a caveat or key finding).</summary>
    /// <param name="text">Text.</param>
    public HtmlReport AddNote(string text) { _blocks.Add("<p class=\"note\">" + Escape(text) + "</p>\n"); return this; }

    /// <summary>Adds preformatted text (code, a JSON file), escaped.</summary>
    /// <param name="text">Text.</param>
    public HtmlReport AddCode(string text) { _blocks.Add("<pre><code>" + Escape(text ?? "") + "</code></pre>\n"); return this; }

    /// <summary>Adds a bulleted list.</summary>
    /// <param name="items">Items (plain text).</param>
    public HtmlReport AddList(IEnumerable<string> items)
    {
        var sb = new StringBuilder("<ul>\n");
        foreach (var item in items ?? []) sb.Append("<li>").Append(Escape(item)).Append("</li>\n");
        _blocks.Add(sb.Append("</ul>\n").ToString());
        return this;
    }

    /// <summary>
    /// Adds an inline SVG figure with a caption. <paramref name="svg"/> is trusted markup (e.g. from
    /// <see cref="SvgChartRenderer"/>) and is inserted as is, minus any XML declaration or DOCTYPE.
    /// </summary>
    /// <param name="svg">SVG markup.</param>
    /// <param name="caption">Caption text (escaped).</param>
    public HtmlReport AddFigure(string svg, string? caption)
    {
        string body = StripProlog(svg ?? "");
        _figures++;
        var sb = new StringBuilder("<figure>\n<div class=\"chart\">\n").Append(body.TrimEnd()).Append("\n</div>\n");
        if (!string.IsNullOrEmpty(caption) || NumberCaptions)
        {
            sb.Append("<figcaption>");
            if (NumberCaptions) sb.Append("<span class=\"label\">Figure ").Append(Int(_figures)).Append(".</span> ");
            sb.Append(Escape(caption)).Append("</figcaption>\n");
        }
        _blocks.Add(sb.Append("</figure>\n").ToString());
        return this;
    }

    /// <summary>Renders <paramref name="chart"/> and adds it as a figure.</summary>
    /// <param name="chart">Chart.</param>
    /// <param name="caption">Caption text.</param>
    public HtmlReport AddFigure(TimeSeriesChart chart, string? caption) => AddFigure(SvgChartRenderer.Render(chart), caption);

    /// <summary>Renders <paramref name="chart"/> and adds it as a figure.</summary>
    /// <param name="chart">Chart.</param>
    /// <param name="caption">Caption text.</param>
    public HtmlReport AddFigure(ScatterChart chart, string? caption) => AddFigure(SvgChartRenderer.Render(chart), caption);

    /// <summary>
    /// Adds a table. Columns whose non-empty cells are all numbers (e.g. "12", "−3.5", "1,250", "4.2e-3", "12%",
    /// "3.1 ± 0.4"; "NA", "—" ignored) are right-aligned, unless <paramref name="numericColumns"/> says otherwise.
    /// Short rows are padded with empty cells.
    /// </summary>
    /// <param name="caption">Caption (null for none).</param>
    /// <param name="headers">Column headers.</param>
    /// <param name="rows">Rows of cell text.</param>
    /// <param name="numericColumns">Optional per-column right-alignment flags overriding detection.</param>
    public HtmlReport AddTable(string? caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlyList<bool>? numericColumns = null)
    {
        headers ??= [];
        var data = (rows ?? []).Select(r => r ?? []).ToList();
        int cols = Math.Max(headers.Count, data.Count == 0 ? 0 : data.Max(r => r.Count));
        var numeric = new bool[cols];
        for (int j = 0; j < cols; j++)
        {
            if (numericColumns is not null && j < numericColumns.Count) { numeric[j] = numericColumns[j]; continue; }
            bool any = false, all = true;
            foreach (var r in data)
            {
                string cell = j < r.Count ? (r[j] ?? "").Trim() : "";
                if (IsMissing(cell)) continue;
                any = true;
                if (!IsNumeric(cell)) { all = false; break; }
            }
            numeric[j] = any && all;
        }
        _tables++;
        var sb = new StringBuilder("<div class=\"table\">\n<table>\n");
        if (!string.IsNullOrEmpty(caption) || NumberCaptions)
        {
            sb.Append("<caption>");
            if (NumberCaptions) sb.Append("<span class=\"label\">Table ").Append(Int(_tables)).Append(".</span> ");
            sb.Append(Escape(caption)).Append("</caption>\n");
        }
        if (headers.Count > 0)
        {
            sb.Append("<thead><tr>");
            for (int j = 0; j < cols; j++)
                sb.Append(numeric[j] ? "<th class=\"num\">" : "<th>").Append(Escape(j < headers.Count ? headers[j] : "")).Append("</th>");
            sb.Append("</tr></thead>\n");
        }
        sb.Append("<tbody>\n");
        foreach (var r in data)
        {
            sb.Append("<tr>");
            for (int j = 0; j < cols; j++)
                sb.Append(numeric[j] ? "<td class=\"num\">" : "<td>").Append(Escape(j < r.Count ? r[j] : "")).Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n</div>\n");
        _blocks.Add(sb.ToString());
        return this;
    }

    /// <summary>The complete HTML document.</summary>
    public string Render()
    {
        var sb = new StringBuilder(4096 + _blocks.Sum(b => b.Length));
        sb.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        sb.Append("<title>").Append(Escape(Title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header>\n<h1>").Append(Escape(Title)).Append("</h1>\n");
        if (!string.IsNullOrEmpty(Subtitle)) sb.Append("<p class=\"subtitle\">").Append(Escape(Subtitle)).Append("</p>\n");
        if (_metadata.Count > 0)
        {
            sb.Append("<dl class=\"meta\">\n");
            foreach (var (k, v) in _metadata)
                sb.Append("<div><dt>").Append(Escape(k)).Append("</dt><dd>").Append(Escape(v)).Append("</dd></div>\n");
            sb.Append("</dl>\n");
        }
        sb.Append("</header>\n<main>\n");
        foreach (var b in _blocks) sb.Append(b);
        if (_sectionOpen) sb.Append("</section>\n");
        sb.Append("</main>\n");
        if (!string.IsNullOrEmpty(Footer)) sb.Append("<footer>").Append(Escape(Footer)).Append("</footer>\n");
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Renders and writes the report as UTF-8 (no BOM), creating folders.</summary>
    /// <param name="path">Destination file.</param>
    public void Save(string path)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllText(path, Render(), new UTF8Encoding(false));
    }

    private void CloseSection()
    {
        if (_sectionOpen) _blocks.Add("</section>\n");
        _sectionOpen = false;
    }

    private static bool IsMissing(string cell) =>
        cell.Length == 0 || cell is "-" or "\u2013" or "\u2014" or "NA" or "N/A" or "n/a" or "NaN" or "\u2026";

    internal static bool IsNumeric(string cell) => NumericCell().IsMatch(cell.Trim());

    [GeneratedRegex(@"^[<>≤≥~]?\s*[+\-−]?(\d{1,3}(,\d{3})+|\d+|\d*\.\d+)(\.\d+)?([eE][+\-−]?\d+)?\s*%?(\s*±\s*(\d+|\d*\.\d+)(\.\d+)?([eE][+\-−]?\d+)?\s*%?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericCell();

    private static string StripProlog(string svg)
    {
        string s = svg.TrimStart('\uFEFF', ' ', '\n', '\r', '\t');
        while (s.StartsWith("<?", StringComparison.Ordinal) || s.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            int end = s.IndexOf('>');
            if (end < 0) break;
            s = s[(end + 1)..].TrimStart();
        }
        return s;
    }

    private const string Css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #f6f7f9; color: #222; font: 15px/1.55 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif; }
        header, main, footer { max-width: 980px; margin: 0 auto; padding: 0 28px; box-sizing: border-box; }
        header { padding-top: 32px; padding-bottom: 12px; border-bottom: 1px solid #dde1e6; }
        h1 { font-size: 1.75em; line-height: 1.2; margin: 0 0 6px; }
        h2 { font-size: 1.3em; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #e4e7eb; }
        h3 { font-size: 1.08em; margin: 22px 0 8px; }
        p { margin: 0 0 12px; }
        .subtitle { color: #555; font-size: 1.08em; margin: 0 0 12px; }
        .meta { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 0; font-size: 0.9em; color: #444; }
        .meta div { display: flex; gap: 6px; }
        .meta dt { font-weight: 600; color: #333; }
        .meta dd { margin: 0; }
        .note { background: #fff8e1; border-left: 4px solid #E69F00; padding: 8px 12px; border-radius: 3px; }
        figure { margin: 18px 0 24px; background: #fff; border: 1px solid #e1e4e8; border-radius: 6px; padding: 10px; }
        figure .chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
        figcaption, caption { font-size: 0.9em; color: #444; text-align: left; }
        figcaption { margin-top: 6px; }
        caption { caption-side: top; padding: 0 0 6px; }
        .label { font-weight: 600; color: #222; }
        .table { overflow-x: auto; margin: 14px 0 22px; }
        table { border-collapse: collapse; background: #fff; font-size: 0.92em; min-width: 50%; }
        th, td { padding: 5px 12px; border-bottom: 1px solid #e4e7eb; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #9aa3ad; background: #f0f2f5; font-weight: 600; }
        tbody tr:nth-child(even) td { background: #fafbfc; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        ul { margin: 0 0 12px; padding-left: 22px; }
        footer { color: #666; font-size: 0.85em; padding-top: 14px; padding-bottom: 32px; margin-top: 28px; border-top: 1px solid #dde1e6; }
        @media print { body { background: #fff; } figure { border: none; break-inside: avoid; } }

        """;
}
