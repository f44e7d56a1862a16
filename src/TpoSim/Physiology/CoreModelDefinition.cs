using TpoSim.Model;
using TpoSim.Parameters;
using static TpoSim.Model.Expr;
using static TpoSim.Physiology.StateLayout;

namespace TpoSim.Physiology;

/// <summary>
/// The TPO–platelet model as data (<see cref="ModelDefinition"/>): the model the simulator integrates
/// (Shimizu 2021 thrombopoiesis, platelet ageing chain with splenic pool, TPO with target-mediated disposition on
/// platelets and megakaryocytes), its set point as derived parameters, and named observables. Drugs enter through
/// four variables that a drug module fills (<see cref="DrugSlots"/>); without drugs they are 0, 0, 0 and 1.
/// </summary>
public static class CoreModelDefinition
{
    /// <summary>Names of the variables through which drug modules act on c-Mpl signalling.</summary>
    public static class DrugSlots
    {
        /// <summary>Σ C_d/K_d over agonists at TPO's site (competitive, <see cref="Drugs.CompetitiveAgonism"/>).</summary>
        public const string TpoSiteRatio = "tpoSiteDrugRatio";

        /// <summary>Σ ε_d·C_d/K_d over agonists at TPO's site.</summary>
        public const string TpoSiteEfficacyRatio = "tpoSiteDrugEfficacyRatio";

        /// <summary>Σ ε_d·C_d/(EC50_d + C_d) over transmembrane-site agonists, added to TPO's signal.</summary>
        public const string TransmembraneSignal = "transmembraneDrugSignal";

        /// <summary>Π (1 − Imax·C_a/(Ki + C_a)) over antagonists.</summary>
        public const string UnblockedFraction = "unblockedMplFraction";

        /// <summary>The c-Mpl pool of platelets and MKs in platelet equivalents, 10^9/L (romiplostim's target).</summary>
        public const string ReceptorPool = "receptorPlateletEquivalents";
    }

    /// <summary>Extra removal share of the spleen: a parameter here, no longer a constant in <see cref="Procedures.ProcedureEffects"/>.</summary>
    public static ModelParameter SplenicShareOfAntibodyRemoval { get; } = new(
        "splenicShareOfAntibodyRemoval", Procedures.ProcedureEffects.SplenicShareOfAntibodyRemoval, "1", 0, 1, ParameterKind.Mechanism,
        "Fraction of antibody-mediated (extra) platelet removal that happens in the spleen, and so stops after splenectomy.",
        "Pérez-Ruixo C et al. AAPS J 2016 (splenectomy lowers the ITP destruction rate by 47.5%)");

    /// <summary>Radiation D0 of MK progenitors: a parameter here, no longer a constant in <see cref="Procedures.ProcedureEffects"/>.</summary>
    public static ModelParameter ProgenitorD0 { get; } = new(
        "progenitorD0Gy", Procedures.ProcedureEffects.ProgenitorD0Gy, "Gy", 0.1, 10, ParameterKind.Mechanism,
        "Radiation dose that leaves 1/e of dividing MK progenitors alive (surviving fraction exp(−dose/D0)).",
        "assumed: haematopoietic progenitor D0 ≈ 1 Gy (radiobiology of marrow progenitors)");

    /// <summary>Liver regeneration time constant: a parameter here, no longer a constant in <see cref="Procedures.ProcedureEffects"/>.</summary>
    public static ModelParameter LiverRegeneration { get; } = new(
        "liverRegenerationDays", Procedures.ProcedureEffects.LiverRegenerationDays, "day", 1, 120, ParameterKind.Mechanism,
        "Time constant τ of liver regrowth after partial hepatectomy: liver mass 1 − f·exp(−t/τ).",
        "assumed: liver volume largely restored within 1–3 months after resection");

    /// <summary>Body weight: scales blood and plasma volumes, PK volumes and the MK count per kg.</summary>
    public static ModelParameter BodyWeight { get; } = new(
        "bodyWeight", 70, "kg", 2, 300, ParameterKind.PatientControl,
        "Body weight of the patient.", "patient covariate (scenario patient.bodyWeightKg; 70 kg default)");

