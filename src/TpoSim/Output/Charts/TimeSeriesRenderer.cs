namespace TpoSim.Output.Charts;

/// <summary>Lays out and draws a <see cref="TimeSeriesChart"/>.</summary>
internal static class TimeSeriesRenderer
{
    private const double BottomArea = 50;
    private const double PanelGap = 14;

    private sealed record PanelLayout(ChartPanel Panel, AxisMap Y, TickSet Ticks, IReadOnlyList<string> Labels,
        List<(ChartSeries Series, string Color)> Series, List<(FillBand Band, string Color)> Fills,
        List<List<LegendEntry>> LegendRows, PlotRect Plot, double StripTop);

    public static string Render(TimeSeriesChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var s = chart.Style ?? ChartStyle.Default;
        var c = new SvgCanvas();
        double width = Math.Max(200, Finite(chart.Width, 900));
        double panelHeight = Math.Max(80, Finite(chart.PanelHeight, 260));
        var panels = chart.Panels ?? [];
        var markers = chart.Markers ?? [];

        // ---- x range and ticks ----
        var (xMin, xMax) = PlotKit.ResolveRange(XValues(chart), AxisScale.Linear, chart.XRange, padFraction: 0);

        // ---- y ranges (data within the x range) and tick labels, to size the left margin ----
        var prepared = new List<(ChartPanel P, double Min, double Max, TickSet Ticks, IReadOnlyList<string> Labels)>();
        double approxPlotHeight = panelHeight - 40;
        foreach (var p in panels)
        {
            var (lo, hi) = PlotKit.ResolveRange(YValues(p, xMin, xMax), p.YScale, p.YRange, p.IncludeZero);
            var ticks = AxisTicks.For(p.YScale, lo, hi, PlotKit.TargetTicks(approxPlotHeight, 48));
            prepared.Add((p, lo, hi, ticks, TickLabelFormatter.FormatAll(ticks.Major, p.YScale)));
        }
        double maxLabel = prepared.SelectMany(p => p.Labels).Select(l => TextMetrics.Width(l, s.TickFontSize)).DefaultIfEmpty(20).Max();
        var dose = chart.DoseTrack;
        double left = Math.Clamp(12 + s.LabelFontSize + 10 + maxLabel, 56, width * 0.3);

        var xTicks = chart.XTickStep is { } step && step > 0 && (xMax - xMin) / step <= 60
            ? new TickSet(AxisTicks.FixedStep(xMin, xMax, step), [])
            : AxisTicks.For(AxisScale.Linear, xMin, xMax, PlotKit.TargetTicks(width - left - 30, 90));
        var xLabels = TickLabelFormatter.FormatAll(xTicks.Major, AxisScale.Linear);
        double lastLabel = xLabels.Count > 0 ? TextMetrics.Width(xLabels[^1], s.TickFontSize) : 0;
        double right = Math.Max(24, lastLabel / 2 + 8);
        double plotLeft = left, plotWidth = Math.Max(40, width - left - right);
        var xMap = new AxisMap(AxisScale.Linear, xMin, xMax, plotLeft, plotLeft + plotWidth);

        // ---- header ----
        double y = 12 + s.TitleFontSize;
        double titleBaseline = y;
        double? subtitleBaseline = null;
        if (!string.IsNullOrEmpty(chart.Subtitle)) { y += s.LabelFontSize + 6; subtitleBaseline = y; }
        y += 10;

        // ---- marker label rows ----
        var markerRows = LayoutMarkers(markers, xMap, s, plotLeft, plotLeft + plotWidth, width);
        int rowCount = markerRows.Count == 0 ? 0 : markerRows.Max(m => m.Row) + 1;
        double markerTop = y;
        y += rowCount * (s.TickFontSize + 4) + (rowCount > 0 ? 4 : 0);

        // ---- dose lane ----
        double? doseTop = null, doseHeader = null;
        if (dose is not null)
        {
            doseHeader = y;
            y += PlotKit.LegendRowHeight;
            doseTop = y;
            y += Math.Max(24, dose.Height) + 6;
        }

        // ---- panels ----
        var layouts = new List<PanelLayout>();
        foreach (var (p, lo, hi, ticks, labels) in prepared)
        {
            var series = new List<(ChartSeries, string)>();
            int si = 0;
            foreach (var ser in p.Series ?? []) series.Add((ser, ser.Color ?? ChartPalette.At(si++)));
            var fills = new List<(FillBand, string)>();
            int fi = 0;
            foreach (var f in p.FillBands ?? []) fills.Add((f, f.Color ?? ChartPalette.At(fi++)));
            var entries = new List<LegendEntry>();
            foreach (var (f, col) in fills) if (f.ShowInLegend && !string.IsNullOrEmpty(f.Name)) entries.Add(new(f.Name, col, SeriesMode.Line, false, true, f.Opacity));
            foreach (var (ser, col) in series) if (ser.ShowInLegend && !string.IsNullOrEmpty(ser.Name)) entries.Add(new(ser.Name, col, ser.Mode, ser.Dashed, false, 1));
            double titleW = string.IsNullOrEmpty(p.Title) ? 0 : TextMetrics.Width(p.Title, s.LabelFontSize) * 1.08 + 16;
            var rows = p.ShowLegend ? PlotKit.LegendRows(entries, plotWidth - titleW, s) : [];
            double strip = Math.Max(rows.Count, string.IsNullOrEmpty(p.Title) ? 0 : 1) * PlotKit.LegendRowHeight + 6;
            if (strip < 10) strip = 10;
            var plot = new PlotRect(plotLeft, y + strip, plotWidth, Math.Max(30, panelHeight - strip - PanelGap));
            var yMap = new AxisMap(p.YScale, lo, hi, plot.Bottom, plot.Top);
            layouts.Add(new PanelLayout(p, yMap, ticks, labels, series, fills, rows, plot, y));
            y += panelHeight;
        }
        double height = (layouts.Count > 0 ? layouts[^1].Plot.Bottom : y) + BottomArea;

        // ---- draw ----
        c.Text(plotLeft, titleBaseline, chart.Title, s.TitleFontSize, s.TextColor, bold: true);
        if (subtitleBaseline is { } sb) c.Text(plotLeft, sb, chart.Subtitle, s.LabelFontSize, s.MutedTextColor);

        if (dose is not null && doseTop is { } dt && doseHeader is { } dh)
        {
            c.BoldLead(plotLeft, dh + 8 + s.LabelFontSize * 0.35, dose.Label, "dose (" + dose.Unit + ")",
                s.LabelFontSize, s.TextColor, s.TickFontSize, s.MutedTextColor);
            DrawDoseTrack(c, dose, xMap, new PlotRect(plotLeft, dt, plotWidth, Math.Max(24, dose.Height)), s);
        }

        for (int pi = 0; pi < layouts.Count; pi++)
        {
            var L = layouts[pi];
            var r = L.Plot;
            string clip = c.ClipRect("p" + pi.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Left, r.Top, r.Width, r.Height);
            PlotKit.YGrid(c, L.Y, L.Ticks, r, s);
            PlotKit.XGrid(c, xMap, xTicks, r, s);

            c.OpenClipGroup(clip);
            foreach (var band in L.Panel.Bands ?? [])
            {
                double y0 = L.Y.ToPixelClamped(band.Low, 0.01), y1 = L.Y.ToPixelClamped(band.High, 0.01);
                if (double.IsNaN(y0) || double.IsNaN(y1)) continue;
                c.Rect(r.Left, Math.Min(y0, y1), r.Width, Math.Abs(y1 - y0), band.Color, band.Opacity);
            }
            foreach (var m in markers)
            {
                if (m.EndX is not { } end) continue;
                double x0 = xMap.ToPixelClamped(m.X, 0.01), x1 = xMap.ToPixelClamped(end, 0.01);
                if (double.IsNaN(x0) || double.IsNaN(x1)) continue;
                c.Rect(Math.Min(x0, x1), r.Top, Math.Abs(x1 - x0), r.Height, m.Color, 0.08);
            }
            c.Close("g");
            foreach (var (f, col) in L.Fills) PlotKit.Fill(c, f, col, xMap, L.Y, r, clip);
            foreach (var m in markers)
            {
                double px = xMap.ToPixel(m.X);
                if (PlotKit.InRange(px, r.Left, r.Right)) c.Line(px, r.Top, px, r.Bottom, m.Color, 1.2, m.Dashed ? "4 3" : null, 0.9);
            }
            foreach (var (ser, col) in L.Series) PlotKit.Series(c, ser, col, xMap, L.Y, r, clip);

            bool last = pi == layouts.Count - 1;
            PlotKit.XAxis(c, xMap, xTicks, last ? xLabels : null, r, s);
            PlotKit.YAxis(c, L.Y, L.Ticks, L.Labels, r, s, L.Panel.YLabel, 8 + s.LabelFontSize);

            foreach (var band in L.Panel.Bands ?? [])
            {
                if (string.IsNullOrEmpty(band.Label)) continue;
                double yTop = L.Y.ToPixelClamped(Math.Max(band.Low, band.High), 0.01);
                double yBot = L.Y.ToPixelClamped(Math.Min(band.Low, band.High), 0.01);
                double top = Math.Max(yTop, r.Top), bottom = Math.Min(yBot, r.Bottom);
                if (double.IsNaN(top) || double.IsNaN(bottom) || bottom - top < s.TickFontSize + 2) continue;
                c.Text(r.Left + 6, top + s.TickFontSize + 1, band.Label, s.TickFontSize - 1, DarkerText(band.Color), halo: true, italic: true);
            }

            foreach (var line in L.Panel.ReferenceLines ?? [])
            {
                if (!L.Y.CanMap(line.Y)) continue;
                double ly = L.Y.ToPixel(line.Y);
                if (!PlotKit.InRange(ly, r.Top, r.Bottom)) continue;
                c.Line(r.Left, ly, r.Right, ly, line.Color, 1, "2 3", 0.8);
                if (!string.IsNullOrEmpty(line.Label))
                    c.Text(r.Right - 4, ly - 3, line.Label, s.TickFontSize - 1, line.Color, "end", halo: true);
            }

            if (!string.IsNullOrEmpty(L.Panel.Title))
                c.Text(r.Left, L.StripTop + 8 + s.LabelFontSize * 0.35, L.Panel.Title, s.LabelFontSize, s.TextColor, bold: true);
            PlotKit.Legend(c, L.LegendRows, r.Right, L.StripTop, s);
        }
        if (layouts.Count > 0)
        {
            var lastPlot = layouts[^1].Plot;
            c.Text(lastPlot.Left + lastPlot.Width / 2, lastPlot.Bottom + 14 + s.TickFontSize + s.LabelFontSize, chart.XLabel,
                s.LabelFontSize, s.TextColor, "middle");
        }

        // ---- marker flags and the connector from label to the first drawn area ----
        double firstTop = doseHeader ?? (layouts.Count > 0 ? layouts[0].Plot.Top : y);
        foreach (var (m, px, row) in markerRows)
        {
            double baseline = markerTop + (row + 1) * (s.TickFontSize + 4) - 3;
            double half = TextMetrics.Width(m.Label, s.TickFontSize) / 2;
            double cx = LabelCentre(px, half, width);
            c.Text(cx, baseline, m.Label, s.TickFontSize, m.Color, "middle", halo: true);
            c.Line(px, baseline + 3, px, firstTop, m.Color, 1, null, 0.6);
            if (doseTop is { } d && dose is not null)
                c.Line(px, d, px, d + Math.Max(24, dose.Height), m.Color, 1, m.Dashed ? "4 3" : null, 0.6);
        }

        return c.Finish(width, height, s, chart.Title);
    }

