using TpoSim.Model;
using TpoSim.Parameters;
using static TpoSim.Model.Expr;

namespace TpoSim.Physiology.V2;

/// <summary>
/// Model v2 of the TPO–platelet loop as data (<see cref="ModelDefinition"/>), built from receptor physiology
/// (docs/model-v2.md has every equation and which observation sets which parameter):
/// <list type="bullet">
/// <item>one c-Mpl pool, on platelets (anucleate: each is born with a fixed number of sites, which TPO consumes and which
/// are not recycled, so a platelet's clearing capacity is finite) and on marrow cells (megakaryocytes and progenitors,
/// which re-express receptor); every TPO-site ligand (TPO, <see cref="TpoSiteLigand"/> drugs) binds it competitively
/// with its own kinetics, and drug bound to platelets is cleared with them (target-mediated disposition);</item>
/// <item>the c-Mpl signal on marrow cells drives expansion through one receptor-level Emax: progenitor amplification
/// (MK number) and MK ploidy/cytoplasm (platelets per MK), each a share of the log response;</item>
/// <item>small non-receptor clearance of TPO, so that TPO rises when the platelet and marrow pools collapse;</item>
/// <item>chronic liver disease on two axes (hepatocyte function; portal hypertension), ITP as antibody removal plus
/// impaired MK output, marrow failure as lower progenitor inflow.</item>
/// </list>
/// Time in days; platelets per litre of blood (whole body), TPO and receptor sites per litre of plasma (pM).
/// </summary>
public static class CoreModelV2Definition
{
    /// <summary>
    /// True for a state carried by platelets, which leaves the body with them (the splenic pool at splenectomy): the
    /// platelet age chain, platelet c-Mpl free and TPO-bound, and each TPO-site drug's platelet complex.
    /// </summary>
    public static bool IsCarriedByPlatelets(string state) =>
        state.StartsWith(CoreModel.PlateletAgePrefix, StringComparison.Ordinal) || state is "plateletMplFree" or "plateletTpoComplex"
        || state.EndsWith("PlateletComplex", StringComparison.Ordinal);

    /// <summary>Progenitor compartments.</summary>
    public const int ProgenitorStages = 4;

    /// <summary>Megakaryocyte maturation compartments.</summary>
    public const int MkStages = 4;

    /// <summary>Platelet age compartments.</summary>
    public const int PlateletStages = 8;

    /// <summary>Avogadro's number, 1/mol (CODATA 2018, exact).</summary>
    public const double Avogadro = 6.02214076e23;

    /// <summary>One receptor site as an amount: 1/N_A mol, written in pM·L.</summary>
    private static Expr SiteAmount => Quantity(1e12 / Avogadro, "pM·L");

    /// <summary>Sites per platelet × a count in 10^9/L → pM: 10^9 sites per litre = 10^21/N_A pM.</summary>
    private static Expr PlateletSites => Quantity(1e21 / Avogadro, "pM/(10^9/L)");

    /// <summary>
    /// Names of the core variables through which a drug module acts (each is 0, or 1 for a product, without drugs; a
    /// module replaces it with its previous value plus or times its own term, <see cref="ModelDefinition.Compose"/>).
    /// </summary>
    public static class Slots
    {
        /// <summary>Σ over TPO-site ligands of their complexes on platelet c-Mpl, pM.</summary>
        public const string PlateletLigandBound = "tpoSiteLigandPlateletBound";

        /// <summary>Σ over TPO-site ligands of their complexes on marrow c-Mpl, pM.</summary>
        public const string MarrowLigandBound = "tpoSiteLigandMarrowBound";

        /// <summary>Σ over TPO-site ligands of efficacy × marrow complex, pM (the signal they add to TPO's).</summary>
        public const string MarrowLigandSignal = "tpoSiteLigandMarrowSignal";

        /// <summary>Σ over TPO-site ligands of their net binding to free platelet c-Mpl, pM/day.</summary>
        public const string PlateletLigandBinding = "tpoSiteLigandPlateletBinding";

        /// <summary>Σ over TPO-site ligands of their net binding to free marrow c-Mpl, pM/day.</summary>
        public const string MarrowLigandBinding = "tpoSiteLigandMarrowBinding";

