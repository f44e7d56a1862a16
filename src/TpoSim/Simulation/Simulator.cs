using TpoSim.Drugs;
using TpoSim.Numerics.Ode;
using TpoSim.Numerics.Ode.Events;
using TpoSim.Numerics.SteadyState;
using TpoSim.Parameters;
using TpoSim.Physiology;
using TpoSim.Policies;
using TpoSim.Procedures;
using TpoSim.Scenarios;
using TpoSim.Units;

namespace TpoSim.Simulation;

/// <summary>
/// Compiles a scenario (patient, condition, overrides, doses, events) into an ODE problem with time events,
/// runs it from the patient's steady state, and samples the outputs on the grid.
/// </summary>
public static class Simulator
{
    /// <summary>How far the day-0 steady-state search integrates before the 10-year fallback takes over: 10 years, in days.</summary>
    public const double MaxSteadyStateSearchDays = 3650;

    /// <summary>Progress is reported at most once per this many simulated days (long runs only).</summary>
    private const double SegmentDays = 365;

    /// <summary>The catalogue parameter values a scenario asks for: defaults, then the condition, then explicit overrides (PK/PD overrides: <see cref="ParameterVector"/>).</summary>
    public static ParameterSet ParametersFor(Scenario scenario)
    {
        var set = ParameterSet.Default;
        // A core that does not read the catalogue (v2) takes conditions and overrides by name (ParameterVector).
        if (!scenario.Core.ReadsCatalogue) return set;
        foreach (var c in scenario.Conditions)
        {
            var def = Conditions.ConditionCatalog.Get(c.Name) ?? throw new ArgumentException($"Unknown condition '{c.Name}'.");
            set = def.Apply(set, c.Severity, c.Options);
        }
        // One copy for every override (a population subject has a dozen), changed in the scenario's order.
        var edit = set.Edit();
        foreach (var (name, value) in scenario.ParameterOverrides)
        {
            // PK and PD parameters are not in the catalogue set: they enter the model's vector (ParameterVector).
            if (ParameterCatalog.TryGet(name, out var def)) edit.Set(def.Id, value);
            else if (TpoModelAssembly.ModelOnlyParameter(name) is null) throw new ArgumentException($"Unknown parameter '{name}'.");
        }
        // A fluctuating disease activity starts at week 0's value: the day-0 steady state is the patient's state that week.
        if (ActivityFluctuationOf(scenario) is { } fluctuation)
            edit.Set(ParameterId.ItpActivity, Activity(edit[ParameterId.ItpActivity], fluctuation.Multipliers(1)[0]));
        return edit.Build();
    }

