using TpoSim.Drugs.Modules;
using TpoSim.Model;
using TpoSim.Numerics.Ode;
using TpoSim.Parameters;
using TpoSim.Scenarios;

namespace TpoSim.Physiology;

/// <summary>Where a dose by one route goes, evaluated for one parameter vector.</summary>
/// <param name="State">Index of the state the bioavailable amount is added to (µg).</param>
/// <param name="Bioavailability">Fraction absorbed.</param>
/// <param name="LagDays">Absorption lag, days (0 for none).</param>
/// <param name="RateSwitchDays">Time after the dose at which the absorption rate switches, days, or null.</param>
public readonly record struct DoseInput(int State, double Bioavailability, double LagDays, double? RateSwitchDays);

/// <summary>A drug module placed in an assembled model.</summary>
/// <param name="Module">The module (its PK/PD as data).</param>
/// <param name="Offset">Index of the module's first state.</param>
/// <param name="StateCount">Number of the module's states.</param>
/// <param name="ConcentrationObservable">Index of its acting concentration among the observables.</param>
/// <param name="LastDoseParameter">Index in p of the dose clock (the time of the last dose).</param>
/// <param name="AbsorptionPhaseParameter">Index in p of the absorption phase flag (0 early, 1 late), or −1.</param>
public sealed record AssembledDrug(DrugModule Module, int Offset, int StateCount, int ConcentrationObservable, int LastDoseParameter, int AbsorptionPhaseParameter)
{
    /// <summary>The drug's name in scenarios.</summary>
    public string Drug => Module.Drug;
}

/// <summary>
/// The TPO–platelet model of one structure (age group and the PK models of the dosed drugs): the declarative core
/// (<see cref="CoreModelDefinition"/>) with each drug module composed in, compiled once (<see cref="TpoModelAssembly"/>)
/// and shared. Immutable and stateless: every member takes the state y and the parameter vector p explicitly, so one
/// instance serves every patient, subject and thread. It knows no solver; <see cref="Problem"/> states an ODE problem.
/// </summary>
public sealed class AssembledModel
{
    private readonly int[] _catalogueIndex;
    private readonly int _platelets, _wholeBody, _tpo, _mkMass, _occP, _occM, _production, _tpoProduction, _tpoClearance;
    private readonly int _liver, _kidney, _spleen, _stroma, _ageing, _removal;
    private readonly int _bodyWeight, _bloodVolumePerKg, _plasmaVolumePerKg;
    private readonly int _mkMaturation, _plateletsPerMk, _healthyProduction, _megakaryocytesPerKg, _tpoMolarMass;
    private readonly Dictionary<(string Drug, Route Route), ModelFunction> _doseInputs;

