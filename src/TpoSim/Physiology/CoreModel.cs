using TpoSim.Drugs.Modules;
using TpoSim.Model;
using TpoSim.Physiology.V2;
using TpoSim.Scenarios;

namespace TpoSim.Physiology;

/// <summary>
/// One version of the TPO–platelet core as data: how to build its definition, where its drug modules and its parameters
/// come from, and how a condition preset becomes its parameter values. A scenario names it (<c>"model": "v1"</c> or
/// <c>"v2"</c>); <see cref="TpoModelAssembly"/> composes and compiles it, and everything downstream (plan, solver, writers)
/// reads it only through the shared contract every core meets:
/// <list type="bullet">
/// <item>the observables of <see cref="CoreModelDefinition"/> (platelets, tpoFreeObserved, megakaryocyteMass, …) with the
/// same units (<c>V2ObservableContractTests</c>);</item>
/// <item>state roles by name: the whole-body platelet age chain <c>plateletAge1…N</c> (10^9/L of blood), contiguous, and
/// free plasma TPO <c>tpoFree</c> (pM);</item>
/// <item>the parameters <c>bloodVolumePerKg</c>, <c>plasmaVolumePerKg</c> and the covariates of
/// <see cref="CoreModelDefinition.Covariates"/>, which the drug modules' PK reads.</item>
/// </list>
/// </summary>
/// <param name="Name">Name in scenarios ("v1", "v2").</param>
/// <param name="Title">One line for tables and reports.</param>
/// <param name="Create">The core definition for an age group (drug modules are composed onto it).</param>
/// <param name="FindModule">The drug module of a PK-model name (<see cref="DrugModuleCatalog"/> names), or null when this core has none.</param>
/// <param name="Registry">Every parameter of the core and of its drug modules a scenario may set by name, with its literature value (before any shipped calibration).</param>
/// <param name="ConditionValues">
/// The parameter values a condition preset sets in this core, or null when the core reads the v1 catalogue
/// (<see cref="Parameters.ParameterCatalog"/>, conditions applied as <see cref="Conditions.ConditionDefinition"/>s).
/// </param>
/// <param name="Supports">Why a scenario feature is not available in this core (one line), or null when it is.</param>
/// <param name="Procedures">The names of the parameters and states the procedures act on.</param>
public sealed record CoreModel(
    string Name,
    string Title,
    Func<AgeGroup, ModelDefinition> Create,
    Func<string, DrugModule?> FindModule,
    IReadOnlyDictionary<string, ModelParameter> Registry,
    Func<ConditionChoice, IReadOnlyDictionary<string, double>>? ConditionValues,
    Func<ScenarioEvent, string?> Supports,
    Procedures.ProcedureTargets Procedures)
{
    /// <summary>Name prefix of the platelet age states (<c>plateletAge1</c> … <c>plateletAgeN</c>).</summary>
    public const string PlateletAgePrefix = "plateletAge";

    /// <summary>Name of the free plasma TPO state, pM.</summary>
    public const string FreeTpoState = "tpoFree";

    /// <summary>True when this core takes the v1 catalogue's parameter set (conditions as catalogue edits).</summary>
    public bool ReadsCatalogue => ConditionValues is null;

    /// <summary>
    /// Model v1: the hand-tuned core (<see cref="CoreModelDefinition"/>), the v1 catalogue and drug modules. The default, until
    /// v2 is calibrated with <c>tposim calibrate</c> and passes its validation set (docs/model-v2.md).
    /// </summary>
    public static CoreModel V1 { get; } = new("v1", "model v1 (hand-tuned core)", CoreModelDefinition.Create, DrugModuleCatalog.Find,
        TpoModelAssembly.AllParameters, null, _ => null, TpoSim.Procedures.ProcedureTargets.V1);

    /// <summary>
    /// Model v2: the receptor-physiology core (<see cref="CoreModelV2Definition"/>: one c-Mpl pool, finite platelet capacity,
    /// expansion by one receptor Emax), its own drug modules (<see cref="V2DrugModuleCatalog"/>) and conditions
    /// (<see cref="V2ConditionCatalog"/>). v2 has one definition for every age: the neonate preset sets its own physiology.
    /// </summary>
    public static CoreModel V2 { get; } = new("v2", "model v2 (receptor-physiology core)", _ => Shipped(CoreModelV2Definition.Create()),
        name => V2DrugModuleCatalog.Find(name) is { } m ? m with { Definition = Shipped(m.Definition) } : null,
        BuildRegistry(CoreModelV2Definition.Create(), V2DrugModuleCatalog.All),
        c => V2ConditionCatalog.Get(c.Name)?.Overrides(c.Severity, c.Options) ?? throw new ArgumentException($"Condition '{c.Name}' has no model v2 mapping."),
        _ => null, TpoSim.Procedures.ProcedureTargets.V2);

    /// <summary>
    /// A v2 definition with the values of <see cref="Calibration.ShippedParameters.V2"/> (validation/parameters-v2.json, written by
    /// <c>tposim calibrate</c> on the v2 calibration cases); <see cref="Registry"/> keeps the literature values calibrate starts from.
    /// </summary>
    private static ModelDefinition Shipped(ModelDefinition definition) =>
        Calibration.ShippedParameters.V2.Values.Count == 0 ? definition : definition with { Parameters = Calibration.ShippedParameters.V2.Apply(definition.Parameters) };

    /// <summary>Every core, the default first.</summary>
    public static IReadOnlyList<CoreModel> All { get; } = [V1, V2];

    /// <summary>The names scenarios accept.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(m => m.Name).ToArray();

    /// <summary>The core called <paramref name="name"/>, or null.</summary>
    public static CoreModel? Get(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>The settable parameter called <paramref name="name"/> (covariates and dose clocks excluded: the patient and the dose events set those), or null.</summary>
    public ModelParameter? Settable(string name) =>
        Registry.TryGetValue(name, out var p) && !IsCovariateOrClock(p) ? p : null;

    private static bool IsCovariateOrClock(ModelParameter p) =>
        CoreModelDefinition.Covariates.Any(c => c.Name == p.Name) || DrugModuleCatalog.All.Any(m => m.LastDoseParameter == p.Name || m.AbsorptionPhaseParameter == p.Name)
        || V2DrugModuleCatalog.All.Any(m => m.LastDoseParameter == p.Name || m.AbsorptionPhaseParameter == p.Name);

    internal static Dictionary<string, ModelParameter> BuildRegistry(ModelDefinition core, IEnumerable<DrugModule> modules)
    {
        var all = new Dictionary<string, ModelParameter>();
        foreach (var p in core.Parameters) all.TryAdd(p.Name, p);
        foreach (var m in modules)
            foreach (var p in m.Definition.Parameters) all.TryAdd(p.Name, p);
        return all;
    }
}