        /// <summary>Π over transmembrane-site agonists of (1 − ε·occupancy): the share of receptors none of them activates.</summary>
        public const string TransmembraneUnactivated = "transmembraneUnactivatedFraction";

        /// <summary>Exogenous TPO entering plasma (rhTPO absorbed from an SC depot), pM/day.</summary>
        public const string ExogenousTpo = "exogenousTpoInput";
    }

    /// <summary>The v2 model without drugs: drug modules compose onto it (<see cref="V2DrugModuleCatalog"/>).</summary>
    public static ModelDefinition Create() =>
        new("tpo-platelet-v2", States(), V2Parameters.All.ToList(), SetPoint(), Variables());

    /// <summary>The v2 model with the TPO-site drugs <paramref name="ligands"/> composed onto it (<see cref="TpoSiteLigandModule"/>).</summary>
    public static ModelDefinition Create(IReadOnlyList<TpoSiteLigand> ligands)
    {
        ArgumentNullException.ThrowIfNull(ligands);
        return ligands.Aggregate(Create(), (model, l) => model.Compose(TpoSiteLigandModule.Build(l).Definition));
    }

    /// <summary>State names, in vector order, of the v2 model with <paramref name="ligands"/>.</summary>
    public static IReadOnlyList<string> StateNames(IReadOnlyList<TpoSiteLigand> ligands) => Create(ligands).States.Select(s => s.Name).ToArray();

    private static SymbolExpr P(string name) => Parameter(name);

    private static SymbolExpr D(string name) => Parameter(name);

    private static SymbolExpr V(string name) => Variable(name);

    // Patient controls enter the set point at their healthy defaults (as constants), so changing one moves the patient
    // away from health; mechanism parameters enter as themselves, so changing one keeps the healthy state.
    private static Expr Reference(string name)
    {
        var d = V2Parameters.All.First(p => p.Name == name);
        if (d.Kind != ParameterKind.PatientControl) return Parameter(name);
        return d.Unit is "1" or "0/1" ? Constant(d.Value) : Quantity(d.Value, d.Unit);
    }

