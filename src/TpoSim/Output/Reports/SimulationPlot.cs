using TpoSim.Dosing;
using TpoSim.Output.Charts;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Output.Reports;

/// <summary>Choices for plot.svg that are the reader's, not the scenario's.</summary>
/// <param name="LogPlatelets">Log10 platelet axis (counts from 5 to 1,000 on one plot); linear and auto-scaled otherwise.</param>
/// <param name="Observed">Measured values to overlay as points (platelets, TPO, drug concentration), e.g. from a dose table.</param>
public sealed record SimulationPlotOptions(bool LogPlatelets = false, IReadOnlyList<Observation>? Observed = null)
{
    /// <summary>Linear, nothing overlaid.</summary>
    public static SimulationPlotOptions Default { get; } = new();
}

/// <summary>
/// plot.svg: platelets (with the 20/50/150/450 thresholds clinicians act on), free TPO, platelet production and, when a
/// PK drug is dosed, its plasma concentration, against days; every event and every chemotherapy cycle marked, and doses
/// on a track in the unit they were ordered in.
/// </summary>
public static class SimulationPlot
{
    /// <summary>Platelet thresholds drawn as reference lines (10^9/L): bleeding risk &lt; 20, procedures &lt; 50, the normal range 150–450.</summary>
    public static IReadOnlyList<double> PlateletThresholds { get; } = [20, 50, 150, 450];

    /// <summary>The chart of a simulation result.</summary>
    public static TimeSeriesChart Chart(SimulationResult result, SimulationPlotOptions? options = null)
    {
        options ??= SimulationPlotOptions.Default;
        var days = result.Days;
        var o = result.Outputs;
        var platelets = o.Select(x => x.PlateletsCirculating).ToArray();
        var tpo = o.Select(x => x.TpoFreePicogramsPerMl).ToArray();
        var production = o.Select(x => x.PlateletProduction).ToArray();
        // Log scale when TPO spans a decade or more (marrow failure, doses); linear otherwise, where small changes matter.
        var tpoSpan = tpo.Max() / Math.Max(tpo.Min(), 1e-9);
        var observed = options.Observed ?? [];
        var panels = new List<ChartPanel>
        {
            new("Platelets (10⁹/L)", WithObserved([new ChartSeries("circulating platelets", days, platelets) { Color = ChartPalette.Blue }], observed, ObservationKind.Platelets, "measured platelets"))
            {
                // The axis follows the data (an ITP course of 13–36 fills the panel); thresholds show where they fall inside it.
                YScale = options.LogPlatelets ? AxisScale.Log10 : AxisScale.Linear,
                BandsWidenRange = false,
                Bands = [new HorizontalBand(150, 450, "normal 150–450")],
                ReferenceLines = PlateletThresholds.Select(t => new ReferenceLine(t, t.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray(),
            },
            new("Free TPO (pg/mL)", WithObserved([new ChartSeries("free plasma TPO", days, tpo) { Color = ChartPalette.Vermillion }], observed, ObservationKind.Tpo, "measured TPO"))
            {
                YScale = tpoSpan >= 10 ? AxisScale.Log10 : AxisScale.Linear,
                BandsWidenRange = false,
                Bands = [new HorizontalBand(50, 100, "healthy 50–100")],
            },
            new("Production (10⁹/L/day)", [new ChartSeries("platelet production", days, production) { Color = ChartPalette.BluishGreen }])
            {
                IncludeZero = true,
            },
        };
        if (ConcentrationPanel(result, observed) is { } concentration) panels.Add(concentration);
        return new TimeSeriesChart(result.Scenario.Name, "Day", panels)
        {
            Subtitle = $"{ClinicalText.Patient(result.Scenario)}; {ClinicalText.Conditions(result.Scenario)}",
            Markers = Markers(result.Scenario),
            DoseTrack = Doses(result),
            XRange = new AxisRange(0, result.Scenario.Days),
        };
    }

    /// <summary>The chart rendered as standalone SVG.</summary>
    public static string Svg(SimulationResult result, SimulationPlotOptions? options = null) => SvgChartRenderer.Render(Chart(result, options));

    /// <summary>
    /// One marker per scenario event, and one per chemotherapy cycle ("carboplatin cycle 1", "cycle 2", …), so a course
    /// of six cycles shows six lines.
    /// </summary>
    public static IReadOnlyList<ChartMarker> Markers(Scenario scenario)
    {
        var markers = new List<ChartMarker>();
        foreach (var e in scenario.Events)
        {
            if (e is Chemotherapy chemo)
            {
                for (var k = 0; k < chemo.Cycles; k++)
                {
                    var day = chemo.Day + k * chemo.EveryDays;
                    if (day <= scenario.Days) markers.Add(new ChartMarker(day, k == 0 ? $"{chemo.Regimen.Name} cycle 1" : $"cycle {k + 1}") { Color = ChartPalette.ReddishPurple });
                }
            }
            else markers.Add(new ChartMarker(e.Day, e.Label));
        }
        return markers.OrderBy(m => m.X).ToArray();
    }

    /// <summary>
    /// The dose track: each administration labelled as ordered ("50 mg", "1 µg/kg"); bar heights relative to the largest
    /// dose of the same drug, so two drugs of different potency are both readable.
    /// </summary>
    public static DoseTrack? Doses(SimulationResult result)
    {
        var given = ClinicalText.DosesGiven(result).Where(d => d.Micrograms > 0).ToArray();
        if (given.Length == 0) return null;
        var largest = given.GroupBy(d => d.Drug).ToDictionary(g => g.Key, g => g.Max(d => d.Micrograms));
        var drugs = given.Select(d => d.Drug).Distinct().ToArray();
        var units = given.Select(d => d.Unit).Distinct().ToArray();
        var events = given.Select(d => new DoseEvent(d.Day, d.Micrograms / largest[d.Drug]) { Label = drugs.Length > 1 ? $"{d.Drug} {d.Text}" : d.Text }).ToArray();
        return new DoseTrack(string.Join(", ", drugs), units.Length == 1 ? units[0] : "as ordered", events);
    }

    private static ChartPanel? ConcentrationPanel(SimulationResult result, IReadOnlyList<Observation> observed)
    {
        if (result.DrugConcentrationsNgPerMl.Count == 0) return null;
        var series = new List<ChartSeries>();
        var names = result.DrugNames;
        for (var d = 0; d < names.Count; d++)
        {
            var index = d;
            series.Add(new ChartSeries($"{names[d]} (plasma{(names[d] == "romiplostim" ? ", free" : "")})", result.Days,
                result.DrugConcentrationsNgPerMl.Select(c => c[index]).ToArray()) { Color = ChartPalette.At(3 + d) });
        }
        return new ChartPanel("Drug (ng/mL)", WithObserved(series, observed, ObservationKind.DrugConcentration, "measured drug")) { IncludeZero = true };
    }

    private static IReadOnlyList<ChartSeries> WithObserved(IReadOnlyList<ChartSeries> series, IReadOnlyList<Observation> observed, ObservationKind kind, string name)
    {
        var points = observed.Where(x => x.Kind == kind).OrderBy(x => x.TimeDays).ToArray();
        if (points.Length == 0) return series;
        return [.. series, ChartSeries.Observed(name, points.Select(p => p.TimeDays).ToArray(), points.Select(p => p.Value).ToArray()) with { Color = ChartPalette.Black }];
    }
}
