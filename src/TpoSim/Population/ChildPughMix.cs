namespace TpoSim.Population;

/// <summary>Shares of Child-Pugh classes A, B and C in a liver-disease population (they sum to 1).</summary>
/// <param name="A">Share of class A (score 5–6).</param>
/// <param name="B">Share of class B (score 7–9).</param>
/// <param name="C">Share of class C (score 10–15).</param>
public sealed record ChildPughMix(double A, double B, double C)
{
    /// <summary>The class of a uniform draw <paramref name="u"/> in [0, 1): A below A, then B, then C.</summary>
    public string ClassOf(double u) => u < A ? "A" : u < A + B ? "B" : "C";

    /// <summary>
    /// Child–Pugh score used for a class's PK covariate: the middle of the class's range (A 5.5, B 8), C at 12 because
    /// eltrombopag's linear covariate (Farrell 2014) is defined up to 13. Assumed: scores are not given per subject.
    /// </summary>
    public static double ScoreOf(string grade) => grade switch
    {
        "A" => 5.5,
        "B" => 8,
        "C" => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), "Child-Pugh class must be A, B or C."),
    };
}