    private static List<VariableDefinition> SetPoint()
    {
        const int n = PlateletStages;
        var ka = D("healthyAgeingRate");
        var kr = Reference("randomRemovalRate");
        var q = D("healthyCompartmentSurvival");
        var tpo = Reference("tpoReference");
        var kon = Reference("tpoKon");
        var koff = D("tpoKoff");
        var kint = Reference("tpoKint");
        var kre = Reference("mplReexpressionRate");
        var bloodToPlasma = Reference("bloodVolumePerKg") / Reference("plasmaVolumePerKg");
        var list = new List<VariableDefinition>
        {
            new("tpoKoff", "1/day", "Dissociation rate of TPO–c-Mpl, Kd·kon.", Reference("tpoKd") * kon),
            new("healthyAgeingRate", "1/day", "Transit between platelet age compartments: N/senescence age.", n / Reference("plateletSenescenceDays")),
            new("healthyCompartmentSurvival", "1", "Chance of leaving a compartment by ageing rather than random loss, ka/(ka + kr).", ka / (ka + kr)),
            new("healthyMeanLifespan", "day", "Mean residence in the ageing chain: (1 − q^N)/kr, or N/ka without random loss.",
                IfLess(0, kr, (1 - Pow(q, n)) / kr, n / ka)),
            new("healthyPlateletsWholeBody", "10^9/L", "Whole-body platelets at health: circulating/(1 − splenic fraction).",
                Reference("plateletsReference") / (1 - Reference("splenicFractionHealthy"))),
            new("healthyPlateletProduction", "10^9/L/day", "Platelet production at health: whole-body platelets/mean lifespan.",
                D("healthyPlateletsWholeBody") / D("healthyMeanLifespan")),
            new("healthyPlateletTurnover", "1/day", "Per-capita platelet removal at health, production/whole-body platelets.",
                D("healthyPlateletProduction") / D("healthyPlateletsWholeBody")),
        };
        Expr compartment = D("healthyPlateletProduction") / (ka + kr);
        for (var i = 0; i < n; i++)
        {
            list.Add(new($"healthyPlateletAge{i + 1}", "10^9/L", "Healthy content of a platelet age compartment (geometric in q).", compartment));
            compartment = D($"healthyPlateletAge{i + 1}") * q;
        }
        var sites = D("healthyPlateletSites");
        var marrowQuota = D("healthyMarrowQuota");
        list.AddRange(
        [
            new("healthyPlateletSites", "pM", "c-Mpl on platelets at health: sites per platelet × whole-body platelets (Li 1999), per litre of plasma.",
                Reference("sitesPerPlatelet") * D("healthyPlateletsWholeBody") * bloodToPlasma * PlateletSites),
            new("healthyPlateletOccupancy", "1", "Bound share of platelet c-Mpl at health: kon·T/(kon·T + koff + kint + turnover).",
                kon * tpo / (kon * tpo + koff + kint + D("healthyPlateletTurnover"))),
            new("healthyPlateletComplex", "pM", "TPO–c-Mpl on platelets at health.", D("healthyPlateletOccupancy") * sites),
            new("healthyPlateletFree", "pM", "Free c-Mpl on platelets at health.", sites - D("healthyPlateletComplex")),
            new("sitesAtBirth", "1", "c-Mpl sites a new platelet carries: the supply that balances internalisation and removal at health (no recycling).",
                (kint * D("healthyPlateletComplex") + D("healthyPlateletTurnover") * sites)
                / (D("healthyPlateletProduction") * bloodToPlasma * PlateletSites)),
            new("healthyDemarcationSites", "pM", "c-Mpl on the demarcation membranes of the last MK stage at health: share × platelet site supply × residence in that stage.",
                Reference("demarcationSiteShare") * D("sitesAtBirth") * D("healthyPlateletProduction") * bloodToPlasma * PlateletSites
                * Reference("mkMaturationDays") / MkStages),
            new("healthyMarrowQuota", "pM", "c-Mpl quota of marrow cells at health: MKs × 1,933 + progenitors × 184 sites (Kuwaki 1998), per litre of plasma.",
                (Reference("sitesPerMegakaryocyte") * Reference("megakaryocytesPerKg") + Reference("sitesPerProgenitor") * Reference("progenitorsPerKg"))
                / Reference("plasmaVolumePerKg") * Quantity(1000, "mL/L") * SiteAmount + D("healthyDemarcationSites")),
            new("healthyMarrowOccupancy", "1", "Bound share of marrow c-Mpl at health, kon·T/(kon·T + koff + kint).",
                kon * tpo / (kon * tpo + koff + kint)),
            new("healthyMarrowRenewalRate", "1/day", "Renewal of marrow c-Mpl at health: surface sites re-expressed at kre, demarcation sites replaced as MKs pass through the last stage (its transit rate), weighted by their shares of the quota.",
                (kre * (marrowQuota - D("healthyDemarcationSites")) + MkStages / Reference("mkMaturationDays") * D("healthyDemarcationSites")) / marrowQuota),
            new("healthyMarrowTotal", "pM", "Surface c-Mpl of marrow cells at health: quota less what renewal has not yet replaced, Rq/(1 + kint·θ/k_renew).",
                marrowQuota / (1 + kint * D("healthyMarrowOccupancy") / D("healthyMarrowRenewalRate"))),
            new("healthyMarrowComplex", "pM", "TPO–c-Mpl on marrow cells at health.", D("healthyMarrowOccupancy") * D("healthyMarrowTotal")),
            new("healthyMarrowFree", "pM", "Free c-Mpl on marrow cells at health.", D("healthyMarrowTotal") - D("healthyMarrowComplex")),
            new("healthyTpoSynthesis", "pM/day", "TPO synthesis at health = receptor-mediated clearance (internalised, and bound on removed platelets) + non-receptor clearance.",
                kint * (D("healthyPlateletComplex") + D("healthyMarrowComplex")) + D("healthyPlateletTurnover") * D("healthyPlateletComplex")
                + Reference("kNonReceptor") * tpo),
            new("responseMax", "1", "Maximal receptor-level response relative to the TPO-dependent part at health, (Emax − f)/(1 − f).",
                (Reference("emax") - Reference("tpoIndependentFraction")) / (1 - Reference("tpoIndependentFraction"))),
            new("occupancyHalfMax", "1", "Marrow occupancy giving half the maximal response, chosen so that full occupancy gives Emax: θ50 = θ0·(E − 1)/(1 − E·θ0).",
                D("healthyMarrowOccupancy") * (D("responseMax") - 1) / (1 - D("responseMax") * D("healthyMarrowOccupancy"))),
            new("healthyResponse", "1", "Receptor-level response at health, θ0/(θ50 + θ0).",
                D("healthyMarrowOccupancy") / (D("occupancyHalfMax") + D("healthyMarrowOccupancy"))),
        ]);
        return list;
    }


