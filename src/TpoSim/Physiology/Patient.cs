namespace TpoSim.Physiology;

/// <summary>Biological sex (a covariate for drug PK in later models).</summary>
public enum Sex
{
    /// <summary>Female.</summary>
    Female,
    /// <summary>Male.</summary>
    Male,
}

/// <summary>Age group; neonates make part of their TPO in the spleen (Wolber 1999).</summary>
public enum AgeGroup
{
    /// <summary>Adult.</summary>
    Adult,
    /// <summary>Newborn: liver 95.3% of liver + kidney + spleen TPO.</summary>
    Neonate,
}

/// <summary>Who is simulated.</summary>
/// <param name="BodyWeightKg">Body weight, kg.</param>
/// <param name="Sex">Sex.</param>
/// <param name="AgeGroup">Age group.</param>
/// <param name="EastAsian">East Asian ancestry: a drug-PK covariate (eltrombopag CL/F × 0.476, Farrell 2014) and the
/// eltrombopag label's lower start dose.</param>
/// <param name="ChildPughScore">Child–Pugh score (5–13) when the patient has chronic liver disease, else null: a drug-PK
/// covariate (eltrombopag CL/F); set from the chronicLiverDisease condition by <see cref="ChildPugh.ScoreOf"/>.</param>
public sealed record Patient(double BodyWeightKg = 70, Sex Sex = Sex.Female, AgeGroup AgeGroup = AgeGroup.Adult, bool EastAsian = false, double? ChildPughScore = null)
{
    /// <summary>Allowed body weight range, kg (a 2 kg newborn to 250 kg).</summary>
    public const double MinWeightKg = 0.5, MaxWeightKg = 250;
}

/// <summary>
/// The Child–Pugh score the PK covariates read, from the chronicLiverDisease condition's severity (class A = 1/3,
/// B = 2/3, C = 1): A and B at the middle of their score ranges (5–6 → 5.5, 7–9 → 8), C at 12 because Farrell 2014's
/// linear covariate is defined up to 13 (the same scores as the population sampler's Child-Pugh mix); linear between
/// classes and from score 5 at severity 0⁺.
/// </summary>
public static class ChildPugh
{
    private static readonly (double Severity, double Score)[] Knots = [(0, 5), (1.0 / 3, 5.5), (2.0 / 3, 8), (1, 12)];

    /// <summary>The score at liver-disease severity <paramref name="severity"/> in (0, 1]; null at 0 (no liver disease).</summary>
    public static double? ScoreOf(double severity)
    {
        if (!(severity > 0)) return null;
        var s = Math.Min(severity, 1);
        for (var k = 1; k < Knots.Length; k++)
        {
            if (s <= Knots[k].Severity + 1e-12)
            {
                var (s0, c0) = Knots[k - 1];
                var (s1, c1) = Knots[k];
                return c0 + (c1 - c0) * (s - s0) / (s1 - s0);
            }
        }
        return Knots[^1].Score;
    }
}
