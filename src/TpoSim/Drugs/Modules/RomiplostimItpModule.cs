using TpoSim.Drugs.Pharmacokinetics;
using TpoSim.Model;
using TpoSim.Scenarios;
using static TpoSim.Drugs.Modules.LinearPk;
using static TpoSim.Model.Expr;

namespace TpoSim.Drugs.Modules;

/// <summary>
/// Romiplostim in ITP (Petrov A et al. Clin Pharmacol Drug Dev 2025;14:116): 1-cmt SC, first-order absorption and
/// linear elimination, V/F = 2565 L × (WT/77)^1.04; the same action at TPO's site as <see cref="RomiplostimModule"/>.
/// </summary>
public static class RomiplostimItpModule
{
    /// <summary>The module.</summary>
    public static DrugModule Module { get; } = Build();

    private static DrugModule Build()
    {
        const string x = "romiplostim";
        var depot = State($"{x}Depot");
        var central = State($"{x}Central");
        var ka = P("romiplostimItpKaPerDay");
        var kel = P("romiplostimItpKelPerDay");
        var v = P("romiplostimItpVolumeL");
        var c = Variable($"{x}Concentration");
        var definition = new ModelDefinition("romiplostim-itp",
            [
                Amount(depot.Name, "SC depot", DepotRate(ka, depot)),
                Amount(central.Name, "Central", Absorbed(ka, depot) - kel * central),
            ],
            [.. RomiplostimItpPk.Definitions.Select(MplAction.Registry), MplAction.Registry(DrugEffects.RomiplostimSiteKd),
             MplAction.Registry(DrugEffects.RomiplostimEfficacy), MplAction.LastDose(x)],
            [
                new(ka.Name, "1/day", "ka per day.", P("romiplostimItpKa") * MplAction.HoursPerDay),
                new(v.Name, "L", "V/F scaled allometrically from 77 kg.",
                    P("romiplostimItpVolume") * Pow(P("bodyWeight") / Quantity(77, "kg"), P("romiplostimItpWeightExponent"))),
                new(kel.Name, "1/day", "kel per day.", P("romiplostimItpKel") * MplAction.HoursPerDay),
            ],
            [
                new(c.Name, "ng/mL", "Romiplostim concentration.", central / v, Observable: true),
                .. MplAction.TpoSiteAgonist(x, c, P(DrugEffects.RomiplostimSiteKd.Name), P(DrugEffects.RomiplostimEfficacy.Name)),
            ]);
        return new DrugModule("romiplostim-itp", "romiplostim", "1-cmt SC, linear, V/F scaled by weight^1.04 (Petrov 2025, ITP).",
            [new(Route.Subcutaneous, depot.Name, 1, 0)], c.Name, MplAction.LastDose(x).Name, definition);
    }
}
