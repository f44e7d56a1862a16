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
    /// <summary>Free plasma TPO, pg/mL (molar mass <see cref="TpoUnits.TpoMolarMassGramsPerMole"/>).</summary>
    public double TpoFreePicogramsPerMl => TpoUnits.PicomolarToPicogramsPerMl(TpoFreePicomolar);
}

/// <summary>TPO synthesis by source, pM/day.</summary>
/// <param name="Liver">Hepatic (constitutive × liver function × Ashwell–Morell drive × multiplier).</param>
/// <param name="Kidney">Renal.</param>
/// <param name="Spleen">Splenic (neonates).</param>
/// <param name="Stroma">Marrow stroma.</param>
public readonly record struct TpoSources(double Liver, double Kidney, double Spleen, double Stroma);
