using TpoSim.Model;
using TpoSim.Parameters;
using static TpoSim.Model.Expr;
using Slots = TpoSim.Physiology.CoreModelDefinition.DrugSlots;

namespace TpoSim.Drugs.Modules;

/// <summary>
/// How a drug acts on c-Mpl signalling, as module variables that fill the core model's drug slots
/// (<see cref="Slots"/>): a competitive agonist at TPO's site adds C/K and ε·C/K to the site ratios
/// (<see cref="CompetitiveAgonism"/>); a transmembrane agonist adds ε·C/(EC50 + C) to TPO's signal; an antagonist
/// multiplies the unblocked fraction by 1 − Imax·C/(Ki + C). Each term is exactly 0 (or 1) at zero concentration.
/// </summary>
public static class MplAction
{
    /// <summary>Agonist at TPO's own site (<see cref="MplSite.TpoSite"/>), K and ε expressions in ng/mL and 1.</summary>
    public static IReadOnlyList<VariableDefinition> TpoSiteAgonist(string prefix, Expr concentration, Expr kd, Expr? efficacy)
    {
        var ratio = Variable($"{prefix}SiteRatio");
        return
        [
            new(ratio.Name, "1", "C/K_d of the drug at TPO's site.", Max(concentration, 0) / kd),
            new(Slots.TpoSiteRatio, "1", "Σ C/K at TPO's site.", Variable(Slots.TpoSiteRatio) + ratio),
            new(Slots.TpoSiteEfficacyRatio, "1", "Σ ε·C/K at TPO's site.", Variable(Slots.TpoSiteEfficacyRatio) + (efficacy is null ? ratio : efficacy * ratio)),
        ];
    }

    /// <summary>Agonist at the transmembrane site (<see cref="MplSite.Transmembrane"/>): its signal adds to TPO's.</summary>
    public static IReadOnlyList<VariableDefinition> TransmembraneAgonist(string prefix, Expr concentration, Expr ec50, Expr? efficacy)
    {
        var occupancy = Variable($"{prefix}Occupancy");
        return
        [
            new(occupancy.Name, "1", "Transmembrane-site occupancy C/(EC50 + C).", Max(concentration, 0) / (ec50 + Max(concentration, 0))),
            new(Slots.TransmembraneSignal, "1", "Σ ε·occupancy of transmembrane agonists.",
                Variable(Slots.TransmembraneSignal) + (efficacy is null ? occupancy : efficacy * occupancy)),
        ];
    }

    /// <summary>Antagonist removing the fraction Imax·C/(Ki + C) of the c-Mpl signal.</summary>
    public static IReadOnlyList<VariableDefinition> Antagonist(string prefix, Expr concentration, Expr ki, Expr imax)
    {
        var occupancy = Variable($"{prefix}Occupancy");
        return
        [
            new(occupancy.Name, "1", "Antagonist occupancy C/(Ki + C).", Max(concentration, 0) / (ki + Max(concentration, 0))),
            new(Slots.UnblockedFraction, "1", "Π (1 − Imax·occupancy) of antagonists.", Variable(Slots.UnblockedFraction) * (1 - imax * occupancy)),
        ];
    }

    /// <summary>The registry entry of a PK or PD parameter definition.</summary>
    public static ModelParameter Registry(ParameterDefinition d) => Physiology.CoreModelDefinition.ToModelParameter(d);

    /// <summary>The dose-time parameter of a module (set by dose events; far in the past before the first dose).</summary>
    public static ModelParameter LastDose(string prefix) => new(
        $"{prefix}LastDoseDay", -1e9, "day", -1e9, 1e9, ParameterKind.PatientControl,
        "Time of the last dose (set by each dose event); time-since-dose switches read it.",
        "scenario doses (-1e9 before the first dose, so the time since dose is effectively infinite)");

    /// <summary>h → day conversion factor 24 h/day.</summary>
    public static Expr HoursPerDay { get; } = Quantity(24, "h/day");
}