    internal AssembledModel(CoreModel core, AgeGroup ageGroup, IReadOnlyList<string> pkModels, int coreStates, CompiledModel compiled)
    {
        Core = core;
        AgeGroup = ageGroup;
        PkModels = pkModels;
        Compiled = compiled;
        _catalogueIndex = ParameterCatalog.All.Select(d => compiled.ParameterIndex(d.Name)).ToArray();
        int O(string name)
        {
            var k = compiled.ObservableNames.ToList().IndexOf(name);
            return k >= 0 ? k : throw new InvalidOperationException($"The model has no observable '{name}'.");
        }
        _platelets = O("platelets");
        _wholeBody = O("plateletsWholeBody");
        _tpo = O("tpoFreeObserved");
        _mkMass = O("megakaryocyteMass");
        _occP = O("mplOccupancyPlatelets");
        _occM = O("mplOccupancyMegakaryocytes");
        _production = O("plateletProduction");
        _tpoProduction = O("tpoProduction");
        _tpoClearance = O("tpoClearance");
        _liver = O("tpoSynthesisLiver");
        _kidney = O("tpoSynthesisKidney");
        _spleen = O("tpoSynthesisSpleen");
        _stroma = O("tpoSynthesisStroma");
        _ageing = O("ageingRate");
        _removal = O("plateletRemovalRate");
        _bodyWeight = compiled.ParameterIndex(CoreModelDefinition.BodyWeight.Name);
        _bloodVolumePerKg = Required(compiled, "bloodVolumePerKg");
        _plasmaVolumePerKg = Required(compiled, "plasmaVolumePerKg");
        // The MK count: v1 from production × maturation ÷ platelets per MK; v2 from its measured MKs per kg at health.
        _mkMaturation = compiled.ParameterIndex("mkMaturationDays");
        _plateletsPerMk = compiled.ParameterIndex("plateletsPerMk");
        _healthyProduction = compiled.ParameterIndex("healthyPlateletProduction");
        _megakaryocytesPerKg = compiled.ParameterIndex("megakaryocytesPerKg");
        _tpoMolarMass = compiled.ParameterIndex("tpoMolarMass");
        FreeTpo = compiled.StateIndex(CoreModel.FreeTpoState);
        FirstPlatelet = compiled.StateIndex(CoreModel.PlateletAgePrefix + "1");
        if (FreeTpo < 0 || FirstPlatelet < 0) throw new InvalidOperationException($"{core.Title} lacks the state roles {CoreModel.FreeTpoState} and {CoreModel.PlateletAgePrefix}1.");
        var n = 0;
        while (compiled.StateIndex(CoreModel.PlateletAgePrefix + (n + 1)) == FirstPlatelet + n) n++;
        PlateletAgeCompartments = n;

        var drugs = new List<AssembledDrug>();
        _doseInputs = [];
        var offset = coreStates;
        foreach (var name in pkModels)
        {
            var module = TpoModelAssembly.Module(core, name);
            var count = module.Definition.States.Count;
            drugs.Add(new AssembledDrug(module, offset, count, O(module.ConcentrationVariable), compiled.ParameterIndex(module.LastDoseParameter),
                module.AbsorptionPhaseParameter is { } phase ? compiled.ParameterIndex(phase) : -1));
            foreach (var route in module.Routes)
            {
                _doseInputs[(module.Drug, route.Route)] = ModelCompiler.CompileParameterExpressions(compiled,
                    [route.Bioavailability, route.LagDays, route.RateSwitchDays ?? Expr.Constant(double.NaN)]);
            }
            offset += count;
        }
        // States after the drugs are allowed (a PK-only run appends its AUC), never fewer.
        if (offset > compiled.Dimension) throw new InvalidOperationException($"Modules hold {offset} states, the compiled model {compiled.Dimension}.");
        Drugs = drugs;
        Structure = compiled.JacobianPattern.Structure;
    }

    /// <summary>The core version (v1, v2) this model was built from.</summary>
    public CoreModel Core { get; }

    /// <summary>Index of free plasma TPO, pM.</summary>
    public int FreeTpo { get; }

    /// <summary>Index of the first platelet age state; the chain is contiguous.</summary>
    public int FirstPlatelet { get; }

    /// <summary>Number of platelet age states.</summary>
    public int PlateletAgeCompartments { get; }

    /// <summary>Age group the structure was built for (neonates split TPO synthesis differently).</summary>
    public AgeGroup AgeGroup { get; }

    /// <summary>The PK models composed in, in state order.</summary>
    public IReadOnlyList<string> PkModels { get; }

    /// <summary>The compiled declarative model.</summary>
    public CompiledModel Compiled { get; }

    /// <summary>Length of the state vector: the core's states plus every drug's.</summary>
    public int Dimension => Compiled.Dimension;

    /// <summary>The composed drugs, in state order.</summary>
    public IReadOnlyList<AssembledDrug> Drugs { get; }

    /// <summary>Structural sparsity of ∂f/∂y, exact (from the symbolic model).</summary>
    public JacobianStructure Structure { get; }

    /// <summary>The composed drug called <paramref name="drug"/>, or null.</summary>
    public AssembledDrug? Drug(string drug) => Drugs.FirstOrDefault(d => d.Drug == drug);

    /// <summary>Index in p of catalogue parameter <paramref name="id"/>, or −1 when this core has no parameter of that name (v2).</summary>
    public int Index(ParameterId id) => _catalogueIndex[(int)id];

    private static int Required(CompiledModel compiled, string name) =>
        compiled.ParameterIndex(name) is var k and >= 0 ? k : throw new InvalidOperationException($"The core has no parameter '{name}' (a drug module's PK reads it).");

