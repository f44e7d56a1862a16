using System.Collections.Concurrent;
using TpoSim.Dosing;
using TpoSim.Model;
using TpoSim.Numerics.Ode;
using TpoSim.Numerics.Ode.Events;
using TpoSim.Parameters;
using TpoSim.Physiology;
using TpoSim.Simulation;

namespace TpoSim.Drugs.Modules;

/// <summary>
/// One drug module on its own at a fixed platelet count: the same module equations the simulator composes, with the
/// core's states frozen at the healthy set point, the c-Mpl pool (romiplostim's target) held at a given count, and a
/// running AUC appended. This is how the published PK (half-lives, Tmax, exposure ratios, mass balance) is checked
/// apart from the platelet response; doses go in through the simulator's own dose edits.
/// </summary>
public static class PkOnlySimulation
{
    private static readonly ConcurrentDictionary<string, Lazy<AssembledModel>> Cache = new();

    /// <summary>The fixed platelet count that stands in for the c-Mpl pool, 10^9/L.</summary>
    public static ModelParameter FixedPlatelets { get; } = new("pkOnlyPlatelets", 250, "10^9/L", 0, 2000, ParameterKind.PatientControl,
        "Platelet count held fixed in a PK-only run (romiplostim's target-mediated disposition reads it).", "run setting (PK-only runs)");

    /// <summary>Tight tolerances: PK runs are small and the checks compare to 1e-6.</summary>
    public static OdeSolverOptions DefaultOptions { get; } = new() { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12 };

    /// <summary>The PK-only model of <paramref name="pkModel"/>: frozen core ∘ module ∘ AUC state (compiled once, shared).</summary>
    /// <exception cref="ArgumentException">An unknown PK model.</exception>
    public static AssembledModel Model(string pkModel)
    {
        var module = DrugModuleCatalog.Find(pkModel) ?? throw new ArgumentException($"Unknown PK model '{pkModel}'.", nameof(pkModel));
        return Cache.GetOrAdd(pkModel, _ => new Lazy<AssembledModel>(() =>
        {
            var core = CoreModelDefinition.Create(AgeGroup.Adult);
            var frozen = core with
            {
                States = core.States.Select(s => s with { Rate = Expr.Zero }).ToArray(),
                Parameters = [.. core.Parameters, FixedPlatelets],
                Variables = core.Variables.Select(v => v.Name == CoreModelDefinition.DrugSlots.ReceptorPool ? v with { Value = Expr.Parameter(FixedPlatelets.Name) } : v).ToArray(),
            };
            var auc = new ModelDefinition("pk-auc",
                [new StateDefinition("pkOnlyAuc", "ng/mL*day", "Running AUC of the acting concentration.", Expr.Variable(module.ConcentrationVariable), Expr.Zero)],
                [], [], []);
            return new AssembledModel(CoreModel.V1, AgeGroup.Adult, [pkModel], core.States.Count, ModelCompiler.Compile(frozen.Compose(module.Definition).Compose(auc)));
        })).Value;
    }

    /// <summary>Simulates <paramref name="pkModel"/> for <paramref name="patient"/> from day 0 to <paramref name="endDay"/>.</summary>
    /// <param name="pkModel">PK model name (<see cref="DrugModuleCatalog.Names"/>).</param>
    /// <param name="patient">The patient (covariates: weight, sex, ancestry, Child–Pugh score).</param>
    /// <param name="doses">Doses (any order; times ≥ 0); doses after <paramref name="endDay"/> are ignored.</param>
    /// <param name="plateletsE9PerL">Platelet count held fixed, 10^9/L.</param>
    /// <param name="endDay">End of the run, days (&gt; 0).</param>
    /// <param name="outputStepDays">Spacing of the output grid, days (&gt; 0).</param>
    /// <param name="overrides">PK or PD parameter values by name, or null.</param>
    /// <param name="withPolyvalentCations">Every dose taken with polyvalent cations (eltrombopag's lower absorbed fraction).</param>
    /// <exception cref="ArgumentException">A bad span, a negative dose time, a route the module does not take, or an unknown override.</exception>
    public static PkProfile Simulate(string pkModel, Patient patient, IEnumerable<Dose> doses, double plateletsE9PerL, double endDay, double outputStepDays,
        IReadOnlyDictionary<string, double>? overrides = null, bool withPolyvalentCations = false)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(doses);
        if (!(double.IsFinite(endDay) && endDay > 0)) throw new ArgumentException($"endDay {endDay} must be finite and > 0.", nameof(endDay));
        if (!(double.IsFinite(outputStepDays) && outputStepDays > 0)) throw new ArgumentException($"outputStepDays {outputStepDays} must be > 0.", nameof(outputStepDays));
        if (!FixedPlatelets.Allows(plateletsE9PerL)) throw new ArgumentException($"platelets {plateletsE9PerL} must be in {FixedPlatelets.RangeText}.", nameof(plateletsE9PerL));
        var model = Model(pkModel);
        var drug = model.Drugs[0].Drug;
        var p = TpoModelAssembly.Parameters(model.Compiled, ParameterSet.Default, patient, overrides);
        p[model.Index(FixedPlatelets.Name)] = plateletsE9PerL;
        var y0 = model.HealthyState(p);
        var events = new List<TimeEvent>();
        foreach (var dose in doses.OrderBy(d => d.TimeDays))
        {
            if (!(double.IsFinite(dose.TimeDays) && dose.TimeDays >= 0)) throw new ArgumentException($"Dose time {dose.TimeDays} must be finite and ≥ 0.", nameof(doses));
            if (dose.TimeDays > endDay) continue;
            foreach (var (day, what, edit, _) in Simulator.DoseEdits(model, p, drug, dose.Route, dose.TimeDays, dose.Micrograms(patient.BodyWeightKg), withPolyvalentCations, endDay))
                events.Add(new TimeEvent(day, edit.Apply, $"{drug} {dose.Amount} {DoseUnits.Symbol(dose.Unit)}{what}"));
        }
        var order = events.Select((e, i) => (e, i)).OrderBy(x => x.e.Time).ThenBy(x => x.i).Select(x => x.e).ToArray();
        var grid = Simulator.Grid(endDay, outputStepDays);
        var solution = SolverRegistry.Default.Solve(model.Problem(p, y0, 0, endDay), DefaultOptions with { SaveAt = grid, KeepSteps = true }, new EventSet(order, []));
        return new PkProfile(model, p, solution);
    }
}

