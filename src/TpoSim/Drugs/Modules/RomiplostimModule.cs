using TpoSim.Drugs.Pharmacokinetics;
using TpoSim.Model;
using TpoSim.Scenarios;
using static TpoSim.Drugs.Modules.LinearPk;
using static TpoSim.Model.Expr;

namespace TpoSim.Drugs.Modules;

/// <summary>
/// Romiplostim in healthy subjects (Wang YC, Krzyzanski W et al. AAPS J 2010;12:729): SC depot, central TOTAL
/// (free + bound) and peripheral amounts, linear elimination and distribution of free drug, internalisation of drug
/// bound to c-Mpl under quasi-equilibrium binding with the live receptor pool (<see cref="RomiplostimPk"/> has the
/// derivation); free drug competes with TPO at its site (K_d, ε from <see cref="DrugEffects"/>).
/// </summary>
public static class RomiplostimModule
{
    /// <summary>The module.</summary>
    public static DrugModule Module { get; } = Build();

    private static DrugModule Build()
    {
        const string x = "romiplostim";
        var depot = State($"{x}Depot");
        var central = State($"{x}Central");
        var peripheral = State($"{x}Peripheral");
        var ka = P($"{x}KaPerDay");
        var vc = P($"{x}CentralVolumeL");
        var kd = P("romiplostimKd");
        var ctot = Variable($"{x}TotalConcentration");
        var c = Variable($"{x}Concentration");
        var b = Variable($"{x}BindingB");
        var root = Variable($"{x}BindingRoot");
        var kel = P($"{x}KelPerDay");
        var kcp = P($"{x}KcpPerDay");
        var kpc = P($"{x}KpcPerDay");
        var kint = P($"{x}KintPerDay");
        var definition = new ModelDefinition(x,
            [
                Amount(depot.Name, "SC depot", DepotRate(ka, depot)),
                Amount(central.Name, "Central total (free + c-Mpl-bound)",
                    Absorbed(ka, depot) - (kel + kcp) * c * vc + kpc * peripheral - kint * (ctot - c) * vc),
                Amount(peripheral.Name, "Peripheral", kcp * c * vc - kpc * peripheral),
            ],
            [.. RomiplostimPk.Definitions.Select(MplAction.Registry), MplAction.Registry(DrugEffects.RomiplostimSiteKd),
             MplAction.Registry(DrugEffects.RomiplostimEfficacy), MplAction.LastDose(x)],
            [
                new(ka.Name, "1/day", "ka per day.", P("romiplostimKa") * MplAction.HoursPerDay),
                new(vc.Name, "L", "Central volume, Vc per kg × body weight.", P("romiplostimVc") * P("bodyWeight")),
                new(kel.Name, "1/day", "kel per day.", P("romiplostimKel") * MplAction.HoursPerDay),
                new(kcp.Name, "1/day", "kcp per day.", P("romiplostimKcp") * MplAction.HoursPerDay),
                new(kpc.Name, "1/day", "kpc per day.", P("romiplostimKpc") * MplAction.HoursPerDay),
                new(kint.Name, "1/day", "kint per day.", P("romiplostimKint") * MplAction.HoursPerDay),
            ],
            [
                new(ctot.Name, "ng/mL", "Total central concentration.", Max(central, 0) / vc),
                new($"{x}ReceptorTotal", "ng/mL", "Receptor total ξ·pool (Wang 2010's ξ·PLT on the platelet + MK c-Mpl pool).",
                    P("romiplostimReceptorPerPlatelet") * Max(Variable(Physiology.CoreModelDefinition.DrugSlots.ReceptorPool), 0)),
                .. QuasiEquilibrium.Free(x, ctot, Variable($"{x}ReceptorTotal"), kd, b, root, c),
                .. MplAction.TpoSiteAgonist(x, c, P(DrugEffects.RomiplostimSiteKd.Name), P(DrugEffects.RomiplostimEfficacy.Name)),
            ]);
        return new DrugModule("romiplostim", "romiplostim",
            "SC depot + 2-cmt with quasi-equilibrium target-mediated disposition on c-Mpl (Wang 2010, healthy); competes with TPO at its site.",
            [new(Route.Subcutaneous, depot.Name, P("romiplostimBioavailability"), 0), new(Route.Intravenous, central.Name, 1, 0)],
            c.Name, MplAction.LastDose(x).Name, definition);
    }
}
