using TpoSim.Conditions;

namespace TpoSim.Physiology.V2;

/// <summary>One v2 parameter a condition moves: severity s takes it from its healthy default d to d + (v − d)·s, as v1's <see cref="ParameterTarget"/>.</summary>
/// <param name="Parameter">v2 parameter name (<see cref="V2Parameters"/>).</param>
/// <param name="ValueAtFullSeverity">Its value at severity 1.</param>
/// <param name="Source">Where the value comes from (citation, "calibrated on …", or "assumed:" and why).</param>
public sealed record V2ConditionTarget(string Parameter, double ValueAtFullSeverity, string Source);

/// <summary>How a condition option acts on its parameter.</summary>
public enum V2OptionEffect
{
    /// <summary>A flag: when the option is ≥ 0.5 the parameter is set to <see cref="V2ConditionOption.Value"/>.</summary>
    SetWhenOn,
    /// <summary>A fraction x: the parameter is multiplied by (1 − x).</summary>
    Reduce,
}

/// <summary>A v1 condition option mapped onto a v2 parameter.</summary>
/// <param name="Name">v1's option name (<see cref="ConditionDefinition.Options"/>).</param>
/// <param name="Parameter">v2 parameter it acts on.</param>
/// <param name="Effect">How.</param>
/// <param name="Value">The value a flag sets (unused for <see cref="V2OptionEffect.Reduce"/>).</param>
/// <param name="Source">Why.</param>
public sealed record V2ConditionOption(string Name, string Parameter, V2OptionEffect Effect, double Value, string Source);

/// <summary>A published direction of change at steady state, relative to health.</summary>
public enum PublishedDirection
{
    /// <summary>No published direction is tested.</summary>
    None,
    /// <summary>Lower than healthy.</summary>
    Lower,
    /// <summary>Higher than healthy.</summary>
    Higher,
    /// <summary>Normal or higher (not lower than 0.8× healthy; V13's tolerance).</summary>
    NotLower,
}

/// <summary>
/// A v1 condition (<see cref="ConditionCatalog"/>) as v2 data: which v2 parameters its severity moves and to what, its
/// options, and the published direction its steady state must move platelets and TPO in (each with its source).
/// </summary>
/// <param name="Condition">v1's condition name.</param>
/// <param name="Targets">Parameters moved by the severity.</param>
/// <param name="Fixed">Parameters set regardless of severity (the neonate's physiology).</param>
/// <param name="Options">v1's options mapped onto v2 parameters.</param>
/// <param name="Platelets">Published direction of the platelet count.</param>
/// <param name="Tpo">Published direction of free TPO.</param>
/// <param name="DirectionSource">Where the directions come from.</param>
/// <param name="Note">What is not mapped, or how v2 differs from v1.</param>
public sealed record V2ConditionMapping(
    string Condition, IReadOnlyList<V2ConditionTarget> Targets, IReadOnlyDictionary<string, double> Fixed, IReadOnlyList<V2ConditionOption> Options,
    PublishedDirection Platelets, PublishedDirection Tpo, string DirectionSource, string Note = "")
{
    /// <summary>
    /// The v2 parameter overrides for <paramref name="severity"/> ∈ [0, 1] and <paramref name="options"/> (v1's option
    /// names; absent options are off).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Severity outside [0, 1].</exception>
    public Dictionary<string, double> Overrides(double severity, IReadOnlyDictionary<string, double>? options = null)
    {
        if (!(severity >= 0 && severity <= 1)) throw new ArgumentOutOfRangeException(nameof(severity), "Severity must be in [0, 1].");
        var values = new Dictionary<string, double>(Fixed);
        foreach (var t in Targets)
        {
            var d = Default(t.Parameter);
            values[t.Parameter] = d + (t.ValueAtFullSeverity - d) * severity;
        }
        foreach (var o in Options)
        {
            if (options is null || !options.TryGetValue(o.Name, out var x)) continue;
            var current = values.TryGetValue(o.Parameter, out var v) ? v : Default(o.Parameter);
            if (o.Effect == V2OptionEffect.SetWhenOn) { if (x >= 0.5) values[o.Parameter] = o.Value; }
            else values[o.Parameter] = current * (1 - x);
        }
        return values;
    }

    private static double Default(string name) =>
        (V2Parameters.All.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException($"'{name}' is not a v2 parameter.", nameof(name))).Value;
}