    private static string DarkerText(string color) => color switch
    {
        ChartPalette.BluishGreen => "#00664a",
        ChartPalette.Blue => "#005080",
        ChartPalette.Vermillion => "#9a4400",
        ChartPalette.Orange => "#8a5f00",
        ChartPalette.SkyBlue => "#2a6f98",
        ChartPalette.ReddishPurple => "#8e3f6d",
        _ => "#444444",
    };

    private static List<(ChartMarker Marker, double Px, int Row)> LayoutMarkers(IReadOnlyList<ChartMarker> markers, AxisMap x,
        ChartStyle s, double plotLeft, double plotRight, double width)
    {
        var placed = new List<(ChartMarker, double, int)>();
        var rowEnds = new List<double>();
        foreach (var m in markers.Where(m => x.CanMap(m.X)).OrderBy(m => m.X))
        {
            double px = x.ToPixel(m.X);
            if (!PlotKit.InRange(px, plotLeft, plotRight)) continue;
            double w = TextMetrics.Width(m.Label, s.TickFontSize);
            double center = LabelCentre(px, w / 2, width);
            double start = center - w / 2;
            // A new row whenever no row has room: labels never overlap, and the header grows instead.
            int row = rowEnds.FindIndex(end => end + 6 <= start);
            if (row < 0) { rowEnds.Add(double.NegativeInfinity); row = rowEnds.Count - 1; }
            rowEnds[row] = center + w / 2;
            placed.Add((m, px, row));
        }
        return placed;
    }

