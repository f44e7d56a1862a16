using System.Globalization;
using System.Text;
using System.Text.Json;
using TpoSim.Dosing;
using TpoSim.Output.Charts;
using TpoSim.Output.Files;

namespace TpoSim.Forecasting;

/// <summary>Writes forecast.json, forecast.csv and forecast.svg.</summary>
public static class ForecastFiles
{
    private static string F(double v) => InvariantNumber.G10(v);

    /// <summary>Writes the three files to <paramref name="directory"/> (created if needed) and returns their paths.</summary>
    public static IReadOnlyList<string> WriteAll(ForecastResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, "forecast.json");
        var csv = Path.Combine(directory, "forecast.csv");
        var svg = Path.Combine(directory, "forecast.svg");
        File.WriteAllText(json, Json(result));
        File.WriteAllText(csv, Csv(result));
        SvgChartRenderer.Save(Chart(result), svg);
        return [json, csv, svg];
    }

    /// <summary>One row per regimen and forecast day: platelet percentiles p5…p95 (10^9/L).</summary>
    public static string Csv(ForecastResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder("regimen,day,");
        sb.Append(string.Join(",", ForecastOptions.Percentiles.Select(p => "platelets_p" + p.ToString("0", CultureInfo.InvariantCulture)))).Append('\n');
        foreach (var r in result.Regimens)
        {
            for (var i = 0; i < result.Days.Length; i++)
            {
                sb.Append(Quote(r.Regimen.Name)).Append(',').Append(F(result.Days[i]));
                foreach (var band in r.Bands) sb.Append(',').Append(F(band[i]));
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>The request, each regimen's expected time in range, risk and dose, the recommendation and the disclaimer.</summary>
    public static string Json(ForecastResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var h = result.Fit.Problem.History;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("tool", "tposim forecast");
            w.WriteString("disclaimer", ForecastResult.Disclaimer);
            w.WriteString("patient", h.Id);
            w.WriteString("source", h.Source);
            if (h.Drug is null) w.WriteNull("drug"); else w.WriteString("drug", h.Drug);
            w.WriteString("doseUnit", DoseUnits.Symbol(h.Unit));
            w.WriteNumber("startDay", result.StartDay);
            w.WriteNumber("endDay", result.EndDay);
            w.WriteNumber("weeks", o.Weeks);
            w.WriteNumber("targetLow", o.TargetLow);
            w.WriteNumber("targetHigh", o.TargetHigh);
            w.WriteNumber("riskThreshold", o.RiskThreshold);
            w.WriteNumber("maxRisk", o.MaxRisk);
            w.WriteNumber("samples", o.Samples);
            w.WriteNumber("seed", o.Seed);
            var activity = result.Fit.Problem.Prior.Activity;
            w.WriteString("condition", result.Fit.Problem.Prior.Condition);
            w.WriteString("uncertainty", "parameter draws from the Laplace posterior of the fit" +
                (activity is { Cv: > 0 } ? $", each with its own path of the weekly disease-activity fluctuation (CV {F(activity.Cv)}, correlation {F(activity.CorrelationDays)} days, on {activity.Parameter}; {activity.Source})" : "; disease activity constant") +
                "; the label rule decides on model counts (no assay noise)");
            w.WritePropertyName("regimens");
            w.WriteStartArray();
            for (var k = 0; k < result.Regimens.Count; k++)
            {
                var r = result.Regimens[k];
                w.WriteStartObject();
                w.WriteString("name", r.Regimen.Name);
                w.WriteString("kind", r.Regimen.Kind.ToString().ToLowerInvariant());
                Fitting.FitFiles.Number(w, "expectedTimeInTarget", r.TimeInTarget);
                Fitting.FitFiles.Number(w, "probabilityAboveThreshold", r.RiskAbove);
                Fitting.FitFiles.Number(w, "meanWeeklyDose", r.MeanWeeklyDose);
                Fitting.FitFiles.Number(w, "distanceFromTarget", r.DistanceFromTarget);
                w.WriteBoolean("meetsRiskLimit", r.MeetsRisk(o.MaxRisk));
                Fitting.FitFiles.Number(w, "medianAtEnd", r.Bands[2][^1]);
                w.WriteNumber("failedDraws", r.Failed);
                w.WriteBoolean("recommended", k == result.Recommended);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("recommendation", result.Regimens[result.Recommended].Regimen.Name);
            w.WriteString("reason", result.Reason);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Median and 5–95% band of each regimen over the window, the past counts, the target range and the risk line.</summary>
    public static TimeSeriesChart Chart(ForecastResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var series = new List<ChartSeries>();
        var bands = new List<FillBand>();
        for (var k = 0; k < result.Regimens.Count; k++)
        {
            var r = result.Regimens[k];
            var color = ChartPalette.At(k);
            var name = r.Regimen.Name + (k == result.Recommended ? " (recommended)" : "");
            bands.Add(new FillBand($"{r.Regimen.Name} 5–95%", result.Days, r.Bands[0], r.Bands[4]) { Color = color, Opacity = 0.12, ShowInLegend = false });
            series.Add(new ChartSeries(name, result.Days, r.Bands[2]) { Color = color, LineWidth = k == result.Recommended ? 3 : 1.5, Dashed = k != result.Recommended });
        }
        if (result.HistoryDays.Count > 0)
            series.Add(new ChartSeries("fit to the history (MAP)", result.HistoryDays, result.HistoryPlatelets) { Color = ChartPalette.Grey, LineWidth = 1.5 });
        var past = result.Fit.Problem.Observations.Where(x => x.Kind == ObservationKind.Platelets).ToArray();
        series.Add(ChartSeries.Observed("observed", past.Select(x => x.TimeDays).ToArray(), past.Select(x => x.Value).ToArray()) with { Color = ChartPalette.Black });
        var panel = new ChartPanel("platelets (10⁹/L)", series)
        {
            FillBands = bands,
            Bands = [new HorizontalBand(o.TargetLow, o.TargetHigh, $"target {o.TargetLow:G}–{o.TargetHigh:G}"), new HorizontalBand(o.RiskThreshold, double.PositiveInfinity, $"> {o.RiskThreshold:G}") { Color = ChartPalette.Vermillion }],
            IncludeZero = true,
        };
        return new TimeSeriesChart($"Forecast for patient {result.Fit.Problem.History.Id}: {o.Weeks} weeks", "day", [panel])
        {
            Subtitle = $"median and 5–95% over {o.Samples} posterior draws; recommended: {result.Regimens[result.Recommended].Regimen.Name}. Supports, does not replace, clinical judgment.",
            Markers = [new ChartMarker(result.StartDay, "forecast start")],
        };
    }

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
