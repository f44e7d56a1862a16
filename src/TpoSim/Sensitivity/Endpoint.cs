using TpoSim.Simulation;

namespace TpoSim.Sensitivity;

/// <summary>A named scalar read off one simulation (a clinical endpoint), with its unit.</summary>
/// <param name="Name">Canonical text, as written on the command line (e.g. "nadir:7-28", "count@14").</param>
/// <param name="Unit">Unit of the value.</param>
/// <param name="Description">What it is, in a sentence.</param>
/// <param name="Read">Reads the value from a successful run (NaN when undefined for that run).</param>
public sealed record Endpoint(string Name, string Unit, string Description, Func<SimulationResult, double> Read)
{
    /// <summary>True when the value depends on the day-0 steady state only, so a run needs no time course.</summary>
    public bool ReadsDayZeroOnly { get; init; }
}
