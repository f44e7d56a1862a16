namespace TpoSim.Scenarios;

/// <summary>Documented defaults and limits of the scenario format (docs/scenarios.md reads the same values).</summary>
public static class ScenarioDefaults
{
    /// <summary>Simulated days when not given.</summary>
    public const double Days = 60;
    /// <summary>Longest simulation, days (20 years).</summary>
    public const double MaxDays = 7300;
    /// <summary>Output grid spacing when not given, days (6 h).</summary>
    public const double OutputStepDays = 0.25;
    /// <summary>Smallest output spacing, days (≈1.4 min).</summary>
    public const double MinOutputStepDays = 0.001;
    /// <summary>Most output rows.</summary>
    public const int MaxOutputPoints = 1_000_000;
    /// <summary>Most doses after expanding repeats.</summary>
    public const int MaxDoses = 10_000;
    /// <summary>Most events after expanding chemotherapy cycles (each cycle counts as one event).</summary>
    public const int MaxEvents = 1_000;
    /// <summary>Largest transfusion in one event, ×10^9 platelets (≈ 20 adult units).</summary>
    public const double MaxTransfusionE9 = 6000;
}
