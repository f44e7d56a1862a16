using System.CommandLine;
using System.Globalization;
using TpoSim.Population;
using TpoSim.Simulation;

namespace TpoSim.Cli.Commands;

/// <summary>
/// The <c>--rtol</c> option of the commands that summarise many random draws (population, forecast): one range and one
/// message, with <see cref="SolverChoice.DrawRelativeTolerance"/> as the default.
/// </summary>
public static class ToleranceOption
{
    /// <summary>An <c>--rtol</c> option whose description says what each solve is (e.g. "every subject's solve").</summary>
    public static Option<double> Create(string solves, string measuredOn) => new("--rtol")
    {
        Description = $"Relative tolerance of {solves} ({PopulationOptions.MinimumRelativeTolerance:0e+0}–{PopulationOptions.MaximumRelativeTolerance:0e+0}); default {SolverChoice.DrawRelativeTolerance:0e+0}, whose cost on {measuredOn} docs/performance.md measures against 1e-8.",
        DefaultValueFactory = _ => SolverChoice.DrawRelativeTolerance,
    };

    /// <summary>Throws the one-line input error when <paramref name="rtol"/> is outside the allowed range.</summary>
    public static void Check(double rtol)
    {
        if (!(rtol >= PopulationOptions.MinimumRelativeTolerance && rtol <= PopulationOptions.MaximumRelativeTolerance))
            throw new CliInputException($"--rtol: {rtol.ToString("R", CultureInfo.InvariantCulture)} is outside the allowed range [{PopulationOptions.MinimumRelativeTolerance:0e+0}, {PopulationOptions.MaximumRelativeTolerance:0e+0}]");
    }
}
