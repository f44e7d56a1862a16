using TpoSim.Parameters;
using TpoSim.Scenarios;

namespace TpoSim.Drugs.Pharmacokinetics;

/// <summary>
/// Romiplostim in healthy subjects (Wang YC, Krzyzanski W et al. AAPS J 2010;12:729): SC depot (ka, F), central and
/// peripheral compartments, linear elimination of free drug and target-mediated internalisation of drug bound to c-Mpl
/// on platelets under quasi-equilibrium binding, with receptor total Rtot = ξ·PLT fed by the live platelet count.
/// </summary>
/// <remarks>
/// States (µg): 0 SC depot, 1 central TOTAL (free + receptor-bound), 2 peripheral. With Ctot = A1/Vc and free C from
/// <see cref="Modules.QuasiEquilibrium"/>:
/// A0' = −ka·A0; A1' = ka·A0 − (kel + kcp)·C·Vc + kpc·A2 − kint·(Ctot − C)·Vc; A2' = kcp·C·Vc − kpc·A2.
/// drugs.md writes the linear terms on A_c; they are applied here to free drug (C·Vc), the quasi-equilibrium form of
/// Mager &amp; Jusko that Wang 2010 uses, since only free drug is eliminated linearly and distributes while bound drug
/// leaves by kint. Rtot in ng/mL equals ξ (fg/platelet) × PLT (10^9/L): fg × 10^9/L = 10^3 ng/L = 1 ng/mL per unit.
/// Only the published values live here; the equations are the drug module's (<see cref="Modules.RomiplostimModule"/>).
/// </remarks>
public static class RomiplostimPk
{
    private const string Wang = "Wang YC, Krzyzanski W et al. AAPS J 2010;12:729 (drugs.md)";

    /// <summary>Parameter definitions (Wang 2010, healthy subjects), in the published hourly units.</summary>
    public static IReadOnlyList<ParameterDefinition> Definitions { get; } =
    [
        PkParameters.Define("romiplostimKa", 0.0254, "1/h", 0.001, 1, "First-order SC absorption rate.", Wang),
        PkParameters.Define("romiplostimVc", 0.0683, "L/kg", 0.01, 1, "Central volume per kg body weight.", Wang),
        PkParameters.Define("romiplostimKel", 0.0382, "1/h", 0, 1, "Linear elimination rate of free drug.", Wang),
        PkParameters.Define("romiplostimKcp", 0.0806, "1/h", 0, 1, "Central → peripheral rate.", Wang),
        PkParameters.Define("romiplostimKpc", 0.0148, "1/h", 0.0001, 1, "Peripheral → central rate.", Wang),
        PkParameters.Define("romiplostimBioavailability", 0.499, "1", 0.01, 1, "SC bioavailability F.", Wang),
        PkParameters.Define("romiplostimKint", 0.173, "1/h", 0, 10, "Internalisation rate of receptor-bound drug (target-mediated clearance).", Wang),
        PkParameters.Define("romiplostimReceptorPerPlatelet", 0.0215, "fg/platelet", 0, 1, "ξ: receptor capacity per platelet, Rtot = ξ·PLT (romiplostim mass bound at saturation).", Wang),
        PkParameters.Define("romiplostimKd", 0.131, "ng/mL", 0.001, 100, "Equilibrium dissociation constant of romiplostim–c-Mpl.", Wang),
    ];

    /// <summary>Romiplostim peptibody: ≈59 kDa (Nplate prescribing information, section 11; not in drugs.md).</summary>
    public static MolarMass RomiplostimMolarMass { get; } = new(59_000, "≈59 kDa Fc–peptide fusion protein (Nplate prescribing information, section 11)");
}
