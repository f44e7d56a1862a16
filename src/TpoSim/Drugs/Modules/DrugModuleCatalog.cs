namespace TpoSim.Drugs.Modules;

/// <summary>Every drug module by PK model name; the one list a new drug joins (no switch names a drug).</summary>
public static class DrugModuleCatalog
{
    /// <summary>All modules, in <see cref="Pharmacokinetics.PkModelCatalog.Names"/> order.</summary>
    public static IReadOnlyList<DrugModule> All { get; } =
    [
        RomiplostimModule.Module, RomiplostimItpModule.Module, EltrombopagModule.Healthy, EltrombopagModule.Itp,
        AvatrombopagModule.Module, LusutrombopagModule.Module, PegRhuMgdfModule.Module, MplAntagonistModule.Module,
    ];

    /// <summary>The module of PK model <paramref name="name"/>, or null.</summary>
    public static DrugModule? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}
