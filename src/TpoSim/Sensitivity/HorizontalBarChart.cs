using System.Globalization;
using TpoSim.Output.Charts;

namespace TpoSim.Sensitivity;

/// <summary>
/// A horizontal bar chart in SVG: one row per label (top to bottom in the given order), grouped bars per series from
/// zero, optional interval whiskers, a value axis with ticks and gridlines. A tornado plot is one signed series; Sobol
/// indices are two series with bootstrap intervals.
/// </summary>
/// <param name="Title">Chart title.</param>
/// <param name="Subtitle">Line under the title.</param>
/// <param name="AxisLabel">Value-axis title.</param>
/// <param name="Rows">Row labels.</param>
/// <param name="Series">Series (each with one value per row).</param>
/// <param name="Note">Footnote, or null.</param>
public sealed record HorizontalBarChart(string Title, string Subtitle, string AxisLabel, IReadOnlyList<string> Rows, IReadOnlyList<BarSeries> Series, string? Note = null)
{
    private const double Width = 760;
    private const double RowHeight = 24;

    /// <summary>Draws the chart.</summary>
    public string Svg(ChartStyle? style = null)
    {
        style ??= ChartStyle.Default;
        var c = new SvgCanvas();
        var labelWidth = Math.Min(260, Rows.Select(r => TextMetrics.Width(r, style.TickFontSize)).DefaultIfEmpty(40).Max() + 16);
        double left = labelWidth + 12, right = Width - 30, top = 62 + (Series.Count > 1 ? 18 : 0);
        var plotHeight = Math.Max(1, Rows.Count) * RowHeight;
        var height = top + plotHeight + 62 + (Note is null ? 0 : 18);
        var all = Series.SelectMany(s => s.Values.Concat(s.Lower ?? []).Concat(s.Upper ?? [])).Where(double.IsFinite).Append(0.0).ToArray();
        var (lo, hi) = (all.Min(), all.Max());
        if (hi - lo < 1e-12) { lo -= 1; hi += 1; }
        var ticks = NiceTicks(lo, hi);
        lo = Math.Min(lo, ticks[0]);
        hi = Math.Max(hi, ticks[^1]);
        double X(double v) => left + (v - lo) / (hi - lo) * (right - left);

        c.Text(16, 24, Title, style.TitleFontSize, style.TextColor, bold: true);
        c.Text(16, 44, Subtitle, style.LabelFontSize, style.MutedTextColor);
        if (Series.Count > 1)
        {
            var x = left;
            foreach (var s in Series)
            {
                c.Rect(x, 56, 12, 12, s.Color);
                c.Text(x + 16, 66, s.Label, style.TickFontSize, style.MutedTextColor);
                x += 28 + TextMetrics.Width(s.Label, style.TickFontSize);
            }
        }
        foreach (var t in ticks)
        {
            c.Line(X(t), top, X(t), top + plotHeight, style.GridColor, 1);
            c.Text(X(t), top + plotHeight + 16, Tick(t), style.TickFontSize, style.MutedTextColor, "middle");
        }
        c.Line(X(0), top - 4, X(0), top + plotHeight + 4, style.AxisColor, 1.2);
        c.Line(left, top + plotHeight, right, top + plotHeight, style.AxisColor, 1);
        c.Text((left + right) / 2, top + plotHeight + 36, AxisLabel, style.LabelFontSize, style.TextColor, "middle");
        var barHeight = (RowHeight - 6) / Math.Max(1, Series.Count);
        for (var r = 0; r < Rows.Count; r++)
        {
            var y0 = top + r * RowHeight + 3;
            c.Text(left - 8, y0 + RowHeight / 2 + 1, Rows[r], style.TickFontSize, style.TextColor, "end");
            for (var s = 0; s < Series.Count; s++)
            {
                var series = Series[s];
                var v = series.Values[r];
                var yb = y0 + s * barHeight;
                if (double.IsFinite(v)) c.Rect(X(Math.Min(0, v)), yb, Math.Abs(X(v) - X(0)), barHeight - 1, series.Color);
                if (series.Lower is { } l && series.Upper is { } u && double.IsFinite(l[r]) && double.IsFinite(u[r]))
                {
                    var ym = yb + (barHeight - 1) / 2;
                    c.Line(X(l[r]), ym, X(u[r]), ym, style.TextColor, 1);
                    c.Line(X(l[r]), ym - 3, X(l[r]), ym + 3, style.TextColor, 1);
                    c.Line(X(u[r]), ym - 3, X(u[r]), ym + 3, style.TextColor, 1);
                }
            }
        }
        if (Note is not null) c.Text(16, height - 12, Note, style.TickFontSize, style.MutedTextColor, italic: true);
        return c.Finish(Width, height, style, Title);
    }

    /// <summary>About six round ticks covering [lo, hi].</summary>
    private static double[] NiceTicks(double lo, double hi)
    {
        var raw = (hi - lo) / 6;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        var first = Math.Floor(lo / step) * step;
        var ticks = new List<double>();
        for (var t = first; t <= hi + step * 1e-9; t += step) ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        if (ticks[^1] < hi) ticks.Add(ticks[^1] + step);
        return ticks.ToArray();
    }

    private static string Tick(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
