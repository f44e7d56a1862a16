using TpoSim.Drugs.Pharmacokinetics;
using TpoSim.Model;
using TpoSim.Parameters;
using TpoSim.Scenarios;
using static TpoSim.Drugs.Modules.LinearPk;
using static TpoSim.Model.Expr;

namespace TpoSim.Drugs.Modules;

/// <summary>
/// Eltrombopag (Farrell C et al. Br J Clin Pharmacol 2014;77:717): 2-cmt oral with lag and an absorption-rate switch
/// at a fixed time after each dose, covariates on CL/F (female, East Asian, Child–Pugh); the ITP variant takes
/// Gibiansky 2011's disposition. Acts at the transmembrane site, adding ε·C/(EC50 + C) to TPO's signal.
/// </summary>
public static class EltrombopagModule
{
    /// <summary>Healthy disposition (Farrell 2014).</summary>
    public static DrugModule Healthy { get; } = Build("eltrombopag", EltrombopagPk.Definitions,
        "2-cmt oral, lag 0.447 h, ka 0.333 → 5.26 /h at 1.46 h after each dose, covariates on CL/F (Farrell 2014).");

    /// <summary>ITP disposition (Gibiansky 2011), absorption and covariates from Farrell 2014.</summary>
    public static DrugModule Itp { get; } = Build("eltrombopag-itp", EltrombopagPk.ItpDefinitions,
        "2-cmt oral with ITP disposition (Gibiansky 2011: CL/F 0.668 L/h, Vc/F 8.76 L); lag, absorption switch and covariates on CL/F from Farrell 2014.");

    private static DrugModule Build(string name, IReadOnlyList<ParameterDefinition> definitions, string description)
    {
        const string x = "eltrombopag";
        var gut = State($"{x}Gut");
        var central = State($"{x}Central");
        var peripheral = State($"{x}Peripheral");
        var k10 = P($"{x}K10");
        var k12 = P($"{x}K12");
        var k21 = P($"{x}K21");
        var ka = Variable($"{x}Ka");
        var c = Variable($"{x}Concentration");
        var lastDose = MplAction.LastDose(x);
        var phase = new ModelParameter($"{x}LateAbsorption", 1, "0/1", 0, 1, ParameterKind.PatientControl,
            "Absorption phase: 0 from a dose until its rate switch, 1 after (and before any dose). Set by the dose events.",
            "Farrell 2014's two absorption rates; the switch is an event so the phase flips exactly there");
        Expr Flag(string flag, Expr then) => IfLess(0.5, P(flag), then, 1);
        var definition = new ModelDefinition(name,
            [
                Amount(gut.Name, "Gut", DepotRate(ka, gut)),
                Amount(central.Name, "Central", Absorbed(ka, gut) - (k10 + k12) * central + k21 * peripheral),
                Amount(peripheral.Name, "Peripheral", k12 * central - k21 * peripheral),
            ],
            [.. definitions.Select(MplAction.Registry), MplAction.Registry(DrugEffects.EltrombopagEc50), MplAction.Registry(DrugEffects.EltrombopagEfficacy), lastDose, phase],
            [
                new($"{x}ClearanceFactor", "1", "CL/F multiplier: female × East Asian × liver disease (1 − slope·(CP − 5)) (Farrell 2014).",
                    Flag("female", P("eltrombopagFemaleFactor")) * Flag("eastAsian", P("eltrombopagEastAsianFactor"))
                    * IfLess(0, P("childPughScore"),
                        P("eltrombopagLiverDiseaseFactor") * (1 - P("eltrombopagChildPughSlope") * (P("childPughScore") - Quantity(5, "point"))), 1)),
                new($"{x}ClearancePerDay", "L/day", "CL/F for this patient.", P("eltrombopagClearance") * P($"{x}ClearanceFactor") * MplAction.HoursPerDay),
                new($"{x}IntercompartmentalPerDay", "L/day", "Q/F per day.", P("eltrombopagIntercompartmentalClearance") * MplAction.HoursPerDay),
                new(k10.Name, "1/day", "CL/Vc.", P($"{x}ClearancePerDay") / P("eltrombopagCentralVolume")),
                new(k12.Name, "1/day", "Q/Vc.", P($"{x}IntercompartmentalPerDay") / P("eltrombopagCentralVolume")),
                new(k21.Name, "1/day", "Q/Vp.", P($"{x}IntercompartmentalPerDay") / P("eltrombopagPeripheralVolume")),
                new($"{x}KaEarlyPerDay", "1/day", "Early absorption rate per day.", P("eltrombopagKaEarly") * MplAction.HoursPerDay),
                new($"{x}KaLatePerDay", "1/day", "Late absorption rate per day.", P("eltrombopagKaLate") * MplAction.HoursPerDay),
                new($"{x}KaSwitchDays", "day", "Absorption switch time, days.", P("eltrombopagKaSwitchTime") / MplAction.HoursPerDay),
                new($"{x}LagDays", "day", "Absorption lag, days.", P("eltrombopagLag") / MplAction.HoursPerDay),
            ],
            [
                new(ka.Name, "1/day", "Absorption rate: early from a dose until its switch time, late after (the phase set by the dose events).",
                    IfLess(P(phase.Name), 0.5, P($"{x}KaEarlyPerDay"), P($"{x}KaLatePerDay"))),
                new(c.Name, "ng/mL", "Total plasma eltrombopag.", central / P("eltrombopagCentralVolume"), Observable: true),
                .. MplAction.TransmembraneAgonist(x, c, P(DrugEffects.EltrombopagEc50.Name), P(DrugEffects.EltrombopagEfficacy.Name)),
            ]);
        return new DrugModule(name, x, description,
            [new(Route.Oral, gut.Name, IfLess(0.5, P("polyvalentCations"), P("eltrombopagCationBioavailability"), 1), P($"{x}LagDays"), P($"{x}KaSwitchDays"))],
            c.Name, lastDose.Name, definition, phase.Name);
    }
}
