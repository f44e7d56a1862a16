using TpoSim.Drugs.Pharmacokinetics;
using TpoSim.Model;
using TpoSim.Parameters;
using TpoSim.Scenarios;
using static TpoSim.Drugs.Modules.LinearPk;
using static TpoSim.Model.Expr;

namespace TpoSim.Drugs.Modules;

/// <summary>
/// PEG-rHuMGDF: linear 1-cmt SC/IV (half-life from drugs.md, the rest assumed, <see cref="PegRhuMgdfPk"/>); competes
/// with TPO at its site with TPO's efficacy and K_T converted to ng/mL, divided by a relative potency.
/// </summary>
public static class PegRhuMgdfModule
{
    /// <summary>Molar mass as a registry parameter (it converts TPO's molar K_T to ng/mL).</summary>
    public static ModelParameter MolarMass { get; } = new("pegRhuMgdfMolarMass", PegRhuMgdfPk.PegRhuMgdfMolarMass.GramsPerMole, "g/mol",
        1000, 1e6, ParameterKind.Mechanism, "Molar mass of PEG-rHuMGDF.", PegRhuMgdfPk.PegRhuMgdfMolarMass.Source);

    /// <summary>The module.</summary>
    public static DrugModule Module { get; } = Build();

    private static DrugModule Build()
    {
        const string x = "pegRhuMgdf";
        var depot = State($"{x}Depot");
        var central = State($"{x}Central");
        var ka = P($"{x}KaPerDay");
        var ke = P($"{x}KePerDay");
        var v = P($"{x}VolumeL");
        var c = Variable($"{x}Concentration");
        var definition = new ModelDefinition("peg-rhumgdf",
            [Amount(depot.Name, "SC depot", DepotRate(ka, depot)), Amount(central.Name, "Central", Absorbed(ka, depot) - ke * central)],
            [.. PegRhuMgdfPk.Definitions.Select(MplAction.Registry), MplAction.Registry(DrugEffects.PegRhuMgdfRelativePotency), MolarMass, MplAction.LastDose(x)],
            [
                new(ka.Name, "1/day", "ka per day.", P("pegRhuMgdfKa") * MplAction.HoursPerDay),
                new(ke.Name, "1/day", "ln 2/half-life.", Log(2) / (P("pegRhuMgdfHalfLife") / MplAction.HoursPerDay)),
                new(v.Name, "L", "Volume per kg × body weight.", P("pegRhuMgdfVolume") * P("bodyWeight")),
                new($"{x}SiteKd", "ng/mL", "K_d at TPO's site: TPO's K_T (pM → nM → ng/mL with the molar mass) / relative potency.",
                    P("tpoEc50") / Quantity(1000, "pM/nM") * P(MolarMass.Name) / Quantity(1000, "nM·g/mol/(ng/mL)") / P(DrugEffects.PegRhuMgdfRelativePotency.Name)),
            ],
            [
                new(c.Name, "ng/mL", "Plasma PEG-rHuMGDF.", central / v, Observable: true),
                .. MplAction.TpoSiteAgonist(x, c, P($"{x}SiteKd"), null),
            ]);
        return new DrugModule("peg-rhumgdf", "peg-rhumgdf",
            "Linear 1-cmt SC/IV; half-life 32 h from drugs.md's 24–40 h, volume, ka and F assumed; competes with TPO like TPO itself.",
            [new(Route.Subcutaneous, depot.Name, P("pegRhuMgdfBioavailability"), 0), new(Route.Intravenous, central.Name, 1, 0)],
            c.Name, MplAction.LastDose(x).Name, definition);
    }
}
