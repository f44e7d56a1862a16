using static TpoSim.Parameters.ParameterKind;

namespace TpoSim.Parameters;

/// <summary>
/// Every parameter of the TPO–platelet model, defined once with unit, range and source. `tposim parameters`,
/// docs/parameters.md and scenario validation all read this list.
/// </summary>
public static class ParameterCatalog
{
    private const string Shimizu = "Shimizu R, Katsube T, Wajima T. CPT Pharmacometrics Syst Pharmacol 2021;10:489";
    private const string JinKrzyzanski = "Jin F, Krzyzanski W. AAPS PharmSci 2004;6(1):E9";

    /// <summary>All definitions with their literature (or assumed) values, before calibration, indexed by <see cref="ParameterId"/>.</summary>
    public static IReadOnlyList<ParameterDefinition> Literature { get; } = Build();

    /// <summary>
    /// All definitions, indexed by <see cref="ParameterId"/>: the literature values with the shipped calibrated set
    /// (validation/parameters.json, written by <c>tposim calibrate</c>) as defaults where it gives one.
    /// </summary>
    public static IReadOnlyList<ParameterDefinition> All { get; } = Calibration.ShippedParameters.Apply(Literature);

    /// <summary>The definition of <paramref name="id"/>.</summary>
    public static ParameterDefinition Get(ParameterId id) => All[(int)id];

    /// <summary>Finds a definition by its scenario name (case-sensitive, camelCase).</summary>
    public static bool TryGet(string name, out ParameterDefinition definition)
    {
        foreach (var d in All)
        {
            if (d.Name == name) { definition = d; return true; }
        }
        definition = null!;
        return false;
    }

