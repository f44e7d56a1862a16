using TpoSim.Model;
using TpoSim.Parameters;

namespace TpoSim.Physiology.V2;

/// <summary>
/// The parameter registry of model v2 (<see cref="CoreModelV2Definition"/>): every parameter with its value, unit,
/// allowed range, kind, meaning and source. Values marked "calibrated" in their source were set on a named calibration
/// case (docs/model-v2.md lists which case sets which parameter); no parameter is set on a validation case.
/// </summary>
public static class V2Parameters
{
    private const string Li = "Li J, Xia Y, Kuter DJ. Br J Haematol 1999;106:345";
    private const string Kuwaki = "Kuwaki T et al. FEBS Lett 1998;427:46";
    private const string VadhanRaj = "Vadhan-Raj S et al. Ann Intern Med 1997;126:673";

    /// <summary>ln 5 per hour, in 1/day: 80% of bound sites internalised within an hour (Li 1999), first order.</summary>
    public static double InternalisationPerDay { get; } = Math.Log(5) * 24;

    /// <summary>Every parameter of the v2 core, in vector order.</summary>
    public static IReadOnlyList<ModelParameter> All { get; } =
    [
        // Set point: the healthy state the production and synthesis constants are derived from.
        new("plateletsReference", 250, "10^9/L", 150, 450, ParameterKind.SetPoint,
            "Healthy circulating platelet count.",
            "Giles C, Br J Haematol 1981;48:31 (normal 150–450 ×10^9/L); 250 as the project's healthy default (calibration case V2-healthy)"),
        new("tpoReference", 1.3, "pM", 0.3, 5, ParameterKind.SetPoint,
            "Healthy free plasma TPO (fmol/mL = pM).",
            "Kojima S et al. Exp Hematol 1996 (healthy controls 1.3 ± 0.5 fmol/mL, n = 12; the project's V1); Ishiguro A et al. Br J Haematol 1999;106:884 report 0.83 fmol/mL with their own assay, so comparisons with a paper use that paper's normal (calibration case healthy-tpo)"),
        new("bodyWeight", 70, "kg", 1, 300, ParameterKind.PatientControl,
            "Body weight.", "patient covariate; 70 kg adult default"),
        new("bloodVolumePerKg", 70, "mL/kg", 50, 110, ParameterKind.PatientControl,
            "Blood volume per kg; turns platelet numbers into counts.", "assumed: standard adult ≈70 mL/kg"),
        new("plasmaVolumePerKg", 40, "mL/kg", 25, 60, ParameterKind.PatientControl,
            "Plasma volume per kg: the volume TPO and c-Mpl concentrations refer to.", "assumed: standard adult ≈40 mL/kg (blood volume × (1 − haematocrit 0.43))"),
        new("tpoMolarMass", 35_000, "g/mol", 30_000, 100_000, ParameterKind.Mechanism,
            "Molar mass of TPO used for every mass ↔ amount conversion (doses in µg; pg/mL outputs).",
            "Foster DC et al. PNAS 1994;91:13023 and Bartley TD et al. Cell 1994;77:1117: mature TPO is a 332-residue ≈35 kDa polypeptide, heavily glycosylated (70–95 kDa apparent on SDS-PAGE); doses are protein mass, so the polypeptide mass. Each assay's pg/mL normal is its own (docs/model-v2.md)"),

        // c-Mpl: one pool on platelets, megakaryocytes and progenitors.
        new("sitesPerPlatelet", 56, "1", 10, 200, ParameterKind.Mechanism,
            "Mean c-Mpl sites per circulating platelet at health (free + bound).",
            $"{Li}: 56 ± 17 sites/platelet (Broudy VC et al. Blood 1997;89:1896: ≈30)"),
        new("tpoKd", 163, "pM", 50, 500, ParameterKind.Mechanism,
            "Equilibrium dissociation constant of TPO–c-Mpl, koff/kon.", $"{Li}: Kd 163 ± 31 pM (Broudy 1997: 190 pM)"),
        new("tpoKon", 12, "1/(pM·day)", 0.1, 1000, ParameterKind.Mechanism,
            "Association rate of TPO with c-Mpl (koff = Kd·kon).",
            $"calibrated on V2-clearance ({Li}: 1.24 ± 0.38 mL/h per 10^9 platelets): with Kd and internalisation from the same paper the clearance per platelet is at most kint·sites/Kd = 0.92 mL/h per 10^9 (fast binding, koff ≫ kint); 0.5 pM^-1 h^-1 gives 0.90, inside one SD"),
        new("tpoKint", InternalisationPerDay, "1/day", 1, 200, ParameterKind.Mechanism,
            "Internalisation (and degradation) rate of c-Mpl-bound TPO; platelet sites are not recycled.",
            $"{Li}: 80% of sites internalised within an hour and not recycled: ln 5 per hour"),
        new("sitesPerMegakaryocyte", 1933, "1", 100, 10_000, ParameterKind.Mechanism,
            "c-Mpl sites per mature megakaryocyte.", $"{Kuwaki}: 1,933 ± 772 sites on peripheral-blood-derived (mature) MKs"),
        new("sitesPerProgenitor", 184, "1", 10, 2000, ParameterKind.Mechanism,
            "c-Mpl sites per MK progenitor.", $"{Kuwaki}: 184 ± 48 sites on cord-blood-derived (immature) MKs, taken for progenitors"),
        new("megakaryocytesPerKg", 6e6, "1/kg", 1e5, 1e8, ParameterKind.Mechanism,
            "Marrow megakaryocytes per kg at health.",
            "Harker LA, Finch CA. J Clin Invest 1969;48:963 (marrow megakaryocyte number ≈6 × 10^6/kg); the MK share of healthy TPO clearance stays below 1% for any value in the range 10^6–10^7"),
        new("progenitorsPerKg", 6e6, "1/kg", 1e5, 1e8, ParameterKind.Mechanism,
            "MK progenitors per kg at health.", "assumed: of the order of the MK number (progenitors amplify ≈4-fold in number only in the last divisions)"),
        new("demarcationSiteShare", 0.5, "1", 0, 1, ParameterKind.Mechanism,
            "Share of the c-Mpl that maturing megakaryocytes make for the platelets they will shed (sites at birth × the platelets of one MK-stage residence) that sits on the demarcation membrane, open to plasma TPO, before release.",
            "assumed start 0.5, estimated by tposim calibrate: the demarcation membrane system is continuous with the MK surface and open to the extracellular space (Schulze H et al. Blood 2006;107:3868); its sites are counted neither by Kuwaki 1998 (surface binding) nor by Li 1999 (platelets)"),
        new("mplReexpressionRate", 4, "1/day", 0.1, 100, ParameterKind.Mechanism,
            "Rate at which marrow cells (MKs, progenitors) restore their c-Mpl quota after internalisation.",
            "assumed: nucleated cells re-express internalised receptor within hours (t½ ≈ 4 h); platelets, anucleate, cannot (Li 1999)"),
        new("kNonReceptor", 0.51, "1/day", 0.01, 5, ParameterKind.Mechanism,
            "First-order clearance of free TPO not through c-Mpl.",
            $"calibrated on V2-halflife ({VadhanRaj}: serum TPO half-life 20–30 h after 0.3–2.4 µg/kg IV, where c-Mpl is saturated): the mean of the model's half-lives after 0.3 and 2.4 µg/kg (19.7 and 30.6 h) is 25 h, mid-range; it is ≈3% of healthy TPO clearance"),
        new("extrahepaticTpoShare", 0.1, "1", 0, 0.5, ParameterKind.Mechanism,
            "Share of healthy TPO synthesis made outside the liver (kidney, marrow stroma).",
            "assumed: the liver is the main source, kidney and marrow minor (Jelkmann W, Eur J Gastroenterol Hepatol 2001;13:791)"),

        // Production: progenitors → megakaryocytes → platelets.
        new("progenitorTransitDays", 4, "day", 1, 15, ParameterKind.Mechanism,
            "Mean transit time through the amplifying MK progenitor stages (4 compartments).",
            "assumed: CFU-MK to recognisable MK takes days (4 d); the rhTPO peak day is set through ploidyShare, not this"),
        new("mkMaturationDays", 5, "day", 2, 15, ParameterKind.Mechanism,
            "Mean megakaryocyte maturation time (4 compartments), during which ploidy and cytoplasm accrue.",
            "Shimizu R et al. CPT Pharmacometrics Syst Pharmacol 2021;10:489 (5 d); Wang YC et al. AAPS J 2010;12:729 (5.9 d)"),
        new("tpoIndependentFraction", 0.1, "1", 0, 0.9, ParameterKind.Mechanism,
            "Share of healthy thrombopoiesis that needs no c-Mpl signal.",
            "Gurney AL et al. Science 1994;265:1445; de Sauvage FJ et al. J Exp Med 1996;183:651 (c-Mpl−/− and Tpo−/− mice keep ≈10–15% of platelets)"),
        new("emax", 9.514, "1", 1.5, 200, ParameterKind.Mechanism,
            "Maximal thrombopoietic stimulation (platelet production at full c-Mpl occupancy on marrow cells, relative to health); one receptor-level Emax for every TPO-site agonist.",
            $"calibrated on V2-rhTPO-high ({VadhanRaj}: +213% platelets after 2.4 µg/kg IV), jointly with ploidyShare"),
        new("ploidyShare", 0.25, "1", 0, 1, ParameterKind.Mechanism,
            "Share of the TPO response (in log production) carried by MK ploidy and cytoplasm, platelets per MK; the rest by progenitor amplification (MK number).",
            $"calibrated on V2-rhTPO-high ({VadhanRaj}: platelet peak on median day 12 after a single IV dose; the fast ploidy path brings the peak forward, progenitor amplification delays it); TPO raises both MK number and ploidy in people (Harker LA et al. Blood 2000;95:2514)"),
        new("plateletSenescenceDays", 9.5, "day", 3, 15, ParameterKind.Mechanism,
            "Mean age at senescent removal (8-compartment ageing chain) when no random loss occurs.",
            "assumed: with the random removal gives a mean lifespan of 8.5 d (Harker LA et al. Blood 2000;95:2514: 8.4 ± 0.8 d)"),
        new("randomRemovalRate", 0.02, "1/day", 0, 2, ParameterKind.Mechanism,
            "Age-independent platelet removal rate.",
            "Hanson SR, Slichter SJ. Blood 1985;66:1105 (fixed requirement 7.1 ×10^9/L/day of ≈44 turnover, ≈18%)"),
        new("splenicFractionHealthy", 1.0 / 3, "1", 0, 0.6, ParameterKind.Mechanism,
            "Fraction of the body's platelets pooled in a normal spleen.", "Aster RH. J Clin Invest 1966;45:645 (≈1/3)"),
        new("splenicFractionMax", 0.79, "1", 0.3, 0.95, ParameterKind.Mechanism,
            "Splenic pool fraction in massive splenomegaly (portal hypertension at full severity).", "Aster RH. J Clin Invest 1966;45:645 (up to ≈79–90% in splenomegaly)"),
        new("hypersplenicRemovalMax", 0.1, "1/day", 0, 2, ParameterKind.Mechanism,
            "Extra (hypersplenic) platelet removal rate at full portal-hypertension severity.",
            "assumed: splenic sequestration shortens platelet survival moderately in cirrhosis (Aster 1966); to be estimated with the pooling split on V8 (docs/model-v2.md)"),

        // Patient and disease controls: 1 or 0 in health; conditions move them.
        new("hepatocyteFunction", 1, "1", 0, 1.5, ParameterKind.PatientControl,
            "Hepatic TPO synthetic capacity relative to a healthy liver (chronic liver disease axis 1, Child–Pugh).",
            "Jelkmann W, Eur J Gastroenterol Hepatol 2001;13:791 (TPO is made constitutively by hepatocytes); severity scale of its own"),
        new("liverMassRelative", 1, "1", 0.1, 3, ParameterKind.PatientControl,
            "Liver mass per kg relative to an adult's (neonates ≈2).",
            "assumed: hepatic TPO output proportional to hepatocyte mass; the liver is ≈4–5% of body weight at birth and ≈2–2.5% in adults (standard anatomy)"),
        new("portalHypertension", 0, "1", 0, 1, ParameterKind.PatientControl,
            "Portal-hypertension severity (chronic liver disease axis 2): splenic pooling towards splenicFractionMax and hypersplenic removal.",
            "assumed: severity scale of its own; pooling from Aster RH. J Clin Invest 1966;45:645"),
        new("antibodyRemovalRate", 0, "1/day", 0, 50, ParameterKind.PatientControl,
            "Antibody-mediated platelet removal (ITP).", "Ballem PJ et al. J Clin Invest 1987;80:33 (shortened survival in chronic ITP)"),
        new("itpActivity", 1, "1", 0.01, 100, ParameterKind.PatientControl,
            "Current ITP disease activity relative to its typical level: multiplies the antibody-mediated removal. The ITP condition's activity fluctuation sets it week by week (seeded log-Ornstein–Uhlenbeck); 1 = the condition's nominal activity.",
            "v1's itpActivity (same name, range and role): chronic-ITP counts drift week to week (placebo arms: Bussel JB et al. N Engl J Med 2007;357:2237, 11% ≥ 50 at day 43; Kuter DJ et al. Lancet 2008;371:395, transient placebo responders)"),
        new("mkOutput", 1, "1", 0, 2, ParameterKind.PatientControl,
            "Platelets released per MK content relative to health (antibodies impair MK output in ITP; the membrane and its c-Mpl are made all the same).",
            "McMillan R et al. Blood 2004;103:1364 (ITP plasma suppresses megakaryopoiesis); Ballem 1987 (impaired production in ITP)"),
        new("megakaryocyteSize", 1, "1", 0, 2, ParameterKind.PatientControl,
            "Platelet-forming membrane per MK content relative to an adult: platelets shed per MK content and the demarcation-membrane c-Mpl that goes with them (neonatal MKs are small).",
            "Sola-Visner M, Hematology ASH Educ Program 2012;2012:506 (neonatal MKs are smaller and of lower ploidy, and shed fewer platelets each)"),
        new("marrowInput", 1, "1", 0, 5, ParameterKind.PatientControl,
            "Inflow of committed MK progenitors relative to health (aplastic anaemia lowers it).", "assumed: hook for marrow failure"),
        new("mplExpression", 1, "1", 0, 2, ParameterKind.PatientControl,
            "c-Mpl function relative to health, on platelets and marrow cells: sites made per cell and the signal per cell (CAMT: 0).",
            "Ihara K et al. PNAS 1999;96:3132 (MPL null mutations in CAMT); a receptor-count control, so the signal is occupancy × expression"),
        new("plateletMplExpression", 1, "1", 0, 2, ParameterKind.PatientControl,
            "c-Mpl sites a new platelet carries relative to health (essential thrombocythaemia lowers it).",
            "Horikawa Y et al. Blood 1997;90:4031 (platelet c-Mpl markedly reduced in ET)"),
        new("plateletSurvivalFactor", 1, "1", 0.05, 2, ParameterKind.PatientControl,
            "Senescence age relative to health (MDS shortens it).",
            "Pérez-Ruixo JJ et al. Br J Clin Pharmacol 2013;75:1445 (platelet lifespan 42 h in MDS vs 257 h healthy)"),
        new("autonomousStimulation", 0, "1", 0, 20, ParameterKind.PatientControl,
            "TPO-independent stimulation of MK expansion by a mutant clone (essential thrombocythaemia), added to the stimulation.",
            "assumed: JAK2/CALR/MPL-mutant MKs grow without TPO (Pitcher L et al. 1997); magnitude a severity of its own"),
        new("hepaticTpoTranslation", 1, "1", 0.1, 50, ParameterKind.PatientControl,
            "Translation of hepatic TPO mRNA relative to health (hereditary thrombocythaemia raises it).",
            "Wiestner A et al. Nat Genet 1998;18:49 (THPO 5′-UTR mutations remove an inhibitory uORF)"),
        new("inflammatoryTpoDrive", 1, "1", 0.1, 50, ParameterKind.PatientControl,
            "Hepatic TPO transcription relative to health driven by IL-6 (inflammation raises it).", "Kaser A et al. Blood 2001;98:2720"),
        new("spleenPresent", 1, "0/1", 0, 1, ParameterKind.PatientControl,
            "1 with a spleen, 0 after splenectomy: no splenic pool, no hypersplenic removal, and the splenic share of antibody removal stops.",
            "patient covariate (splenectomy); Aster RH. J Clin Invest 1966;45:645 (the splenic pool)"),
        new("splenicShareOfAntibodyRemoval", 0.475, "1", 0, 1, ParameterKind.Mechanism,
            "Share of antibody-mediated (ITP) platelet removal that happens in the spleen and stops after splenectomy.",
            "Pérez-Ruixo C et al. AAPS J 2016 (splenectomy lowers the destruction rate by 47.5%; an oxaliplatin popPK, not ITP: issue 14 asks for an ITP estimate, still to come)"),
        new("stromaShareOfExtrahepatic", 1.0 / 3, "1", 0, 1, ParameterKind.Mechanism,
            "Marrow-stroma share of extrahepatic TPO synthesis (the rest is renal).",
            "assumed: v1's kidney 0.10 : stroma 0.05 split (Jelkmann W, Eur J Gastroenterol Hepatol 2001;13:791: kidney and marrow minor sources)"),

        // Procedures: the same parameters as v1 (one definition each), so chemotherapy, radiation and hepatectomy read them by name.
        CoreModelDefinition.ToModelParameter(ParameterCatalog.Get(ParameterId.ProgenitorKillRate)),
        CoreModelDefinition.ProgenitorD0,
        CoreModelDefinition.LiverRegeneration,

        // Covariates the drug modules' PK reads (the same names and meanings as v1's core, so one scenario serves both).
        .. CoreModelDefinition.Covariates.Where(c => c.Name != "bodyWeight"),
    ];
}
