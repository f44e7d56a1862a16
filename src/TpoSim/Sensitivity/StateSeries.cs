using TpoSim.Simulation;

namespace TpoSim.Sensitivity;

/// <summary>A model state (output) followed over time in a local analysis.</summary>
/// <param name="Name">Column name, e.g. "platelets".</param>
/// <param name="Unit">Unit.</param>
/// <param name="Read">Its value at grid point i of a run.</param>
public sealed record StateSeries(string Name, string Unit, Func<SimulationResult, int, double> Read)
{
    /// <summary>The states a local analysis follows: circulating platelets, free TPO, MK mass and platelet production.</summary>
    public static IReadOnlyList<StateSeries> All { get; } =
    [
        new("platelets", "10^9/L", (r, i) => r.Outputs[i].PlateletsCirculating),
        new("tpo", "pg/mL", (r, i) => r.Outputs[i].TpoFreePicogramsPerMl),
        new("mkMass", "1", (r, i) => r.Outputs[i].MegakaryocyteMassRelative),
        new("production", "10^9/L/day", (r, i) => r.Outputs[i].PlateletProduction),
    ];
}
