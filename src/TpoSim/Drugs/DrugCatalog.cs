using TpoSim.Scenarios;

namespace TpoSim.Drugs;

/// <summary>
/// Drugs a scenario can dose. Recombinant human TPO needs no PK model of its own: it is TPO, so an IV dose adds
/// to free plasma TPO and the model's own target-mediated disposition clears it. The other drugs carry a PK model
/// (<see cref="Modules.DrugModuleCatalog"/>, same names) whose states are appended to the model's, and act on
/// c-Mpl signalling through <see cref="DrugEffects"/>.
/// </summary>
public static class DrugCatalog
{
    /// <summary>Recombinant human TPO (full-length, glycosylated).</summary>
    public static DrugInfo RecombinantTpo { get; } = new(
        "rhTPO", [Route.Intravenous], 10,
        "Identical to endogenous TPO: an IV bolus adds to free plasma TPO (molar mass as for TPO), then binds c-Mpl on platelets and MKs and is cleared like TPO.",
        "Vadhan-Raj S et al. Ann Intern Med 1997;126:673 (IV 0.3–2.4 µg/kg in humans); limit 10 µg/kg assumed as a typo guard");

    /// <summary>Romiplostim (c-Mpl agonist peptibody).</summary>
    public static DrugInfo Romiplostim { get; } = new(
        "romiplostim", [Route.Subcutaneous, Route.Intravenous], 30,
        "Fc–peptide agonist at TPO's binding site: SC depot + 2-cmt PK with target-mediated disposition on c-Mpl of platelets and megakaryocytes (live receptor pool); free drug competes with TPO for the site, (T/K_T + ε·C/K_d)/(1 + T/K_T + C/K_d), with efficacy ε 3 relative to TPO.",
        "Wang YC et al. AAPS J 2010;12:729 (PK, SC50); Wang B et al. Clin Pharmacol Ther 2004;76:628 (up to 10 µg/kg IV/SC in healthy subjects); limit 30 µg/kg assumed as a typo guard");

    /// <summary>Eltrombopag (oral small-molecule agonist).</summary>
    public static DrugInfo Eltrombopag { get; } = new(
        "eltrombopag", [Route.Oral], 5000,
        "Oral small molecule at the transmembrane c-Mpl site (no competition with TPO): 2-cmt PK with lag and absorption rate switch (healthy disposition from Farrell 2014; pk eltrombopag-itp gives Gibiansky 2011's higher-exposure ITP disposition); adds ε·C/(EC50 + C) to TPO's signal (ε 3, EC50 18,800 ng/mL total).",
        "Farrell C et al. Br J Clin Pharmacol 2014;77:717; limit 5 mg/kg (350 mg at 70 kg, above the 75 mg label maximum and phase 1 doses) assumed as a typo guard");

    /// <summary>Avatrombopag (oral small-molecule agonist).</summary>
    public static DrugInfo Avatrombopag { get; } = new(
        "avatrombopag", [Route.Oral], 5000,
        "Oral small molecule at the transmembrane c-Mpl site (no competition with TPO): 1-cmt PK (with food); adds C/(EC50 + C) to TPO's signal.",
        "Liu X et al. Pharmaceuticals 2025;18:903 (PK); Nomoto M et al. Clin Pharmacol Drug Dev 2018;7:188 (PD); limit 5 mg/kg assumed as a typo guard");

    /// <summary>Lusutrombopag (oral small-molecule agonist).</summary>
    public static DrugInfo Lusutrombopag { get; } = new(
        "lusutrombopag", [Route.Oral], 1000,
        "Oral small molecule at the transmembrane c-Mpl site (no competition with TPO): 3-cmt PK; adds C/(EC50 + C) to TPO's signal (EC50 183 ng/mL).",
        "Katsube T et al. Clin Pharmacokinet 2016;55:1423; limit 1 mg/kg (70 mg at 70 kg, far above the 3 mg label dose) assumed as a typo guard");

    /// <summary>PEG-rHuMGDF (pegylated truncated TPO).</summary>
    public static DrugInfo PegRhuMgdf { get; } = new(
        "peg-rhumgdf", [Route.Subcutaneous, Route.Intravenous], 30,
        "Pegylated receptor-binding domain of TPO: own 1-cmt PK (half-life 24–40 h); competes with TPO for its c-Mpl site with TPO's efficacy and molar K scaled by a relative potency (assumed 1), i.e. acts as the same molar amount of TPO.",
        "Harker LA et al. Blood 2000 (3 µg/kg SC in healthy subjects); limit 30 µg/kg assumed as a typo guard");

    /// <summary>Hypothetical c-Mpl antagonist.</summary>
    public static DrugInfo MplAntagonist { get; } = new(
        "mpl-antagonist", [Route.Oral, Route.Intravenous], 100_000,
        "HYPOTHETICAL: removes the fraction Imax·C/(Ki + C) of the c-Mpl signal (TPO and agonists alike); every value assumed.",
        "assumed: no published drug; limit 100 mg/kg assumed");

    /// <summary>All drugs, by name.</summary>
    public static IReadOnlyList<DrugInfo> All { get; } = [RecombinantTpo, Romiplostim, Eltrombopag, Avatrombopag, Lusutrombopag, PegRhuMgdf, MplAntagonist];

    /// <summary>Drug names accepted in scenarios.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(d => d.Name).ToArray();

    /// <summary>The drug called <paramref name="name"/>, or null.</summary>
    public static DrugInfo? Get(string name) => All.FirstOrDefault(d => d.Name == name);
}
