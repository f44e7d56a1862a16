using TpoSim.Units;

namespace TpoSim.Physiology;

/// <summary>Observable quantities of the model at one instant.</summary>
/// <param name="PlateletsCirculating">Circulating platelet count, 10^9/L.</param>
/// <param name="PlateletsWholeBody">Whole-body platelets (circulating + splenic pool) per litre of blood, 10^9/L.</param>
/// <param name="TpoFreePicomolar">Free plasma TPO, pM.</param>
/// <param name="MegakaryocyteMassRelative">MK mass relative to healthy (1 = normal).</param>
/// <param name="MegakaryocytesPerKgE6">Maturing megakaryocytes, 10^6 cells per kg body weight.</param>
/// <param name="MplOccupancyPlatelets">Fraction of platelet c-Mpl bound by TPO.</param>
/// <param name="MplOccupancyMegakaryocytes">Fraction of MK c-Mpl bound by TPO.</param>
/// <param name="PlateletProduction">Platelet production, 10^9/L/day (whole-body platelets per litre of blood; Harker's turnover).</param>
/// <param name="MeanPlateletLifespanDays">Mean lifespan of a newly made platelet under the current removal rates, days (equals platelets/removal at steady state).</param>
/// <param name="TpoProductionPicomolarPerDay">TPO synthesis, pM/day.</param>
/// <param name="TpoClearancePicomolarPerDay">TPO elimination (internalisation + non-receptor clearance), pM/day.</param>
/// <param name="Sources">TPO synthesis by source, pM/day.</param>
public readonly record struct ModelOutputs(
    double PlateletsCirculating,
    double PlateletsWholeBody,
    double TpoFreePicomolar,
    double MegakaryocyteMassRelative,
    double MegakaryocytesPerKgE6,
    double MplOccupancyPlatelets,
    double MplOccupancyMegakaryocytes,
    double PlateletProduction,
    double MeanPlateletLifespanDays,
    double TpoProductionPicomolarPerDay,
    double TpoClearancePicomolarPerDay,
    TpoSources Sources)
{
    /// <summary>
    /// TPO's molar mass the core states, g/mol: v1's <see cref="TpoUnits.TpoMolarMassGramsPerMole"/> (60 kDa), v2's
    /// <c>tpoMolarMass</c> parameter (the ≈35 kDa polypeptide). 0 means v1's.
    /// </summary>
    public double TpoMolarMassGramsPerMole { get; init; }

    /// <summary>Free plasma TPO, pg/mL, with the core's molar mass (<see cref="TpoMolarMassGramsPerMole"/>).</summary>
    public double TpoFreePicogramsPerMl => TpoMolarMassGramsPerMole > 0 ? TpoFreePicomolar * TpoMolarMassGramsPerMole / 1000.0 : TpoUnits.PicomolarToPicogramsPerMl(TpoFreePicomolar);
}

/// <summary>TPO synthesis by source, pM/day.</summary>
/// <param name="Liver">Hepatic (constitutive × liver function × Ashwell–Morell drive × multiplier).</param>
/// <param name="Kidney">Renal.</param>
/// <param name="Spleen">Splenic (neonates).</param>
/// <param name="Stroma">Marrow stroma.</param>
public readonly record struct TpoSources(double Liver, double Kidney, double Spleen, double Stroma);
