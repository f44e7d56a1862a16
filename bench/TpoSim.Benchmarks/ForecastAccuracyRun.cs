using System.Globalization;
using TpoSim.Forecasting;

namespace TpoSim.Benchmarks;

/// <summary>
/// <c>forecast-accuracy [--patients N] [--samples S] [--seed S] [--threads K] [--only NAME] [--constant-activity] [--assay-cv X]</c>: interval coverage and
/// median absolute error of forecasts on held-out synthetic patients (<see cref="ForecastAccuracy.Designs"/>), one CSV
/// line per design. The figures in docs/fit-forecast.md come from the defaults (20 patients, 100 draws, seed 1).
/// </summary>
public static class ForecastAccuracyRun
{
    /// <summary>Runs the mode; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        int patients = 20, samples = 100, seed = 1, threads = Environment.ProcessorCount;
        string? only = null;
        var constant = false;
        double? assayCv = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] == "--constant-activity") { constant = true; i--; continue; }
            if (i + 1 >= args.Length) { Console.Error.WriteLine($"forecast-accuracy: {args[i]} needs a value"); return 2; }
            switch (args[i])
            {
                case "--patients": patients = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--samples": samples = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--only": only = args[i + 1]; break;
                case "--assay-cv": assayCv = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"forecast-accuracy: unknown option {args[i]}"); return 2;
            }
        }
        Console.WriteLine("design,patients,forecast,points,coverage80,coverage95,median_abs_error,median_abs_log_error,seconds");
        foreach (var design in ForecastAccuracy.Designs.Where(d => only is null || d.Name == only))
        {
            // --constant-activity: the forecast leaves out the activity fluctuation (the truths keep theirs), for comparison.
            var d = constant ? design with { Name = design.Name + " (constant activity)", Prior = design.Prior with { Activity = null } } : design;
            var r = ForecastAccuracy.Measure(d, patients, samples, seed, threads, assayCv);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Design},{r.Patients},{r.Forecast},{r.Points},{r.Coverage80:F3},{r.Coverage95:F3},{r.MedianAbsoluteError:F1},{r.MedianAbsoluteLogError:F3},{r.Seconds:F0}"));
            foreach (var line in r.LeftOut) Console.Error.WriteLine($"{r.Design}: left out {line}");
        }
        return 0;
    }
}
