using TpoSim.Output.Reports;
using TpoSim.Simulation;

namespace TpoSim.Output.Files;

/// <summary>What <see cref="SimulationFiles.WriteAll"/> writes besides the standard files.</summary>
/// <param name="Plot">Plot choices (log platelet axis, observed data).</param>
/// <param name="Provenance">Version, command line, date and scenario for summary.json and report.html; left out when null.</param>
/// <param name="Nonmem">Also write nonmem.csv (<see cref="NonmemTable"/>).</param>
public sealed record SimulationFileOptions(SimulationPlotOptions? Plot = null, RunProvenance? Provenance = null, bool Nonmem = false)
{
    /// <summary>The standard files only.</summary>
    public static SimulationFileOptions Default { get; } = new();
}

/// <summary>Writes every output file of a simulation into a directory.</summary>
public static class SimulationFiles
{
    /// <summary>The dictionary of timeseries.csv's columns.</summary>
    public const string UnitsFileName = "timeseries.units.csv";

    /// <summary>
    /// Writes timeseries.csv, timeseries.units.csv, summary.json, plot.svg, report.html and, with a titration,
    /// decisions.csv (and nonmem.csv when asked); returns their paths.
    /// </summary>
    /// <remarks>Write into an <see cref="OutputFolder"/>'s staging folder so the set appears whole or not at all.</remarks>
    public static IReadOnlyList<string> WriteAll(SimulationResult result, string directory, SimulationFileOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= SimulationFileOptions.Default;
        var paths = new List<string>();
        void Write(string name, Action<TextWriter> body)
        {
            cancellation.ThrowIfCancellationRequested();
            var path = Path.Combine(directory, name);
            using (var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" }) body(w);
            paths.Add(path);
        }
        Write("timeseries.csv", w => TimeSeriesCsv.Write(result, w));
        Write("summary.json", w => w.Write(SummaryJson.Serialize(result, options.Provenance)));
        Write("plot.svg", w => w.Write(SimulationPlot.Svg(result, options.Plot)));
        Write("report.html", w => w.Write(SimulationReport.Html(result, options.Plot, options.Provenance)));
        Write(UnitsFileName, w => TimeSeriesCsv.WriteUnits(result, w));
        if (result.Titration is not null) Write("decisions.csv", w => DecisionsCsv.Write(result.Titration, w));
        if (options.Nonmem) Write("nonmem.csv", w => NonmemTable.Write(result, w));
        return paths;
    }
}
