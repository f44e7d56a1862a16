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

    /// <summary>The definition for <paramref name="ageGroup"/> with the modules of <paramref name="pkModels"/> appended.</summary>
    /// <exception cref="ArgumentException">An unknown or repeated PK model.</exception>
    public static ModelDefinition Definition(AgeGroup ageGroup, IReadOnlyList<string> pkModels)
    {
        ArgumentNullException.ThrowIfNull(pkModels);
        var model = CoreModelDefinition.Create(ageGroup);
        foreach (var name in pkModels)
        {
            var module = DrugModuleCatalog.Find(name)
                ?? throw new ArgumentException($"Unknown PK model '{name}'. Known: {string.Join(", ", DrugModuleCatalog.All.Select(m => m.Name))}.", nameof(pkModels));
            model = model.Compose(module.Definition);
        }
        return model;
    }

    /// <summary>The compiled model for this structure (compiled on first use, then shared).</summary>
    public static CompiledModel Compile(AgeGroup ageGroup, IReadOnlyList<string> pkModels) => Assemble(ageGroup, pkModels).Compiled;

    /// <summary>The assembled model for this structure: compiled on first use, then shared by every run and thread.</summary>
    /// <exception cref="ArgumentException">An unknown or repeated PK model.</exception>
    public static AssembledModel Assemble(AgeGroup ageGroup, IReadOnlyList<string> pkModels)
    {
        ArgumentNullException.ThrowIfNull(pkModels);
        if (pkModels.Distinct().Count() != pkModels.Count) throw new ArgumentException("A PK model is listed twice.", nameof(pkModels));
        var key = $"{ageGroup}|{string.Join(",", pkModels)}";
        var models = pkModels.ToArray();
        return Cache.GetOrAdd(key, _ => new Lazy<AssembledModel>(() => new AssembledModel(ageGroup, models, ModelCompiler.Compile(Definition(ageGroup, models))))).Value;
    }

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

    private static Dictionary<string, ModelParameter> BuildAllParameters()
    {
        var all = new Dictionary<string, ModelParameter>();
        foreach (var p in CoreModelDefinition.Create(AgeGroup.Adult).Parameters) all.TryAdd(p.Name, p);
        foreach (var m in DrugModuleCatalog.All)
            foreach (var p in m.Definition.Parameters) all.TryAdd(p.Name, p);
        return all;
    }

    /// <summary>
    /// The parameter vector of <paramref name="model"/> for a patient: registry defaults, the catalogue values of
    /// <paramref name="parameters"/> (conditions and overrides applied), the patient's covariates, then
    /// <paramref name="overrides"/> by name (PK and PD parameters included), then the derived parameters.
    /// </summary>
    /// <exception cref="ArgumentException">An override names no parameter of the model, or is outside its range.</exception>
    public static double[] Parameters(CompiledModel model, ParameterSet parameters, Patient patient, IReadOnlyDictionary<string, double>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(patient);
        var p = model.CreateParameters();
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
        foreach (var (name, value) in overrides ?? new Dictionary<string, double>())
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
