using TpoSim.Conditions;
using TpoSim.Parameters;
using TpoSim.Policies;
using TpoSim.Scenarios;

namespace TpoSim.Fitting;

/// <summary>
/// The fitting priors, one definition per condition. Each number names its source; "assumed:" says why where none
/// exists. A patient file's <c># condition:</c> line (or <c>--condition</c>) names the prior by <see cref="FitPrior.Condition"/>.
/// </summary>
public static class FitPriors
{
    private static double CldTarget(ParameterId id) =>
        ConditionCatalog.ChronicLiverDisease.Targets.Single(t => t.Parameter == id).ValueAtFullSeverity;

    private static double Registry(ParameterId id) => ParameterCatalog.Get(id).DefaultValue;

    /// <summary>
    /// Adult chronic ITP: antibody-mediated removal (sets the baseline count), the TPO-response Emax of MK division
    /// (sets the response to TPO and to agonists), and the MK maturation time (sets how fast a response shows). The
    /// forecast draws the week-to-week ITP activity fluctuation the ITP populations use (activityCv 0.8, 28 days).
    /// </summary>
    public static FitPrior ChronicItp { get; } = new("itp",
    [
        new("extraRemovalRate", 2.5, 1.0, "1/day", "ITP platelet destruction",
            "median: the itp preset at severity 0.5 (5/day × 0.5), baseline ≈15 ×10^9/L, the Kuter 2008 enrolled mean (≈16); CV 100% assumed so ±2ω spans baselines ≈5–60 ×10^9/L"),
        new("emax", 4.52, 0.3, "1", "TPO-response Emax of MK division",
            "median: model default (parameter catalog); CV 30% assumed, as the default population variability"),
        new("mkMaturationDays", 7.5, 0.2, "day", "MK maturation time",
            "median: model default (parameter catalog); CV 20% assumed (MK maturation 5–10 days across studies)"),
    ], ResidualError.Default)
    {
        Title = "adult chronic ITP",
        Choice = new ConditionChoice(ConditionCatalog.Itp.Name, 0.5, new Dictionary<string, double>()),
        LabelPolicies = new Dictionary<string, string>
        {
            ["romiplostim"] = TitrationCatalog.RomiplostimItp,
            ["eltrombopag"] = TitrationCatalog.EltrombopagItp,
            ["avatrombopag"] = TitrationCatalog.AvatrombopagItp,
        },
        Activity = new DiseaseActivity(0.8,
            ConditionCatalog.Itp.Options.Single(o => o.Name == ConditionCatalog.ActivityCorrelationDaysOption).Default,
            ParameterCatalog.Get(ParameterId.ItpActivity).Name,
            "activityCv 0.8 as the ITP populations (populations/itp-kuter2008.json, itp-bussel2007.json: calibrated on the placebo arms of Bussel 2007 and Kuter 2008); correlation 28 days, the itp preset's default (assumed: chronic ITP counts drift over weeks to months)"),
        Source = "Kuter DJ et al. Lancet 2008;371:395 (enrolled baseline); the itp preset and the ITP population files",
    };