    /// <summary>Patient covariates as parameters: body weight, and the flags and score the PK covariate models read.</summary>
    public static IReadOnlyList<ModelParameter> Covariates { get; } =
    [
        BodyWeight,
        new("female", 1, "0/1", 0, 1, ParameterKind.PatientControl, "1 for a woman, 0 for a man.", "patient covariate (scenario patient.sex; female by default)"),
        new("eastAsian", 0, "0/1", 0, 1, ParameterKind.PatientControl, "1 for East Asian ancestry.", "patient covariate (scenario patient.eastAsian)"),
        new("childPughScore", 0, "point", 0, 13, ParameterKind.PatientControl, "Child–Pugh score (5–13); 0 without chronic liver disease.",
            "patient covariate (scenario patient.childPughScore)"),
        new("polyvalentCations", 0, "0/1", 0, 1, ParameterKind.PatientControl, "1 when an oral drug is taken together with polyvalent cations.",
            "patient covariate (PK option)"),
    ];

    /// <summary>The core model for a patient of <paramref name="ageGroup"/> (neonates split TPO synthesis differently).</summary>
    public static ModelDefinition Create(AgeGroup ageGroup)
    {
        var parameters = ParameterCatalog.All.Select(ToModelParameter).Append(SplenicShareOfAntibodyRemoval).Append(ProgenitorD0).Append(LiverRegeneration).Concat(Covariates).ToList();
        return new ModelDefinition("tpo-platelet", States(), parameters, SetPoint(ageGroup), Variables());
    }

    /// <summary>The registry entry of a catalogue parameter.</summary>
    public static ModelParameter ToModelParameter(ParameterDefinition d) =>
        new(d.Name, d.DefaultValue, d.Unit, d.Minimum, d.Maximum, d.Kind, d.Description, d.Source);

    private static SymbolExpr P(ParameterId id) => Parameter(ParameterCatalog.Get(id).Name);

    // The set point uses patient controls at their defaults (ParameterSet.ReferencePhysiology): those enter as constants.
    private static Expr Reference(ParameterId id)
    {
        var d = ParameterCatalog.Get(id);
        if (d.Kind != ParameterKind.PatientControl) return Parameter(d.Name);
        return d.Unit is "1" or "0/1" ? Constant(d.DefaultValue) : Quantity(d.DefaultValue, d.Unit);
    }

    private static SymbolExpr Y(int index) => State(Describe(index).Name);

    private static SymbolExpr V(string name) => Variable(name);

    private static SymbolExpr D(string name) => Parameter(name);

