using System.Globalization;
using TpoSim.Forecasting;

namespace TpoSim.Benchmarks;

/// <summary>
/// <c>forecast-accuracy [--patients N] [--samples S] [--seed S] [--threads K] [--only NAME]</c>: interval coverage and
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
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--patients": patients = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--samples": samples = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--only": only = args[i + 1]; break;
                default: Console.Error.WriteLine($"forecast-accuracy: unknown option {args[i]}"); return 2;
            }
        }
        Console.WriteLine("design,patients,forecast,points,coverage80,coverage95,median_abs_error,median_abs_log_error,seconds");
        foreach (var d in ForecastAccuracy.Designs.Where(d => only is null || d.Name == only))
        {
            var r = ForecastAccuracy.Measure(d, patients, samples, seed, threads);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Design},{r.Patients},{r.Forecast},{r.Points},{r.Coverage80:F3},{r.Coverage95:F3},{r.MedianAbsoluteError:F1},{r.MedianAbsoluteLogError:F3},{r.Seconds:F0}"));
        }
        return 0;
    }
}
