using TpoSim.Parameters;
using TpoSim.Scenarios;

namespace TpoSim.Drugs.Pharmacokinetics;

/// <summary>
/// Eltrombopag (Farrell 2014): 2-cmt oral with a lag of 0.447 h and an absorption rate that switches from 0.333 to
/// 5.26 h⁻¹ at 1.46 h after each dose; CL/F × 0.622 for women, × 0.476 for East Asian ancestry and
/// × 0.536·(1 − 0.113·(Child–Pugh − 5)) with chronic liver disease. States (µg): 0 gut, 1 central, 2 peripheral.
/// Doses are in mg of eltrombopag free acid (as labelled).
/// </summary>
/// <remarks>
/// Only the published values live here; the equations are the drug module's (<see cref="Modules.EltrombopagModule"/>),
/// where the rate switch is an event at the nominal dose time + 1.46 h (the NONMEM time-after-dose meaning) that flips
/// the absorption phase parameter.
/// </remarks>
public static class EltrombopagPk
{
    private const string Farrell = "Farrell C et al. Br J Clin Pharmacol 2014;77:717 (drugs.md)";

    private const string Gibiansky = "Gibiansky E et al. 2011, ITP population PK (drugs.md)";

    /// <summary>Parameter definitions with the Farrell 2014 (healthy) values, published hourly units.</summary>
    public static IReadOnlyList<ParameterDefinition> Definitions { get; } =
    [
        PkParameters.Define("eltrombopagClearance", 0.953, "L/h", 0.01, 100, "Apparent clearance CL/F (reference: male, not East Asian, no liver disease).", Farrell),
        PkParameters.Define("eltrombopagCentralVolume", 9.75, "L", 0.1, 1000, "Apparent central volume Vc/F.", Farrell),
        PkParameters.Define("eltrombopagPeripheralVolume", 9.41, "L", 0.1, 1000, "Apparent peripheral volume Vp/F.", Farrell),
        PkParameters.Define("eltrombopagIntercompartmentalClearance", 0.633, "L/h", 0, 100, "Apparent intercompartmental clearance Q/F.", Farrell),
        PkParameters.Define("eltrombopagKaEarly", 0.333, "1/h", 0.001, 100, "Absorption rate before the switch.", Farrell),
        PkParameters.Define("eltrombopagKaLate", 5.26, "1/h", 0.001, 100, "Absorption rate after the switch.", Farrell),
        PkParameters.Define("eltrombopagKaSwitchTime", 1.46, "h", 0, 24, "Time after each dose at which the absorption rate switches.", Farrell),
        PkParameters.Define("eltrombopagLag", 0.447, "h", 0, 24, "Absorption lag time.", Farrell),
        PkParameters.Define("eltrombopagFemaleFactor", 0.622, "1", 0.1, 2, "CL/F multiplier for women.", Farrell),
        PkParameters.Define("eltrombopagEastAsianFactor", 0.476, "1", 0.1, 2, "CL/F multiplier for East Asian ancestry.", Farrell),
        PkParameters.Define("eltrombopagLiverDiseaseFactor", 0.536, "1", 0.05, 2, "CL/F multiplier with chronic liver disease at Child–Pugh 5.", Farrell),
        PkParameters.Define("eltrombopagChildPughSlope", 0.113, "1/point", 0, 0.2, "Fractional CL/F fall per Child–Pugh point above 5.", Farrell),
        PkParameters.Define("eltrombopagCationBioavailability", 0.30, "1", 0, 1,
            "Relative bioavailability when taken together with polyvalent cations (antacid, dairy, mineral supplements).",
            "assumed: a single 75 mg dose with an Al/Mg antacid lowered AUC and Cmax by ≈70% (Williams DD et al. Clin Ther 2009;31:764, as quoted in the Promacta label); drugs.md gives only the 2 h before / 4 h after rule, so the worst case (taken together) is modelled as F × 0.30"),
    ];

    /// <summary>Definitions with the ITP disposition values (Gibiansky 2011) in place of Farrell's.</summary>
    public static IReadOnlyList<ParameterDefinition> ItpDefinitions { get; } =
    [
        Definitions[0].WithValue(0.668, Gibiansky),
        Definitions[1].WithValue(8.76, Gibiansky),
        Definitions[2].WithValue(11.3, Gibiansky),
        Definitions[3].WithValue(0.399, Gibiansky),
        .. Definitions.Skip(4),
    ];

    /// <summary>Eltrombopag free acid C25H22N4O4 (doses and concentrations are labelled as free acid), 442.5 g/mol from the formula.</summary>
    public static MolarMass EltrombopagMolarMass { get; } = new(PkUnits.MolarMassFromFormula("C25H22N4O4"), "free acid C25H22N4O4, from the formula (IUPAC atomic weights)");
}