    private static List<VariableDefinition> SetPoint(AgeGroup ageGroup)
    {
        const int n = PlateletAgeCompartments;
        var kr = Reference(ParameterId.RandomPlateletRemovalRate);
        var ka = D("healthyAgeingRate");
        var q = D("healthyCompartmentSurvival");
        var list = new List<VariableDefinition>
        {
            new("healthyAgeingRate", "1/day", "Transit rate between platelet age compartments: N/senescence age (SetPoint).", n / Reference(ParameterId.PlateletSenescenceAge)),
            new("healthyCompartmentSurvival", "1", "Chance of leaving a compartment by ageing rather than random loss, ka/(ka + kr).", ka / (ka + kr)),
            // Σ_{i<N} q^i/(ka + kr) = (1 − q^N)/kr, summed term by term: the closed form cancels to nothing for a tiny kr.
            new("healthyMeanLifespan", "day", "Mean residence in the chain: Σ_{i<N} q^i/(ka + kr), = (1 − q^N)/kr (N/ka without random loss).",
                Sum(Enumerable.Range(0, n).Select(i => Pow(q, i) / (ka + kr)))),
            new("healthyPlateletsWholeBody", "10^9/L", "Whole-body platelets at the set point: circulating/(1 − splenic fraction).",
                Reference(ParameterId.PlateletsReference) / (1 - Reference(ParameterId.SplenicFraction))),
            new("healthyPlateletProduction", "10^9/L/day", "Platelet production at the set point: whole-body platelets/mean lifespan.",
                D("healthyPlateletsWholeBody") / D("healthyMeanLifespan")),
        };
        Expr compartment = D("healthyPlateletProduction") / (ka + kr);
        for (var i = 0; i < n; i++)
        {
            list.Add(new($"healthyPlateletAge{i + 1}", "10^9/L", "Healthy content of a platelet age compartment (geometric in the survival q).", compartment));
            compartment = D($"healthyPlateletAge{i + 1}") * q;
        }
        var tpo = Reference(ParameterId.TpoReference);
        var kon = Reference(ParameterId.TpoAssociationRate);
        var koff = Reference(ParameterId.TpoDissociationRate);
        var kint = Reference(ParameterId.ComplexInternalisationRate);
        list.AddRange(
        [
            new("healthySenescentFlux", "10^9/L/day", "Aged-platelet clearance flux at the set point.", ka * D($"healthyPlateletAge{n}")),
            new("healthyMkReceptors", "pM", "c-Mpl on megakaryocytes at the set point.", Reference(ParameterId.ReceptorTotalReference) * Reference(ParameterId.MegakaryocyteReceptorShare)),
            new("healthyPlateletReceptors", "pM", "c-Mpl on platelets at the set point.", Reference(ParameterId.ReceptorTotalReference) - D("healthyMkReceptors")),
            new("healthyOccupancy", "1", "Complex at steady state: kon·T·(R − C) = (koff + kint)·C.", kon * tpo / (kon * tpo + koff + kint)),
            new("healthyPlateletComplex", "pM", "TPO–c-Mpl complex on platelets at the set point.", D("healthyOccupancy") * D("healthyPlateletReceptors")),
            new("healthyMkComplex", "pM", "TPO–c-Mpl complex on MKs at the set point.", D("healthyOccupancy") * D("healthyMkReceptors")),
            new("healthyTissueTpo", "pM", "Tissue-bound TPO at the set point, kfn/knf·T.",
                Reference(ParameterId.TpoToTissueRate) / Reference(ParameterId.TissueToTpoRate) * tpo),
            new("healthyTpoProduction", "pM/day", "Mass balance: production = receptor-mediated internalisation + non-receptor clearance (Shimizu 2021).",
                kint * (D("healthyPlateletComplex") + D("healthyMkComplex")) + Reference(ParameterId.NonReceptorClearanceRate) * tpo),
            new("tpoEc50", "pM", "Free TPO giving half the maximal stimulation, (Emax − 1)·TPO0, so stimulation is 1 at the set point (Shimizu 2021).",
                (Reference(ParameterId.DivisionEmax) - 1) * tpo),
        ]);
        var kidney = Reference(ParameterId.KidneyTpoShare);
        var stroma = Reference(ParameterId.StromaTpoShare);
        if (ageGroup == AgeGroup.Neonate)
        {
            var organs = 1 - stroma;
            var liverShare = Reference(ParameterId.NeonatalLiverShare);
            list.Add(new("liverTpoShare", "1", "Liver share of TPO synthesis (neonate: of the organ share).", organs * liverShare));
            list.Add(new("renalTpoShare", "1", "Kidney share of TPO synthesis (neonate: half the non-liver organ share).", organs * (1 - liverShare) / 2));
            list.Add(new("splenicTpoShare", "1", "Spleen share of TPO synthesis (neonates only).", organs * (1 - liverShare) / 2));
        }
        else
        {
            list.Add(new("liverTpoShare", "1", "Liver share of TPO synthesis: what kidney and stroma leave.", 1 - kidney - stroma));
            list.Add(new("renalTpoShare", "1", "Kidney share of TPO synthesis.", kidney));
            list.Add(new("splenicTpoShare", "1", "Spleen share of TPO synthesis (neonates only).", 0));
        }
        list.Add(new("stromaTpoShareHealthy", "1", "Marrow-stroma share of TPO synthesis.", stroma));
        return list;
    }

