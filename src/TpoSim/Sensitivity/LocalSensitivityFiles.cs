using System.Text;
using System.Text.Json;
using TpoSim.Output.Charts;
using static TpoSim.Output.Files.InvariantNumber;

namespace TpoSim.Sensitivity;

/// <summary>
/// The files of a local analysis: sensitivities.csv and sensitivities.json (every endpoint × parameter with units, the
/// two step estimates and the error check), states.csv (the normalised sensitivity of each state at each output day)
/// and one tornado plot per endpoint.
/// </summary>
public static class LocalSensitivityFiles
{
    /// <summary>Bars shown in a tornado plot (the largest |S|).</summary>
    public const int TornadoBars = 15;

    /// <summary>The file contents by name, in write order.</summary>
    public static IReadOnlyList<(string Name, string Text)> Contents(ScenarioLocalSensitivity analysis)
    {
        var files = new List<(string, string)>
        {
            ("sensitivities.csv", Csv(analysis)),
            ("sensitivities.json", Json(analysis)),
            ("states.csv", StatesCsv(analysis)),
        };
        for (var k = 0; k < analysis.Endpoints.Count; k++) files.Add((TornadoFileName(analysis, k), Tornado(analysis, k).Svg()));
        return files;
    }

    /// <summary>Writes <see cref="Contents"/> into <paramref name="directory"/>; returns the paths.</summary>
    public static IReadOnlyList<string> WriteAll(ScenarioLocalSensitivity analysis, string directory) =>
        OutputDirectory.Write(directory, Contents(analysis));

    /// <summary>"tornado-&lt;endpoint&gt;.svg" for endpoint <paramref name="k"/>.</summary>
    public static string TornadoFileName(ScenarioLocalSensitivity analysis, int k) => $"tornado-{OutputDirectory.Slug(analysis.Endpoints[k].Name)}.svg";