/// <summary>
/// Every v1 condition mapped onto v2 (docs/model-v2.md, "Conditions"). Severity-1 values: v1's where v1 took them from
/// a measurement (lifespan, c-Mpl loss, removal rate), the V8 calibration for chronic liver disease, and v1's assumed
/// magnitudes (said so) where nothing better is published; none is set on a validation case.
/// </summary>
public static class V2ConditionCatalog
{
    private static IReadOnlyDictionary<string, double> None { get; } = new Dictionary<string, double>();

    /// <summary>Healthy: nothing moves.</summary>
    public static V2ConditionMapping Healthy { get; } = new("healthy", [], None, [], PublishedDirection.None, PublishedDirection.None, "—");

    /// <summary>Hepatocyte function set on V8 (a calibration case), with portal hypertension: <c>LiverDiseaseAxesV2Tests</c>.</summary>
    public const double CldHepatocyteFunction = 0.365;

    /// <summary>Portal-hypertension severity set on V8 (a calibration case).</summary>
    public const double CldPortalHypertension = 0.897;

    /// <summary>Chronic liver disease on its two axes; severity 1 is V8's thrombocytopenic cirrhosis (Child-Pugh C, <see cref="ConditionCatalog.ChildPughSeverity"/>).</summary>
    public static V2ConditionMapping ChronicLiverDisease { get; } = new("chronicLiverDisease",
        [
            new("hepatocyteFunction", CldHepatocyteFunction, "calibrated on V8 (Shimizu R et al. CPT Pharmacometrics Syst Pharmacol 2021;10:489: platelets ≈40, TPO 0.78 vs 1.4 pM) jointly with portalHypertension (LiverDiseaseAxesV2Tests)"),
            new("portalHypertension", CldPortalHypertension, "calibrated on V8 jointly with hepatocyteFunction; pooling towards Aster RH. J Clin Invest 1966;45:645"),
        ],
        None, [], PublishedDirection.Lower, PublishedDirection.Lower,
        "Shimizu 2021 (V8: platelets ≈40, TPO low-normal 0.56×); Peck-Radosavljevic M et al. Hepatology 2000;32:1218",
        "v1 moves liver function, splenic fraction and extra removal by one severity; v2 moves the two axes together along the V8 line (a scenario may set either axis's parameter itself).");

    /// <summary>Immune thrombocytopenia: antibody removal, with v1's options.</summary>
    public static V2ConditionMapping Itp { get; } = new("itp",
        [new("antibodyRemovalRate", 5.0, "v1's value: ITP platelet kdeg 0.20 h^-1 ≈ 4.8/day (Petrov A et al. Clin Pharmacol Drug Dev 2025)")],
        None,
        [
            new("splenectomised", "spleenPresent", V2OptionEffect.SetWhenOn, 0, "no spleen: no splenic pool, the splenic share of antibody removal stops (splenicShareOfAntibodyRemoval)"),
            new("mkOutputImpairment", "mkOutput", V2OptionEffect.Reduce, 0, "antibodies cut platelet release per MK (McMillan R et al. Blood 2004;103:1364)"),
        ],
        PublishedDirection.Lower, PublishedDirection.NotLower,
        "Hou M et al. 1998 (V6: TPO 64 ± 20 vs 52 ± 12 pg/mL, normal or barely raised, at platelets < 30)",
        "v1's activity fluctuation (activityCv, activityCorrelationDays) multiplies v1's itpActivity; in v2 its counterpart is antibodyRemovalRate, for the simulator to scale.");

    /// <summary>Aplastic anaemia: progenitor inflow lost.</summary>
    public static V2ConditionMapping AplasticAnaemia { get; } = new("aplasticAnaemia",
        [new("marrowInput", 0.02, "v1's value: severity 1 keeps 2% of progenitor inflow (severe AA, MK mass cut > 90%); the validation cases solve it for the paper's count instead")],
        None, [], PublishedDirection.Lower, PublishedDirection.Higher,
        "Schrezenmeier H et al. Br J Haematol 1998;100:571 (V7: 2,728 vs 95.3 pg/mL); Hou 1998 (V7b)");

