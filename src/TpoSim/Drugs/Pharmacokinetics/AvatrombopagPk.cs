using TpoSim.Parameters;
using TpoSim.Scenarios;

namespace TpoSim.Drugs.Pharmacokinetics;

/// <summary>
/// Avatrombopag (Liu X et al. Pharmaceuticals 2025;18:903): 1-cmt oral, first-order absorption, taken with food (the
/// label's instruction and the condition of the fitted data). States (µg): 0 gut, 1 central. Doses in mg.
/// <para>Only the published values live here; the equations are the drug module's (<see cref="Modules.AvatrombopagModule"/>), compiled into the model with the rest.</para>
/// </summary>
public static class AvatrombopagPk
{
    private const string Liu = "Liu X et al. Pharmaceuticals 2025;18:903 (drugs.md)";

    /// <summary>Parameter definitions (Liu 2025), published hourly units.</summary>
    public static IReadOnlyList<ParameterDefinition> Definitions { get; } =
    [
        PkParameters.Define("avatrombopagClearance", 7.85, "L/h", 0.1, 100, "Apparent clearance CL/F (with food).", Liu),
        PkParameters.Define("avatrombopagVolume", 199, "L", 1, 10_000, "Apparent volume V/F (with food).", Liu),
        PkParameters.Define("avatrombopagKa", 0.582, "1/h", 0.01, 100, "First-order absorption rate (with food).", Liu),
    ];

    /// <summary>Avatrombopag free base C29H34Cl2N6O3S2, 649.7 g/mol from the formula (doses are labelled as free base).</summary>
    public static MolarMass AvatrombopagMolarMass { get; } = new(PkUnits.MolarMassFromFormula("C29H34Cl2N6O3S2"), "free base C29H34Cl2N6O3S2, from the formula (IUPAC atomic weights)");
}
