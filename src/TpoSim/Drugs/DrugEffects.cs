using TpoSim.Drugs.Pharmacokinetics;
using TpoSim.Parameters;

namespace TpoSim.Drugs;

/// <summary>How a drug acts on c-Mpl signalling in the coupled model.</summary>
public enum DrugAction
{
    /// <summary>Activates c-Mpl; how its signal combines with TPO's depends on its <see cref="MplSite"/>.</summary>
    Agonist,

    /// <summary>Removes the fraction Imax·C/(Ki + C) of the c-Mpl signal (hypothetical antagonist).</summary>
    Antagonist,
}

/// <summary>
/// Pharmacodynamic parameters coupling each drug's PK to thrombopoiesis. Division-rate stimulation (Shimizu 2021 form,
/// extended for two classes of c-Mpl agonist):
/// f + (1 − f)·mpl·Emax·(S_site + Σ_tm ε_d·C_d/(EC50_d + C_d))·Π_a (1 − Imax·C_a/(Ki + C_a)) + autonomous, where
/// S_site = (T/K_T + Σ_site ε_d·C_d/K_d)/(1 + T/K_T + Σ_site C_d/K_d) is the competitive two-agonist occupancy–response
/// of the TPO site (K_T = TPO's EC50, so without drug S_site = T/(EC50 + T) as before) and C_d the plasma
/// concentration (free drug for romiplostim) in ng/mL. Every drug term is exactly zero at zero concentration.
/// </summary>
public static class DrugEffects
{
    /// <summary>Romiplostim functional dissociation constant at TPO's c-Mpl site, on free drug, ng/mL.</summary>
    public static ParameterDefinition RomiplostimSiteKd { get; } = PkParameters.Define(
        "romiplostimSiteKd", 0.02, "ng/mL", 1e-5, 100,
        "K_d of free romiplostim at TPO's c-Mpl site in the competitive occupancy–response (the free concentration that would occupy half the sites without TPO).",
        "calibrated: one value with romiplostimEfficacy for V3, V4 and V4b together (Wang B et al. Clin Pharmacol Ther 2004;76:628: 10 µg/kg IV ≈6-fold, 2 and 1 µg/kg SC dose-dependent, peaks day 12–16); same order as the binding KD 0.131 ng/mL and SC50 0.052 ng/mL of Wang YC et al. AAPS J 2010;12:729");

    /// <summary>Romiplostim intrinsic efficacy at the TPO site relative to TPO (ε; TPO has 1).</summary>
    public static ParameterDefinition RomiplostimEfficacy { get; } = PkParameters.Define(
        "romiplostimEfficacy", 3, "1", 0.1, 10,
        "ε: signal of a romiplostim-occupied TPO site relative to a TPO-occupied one (operational efficacy ratio, Black & Leff 1983).",
        "derived: Wang YC et al. AAPS J 2010;12:729 estimate a maximal stimulation of precursor production of 1 + Smax = 12.2× baseline (Smax 11.2); a saturated site gives f + (1 − f)·Emax·ε = 0.1 + 0.9·4.52·ε here, so ε = 2.97 ≈ 3 (with ε = 1 the 10 µg/kg IV peak of V3 stays below ≈3.6-fold); confirmed on V3, V4, V4b with romiplostimSiteKd. Plausible for a tetravalent peptibody (4 Mpl-binding peptides on an Fc) that can engage two receptor dimers (Kuter DJ, Blood 2007;109:4607), but in vitro maximal responses like TPO's have been reported, so ε > 1 is an in vivo effective value");

    /// <summary>Eltrombopag EC50 on total plasma concentration, ng/mL.</summary>
    public static ParameterDefinition EltrombopagEc50 { get; } = PkParameters.Define(
        "eltrombopagEc50", 18800, "ng/mL", 1, 1e6,
        "EC50 of eltrombopag on total plasma concentration (transmembrane c-Mpl site, no competition with TPO): its ε·C/(EC50 + C) adds to the TPO-site signal.",
        "derived: the model's initial slope (1 − f)·Emax·ε/EC50 = 0.9·4.52·3/EC50 equals the linear SLOP 0.648 mL/µg of Farrell C et al. Br J Clin Pharmacol 2014;77:717 at EC50 = 18,800 ng/mL (steady-state production is proportional to the stimulation). Consistent with in vitro potency: megakaryocyte EC50 ≈ 0.03–0.1 µM free drug (Erickson-Miller CL et al. Stem Cells 2009;27:424) with > 99% plasma protein binding (Promacta label) puts the total-concentration EC50 in the 10–45 µg/mL range. Checked on V15 (Jenkins 2007 healthy, 75 mg × 10 d)");

