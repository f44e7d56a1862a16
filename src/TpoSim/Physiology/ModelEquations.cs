using TpoSim.Drugs.Modules;
using TpoSim.Model;

namespace TpoSim.Physiology;

/// <summary>The equations page of the shipped model (docs/equations.md): the adult core model and every drug module.</summary>
public static class ModelEquations
{
    /// <summary>Markdown with LaTeX for the core model and each module in <see cref="DrugModuleCatalog"/>.</summary>
    public static string Markdown() =>
        EquationDocument.Markdown(CoreModelDefinition.Create(AgeGroup.Adult),
            DrugModuleCatalog.All.Select(m => (m.Name, m.Description, m.Definition)));
}
