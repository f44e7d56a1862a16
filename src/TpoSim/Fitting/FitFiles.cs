using System.Globalization;
using System.Text;
using System.Text.Json;
using TpoSim.Dosing;
using TpoSim.Output.Charts;
using TpoSim.Simulation;

namespace TpoSim.Fitting;

/// <summary>The fitted curves of a patient for the plot: MAP curve and a 95% band over Laplace draws.</summary>
/// <param name="Days">Output days.</param>
/// <param name="MapPlatelets">Platelets at the MAP values, 10^9/L.</param>
/// <param name="PlateletLow">2.5th percentile over the draws.</param>
/// <param name="PlateletHigh">97.5th percentile over the draws.</param>
/// <param name="MapTpo">Free TPO at the MAP values, pg/mL.</param>
public sealed record FitCurves(double[] Days, double[] MapPlatelets, double[] PlateletLow, double[] PlateletHigh, double[] MapTpo)
{
    /// <summary>Simulates the MAP curve and <paramref name="draws"/> Laplace draws (seeded) over the history.</summary>
    public static FitCurves Compute(FitResult fit, int draws, int seed, int threads = 1, CancellationToken cancellation = default, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var map = fit.Problem.Simulate(fit.Eta, cancellation: cancellation);
        var days = map.Days.ToArray();
        var platelets = map.Outputs.Select(o => o.PlateletsCirculating).ToArray();
        var tpo = map.Outputs.Select(o => o.TpoFreePicogramsPerMl).ToArray();
        var low = (double[])platelets.Clone();
        var high = (double[])platelets.Clone();
        if (fit.Covariance is not null && draws > 0)
        {
            var etas = new LaplacePosterior(fit).Sample(draws, seed);
            var curves = new double[]?[draws];
            var done = 0;
            Parallel.For(0, draws, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellation }, k =>
            {
                // A band draw is summarised with the others into percentiles: the draws' tolerance (the MAP curve keeps 1e-6).
                var r = fit.Problem.Simulate(etas[k], cancellation: cancellation, relativeTolerance: SolverChoice.DrawRelativeTolerance);
                if (r.Succeeded && r.Days.Count == days.Length) curves[k] = r.Outputs.Select(o => o.PlateletsCirculating).ToArray();
                progress?.Report((double)Interlocked.Increment(ref done) / draws);
            });
            var ok = curves.Where(c => c is not null).Select(c => c!).ToArray();
            if (ok.Length > 0)
            {
                for (var i = 0; i < days.Length; i++)
                {
                    var sorted = ok.Select(c => c[i]).Order().ToArray();
                    low[i] = Population.PopulationReducer.Percentile(sorted, 2.5);
                    high[i] = Population.PopulationReducer.Percentile(sorted, 97.5);
                }
            }
        }
        return new FitCurves(days, platelets, low, high, tpo);
    }
}