    /// <summary>Centre of a marker label of half-width <paramref name="half"/>: at its line, pushed inside the canvas near either edge so it never clips.</summary>
    internal static double LabelCentre(double px, double half, double width) =>
        half + 4 > width - half - 4 ? width / 2 : Math.Clamp(px, half + 4, width - half - 4);

    private static void DrawDoseTrack(SvgCanvas c, DoseTrack d, AxisMap x, PlotRect r, ChartStyle s)
    {
        c.Rect(r.Left, r.Top, r.Width, r.Height, "#f7f7f7");
        c.Line(r.Left, r.Bottom, r.Right, r.Bottom, s.AxisColor, 1);
        var doses = (d.Doses ?? []).Where(e => x.CanMap(e.X) && double.IsFinite(e.Amount) && e.Amount > 0).OrderBy(e => e.X).ToList();
        if (doses.Count == 0) return;
        double max = doses.Max(e => e.Amount);
        double labelRoom = d.ShowValues ? s.TickFontSize + 3 : 2;
        double usable = Math.Max(4, r.Height - labelRoom);
        double lastLabelEnd = double.NegativeInfinity;
        double? lastLabelled = null;
        string? lastText = null;
        int decimals = doses.Select(e => TickLabelFormatter.DecimalsOf(Math.Round(e.Amount, 3))).Max();
        foreach (var e in doses)
        {
            double x0 = x.ToPixel(e.X);
            double x1 = e.Duration is { } dur && dur > 0 && double.IsFinite(dur) ? x.ToPixelClamped(e.X + dur) : x0;
            double w = Math.Max(3, x1 - x0);
            double left = x1 > x0 ? x0 : x0 - w / 2;
            if (left > r.Right || left + w < r.Left) continue;
            double clippedLeft = Math.Max(left, r.Left), clippedRight = Math.Min(left + w, r.Right);
            double h = Math.Max(2, usable * e.Amount / max);
            c.Rect(clippedLeft, r.Bottom - h, clippedRight - clippedLeft, h, d.Color, 0.9);
            if (!d.ShowValues) continue;
            string text = e.Label ?? TickLabelFormatter.Format(e.Amount, Math.Min(decimals, 3));
            double tw = TextMetrics.Width(text, s.TickFontSize - 1);
            double cx = Math.Clamp((clippedLeft + clippedRight) / 2, r.Left + tw / 2, r.Right - tw / 2);
            bool changed = lastLabelled is null || Math.Abs(lastLabelled.Value - e.Amount) > 1e-12 * max || (e.Label is not null && e.Label != lastText);
            if (changed && cx - tw / 2 > lastLabelEnd + 4)
            {
                c.Text(cx, r.Bottom - h - 3, text, s.TickFontSize - 1, s.TextColor, "middle");
                lastLabelEnd = cx + tw / 2;
                lastLabelled = e.Amount;
                lastText = e.Label;
            }
        }
    }

