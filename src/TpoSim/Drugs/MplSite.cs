namespace TpoSim.Drugs;

/// <summary>Where on c-Mpl a drug binds, which decides whether it competes with TPO.</summary>
public enum MplSite
{
    /// <summary>
    /// TPO's own binding site in the extracellular domain (romiplostim, PEG-rHuMGDF): the drug and TPO compete for
    /// one site, so the site signal is (T/K_T + Σ ε_d·C_d/K_d)/(1 + T/K_T + Σ C_d/K_d) (see <see cref="CompetitiveAgonism"/>).
    /// </summary>
    TpoSite,

    /// <summary>
    /// The juxtamembrane/transmembrane domain (eltrombopag, avatrombopag, lusutrombopag): no competition with TPO,
    /// the drug adds its own ε·C/(EC50 + C) to the TPO-site signal (Kuter DJ, Blood 2007;109:4607).
    /// </summary>
    Transmembrane,

    /// <summary>Not modelled as a site: the hypothetical antagonist acts non-competitively on the whole signal.</summary>
    Unspecified,
}