/// <summary>The result of <see cref="PkOnlySimulation.Simulate"/>: concentrations on the output grid, dense output in between, and AUC.</summary>
public sealed class PkProfile
{
    private readonly AssembledModel _model;
    private readonly double[] _p;
    private readonly OdeSolution _solution;
    private readonly double[] _buffer;

    internal PkProfile(AssembledModel model, double[] p, OdeSolution solution)
    {
        _model = model;
        _p = p;
        _solution = solution;
        _buffer = new double[model.Dimension];
        Times = solution.SavedTimes.ToArray();
        ConcentrationNgPerMl = Times.Select((t, i) => Concentration(t, solution.SavedStateAt(i))).ToArray();
    }

    /// <summary>Solver status.</summary>
    public SolverStatus Status => _solution.Status;

    /// <summary>True when the whole span was simulated.</summary>
    public bool Succeeded => _solution.Succeeded;

    /// <summary>What went wrong, when the solve failed.</summary>
    public string Diagnostic => _solution.Diagnostic;

    /// <summary>Output grid, days.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>Acting plasma concentration on the grid, ng/mL (free drug for romiplostim).</summary>
    public IReadOnlyList<double> ConcentrationNgPerMl { get; }

    /// <summary>AUC of the acting concentration from 0 to the end, ng·day/mL (integrated as a state).</summary>
    public double AucNgDayPerMl => _solution.FinalState[_model.Dimension - 1];

    /// <summary>Concentration at any day of the span (dense output), ng/mL.</summary>
    public double ConcentrationAt(double day)
    {
        _solution.Interpolate(day, _buffer);
        return Concentration(day, _buffer);
    }

    /// <summary>The drug's own states (µg) at <paramref name="day"/>, in module order.</summary>
    public double[] StatesAt(double day)
    {
        _solution.Interpolate(day, _buffer);
        var d = _model.Drugs[0];
        return _buffer[d.Offset..(d.Offset + d.StateCount)];
    }

    /// <summary>The highest concentration in [<paramref name="fromDay"/>, <paramref name="toDay"/>]: a 2,000-point scan refined by golden-section search.</summary>
    public (double Day, double NgPerMl) Peak(double fromDay, double toDay)
    {
        const int points = 2000;
        var best = fromDay;
        var bestC = ConcentrationAt(fromDay);
        for (var i = 1; i <= points; i++)
        {
            var t = fromDay + (toDay - fromDay) * i / points;
            var c = ConcentrationAt(t);
            if (c > bestC) { bestC = c; best = t; }
        }
        var h = (toDay - fromDay) / points;
        double a = Math.Max(fromDay, best - h), b = Math.Min(toDay, best + h);
        var g = (Math.Sqrt(5) - 1) / 2;
        while (b - a > 1e-7)
        {
            double x1 = b - g * (b - a), x2 = a + g * (b - a);
            if (ConcentrationAt(x1) >= ConcentrationAt(x2)) b = x2; else a = x1;
        }
        var tPeak = 0.5 * (a + b);
        var cPeak = ConcentrationAt(tPeak);
        return cPeak >= bestC ? (tPeak, cPeak) : (best, bestC);
    }

    /// <summary>Log-linear half-life between two days, days.</summary>
    public double HalfLifeBetween(double day1, double day2) =>
        Math.Log(2) * (day2 - day1) / Math.Log(ConcentrationAt(day1) / ConcentrationAt(day2));

    private double Concentration(double day, ReadOnlySpan<double> y) => _model.DrugConcentrations(day, y, _p)[0];
}
