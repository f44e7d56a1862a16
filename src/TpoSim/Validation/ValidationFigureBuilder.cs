using TpoSim.Output.Charts;

namespace TpoSim.Validation;

/// <summary>
/// Builds the figure of one case: the simulated curves on one panel per plotted quantity, with the published
/// observation and tolerance overlaid by each check's metric.
/// </summary>
internal sealed class ValidationFigureBuilder
{
    private readonly Dictionary<PlottedQuantity, List<HorizontalBand>> _bands = [];
    private readonly Dictionary<PlottedQuantity, List<ChartSeries>> _observed = [];
    private readonly List<ChartMarker> _markers = [];

    public void AddBand(PlottedQuantity q, double low, double high, string label) =>
        Bands(q).Add(new HorizontalBand(low, high, label) { Color = ChartPalette.BluishGreen, Opacity = 0.16 });

    public void AddObserved(PlottedQuantity q, double day, double value, double low, double high)
    {
        if (!_observed.TryGetValue(q, out var list)) _observed[q] = list = [];
        list.Add(ChartSeries.Observed("published", [day], [value], [low], [high]) with { Color = ChartPalette.Black, ShowInLegend = list.Count == 0 });
    }

    public void AddSpan(double from, double to, string label) =>
        _markers.Add(new ChartMarker(from, label) { EndX = to, Color = ChartPalette.BluishGreen });

    public void AddMarker(double day, string label)
    {
        // Two metrics may mark the same simulated day (the nadir); keep the first label.
        if (_markers.Any(m => m.EndX is null && m.X == day)) return;
        _markers.Add(new ChartMarker(day, label) { Color = ChartPalette.Vermillion });
    }

    private List<HorizontalBand> Bands(PlottedQuantity q)
    {
        if (!_bands.TryGetValue(q, out var list)) _bands[q] = list = [];
        return list;
    }

    /// <summary>The figure of a case that ran (null for pending cases and failed simulations).</summary>
    public static TimeSeriesChart? Build(CaseResult result)
    {
        if (result.Context is not { } context) return null;
        var figure = new ValidationFigureBuilder();
        foreach (var check in result.Case.Checks) check.Metric.Overlay(figure, check, context);
        // Platelets always, then whatever the checks read, in a fixed order.
        var wanted = result.Case.Checks.SelectMany(c => c.Metric.Quantities).Append(PlottedQuantity.Platelets).ToHashSet();
        var quantities = Enum.GetValues<PlottedQuantity>().Where(wanted.Contains).ToList();
        var sim = context.Result;
        var days = sim.Days;
        var panels = quantities.Select((q, k) =>
        {
            var y = sim.Outputs.Select(o => ValidationMetric.Select(q, o)).ToArray();
            var series = new List<ChartSeries> { new("simulated", days, y) { Color = q == PlottedQuantity.Tpo ? ChartPalette.Vermillion : ChartPalette.Blue } };
            if (figure._observed.TryGetValue(q, out var obs)) series.AddRange(obs);
            var fills = new List<FillBand>();
            if (context.Population is { Succeeded: > 0 } pop && q is PlottedQuantity.Platelets or PlottedQuantity.Tpo)
            {
                // A population case: the typical subject over the population's 5–95 and 25–75 percentile bands.
                var pb = q == PlottedQuantity.Platelets ? pop.PlateletBands : pop.TpoBands;
                var color = q == PlottedQuantity.Tpo ? ChartPalette.Vermillion : ChartPalette.Blue;
                fills.Add(new FillBand($"population 5th–95th percentile (N = {pop.Succeeded})", pop.Days, pb[0], pb[4]) { Color = color, Opacity = 0.12 });
                fills.Add(new FillBand("population 25th–75th percentile", pop.Days, pb[1], pb[3]) { Color = color, Opacity = 0.25 });
                series.Add(new ChartSeries("population median", pop.Days, pb[2]) { Color = ChartPalette.Black });
                series[0] = series[0] with { Name = "typical subject" };
                y = y.Concat(pb[3]).ToArray();
            }
            return new ChartPanel($"{Label(q)} ({ValidationMetric.UnitOf(q)})", series)
            {
                FillBands = fills,
                Bands = figure._bands.TryGetValue(q, out var b) ? b : [],
                YRange = YRange(y, figure._bands.TryGetValue(q, out var bb) ? bb : [], figure._observed.TryGetValue(q, out var o2) ? o2 : []),
            };
        }).ToArray();
        var verdict = result.Status == CaseStatus.Passed ? (result.IsMarginal ? "passed (marginal)" : "passed") : "FAILED";
        // Population statistics have no axis in the figure: state them with their tolerances in the subtitle.
        var statistics = string.Join("; ", result.Checks.Where(c => c.Check.Metric is PopulationMetric)
            .Select(c => $"{c.Check.Description} {c.SimulatedText} (tolerance {c.Check.Metric.ToleranceText(c.Check.Tolerance)})"));
        return new TimeSeriesChart($"{result.Id}: {result.Title}", "Day", panels)
        {
            Subtitle = statistics.Length == 0 ? $"{verdict} · {result.Source}" : $"{verdict} · {statistics}",
            Markers = figure._markers,
            XRange = new AxisRange(0, days[^1]),
            PanelHeight = 220,
        };
    }

    private static string Label(PlottedQuantity q) => q switch
    {
        PlottedQuantity.Platelets => "Platelets",
        PlottedQuantity.Tpo => "Free TPO",
        PlottedQuantity.Production => "Platelet production",
        _ => "Mean platelet lifespan",
    };

    /// <summary>From zero to a little above the curve, the finite band ends and the published ranges.</summary>
    private static AxisRange YRange(double[] y, List<HorizontalBand> bands, List<ChartSeries> observed)
    {
        var values = y.Where(double.IsFinite).ToList();
        foreach (var b in bands) values.AddRange(new[] { b.Low, b.High }.Where(double.IsFinite));
        foreach (var s in observed) values.AddRange(s.Y.Concat(s.YLow ?? []).Concat(s.YHigh ?? []).Where(double.IsFinite));
        var max = values.Count > 0 ? values.Max() : 1;
        if (!(max > 0)) max = 1;
        return new AxisRange(0, max * 1.15);
    }
}
