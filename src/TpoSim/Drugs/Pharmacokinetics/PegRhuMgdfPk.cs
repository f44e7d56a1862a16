using TpoSim.Parameters;
using TpoSim.Scenarios;

namespace TpoSim.Drugs.Pharmacokinetics;

/// <summary>
/// PEG-rHuMGDF (pegylated truncated recombinant human megakaryocyte growth and development factor): a deliberately
/// simple linear 1-cmt model, SC or IV, whose elimination rate comes from the 24–40 h half-life in drugs.md and whose
/// other values are assumed. It ignores the receptor-mediated (platelet-dependent) clearance the real molecule shares
/// with TPO: the half-life is that "at pharmacological doses". States (µg): 0 SC depot, 1 central. Doses in µg/kg.
/// <para>Only the published values live here; the equations are the drug module's (<see cref="Modules.PegRhuMgdfModule"/>), compiled into the model with the rest.</para>
/// </summary>
public static class PegRhuMgdfPk
{
    /// <summary>Parameter definitions (half-life from drugs.md, the rest assumed).</summary>
    public static IReadOnlyList<ParameterDefinition> Definitions { get; } =
    [
        PkParameters.Define("pegRhuMgdfHalfLife", 32, "h", 24, 40, "Elimination half-life at pharmacological doses.",
            "assumed: midpoint of the 24–40 h half-life that drugs.md gives for recombinant TPO / PEG-rHuMGDF at pharmacological doses (no primary citation there)"),
        PkParameters.Define("pegRhuMgdfVolume", 0.05, "L/kg", 0.02, 1, "Central volume per kg.",
            "assumed: about the plasma volume (≈0.04–0.05 L/kg), as for a large pegylated protein confined to plasma"),
        PkParameters.Define("pegRhuMgdfKa", 0.05, "1/h", 0.001, 1, "First-order SC absorption rate.",
            "assumed: slow lymphatic uptake typical of SC proteins, same order as romiplostim's 0.0254 /h (Wang 2010)"),
        PkParameters.Define("pegRhuMgdfBioavailability", 0.5, "1", 0.01, 1, "SC bioavailability.",
            "assumed: as romiplostim's 0.499 (Wang 2010), another SC protein of similar size"),
    ];

    /// <summary>Assumed ≈38 kDa: 163-residue truncated MGDF polypeptide (≈18 kDa, unglycosylated) plus one 20 kDa PEG.</summary>
    public static MolarMass PegRhuMgdfMolarMass { get; } = new(38_000, "assumed: 163-residue MGDF polypeptide (≈18 kDa) + one 20 kDa PEG chain");
}