    /// <summary>Index in p of the parameter called <paramref name="name"/>, or −1.</summary>
    public int Index(string name) => Compiled.ParameterIndex(name);

    /// <summary>The registry entry of parameter <paramref name="index"/>, or null for a derived parameter.</summary>
    public ModelParameter? ParameterDefinition(int index) => index >= 0 && index < Compiled.DeclaredParameterCount ? Compiled.Definition.Parameters[index] : null;

    /// <summary>The set point for parameters <paramref name="p"/>: the healthy state, drug amounts 0 (analytic).</summary>
    public double[] HealthyState(ReadOnlySpan<double> p)
    {
        var y = new double[Dimension];
        Compiled.InitialState(p, y);
        return y;
    }

    /// <summary>
    /// The ODE problem on [<paramref name="t0"/>, <paramref name="t1"/>] from <paramref name="y0"/> with the analytic sparse
    /// Jacobian; <paramref name="p"/> is the solve's working parameter vector (events edit it).
    /// </summary>
    public OdeProblem Problem(double[] p, ReadOnlyMemory<double> y0, double t0, double t1) =>
        new(Compiled.Derivative, Compiled.Jacobian, p, y0, t0, t1) { Structure = Structure };

    /// <summary>Where a dose of <paramref name="drug"/> by <paramref name="route"/> goes, for parameters <paramref name="p"/>.</summary>
    /// <exception cref="ArgumentException">The drug is not composed in, or has no such route.</exception>
    public DoseInput DoseInputOf(string drug, Route route, ReadOnlySpan<double> p)
    {
        var d = Drug(drug) ?? throw new ArgumentException($"No model for drug {drug}.", nameof(drug));
        if (!_doseInputs.TryGetValue((drug, route), out var f)) throw new ArgumentException($"{drug} has no {route} route.", nameof(route));
        Span<double> v = stackalloc double[3];
        f(0, default, p, v);
        return new DoseInput(Compiled.StateIndex(d.Module.RouteFor(route)!.State), v[0], v[1], double.IsNaN(v[2]) ? null : v[2]);
    }

    /// <summary>Blood volume, L.</summary>
    public double BloodVolumeLitres(ReadOnlySpan<double> p) => p[_bloodVolumePerKg] * p[_bodyWeight] / 1000.0;

    /// <summary>Plasma volume, L (the volume TPO concentrations refer to).</summary>
    public double PlasmaVolumeLitres(ReadOnlySpan<double> p) => p[_plasmaVolumePerKg] * p[_bodyWeight] / 1000.0;

    /// <summary>Adds exogenous TPO (a recombinant TPO bolus, a tracer) to plasma.</summary>
    public void AddTpo(Span<double> y, ReadOnlySpan<double> p, double picomoles) => y[FreeTpo] += picomoles / PlasmaVolumeLitres(p);

    /// <summary>
    /// Adds transfused platelets (×10^9), spread evenly over the age compartments (stored platelets are of mixed age);
    /// they join the whole-body pool, so a third pools in the spleen, as with recovery after transfusion.
    /// </summary>
    public void AddPlatelets(Span<double> y, ReadOnlySpan<double> p, double plateletsE9)
    {
        var share = PlateletsPerCompartment(p, plateletsE9);
        for (var i = FirstPlatelet; i < FirstPlatelet + PlateletAgeCompartments; i++) y[i] += share;
    }

    /// <summary>The per-compartment rise of a transfusion of <paramref name="plateletsE9"/> ×10^9 platelets, 10^9/L.</summary>
    public double PlateletsPerCompartment(ReadOnlySpan<double> p, double plateletsE9) =>
        plateletsE9 / BloodVolumeLitres(p) / PlateletAgeCompartments;

    /// <summary>Every observable at (t, y), in <see cref="CompiledModel.ObservableNames"/> order.</summary>
    public double[] Observables(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> p)
    {
        var o = new double[Compiled.ObservableNames.Count];
        Compiled.ComputeObservables(t, y, p, o);
        return o;
    }

    /// <summary>The circulating platelet count at state <paramref name="y"/>, 10^9/L.</summary>
    public double PlateletsCirculating(ReadOnlySpan<double> y, ReadOnlySpan<double> p)
    {
        Span<double> o = stackalloc double[Compiled.ObservableNames.Count];
        Compiled.ComputeObservables(0, y, p, o);
        return o[_platelets];
    }