    /// <summary>CAMT: c-Mpl lost.</summary>
    public static V2ConditionMapping Camt { get; } = new("camt",
        [new("mplExpression", 0, "MPL null mutations (Ihara K et al. PNAS 1999;96:3132)")],
        None, [], PublishedDirection.Lower, PublishedDirection.Higher, "Mukai HY et al. 1996 (V12: TPO ≈10× normal, platelets very low)");

    /// <summary>Myelodysplastic syndrome: short platelet lifespan.</summary>
    public static V2ConditionMapping Mds { get; } = new("mds",
        [new("plateletSurvivalFactor", 42.0 / 257.0, "MDS platelet lifespan 42 h vs 257 h (Pérez-Ruixo JJ et al. Br J Clin Pharmacol 2013;75:1445)")],
        None, [], PublishedDirection.Lower, PublishedDirection.NotLower, "Hou 1998 (TPO 68 ± 23 vs 52 ± 12 pg/mL in MDS)");

    /// <summary>Essential thrombocythaemia: autonomous MK growth and low platelet c-Mpl.</summary>
    public static V2ConditionMapping EssentialThrombocythaemia { get; } = new("essentialThrombocythaemia",
        [
            new("autonomousStimulation", 1.2, "assumed: v1's magnitude of TPO-independent growth of the mutant clone (v1: platelets ≈500)"),
            new("plateletMplExpression", 0.15, "platelet c-Mpl markedly reduced in ET (Horikawa Y et al. Blood 1997;90:4031), v1's 15%"),
        ],
        None, [], PublishedDirection.Higher, PublishedDirection.NotLower, "Pitcher L et al. 1997 (V13: platelets > 450 with TPO normal or high, never low)");

    /// <summary>Hereditary thrombocythaemia: hepatic TPO translation raised.</summary>
    public static V2ConditionMapping HereditaryThrombocythaemia { get; } = new("hereditaryThrombocythaemia",
        [new("hepaticTpoTranslation", 8, "THPO 5′-UTR mutations raise TPO translation severalfold (Wiestner A et al. Nat Genet 1998;18:49), v1's ×8")],
        None, [], PublishedDirection.Higher, PublishedDirection.Higher, "Wiestner 1998 (TPO and platelets both high)");

    /// <summary>Inflammation: IL-6-driven hepatic TPO.</summary>
    public static V2ConditionMapping Inflammation { get; } = new("inflammation",
        [new("inflammatoryTpoDrive", 5, "IL-6 induces hepatic TPO (Kaser A et al. Blood 2001;98:2720); v1's assumed ×5")],
        None, [], PublishedDirection.Higher, PublishedDirection.Higher, "Kaser 2001 (reactive thrombocytosis: TPO and platelets rise together)");

    /// <summary>Neonate: physiology of its own (<see cref="NeonatalPhysiologyV2"/>), severity ignored.</summary>
    public static V2ConditionMapping Neonate { get; } = new("neonate", [], NeonatalPhysiologyV2.Overrides, [],
        PublishedDirection.None, PublishedDirection.Higher, "Ishiguro A et al. 1999 (TPO 3.7–5.9 vs 0.83 fmol/mL in the first month)",
        "v1 switches the age group; v2 sets the newborn's parameters (weight, volumes, liver mass, MK output).");

    /// <summary>Every mapping, in <see cref="ConditionCatalog.All"/> order.</summary>
    public static IReadOnlyList<V2ConditionMapping> All { get; } =
        [Healthy, ChronicLiverDisease, Itp, AplasticAnaemia, Camt, Mds, EssentialThrombocythaemia, HereditaryThrombocythaemia, Inflammation, Neonate];

    /// <summary>The mapping of v1 condition <paramref name="name"/>, or null.</summary>
    public static V2ConditionMapping? Get(string name) => All.FirstOrDefault(c => c.Condition == name);
}
