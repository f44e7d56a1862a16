using TpoSim.Drugs.Pharmacokinetics;
using TpoSim.Model;
using TpoSim.Scenarios;
using static TpoSim.Drugs.Modules.LinearPk;
using static TpoSim.Model.Expr;

namespace TpoSim.Drugs.Modules;

/// <summary>Lusutrombopag (Katsube T et al. Clin Pharmacokinet 2016;55:1423): 3-cmt oral, rates per day; transmembrane agonist (ε = lusutrombopagEfficacy, 1).</summary>
public static class LusutrombopagModule
{
    /// <summary>The module.</summary>
    public static DrugModule Module { get; } = Build();

    private static DrugModule Build()
    {
        const string x = "lusutrombopag";
        var gut = State($"{x}Gut");
        var central = State($"{x}Central");
        var p1 = State($"{x}Peripheral1");
        var p2 = State($"{x}Peripheral2");
        var ka = P("lusutrombopagKa");
        var c = Variable($"{x}Concentration");
        var definition = new ModelDefinition(x,
            [
                Amount(gut.Name, "Gut", DepotRate(ka, gut)),
                Amount(central.Name, "Central",
                    Absorbed(ka, gut) - (P("lusutrombopagKe") + P("lusutrombopagK12") + P("lusutrombopagK13")) * central
                    + P("lusutrombopagK21") * p1 + P("lusutrombopagK31") * p2),
                Amount(p1.Name, "Peripheral 1", P("lusutrombopagK12") * central - P("lusutrombopagK21") * p1),
                Amount(p2.Name, "Peripheral 2", P("lusutrombopagK13") * central - P("lusutrombopagK31") * p2),
            ],
            [.. LusutrombopagPk.Definitions.Select(MplAction.Registry), MplAction.Registry(DrugEffects.LusutrombopagEc50), MplAction.Registry(DrugEffects.LusutrombopagEfficacy), MplAction.LastDose(x)],
            [],
            [
                new(c.Name, "ng/mL", "Plasma lusutrombopag.", central / P("lusutrombopagCentralVolume"), Observable: true),
                .. MplAction.TransmembraneAgonist(x, c, P(DrugEffects.LusutrombopagEc50.Name), P(DrugEffects.LusutrombopagEfficacy.Name)),
            ]);
        return new DrugModule(x, x, "3-cmt oral, rates per day (Katsube 2016).", [new(Route.Oral, gut.Name, 1, 0)], c.Name, MplAction.LastDose(x).Name, definition);
    }
}
