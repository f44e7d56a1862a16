using System.Text;

namespace TpoSim.Output.Charts;

/// <summary>Lays out and draws a <see cref="ScatterChart"/>.</summary>
internal static class ScatterRenderer
{
    public static string Render(ScatterChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var s = chart.Style ?? ChartStyle.Default;
        var c = new SvgCanvas();
        double width = double.IsFinite(chart.Width) && chart.Width >= 200 ? chart.Width : 720;
        double height = double.IsFinite(chart.Height) && chart.Height >= 160 ? chart.Height : 540;
        var regions = chart.Regions ?? [];
        var series = chart.Series ?? [];
        var points = chart.Points ?? [];

        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var p in points) { xs.Add(p.X); ys.Add(p.Y); }
        foreach (var ser in series)
        {
            int n = Math.Min(ser.X.Count, ser.Y.Count);
            for (int i = 0; i < n; i++) { xs.Add(ser.X[i]); ys.Add(ser.Y[i]); }
        }
        bool Usable(double v, AxisScale sc) => double.IsFinite(v) && (sc == AxisScale.Linear || v > 0);
        if (!xs.Any(v => Usable(v, chart.XScale)) || !ys.Any(v => Usable(v, chart.YScale)))
        {
            foreach (var r in regions) foreach (var v in r.Vertices ?? []) { xs.Add(v.X); ys.Add(v.Y); }
        }
        var (xMin, xMax) = PlotKit.ResolveRange(xs, chart.XScale, chart.XRange);
        var (yMin, yMax) = PlotKit.ResolveRange(ys, chart.YScale, chart.YRange);

        // ---- layout ----
        double top = 12 + s.TitleFontSize;
        double titleBaseline = top;
        double? subtitleBaseline = null;
        if (!string.IsNullOrEmpty(chart.Subtitle)) { top += s.LabelFontSize + 6; subtitleBaseline = top; }
        top += 10;

        double approxH = height - top - 60;
        var yTicks = AxisTicks.For(chart.YScale, yMin, yMax, PlotKit.TargetTicks(approxH, 55));
        var yLabels = TickLabelFormatter.FormatAll(yTicks.Major, chart.YScale);
        double maxLabel = yLabels.Select(l => TextMetrics.Width(l, s.TickFontSize)).DefaultIfEmpty(20).Max();
        double left = Math.Clamp(12 + s.LabelFontSize + 10 + maxLabel, 56, width * 0.3);
        var xTicks = AxisTicks.For(chart.XScale, xMin, xMax, PlotKit.TargetTicks(width - left - 30, 90));
        var xLabels = TickLabelFormatter.FormatAll(xTicks.Major, chart.XScale);
        double right = Math.Max(24, (xLabels.Count > 0 ? TextMetrics.Width(xLabels[^1], s.TickFontSize) : 0) / 2 + 8);
        double plotWidth = Math.Max(40, width - left - right);

        var colored = new List<(ChartSeries Series, string Color)>();
        int si = 0;
        foreach (var ser in series) colored.Add((ser, ser.Color ?? ChartPalette.At(si++)));
        var entries = colored.Where(t => t.Series.ShowInLegend && !string.IsNullOrEmpty(t.Series.Name))
            .Select(t => new LegendEntry(t.Series.Name, t.Color, t.Series.Mode, t.Series.Dashed, false, 1)).ToList();
        var rows = PlotKit.LegendRows(entries, plotWidth, s);
        double stripTop = top;
        top += rows.Count > 0 ? rows.Count * PlotKit.LegendRowHeight + 6 : 4;
        var plot = new PlotRect(left, top, plotWidth, Math.Max(40, height - top - 50));
        var xMap = new AxisMap(chart.XScale, xMin, xMax, plot.Left, plot.Right);
        var yMap = new AxisMap(chart.YScale, yMin, yMax, plot.Bottom, plot.Top);

        // ---- draw ----
        c.Text(left, titleBaseline, chart.Title, s.TitleFontSize, s.TextColor, bold: true);
        if (subtitleBaseline is { } sb) c.Text(left, sb, chart.Subtitle, s.LabelFontSize, s.MutedTextColor);
        string clip = c.ClipRect("plot", plot.Left, plot.Top, plot.Width, plot.Height);
        PlotKit.YGrid(c, yMap, yTicks, plot, s);
        PlotKit.XGrid(c, xMap, xTicks, plot, s);

        var regionLabels = new List<(string Label, double X, double Y)>();
        foreach (var region in regions)
        {
            var poly = new List<(double X, double Y)>();
            foreach (var v in region.Vertices ?? [])
            {
                double px = xMap.ToPixelClamped(v.X), py = yMap.ToPixelClamped(v.Y);
                if (!double.IsNaN(px) && !double.IsNaN(py)) poly.Add((px, py));
            }
            if (poly.Count < 3) continue;
            var clipped = PathGeometry.ClipPolygon(poly, plot.Left, plot.Top, plot.Right, plot.Bottom);
            if (clipped.Count < 3) continue;
            var d = new StringBuilder();
            PathGeometry.AppendPolyline(d, clipped, close: true);
            c.Path(d.ToString(), region.Color, 1, fill: region.Color, fillOpacity: region.Opacity, strokeOpacity: 0.55);
            if (!string.IsNullOrEmpty(region.Label))
            {
                var (cx, cy) = PathGeometry.Centroid(clipped);
                regionLabels.Add((region.Label, cx, cy));
            }
        }

        foreach (var (ser, col) in colored) PlotKit.Series(c, ser, col, xMap, yMap, plot, clip);

        PlotKit.XAxis(c, xMap, xTicks, xLabels, plot, s);
        PlotKit.YAxis(c, yMap, yTicks, yLabels, plot, s, chart.YLabel, 8 + s.LabelFontSize);
        c.Text(plot.Left + plot.Width / 2, plot.Bottom + 14 + s.TickFontSize + s.LabelFontSize, chart.XLabel, s.LabelFontSize, s.TextColor, "middle");

        foreach (var (label, cx, cy) in regionLabels)
            c.Text(cx, cy + s.TickFontSize * 0.35, label, s.TickFontSize, s.TextColor, "middle", bold: true, halo: true);

        var visible = new List<(LabelledPoint Point, double X, double Y)>();
        foreach (var p in points)
        {
            if (!xMap.CanMap(p.X) || !yMap.CanMap(p.Y)) continue;
            double px = xMap.ToPixel(p.X), py = yMap.ToPixel(p.Y);
            if (!PlotKit.InRange(px, plot.Left, plot.Right) || !PlotKit.InRange(py, plot.Top, plot.Bottom)) continue;
            visible.Add((p, px, py));
        }
        const double markerRadius = 5;
        var placer = new LabelPlacer(new PixelBox(plot.Left, plot.Top, plot.Right, plot.Bottom), s.TickFontSize, markerRadius);
        foreach (var (_, px, py) in visible) placer.ReserveMarker(px, py);
        foreach (var (p, px, py) in visible)
        {
            c.Circle(px, py, markerRadius, p.Color, "#ffffff", 1.5);
            var at = placer.Place(px, py, p.Label);
            c.Text(at.X, at.Baseline, p.Label, s.TickFontSize, s.TextColor, at.Anchor, halo: true);
        }

        PlotKit.Legend(c, rows, plot.Right, stripTop, s);
        return c.Finish(width, height, s, chart.Title);
    }
}
