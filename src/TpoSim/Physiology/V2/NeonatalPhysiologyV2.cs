namespace TpoSim.Physiology.V2;

/// <summary>
/// The neonate in model v2: physiology of its own (parameter values for a term newborn), not the adult set point.
/// The adult set point is derived as usual; these patient controls then move the newborn away from it.
/// </summary>
public static class NeonatalPhysiologyV2
{
    /// <summary>Overrides by parameter name, each with its reason (docs/model-v2.md).</summary>
    public static IReadOnlyDictionary<string, double> Overrides { get; } = new Dictionary<string, double>
    {
        // assumed: standard term-newborn values (blood ≈85 mL/kg, haematocrit ≈0.55 → plasma ≈38 mL/kg).
        ["bodyWeight"] = 3.5,
        ["bloodVolumePerKg"] = 85,
        ["plasmaVolumePerKg"] = 38,
        // assumed: the liver is ≈4–5% of body weight at birth against ≈2–2.5% in adults, and hepatocytes make TPO in
        // proportion to their mass (Wolber EM et al. Blood 1999;94:97: the fetal/neonatal liver makes ≈95% of TPO mRNA).
        ["liverMassRelative"] = 2,
        // calibrated on V2-neonate-platelets (a term newborn's count ≈250 ×10^9/L; cord blood 265 ± 64, Matsubara K et
        // al. Br J Haematol 2001;115:963): neonatal MKs are small and of low ploidy and shed fewer platelets each
        // (Sola-Visner M, Hematology ASH Educ Program 2012;2012:506).
        ["megakaryocyteSize"] = MegakaryocyteSize,
    };

    /// <summary>Platelet-forming membrane per MK content of a newborn relative to an adult (calibrated, see <see cref="Overrides"/>).</summary>
    public const double MegakaryocyteSize = 0.31;
}
