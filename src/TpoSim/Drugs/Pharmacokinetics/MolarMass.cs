namespace TpoSim.Drugs.Pharmacokinetics;

/// <summary>A molar mass and where it comes from.</summary>
/// <param name="GramsPerMole">g/mol.</param>
/// <param name="Source">Formula or citation.</param>
public sealed record MolarMass(double GramsPerMole, string Source);