    private static ParameterDefinition[] Build()
    {
        ParameterDefinition[] list =
        [
            new(ParameterId.PlateletsReference, "plateletsReference", 250, "10^9/L", 150, 450, SetPoint,
                "Healthy circulating platelet count the model is calibrated to.",
                "Normal 150–450 ×10^9/L, mean ≈290 (Giles C, Br J Haematol 1981;48:31, via Langlois GP et al. J Math Biol 2017;75:1411); 250 as the issue's healthy default"),
            new(ParameterId.TpoReference, "tpoReference", 1.4, "pM", 0.3, 5, SetPoint,
                "Healthy free plasma TPO the model is calibrated to.", Shimizu + " (TPO0 = 1.4 pM healthy)"),
            new(ParameterId.BloodVolumePerKg, "bloodVolumePerKg", 70, "mL/kg", 50, 110, Mechanism,
                "Blood volume per kg body weight; turns platelet numbers (transfusions) into counts.",
                "assumed: standard adult ≈70 mL/kg, giving the 5 L of " + Shimizu + " at 70 kg"),
            new(ParameterId.PlasmaVolumePerKg, "plasmaVolumePerKg", 40, "mL/kg", 25, 60, Mechanism,
                "Plasma volume per kg; the volume TPO concentrations (pM) refer to, used to turn TPO doses into pM.",
                "assumed: standard adult ≈40 mL/kg (blood volume × (1 − haematocrit 0.43))"),
            new(ParameterId.TpoAssociationRate, "kon", 1.32, "1/(pM·day)", 0.01, 100, Mechanism,
                "Association rate of TPO with c-Mpl.", Shimizu + "; = 0.055 pM^-1 h^-1 of " + JinKrzyzanski),
            new(ParameterId.TpoDissociationRate, "koff", 60, "1/day", 1, 1000, Mechanism,
                "Dissociation rate of the TPO–c-Mpl complex.", Shimizu + "; = 2.5 h^-1 of " + JinKrzyzanski),
            new(ParameterId.ComplexInternalisationRate, "kint", 2.4, "1/day", 0.1, 50, Mechanism,
                "Internalisation and degradation rate of the TPO–c-Mpl complex (target-mediated disposition).",
                Shimizu + "; = 0.1 h^-1 of " + JinKrzyzanski + "; 80% of platelet sites internalised within 1 h, not recycled (Br J Haematol 1999)"),
            new(ParameterId.TpoToTissueRate, "kfn", 0.948, "1/day", 0, 100, Mechanism,
                "Rate of free TPO moving to non-specific (tissue) binding.",
                "Shimizu 2021 tissue/plasma ratio kfn/knf = 3.12/1.152 = 2.71 kept; rate scaled with knf (see knf)"),
            new(ParameterId.TissueToTpoRate, "knf", 0.35, "1/day", 0.01, 100, Mechanism,
                "Rate of non-specifically bound TPO returning to plasma; with receptors saturated it sets the terminal half-life.",
                "assumed: lowered from 1.152 d^-1 (" + Shimizu + ", fitted to endogenous TPO) so pharmacological rhTPO doses show the 24–40 h terminal half-life seen clinically (Vadhan-Raj S et al. Ann Intern Med 1997;126:673); with 1.152 the terminal phase cannot exceed ≈17 h"),
            new(ParameterId.ReceptorTotalReference, "receptorTotalReference", 164, "pM", 10, 2000, Mechanism,
                "Total c-Mpl (platelets + megakaryocytes) per litre of plasma at the healthy set point.",
                Shimizu + " (Rp0) and " + JinKrzyzanski + " (Rmax 164 pM)"),
            new(ParameterId.MegakaryocyteReceptorShare, "mkReceptorShare", 0.4, "1", 0, 0.9, Mechanism,
                "Share of the healthy c-Mpl mass on megakaryocytes (the rest on platelets); MK receptors scale with MK mass.",
                "assumed: platelet and MK mass together set free TPO (Kuter DJ, Rosenberg RD, Blood 1995;85:2720); 0.4 lets the MK expansion of ITP hold TPO below 2× normal (Hou 1998) while MK loss in aplastic anaemia raises it >10-fold"),
            new(ParameterId.NonReceptorClearanceRate, "kNonReceptor", 0.2, "1/day", 0, 20, Mechanism,
                "First-order clearance of free TPO not through c-Mpl (renal, hepatic, proteolysis).",
                "assumed: receptor-mediated endocytosis is the major elimination pathway (Jin & Krzyzanski 2004); 0.2 d^-1 (≈2.5% of tracer clearance) lets TPO rise ≥10× when MK and platelet mass collapse (aplastic anaemia 1500–2700 pg/mL, Hou 1998) while tracer TPO keeps its ≈2 h half-life"),
            new(ParameterId.KidneyTpoShare, "kidneyTpoShare", 0.10, "1", 0, 0.5, Mechanism,
                "Kidney share of TPO production at the healthy set point.",
                "assumed: liver is the main source, kidney (proximal tubule) minor (Jelkmann W, Eur J Gastroenterol Hepatol 2001;13:791)"),
            new(ParameterId.StromaTpoShare, "stromaTpoShare", 0.05, "1", 0, 0.5, Mechanism,
                "Marrow-stroma share of TPO production at the healthy set point.",
                "assumed: small at baseline; marrow stromal TPO mRNA rises in thrombocytopenia (Blood 1997;89:101)"),
            new(ParameterId.StromaMaxFold, "stromaMaxFold", 4, "1", 1, 100, Mechanism,
                "Stromal TPO output with no platelets, as a multiple of its healthy output.",
                "assumed: stromal mRNA rises in thrombocytopenia (Blood 1997;89:101), magnitude not published; 4× keeps TPO low-normal in liver disease (Peck-Radosavljevic 2000) and near normal in ITP (Hou 1998)"),
            new(ParameterId.StromaHillCoefficient, "stromaHill", 2, "1", 0.5, 6, Mechanism,
                "Steepness of the stromal response to the platelet count.", "assumed: smooth sigmoid response"),
            new(ParameterId.AshwellMorellShare, "amrShare", 0.6, "1", 0, 0.9, Mechanism,
                "Share of hepatic TPO output driven by aged platelets cleared via the Ashwell–Morell receptor (GPIbα-dependent).",
                "Grozovsky R et al. Nat Med 2015;21:47; GPIbα-/- mice and Bernard–Soulier patients have 2–3-fold lower TPO from lower hepatic transcription (Xu M et al. Blood 2018;132:622): 1/(1−0.6) = 2.5-fold"),
            new(ParameterId.AshwellMorellHalfSaturation, "amrHalfSaturation", 0.05, "1", 0.001, 2, Mechanism,
                "Aged-platelet clearance flux (as a fraction of the healthy flux) giving half the Ashwell–Morell drive.",
                "assumed: the drive saturates near normal flux, so it falls only when aged-platelet clearance nearly vanishes (TPO stays high in aplastic anaemia, Hou 1998)"),
            new(ParameterId.AshwellMorellEnabled, "amrEnabled", 1, "0/1", 0, 1, Mechanism,
                "1: hepatic TPO is driven by aged platelets (Grozovsky 2015); 0: the classic constitutive model.",
                "Grozovsky R et al. Nat Med 2015;21:47 (switch for comparison with classic models)"),
            new(ParameterId.NeonatalLiverShare, "neonatalLiverShare", 0.953, "1", 0.5, 1, Mechanism,
                "In neonates, the liver's share of liver + kidney + spleen TPO (the rest split equally between kidney and spleen).",
                "Wolber EM et al. Blood 1999;94:97 (95.3% of TPO mRNA; equal kidney/spleen split assumed)"),
            new(ParameterId.DivisionEmax, "emax", 4.52, "1", 1.05, 50, Mechanism,
                "Maximal TPO stimulation of progenitor division rate, relative to baseline.", Shimizu),
            new(ParameterId.TpoIndependentDivisionFraction, "tpoIndependentFraction", 0.1, "1", 0, 0.9, Mechanism,
                "Share of baseline thrombopoiesis that needs no TPO signal.",
                "assumed: c-Mpl-/- and Tpo-/- mice keep ≈10–15% of normal platelets (Gurney AL et al. Science 1994;265:1445; de Sauvage FJ et al. J Exp Med 1996;183:651)"),
            new(ParameterId.BaseDivisionRate, "kDivision", 1, "1/day", 0.1, 10, Mechanism,
                "Baseline progenitor division (transit) rate per compartment; 27 compartments, 26 doublings.", Shimizu + " (kout 1 d^-1)"),
            new(ParameterId.MegakaryocyteMaturationTime, "mkMaturationDays", 7.5, "day", 2, 15, Mechanism,
                "Mean megakaryocyte maturation time (5 compartments).",
                "MK transit 5–10 d (Wang 2010 5.9 d; Pérez-Ruixo 2013 9.6 d; Shimizu 2021 used 5 d); 7.5 d, mid-range, chosen once so that TPO-receptor-agonist platelet peaks fall on day 12–16 (Wang B et al. Clin Pharmacol Ther 2004;76:628: V3, V4) while the chemotherapy nadir stays in day 10–21 (V10)"),
            new(ParameterId.PlateletsPerMegakaryocyte, "plateletsPerMk", 2500, "platelets/MK", 500, 10000, Mechanism,
                "Platelets shed per mature megakaryocyte (sets the MK count output).", Shimizu + " (PP ≈2500); 2000–5000 in reviews"),
            new(ParameterId.PlateletSenescenceAge, "plateletSenescenceDays", 9.5, "day", 3, 15, Mechanism,
                "Mean age at senescent removal (10-compartment ageing chain) when no random loss occurs.",
                "assumed: with the random removal rate gives a mean lifespan of 8.6 d (Harker LA et al. Blood 2000;95:2514: 8.4 ± 0.8 d; 205 ± 18 h)"),
            new(ParameterId.RandomPlateletRemovalRate, "randomRemovalRate", 0.02, "1/day", 0, 2, Mechanism,
                "Age-independent platelet removal rate (random loss, haemostatic use).",
                "assumed: ≈18% of turnover is age-independent, close to the fixed requirement of Hanson SR, Slichter SJ, Blood 1985;66:1105 (7.1×10^9/L/day of ≈44)"),
            new(ParameterId.LiverFunction, "liverFunction", 1, "1", 0, 1, PatientControl,
                "Hepatic TPO synthetic capacity relative to a healthy liver (liver disease lowers it).", "Jelkmann W, Eur J Gastroenterol Hepatol 2001;13:791 (TPO is made constitutively by hepatocytes)"),
            new(ParameterId.HepaticTpoMultiplier, "hepaticTpoMultiplier", 1, "1", 0, 20, PatientControl,
                "Extra scaling of hepatic TPO transcription (IL-6 in inflammation, TPO-gene mutations in hereditary thrombocythaemia).",
                "assumed: hook for conditions; IL-6 raises hepatic TPO (Kaser A et al. Blood 2001;98:2720)"),
            new(ParameterId.SplenicFraction, "splenicFraction", 1.0 / 3.0, "1", 0, 0.95, PatientControl,
                "Fraction of the body's platelets pooled in the spleen (in fast exchange with blood).",
                "Aster RH, J Clin Invest 1966;45:645 (≈1/3; 20–43% by method; 79% in splenomegaly)"),
            new(ParameterId.ExtraPlateletRemovalRate, "extraRemovalRate", 0, "1/day", 0, 50, PatientControl,
                "Additional age-independent platelet removal (antibodies in ITP, consumption).", "assumed: hook for conditions (ITP, consumption)"),
            new(ParameterId.ProgenitorInput, "progenitorInput", 1, "1", 0, 5, PatientControl,
                "Inflow of committed MK progenitors relative to healthy (marrow failure lowers it).", "assumed: hook for marrow failure (aplastic anaemia)"),
            new(ParameterId.ProgenitorKillRate, "progenitorKillRate", 0, "1/day", 0, 100, PatientControl,
                "Extra death rate of dividing MK progenitors (chemotherapy, radiation).",
                "Friberg LE et al. J Clin Oncol 2002;20:4713 (drug effect on proliferating cells)"),
            new(ParameterId.MplExpression, "mplExpression", 1, "1", 0, 1.5, PatientControl,
                "c-Mpl expression on platelets and megakaryocytes relative to healthy (CAMT: 0).",
                "assumed: hook for c-Mpl loss (congenital amegakaryocytic thrombocytopenia, Mukai 1996)"),
            new(ParameterId.AutonomousDivisionRate, "autonomousDivision", 0, "1", 0, 10, PatientControl,
                "TPO-independent progenitor division drive, as a multiple of the baseline rate (JAK2/CALR/MPL-mutant clones).",
                "assumed: hook for essential thrombocythaemia (autonomous MK growth)"),
            new(ParameterId.PlateletMplExpression, "plateletMplExpression", 1, "1", 0, 1.5, PatientControl,
                "c-Mpl on platelets only, relative to healthy (reduced in essential thrombocythaemia).",
                "Horikawa Y et al. Blood 1997;90:4031 (platelet c-Mpl reduced in ET); hook for ET"),
            new(ParameterId.PlateletSurvivalFactor, "plateletSurvivalFactor", 1, "1", 0.05, 2, PatientControl,
                "Senescence age of platelets relative to healthy (shortened in MDS).",
                "Pérez-Ruixo JJ et al. Br J Clin Pharmacol 2013;75:1445 (MDS platelet lifespan 42 h vs 257 h healthy)"),
            new(ParameterId.MegakaryocytePlateletOutput, "mkPlateletOutput", 1, "1", 0, 2, PatientControl,
                "Platelets released per megakaryocyte relative to healthy (antibodies impair MK output in ITP).",
                "McMillan R et al. Blood 2004;103:1364 (ITP plasma suppresses megakaryopoiesis); hook for ITP"),
            new(ParameterId.InflammatoryTpoDrive, "inflammatoryTpoDrive", 1, "1", 1, 10, PatientControl,
                "Fold increase of hepatic TPO transcription by IL-6 in inflammation.",
                "Kaser A et al. Blood 2001;98:2720 (IL-6 induces hepatic TPO; reactive thrombocytosis)"),
            new(ParameterId.LiverMass, "liverMass", 1, "1", 0.2, 1, PatientControl,
                "Liver mass relative to a whole liver (lowered by partial hepatectomy, restored by regeneration or transplant); scales hepatic TPO synthesis.",
                "assumed: hepatic TPO output proportional to hepatocyte mass (Jelkmann W, Eur J Gastroenterol Hepatol 2001;13:791)"),
            new(ParameterId.SpleenPresent, "spleenPresent", 1, "0/1", 0, 1, PatientControl,
                "1 with a spleen, 0 after splenectomy: without it antibody-mediated removal is 47.5% lower and no splenic TPO is made (neonates).",
                "Pérez-Ruixo C et al. AAPS J 2016 (splenectomy lowered platelet removal by 47.5%)"),
            new(ParameterId.ItpActivity, "itpActivity", 1, "1", 0.01, 100, PatientControl,
                "Current disease activity of ITP relative to its typical level: multiplies the extra (antibody-mediated) removal rate. The ITP condition's activity fluctuation sets it week by week (a seeded log-Ornstein–Uhlenbeck process); 1 = the condition's nominal activity.",
                "assumed: hook for week-to-week fluctuation of chronic ITP (placebo arms: 11% of patients with baseline < 30 reached ≥ 50 ×10^9/L at day 43 without treatment, Bussel JB et al. N Engl J Med 2007;357:2237; 14% transient responders on placebo, Kuter DJ et al. Lancet 2008;371:395)"),
        ];
        for (var i = 0; i < list.Length; i++)
        {
            if ((int)list[i].Id != i) throw new InvalidOperationException($"Parameter {list[i].Name} is out of ParameterId order.");
        }
        return list;
    }
}
