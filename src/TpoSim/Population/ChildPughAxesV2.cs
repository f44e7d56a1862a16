using TpoSim.Physiology.V2;

namespace TpoSim.Population;

/// <summary>One Child-Pugh class on model v2's two liver-disease axes.</summary>
/// <param name="Class">A, B or C.</param>
/// <param name="HepatocyteFunction">v2's <c>hepatocyteFunction</c> (TPO synthesis relative to a healthy liver).</param>
/// <param name="PortalHypertension">v2's <c>portalHypertension</c> severity (splenic pooling and hypersplenic removal).</param>
/// <param name="TpoFold">The class's published serum TPO relative to controls, which sets <paramref name="HepatocyteFunction"/>.</param>
/// <param name="Source">Where the numbers come from.</param>
public sealed record ChildPughAxes(string Class, double HepatocyteFunction, double PortalHypertension, double TpoFold, string Source);

/// <summary>
/// Child-Pugh class → model v2's two axes (docs/model-v2.md §4, docs/population.md "Liver disease on model v2"). The
/// Child-Pugh score grades hepatocellular function (bilirubin, albumin, INR, ascites, encephalopathy), so the class sets
/// hepatocyte function: each class's value is the one at which v2 (shipped set) gives the class's serum TPO relative to
/// controls in Liu PL et al. World Chin J Digestol 2010;18:392 (119 cirrhotics, ELISA; controls 70.32 ± 33.80 ng/L,
/// class B 43.44 ± 33.51, class C 45.16 ± 30.04; class A not different from controls, so A's fold is taken as 1).
/// Portal hypertension is V8's severity (0.897, set with V8's count of ≈ 40 and TPO 0.557×; Shimizu R et al. CPT
/// Pharmacometrics Syst Pharmacol 2021;10:489) in every class: the trials enrolled on a count &lt; 50, i.e. on
/// hypersplenism, whatever the class; no per-class figure of splenic pooling was found, so each subject's portal
/// severity varies around this value with the file's CV. <c>ChildPughAxesV2Tests</c> solves each value again.
/// </summary>
public static class ChildPughAxesV2
{
    private const string Liu = "Liu PL et al. World Chin J Digestol 2010;18:392: serum TPO by Child-Pugh class against 30 controls (70.32 ng/L)";

    /// <summary>Class A: TPO as in controls (Liu 2010: a non-significant rise), at V8's portal severity.</summary>
    public static ChildPughAxes A { get; } = new("A", 0.890, V2ConditionCatalog.CldPortalHypertension, 1.0, Liu + "; A not different from controls, fold 1 assumed");

    /// <summary>Class B: TPO 43.44/70.32 = 0.618× controls (Liu 2010), at V8's portal severity.</summary>
    public static ChildPughAxes B { get; } = new("B", 0.441, V2ConditionCatalog.CldPortalHypertension, 43.44 / 70.32, Liu + "; B 43.44 ng/L");

    /// <summary>Class C: TPO 45.16/70.32 = 0.642× controls (Liu 2010), at V8's portal severity.</summary>
    public static ChildPughAxes C { get; } = new("C", 0.470, V2ConditionCatalog.CldPortalHypertension, 45.16 / 70.32, Liu + "; C 45.16 ng/L");

    /// <summary>The axes of class <paramref name="grade"/> (A, B or C).</summary>
    public static ChildPughAxes For(string grade) => grade switch
    {
        "A" => A,
        "B" => B,
        "C" => C,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), "Child-Pugh class must be A, B or C."),
    };
}