    private static List<VariableDefinition> Variables()
    {
        var platelets = Enumerable.Range(1, PlateletStages).Select(i => State($"plateletAge{i}")).ToArray();
        var progenitors = Enumerable.Range(1, ProgenitorStages).Select(i => State($"progenitor{i}")).ToArray();
        var mkNumber = Enumerable.Range(1, MkStages).Select(i => State($"mkNumber{i}")).ToArray();
        var mkContent = Enumerable.Range(1, MkStages).Select(i => State($"mkContent{i}")).ToArray();
        var tpo = State("tpoFree");
        var rp = State("plateletMplFree");
        var cp = State("plateletTpoComplex");
        var rm = State("marrowMplFree");
        var cm = State("marrowTpoComplex");
        var kon = P("tpoKon");
        var koff = D("tpoKoff");
        var kint = P("tpoKint");
        var bloodToPlasma = P("bloodVolumePerKg") / P("plasmaVolumePerKg");
        var portal = P("portalHypertension");
        var spleen = P("spleenPresent");
        var wholeBody = Max(V("plateletsWholeBody"), Quantity(1e-6, "10^9/L"));
        var synthesisScale = D("healthyTpoSynthesis") * Reference("plasmaVolumePerKg") / P("plasmaVolumePerKg");
        var extrahepatic = P("extrahepaticTpoShare");
        return
        [
            // Drug slots (Slots): empty without drugs.
            new(Slots.PlateletLigandBound, "pM", "Σ TPO-site drug complexes on platelet c-Mpl (0 without drugs).", 0),
            new(Slots.MarrowLigandBound, "pM", "Σ TPO-site drug complexes on marrow c-Mpl (0 without drugs).", 0),
            new(Slots.MarrowLigandSignal, "pM", "Σ efficacy × TPO-site drug complexes on marrow c-Mpl (0 without drugs).", 0),
            new(Slots.PlateletLigandBinding, "pM/day", "Σ net binding of TPO-site drugs to free platelet c-Mpl (0 without drugs).", 0),
            new(Slots.MarrowLigandBinding, "pM/day", "Σ net binding of TPO-site drugs to free marrow c-Mpl (0 without drugs).", 0),
            new(Slots.TransmembraneUnactivated, "1", "Π (1 − ε·occupancy) of transmembrane-site agonists (1 without drugs).", 1),
            new(Slots.ExogenousTpo, "pM/day", "Exogenous TPO absorbed into plasma (0 without rhTPO).", 0),

            new("plateletsWholeBody", "10^9/L", "Whole-body platelets (circulating + splenic pool) per litre of blood.", Sum(platelets), Observable: true),
            new("splenicFraction", "1", "Splenic pool fraction: normal, rising with portal hypertension towards massive splenomegaly (Aster 1966); none without a spleen.",
                spleen * (P("splenicFractionHealthy") + (P("splenicFractionMax") - P("splenicFractionHealthy")) * portal)),
            new("platelets", "10^9/L", "Circulating platelet count.", (1 - V("splenicFraction")) * V("plateletsWholeBody"), Observable: true),
            new("ageingRate", "1/day", "Transit between platelet age compartments, faster when survival is shortened (MDS).",
                D("healthyAgeingRate") / P("plateletSurvivalFactor"), Observable: true),
            new("extraRemovalRate", "1/day", "Antibody-mediated (ITP, × its current activity, less its splenic share without a spleen) plus hypersplenic removal.",
                P("antibodyRemovalRate") * P("itpActivity") * (1 - P("splenicShareOfAntibodyRemoval") * (1 - spleen)) + P("hypersplenicRemovalMax") * portal * spleen),
            new("plateletRemovalRate", "1/day", "Rate of leaving each age compartment: ageing + random + extra removal.",
                V("ageingRate") + P("randomRemovalRate") + V("extraRemovalRate"), Observable: true),
            new("plateletTurnover", "1/day", "Per-capita platelet removal: senescent + random + extra; platelet c-Mpl leaves with removed platelets.",
                V("ageingRate") * platelets[^1] / wholeBody + P("randomRemovalRate") + V("extraRemovalRate")),
            new("progenitorMass", "1", "MK progenitors relative to health (mean of the stages).", Sum(progenitors) / ProgenitorStages, Observable: true),
            new("megakaryocyteNumber", "1", "Marrow MK number relative to health.", Sum(mkNumber) / MkStages, Observable: true),
            new("megakaryocyteMass", "1", "Marrow MK mass (ploidy × cytoplasm) relative to health.", Sum(mkContent) / MkStages, Observable: true),
            new("marrowQuota", "pM", "c-Mpl quota of marrow cells now: MK number and progenitors scale the healthy quota per cell type, c-Mpl expression the sites per cell.",
                P("mplExpression") * (P("sitesPerMegakaryocyte") * P("megakaryocytesPerKg") * V("megakaryocyteNumber") + P("sitesPerProgenitor") * P("progenitorsPerKg") * V("progenitorMass"))
                / P("plasmaVolumePerKg") * Quantity(1000, "mL/L") * SiteAmount
                + V("demarcationSites")),
            new("demarcationSites", "pM", "c-Mpl on the demarcation membranes of the last MK stage: the sites of the platelets it will shed (share × sites at birth × expression × healthy production × MK size × its content × residence), open to plasma TPO.",
                P("demarcationSiteShare") * D("sitesAtBirth") * P("mplExpression") * P("plateletMplExpression") * D("healthyPlateletProduction") * P("megakaryocyteSize")
                * mkContent[^1] * bloodToPlasma * PlateletSites * P("mkMaturationDays") / MkStages),
            new("marrowRenewalRate", "1/day", "Renewal of marrow c-Mpl towards the quota: kre for surface sites, the last MK stage's transit rate for demarcation sites, weighted by their shares (one pool, so the deficit is taken as shared in proportion).",
                (P("mplReexpressionRate") * (V("marrowQuota") - V("demarcationSites")) + V("mkTransitRate") * V("demarcationSites")) / Max(V("marrowQuota"), Quantity(1e-9, "pM"))),
            new("marrowSurfaceMpl", "pM", "Surface c-Mpl on marrow cells (free + TPO's and every drug's complex).", rm + cm + V(Slots.MarrowLigandBound)),
            new("tpoSiteOccupancy", "1", "Efficacy-weighted occupancy of TPO's site on marrow c-Mpl, Σ ε·C/R_total (TPO ε = 1).",
                Max(cm + V(Slots.MarrowLigandSignal), 0) / Max(V("marrowSurfaceMpl"), Quantity(1e-9, "pM"))),
            new("marrowOccupancy", "1", "Activated share of marrow c-Mpl × c-Mpl expression: a receptor is active when its TPO site or (independently) its transmembrane site is occupied, 1 − (1 − θ_site)·Π(1 − ε·occ_tm).",
                P("mplExpression") * (1 - (1 - V("tpoSiteOccupancy")) * V(Slots.TransmembraneUnactivated)), Observable: true),
            new("stimulation", "1", "Thrombopoietic stimulation relative to health: f + (1 − f)·R(θ)/R(θ0) + autonomous, R(θ) = θ/(θ50 + θ), one receptor-level Emax.",
                P("tpoIndependentFraction") + (1 - P("tpoIndependentFraction")) * V("marrowOccupancy")
                / (D("occupancyHalfMax") + V("marrowOccupancy")) / D("healthyResponse") + P("autonomousStimulation"), Observable: true),
            new("progenitorGain", "1", "Amplification per progenitor stage relative to health: stimulation^((1 − ploidy share)/stages).",
                Pow(V("stimulation"), (1 - P("ploidyShare")) / ProgenitorStages)),
            new("ploidyGain", "1", "Gain of MK content per maturation stage relative to health: stimulation^(ploidy share/stages).",
                Pow(V("stimulation"), P("ploidyShare") / MkStages)),
            new("progenitorTransitRate", "1/day", "Progenitor stage transit rate.", ProgenitorStages / P("progenitorTransitDays")),
            new("mkTransitRate", "1/day", "MK maturation stage transit rate.", MkStages / P("mkMaturationDays")),
            new("plateletProduction", "10^9/L/day", "Platelet production: healthy production × MK output × MK size × content of the last MK stage.",
                D("healthyPlateletProduction") * P("mkOutput") * P("megakaryocyteSize") * mkContent[^1], Observable: true),
            new("plateletSiteSupply", "pM/day", "New platelet c-Mpl: sites at birth × expression × production, per litre of plasma.",
                D("sitesAtBirth") * P("mplExpression") * P("plateletMplExpression") * V("plateletProduction") * bloodToPlasma * PlateletSites),
            new("tpoBindingPlatelets", "pM/day", "Net TPO binding to platelet c-Mpl, kon·T·R − koff·C.", kon * tpo * rp - koff * cp),
            new("tpoBindingMarrow", "pM/day", "Net TPO binding to marrow c-Mpl.", kon * tpo * rm - koff * cm),
            new("tpoSynthesisLiver", "pM/day", "Hepatic TPO synthesis: healthy hepatic share × hepatocyte function × liver mass × translation × inflammatory drive, per litre of plasma.",
                synthesisScale * (1 - extrahepatic) * P("hepatocyteFunction") * P("liverMassRelative") * P("hepaticTpoTranslation") * P("inflammatoryTpoDrive"), Observable: true),
            new("tpoSynthesisKidney", "pM/day", "Renal TPO synthesis (constitutive).", synthesisScale * extrahepatic * (1 - P("stromaShareOfExtrahepatic")), Observable: true),
            new("tpoSynthesisSpleen", "pM/day", "Splenic TPO synthesis: none in v2 (the neonate's TPO comes from liver mass, docs/model-v2.md).", 0, Observable: true),
            new("tpoSynthesisStroma", "pM/day", "Marrow-stroma TPO synthesis (constitutive).", synthesisScale * extrahepatic * P("stromaShareOfExtrahepatic"), Observable: true),
            new("tpoProduction", "pM/day", "Total TPO synthesis.",
                V("tpoSynthesisLiver") + V("tpoSynthesisKidney") + V("tpoSynthesisSpleen") + V("tpoSynthesisStroma"), Observable: true),
            new("tpoClearance", "pM/day", "TPO degraded: internalised from platelet and marrow c-Mpl, bound on removed platelets, and non-receptor clearance.",
                kint * (cp + cm) + V("plateletTurnover") * cp + P("kNonReceptor") * tpo, Observable: true),
            new("tpoFreeObserved", "pM", "Free plasma TPO (fmol/mL).", tpo, Observable: true),
            new("tpoMass", "pg/mL", "Free plasma TPO as mass, with the polypeptide molar mass (each assay's own normal applies).",
                tpo * P("tpoMolarMass") * Quantity(0.001, "L/mL"), Observable: true),
            new("plateletTpoUptake", "pM/day", "TPO taken up by platelet c-Mpl (net binding).", V("tpoBindingPlatelets"), Observable: true),
            new("plateletMplPerPlatelet", "1", "Mean c-Mpl sites per platelet (free + bound, every ligand).",
                (rp + cp + V(Slots.PlateletLigandBound)) / (wholeBody * bloodToPlasma * PlateletSites), Observable: true),
            new("plateletOccupancy", "1", "Bound share of platelet c-Mpl (every ligand).",
                (cp + V(Slots.PlateletLigandBound)) / Max(rp + cp + V(Slots.PlateletLigandBound), Quantity(1e-9, "pM")), Observable: true),
            new("mplOccupancyPlatelets", "1", "TPO-bound share of platelet c-Mpl (v1's observable).",
                cp / Max(rp + cp + V(Slots.PlateletLigandBound), Quantity(1e-9, "pM")), Observable: true),
            new("mplOccupancyMegakaryocytes", "1", "TPO-bound share of marrow (MK and progenitor) c-Mpl (v1's observable).",
                cm / Max(V("marrowSurfaceMpl"), Quantity(1e-9, "pM")), Observable: true),
        ];
    }

