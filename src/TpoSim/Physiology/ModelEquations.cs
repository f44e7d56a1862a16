using TpoSim.Drugs.Modules;
using TpoSim.Model;
using TpoSim.Physiology.V2;

namespace TpoSim.Physiology;

/// <summary>
/// The equations pages of the shipped cores: docs/equations.md (model v1, the default) and docs/equations-v2.md (model v2,
/// with its shipped parameter set), each the adult core and every drug module of that core.
/// </summary>
public static class ModelEquations
{
    /// <summary>The command that prints the page of <paramref name="core"/>.</summary>
    public static string Command(CoreModel core) =>
        core == CoreModel.V1 ? "tposim export equations" : $"tposim export equations --model {core.Name}";

    /// <summary>The repository page that holds the output of <see cref="Command"/>.</summary>
    public static string PagePath(CoreModel core) => core == CoreModel.V1 ? "docs/equations.md" : $"docs/equations-{core.Name}.md";

    /// <summary>Markdown with LaTeX for model v1's core and each module in <see cref="DrugModuleCatalog"/>.</summary>
    public static string Markdown() => Markdown(CoreModel.V1);

    /// <summary>Markdown with LaTeX for <paramref name="core"/> (adult) and each of its drug modules, with the values the core runs.</summary>
    public static string Markdown(CoreModel core)
    {
        ArgumentNullException.ThrowIfNull(core);
        var names = core == CoreModel.V1 ? DrugModuleCatalog.All.Select(m => m.Name) : V2DrugModuleCatalog.All.Select(m => m.Name);
        var modules = names.Select(n => core.FindModule(n)!).Select(m => (m.Name, m.Description, m.Definition));
        return core == CoreModel.V1
            ? EquationDocument.Markdown(core.Create(AgeGroup.Adult), modules)
            : EquationDocument.Markdown(core.Create(AgeGroup.Adult), modules, $"Model {core.Name} equations", Command(core));
    }
}
