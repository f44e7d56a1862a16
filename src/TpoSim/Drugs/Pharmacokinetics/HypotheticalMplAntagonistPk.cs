using TpoSim.Parameters;
using TpoSim.Scenarios;

namespace TpoSim.Drugs.Pharmacokinetics;

/// <summary>
/// HYPOTHETICAL c-Mpl antagonist: no such drug is approved and no value here is published. A small molecule with
/// linear 1-cmt oral or IV kinetics, for what-if scenarios (e.g. blocking TPO signalling in thrombocytosis). Its
/// potency <c>mplAntagonistKi</c> is carried for the later coupling into the TPO model and unused by the PK itself.
/// States (µg): 0 gut, 1 central. Doses in mg.
/// <para>Only the published values live here; the equations are the drug module's (<see cref="Modules.MplAntagonistModule"/>), compiled into the model with the rest.</para>
/// </summary>
public static class HypotheticalMplAntagonistPk
{
    /// <summary>Parameter definitions, every one assumed.</summary>
    public static IReadOnlyList<ParameterDefinition> Definitions { get; } =
    [
        PkParameters.Define("mplAntagonistHalfLife", 24, "h", 1, 500, "Elimination half-life.",
            "assumed: hypothetical drug; once-daily oral small molecule, like the TPO-RAs (eltrombopag 21–35 h, avatrombopag 16–19 h)"),
        PkParameters.Define("mplAntagonistVolume", 1.0, "L/kg", 0.05, 20, "Volume of distribution per kg.",
            "assumed: hypothetical drug; total body water order for a small molecule"),
        PkParameters.Define("mplAntagonistKa", 1.0, "1/h", 0.01, 100, "First-order oral absorption rate.",
            "assumed: hypothetical drug; typical immediate-release tablet"),
        PkParameters.Define("mplAntagonistBioavailability", 0.5, "1", 0.01, 1, "Oral bioavailability.",
            "assumed: hypothetical drug; mid-range oral bioavailability"),
        PkParameters.Define("mplAntagonistKi", 10, "ng/mL", 0.001, 100_000, "Inhibition constant at c-Mpl (for the coupled model; unused by the PK).",
            "assumed: hypothetical drug; about 20 nM at 500 g/mol, placing 10–100 mg doses in the active range"),
    ];

    /// <summary>Assumed 500 g/mol (a typical oral small molecule).</summary>
    public static MolarMass AntagonistMolarMass { get; } = new(500, "assumed: hypothetical small molecule of 500 g/mol");
}