    private static List<StateDefinition> States()
    {
        var states = new List<StateDefinition>();
        var kg = V("progenitorTransitRate");
        for (var i = 1; i <= ProgenitorStages; i++)
        {
            // Amplifying transit chain: each stage multiplies its inflow by the TPO-driven gain (1 at health); chemotherapy
            // kills dividing progenitors at an extra rate while exposed (Friberg LE et al. J Clin Oncol 2002;20:4713).
            var feed = i == 1 ? (Expr)P("marrowInput") : State($"progenitor{i - 1}");
            states.Add(new($"progenitor{i}", "1", $"MK progenitors, stage {i} (relative to health)",
                kg * (V("progenitorGain") * feed - State($"progenitor{i}")) - P("progenitorKillRate") * State($"progenitor{i}"), 1));
        }
        var km = V("mkTransitRate");
        var last = State($"progenitor{ProgenitorStages}");
        for (var j = 1; j <= MkStages; j++)
        {
            var feed = j == 1 ? last : State($"mkNumber{j - 1}");
            states.Add(new($"mkNumber{j}", "1", $"Maturing megakaryocytes (number), stage {j} (relative to health)", km * (feed - State($"mkNumber{j}")), 1));
        }
        for (var j = 1; j <= MkStages; j++)
        {
            // Ploidy and cytoplasm accrue during maturation: content gains at each stage with the signal of that time.
            var feed = j == 1 ? last : State($"mkContent{j - 1}");
            states.Add(new($"mkContent{j}", "1", $"Maturing megakaryocytes (platelet-forming content), stage {j} (relative to health)",
                km * (V("ploidyGain") * feed - State($"mkContent{j}")), 1));
        }
        var exit = V("plateletRemovalRate");
        for (var i = 1; i <= PlateletStages; i++)
        {
            var input = i == 1 ? V("plateletProduction") : V("ageingRate") * State($"plateletAge{i - 1}");
            states.Add(new($"plateletAge{i}", "10^9/L", $"Platelets of age class {i} (whole body, per litre of blood)",
                input - exit * State($"plateletAge{i}"), D($"healthyPlateletAge{i}")));
        }
        var tpo = State("tpoFree");
        var cp = State("plateletTpoComplex");
        var cm = State("marrowTpoComplex");
        var rp = State("plateletMplFree");
        var kint = P("tpoKint");
        var turnover = V("plateletTurnover");
        states.Add(new("tpoFree", "pM", "Free plasma TPO",
            V("tpoProduction") + V(Slots.ExogenousTpo) - V("tpoBindingPlatelets") - V("tpoBindingMarrow") - P("kNonReceptor") * tpo, P("tpoReference")));
        states.Add(new("plateletMplFree", "pM", "Free c-Mpl on platelets (born with sitesAtBirth each, consumed by binding, not recycled)",
            V("plateletSiteSupply") - V("tpoBindingPlatelets") - turnover * rp - V(Slots.PlateletLigandBinding), D("healthyPlateletFree")));
        states.Add(new("plateletTpoComplex", "pM", "TPO–c-Mpl on platelets", V("tpoBindingPlatelets") - (kint + turnover) * cp, D("healthyPlateletComplex")));
        states.Add(new("marrowMplFree", "pM", "Free c-Mpl on marrow cells (re-expressed towards the cells' quota)",
            V("marrowRenewalRate") * (V("marrowQuota") - V("marrowSurfaceMpl")) - V("tpoBindingMarrow") - V(Slots.MarrowLigandBinding), D("healthyMarrowFree")));
        states.Add(new("marrowTpoComplex", "pM", "TPO–c-Mpl on marrow cells", V("tpoBindingMarrow") - kint * cm, D("healthyMarrowComplex")));
        return states;
    }
}
