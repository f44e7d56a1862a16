using TpoSim.Parameters;
using TpoSim.Physiology;

namespace TpoSim.Conditions;

/// <summary>
/// The condition presets. Each is a change to mechanism parameters with a severity control and sources; the
/// full-severity values are chosen so the steady state matches the published observation named in its text
/// (checked by the validation tests V6–V8, V12, V13).
/// </summary>
public static class ConditionCatalog
{
    /// <summary>No disease.</summary>
    public static ConditionDefinition Healthy { get; } = new()
    {
        Name = "healthy",
        Title = "Healthy",
        Mechanism = "No change: the healthy set point (250 ×10^9/L, 1.4 pM).",
        SeverityMeaning = "Ignored.",
        Sources = "—",
    };

    /// <summary>Chronic liver disease / cirrhosis.</summary>
    public static ConditionDefinition ChronicLiverDisease { get; } = new()
    {
        Name = "chronicLiverDisease",
        Title = "Chronic liver disease / cirrhosis (Child-Pugh A/B/C)",
        ClinicalName = "chronic liver disease",
        Grade = ChildPughClass,
        Mechanism = "Fewer functioning hepatocytes make less TPO; portal hypertension enlarges the spleen, which pools most platelets and shortens their life. TPO stays low-normal despite thrombocytopenia.",
        SeverityMeaning = "0 healthy; 1/3, 2/3, 1 = Child-Pugh A, B, C (give \"childPugh\": \"A\"|\"B\"|\"C\" instead of a severity). Severity 1 is the thrombocytopenic CLD of Shimizu 2021: platelets ≈40 ×10^9/L, TPO 0.78 vs 1.4 pM, 79% pooled.",
        Targets =
        [
            new(ParameterId.LiverFunction, 0.25, "hepatic TPO synthesis falls with hepatocyte mass (Peck-Radosavljevic M et al. Hepatology 2000); 0.25 gives TPO ≈0.7× healthy at platelets ≈45"),
            new(ParameterId.SplenicFraction, 0.786, "splenic pooling 79% in splenomegaly (¹¹¹In studies; 78.6% derived by Shimizu 2021)"),
            new(ParameterId.ExtraPlateletRemovalRate, 0.08, "hypersplenic destruction: lifespan 6.2 ± 0.6 d in splenomegaly vs 8.4 d (¹¹¹In organ-distribution study)"),
        ],
        Sources = "Shimizu R et al. CPT Pharmacometrics Syst Pharmacol 2021;10:489; Peck-Radosavljevic M et al. Hepatology 2000;32:1218; Aster RH, J Clin Invest 1966;45:645",
    };

    /// <summary>ITP option: coefficient of variation of the weekly activity fluctuation (<see cref="ActivityFluctuation"/>).</summary>
    public const string ActivityCvOption = "activityCv";

    /// <summary>ITP option: correlation time of the activity fluctuation, days.</summary>
    public const string ActivityCorrelationDaysOption = "activityCorrelationDays";

