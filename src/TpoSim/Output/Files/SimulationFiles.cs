using TpoSim.Output.Reports;
using TpoSim.Simulation;

namespace TpoSim.Output.Files;

/// <summary>Writes every output file of a simulation into a directory.</summary>
public static class SimulationFiles
{
    /// <summary>Writes timeseries.csv, summary.json, plot.svg, report.html and, with a titration, decisions.csv; returns their paths.</summary>
    /// <remarks>Write into an <see cref="OutputFolder"/>'s staging folder so the set appears whole or not at all.</remarks>
    public static IReadOnlyList<string> WriteAll(SimulationResult result, string directory, CancellationToken cancellation = default)
    {
        var paths = new List<string>();
        void Write(string name, Action<TextWriter> body)
        {
            cancellation.ThrowIfCancellationRequested();
            var path = Path.Combine(directory, name);
            using (var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" }) body(w);
            paths.Add(path);
        }
        Write("timeseries.csv", w => TimeSeriesCsv.Write(result, w));
        Write("summary.json", w => w.Write(SummaryJson.Serialize(result)));
        Write("plot.svg", w => w.Write(SimulationPlot.Svg(result)));
        Write("report.html", w => w.Write(SimulationReport.Html(result)));
        if (result.Titration is not null) Write("decisions.csv", w => DecisionsCsv.Write(result.Titration, w));
        return paths;
    }
}
