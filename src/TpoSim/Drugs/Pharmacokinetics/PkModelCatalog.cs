namespace TpoSim.Drugs.Pharmacokinetics;

/// <summary>The PK models by name, for scenarios and the CLI.</summary>
public static class PkModelCatalog
{
    /// <summary>Model names accepted by <see cref="Create"/>: the drug name, or drug-population for a variant.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["romiplostim", "romiplostim-itp", "eltrombopag", "eltrombopag-itp", "avatrombopag", "lusutrombopag", "peg-rhumgdf", "mpl-antagonist"];

    /// <summary>
    /// The published PK variants of <paramref name="drug"/> a scenario can select (its <c>pk</c> field), the drug's default
    /// first; empty for a drug without a PK model (rhTPO). Romiplostim: healthy subjects (Wang 2010) or ITP (Petrov 2025);
    /// eltrombopag: healthy / chronic liver disease (Farrell 2014) or ITP disposition (Gibiansky 2011).
    /// </summary>
    public static IReadOnlyList<string> VariantsOf(string drug) => drug switch
    {
        "romiplostim" => ["romiplostim", "romiplostim-itp"],
        "eltrombopag" => ["eltrombopag", "eltrombopag-itp"],
        _ => Names.Contains(drug) ? [drug] : [],
    };

    /// <summary>The drugs with more than one published PK variant.</summary>
    public static IReadOnlyList<string> DrugsWithVariants { get; } = ["romiplostim", "eltrombopag"];

    /// <summary>Builds the model called <paramref name="name"/> for a patient, with optional parameter overrides by name.</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the known ones), bad covariates or overrides.</exception>
    public static IPharmacokineticModel Create(string name, PkCovariates? covariates = null, IReadOnlyDictionary<string, double>? overrides = null) => name switch
    {
        "romiplostim" => new RomiplostimPk(covariates, overrides),
        "romiplostim-itp" => new RomiplostimItpPk(covariates, overrides),
        "eltrombopag" => new EltrombopagPk(covariates, EltrombopagPopulation.Healthy, overrides),
        "eltrombopag-itp" => new EltrombopagPk(covariates, EltrombopagPopulation.Itp, overrides),
        "avatrombopag" => new AvatrombopagPk(covariates, overrides),
        "lusutrombopag" => new LusutrombopagPk(covariates, overrides),
        "peg-rhumgdf" => new PegRhuMgdfPk(covariates, overrides),
        "mpl-antagonist" => new HypotheticalMplAntagonistPk(covariates, overrides),
        _ => throw new ArgumentException($"Unknown PK model '{name}'. Known: {string.Join(", ", Names)}.", nameof(name)),
    };
}
