using TpoSim.Procedures;
using TpoSim.Scenarios;

namespace TpoSim.Population;

/// <summary>
/// <c>chemotherapyKillRate</c>, a name a population's <c>variability</c> may list beside the model's parameters: the
/// extra progenitor death rate of the base scenario's chemotherapy (its first event's regimen, 1/day). The kill rate is
/// a property of the scenario's events, not a model parameter, so a subject's draw rewrites its chemotherapy events
/// (same regimen name and exposure, the subject's rate); every event keeps its ratio to the first event's rate.
/// </summary>
public static class ChemotherapyKillRate
{
    /// <summary>The name in <c>variability[i].parameter</c>.</summary>
    public const string Name = "chemotherapyKillRate";

    /// <summary>
    /// The allowed range, 1/day: the scenario format's custom <c>killRate</c>, (0, 20] (0 itself is refused: log-normal
    /// variability needs a typical value above 0, and the custom regimen a rate above 0).
    /// </summary>
    public static (double Minimum, double Maximum, string Unit) Range { get; } = (1e-6, 20, "1/day");

    /// <summary>The first chemotherapy event's kill rate in <paramref name="scenario"/>, 1/day, or null without one.</summary>
    public static double? TypicalValue(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Events.OfType<Chemotherapy>().FirstOrDefault()?.Regimen.KillRatePerDay;
    }

    /// <summary>
    /// <paramref name="scenario"/> with every chemotherapy event's kill rate scaled by <paramref name="killRate"/> over the
    /// first event's (so a subject's draw scales the whole course); the events' days, cycles and exposure are kept.
    /// </summary>
    public static Scenario Apply(Scenario scenario, double killRate)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (TypicalValue(scenario) is not { } typical) throw new ArgumentException($"'{Name}' needs a chemotherapy event in the scenario.");
        var factor = killRate / typical;
        var events = scenario.Events.Select(e => e is Chemotherapy c
            ? c with { Regimen = new ChemotherapyRegimen(c.Regimen.Name, c.Regimen.KillRatePerDay * factor, c.Regimen.ExposureDays,
                $"{c.Regimen.Name} with the subject's kill rate {c.Regimen.KillRatePerDay * factor:0.###}/day") }
            : e).ToArray();
        return scenario with { Events = events };
    }
}