    /// <summary>
    /// Chronic liver disease with thrombocytopenia (&lt; 50 ×10^9/L) before a procedure, as L-PLUS 2 enrolled it
    /// (populations/cld-lplus2.json): the chronicLiverDisease preset at severity 1, with the file's between-subject
    /// variability of hepatic TPO synthesis and hypersplenic removal, and the TPO-response Emax for the drug response.
    /// </summary>
    public static FitPrior ChronicLiverDisease { get; } = new(ConditionCatalog.ChronicLiverDisease.Name,
    [
        new("liverFunction", CldTarget(ParameterId.LiverFunction), 0.3, "1", "hepatic TPO synthesis",
            "median: the chronicLiverDisease preset at severity 1 (0.25: TPO ≈0.7× healthy at platelets ≈45; Shimizu 2021); CV 30%: the variability of populations/cld-lplus2.json"),
        new("extraRemovalRate", CldTarget(ParameterId.ExtraPlateletRemovalRate), 0.5, "1/day", "hypersplenic platelet removal",
            "median: the chronicLiverDisease preset at severity 1 (0.08/day: platelet lifespan 6.2 vs 8.4 days in splenomegaly; Aster 1966); CV 50%: the variability of populations/cld-lplus2.json"),
        new("emax", Registry(ParameterId.DivisionEmax), 0.3, "1", "TPO-response Emax of MK division",
            "median: model default (parameter catalog); CV 30% assumed, as the ITP prior (cld-lplus2.json does not vary the drug response)"),
    ], ResidualError.Default)
    {
        Title = "chronic liver disease with platelets < 50 ×10^9/L (L-PLUS 2)",
        Choice = new ConditionChoice(ConditionCatalog.ChronicLiverDisease.Name, 1, new Dictionary<string, double>()),
        LabelPolicies = new Dictionary<string, string>
        {
            ["lusutrombopag"] = TitrationCatalog.LusutrombopagLplus2,
            ["avatrombopag"] = TitrationCatalog.AvatrombopagCld,
        },
        // assumed: no week-to-week activity model for CLD; its counts are stable over weeks (the L-PLUS 2 placebo arm
        // rose little), and the residual error carries the day-to-day variation.
        Activity = null,
        Source = "populations/cld-lplus2.json (Peck-Radosavljevic M et al. Gastroenterology 2019, L-PLUS 2) and the chronicLiverDisease preset (Shimizu R et al. CPT Pharmacometrics Syst Pharmacol 2021;10:489)",
    };

    /// <summary>
    /// Solid-tumour patients with normal counts before cycles of myelosuppressive chemotherapy (carboplatin-like): the
    /// patient's sensitivity to the regimen, the baseline set point and the maturation time, the three parameters of a
    /// Friberg-type platelet model (drug slope, Circ0, MTT) with published between-patient variability.
    /// </summary>
    public static FitPrior Chemotherapy { get; } = new("chemotherapy",
    [
        new("chemoSensitivity", 1, 0.57, "1", "sensitivity to the chemotherapy (× the regimen's progenitor kill rate)",
            "median 1: the regimen preset (carboplatin: kill 2/day for 1 day, ≈60% fall, nadir ≈ day 21); CV 57%: IIV of the platinum drug-effect slope in a platelet model (Pérez-Ruixo C et al. AAPS J 2016;18(1), oxaliplatin α 56.9%)",
            FitTarget.ChemotherapySensitivity),
        new("plateletsReference", Registry(ParameterId.PlateletsReference), 0.33, "10^9/L", "baseline platelet set point",
            "median: model default (250 ×10^9/L); CV 33%: IIV of the baseline count PLT0 (Pérez-Ruixo C et al. AAPS J 2016;18(1), 32.9%)"),
        new("mkMaturationDays", Registry(ParameterId.MegakaryocyteMaturationTime), 0.47, "day", "MK maturation time (timing of the nadir)",
            "median: model default; CV 47%: IIV of the maturation rate constant ktr (Pérez-Ruixo C et al. AAPS J 2016;18(1), 47.1%)"),
    ], ResidualError.Default)
    {
        Title = "chemotherapy (carboplatin-like cycles), normal baseline counts",
        Choice = ConditionChoice.Healthy,
        // assumed: romiplostim in chemotherapy-induced thrombocytopenia is off label; weekly 1 µg/kg steps up to
        // 10 µg/kg as in Soff GA et al. J Clin Oncol 2019;37:2892, so the Nplate ITP ladder stands in for its rule.
        LabelPolicies = new Dictionary<string, string> { ["romiplostim"] = TitrationCatalog.RomiplostimItp },
        Activity = null,
        Source = "Pérez-Ruixo C et al. AAPS J 2016;18(1) (platelet dynamics under platinum chemotherapy, IIV of PLT0, ktr and the drug effect); Friberg LE et al. J Clin Oncol 2002;20:4713 (model structure)",
    };

    /// <summary>Every prior.</summary>
    public static IReadOnlyList<FitPrior> All { get; } = [ChronicItp, ChronicLiverDisease, Chemotherapy];

    /// <summary>Names a patient file may give (<c># condition:</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Condition).ToArray();

    /// <summary>The prior called <paramref name="condition"/>, or null.</summary>
    public static FitPrior? For(string condition) => All.FirstOrDefault(p => p.Condition == condition);
}