    /// <summary>Eltrombopag maximal signal relative to TPO's (ε).</summary>
    public static ParameterDefinition EltrombopagEfficacy { get; } = PkParameters.Define(
        "eltrombopagEfficacy", 3, "1", 0.1, 10,
        "ε: signal of fully occupied transmembrane sites relative to a fully TPO-occupied TPO site; adds to TPO's signal, so saturating drug drives division towards the same maximum as saturating romiplostim.",
        "assumed: a full c-Mpl agonist reaches the in vivo maximum that Wang YC et al. AAPS J 2010;12:729 estimated for romiplostim (1 + Smax = 12.2× baseline precursor production, ε = 3, romiplostimEfficacy). With ε = 1 the drug saturates at half of Farrell's linear effect already at 50–75 mg, and a typical ITP patient (baseline ≈17) stays near 25 ×10^9/L on 50 mg, where Bussel JB et al. N Engl J Med 2007;357:2237 report 70% reaching ≥ 50 by day 43");

    /// <summary>Avatrombopag EC50, ng/mL.</summary>
    public static ParameterDefinition AvatrombopagEc50 { get; } = PkParameters.Define(
        "avatrombopagEc50", 100, "ng/mL", 0.1, 1e6,
        "EC50 of avatrombopag (transmembrane c-Mpl site), added to TPO's signal.",
        "assumed/calibrated: Nomoto M et al. Clin Pharmacol Drug Dev 2018;7:188 report a linear effect without a usable slope here; chosen so a single 40 mg dose gives a modest rise (≈1.3–1.5-fold) peaking near day 11 and back to baseline by about day 27");

    /// <summary>Lusutrombopag EC50, ng/mL.</summary>
    public static ParameterDefinition LusutrombopagEc50 { get; } = PkParameters.Define(
        "lusutrombopagEc50", 183, "ng/mL", 0.1, 1e6,
        "EC50 of lusutrombopag (transmembrane c-Mpl site), added to TPO's signal.",
        "Katsube T et al. Clin Pharmacokinet 2016;55:1423, as used in the Shimizu 2021 model");

    /// <summary>Lusutrombopag maximal signal relative to TPO's (ε), 1.</summary>
    public static ParameterDefinition LusutrombopagEfficacy { get; } = PkParameters.Define(
        "lusutrombopagEfficacy", 1, "1", 0, 10,
        "ε: signal of fully occupied transmembrane sites relative to a fully TPO-occupied TPO site (the drug's own Emax); 0 is a subject on whom the drug does nothing (a population's non-responder).",
        "assumed: ε = 1, the value the lusutrombopag model ran with before ε was a parameter (Katsube 2016's EC50 with TPO's maximal response, as in the Shimizu 2021 model); a parameter so that a population can vary the drug's Emax between subjects (issue 15) without changing the typical patient");

    /// <summary>Avatrombopag maximal signal relative to TPO's (ε), 1.</summary>
    public static ParameterDefinition AvatrombopagEfficacy { get; } = PkParameters.Define(
        "avatrombopagEfficacy", 1, "1", 0, 10,
        "ε: signal of fully occupied transmembrane sites relative to a fully TPO-occupied TPO site (the drug's own Emax); 0 is a subject on whom the drug does nothing (a population's non-responder).",
        "assumed: ε = 1, the value the avatrombopag model ran with before ε was a parameter (avatrombopagEc50 was chosen with it); a parameter so that a population can vary the drug's Emax between subjects (issue 15) without changing the typical patient");

    /// <summary>PEG-rHuMGDF potency relative to TPO, molar.</summary>
    public static ParameterDefinition PegRhuMgdfRelativePotency { get; } = PkParameters.Define(
        "pegRhuMgdfRelativePotency", 1, "1", 0.01, 100,
        "Molar affinity of PEG-rHuMGDF for TPO's c-Mpl site relative to TPO: its K_d is TPO's K_T (pM) × molar mass / potency; its efficacy is TPO's (ε = 1), so at potency 1 a molar unit of drug acts exactly like a molar unit of TPO.",
        "assumed: MGDF is the receptor-binding domain of TPO (residues 1–163), so equal molar affinity and efficacy; receptor-mediated clearance of the drug itself is in its PK half-life only");

    /// <summary>Hypothetical antagonist: maximal fraction of the c-Mpl signal removed.</summary>
    public static ParameterDefinition AntagonistImax { get; } = PkParameters.Define(
        "mplAntagonistImax", 0.9, "1", 0, 1,
        "Maximal fraction of the c-Mpl signal removed at full occupancy (occupancy C/(Ki + C), Ki from the PK model).",
        "assumed: hypothetical drug, no published source");
}