    /// <summary>
    /// The day-0 value of the parameter called <paramref name="name"/> in <paramref name="scenario"/>: a catalogue parameter
    /// after conditions and overrides, or a dosed drug's PK/PD parameter (its override, else its PK variant's value);
    /// null for a parameter of a drug the scenario does not dose, or an unknown name. Derived values are not computed.
    /// </summary>
    public static double? DeclaredValue(Scenario scenario, string name)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!scenario.Core.ReadsCatalogue)
        {
            // A core with its own registry (v2): the override, else the last condition's value, else the model's.
            if (scenario.Core.Settable(name) is null) return null;
            if (scenario.ParameterOverrides.TryGetValue(name, out var set)) return set;
            double? fromCondition = null;
            foreach (var c in scenario.Conditions)
                if (scenario.Core.ConditionValues!(c).TryGetValue(name, out var v)) fromCondition = v;
            return fromCondition ?? Assemble(scenario, PatientFor(scenario)).Compiled.Definition.Parameter(name)?.Value;
        }
        if (ParameterCatalog.TryGet(name, out var def)) return ParametersFor(scenario)[def.Id];
        if (TpoModelAssembly.ModelOnlyParameter(name) is null) return null;
        if (scenario.ParameterOverrides.TryGetValue(name, out var value)) return value;
        return Assemble(scenario, PatientFor(scenario)).Compiled.Definition.Parameter(name)?.Value;
    }

    /// <summary>The allowed range of a parameter a scenario on <paramref name="core"/> (default v1) may set by name (catalogue or PK/PD), or null for an unknown name.</summary>
    public static (double Minimum, double Maximum, string Unit)? RangeOf(string name, CoreModel? core = null) =>
        core is { ReadsCatalogue: false } ? (core.Settable(name) is { } v ? (v.Minimum, v.Maximum, v.Unit) : null)
        : ParameterCatalog.TryGet(name, out var def) ? (def.Minimum, def.Maximum, def.Unit)
        : TpoModelAssembly.ModelOnlyParameter(name) is { } m ? (m.Minimum, m.Maximum, m.Unit) : null;

    /// <summary>Nominal activity times a fluctuation multiplier, kept inside the itpActivity range.</summary>
    private static double Activity(double nominal, double multiplier)
    {
        var def = ParameterCatalog.Get(ParameterId.ItpActivity);
        return Math.Clamp(nominal * multiplier, def.Minimum, def.Maximum);
    }

    /// <summary>
    /// The ITP activity fluctuation <paramref name="scenario"/> asks for (the itp condition's activityCv and
    /// activityCorrelationDays, seeded by the scenario's seed), or null when its activity is constant.
    /// </summary>
    public static Conditions.ActivityFluctuation? ActivityFluctuationOf(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var itp = scenario.Conditions.FirstOrDefault(c => c.Name == Conditions.ConditionCatalog.Itp.Name);
        if (itp is null) return null;
        double Option(string name) => itp.Options.TryGetValue(name, out var v) ? v : Conditions.ConditionCatalog.Itp.Options.First(o => o.Name == name).Default;
        var cv = Option(Conditions.ConditionCatalog.ActivityCvOption);
        return cv > 0 ? new Conditions.ActivityFluctuation(cv, Option(Conditions.ConditionCatalog.ActivityCorrelationDaysOption), scenario.Seed) : null;
    }

    /// <summary>
    /// The patient, with the age group a condition implies (neonate) and the Child–Pugh score of a chronicLiverDisease
    /// condition (a drug-PK covariate: <see cref="ChildPugh.ScoreOf"/>).
    /// </summary>
    public static Patient PatientFor(Scenario scenario)
    {
        var patient = scenario.Patient;
        foreach (var c in scenario.Conditions)
        {
            if (Conditions.ConditionCatalog.Get(c.Name)?.ImpliedAgeGroup is { } age) patient = patient with { AgeGroup = age };
            // A score set on the patient (a population draws one per subject) wins over the one the severity implies.
            if (c.Name == Conditions.ConditionCatalog.ChronicLiverDisease.Name)
                patient = patient with { ChildPughScore = patient.ChildPughScore ?? ChildPugh.ScoreOf(c.Severity) };
        }
        return patient;
    }

    /// <summary>
    /// The parameter vector of <paramref name="model"/> for <paramref name="scenario"/>: the catalogue values of
    /// <paramref name="parameters"/>, the patient's covariates, then every override in patient.parameters that names a
    /// parameter outside the catalogue (PK and PD), as far as this model holds it (a drug not dosed has no parameters here).
    /// </summary>
    public static double[] ParameterVector(AssembledModel model, Scenario scenario, ParameterSet parameters, Patient patient)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scenario);
        if (model.Core.ConditionValues is { } conditionValues)
        {
            // A core with its own condition mappings (v2): each condition's values by name, in order, then the scenario's overrides.
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var c in scenario.Conditions)
                foreach (var (name, value) in conditionValues(c)) values[name] = value;
            foreach (var (name, value) in scenario.ParameterOverrides)
                if (model.Index(name) >= 0) values[name] = value;
            // As in v1 (ParametersFor): a fluctuating ITP activity starts at week 0's value, so day 0 is that week's steady state.
            var activity = ParameterCatalog.Get(ParameterId.ItpActivity).Name;
            if (ActivityFluctuationOf(scenario) is { } fluctuation && model.Index(activity) >= 0)
                values[activity] = Activity(values.TryGetValue(activity, out var nominal) ? nominal : 1, fluctuation.Multipliers(1)[0]);
            return TpoModelAssembly.Parameters(model.Compiled, null, patient, values);
        }
        Dictionary<string, double>? modelOverrides = null;
        foreach (var (name, value) in scenario.ParameterOverrides)
            if (!ParameterCatalog.TryGet(name, out _) && model.Index(name) >= 0) (modelOverrides ??= new(StringComparer.Ordinal))[name] = value;
        return TpoModelAssembly.Parameters(model.Compiled, parameters, patient, modelOverrides);
    }

    /// <summary>
    /// The day-0 state: the set point when no patient control differs from healthy, else the steady state of the
    /// patient's model (damped Newton from the set point, with integration as fallback).
    /// </summary>
    /// <param name="model">The assembled model.</param>
    /// <param name="p">Its parameter vector (read only: the steady-state search fires no events).</param>
    public static (double[] State, string Method, string? Failure) InitialState(AssembledModel model, double[] p)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(p);
        var healthy = model.HealthyState(p);
        // The patient controls (not the covariates: the set point holds for any patient) at their declared values.
        var declared = model.Compiled.Definition.Parameters;
        var controlsAtDefault = true;
        for (var k = 0; k < declared.Count; k++)
        {
            if (declared[k].Kind == ParameterKind.PatientControl && !IsCovariate(declared[k].Name) && p[k] != declared[k].Value) controlsAtDefault = false;
        }
        // The set point is exact for any age group: source shares always sum to one.
        if (controlsAtDefault)
            return (healthy, "healthy set point (analytic)", null);
        var options = SteadyStateOptionsFor(model);
        var result = SteadyStateSolver.Solve(model.Problem(p, healthy, 0, 0), options);
        var method = result.Method switch
        {
            SteadyStateMethod.Newton => "steady state (Newton from the healthy set point)",
            SteadyStateMethod.IntegrationThenNewton => "steady state (integration, then Newton)",
            _ => "steady state (integration)",
        };
        if (!result.Converged || !IsPhysical(result.State.Span))
        {
            // Far from health Newton can land on a root with negative concentrations. The physical steady state is the
            // attractor of the dynamics: integrate towards it for ten years, then polish with Newton from there.
            var run = SolverRegistry.Default.Solve(model.Problem(p, healthy, 0, 3650), SolverChoice.DefaultOptions(model.Dimension, model.FirstPlatelet) with { KeepSteps = false });
            if (!run.Succeeded) return (healthy, "steady state (integration)", run.Diagnostic);
            result = SteadyStateSolver.Solve(model.Problem(p, run.FinalState.ToArray(), 0, 0), options);
            method = "steady state (10-year integration, then Newton)";
            if (!result.Converged || !IsPhysical(result.State.Span))
                return (healthy, method, result.Converged ? "the steady state found has negative concentrations" : result.Diagnostic);
        }
        // The solver's state is a fresh array of its own (Newton's iterate or an integration's copy): no second copy.
        return (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(result.State, out var whole) && whole is { Offset: 0, Array: { } array } && whole.Count == array.Length
            ? array : result.State.ToArray(), method, null);
    }

    /// <summary>
    /// Why day 0 has no steady state, with a remedy the user can apply in the scenario (the numerical detail is kept
    /// in parentheses but its solver-option advice, which no scenario can set, is cut).
    /// </summary>
    internal static string NoSteadyStateDiagnostic(Scenario scenario, string failure)
    {
        var cut = failure.IndexOf("; check the parameters", StringComparison.Ordinal);
        var detail = cut > 0 ? failure[..cut] : failure;
        var changed = new List<string>();
        changed.AddRange(scenario.Conditions.Where(c => c.Severity > 0).Select(c => $"condition '{c.Name}' (severity {c.Severity.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)})"));
        changed.AddRange(scenario.ParameterOverrides.Keys.Select(k => $"patient.parameters.{k}"));
        var what = changed.Count > 0 ? string.Join(", ", changed) : "the parameters";
        return $"no steady state for this patient at day 0: with {what} the model has no stable resting state to start from " +
               $"(sustained oscillation or unbounded growth). Remedy: lower the severity, or bring the overridden parameters back towards " +
               $"their defaults ('tposim parameters' lists them). Detail: {detail}";
    }

    private static bool IsPhysical(ReadOnlySpan<double> y)
    {
        foreach (var v in y)
        {
            if (!(v >= -1e-12)) return false;
        }
        return true;
    }

    /// <summary>
    /// Compiles <paramref name="scenario"/> once into a plan: the shared compiled model of its structure, the day-0
    /// parameter vector, the patient, the day-0 steady state, the typed schedule of events and the output grid.
    /// </summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <exception cref="ArgumentException">A parameter override or a dose the model cannot hold (programmer error: the parser rejects them).</exception>
    public static SimulationPlan Compile(Scenario scenario) => CompileFrom(scenario, SolveDayZero(scenario));

    /// <summary>
    /// The day-0 half of <see cref="Compile(Scenario)"/>: parameters, patient, model and steady state, without the events. A
    /// population screens candidates on this and compiles the events only of the one it enrols.
    /// </summary>
    internal static DayZero SolveDayZero(Scenario scenario)
    {
        var (parameters, patient, model, p) = Parts(scenario);
        var (y, method, failure) = InitialState(model, p);
        return new DayZero(parameters, patient, model, p, y, method, failure);
    }

    /// <summary><paramref name="scenario"/>'s assembled model and day-0 parameter vector, without its steady state.</summary>
    internal static (AssembledModel Model, double[] P) ModelAndParameters(Scenario scenario)
    {
        var (_, _, model, p) = Parts(scenario);
        return (model, p);
    }

    private static (ParameterSet Parameters, Patient Patient, AssembledModel Model, double[] P) Parts(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var parameters = ParametersFor(scenario);
        var patient = PatientFor(scenario);
        var model = Assemble(scenario, patient);
        return (parameters, patient, model, ParameterVector(model, scenario, parameters, patient));
    }

    /// <summary>Completes a plan from <paramref name="scenario"/>'s day 0 (<see cref="SolveDayZero"/> of the same scenario): its events and grid.</summary>
    internal static SimulationPlan CompileFrom(Scenario scenario, DayZero dayZero)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(dayZero);
        var (events, timeline) = CompileEvents(scenario, dayZero.Model, dayZero.P);
        return new SimulationPlan(scenario, dayZero.Parameters, dayZero.Patient, dayZero.Model, dayZero.P, dayZero.State, dayZero.Method, dayZero.Failure,
            events, timeline, SharedGrid(scenario.Days, scenario.OutputStepDays));
    }

    /// <summary>A scenario's day 0: catalogue set, patient, assembled model, parameter vector and steady state (or why there is none).</summary>
    internal sealed record DayZero(ParameterSet Parameters, Patient Patient, AssembledModel Model, double[] P, double[] State, string Method, string? Failure)
    {
        /// <summary>Circulating platelets at the day-0 state, 10⁹/L (NaN without a steady state).</summary>
        public double Platelets => Failure is null ? Model.PlateletsCirculating(State, P) : double.NaN;
    }

    /// <summary>Runs <paramref name="scenario"/> (<see cref="Compile"/>, then <see cref="Run(SimulationPlan, string?, IProgress{double}?, CancellationToken, double?)"/>). Numerical failure is reported in the result, never thrown.</summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <param name="solverOverride">Solver name replacing the scenario's, or null.</param>
    /// <param name="progress">Receives the simulated fraction (0–1) after each segment.</param>
    /// <param name="cancellation">Cancels between solver steps.</param>
    /// <param name="relativeTolerance">Relative tolerance replacing <see cref="SolverChoice.DefaultRelativeTolerance"/>, or null.</param>
    public static SimulationResult Run(Scenario scenario, string? solverOverride = null, IProgress<double>? progress = null, CancellationToken cancellation = default,
        double? relativeTolerance = null) =>
        Run(Compile(scenario), solverOverride, progress, cancellation, relativeTolerance);

    /// <summary>
    /// Runs a compiled plan from its day-0 state on copies of its state and parameter vector (the plan is not changed, so
    /// it may be run again or from other threads). Numerical failure is reported in the result, never thrown.
    /// </summary>
    public static SimulationResult Run(SimulationPlan plan, string? solverOverride = null, IProgress<double>? progress = null, CancellationToken cancellation = default,
        double? relativeTolerance = null) =>
        Run(plan, solverOverride, progress, cancellation, relativeTolerance, null);

    /// <summary>The output lists of one run: fresh for a result its caller keeps, else this thread's pooled ones.</summary>
    private sealed class OutputBuffers
    {
        public List<double> Days { get; } = [];
        public List<ModelOutputs> Outputs { get; } = [];
        public List<double[]> Concentrations { get; } = [];

        /// <summary>Concentration arrays of earlier runs, refilled by the next (one per output point of a drug run).</summary>
        private readonly Stack<double[]> _spare = new();

        /// <summary>A concentration array of <paramref name="drugs"/> entries: a spare one when there is one.</summary>
        public double[] RentConcentrations(int drugs) => _spare.TryPeek(out var c) && c.Length == drugs ? _spare.Pop() : new double[drugs];

        /// <summary>Empties the lists for the next run, keeping the concentration arrays as spares.</summary>
        public void Clear()
        {
            foreach (var c in Concentrations) _spare.Push(c);
            Days.Clear();
            Outputs.Clear();
            Concentrations.Clear();
        }
    }

    [ThreadStatic] private static OutputBuffers? t_buffers;

    /// <summary>
    /// Runs <paramref name="plan"/> like <see cref="Run(SimulationPlan, string?, IProgress{double}?, CancellationToken, double?)"/> and
    /// hands the result to <paramref name="reduce"/>, whose return value is returned; the result's output lists are this
    /// thread's, reused by its next run, so the result must not outlive <paramref name="reduce"/>. For callers that keep
    /// only what they compute from a run (a population subject keeps two series and a summary): the ≈ 50 KB of output
    /// records per Kuter 2008 subject are then allocated once per thread, not once per subject.
    /// </summary>
    internal static T RunReduced<T>(SimulationPlan plan, string? solverOverride, CancellationToken cancellation, double? relativeTolerance, Func<SimulationResult, T> reduce)
    {
        ArgumentNullException.ThrowIfNull(reduce);
        var buffers = t_buffers ?? new OutputBuffers();
        t_buffers = null; // a run started from inside reduce gets its own
        try
        {
            return reduce(Run(plan, solverOverride, null, cancellation, relativeTolerance, buffers));
        }
        finally
        {
            buffers.Clear();
            t_buffers = buffers;
        }
    }

    private static SimulationResult Run(SimulationPlan plan, string? solverOverride, IProgress<double>? progress, CancellationToken cancellation,
        double? relativeTolerance, OutputBuffers? buffers)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var scenario = plan.Scenario;
        var model = plan.Model;
        var solver = SolverChoice.Resolve(solverOverride ?? scenario.Solver);
        var p = plan.CopyParameters();
        var y = plan.CopyState();
        var titration = scenario.Titration is { } spec ? new TitrationLog(spec.Policy, TitrationCatalog.DrugOf(spec.Policy)) : null;
        var timeline = plan.Timeline;
        if (plan.DayZeroFailure is { } failure)
        {
            var none = new SolverStatistics(0, 0, 0, 0, 0, 0);
            return new SimulationResult(plan, [0], [model.Outputs(y, p)], timeline, SolverStatus.ConvergenceFailure,
                NoSteadyStateDiagnostic(scenario, failure), solver.Descriptor.Name, none) { Titration = titration };
        }

        var gridArray = plan.Grid as double[] ?? plan.Grid.ToArray();
        var days = buffers?.Days ?? new List<double>(gridArray.Length);
        var outputs = buffers?.Outputs ?? new List<ModelOutputs>(gridArray.Length);
        var concentrations = buffers?.Concentrations ?? new List<double[]>(model.Drugs.Count == 0 ? 0 : gridArray.Length);
        // One solve over the whole span. Each output is computed as the solver reaches its day (OnSave), with the
        // parameter vector as the events up to that day have set it: an event at an output day fires first, and the grid
        // point reports the post-event state. (Before, each interval between events was its own solve whose outputs were
        // computed afterwards: ≈ 25 drivers, stage workspaces and saved-state arrays per Kuter subject.) Every event is a
        // restart of the one-step method, exactly as the start of a new solve was, so the results are the same bits.
        // Events after the last day never fire (a programmatic scenario, e.g. a fit's history, may list doses beyond it).
        // Room for the plan's events, a titration's weekly check and dose, a rescue's check and end, and the yearly marks.
        var timeEvents = new List<TimeEvent>(plan.Events.Count + 4 * (int)(scenario.Days / 7 + 2) + (int)(scenario.Days / SegmentDays));
        foreach (var e in plan.Events) if (e.Day <= scenario.Days) timeEvents.Add(new TimeEvent(e.Day, e.Edit.Apply, e.Label));
        if (scenario.Titration is { } titrationSpec && titration is not null)
        {
            // The closed loop holds per-run state (the policy, its assay noise, the log), so its events are made per run.
            // The driver fires time events in time order, ties in list order: plan events before titration ones, as sorted before.
            foreach (var e in TitrationEvents(scenario, titrationSpec, model, p, titration)) if (e.Time <= scenario.Days) timeEvents.Add(e);
        }
        // Simulated rescue (a population's): per-run state too; at a shared day it reads the same count as the titration check.
        List<double>? rescues = null;
        if (scenario.Rescue is { } rescue)
            foreach (var e in rescue.Events(model, scenario.Days, rescues = [])) if (e.Time <= scenario.Days) timeEvents.Add(e);
        // Yearly marks report progress on long runs; they restart the method as the yearly segment boundaries did.
        var interior = false;
        foreach (var e in timeEvents) interior |= e.Time > 0 && e.Time < scenario.Days;
        for (var mark = SegmentDays; mark < scenario.Days; mark += SegmentDays)
        {
            var fraction = mark / scenario.Days;
            interior = true;
            timeEvents.Add(new TimeEvent(mark, (_, _, _) => progress?.Report(fraction), "progress"));
        }
        var options = SolverChoice.DefaultOptions(model.Dimension, model.FirstPlatelet) with
        {
            KeepSteps = false,
            RecordEvents = false, // the result reports the timeline, not the solver's event log
            Cancellation = cancellation,
            SaveAt = gridArray,
            OnSave = (day, state) =>
            {
                days.Add(day);
                outputs.Add(model.Outputs(state, p, day));
                if (model.Drugs.Count == 0) return;
                var c = buffers?.RentConcentrations(model.Drugs.Count) ?? new double[model.Drugs.Count];
                model.DrugConcentrations(day, state, p, c);
                concentrations.Add(c);
            },
        };
        if (relativeTolerance is { } rtol) options = options with { RelativeTolerance = rtol };
        var solution = solver.Solve(model.Problem(p, y, 0, scenario.Days), options, new EventSet(timeEvents, []));
        var stats = solution.Statistics;
        var status = solution.Status;
        var diagnostic = solution.Diagnostic;
        y = solution.FinalState.ToArray();
        if (status == SolverStatus.Success && interior) progress?.Report(1);
        (status, diagnostic) = Guard(days, outputs, concentrations, status, diagnostic, solver.Descriptor.Name);
        if (concentrations.Count > days.Count) concentrations.RemoveRange(days.Count, concentrations.Count - days.Count);
        if (days.Count == 0)
        {
            days.Add(0);
            outputs.Add(model.Outputs(y, p));
            if (model.Drugs.Count > 0) concentrations.Add(model.DrugConcentrations(0, y, p));
        }
        // Titrated doses are known only once they fire: they join the timeline after the run, when it is first read.
        Func<IReadOnlyList<TimelineEntry>> fullTimeline = titration is null ? () => timeline : () =>
        {
            var label = TitrationCatalog.DrugOf(titration.Policy);
            return timeline.Concat(titration.Doses.Select(d => new TimelineEntry(d.Day, "dose",
                    $"{label} {d.Amount.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} {d.Unit} (titrated)")))
                .OrderBy(e => e.Day).ToList();
        };
        return new SimulationResult(plan, days, outputs, fullTimeline, status, diagnostic, solver.Descriptor.Name, stats)
            { Titration = titration, DrugConcentrationsNgPerMl = concentrations, FinalParameters = p, RescueDays = rescues };
    }

    /// <summary>
    /// No NaN or negative quantity may reach output. A value below zero by less than
    /// <see cref="Output.Files.RoundOff.RelativeTolerance"/> of its column's scale (its largest magnitude in the run, at
    /// least 1) is solver round-off: it stays, and every writer prints it as 0. Anything worse truncates the series there
    /// and turns the run into a failure whose advice names a solver other than the one in use.
    /// </summary>
    internal static (SolverStatus Status, string Diagnostic) Guard(List<double> days, List<ModelOutputs> outputs, List<double[]> concentrations, SolverStatus status, string diagnostic, string solverName)
    {
        var remedy = $"try --solver {(solverName == "rodas5p" ? "radau5" : "rodas5p")} or a shorter simulation.outputEveryDays";
        var columns = Output.Files.OutputColumn.All;
        var scales = new double[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var scale = 1.0;
            foreach (var o in outputs) if (double.IsFinite(columns[c].Select(o))) scale = Math.Max(scale, Math.Abs(columns[c].Select(o)));
            scales[c] = scale;
        }
        for (var i = 0; i < outputs.Count; i++)
        {
            if (i < concentrations.Count && !Array.TrueForAll(concentrations[i], double.IsFinite))
            {
                var day = days[i];
                days.RemoveRange(i, days.Count - i);
                outputs.RemoveRange(i, outputs.Count - i);
                concentrations.RemoveRange(i, concentrations.Count - i);
                return (SolverStatus.NonFinite,
                    $"a drug concentration became non-finite at day {day.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}; {remedy}");
            }
            for (var c = 0; c < columns.Count; c++)
            {
                var v = columns[c].Select(outputs[i]);
                if (double.IsFinite(v) && !Output.Files.RoundOff.IsBeyond(v, scales[c])) continue;
                var day = days[i];
                days.RemoveRange(i, days.Count - i);
                outputs.RemoveRange(i, outputs.Count - i);
                return (SolverStatus.NonFinite,
                    $"output '{columns[c].Name}' became {(double.IsFinite(v) ? "negative" : "non-finite")} ({v.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)}) at day {day.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}; check parameter overrides near their range limits, or {remedy}");
            }
        }
        return (status, diagnostic);
    }

    [ThreadStatic] private static double[]? t_grid;
    [ThreadStatic] private static (double Days, double Step) t_gridKey;

    /// <summary>
    /// <see cref="Grid"/> for a plan, which only reads it (<see cref="SimulationPlan.Grid"/> is read-only): this thread's last
    /// grid when the span and step are the same, so a population's candidates share one array instead of two per plan.
    /// </summary>
    private static double[] SharedGrid(double days, double step)
    {
        if (t_grid is { } last && t_gridKey == (days, step)) return last;
        t_gridKey = (days, step);
        return t_grid = Grid(days, step);
    }

    /// <summary>Output days 0, step, 2·step, …, and the last day exactly (computed as k·step, so no drift).</summary>
    public static double[] Grid(double days, double step)
    {
        var n = (int)Math.Floor(days / step + 1e-9);
        var grid = new List<double>(n + 2);
        for (var k = 0; k <= n; k++) grid.Add(k * step);
        if (days - grid[^1] > 1e-9 * Math.Max(1, days)) grid.Add(days);
        else grid[^1] = days;
        return grid.ToArray();
    }

    /// <summary>The drugs with a PK/PD model that <paramref name="scenario"/> doses (rhTPO needs none), in first-dose order (their PK models: <see cref="Scenario.PkModelOf"/>).</summary>
    public static IReadOnlyList<string> CoupledDrugs(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var drugs = new List<string>(scenario.Doses.Count + 1);
        void Add(string drug)
        {
            if (!DosedAsTpo(scenario.Core, drug) && !drugs.Contains(drug)) drugs.Add(drug);
        }
        foreach (var d in scenario.Doses) Add(d.Drug);
        if (scenario.Titration is { } t) Add(TitrationCatalog.DrugOf(t.Policy));
        return drugs;
    }

    /// <summary>
    /// True when <paramref name="drug"/> is rhTPO in a core without an rhTPO module (v1): its dose dissolves in plasma as
    /// free TPO. v2 has a module (SC depot, IV into plasma), so there rhTPO is a drug like the others.
    /// </summary>
    private static bool DosedAsTpo(CoreModel core, string drug) => drug == DrugCatalog.RecombinantTpo.Name && core.FindModule(drug) is null;

    /// <summary>The shared assembled model of <paramref name="scenario"/>'s structure: its core, the patient's age group and the dosed drugs' PK models.</summary>
    public static AssembledModel Assemble(Scenario scenario, Patient patient)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(patient);
        var drugs = CoupledDrugs(scenario);
        var pkModels = new string[drugs.Count];
        for (var i = 0; i < pkModels.Length; i++) pkModels[i] = scenario.PkModelOf(drugs[i]);
        return TpoModelAssembly.Assemble(scenario.Core, patient.AgeGroup, pkModels);
    }

    private static readonly HashSet<string> CovariateNames = CoreModelDefinition.Covariates.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    private static bool IsCovariate(string name) => CovariateNames.Contains(name);

    /// <summary>The day-0 steady-state search's options for a model shape (fixed per shape, so made once).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Dimension, int FirstPlatelet), SteadyStateOptions> SteadyOptions = new();

    private static SteadyStateOptions SteadyStateOptionsFor(AssembledModel model) =>
        SteadyOptions.GetOrAdd((model.Dimension, model.FirstPlatelet), key =>
        {
            var tolerances = SolverChoice.DefaultOptions(key.Dimension, key.FirstPlatelet);
            return new SteadyStateOptions
            {
                RelativeTolerance = 1e-10,
                AbsoluteTolerances = tolerances.AbsoluteTolerances!.Value.ToArray().Select(a => a * 1e-2).ToArray(),
                // The slowest time scales of the loop (MK maturation, platelet life, drug washout) are days to weeks: a search
                // that has not settled within 10 years hands over to the fallback below (the solver's own default, 10^10 days,
                // cost tens of seconds on oscillating parameter sets before the same diagnosis: docs/reliability.md, slow-*).
                MaxIntegrationTime = MaxSteadyStateSearchDays,
                // Integration only has to reach Newton's basin; Newton then polishes to 1e-10 (the run's own tolerance suffices).
                IntegrationRelativeTolerance = SolverChoice.DefaultRelativeTolerance,
            };
        });

    private static (List<ScheduledEvent> Events, List<TimelineEntry> Timeline) CompileEvents(Scenario scenario, AssembledModel model, double[] p)
    {
        // Scenario events come before doses at the same day; both keep their file order (stable sort).
        var items = new List<(ScheduledEvent Event, TimelineEntry? Entry)>(scenario.Events.Count + 2 * scenario.Doses.Count + (int)(scenario.Days / Conditions.ActivityFluctuation.StepDays) + 2);
        void Add(double day, string label, ModelEdit edit, TimelineEntry? entry = null) => items.Add((new ScheduledEvent(day, label, edit), entry));
        if (ActivityFluctuationOf(scenario) is { } fluctuation)
        {
            // Week k's activity replaces week 0's (already in the day-0 parameters) at day 7k: a rate discontinuity, so an
            // event restarts the integrator there. Scaled from the scenario's own itpActivity so overrides compose.
            var multipliers = fluctuation.Multipliers(Conditions.ActivityFluctuation.WeeksCovering(scenario.Days));
            var nominal = scenario.ParameterOverrides.TryGetValue(ParameterCatalog.Get(ParameterId.ItpActivity).Name, out var o) ? o : 1;
            for (var k = 1; k < multipliers.Length; k++)
            {
                var value = Activity(nominal, multipliers[k]);
                // One label for every week (the value is in the edit): a population compiles these per subject and arm.
                Add(k * Conditions.ActivityFluctuation.StepDays, "ITP activity", new SetParameter(model.Index(ParameterId.ItpActivity), value));
            }
        }
        foreach (var e in scenario.Events)
        {
            switch (e)
            {
                case PlateletTransfusion tr:
                    Add(tr.Day, tr.Label, new AddToStates(model.FirstPlatelet, model.PlateletAgeCompartments, model.PlateletsPerCompartment(p, tr.PlateletsE9)),
                        new TimelineEntry(tr.Day, "transfusion", tr.Label));
                    break;
                case ParameterChange pc:
                    // A parameter of a drug this scenario does not dose is not in its model: the change has nothing to act on.
                    var index = model.Index(pc.Parameter);
                    if (index >= 0) Add(pc.Day, pc.Label, new SetParameter(index, pc.Value), new TimelineEntry(pc.Day, "parameter", pc.Label));
                    break;
                default:
                    if (model.Core.Supports(e) is { } why) throw new ArgumentException(why);
                    // One timeline entry per procedure, at its start; later steps (cycles, regeneration) act silently.
                    var first = true;
                    foreach (var (day, action) in ProcedureSteps(e, model, p, scenario.Days))
                    {
                        Add(day, e.Label, new ProcedureEdit(e.Label, action), first ? new TimelineEntry(day, "procedure", e.Label) : null);
                        first = false;
                    }
                    break;
            }
        }
        foreach (var dose in scenario.Doses)
        {
            var micrograms = dose.Micrograms(scenario.Patient.BodyWeightKg);
            foreach (var day in dose.Times())
            {
                var label = $"{dose.Drug} {micrograms.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} µg {RouteText(dose.Route)}{(dose.WithPolyvalentCations ? " with polyvalent cations" : "")}";
                var entry = new TimelineEntry(day, "dose", label);
                if (DosedAsTpo(model.Core, dose.Drug))
                {
                    // The bolus dissolves in plasma.
                    Add(day, label, new AddToStates(model.FreeTpo, 1, TpoUnits.MicrogramsTpoToPicomoles(micrograms) / model.PlasmaVolumeLitres(p)), entry);
                    continue;
                }
                foreach (var (at, what, edit, isDose) in DoseEdits(model, p, dose.Drug, dose.Route, day, micrograms, dose.WithPolyvalentCations, scenario.Days))
                    Add(at, label + what, edit, isDose ? entry : null);
            }
        }
        // By day, ties in the order added (a stable sort on (day, index)).
        var order = new int[items.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => items[a].Event.Day != items[b].Event.Day ? items[a].Event.Day.CompareTo(items[b].Event.Day) : a.CompareTo(b));
        var events = new List<ScheduledEvent>(order.Length);
        var timeline = new List<TimelineEntry>();
        foreach (var i in order)
        {
            events.Add(items[i].Event);
            if (items[i].Entry is { } entry) timeline.Add(entry);
        }
        return (events, timeline);
    }

    /// <summary>
    /// The edits of one PK dose: the dose clock starts at the nominal time (and an absorption phase restarts early);
    /// amount × F arrives in the dose compartment after the lag; a rate switch (eltrombopag) flips the phase exactly at
    /// its event, unless a later dose has restarted the clock. Edits after <paramref name="end"/> are dropped, except the dose itself.
    /// </summary>
    /// <remarks>
    /// p holds the day-0 parameters (bioavailability, lag and switch time are parameter expressions); a dose taken with
    /// polyvalent cations (eltrombopag) lowers only its own absorbed fraction (Williams 2009 via the label).
    /// </remarks>
    internal static IEnumerable<(double Day, string What, ModelEdit Edit, bool IsDose)> DoseEdits(
        AssembledModel model, double[] p, string drugName, Route route, double day, double micrograms, bool withCations, double end)
    {
        var drug = model.Drug(drugName) ?? throw new InvalidOperationException($"No model for drug {drugName}.");
        var input = DoseInput(model, p, drugName, route, withCations);
        var amount = new AddToStates(input.State, 1, micrograms * input.Bioavailability);
        var clock = new List<ModelEdit> { new SetParameter(drug.LastDoseParameter, day) };
        if (drug.AbsorptionPhaseParameter >= 0) clock.Add(new SetParameter(drug.AbsorptionPhaseParameter, 0));
        if (input.LagDays > 0)
        {
            yield return (day, "", new EditSequence(clock), true);
            if (day + input.LagDays <= end) yield return (day + input.LagDays, " (absorbed)", amount, false);
        }
        else yield return (day, "", new EditSequence([.. clock, amount]), true);
        if (input.RateSwitchDays is { } sw && drug.AbsorptionPhaseParameter >= 0 && day + sw <= end)
            yield return (day + sw, " (absorption rate switch)", new SetParameterIfUnchanged(drug.AbsorptionPhaseParameter, 1, drug.LastDoseParameter, day), false);
    }

    /// <summary>Where a dose goes for parameters <paramref name="p"/>, with the cation option applied to this dose only.</summary>
    private static DoseInput DoseInput(AssembledModel model, double[] p, string drug, Route route, bool withCations)
    {
        var cations = model.Index(CoreModelDefinition.Covariates.Single(c => c.Name == "polyvalentCations").Name);
        var saved = p[cations];
        p[cations] = withCations ? 1 : 0;
        try { return model.DoseInputOf(drug, route, p); }
        finally { p[cations] = saved; }
    }

    /// <summary>
    /// The closed loop: at each check day an event reads the circulating count from the state, adds assay noise and asks
    /// the policy; at each dose day an event gives the policy's current dose (checks come first at the same day, so the
    /// dose right after a check is the one just decided). Amounts absorbed after a lag are fixed when the dose is given.
    /// </summary>
    private static IEnumerable<TimeEvent> TitrationEvents(Scenario scenario, TitrationSpec spec, AssembledModel model, double[] p, TitrationLog log)
    {
        var policy = TitrationCatalog.Create(spec);
        var noise = new AssayNoise(spec.AssayCv, spec.Seed);
        // Labels made once a run, not once an event (a population makes these events per subject).
        string checkLabel = $"{spec.Policy} check", interimLabel = $"{spec.Policy} interim check";
        // One action for all checks: the driver passes the event's time, which is the check day.
        EventAction check = (t, y, q) => log.Decisions.Add(policy.Decide(t, spec.Measured(t, model.PlateletsCirculating(y, q), noise)));
        EventAction interim = (t, y, q) =>
        {
            if (!policy.WantsInterimCheck) return;
            log.Decisions.Add(policy.Decide(t, spec.Measured(t, model.PlateletsCirculating(y, q), noise)));
        };
        foreach (var day in TitrationCatalog.CheckDays(spec, scenario.Days)) yield return new TimeEvent(day, check, checkLabel);
        foreach (var day in TitrationCatalog.InterimCheckDays(spec, scenario.Days)) yield return new TimeEvent(day, interim, interimLabel);
        var drug = model.Drug(policy.Drug) ?? throw new InvalidOperationException($"No model for drug {policy.Drug}.");
        var input = DoseInput(model, p, policy.Drug, policy.Route, withCations: false);
        var unit = Dosing.DoseUnits.Symbol(policy.Unit);
        string doseLabel = $"{policy.Drug} titrated dose", absorbedLabel = $"{policy.Drug} titrated dose (absorbed)",
            switchLabel = $"{policy.Drug} titrated dose (absorption rate switch)";
        foreach (var day in TitrationCatalog.DoseDays(spec, scenario.Days))
        {
            var doseDay = day;
            var pending = 0.0;
            yield return new TimeEvent(day, (_, y, q) =>
            {
                var amount = policy.DoseOn(doseDay - spec.StartDay);
                pending = 0;
                if (amount <= 0) return;
                var micrograms = Dosing.DoseUnits.ToMicrograms(amount, policy.Unit, scenario.Patient.BodyWeightKg);
                log.Doses.Add(new GivenDose(doseDay, amount, unit, micrograms));
                q[drug.LastDoseParameter] = doseDay;
                if (drug.AbsorptionPhaseParameter >= 0) q[drug.AbsorptionPhaseParameter] = 0;
                if (input.LagDays > 0) pending = micrograms * input.Bioavailability;
                else y[input.State] += micrograms * input.Bioavailability;
            }, doseLabel);
            if (input.LagDays > 0 && day + input.LagDays <= scenario.Days)
                yield return new TimeEvent(day + input.LagDays, (_, y, _) => y[input.State] += pending, absorbedLabel);
            if (input.RateSwitchDays is { } sw && drug.AbsorptionPhaseParameter >= 0 && day + sw <= scenario.Days)
                yield return new TimeEvent(day + sw, new SetParameterIfUnchanged(drug.AbsorptionPhaseParameter, 1, drug.LastDoseParameter, doseDay).Apply,
                    switchLabel);
        }
    }

    /// <summary>
    /// The time-stamped actions of a procedure. Most act once; chemotherapy switches the progenitor kill on and off
    /// each cycle, and hepatectomy is followed by daily regeneration steps. Steps after the end are dropped.
    /// </summary>
    private static IEnumerable<(double Day, EventAction Action)> ProcedureSteps(ScenarioEvent e, AssembledModel model, double[] p0, double end)
    {
        switch (e)
        {
            case Bleeding b:
                yield return model.Core == CoreModel.V2
                    ? (b.Day, (_, y, p) => ProcedureEffects.BleedV2(model, y, p, b.BloodLossPercent / 100))
                    : (b.Day, (_, y, p) => ProcedureEffects.Bleed(model, y, p, b.BloodLossPercent / 100));
                break;
            case Scenarios.Splenectomy:
                yield return model.Core == CoreModel.V2
                    ? (e.Day, (_, y, p) => ProcedureEffects.SplenectomyV2(model, y, p))
                    : (e.Day, (_, y, p) => ProcedureEffects.Splenectomy(model, y, p));
                break;
            case LiverTransplant:
                yield return (e.Day, (_, _, p) => ProcedureEffects.LiverTransplant(model, p));
                break;
            case RadiationExposure r:
                yield return (r.Day, (_, y, p) => ProcedureEffects.Irradiate(model, y, p, r.DoseGy));
                break;
            case PartialHepatectomy h:
            {
                // Liver mass drops by the resected fraction, then regrows as 1 − f·exp(−t/τ) in daily steps for 6τ. Each
                // step multiplies by the growth since the last one (capped at a whole liver), so a transplant or a
                // second resection in between is kept, not overwritten.
                // The cap is the mass before any resection: a whole liver (1), or a newborn's larger liver per kg (v2's neonate).
                var mass = model.Index(model.Core.Procedures.LiverMass);
                var whole = Math.Max(1, p0[mass]);
                yield return (h.Day, (_, _, p) => p[mass] = Math.Max(0.2, p[mass] * (1 - h.FractionResected)));
                // τ is the day-0 value (the schedule of regeneration steps is fixed when the plan is compiled).
                var tau = p0[model.Index(CoreModelDefinition.LiverRegeneration.Name)];
                for (var k = 1; k <= 6 * tau && h.Day + k <= end; k++)
                {
                    var growth = ProcedureEffects.RegeneratedFraction(h.FractionResected, k, tau) / ProcedureEffects.RegeneratedFraction(h.FractionResected, k - 1, tau);
                    yield return (h.Day + k, (_, _, p) => p[mass] = Math.Min(whole, p[mass] * growth));
                }
                break;
            }
            case Chemotherapy c:
            {
                var kill = model.Index(model.Core.Procedures.ProgenitorKillRate);
                for (var cycle = 0; cycle < c.Cycles; cycle++)
                {
                    var start = c.Day + cycle * c.EveryDays;
                    var stop = start + c.Regimen.ExposureDays;
                    if (start > end) break;
                    yield return (start, (_, _, p) => p[kill] += c.Regimen.KillRatePerDay);
                    if (stop <= end)
                        yield return (stop, (_, _, p) => p[kill] = Math.Max(0, p[kill] - c.Regimen.KillRatePerDay));
                }
                break;
            }
            default:
                throw new InvalidOperationException($"No effect defined for event {e.GetType().Name}.");
        }
    }

    private static string RouteText(Route route) => route switch { Route.Subcutaneous => "SC", Route.Oral => "oral", _ => "IV" };
}