    private static double Finite(double v, double fallback) => double.IsFinite(v) && v > 0 ? v : fallback;

    private static IEnumerable<double> XValues(TimeSeriesChart chart)
    {
        foreach (var p in chart.Panels ?? [])
        {
            foreach (var ser in p.Series ?? [])
            {
                int n = Math.Min(ser.X.Count, ser.Y.Count);
                for (int i = 0; i < n; i++) if (double.IsFinite(ser.Y[i]) || ser.YLow is not null) yield return ser.X[i];
            }
            foreach (var f in p.FillBands ?? []) foreach (double v in f.X) yield return v;
        }
        foreach (var m in chart.Markers ?? [])
        {
            yield return m.X;
            if (m.EndX is { } e) yield return e;
        }
        foreach (var d in chart.DoseTrack?.Doses ?? [])
        {
            yield return d.X;
            if (d.Duration is { } dur) yield return d.X + dur;
        }
    }

    private static IEnumerable<double> YValues(ChartPanel p, double xMin, double xMax)
    {
        bool InX(double v) => v >= xMin && v <= xMax;
        foreach (var ser in p.Series ?? [])
        {
            int n = Math.Min(ser.X.Count, ser.Y.Count);
            for (int i = 0; i < n; i++)
            {
                if (!InX(ser.X[i])) continue;
                yield return ser.Y[i];
                if (ser.YLow is not null && i < ser.YLow.Count) yield return ser.YLow[i];
                if (ser.YHigh is not null && i < ser.YHigh.Count) yield return ser.YHigh[i];
            }
        }
        foreach (var f in p.FillBands ?? [])
        {
            int n = Math.Min(f.X.Count, Math.Min(f.Lower.Count, f.Upper.Count));
            for (int i = 0; i < n; i++)
            {
                if (!InX(f.X[i])) continue;
                yield return f.Lower[i];
                yield return f.Upper[i];
            }
        }
        if (!p.BandsWidenRange) yield break;
        foreach (var b in p.Bands ?? [])
        {
            yield return b.Low;
            yield return b.High;
        }
    }
}
