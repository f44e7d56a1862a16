using TpoSim.Drugs.Pharmacokinetics;
using TpoSim.Model;
using TpoSim.Scenarios;
using static TpoSim.Drugs.Modules.LinearPk;
using static TpoSim.Model.Expr;

namespace TpoSim.Drugs.Modules;

/// <summary>Avatrombopag (Liu X et al. Pharmaceuticals 2025;18:903): 1-cmt oral with food; transmembrane agonist (ε = avatrombopagEfficacy, 1).</summary>
public static class AvatrombopagModule
{
    /// <summary>The module.</summary>
    public static DrugModule Module { get; } = Build();

    private static DrugModule Build()
    {
        const string x = "avatrombopag";
        var gut = State($"{x}Gut");
        var central = State($"{x}Central");
        var ka = P($"{x}KaPerDay");
        var ke = P($"{x}KePerDay");
        var c = Variable($"{x}Concentration");
        var definition = new ModelDefinition(x,
            [Amount(gut.Name, "Gut", DepotRate(ka, gut)), Amount(central.Name, "Central", Absorbed(ka, gut) - ke * central)],
            [.. AvatrombopagPk.Definitions.Select(MplAction.Registry), MplAction.Registry(DrugEffects.AvatrombopagEc50), MplAction.Registry(DrugEffects.AvatrombopagEfficacy), MplAction.LastDose(x)],
            [
                new(ka.Name, "1/day", "ka per day.", P("avatrombopagKa") * MplAction.HoursPerDay),
                new(ke.Name, "1/day", "Elimination rate CL/V (both apparent, oral).", P("avatrombopagClearance") * MplAction.HoursPerDay / P("avatrombopagVolume")),
            ],
            [
                new(c.Name, "ng/mL", "Plasma avatrombopag.", central / P("avatrombopagVolume"), Observable: true),
                .. MplAction.TransmembraneAgonist(x, c, P(DrugEffects.AvatrombopagEc50.Name), P(DrugEffects.AvatrombopagEfficacy.Name)),
            ]);
        return new DrugModule(x, x, "1-cmt oral with food: CL/F 7.85 L/h, V/F 199 L, ka 0.582 /h (Liu 2025).",
            [new(Route.Oral, gut.Name, 1, 0)], c.Name, MplAction.LastDose(x).Name, definition);
    }
}