    /// <summary>Immune thrombocytopenia.</summary>
    public static ConditionDefinition Itp { get; } = new()
    {
        Name = "itp",
        Title = "Immune thrombocytopenia (ITP)",
        ClinicalName = "ITP",
        Mechanism = "Anti-platelet antibodies shorten platelet survival (extra age-independent removal, mostly splenic); antibodies can also impair megakaryocyte output. MK mass expands and keeps free TPO near normal.",
        SeverityMeaning = "Chronic-ITP severity: extra removal 5/day × severity; baseline ≈60 ×10^9/L at 0.1, ≈30 at 0.2, ≈15 at 0.5, < 10 at 1.",
        Targets =
        [
            new(ParameterId.ExtraPlateletRemovalRate, 5.0, "antibody-mediated clearance; ITP platelet survival of hours to a few days (Petrov A et al. Clin Pharmacol Drug Dev 2025: kdeg 0.20 h^-1 ≈ 4.8/day)"),
        ],
        Options =
        [
            new("splenectomised", 0, 1, 0, "Spleen removed: no splenic pool, antibody-mediated removal 47.5% lower (Pérez-Ruixo C et al. AAPS J 2016).", IsFlag: true),
            new("mkOutputImpairment", 0, 0.9, 0, "Fraction by which antibodies cut platelet release per megakaryocyte (McMillan R et al. Blood 2004;103:1364)."),
            new(ActivityCvOption, 0, 2, 0,
                "Week-to-week fluctuation of ITP activity: coefficient of variation of a weekly, piecewise-constant log-Ornstein–Uhlenbeck multiplier (median 1) on the antibody-mediated removal rate (itpActivity), drawn from the scenario's seed; 0 = constant activity. Calibrated value 0.8 for chronic ITP (placebo arms: Bussel JB et al. N Engl J Med 2007;357:2237, 11% ≥ 50 at day 43; Kuter DJ et al. Lancet 2008;371:395, transient responders on placebo)."),
            new(ActivityCorrelationDaysOption, 7, 3650, 28,
                "Correlation time of the log-activity fluctuation, days (assumed 28: chronic ITP counts drift over weeks to months, with runs of several weekly counts on the same side of a patient's median)."),
        ],
        ApplyOptions = (_, o, set) =>
        {
            if (o["splenectomised"] >= 0.5)
            {
                set.Set(ParameterId.SplenicFraction, 0);
                set.Set(ParameterId.SpleenPresent, 0);
            }
            set.Set(ParameterId.MegakaryocytePlateletOutput, set[ParameterId.MegakaryocytePlateletOutput] * (1 - o["mkOutputImpairment"]));
        },
        Sources = "Hou M et al. 1998 (TPO 64 ± 20 pg/mL in ITP); Gu 2002; Kuter DJ et al. Lancet 2008;371:395 (baseline ≤ 30, mean ≈16)",
    };

    /// <summary>Aplastic anaemia.</summary>
    public static ConditionDefinition AplasticAnaemia { get; } = new()
    {
        Name = "aplasticAnaemia",
        Title = "Aplastic anaemia (marrow failure)",
        Mechanism = "Loss of haematopoietic progenitors: fewer cells enter the MK lineage, MK mass and platelets fall, and with the c-Mpl mass gone TPO rises 10–30-fold.",
        SeverityMeaning = "Fraction of progenitor inflow lost: severity 1 keeps 2% (severe AA: MK mass cut > 90%, platelets ≈20).",
        Targets = [new(ParameterId.ProgenitorInput, 0.02, "progenitor loss in marrow failure; TPO 1514 ± 336 pg/mL in severe AA (Hou 1998), 774 ± 393 (Gu 2002)")],
        Sources = "Hou M et al. 1998; Gu 2002; Br J Haematol 1998",
    };

    /// <summary>Congenital amegakaryocytic thrombocytopenia.</summary>
    public static ConditionDefinition Camt { get; } = new()
    {
        Name = "camt",
        Title = "Congenital amegakaryocytic thrombocytopenia (c-Mpl loss)",
        Mechanism = "MPL mutations remove c-Mpl: no TPO signal (only TPO-independent production remains) and no receptor-mediated TPO clearance, so TPO is very high and platelets very low.",
        SeverityMeaning = "Fraction of c-Mpl function lost (1 = null mutation).",
        Targets = [new(ParameterId.MplExpression, 0, "c-Mpl loss on platelets and MKs (Ihara K et al. PNAS 1999;96:3132); TPO ≈13.7 fmol/mL, ≈10× normal (Mukai 1996)")],
        Sources = "Mukai HY et al. 1996; Ihara K et al. Proc Natl Acad Sci USA 1999;96:3132",
    };

    /// <summary>Myelodysplastic syndrome.</summary>
    public static ConditionDefinition Mds { get; } = new()
    {
        Name = "mds",
        Title = "Myelodysplastic syndrome (short platelet lifespan)",
        Mechanism = "Dysplastic megakaryocytes make platelets that survive briefly; TPO is near normal.",
        SeverityMeaning = "Severity 1: platelet lifespan 42 h instead of 257 h.",
        Targets = [new(ParameterId.PlateletSurvivalFactor, 42.0 / 257.0, "MDS platelet lifespan 42 h vs 257 h healthy (Pérez-Ruixo JJ et al. Br J Clin Pharmacol 2013;75:1445)")],
        Sources = "Pérez-Ruixo JJ et al. Br J Clin Pharmacol 2013;75:1445; Hou M et al. 1998 (TPO 68 ± 23 pg/mL)",
    };

