using TpoSim.Drugs;
using TpoSim.Drugs.Modules;
using TpoSim.Model;
using TpoSim.Parameters;

namespace TpoSim.Physiology.V2;

/// <summary>
/// Every drug module of model v2, under v1's module names (<see cref="DrugModuleCatalog"/>), so that a scenario picks
/// v1 or v2 by swapping the core definition and this catalogue. TPO-site drugs are <see cref="TpoSiteLigand"/>s binding
/// the one c-Mpl pool; the small molecules are <see cref="TransmembraneLigand"/>s reusing v1's PK unchanged.
/// </summary>
public static class V2DrugModuleCatalog
{
    /// <summary>Romiplostim (Wang 2010 PK, target-mediated disposition through the one c-Mpl pool).</summary>
    public static DrugModule Romiplostim { get; } = TpoSiteLigandModule.Build(TpoSiteLigand.Romiplostim, RomiplostimModule.Module.Name);

    /// <summary>PEG-rHuMGDF (TPO's binding, de Boer 2000 half-life).</summary>
    public static DrugModule PegRhuMgdf { get; } = TpoSiteLigandModule.Build(TpoSiteLigand.PegRhuMgdf, PegRhuMgdfModule.Module.Name);

    /// <summary>The hypothetical c-Mpl antagonist at TPO's site (efficacy 0).</summary>
    public static DrugModule Antagonist { get; } = TpoSiteLigandModule.Build(TpoSiteLigand.Antagonist, MplAntagonistModule.Module.Name);

    /// <summary>
    /// Eltrombopag's potency in v2: Farrell 2014's linear PD slope, the measurement v1's EC50 was derived from (with v1's
    /// ε = 3 and Emax, which v2 does not have; keeping v1's EC50 would make the drug 3× weaker than the data it came from).
    /// </summary>
    public static ModelParameter EltrombopagSlope { get; } = new("eltrombopagSlope", 6.48e-4, "mL/ng", 1e-7, 1, ParameterKind.Mechanism,
        "Initial slope of the thrombopoietic stimulation in total plasma eltrombopag at health (v2 derives the transmembrane-site constant from it).",
        "Farrell C et al. Br J Clin Pharmacol 2014;77:717: linear drug effect SLOP 0.648 mL/µg on precursor production, healthy subjects and CLD (a PK/PD model of platelets without TPO feedback, so an open-loop slope, taken at health where the loop is at its set point)");

    /// <summary>Eltrombopag, healthy disposition (Farrell 2014 PK).</summary>
    public static TransmembraneLigand Eltrombopag { get; } = new(EltrombopagModule.Healthy, DrugEffects.EltrombopagEc50.Name, EltrombopagSlope);

    /// <summary>Eltrombopag, ITP disposition (Gibiansky 2011 PK).</summary>
    public static TransmembraneLigand EltrombopagItp { get; } = new(EltrombopagModule.Itp, DrugEffects.EltrombopagEc50.Name, EltrombopagSlope);

    /// <summary>Avatrombopag (Liu 2025 PK).</summary>
    public static TransmembraneLigand Avatrombopag { get; } = new(AvatrombopagModule.Module, DrugEffects.AvatrombopagEc50.Name);

    /// <summary>Lusutrombopag (Katsube 2016 PK).</summary>
    public static TransmembraneLigand Lusutrombopag { get; } = new(LusutrombopagModule.Module, DrugEffects.LusutrombopagEc50.Name);

    /// <summary>The small-molecule (transmembrane-site) ligands.</summary>
    public static IReadOnlyList<TransmembraneLigand> TransmembraneLigands { get; } = [Eltrombopag, EltrombopagItp, Avatrombopag, Lusutrombopag];

    /// <summary>All v2 modules (rhTPO has no v1 module: v1 doses it as a state edit). v1's romiplostim-itp (Petrov 2025, linear 1-cmt) has no v2 module: in v2 romiplostim's
    /// disposition is its binding to the patient's own c-Mpl pool, so one module serves healthy subjects and ITP.</summary>
    public static IReadOnlyList<DrugModule> All { get; } =
        [Romiplostim, PegRhuMgdf, Antagonist, .. TransmembraneLigands.Select(t => t.Build()), RhTpoModule.Module];

    /// <summary>The v2 module of v1 module name <paramref name="name"/>, or null.</summary>
    public static DrugModule? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>The v2 core with <paramref name="modules"/> composed onto it.</summary>
    public static ModelDefinition Compose(IEnumerable<DrugModule> modules) =>
        modules.Aggregate(CoreModelV2Definition.Create(), (model, m) => model.Compose(m.Definition));
}
