using TpoSim.Drugs.Modules;
using TpoSim.Model;
using TpoSim.Scenarios;
using static TpoSim.Drugs.Modules.LinearPk;
using static TpoSim.Model.Expr;

namespace TpoSim.Physiology.V2;

/// <summary>
/// A <see cref="TpoSiteLigand"/> as a <see cref="DrugModule"/> for model v2: SC depot and central amounts in µg (so a
/// dose event adds µg, as for every module), and complexes with platelet and marrow c-Mpl in pM of plasma. The module
/// fills the core's TPO-site slots (<see cref="CoreModelV2Definition.Slots"/>), so it binds the one receptor pool
/// competitively with TPO, its platelet-bound drug leaves with removed platelets (target-mediated disposition through
/// the same pool) and its marrow-bound drug signals with its efficacy through the one receptor-level Emax.
/// </summary>
/// <remarks>
/// Free drug C (pM) = A_c/(V_c·M), with M the molar mass. Binding is per litre of plasma, the drug's own concentration
/// refers to its central volume, so the central amount loses (binding to R_P and R_M) × V_plasma × M:
/// A_d' = −ka·A_d; A_c' = ka·A_d − kel·A_c − (J_P + J_M)·V_p·M (− kcp·A_c + kpc·A_per with a peripheral compartment); C_P' = J_P − (kint + k_rem)·C_P; C_M' = J_M − kint·C_M,
/// with J = kon·C·R − kon·K_d·C_bound. Total drug A_d + A_c + (C_P + C_M)·V_p·M decreases only by kel·A_c and by
/// (kint·(C_P + C_M) + k_rem·C_P)·V_p·M (mass balance, checked by the tests).
/// </remarks>
public static class TpoSiteLigandModule
{
    /// <summary>1 µg/L ÷ 1 g/mol = 1 µM = 10^6 pM: turns µg ÷ (L × g/mol) into pM (used by every v2 module that doses µg of a protein).</summary>
    internal static Expr PicomolarPerMicrogramPerLitrePerMolarMass => Quantity(1e6, "pM·L·g/mol/µg");

    /// <summary>1 pg = 10^-6 µg.</summary>
    private static Expr MicrogramsPerPicogram => Quantity(1e-6, "µg/pg");

    /// <summary>The module of <paramref name="ligand"/>, named <paramref name="name"/> (v1's module and drug name; the ligand's name by default).</summary>
    public static DrugModule Build(TpoSiteLigand ligand, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(ligand);
        var l = ligand;
        var depot = State(l.Depot);
        var central = State(l.Central);
        var cp = State(l.PlateletComplex);
        var cm = State(l.MarrowComplex);
        var kon = P(l.P("Kon"));
        var kd = P(l.P("Kd"));
        var vc = P(l.P("CentralVolume"));
        var plasma = P(l.P("PlasmaVolume"));
        var free = Variable(l.Free);
        var bindingP = Variable(l.P("BindingPlatelets"));
        var bindingM = Variable(l.P("BindingMarrow"));
        var turnover = Variable("plateletTurnover");
        var lastDose = MplAction.LastDose(l.Name);
        Expr ToMicrograms(Expr picomolarPerDay) => picomolarPerDay * plasma * P(l.P("MolarMass")) * MicrogramsPerPicogram;
        Expr Add(string slot, Expr term) => Variable(slot) + term;
        var definition = new ModelDefinition(l.Name + "-v2",
            [
                Amount(depot.Name, $"{l.Name} SC depot", DepotRate(P(l.P("Ka")), depot)),
                Amount(central.Name, $"Free {l.Name} in its central volume",
                    l.HasPeripheral
                        ? Absorbed(P(l.P("Ka")), depot) - (P(l.P("Kel")) + P(l.P("Kcp"))) * central + P(l.P("Kpc")) * State(l.Peripheral) - ToMicrograms(bindingP + bindingM)
                        : Absorbed(P(l.P("Ka")), depot) - P(l.P("Kel")) * central - ToMicrograms(bindingP + bindingM)),
                .. l.HasPeripheral
                    ? new[] { Amount(l.Peripheral, $"{l.Name} in its peripheral compartment", P(l.P("Kcp")) * central - P(l.P("Kpc")) * State(l.Peripheral)) }
                    : [],
                new(cp.Name, "pM", $"{l.Name}–c-Mpl on platelets", bindingP - (P(l.P("Kint")) + turnover) * cp, 0),
                new(cm.Name, "pM", $"{l.Name}–c-Mpl on marrow cells", bindingM - P(l.P("Kint")) * cm, 0),
            ],
            [.. l.Parameters(), lastDose],
            [
                new(vc.Name, "L", $"Central volume of {l.Name}: per kg × body weight.", P(l.P("VcPerKg")) * P("bodyWeight")),
                new(plasma.Name, "L", "Plasma volume, the volume c-Mpl concentrations refer to: per kg × body weight.",
                    P("plasmaVolumePerKg") * P("bodyWeight") * Quantity(0.001, "L/mL")),
            ],
            [
                new(free.Name, "pM", $"Free {l.Name} in its central volume.", Max(central, 0) / (vc * P(l.P("MolarMass"))) * PicomolarPerMicrogramPerLitrePerMolarMass, Observable: true),
                new(l.P("Concentration"), "ng/mL", $"Free {l.Name} concentration (µg/L = ng/mL).", central / vc, Observable: true),
                new(bindingP.Name, "pM/day", $"Net {l.Name} binding to free platelet c-Mpl, kon·C·R − kon·Kd·C_P.",
                    kon * free * State("plateletMplFree") - kd * kon * cp),
                new(bindingM.Name, "pM/day", $"Net {l.Name} binding to free marrow c-Mpl.", kon * free * State("marrowMplFree") - kd * kon * cm),
                new(CoreModelV2Definition.Slots.PlateletLigandBound, "pM", "Σ TPO-site drug complexes on platelet c-Mpl.", Add(CoreModelV2Definition.Slots.PlateletLigandBound, cp)),
                new(CoreModelV2Definition.Slots.MarrowLigandBound, "pM", "Σ TPO-site drug complexes on marrow c-Mpl.", Add(CoreModelV2Definition.Slots.MarrowLigandBound, cm)),
                new(CoreModelV2Definition.Slots.MarrowLigandSignal, "pM", "Σ efficacy × TPO-site drug complexes on marrow c-Mpl.",
                    Add(CoreModelV2Definition.Slots.MarrowLigandSignal, P(l.P("Efficacy")) * cm)),
                new(CoreModelV2Definition.Slots.PlateletLigandBinding, "pM/day", "Σ net binding of TPO-site drugs to platelet c-Mpl.",
                    Add(CoreModelV2Definition.Slots.PlateletLigandBinding, bindingP)),
                new(CoreModelV2Definition.Slots.MarrowLigandBinding, "pM/day", "Σ net binding of TPO-site drugs to marrow c-Mpl.",
                    Add(CoreModelV2Definition.Slots.MarrowLigandBinding, bindingM)),
            ]);
        return new DrugModule(name ?? l.Name, name ?? l.Name, $"v2 TPO-site ligand: SC depot + free central drug binding the one c-Mpl pool ({l.Source}).",
            [new(Route.Subcutaneous, depot.Name, P(l.P("F")), 0), new(Route.Intravenous, central.Name, 1, 0)],
            l.P("Concentration"), lastDose.Name, definition);
    }
}
