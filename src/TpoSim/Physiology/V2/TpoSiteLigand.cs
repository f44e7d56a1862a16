using TpoSim.Drugs.Pharmacokinetics;
using TpoSim.Model;
using TpoSim.Parameters;

namespace TpoSim.Physiology.V2;

/// <summary>
/// A drug that binds TPO's site on c-Mpl (romiplostim, PEG-rHuMGDF, a c-Mpl antagonist) in model v2. It binds the one
/// receptor pool of platelets and marrow cells competitively with TPO, with its own kinetics; its bound fraction on
/// platelets is cleared with platelet receptors (target-mediated disposition through the same pool), and its signal on
/// marrow cells enters the same receptor-level Emax as TPO's, weighted by <see cref="Efficacy"/>.
/// </summary>
/// <param name="Name">Prefix of its states and parameters (camelCase).</param>
/// <param name="KdPicomolar">Equilibrium dissociation constant at c-Mpl, pM.</param>
/// <param name="KonPerPicomolarDay">Association rate, 1/(pM·day).</param>
/// <param name="KintPerDay">Internalisation rate of the drug–c-Mpl complex, 1/day.</param>
/// <param name="Efficacy">Signal of an occupied site relative to TPO's (1 a full agonist, 0 an antagonist).</param>
/// <param name="MolarMass">Molar mass, g/mol (for doses in µg).</param>
/// <param name="CentralVolumePerKg">Central volume, L/kg.</param>
/// <param name="EliminationPerDay">Linear (non-receptor) elimination of free drug, 1/day.</param>
/// <param name="AbsorptionPerDay">SC absorption rate, 1/day.</param>
/// <param name="Bioavailability">SC bioavailability.</param>
/// <param name="Source">Citation for the values, or "assumed:" and why.</param>
/// <param name="DistributionPerDay">Central → peripheral rate of free drug, 1/day (0: no peripheral compartment).</param>
/// <param name="RedistributionPerDay">Peripheral → central rate, 1/day.</param>
public sealed record TpoSiteLigand(
    string Name, double KdPicomolar, double KonPerPicomolarDay, double KintPerDay, double Efficacy, double MolarMass,
    double CentralVolumePerKg, double EliminationPerDay, double AbsorptionPerDay, double Bioavailability, string Source,
    double DistributionPerDay = 0, double RedistributionPerDay = 0)
{
    /// <summary>Name of the SC depot state (µg).</summary>
    public string Depot => $"{Name}Depot";

    /// <summary>Name of the central state: the free drug's amount in its central volume (µg).</summary>
    public string Central => $"{Name}Central";

    /// <summary>Name of the free central concentration variable (pM).</summary>
    public string Free => $"{Name}FreeObserved";

    /// <summary>Name of the peripheral state (µg), present when <see cref="DistributionPerDay"/> &gt; 0.</summary>
    public string Peripheral => $"{Name}Peripheral";

    /// <summary>True when the ligand has a peripheral compartment.</summary>
    public bool HasPeripheral => DistributionPerDay > 0;

    /// <summary>Name of the platelet-bound complex state (pM of plasma).</summary>
    public string PlateletComplex => $"{Name}PlateletComplex";

    /// <summary>Name of the marrow-bound complex state (pM of plasma).</summary>
    public string MarrowComplex => $"{Name}MarrowComplex";

    /// <summary>Parameter name of <paramref name="quantity"/> for this ligand (e.g. romiplostimKd).</summary>
    public string P(string quantity) => $"{Name}{quantity}";

    /// <summary>The registry entries of this ligand.</summary>
    public IReadOnlyList<ModelParameter> Parameters() =>
    [
        new(P("Kd"), KdPicomolar, "pM", 1e-3, 1e4, ParameterKind.Mechanism, $"K_d of {Name} at c-Mpl.", Source),
        new(P("Kon"), KonPerPicomolarDay, "1/(pM·day)", 1e-3, 1e4, ParameterKind.Mechanism, $"Association rate of {Name} with c-Mpl.", Source),
        new(P("Kint"), KintPerDay, "1/day", 0, 1000, ParameterKind.Mechanism, $"Internalisation rate of {Name}–c-Mpl.", Source),
        new(P("Efficacy"), Efficacy, "1", 0, 1, ParameterKind.Mechanism,
            $"Signal of a {Name}-occupied site relative to a TPO-occupied one (same receptor-level Emax for every agonist).", Source),
        new(P("MolarMass"), MolarMass, "g/mol", 1e3, 1e6, ParameterKind.Mechanism, $"Molar mass of {Name}.", Source),
        new(P("VcPerKg"), CentralVolumePerKg, "L/kg", 1e-3, 10, ParameterKind.Mechanism, $"Central volume of {Name} per kg.", Source),
        new(P("Kel"), EliminationPerDay, "1/day", 0, 1000, ParameterKind.Mechanism, $"Linear elimination of free {Name}.", Source),
        new(P("Ka"), AbsorptionPerDay, "1/day", 0, 1000, ParameterKind.Mechanism, $"SC absorption rate of {Name}.", Source),
        new(P("F"), Bioavailability, "1", 0, 1, ParameterKind.Mechanism, $"SC bioavailability of {Name} (applied to each SC dose).", Source),
        .. HasPeripheral
            ? new ModelParameter[]
            {
                new(P("Kcp"), DistributionPerDay, "1/day", 0, 1000, ParameterKind.Mechanism, $"Distribution of free {Name} to its peripheral compartment.", Source),
                new(P("Kpc"), RedistributionPerDay, "1/day", 0, 1000, ParameterKind.Mechanism, $"Return of {Name} from its peripheral compartment.", Source),
            }
            : [],
    ];

    private static double Wang(string name) => RomiplostimPk.Definitions.Single(d => d.Name == name).DefaultValue;

    /// <summary>Romiplostim's molar mass, g/mol (Nplate label: ≈59 kDa).</summary>
    private const double RomiplostimMolarMass = 59_000;

    /// <summary>
    /// Romiplostim (Wang YC, Krzyzanski W et al. AAPS J 2010;12:729, healthy subjects; the values of
    /// <see cref="RomiplostimPk.Definitions"/>): K_D 0.131 ng/mL at 59 kDa = 2.2 pM, kint 0.173/h, kel 0.0382/h,
    /// ka 0.0254/h, F 0.499, Vc 0.0683 L/kg. Full agonist (ε = 1): the one receptor-level Emax; Wang's peripheral
    /// compartment is kept with its own kcp 0.0806/h and kpc 0.0148/h: Wang's kel and Vc were estimated with it.
    /// </summary>
    public static TpoSiteLigand Romiplostim { get; } = new(
        "romiplostim", Wang("romiplostimKd") * 1e6 / RomiplostimMolarMass, 12, Wang("romiplostimKint") * 24, 1, RomiplostimMolarMass,
        Wang("romiplostimVc"), Wang("romiplostimKel") * 24, Wang("romiplostimKa") * 24, Wang("romiplostimBioavailability"),
        "Wang YC, Krzyzanski W et al. AAPS J 2010;12:729 (KD 0.131 ng/mL, kint 0.173/h, kel 0.0382/h, ka 0.0254/h, F 0.499, Vc 0.0683 L/kg, kcp 0.0806/h, kpc 0.0148/h; 59 kDa, Nplate label); kon assumed equal to TPO's; efficacy 1: one receptor-level Emax",
        Wang("romiplostimKcp") * 24, Wang("romiplostimKpc") * 24);

    /// <summary>
    /// PEG-rHuMGDF: TPO's receptor-binding domain (residues 1–163) with a PEG chain, so TPO's affinity, kinetics and
    /// efficacy (assumed); linear elimination from its terminal half-life 33.3 ± 16.7 h (de Boer RH et al. Growth Factors
    /// 2000;18:215); plasma as central volume, absorption and bioavailability assumed (the paper gives CL/F only).
    /// </summary>
    public static TpoSiteLigand PegRhuMgdf { get; } = new(
        "pegRhuMgdf", 163, 12, Math.Log(5) * 24, 1, 38_000, 0.04, Math.Log(2) / 33.3 * 24, 0.5, 0.5,
        "de Boer RH et al. Growth Factors 2000;18:215 (terminal t½ 33.3 ± 16.7 h); assumed: binding, kinetics and efficacy of TPO (MGDF is TPO 1–163), ≈38 kDa (≈18 kDa polypeptide + 20 kDa PEG), plasma as central volume, ka 0.5/day and F 0.5 (only CL/F 27.7 mL/h/kg is published)");

    /// <summary>
    /// A hypothetical c-Mpl antagonist at TPO's site: TPO's affinity and kinetics, no signal, slow linear clearance.
    /// </summary>
    public static TpoSiteLigand Antagonist { get; } = new(
        "mplAntagonist", 163, 12, Math.Log(5) * 24, 0, 35_000, 0.04, 0.5, 0, 1,
        "assumed: hypothetical drug with TPO's binding (Li 1999) and no signal (efficacy 0)");
}
