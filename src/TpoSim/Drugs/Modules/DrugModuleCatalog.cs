namespace TpoSim.Drugs.Modules;

/// <summary>Every drug module by PK model name; the one list a new drug joins (no switch names a drug).</summary>
public static class DrugModuleCatalog
{
    /// <summary>All modules. A drug's default PK model is the module named after the drug; its other modules are published variants.</summary>
    public static IReadOnlyList<DrugModule> All { get; } =
    [
        RomiplostimModule.Module, RomiplostimItpModule.Module, EltrombopagModule.Healthy, EltrombopagModule.Itp,
        AvatrombopagModule.Module, LusutrombopagModule.Module, PegRhuMgdfModule.Module, MplAntagonistModule.Module,
    ];

    /// <summary>PK model names, in <see cref="All"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(m => m.Name).ToArray();

    /// <summary>The module of PK model <paramref name="name"/>, or null.</summary>
    public static DrugModule? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>
    /// The published PK variants of <paramref name="drug"/> a scenario can select (its <c>pk</c> field), the drug's default
    /// first; empty for a drug without a PK model (rhTPO, which is TPO). Romiplostim: healthy subjects (Wang 2010) or ITP
    /// (Petrov 2025); eltrombopag: healthy / chronic liver disease (Farrell 2014) or ITP disposition (Gibiansky 2011).
    /// </summary>
    public static IReadOnlyList<string> VariantsOf(string drug) =>
        All.Where(m => m.Drug == drug).OrderBy(m => m.Name == drug ? 0 : 1).Select(m => m.Name).ToArray();

    /// <summary>
    /// The PK and PD parameters a scenario may set for <paramref name="drug"/>'s default module (its dose clock and
    /// absorption phase excluded: the dose events set those), with value, unit, range and source; empty without a module.
    /// </summary>
    public static IReadOnlyList<Model.ModelParameter> ParametersOf(string drug) =>
        Find(drug)?.Definition.Parameters.Where(p => p.Kind != Parameters.ParameterKind.PatientControl).ToArray() ?? [];

    /// <summary>The drugs with more than one published PK variant.</summary>
    public static IReadOnlyList<string> DrugsWithVariants { get; } =
        All.GroupBy(m => m.Drug).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
}