    /// <summary>One row per endpoint × parameter, endpoints in order, parameters by |S| (largest first).</summary>
    public static string Csv(ScenarioLocalSensitivity analysis)
    {
        var r = analysis.Result;
        var sb = new StringBuilder("endpoint,endpoint_unit,endpoint_value,parameter,parameter_unit,nominal,scheme,S,S_step_h,S_step_h2,error_estimate,reliable,d_endpoint_d_ln_parameter\n");
        for (var k = 0; k < analysis.Endpoints.Count; k++)
        {
            var e = analysis.Endpoints[k];
            foreach (var i in r.Ranking(k))
            {
                var p = r.Problem.Parameters[i];
                var s = r.Values[i][k];
                sb.Append(Csv(e.Name)).Append(',').Append(Csv(e.Unit)).Append(',').Append(G10(r.BaseOutputs[k])).Append(',')
                  .Append(p.Name).Append(',').Append(Csv(p.Unit)).Append(',').Append(G10(p.Nominal)).Append(',')
                  .Append(SchemeName(r.Schemes[i])).Append(',').Append(G10(s.Normalised)).Append(',').Append(G10(s.NormalisedStepH)).Append(',')
                  .Append(G10(s.NormalisedStepHalf)).Append(',').Append(G10(s.ErrorEstimate)).Append(',').Append(s.Reliable ? "yes" : "no").Append(',')
                  .Append(G10(s.Derivative)).Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>Long format: day, parameter, then the normalised sensitivity of each state (empty where undefined).</summary>
    public static string StatesCsv(ScenarioLocalSensitivity analysis)
    {
        var states = StateSeries.All;
        var sb = new StringBuilder("day,parameter");
        foreach (var s in states) sb.Append(",S_").Append(s.Name);
        sb.Append('\n');
        var parameters = analysis.Result.Problem.Parameters;
        for (var d = 0; d < analysis.Days.Count; d++)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                sb.Append(G10(analysis.Days[d])).Append(',').Append(parameters[i].Name);
                for (var s = 0; s < states.Count; s++) sb.Append(',').Append(G10(analysis.State(i, s, d).Normalised));
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>The analysis as JSON: method, step, error check, parameters, endpoints with sensitivities (units throughout).</summary>
    public static string Json(ScenarioLocalSensitivity analysis)
    {
        var r = analysis.Result;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("kind", "sensitivity-local");
            w.WriteString("scenario", analysis.Scenario.Name);
            w.WriteString("quantity", "normalised sensitivity S = ∂ ln endpoint / ∂ ln parameter (1)");
            w.WriteString("method", "second-order finite differences in ln p at steps h and h/2, Richardson-extrapolated; error estimate |D(h/2) − D(h)|/3 relative to the endpoint");
            w.WriteNumber("logStep", r.Options.LogStep);
            w.WriteString("errorCheck", $"reliable when error estimate ≤ {G10(r.Options.RelativeTolerance)}·|S| + {G10(r.Options.AbsoluteTolerance)}");
            w.WriteNumber("runs", r.Runs);
            w.WriteStartArray("parameters");
            for (var i = 0; i < r.Problem.Parameters.Count; i++)
            {
                var p = r.Problem.Parameters[i];
                w.WriteStartObject();
                w.WriteString("name", p.Name);
                w.WriteString("unit", p.Unit);
                w.WriteNumber("nominal", p.Nominal);
                w.WriteString("scheme", SchemeName(r.Schemes[i]));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("endpoints");
            for (var k = 0; k < analysis.Endpoints.Count; k++)
            {
                var e = analysis.Endpoints[k];
                w.WriteStartObject();
                w.WriteString("name", e.Name);
                w.WriteString("description", e.Description);
                w.WriteString("unit", e.Unit);
                Number(w, "value", r.BaseOutputs[k]);
                w.WriteStartArray("sensitivities");
                foreach (var i in r.Ranking(k))
                {
                    var s = r.Values[i][k];
                    w.WriteStartObject();
                    w.WriteString("parameter", r.Problem.Parameters[i].Name);
                    Number(w, "S", s.Normalised);
                    Number(w, "errorEstimate", s.ErrorEstimate);
                    w.WriteBoolean("reliable", s.Reliable);
                    Number(w, "dEndpointDLnParameter", s.Derivative);
                    w.WriteString("derivativeUnit", e.Unit);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>Tornado plot of endpoint <paramref name="k"/>: the <see cref="TornadoBars"/> largest |S|, signed.</summary>
    public static HorizontalBarChart Tornado(ScenarioLocalSensitivity analysis, int k)
    {
        var r = analysis.Result;
        var e = analysis.Endpoints[k];
        var order = r.Ranking(k).Where(i => double.IsFinite(r.Values[i][k].Normalised)).Take(TornadoBars).ToArray();
        var rows = order.Select(i => r.Values[i][k].Reliable ? r.Problem.Parameters[i].Name : r.Problem.Parameters[i].Name + " *").ToArray();
        var values = order.Select(i => r.Values[i][k].Normalised).ToArray();
        var unreliable = order.Any(i => !r.Values[i][k].Reliable);
        return new HorizontalBarChart(
            $"What drives {e.Name}? ({G4(r.BaseOutputs[k])} {e.Unit})",
            $"{analysis.Scenario.Name}: normalised local sensitivity, {order.Length} largest of {r.Problem.Parameters.Count} parameters",
            "S = ∂ ln endpoint / ∂ ln parameter (+1: 1% more parameter → 1% more endpoint)",
            rows,
            [new BarSeries("S", values, ChartPalette.Blue)],
            unreliable ? "* failed the error check (step h vs h/2 differ): the endpoint is not smooth in this parameter here" : null);
    }

    /// <summary>Scheme name as written in files.</summary>
    public static string SchemeName(DifferenceScheme scheme) => scheme switch
    {
        DifferenceScheme.Central => "central",
        DifferenceScheme.Backward => "backward",
        _ => "forward",
    };

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    private static string G4(double v) => double.IsFinite(v) ? v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) : "–";

    private static string Csv(string text) => text.Contains(',') || text.Contains('"') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