/// <summary>Writes fit.json and fit.svg, and reads a fit back for a forecast.</summary>
public static class FitFiles
{
    /// <summary>Writes both files to <paramref name="directory"/> (created if needed) and returns their paths.</summary>
    public static IReadOnlyList<string> WriteAll(FitResult fit, FitCurves curves, string directory)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(curves);
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, "fit.json");
        var svg = Path.Combine(directory, "fit.svg");
        File.WriteAllText(json, Json(fit));
        SvgChartRenderer.Save(Chart(fit, curves), svg);
        return [json, svg];
    }

    /// <summary>The fit as JSON: patient, prior, estimates with 95% intervals, η̂ and its covariance, predictions.</summary>
    public static string Json(FitResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var h = fit.Problem.History;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("tool", "tposim fit");
            w.WritePropertyName("patient");
            w.WriteStartObject();
            w.WriteString("id", h.Id);
            w.WriteString("source", h.Source);
            if (h.Drug is null) w.WriteNull("drug"); else w.WriteString("drug", h.Drug);
            w.WriteString("doseUnit", DoseUnits.Symbol(h.Unit));
            w.WriteNumber("weightKg", h.Patient.BodyWeightKg);
            w.WriteString("sex", h.Patient.Sex.ToString().ToLowerInvariant());
            w.WriteString("condition", h.PriorName);
            w.WriteNumber("doses", h.Doses.Count);
            w.WriteNumber("observations", fit.Problem.ObservationCount);
            w.WriteEndObject();
            w.WriteBoolean("converged", fit.Converged);
            w.WriteString("message", fit.Message);
            w.WriteString("optimizer", fit.Optimizer);
            w.WriteNumber("iterations", fit.Iterations);
            w.WriteNumber("simulations", fit.Evaluations);
            Number(w, "objective", fit.Objective);
            w.WritePropertyName("residualError");
            w.WriteStartObject();
            w.WriteString("model", "ln(observed) = ln(predicted) + ε, ε ~ N(0, σ²)");
            w.WriteNumber("plateletSd", fit.Problem.Prior.Error.PlateletSd);
            w.WriteNumber("tpoSd", fit.Problem.Prior.Error.TpoSd);
            w.WriteString("source", fit.Problem.Prior.Error.Source);
            w.WriteEndObject();
            w.WritePropertyName("parameters");
            w.WriteStartArray();
            foreach (var e in fit.Estimates)
            {
                w.WriteStartObject();
                w.WriteString("name", e.Parameter.Name);
                w.WriteString("unit", e.Parameter.Unit);
                w.WriteString("meaning", e.Parameter.Meaning);
                Number(w, "estimate", e.Value);
                Number(w, "lower95", e.Lower);
                Number(w, "upper95", e.Upper);
                Number(w, "eta", e.Eta);
                Number(w, "etaSd", e.EtaSd);
                Number(w, "posteriorToPriorSd", e.PosteriorToPriorSd);
                w.WritePropertyName("prior");
                w.WriteStartObject();
                w.WriteNumber("median", e.Parameter.Typical);
                w.WriteNumber("cv", e.Parameter.Cv);
                w.WriteString("source", e.Parameter.Source);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WritePropertyName("eta");
            w.WriteStartArray();
            foreach (var v in fit.Eta) w.WriteNumberValue(v);
            w.WriteEndArray();
            w.WritePropertyName("covariance");
            if (fit.Covariance is null) w.WriteNullValue();
            else
            {
                w.WriteStartArray();
                for (var i = 0; i < fit.Eta.Length; i++)
                {
                    w.WriteStartArray();
                    for (var j = 0; j < fit.Eta.Length; j++) w.WriteNumberValue(fit.Covariance[i, j]);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// Reads η̂ and its covariance from a fit.json written for the same patient and prior; null with one error line when
    /// the file is missing, malformed, not converged or for another patient.
    /// </summary>
    public static (FitResult? Fit, string? Error) Read(string path, FitProblem problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(problem);
        try
        {
            using var doc = Input.InputFile.TryReadJson(path, out var readProblem);
            if (doc is null) return (null, $"{path}: {readProblem}");
            var root = doc.RootElement;
            var patient = root.GetProperty("patient");
            if (patient.GetProperty("id").GetString() != problem.History.Id || patient.GetProperty("observations").GetInt32() != problem.ObservationCount)
                return (null, $"{path}: was fitted to another patient (id {patient.GetProperty("id").GetString()}, {patient.GetProperty("observations").GetInt32()} observations); refit with 'tposim fit'.");
            if (!root.GetProperty("converged").GetBoolean()) return (null, $"{path}: the fit did not converge; refit before forecasting.");
            var names = root.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToArray();
            if (!names.SequenceEqual(problem.Prior.Parameters.Select(p => p.Name)))
                return (null, $"{path}: estimates {string.Join(", ", names)}; this forecast fits {string.Join(", ", problem.Prior.Parameters.Select(p => p.Name))}; pass the fit's --estimate options again, or refit.");
            var eta = root.GetProperty("eta").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var rows = root.GetProperty("covariance").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
            var n = eta.Length;
            if (rows.Length != n || rows.Any(r => r.Length != n)) return (null, $"{path}: field covariance must be {n}×{n}.");
            var covariance = new double[n, n];
            for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) covariance[i, j] = rows[i][j];
            if (MapEstimator.Invert(covariance) is null) return (null, $"{path}: field covariance is not positive definite.");
            return (new FitResult(eta, covariance, root.GetProperty("objective").GetDouble(), true, root.GetProperty("message").GetString() ?? "",
                root.GetProperty("optimizer").GetString() ?? "", root.GetProperty("iterations").GetInt32(), 0) { Problem = problem }, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return (null, $"{path}: not a readable fit.json ({e.Message.Split('\n')[0]}).");
        }
    }

    /// <summary>Observed platelets (points), the MAP curve and the 95% band; TPO in a second panel when measured; doses above.</summary>
    public static TimeSeriesChart Chart(FitResult fit, FitCurves curves)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(curves);
        var h = fit.Problem.History;
        var platelets = fit.Problem.Observations.Where(o => o.Kind == ObservationKind.Platelets).ToArray();
        var tpo = fit.Problem.Observations.Where(o => o.Kind == ObservationKind.Tpo).ToArray();
        var panels = new List<ChartPanel>
        {
            new("platelets (10⁹/L)",
            [
                new ChartSeries("MAP fit", curves.Days, curves.MapPlatelets) { Color = ChartPalette.Blue },
                ChartSeries.Observed("observed", platelets.Select(o => o.TimeDays).ToArray(), platelets.Select(o => o.Value).ToArray()) with { Color = ChartPalette.Black },
            ])
            {
                FillBands = [new FillBand("95% band (parameter uncertainty)", curves.Days, curves.PlateletLow, curves.PlateletHigh) { Color = ChartPalette.Blue, Opacity = 0.2 }],
                IncludeZero = true,
            },
        };
        if (tpo.Length > 0)
        {
            panels.Add(new ChartPanel("free TPO (pg/mL)",
            [
                new ChartSeries("MAP fit", curves.Days, curves.MapTpo) { Color = ChartPalette.Vermillion },
                ChartSeries.Observed("observed", tpo.Select(o => o.TimeDays).ToArray(), tpo.Select(o => o.Value).ToArray()) with { Color = ChartPalette.Black },
            ]) { IncludeZero = true });
        }
        var status = fit.Converged ? "converged" : "NOT converged";
        return new TimeSeriesChart($"Fit of patient {h.Id} ({h.Source})", "day", panels)
        {
            Subtitle = $"MAP Bayes, {h.PriorName} prior; {status}; " +
                       string.Join("; ", fit.Estimates.Select(e => $"{e.Parameter.Name} {G(e.Value)} [{G(e.Lower)}, {G(e.Upper)}]")),
            DoseTrack = h.Drug is null || h.Doses.Count == 0 ? null : new DoseTrack(h.Drug, DoseUnits.Symbol(h.Unit), h.Doses.Select(d => new DoseEvent(d.Day, d.Amount)).ToArray()),
        };
    }

    private static string G(double v) => v.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>Writes a number, or null when it is not finite (JSON has no NaN).</summary>
    internal static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