    /// <summary>Essential thrombocythaemia.</summary>
    public static ConditionDefinition EssentialThrombocythaemia { get; } = new()
    {
        Name = "essentialThrombocythaemia",
        Title = "Essential thrombocythaemia",
        Mechanism = "A JAK2/CALR/MPL-mutant clone makes megakaryocytes grow without TPO, and the platelets it makes carry little c-Mpl, so they clear little TPO: platelets are high and TPO normal or high, never low.",
        SeverityMeaning = "Severity 1: autonomous division 1.2× baseline and platelet c-Mpl 15% of normal (platelets ≈500 ×10^9/L).",
        Targets =
        [
            new(ParameterId.AutonomousDivisionRate, 1.2, "TPO-independent MK growth of the mutant clone (assumed magnitude; gives platelets ≈500)"),
            new(ParameterId.PlateletMplExpression, 0.15, "platelet c-Mpl markedly reduced in ET (Horikawa Y et al. Blood 1997;90:4031)"),
        ],
        Sources = "Pitcher L et al. 1997 (TPO normal or high in ET); Horikawa Y et al. Blood 1997;90:4031",
    };

    /// <summary>Hereditary thrombocythaemia.</summary>
    public static ConditionDefinition HereditaryThrombocythaemia { get; } = new()
    {
        Name = "hereditaryThrombocythaemia",
        Title = "Hereditary thrombocythaemia (TPO overproduction)",
        Mechanism = "THPO mutations remove an inhibitory upstream open reading frame: hepatocytes translate much more TPO, TPO and platelets are both high.",
        SeverityMeaning = "Severity 1: hepatic TPO output ×8.",
        Targets = [new(ParameterId.HepaticTpoMultiplier, 8, "THPO 5′-UTR mutations raise TPO translation severalfold (Wiestner A et al. Nat Genet 1998;18:49)")],
        Sources = "Wiestner A et al. Nat Genet 1998;18:49",
    };

    /// <summary>Inflammation / reactive thrombocytosis.</summary>
    public static ConditionDefinition Inflammation { get; } = new()
    {
        Name = "inflammation",
        Title = "Inflammation / reactive thrombocytosis",
        Mechanism = "IL-6 drives hepatic TPO transcription; TPO and platelets rise together (reactive thrombocytosis).",
        SeverityMeaning = "Severity 1: hepatic TPO transcription ×5 (platelets ≈500).",
        Targets = [new(ParameterId.InflammatoryTpoDrive, 5, "IL-6 induces hepatic TPO (Kaser A et al. Blood 2001;98:2720); magnitude assumed to give platelets ≈500")],
        Sources = "Kaser A et al. Blood 2001;98:2720",
    };

    /// <summary>Neonate.</summary>
    public static ConditionDefinition Neonate { get; } = new()
    {
        Name = "neonate",
        Title = "Neonate (fetal/neonatal TPO sources)",
        Mechanism = "In the fetus and newborn the liver makes 95.3% of liver + kidney + spleen TPO, and the spleen contributes.",
        SeverityMeaning = "Ignored (sets the age group to neonate).",
        ImpliedAgeGroup = AgeGroup.Neonate,
        Sources = "Wolber EM et al. Blood 1999;94:97",
    };

    /// <summary>All presets.</summary>
    public static IReadOnlyList<ConditionDefinition> All { get; } =
    [
        Healthy, ChronicLiverDisease, Itp, AplasticAnaemia, Camt, Mds, EssentialThrombocythaemia, HereditaryThrombocythaemia, Inflammation, Neonate,
    ];

    /// <summary>Names accepted in scenarios.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(c => c.Name).ToArray();

    /// <summary>The preset called <paramref name="name"/>, or null.</summary>
    public static ConditionDefinition? Get(string name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>"Child-Pugh A/B/C" when <paramref name="severity"/> is that class's severity (<see cref="ChildPughSeverity"/>); else null.</summary>
    public static string? ChildPughClass(double severity) =>
        new[] { "A", "B", "C" }.FirstOrDefault(g => Math.Abs(ChildPughSeverity(g) - severity) < 1e-6) is { } grade ? $"Child-Pugh {grade}" : null;

    /// <summary>Child-Pugh class → severity of <see cref="ChronicLiverDisease"/>.</summary>
    public static double ChildPughSeverity(string grade) => grade switch
    {
        "A" => 1.0 / 3.0,
        "B" => 2.0 / 3.0,
        "C" => 1.0,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), "Child-Pugh class must be A, B or C."),
    };
}
