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
/// <param name="EastAsian">East Asian ancestry (eltrombopag CL/F × 0.476, Farrell 2014; label start dose halved).</param>
/// <param name="ChildPughScore">Child–Pugh score 5–13 with chronic liver disease (eltrombopag CL/F), or null without liver disease.</param>
public sealed record Patient(double BodyWeightKg = 70, Sex Sex = Sex.Female, AgeGroup AgeGroup = AgeGroup.Adult, bool EastAsian = false, double? ChildPughScore = null)
{
    /// <summary>Allowed body weight range, kg (a 2 kg newborn to 250 kg).</summary>
    public const double MinWeightKg = 0.5, MaxWeightKg = 250;
}
