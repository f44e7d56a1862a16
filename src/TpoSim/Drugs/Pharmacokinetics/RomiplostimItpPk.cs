using TpoSim.Parameters;
using TpoSim.Scenarios;

namespace TpoSim.Drugs.Pharmacokinetics;

/// <summary>
/// Romiplostim in ITP (Petrov A et al. Clin Pharmacol Drug Dev 2025;14:116): 1-cmt SC with first-order absorption and
/// linear elimination, apparent volume V/F = 2565 L × (WT/77)^1.04. States (µg): 0 SC depot, 1 central.
/// <para>Only the published values live here; the equations are the drug module's (<see cref="Modules.RomiplostimItpModule"/>), compiled into the model with the rest.</para>
/// </summary>
public static class RomiplostimItpPk
{
    private const string Petrov = "Petrov A et al. Clin Pharmacol Drug Dev 2025;14:116 (drugs.md)";

    /// <summary>Parameter definitions (Petrov 2025), published hourly units.</summary>
    public static IReadOnlyList<ParameterDefinition> Definitions { get; } =
    [
        PkParameters.Define("romiplostimItpKa", 0.02, "1/h", 0.001, 1, "First-order SC absorption rate.", Petrov),
        PkParameters.Define("romiplostimItpVolume", 2565, "L", 10, 100_000, "Apparent volume V/F for a 77 kg patient.", Petrov),
        PkParameters.Define("romiplostimItpWeightExponent", 1.04, "1", 0, 2, "Allometric exponent of V/F on body weight (reference 77 kg).", Petrov),
        PkParameters.Define("romiplostimItpKel", 0.03, "1/h", 0.001, 1, "First-order elimination rate.", Petrov),
    ];
}
