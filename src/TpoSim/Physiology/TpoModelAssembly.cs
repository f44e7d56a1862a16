using System.Collections.Concurrent;
using TpoSim.Drugs.Modules;
using TpoSim.Model;
using TpoSim.Parameters;

namespace TpoSim.Physiology;

/// <summary>
/// Composes the declarative model a scenario needs, the core (<see cref="CoreModelDefinition"/>) plus the module of each
/// dosed drug in order (<see cref="DrugModuleCatalog"/>), compiles it once per structure (age group and PK models) and
/// fills parameter vectors for patients. Compiled models are cached and shared: they are immutable.
/// </summary>
public static class TpoModelAssembly
{
    private static readonly ConcurrentDictionary<string, Lazy<AssembledModel>> Cache = new();

    /// <summary>The v1 definition for <paramref name="ageGroup"/> with the modules of <paramref name="pkModels"/> appended.</summary>
    /// <exception cref="ArgumentException">An unknown or repeated PK model.</exception>
    public static ModelDefinition Definition(AgeGroup ageGroup, IReadOnlyList<string> pkModels) => Definition(CoreModel.V1, ageGroup, pkModels);

    /// <summary>The definition of <paramref name="core"/> for <paramref name="ageGroup"/> with its modules of <paramref name="pkModels"/> appended.</summary>
    /// <exception cref="ArgumentException">An unknown PK model, or one this core has no module for.</exception>
    public static ModelDefinition Definition(CoreModel core, AgeGroup ageGroup, IReadOnlyList<string> pkModels)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(pkModels);
        var model = core.Create(ageGroup);
        foreach (var name in pkModels) model = model.Compose(Module(core, name).Definition);
        return model;
    }

    /// <summary>The module of PK model <paramref name="name"/> in <paramref name="core"/>.</summary>
    /// <exception cref="ArgumentException">None.</exception>
    public static DrugModule Module(CoreModel core, string name)
    {
        ArgumentNullException.ThrowIfNull(core);
        return core.FindModule(name)
            ?? throw new ArgumentException($"PK model '{name}' has no module in {core.Title}. Known: {string.Join(", ", DrugModuleCatalog.All.Select(m => m.Name).Where(n => core.FindModule(n) is not null))}.", nameof(name));
    }

    /// <summary>The compiled v1 model for this structure (compiled on first use, then shared).</summary>
    public static CompiledModel Compile(AgeGroup ageGroup, IReadOnlyList<string> pkModels) => Assemble(ageGroup, pkModels).Compiled;

    /// <summary>The assembled v1 model for this structure: compiled on first use, then shared by every run and thread.</summary>
    /// <exception cref="ArgumentException">An unknown or repeated PK model.</exception>
    public static AssembledModel Assemble(AgeGroup ageGroup, IReadOnlyList<string> pkModels) => Assemble(CoreModel.V1, ageGroup, pkModels);

    /// <summary>The assembled model of <paramref name="core"/> for this structure: compiled on first use, then shared by every run and thread.</summary>
    /// <exception cref="ArgumentException">An unknown or repeated PK model.</exception>
    public static AssembledModel Assemble(CoreModel core, AgeGroup ageGroup, IReadOnlyList<string> pkModels)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(pkModels);
        var key = $"{core.Name}|{ageGroup}|{string.Join(",", pkModels)}";
        // A structure in the cache was checked when it was added (a population assembles per candidate).
        if (Cache.TryGetValue(key, out var cached)) return cached.Value;
        if (pkModels.Distinct().Count() != pkModels.Count) throw new ArgumentException("A PK model is listed twice.", nameof(pkModels));
        var models = pkModels.ToArray();
        return Cache.GetOrAdd(key, _ => new Lazy<AssembledModel>(() =>
            new AssembledModel(core, ageGroup, models, core.Create(ageGroup).States.Count, ModelCompiler.Compile(Definition(core, ageGroup, models))))).Value;
    }

    private static readonly Dictionary<string, double> EmptyOverrides = [];

    /// <summary>
    /// Every parameter a scenario may set by name (patient.parameters, setParameter events, populations, fits): the
    /// catalogue, the core's own, the covariates, and every drug module's PK and PD parameters.
    /// </summary>
    public static IReadOnlyDictionary<string, ModelParameter> AllParameters { get; } = BuildAllParameters();

    /// <summary>
    /// The parameters a scenario may set by name beyond the catalogue (<see cref="ParameterCatalog"/>): the core's own
    /// (splenicShareOfAntibodyRemoval) and every drug module's PK and PD parameters, in module order. Covariates and dose
    /// clocks are not among them: the patient record and the dose events set those.
    /// </summary>
    public static IReadOnlyList<ModelParameter> ModelOnlyParameters { get; } = AllParameters.Values
        .Where(p => !ParameterCatalog.TryGet(p.Name, out _) && p.Kind != ParameterKind.PatientControl).ToArray();

    /// <summary>The settable parameter outside the catalogue called <paramref name="name"/> (<see cref="ModelOnlyParameters"/>), or null.</summary>
    public static ModelParameter? ModelOnlyParameter(string name) => ModelOnlyParameters.FirstOrDefault(p => p.Name == name);

    private static Dictionary<string, ModelParameter> BuildAllParameters() =>
        CoreModel.BuildRegistry(CoreModelDefinition.Create(AgeGroup.Adult), DrugModuleCatalog.All);

    /// <summary>
    /// The parameter vector of <paramref name="model"/> for a patient: registry defaults, the catalogue values of
    /// <paramref name="parameters"/> (conditions and overrides applied), the patient's covariates, then
    /// <paramref name="overrides"/> by name (PK and PD parameters included), then the derived parameters.
    /// </summary>
    /// <exception cref="ArgumentException">An override names no parameter of the model, or is outside its range.</exception>
    /// <param name="model">The compiled model.</param>
    /// <param name="parameters">The v1 catalogue values, or null for a core that does not read the catalogue (v2: its registry defaults stand).</param>
    /// <param name="patient">The patient (covariates).</param>
    /// <param name="overrides">Values by name, applied last.</param>
    public static double[] Parameters(CompiledModel model, ParameterSet? parameters, Patient patient, IReadOnlyDictionary<string, double>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(patient);
        var p = model.CreateParameters();
        if (parameters is not null)
            foreach (var d in ParameterCatalog.All) p[model.ParameterIndex(d.Name)] = parameters[d.Id];
        p[model.ParameterIndex("bodyWeight")] = patient.BodyWeightKg;
        p[model.ParameterIndex("female")] = patient.Sex == Sex.Female ? 1 : 0;
        p[model.ParameterIndex("eastAsian")] = patient.EastAsian ? 1 : 0;
        p[model.ParameterIndex("childPughScore")] = patient.ChildPughScore ?? 0;
        // Body weight is not checked here: a drug-free newborn may weigh under the PK models' 2 kg (the parser allows it).
        foreach (var c in CoreModelDefinition.Covariates.Where(c => c != CoreModelDefinition.BodyWeight))
        {
            var value = p[model.ParameterIndex(c.Name)];
            if (!c.Allows(value)) throw new ArgumentException($"Patient covariate {c.Name} = {value} is outside {c.RangeText}.", nameof(patient));
        }
        foreach (var (name, value) in overrides ?? (IReadOnlyDictionary<string, double>)EmptyOverrides)
        {
            var k = model.ParameterIndex(name);
            var definition = k >= 0 && k < model.DeclaredParameterCount ? model.Definition.Parameters[k] : null;
            if (definition is null) throw new ArgumentException($"'{name}' is not a parameter of this model.", nameof(overrides));
            if (!definition.Allows(value)) throw new ArgumentException($"{name} = {value} is outside [{definition.Minimum}, {definition.Maximum}] {definition.Unit}.", nameof(overrides));
            p[k] = value;
        }
        model.DeriveParameters(p);
        return p;
    }
}
