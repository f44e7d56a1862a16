namespace TpoSim.Policies;

/// <summary>One decision of a titration policy at a platelet check.</summary>
/// <param name="Day">Day of the check.</param>
/// <param name="Measured">Measured platelet count, 10^9/L (the model's circulating count times assay noise).</param>
/// <param name="Branch">The rule branch taken, e.g. "low", "high-2w", "hold".</param>
/// <param name="Action">What changed: "start", "increase", "decrease", "keep", "hold", "resume", "stop".</param>
/// <param name="Dose">The dose given from this check on (0 while held or stopped).</param>
/// <param name="Unit">Unit of <paramref name="Dose"/>: "µg/kg" or "mg".</param>
/// <param name="Regimen">The regimen from this check on, e.g. "2 µg/kg weekly", "20 mg 3×/week (days 1, 3, 5)", "held";
/// for a weekly pattern <paramref name="Dose"/> is its largest single amount.</param>
public sealed record Decision(double Day, double Measured, string Branch, string Action, double Dose, string Unit, string Regimen = "");

/// <summary>
/// A closed-loop dose rule as a pure state machine: at each platelet check it is told the day and the measured count,
/// decides, and from then on <see cref="CurrentDose"/> is the amount to give at each dose time. No model inside.
/// </summary>
public interface ITitrationPolicy
{
    /// <summary>Policy name as in scenarios, e.g. "romiplostim-itp-label".</summary>
    string Name { get; }

    /// <summary>Drug name (<see cref="Drugs.DrugCatalog"/>).</summary>
    string Drug { get; }

    /// <summary>Route of each dose.</summary>
    Scenarios.Route Route { get; }

    /// <summary>Unit of the dose amounts.</summary>
    Scenarios.DoseUnit Unit { get; }

    /// <summary>Amount per dose now (0 while held or stopped).</summary>
    double CurrentDose { get; }

    /// <summary>True when the rule wants the interim checks between regular ones too (eltrombopag while held: twice weekly).</summary>
    bool WantsInterimCheck { get; }

    /// <summary>
    /// The amount to give at the dose on <paramref name="titrationDay"/> (days since the rule took over: week day 1 is
    /// titration day 0): <see cref="CurrentDose"/>, or that day's share of a weekly pattern (avatrombopag's intermittent
    /// levels); 0 while held or stopped. By default <see cref="CurrentDose"/> on every dose day.
    /// </summary>
    double DoseOn(double titrationDay) => CurrentDose;

    /// <summary>The current regimen in words ("" before the first check, "held", "stopped"); "" by default.</summary>
    string Regimen => "";

    /// <summary>Decides at the check on <paramref name="day"/> given the measured count; updates <see cref="CurrentDose"/>.</summary>
    Decision Decide(double day, double measuredPlatelets);
}
