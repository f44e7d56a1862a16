using TpoSim.Drugs.Pharmacokinetics;
using TpoSim.Model;
using TpoSim.Scenarios;
using static TpoSim.Drugs.Modules.LinearPk;
using static TpoSim.Model.Expr;

namespace TpoSim.Drugs.Modules;

/// <summary>HYPOTHETICAL c-Mpl antagonist: linear 1-cmt oral/IV; removes Imax·C/(Ki + C) of the c-Mpl signal. Every value assumed.</summary>
public static class MplAntagonistModule
{
    /// <summary>The module.</summary>
    public static DrugModule Module { get; } = Build();

    private static DrugModule Build()
    {
        const string x = "mplAntagonist";
        var gut = State($"{x}Gut");
        var central = State($"{x}Central");
        var ka = P($"{x}KaPerDay");
        var ke = P($"{x}KePerDay");
        var v = P($"{x}VolumeL");
        var c = Variable($"{x}Concentration");
        var definition = new ModelDefinition("mpl-antagonist",
            [Amount(gut.Name, "Gut", DepotRate(ka, gut)), Amount(central.Name, "Central", Absorbed(ka, gut) - ke * central)],
            [.. HypotheticalMplAntagonistPk.Definitions.Select(MplAction.Registry), MplAction.Registry(DrugEffects.AntagonistImax), MplAction.LastDose(x)],
            [
                new(ka.Name, "1/day", "ka per day.", P("mplAntagonistKa") * MplAction.HoursPerDay),
                new(ke.Name, "1/day", "ln 2/half-life.", Log(2) / (P("mplAntagonistHalfLife") / MplAction.HoursPerDay)),
                new(v.Name, "L", "Volume per kg × body weight.", P("mplAntagonistVolume") * P("bodyWeight")),
            ],
            [
                new(c.Name, "ng/mL", "Plasma antagonist.", central / v, Observable: true),
                .. MplAction.Antagonist(x, c, P("mplAntagonistKi"), P(DrugEffects.AntagonistImax.Name)),
            ]);
        return new DrugModule("mpl-antagonist", "mpl-antagonist", "HYPOTHETICAL c-Mpl antagonist: linear 1-cmt oral/IV, every value assumed.",
            [new(Route.Oral, gut.Name, P("mplAntagonistBioavailability"), 0), new(Route.Intravenous, central.Name, 1, 0)],
            c.Name, MplAction.LastDose(x).Name, definition);
    }
}
