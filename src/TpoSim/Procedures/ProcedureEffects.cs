using TpoSim.Parameters;
using TpoSim.Physiology;

namespace TpoSim.Procedures;

/// <summary>
/// What each procedure does to the state and parameters at the moment it happens. Written once here and used by
/// the simulator's time events; each effect is a mechanism, with its source.
/// </summary>
public static class ProcedureEffects
{
    /// <summary>Share of antibody-mediated platelet removal that happens in the spleen: splenectomy lowered removal by 47.5% (Pérez-Ruixo C et al. AAPS J 2016).</summary>
    public const double SplenicShareOfAntibodyRemoval = 0.475;

    /// <summary>Default of the progenitorD0Gy parameter (<see cref="CoreModelDefinition.ProgenitorD0"/>), Gy: surviving fraction exp(−dose/D0). Assumed: haematopoietic progenitor D0 ≈1 Gy.</summary>
    public const double ProgenitorD0Gy = 1.0;

    /// <summary>Default of the liverRegenerationDays parameter (<see cref="CoreModelDefinition.LiverRegeneration"/>), days. Assumed: liver volume largely restored within 1–3 months.</summary>
    public const double LiverRegenerationDays = 14;

    /// <summary>Scales the whole-body platelet pool and the TPO bound to it by <paramref name="keep"/>.</summary>
    public static void ScalePlatelets(Span<double> y, double keep)
    {
        for (var i = StateLayout.FirstPlatelet; i < StateLayout.FreeTpo; i++) y[i] *= keep;
        y[StateLayout.PlateletComplex] *= keep;
    }

    /// <summary>
    /// Acute bleeding of <paramref name="bloodLossFraction"/> of blood volume, replaced by crystalloid: the circulating
    /// platelets lost take the splenic pool down with them once it re-equilibrates (fraction × (1 − splenic fraction)
    /// of the whole body), and lost plasma TPO is diluted away. v1's layout; <see cref="BleedV2"/> for model v2.
    /// </summary>
    public static void Bleed(AssembledModel model, Span<double> y, ReadOnlySpan<double> p, double bloodLossFraction)
    {
        ScalePlatelets(y, 1 - bloodLossFraction * (1 - p[model.Index(ParameterId.SplenicFraction)]));
        y[StateLayout.FreeTpo] *= 1 - bloodLossFraction;
    }

    /// <summary>
    /// Splenectomy: the pooled platelets leave with the spleen and nothing is pooled afterwards; without the spleen,
    /// antibody-mediated removal is lower (see the extraRemovalRate variable of <see cref="CoreModelDefinition"/>). Idempotent: a patient
    /// without a spleen is unchanged.
    /// </summary>
    public static void Splenectomy(AssembledModel model, Span<double> y, Span<double> p)
    {
        if (p[model.Index(ParameterId.SpleenPresent)] == 0) return;
        ScalePlatelets(y, 1 - p[model.Index(ParameterId.SplenicFraction)]);
        p[model.Index(ParameterId.SplenicFraction)] = 0;
        p[model.Index(ParameterId.SpleenPresent)] = 0;
    }

    /// <summary>
    /// Bleeding in model v2, as <see cref="Bleed"/>: the whole-body share lost is the fraction × circulating/whole-body,
    /// and it takes what the platelets carry (their c-Mpl, bound TPO and drug); free plasma TPO is diluted by the fraction.
    /// </summary>
    public static void BleedV2(AssembledModel model, Span<double> y, ReadOnlySpan<double> p, double bloodLossFraction)
    {
        var outputs = model.Outputs(y, p);
        var circulatingShare = outputs.PlateletsWholeBody > 0 ? outputs.PlateletsCirculating / outputs.PlateletsWholeBody : 1;
        ScaleCarriedByPlatelets(model, y, 1 - bloodLossFraction * circulatingShare);
        y[model.Compiled.StateIndex(CoreModel.FreeTpoState)] *= 1 - bloodLossFraction;
    }

    /// <summary>Scales every v2 state platelets carry (<see cref="Physiology.V2.CoreModelV2Definition.IsCarriedByPlatelets"/>) by <paramref name="keep"/>.</summary>
    private static void ScaleCarriedByPlatelets(AssembledModel model, Span<double> y, double keep)
    {
        var names = model.Compiled.StateNames;
        for (var i = 0; i < names.Count; i++)
            if (Physiology.V2.CoreModelV2Definition.IsCarriedByPlatelets(names[i])) y[i] *= keep;
    }

    /// <summary>
    /// Splenectomy in model v2: the pooled platelets leave with the spleen, and with them what they carry (their c-Mpl,
    /// bound TPO and bound drug: <see cref="Physiology.V2.CoreModelV2Definition.IsCarriedByPlatelets"/>); then nothing is pooled and
    /// antibody-mediated removal loses its splenic share (the model's spleenPresent switch). The circulating count is
    /// unchanged at the instant: the pool's share is 1 − circulating/whole-body. Idempotent.
    /// </summary>
    public static void SplenectomyV2(AssembledModel model, Span<double> y, Span<double> p)
    {
        var spleen = model.Index("spleenPresent");
        if (p[spleen] == 0) return;
        var outputs = model.Outputs(y, p);
        ScaleCarriedByPlatelets(model, y, outputs.PlateletsWholeBody > 0 ? outputs.PlateletsCirculating / outputs.PlateletsWholeBody : 1);
        p[spleen] = 0;
    }

    /// <summary>
    /// Liver transplantation: a whole, healthy liver, so hepatic synthesis, liver mass and hepatocyte-intrinsic TPO
    /// translation (the cause of hereditary thrombocythaemia) return to normal; the spleen and systemic IL-6 stay as they were.
    /// </summary>
    public static void LiverTransplant(AssembledModel model, Span<double> p)
    {
        foreach (var name in model.Core.Procedures.LiverRestoredByTransplant) p[model.Index(name)] = 1;
    }

    /// <summary>
    /// Liver mass after partial hepatectomy of <paramref name="fractionResected"/>, <paramref name="daysSince"/> days
    /// later, relative to before: 1 − f·exp(−t/τ) (regeneration with time constant <paramref name="tau"/>, the
    /// liverRegenerationDays parameter).
    /// </summary>
    public static double RegeneratedFraction(double fractionResected, double daysSince, double tau) =>
        1 - fractionResected * Math.Exp(-daysSince / tau);

    /// <summary>Radiation: dividing MK progenitors survive with exp(−dose/D0); mature MKs are radioresistant.</summary>
    public static void Irradiate(AssembledModel model, Span<double> y, ReadOnlySpan<double> p, double doseGy)
    {
        var survival = Math.Exp(-doseGy / p[model.Index(CoreModelDefinition.ProgenitorD0.Name)]);
        var prefix = model.Core.Procedures.ProgenitorStatePrefix;
        var names = model.Compiled.StateNames;
        for (var i = 0; i < names.Count; i++)
            if (IsNumbered(names[i], prefix)) y[i] *= survival;
    }

    /// <summary>True for <paramref name="prefix"/> followed by digits only (progenitor1 … progenitorN, not progenitorMass).</summary>
    private static bool IsNumbered(string name, string prefix) =>
        name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && name.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0;
}
