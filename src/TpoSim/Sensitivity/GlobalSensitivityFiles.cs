using System.Text;
using System.Text.Json;
using TpoSim.Output.Charts;
using static TpoSim.Output.Files.InvariantNumber;

namespace TpoSim.Sensitivity;

/// <summary>
/// The files of a global analysis: manifest.json and evaluations.csv (what <c>tposim merge</c> reads back), indices.csv
/// and indices.json (each endpoint × parameter, with 95% bootstrap intervals and units), convergence.csv (indices at
/// N/4, N/2, N) and one bar chart per endpoint. They depend only on the configuration and the runs' outputs, so a merge
/// of shards writes the same bytes as one machine.
/// </summary>
public static class GlobalSensitivityFiles
{
    /// <summary>The file contents by name, in write order.</summary>
    public static IReadOnlyList<(string Name, string Text)> Contents(GlobalSensitivityResult result)
    {
        var config = result.Config;
        var all = new RunRange(0, config.Runs);
        var files = new List<(string, string)>
        {
            (GlobalManifest.FileName, new GlobalManifest(config, 1, 1, all).Json()),
            (GlobalManifest.EvaluationsFileName, GlobalManifest.EvaluationsCsv(config, all, result.Outputs)),
            ("indices.csv", IndicesCsv(result)),
            ("indices.json", IndicesJson(result)),
            ("convergence.csv", ConvergenceCsv(result)),
        };
        for (var k = 0; k < config.Outputs.Count; k++) files.Add((ChartFileName(config, k), Chart(result, k).Svg()));
        return files;
    }

    /// <summary>Writes <see cref="Contents"/> into <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> WriteAll(GlobalSensitivityResult result, string directory) => OutputDirectory.Write(directory, Contents(result));

    /// <summary>Writes one shard's manifest and evaluations into <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> WriteShard(GlobalManifest manifest, double[][] outputs, string directory) =>
        OutputDirectory.Write(directory,
        [
            (GlobalManifest.FileName, manifest.Json()),
            (GlobalManifest.EvaluationsFileName, GlobalManifest.EvaluationsCsv(manifest.Config, manifest.Range, outputs)),
        ]);

    /// <summary>"sobol-&lt;endpoint&gt;.svg" or "morris-&lt;endpoint&gt;.svg".</summary>
    public static string ChartFileName(GlobalConfig config, int k) => $"{config.MethodName}-{OutputDirectory.Slug(config.Outputs[k].Name)}.svg";