    private static List<VariableDefinition> Variables()
    {
        var platelets = Enumerable.Range(FirstPlatelet, PlateletAgeCompartments).Select(Y).ToArray();
        var mks = Enumerable.Range(FirstMegakaryocyte, MegakaryocyteCompartments).Select(Y).ToArray();
        var mpl = P(ParameterId.MplExpression);
        var tpo = Y(FreeTpo);
        var ageing = V("ageingRate");
        return
        [
            new(DrugSlots.TpoSiteRatio, "1", "Σ C/K of agonists at TPO's c-Mpl site (0 without drugs).", 0),
            new(DrugSlots.TpoSiteEfficacyRatio, "1", "Σ ε·C/K of agonists at TPO's c-Mpl site.", 0),
            new(DrugSlots.TransmembraneSignal, "1", "Σ ε·C/(EC50 + C) of transmembrane-site agonists.", 0),
            new(DrugSlots.UnblockedFraction, "1", "Π (1 − Imax·occupancy) of antagonists.", 1),
            new("plateletsWholeBody", "10^9/L", "Whole-body platelets (circulating + splenic pool) per litre of blood.", Sum(platelets), Observable: true),
            new("platelets", "10^9/L", "Circulating platelet count.", (1 - P(ParameterId.SplenicFraction)) * V("plateletsWholeBody"), Observable: true),
            new("megakaryocyteMass", "1", "MK mass relative to healthy (mean of the maturation compartments).", Sum(mks) / MegakaryocyteCompartments, Observable: true),
            new("tpoFreeObserved", "pM", "Free plasma TPO.", tpo, Observable: true),
            new("plateletReceptors", "pM", "c-Mpl on platelets: proportional to the platelet mass and c-Mpl expression.",
                D("healthyPlateletReceptors") * mpl * P(ParameterId.PlateletMplExpression) * V("plateletsWholeBody") / D("healthyPlateletsWholeBody")),
            new("mkReceptors", "pM", "c-Mpl on megakaryocytes.", D("healthyMkReceptors") * mpl * V("megakaryocyteMass")),
            new(DrugSlots.ReceptorPool, "10^9/L", "c-Mpl of platelets and MKs in platelet equivalents (Wang 2010's ξ·PLT, with MK receptors, Yang 2016).",
                Reference(ParameterId.PlateletsReference) * (V("plateletReceptors") + V("mkReceptors")) / (D("healthyPlateletReceptors") + D("healthyMkReceptors"))),
            new("tpoSiteSignal", "1", "Competitive occupancy–response of TPO's site: (T + K·Σε·C/K)/(K + T + K·ΣC/K) (Stephenson 1956; Black & Leff 1983).",
                (Max(tpo, 0) + D("tpoEc50") * V(DrugSlots.TpoSiteEfficacyRatio)) / (D("tpoEc50") + Max(tpo, 0) + D("tpoEc50") * V(DrugSlots.TpoSiteRatio))),
            new("stimulation", "1", "Progenitor division rate relative to healthy: f + (1 − f)·mpl·Emax·(S_site + Σ_tm)·Π_a + autonomous (Shimizu 2021, extended).",
                P(ParameterId.TpoIndependentDivisionFraction) + (1 - P(ParameterId.TpoIndependentDivisionFraction)) * mpl
                * (P(ParameterId.DivisionEmax) * (V("tpoSiteSignal") + V(DrugSlots.TransmembraneSignal)) * V(DrugSlots.UnblockedFraction))
                + P(ParameterId.AutonomousDivisionRate), Observable: true),
            new("divisionRate", "1/day", "Progenitor division rate k1.", P(ParameterId.BaseDivisionRate) * V("stimulation")),
            new("mkTransitRate", "1/day", "MK maturation transit rate, compartments/maturation time.", MegakaryocyteCompartments / P(ParameterId.MegakaryocyteMaturationTime)),
            new("ageingRate", "1/day", "Transit rate between platelet age compartments; faster when survival is shortened (MDS).",
                D("healthyAgeingRate") / P(ParameterId.PlateletSurvivalFactor), Observable: true),
            new("extraRemovalRate", "1/day", "Extra (antibody, consumption) removal acting: rate × ITP activity, less the splenic share without a spleen (Pérez-Ruixo 2016).",
                P(ParameterId.ExtraPlateletRemovalRate) * P(ParameterId.ItpActivity)
                * (1 - Parameter(SplenicShareOfAntibodyRemoval.Name) * (1 - P(ParameterId.SpleenPresent)))),
            new("plateletRemovalRate", "1/day", "Rate of leaving each age compartment: ageing + random + extra removal.",
                ageing + P(ParameterId.RandomPlateletRemovalRate) + V("extraRemovalRate"), Observable: true),
            new("plateletProduction", "10^9/L/day", "Platelet production: healthy production × MK output × last MK compartment.",
                D("healthyPlateletProduction") * P(ParameterId.MegakaryocytePlateletOutput) * Y(FirstPlatelet - 1), Observable: true),
            new("senescentFlux", "10^9/L/day", "Aged-platelet clearance flux, ka × last age compartment.", ageing * Y(FreeTpo - 1)),
            new("ashwellMorellDrive", "1", "Hepatic drive by aged-platelet clearance, saturating, 1 at the set point: 1 − a + a·f/(K + f)·(K + 1).",
                1 - V("amr") + V("amr") * V("senescentRelative") / (P(ParameterId.AshwellMorellHalfSaturation) + V("senescentRelative"))
                * (P(ParameterId.AshwellMorellHalfSaturation) + 1)),
            new("amr", "1", "Ashwell–Morell share of hepatic synthesis acting (share × enabled).", P(ParameterId.AshwellMorellShare) * P(ParameterId.AshwellMorellEnabled)),
            new("senescentRelative", "1", "Senescent flux relative to the set point (≥ 0).", Max(V("senescentFlux"), 0) / D("healthySenescentFlux")),
            new("tpoSynthesisLiver", "pM/day", "Hepatic TPO synthesis: constitutive × liver function × liver mass × multipliers × Ashwell–Morell drive.",
                D("healthyTpoProduction") * D("liverTpoShare") * P(ParameterId.LiverFunction) * P(ParameterId.LiverMass)
                * P(ParameterId.HepaticTpoMultiplier) * P(ParameterId.InflammatoryTpoDrive) * V("ashwellMorellDrive"), Observable: true),
            new("tpoSynthesisKidney", "pM/day", "Renal TPO synthesis.", D("healthyTpoProduction") * D("renalTpoShare"), Observable: true),
            new("tpoSynthesisSpleen", "pM/day", "Splenic TPO synthesis (neonates).", D("healthyTpoProduction") * D("splenicTpoShare") * P(ParameterId.SpleenPresent), Observable: true),
            new("tpoSynthesisStroma", "pM/day", "Marrow-stroma synthesis, rising towards stromaMaxFold as platelets fall (Blood 1997;89:101).",
                D("healthyTpoProduction") * D("stromaTpoShareHealthy") * P(ParameterId.StromaMaxFold)
                / (1 + (P(ParameterId.StromaMaxFold) - 1) * Pow(Max(V("platelets"), 0) / P(ParameterId.PlateletsReference), P(ParameterId.StromaHillCoefficient))), Observable: true),
            new("tpoProduction", "pM/day", "Total TPO synthesis.",
                V("tpoSynthesisLiver") + V("tpoSynthesisKidney") + V("tpoSynthesisSpleen") + V("tpoSynthesisStroma"), Observable: true),
            new("tpoBindingPlatelets", "pM/day", "Net TPO binding to platelet c-Mpl, kon·T·(R − C) − koff·C.",
                P(ParameterId.TpoAssociationRate) * tpo * (V("plateletReceptors") - Y(PlateletComplex)) - P(ParameterId.TpoDissociationRate) * Y(PlateletComplex)),
            new("tpoBindingMks", "pM/day", "Net TPO binding to MK c-Mpl.",
                P(ParameterId.TpoAssociationRate) * tpo * (V("mkReceptors") - Y(MegakaryocyteComplex)) - P(ParameterId.TpoDissociationRate) * Y(MegakaryocyteComplex)),
            new("tpoClearance", "pM/day", "TPO cleared: complex internalisation + non-receptor clearance.",
                P(ParameterId.ComplexInternalisationRate) * (Y(PlateletComplex) + Y(MegakaryocyteComplex)) + P(ParameterId.NonReceptorClearanceRate) * tpo, Observable: true),
            new("mplOccupancyPlatelets", "1", "Fraction of platelet c-Mpl bound (quasi-steady kon·T/(kon·T + koff + kint) once the receptors have vanished).",
                Occupancy(Y(PlateletComplex), V("plateletReceptors"), D("healthyPlateletReceptors"), tpo), Observable: true),
            new("mplOccupancyMegakaryocytes", "1", "Fraction of MK c-Mpl bound.",
                Occupancy(Y(MegakaryocyteComplex), V("mkReceptors"), D("healthyMkReceptors"), tpo), Observable: true),
        ];
    }

