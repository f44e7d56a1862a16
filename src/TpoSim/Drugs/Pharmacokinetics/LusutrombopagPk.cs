using TpoSim.Parameters;
using TpoSim.Scenarios;

namespace TpoSim.Drugs.Pharmacokinetics;

/// <summary>
/// Lusutrombopag (Katsube T et al. Clin Pharmacokinet 2016;55:1423): oral, first-order absorption into a central
/// compartment with two peripheral compartments; rate constants published per day. States (µg): 0 gut, 1 central,
/// 2 peripheral 1 (k12/k21), 3 peripheral 2 (k13/k31). Doses in mg.
/// <para>Only the published values live here; the equations are the drug module's (<see cref="Modules.LusutrombopagModule"/>), compiled into the model with the rest.</para>
/// </summary>
public static class LusutrombopagPk
{
    private const string Katsube = "Katsube T et al. Clin Pharmacokinet 2016;55:1423 (drugs.md)";

    /// <summary>Parameter definitions (Katsube 2016), per day as published.</summary>
    public static IReadOnlyList<ParameterDefinition> Definitions { get; } =
    [
        PkParameters.Define("lusutrombopagKa", 7.176, "1/day", 0.1, 100, "First-order absorption rate.", Katsube),
        PkParameters.Define("lusutrombopagKe", 1.358, "1/day", 0.01, 100, "Elimination rate from the central compartment.", Katsube),
        PkParameters.Define("lusutrombopagK12", 1.2816, "1/day", 0, 100, "Central → peripheral 1.", Katsube),
        PkParameters.Define("lusutrombopagK21", 2.088, "1/day", 0.001, 100, "Peripheral 1 → central.", Katsube),
        PkParameters.Define("lusutrombopagK13", 0.03408, "1/day", 0, 100, "Central → peripheral 2.", Katsube),
        PkParameters.Define("lusutrombopagK31", 0.14088, "1/day", 0.001, 100, "Peripheral 2 → central.", Katsube),
        PkParameters.Define("lusutrombopagCentralVolume", 13.7, "L", 0.1, 1000, "Apparent central volume Vc/F.", Katsube),
    ];

    /// <summary>Lusutrombopag C29H32Cl2N2O5S, 591.5 g/mol from the formula.</summary>
    public static MolarMass LusutrombopagMolarMass { get; } = new(PkUnits.MolarMassFromFormula("C29H32Cl2N2O5S"), "C29H32Cl2N2O5S, from the formula (IUPAC atomic weights)");
}