    /// <summary>Parameter order for output <paramref name="k"/>: by the ranking index (ST, or μ*), largest first, undefined last.</summary>
    public static int[] Ranking(GlobalSensitivityResult result, int k)
    {
        var t = result.Final(k);
        var column = result.Config.Method == GlobalMethod.Sobol ? 1 : 0;
        return Enumerable.Range(0, result.Config.Parameters.Count)
            .OrderByDescending(i => double.IsFinite(t.Values[i][column]) ? t.Values[i][column] : double.NegativeInfinity)
            .ThenBy(i => result.Config.Parameters[i].Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>One row per endpoint × parameter (ranked), each index with its 95% interval.</summary>
    public static string IndicesCsv(GlobalSensitivityResult result)
    {
        var c = result.Config;
        var names = result.Final(0).IndexNames;
        var sb = new StringBuilder("endpoint,endpoint_unit,parameter,parameter_unit,distribution");
        foreach (var n in names) sb.Append(',').Append(n).Append(',').Append(n).Append("_low,").Append(n).Append("_high");
        sb.Append(",index_unit,samples_used,samples_dropped\n");
        for (var k = 0; k < c.Outputs.Count; k++)
        {
            var t = result.Final(k);
            foreach (var i in Ranking(result, k))
            {
                var p = c.Parameters[i];
                sb.Append(Quote(c.Outputs[k].Name)).Append(',').Append(Quote(c.Outputs[k].Unit)).Append(',').Append(p.Name).Append(',')
                  .Append(Quote(p.Unit)).Append(',').Append(Quote(p.Distribution.Text));
                for (var m = 0; m < names.Count; m++)
                    sb.Append(',').Append(G10(t.Values[i][m])).Append(',').Append(G10(t.Lower[i][m])).Append(',').Append(G10(t.Upper[i][m]));
                sb.Append(',').Append(Quote(IndexUnit(c, k))).Append(',').Append(t.UsedSamples).Append(',').Append(t.DroppedSamples).Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>Indices at each convergence step (N/4, N/2, N), for every endpoint and parameter.</summary>
    public static string ConvergenceCsv(GlobalSensitivityResult result)
    {
        var c = result.Config;
        var names = result.Final(0).IndexNames;
        var sb = new StringBuilder("endpoint,samples,parameter");
        foreach (var n in names) sb.Append(',').Append(n);
        sb.Append(",samples_used\n");
        for (var k = 0; k < c.Outputs.Count; k++)
        {
            foreach (var step in result.Convergence[k])
            {
                foreach (var i in Ranking(result, k))
                {
                    sb.Append(Quote(c.Outputs[k].Name)).Append(',').Append(step.Samples).Append(',').Append(c.Parameters[i].Name);
                    for (var m = 0; m < names.Count; m++) sb.Append(',').Append(G10(step.Indices.Values[i][m]));
                    sb.Append(',').Append(step.Indices.UsedSamples).Append('\n');
                }
            }
        }
        return sb.ToString();
    }

    /// <summary>The analysis as JSON: method, design, parameters with distributions, endpoints with ranked indices and intervals.</summary>
    public static string IndicesJson(GlobalSensitivityResult result)
    {
        var c = result.Config;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("kind", "sensitivity-global-indices");
            w.WriteString("title", c.Title);
            w.WriteString("source", c.Source);
            w.WriteString("method", c.MethodName);
            w.WriteString("design", c.Method == GlobalMethod.Sobol
                ? $"Saltelli 2010: {c.Samples} base samples of a digitally shifted Sobol' sequence in {2 * c.Parameters.Count} dimensions, {c.Runs} runs"
                : $"Morris 1991: {c.Samples} trajectories on a {c.Levels}-level grid (Δ = {G10(c.Levels / (2.0 * (c.Levels - 1)))}), {c.Runs} runs");
            w.WriteString("estimators", c.Method == GlobalMethod.Sobol
                ? "S1: Saltelli 2010 (Table 2 b); ST: Jansen 1999 (Saltelli 2010 Table 2 f); 95% percentile bootstrap intervals"
                : "mu_star = mean |EE| (Campolongo 2007), mu = mean EE, sigma = SD of EE (Morris 1991); 95% percentile bootstrap intervals");
            w.WriteNumber("seed", c.Seed);
            w.WriteNumber("bootstrap", c.Bootstrap);
            w.WriteNumber("failedRuns", result.FailedRuns);
            w.WriteStartArray("parameters");
            foreach (var p in c.Parameters)
            {
                w.WriteStartObject();
                w.WriteString("name", p.Name);
                w.WriteString("unit", p.Unit);
                w.WriteNumber("nominal", p.Nominal);
                w.WriteString("distribution", p.Distribution.Text);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("endpoints");
            for (var k = 0; k < c.Outputs.Count; k++)
            {
                var t = result.Final(k);
                w.WriteStartObject();
                w.WriteString("name", c.Outputs[k].Name);
                w.WriteString("unit", c.Outputs[k].Unit);
                w.WriteString("indexUnit", IndexUnit(c, k));
                w.WriteNumber("samplesUsed", t.UsedSamples);
                w.WriteNumber("samplesDropped", t.DroppedSamples);
                w.WriteStartArray("indices");
                foreach (var i in Ranking(result, k))
                {
                    w.WriteStartObject();
                    w.WriteString("parameter", c.Parameters[i].Name);
                    for (var m = 0; m < t.IndexNames.Count; m++)
                    {
                        w.WriteStartObject(t.IndexNames[m]);
                        Number(w, "value", t.Values[i][m]);
                        Number(w, "low", t.Lower[i][m]);
                        Number(w, "high", t.Upper[i][m]);
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Bar chart of endpoint <paramref name="k"/>: S1 and ST (Sobol) or μ* and σ (Morris) with 95% intervals, ranked.</summary>
    public static HorizontalBarChart Chart(GlobalSensitivityResult result, int k)
    {
        var c = result.Config;
        var t = result.Final(k);
        var order = Ranking(result, k).Take(20).ToArray();
        var rows = order.Select(i => c.Parameters[i].Name).ToArray();
        BarSeries Series(int m, string label, string color) => new(label, order.Select(i => t.Values[i][m]).ToArray(), color,
            order.Select(i => t.Lower[i][m]).ToArray(), order.Select(i => t.Upper[i][m]).ToArray());
        var sobol = c.Method == GlobalMethod.Sobol;
        return new HorizontalBarChart(
            sobol ? $"Sobol' indices of {c.Outputs[k].Name} ({c.Outputs[k].Unit})" : $"Morris screening of {c.Outputs[k].Name} ({c.Outputs[k].Unit})",
            $"{c.Title}: N = {c.Samples}{(sobol ? " base samples" : " trajectories")}, {c.Runs} runs, seed {c.Seed}; whiskers: 95% bootstrap intervals",
            sobol ? "share of the endpoint's variance (S1: alone; ST: with all its interactions)" : $"elementary effect, {c.Outputs[k].Unit} per full range of the parameter",
            rows,
            sobol
                ? [Series(0, "first order S1", ChartPalette.Blue), Series(1, "total ST", ChartPalette.Vermillion)]
                : [Series(0, "μ* (mean |EE|)", ChartPalette.Blue), Series(2, "σ (SD of EE)", ChartPalette.Orange)],
            t.DroppedSamples > 0 ? $"{t.DroppedSamples} of {t.UsedSamples + t.DroppedSamples} samples dropped (a run failed or the endpoint was undefined)" : null);
    }

    private static string IndexUnit(GlobalConfig c, int k) =>
        c.Method == GlobalMethod.Sobol ? "1 (share of variance)" : $"{c.Outputs[k].Unit} per unit of scaled range";

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