    private static Expr Occupancy(Expr complex, Expr receptors, Expr healthy, Expr tpo)
    {
        var konT = P(ParameterId.TpoAssociationRate) * Max(tpo, 0);
        return IfLess(1e-9 * healthy, receptors, Clamp(complex / receptors, 0, 1),
            konT / (konT + P(ParameterId.TpoDissociationRate) + P(ParameterId.ComplexInternalisationRate)));
    }

    private static List<StateDefinition> States()
    {
        var states = new List<StateDefinition>();
        var k1 = V("divisionRate");
        var kill = P(ParameterId.ProgenitorKillRate);
        for (var i = FirstProgenitor; i < FirstMegakaryocyte; i++)
        {
            // Normalised dividing chain: X_i' = 2·k1·X_(i−1) − k1·X_i with X_i = 2^(i−1)·x_i (Shimizu 2021).
            var feed = i == FirstProgenitor ? (Expr)P(ParameterId.ProgenitorInput) : Y(i - 1);
            states.Add(new(Describe(i).Name, "1", $"Dividing MK progenitors, generation {i + 1} (relative to healthy)",
                k1 * (feed - Y(i)) - kill * Y(i), 1));
        }
        var kMk = V("mkTransitRate");
        for (var j = FirstMegakaryocyte; j < FirstPlatelet; j++)
        {
            // MK1 is fed by the flux k1·X27, normalised by the healthy flux kDivision·X27.
            var feed = j == FirstMegakaryocyte ? V("stimulation") * Y(j - 1) : Y(j - 1);
            states.Add(new(Describe(j).Name, "1", $"Maturing megakaryocytes, stage {j - FirstMegakaryocyte + 1} (relative to healthy)", kMk * (feed - Y(j)), 1));
        }
        var kOut = V("plateletRemovalRate");
        for (var i = FirstPlatelet; i < FreeTpo; i++)
        {
            var input = i == FirstPlatelet ? V("plateletProduction") : V("ageingRate") * Y(i - 1);
            states.Add(new(Describe(i).Name, "10^9/L", $"Platelets of age class {i - FirstPlatelet + 1} (whole body, per litre of blood)",
                input - kOut * Y(i), D($"healthyPlateletAge{i - FirstPlatelet + 1}")));
        }
        var tpo = Y(FreeTpo);
        var kfn = P(ParameterId.TpoToTissueRate);
        var knf = P(ParameterId.TissueToTpoRate);
        var kint = P(ParameterId.ComplexInternalisationRate);
        states.Add(new(Describe(FreeTpo).Name, "pM", "Free plasma TPO",
            V("tpoProduction") - V("tpoBindingPlatelets") - V("tpoBindingMks") - kfn * tpo + knf * Y(TissueTpo) - P(ParameterId.NonReceptorClearanceRate) * tpo,
            P(ParameterId.TpoReference)));
        states.Add(new(Describe(TissueTpo).Name, "pM", "Non-specifically (tissue) bound TPO, plasma-equivalent", kfn * tpo - knf * Y(TissueTpo), D("healthyTissueTpo")));
        states.Add(new(Describe(PlateletComplex).Name, "pM", "TPO–c-Mpl complex on platelets", V("tpoBindingPlatelets") - kint * Y(PlateletComplex), D("healthyPlateletComplex")));
        states.Add(new(Describe(MegakaryocyteComplex).Name, "pM", "TPO–c-Mpl complex on megakaryocytes", V("tpoBindingMks") - kint * Y(MegakaryocyteComplex), D("healthyMkComplex")));
        return states;
    }
}
