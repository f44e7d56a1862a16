namespace TpoSim.Drugs;

/// <summary>
/// Occupancy–response of one receptor site shared by TPO and competing agonists. With rapid binding equilibrium each
/// ligand i occupies the fraction (C_i/K_i)/(1 + Σ_j C_j/K_j) of the sites (Gaddum's equation for competing ligands),
/// and the response is the efficacy-weighted sum of occupancies (Stephenson RP, Br J Pharmacol 1956;11:379; the
/// hyperbolic case of Black JW &amp; Leff P, Proc R Soc Lond B 1983;220:141):
/// S = (T/K_T + Σ ε_d·C_d/K_d)/(1 + T/K_T + Σ C_d/K_d), TPO's efficacy being 1 by definition.
/// </summary>
/// <remarks>
/// Consequences a test can check: with drug at K_d and TPO at K_T, S = (1 + ε)/3; for ε = 1 the drug acts exactly as
/// the same molar amount of TPO; a drug of ε above TPO's raises S while one below lowers it (a partial agonist
/// antagonises TPO); and raising TPO shrinks the drug's increment, the signature of competition.
/// </remarks>
public static class CompetitiveAgonism
{
    /// <summary>
    /// Site signal S in [0, max(1, ε)], written multiplied through by K_T so that without drug it is T/(K_T + T)
    /// bit for bit (both sums zero).
    /// </summary>
    /// <param name="tpo">Free TPO, in the unit of <paramref name="tpoK"/> (pM).</param>
    /// <param name="tpoK">TPO's half-occupancy constant K_T (the model's TPO EC50), pM.</param>
    /// <param name="drugRatio">Σ C_d/K_d over the site's drugs (dimensionless, ≥ 0).</param>
    /// <param name="drugEfficacyRatio">Σ ε_d·C_d/K_d over the site's drugs (dimensionless, ≥ 0).</param>
    public static double SiteSignal(double tpo, double tpoK, double drugRatio, double drugEfficacyRatio) =>
        (tpo + tpoK * drugEfficacyRatio) / (tpoK + tpo + tpoK * drugRatio);
}