    /// <summary>Named outputs with units at state <paramref name="y"/> (t matters only to time-dependent drug rates).</summary>
    public ModelOutputs Outputs(ReadOnlySpan<double> y, ReadOnlySpan<double> p, double t = 0)
    {
        Span<double> o = stackalloc double[Compiled.ObservableNames.Count];
        Compiled.ComputeObservables(t, y, p, o);
        var mkMass = o[_mkMass];
        // MK count: each MK sheds plateletsPerMk platelets at the end of maturation, so MKs in maturation = production·τ/PP.
        var mkCellsHealthy = _megakaryocytesPerKg >= 0 ? p[_megakaryocytesPerKg] * p[_bodyWeight]
            : p[_healthyProduction] * 1e9 * BloodVolumeLitres(p) * p[_mkMaturation] / p[_plateletsPerMk];
        var ageing = o[_ageing];
        return new ModelOutputs(
            PlateletsCirculating: o[_platelets],
            PlateletsWholeBody: o[_wholeBody],
            TpoFreePicomolar: o[_tpo],
            MegakaryocyteMassRelative: mkMass,
            MegakaryocytesPerKgE6: mkMass * mkCellsHealthy / p[_bodyWeight] / 1e6,
            MplOccupancyPlatelets: o[_occP],
            MplOccupancyMegakaryocytes: o[_occM],
            PlateletProduction: o[_production],
            MeanPlateletLifespanDays: MeanResidenceDays(ageing, o[_removal] - ageing, PlateletAgeCompartments),
            TpoProductionPicomolarPerDay: o[_tpoProduction],
            TpoClearancePicomolarPerDay: o[_tpoClearance],
            Sources: new TpoSources(o[_liver], o[_kidney], o[_spleen], o[_stroma])) { TpoMolarMassGramsPerMole = _tpoMolarMass >= 0 ? p[_tpoMolarMass] : 0 };
    }

    /// <summary>
    /// Each composed drug's acting plasma concentration at (t, y), ng/mL (free drug for romiplostim), in <see cref="Drugs"/>
    /// order, clamped at 0: a PK amount a hair below zero (round-off within the absolute tolerance) is an empty compartment.
    /// </summary>
    public double[] DrugConcentrations(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> p)
    {
        var c = new double[Drugs.Count];
        DrugConcentrations(t, y, p, c);
        return c;
    }

    /// <summary>
    /// <see cref="DrugConcentrations(double, ReadOnlySpan{double}, ReadOnlySpan{double})"/> into <paramref name="into"/>
    /// (length <see cref="Drugs"/>.Count), for callers that reuse their arrays.
    /// </summary>
    public void DrugConcentrations(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> p, Span<double> into)
    {
        if (into.Length != Drugs.Count) throw new ArgumentException($"Expected {Drugs.Count} entries, got {into.Length}.", nameof(into));
        if (into.Length == 0) return;
        Span<double> o = stackalloc double[Compiled.ObservableNames.Count];
        Compiled.ComputeObservables(t, y, p, o);
        for (var d = 0; d < into.Length; d++)
        {
            var v = o[Drugs[d].ConcentrationObservable];
            into[d] = double.IsNaN(v) ? v : Math.Max(0, v);
        }
    }

    /// <summary>
    /// Mean residence (days) in an ageing chain of <paramref name="compartments"/> compartments with transit rate
    /// <paramref name="ageing"/> and loss rate <paramref name="loss"/> from each: Σ_{i&lt;N} q^i/(ka + k), q = ka/(ka + k).
    /// This is the mean lifespan of a newly made platelet, what a labelled cohort (¹¹¹In survival, Harker 2000) measures.
    /// Summed term by term, which stays exact for a tiny loss rate where the closed form (1 − q^N)/k cancels to 0.
    /// </summary>
    public static double MeanResidenceDays(double ageing, double loss, int compartments)
    {
        var q = ageing / (ageing + loss);
        double sum = 0, term = 1 / (ageing + loss);
        for (var i = 0; i < compartments; i++)
        {
            sum += term;
            term *= q;
        }
        return sum;
    }
}
