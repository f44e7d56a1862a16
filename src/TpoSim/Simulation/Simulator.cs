using TpoSim.Drugs;
using TpoSim.Drugs.Pharmacokinetics;
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
    /// <summary>Progress is reported at most once per this many simulated days (long runs only).</summary>
    private const double SegmentDays = 365;

    /// <summary>The parameter values a scenario asks for: defaults, then the condition, then explicit overrides.</summary>
    public static ParameterSet ParametersFor(Scenario scenario)
    {
        var set = ParameterSet.Default;
        foreach (var c in scenario.Conditions)
        {
            var def = Conditions.ConditionCatalog.Get(c.Name) ?? throw new ArgumentException($"Unknown condition '{c.Name}'.");
            set = def.Apply(set, c.Severity, c.Options);
        }
        foreach (var (name, value) in scenario.ParameterOverrides)
        {
            if (!ParameterCatalog.TryGet(name, out var def)) throw new ArgumentException($"Unknown parameter '{name}'.");
            set = set.With(def.Id, value);
        }
        // A fluctuating disease activity starts at week 0's value: the day-0 steady state is the patient's state that week.
        if (ActivityFluctuationOf(scenario) is { } fluctuation)
            set = set.With(ParameterId.ItpActivity, Activity(set[ParameterId.ItpActivity], fluctuation.Multipliers(1)[0]));
        return set;
    }

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
        var options = Conditions.ConditionCatalog.Itp.Options.ToDictionary(o => o.Name, o => itp.Options.TryGetValue(o.Name, out var v) ? v : o.Default);
        var cv = options[Conditions.ConditionCatalog.ActivityCvOption];
        return cv > 0 ? new Conditions.ActivityFluctuation(cv, options[Conditions.ConditionCatalog.ActivityCorrelationDaysOption], scenario.Seed) : null;
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
    /// The day-0 state: the set point when no patient control differs from healthy, else the steady state of the
    /// patient's model (damped Newton from the set point, with integration as fallback).
    /// </summary>
    public static (double[] State, string Method, string? Failure) InitialState(TpoPlateletModel model, ParameterSet parameters)
    {
        var healthy = model.HealthyState();
        var controlsAtDefault = ParameterCatalog.All.Where(d => d.Kind == ParameterKind.PatientControl).All(d => parameters[d.Id] == d.DefaultValue);
        // The set point is exact for any age group: source shares always sum to one.
        if (controlsAtDefault)
            return (healthy, "healthy set point (analytic)", null);
        var tolerances = SolverChoice.DefaultOptions(model.Dimension, StateLayout.FirstPlatelet);
        var options = new SteadyStateOptions
        {
            RelativeTolerance = 1e-10,
            AbsoluteTolerances = tolerances.AbsoluteTolerances!.Value.ToArray().Select(a => a * 1e-2).ToArray(),
        };
        var result = SteadyStateSolver.Solve(new OdeProblem(model.Derivative, healthy, 0, 0) { Structure = model.Structure }, options);
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
            var run = SolverRegistry.Default.Solve(new OdeProblem(model.Derivative, healthy, 0, 3650) { Structure = model.Structure },
                tolerances with { KeepSteps = false });
            if (!run.Succeeded) return (healthy, "steady state (integration)", run.Diagnostic);
            result = SteadyStateSolver.Solve(new OdeProblem(model.Derivative, run.FinalState.ToArray(), 0, 0) { Structure = model.Structure }, options);
            method = "steady state (10-year integration, then Newton)";
            if (!result.Converged || !IsPhysical(result.State.Span))
                return (healthy, method, result.Converged ? "the steady state found has negative concentrations" : result.Diagnostic);
        }
        return (result.State.ToArray(), method, null);
    }

    private static bool IsPhysical(ReadOnlySpan<double> y)
    {
        foreach (var v in y)
        {
            if (!(v >= -1e-12)) return false;
        }
        return true;
    }

    /// <summary>Runs <paramref name="scenario"/>. Numerical failure is reported in the result, never thrown.</summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <param name="solverOverride">Solver name replacing the scenario's, or null.</param>
    /// <param name="progress">Receives the simulated fraction (0–1) after each segment.</param>
    /// <param name="cancellation">Cancels between solver steps.</param>
    public static SimulationResult Run(Scenario scenario, string? solverOverride = null, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var parameters = ParametersFor(scenario);
        var model = new TpoPlateletModel(parameters, PatientFor(scenario), CoupledDrugs(scenario).Select(scenario.PkModelOf).ToArray());
        var solver = SolverChoice.Resolve(solverOverride ?? scenario.Solver);
        var (y, method, failure) = InitialState(model, parameters);
        var grid = Grid(scenario.Days, scenario.OutputStepDays);
        var titration = scenario.Titration is { } spec ? new TitrationLog(spec.Policy, TitrationCatalog.DrugOf(spec.Policy)) : null;
        var (events, timeline) = CompileEvents(scenario, model, titration);
        if (failure is not null)
        {
            var none = new SolverStatistics(0, 0, 0, 0, 0, 0);
            return new SimulationResult(scenario, parameters, model, [0], [model.Outputs(y)], timeline, SolverStatus.ConvergenceFailure,
                $"no steady state for this patient at day 0: {failure}", solver.Descriptor.Name, none, method) { Titration = titration };
        }

        var options = SolverChoice.DefaultOptions(model.Dimension, StateLayout.FirstPlatelet) with { KeepSteps = false, Cancellation = cancellation };
        var days = new List<double>(grid.Length);
        var outputs = new List<ModelOutputs>(grid.Length);
        var concentrations = new List<double[]>(model.Drugs.Count == 0 ? 0 : grid.Length);
        var stats = new SolverStatistics(0, 0, 0, 0, 0, 0);
        var status = SolverStatus.Success;
        var diagnostic = "";
        // Segment boundaries: every event time, plus yearly marks for progress. Outputs are computed after each
        // segment's solve with the model's parameters as they are then, so a segment must hold no event except at its
        // start (events at T0 fire first, and the grid point there reports the post-event state).
        var boundaries = new SortedSet<double> { scenario.Days };
        for (var mark = SegmentDays; mark < scenario.Days; mark += SegmentDays) boundaries.Add(mark);
        foreach (var e in events)
        {
            if (e.Time > 0 && e.Time < scenario.Days) boundaries.Add(e.Time);
        }
        var ends = boundaries.ToArray();
        var gridIndex = 0;
        var eventIndex = 0;
        var t0 = 0.0;
        for (var s = 0; s < ends.Length && status == SolverStatus.Success; s++)
        {
            var t1 = ends[s];
            var last = s == ends.Length - 1;
            // A grid point or event exactly on a segment boundary belongs to the later segment, so it sees events at that time.
            var saveFrom = gridIndex;
            while (gridIndex < grid.Length && (grid[gridIndex] < t1 || last)) gridIndex++;
            var eventFrom = eventIndex;
            // Events after the last day never fire (a programmatic scenario, e.g. a fit's history, may list doses beyond it).
            while (eventIndex < events.Count && (events[eventIndex].Time < t1 || (last && events[eventIndex].Time <= t1))) eventIndex++;
            var problem = new OdeProblem(model.Derivative, y, t0, t1) { Structure = model.Structure };
            var segmentEvents = new EventSet(events.Skip(eventFrom).Take(eventIndex - eventFrom).ToArray(), []);
            var solution = solver.Solve(problem, options with { SaveAt = grid.AsMemory(saveFrom, gridIndex - saveFrom) }, segmentEvents);
            for (var k = 0; k < solution.SavedTimes.Count; k++)
            {
                days.Add(solution.SavedTimes[k]);
                outputs.Add(model.Outputs(solution.SavedStateAt(k)));
                if (model.Drugs.Count > 0) concentrations.Add(Concentrations(model, solution.SavedTimes[k], solution.SavedStateAt(k)));
            }
            stats = Add(stats, solution.Statistics);
            status = solution.Status;
            diagnostic = solution.Diagnostic;
            y = solution.FinalState.ToArray();
            if (ends.Length > 1 && (last || (int)(t1 / SegmentDays) > (int)(t0 / SegmentDays))) progress?.Report(t1 / scenario.Days);
            t0 = t1;
        }
        (status, diagnostic) = Guard(days, outputs, concentrations, status, diagnostic, solver.Descriptor.Name);
        if (concentrations.Count > days.Count) concentrations.RemoveRange(days.Count, concentrations.Count - days.Count);
        if (days.Count == 0)
        {
            days.Add(0);
            outputs.Add(model.Outputs(y));
            if (model.Drugs.Count > 0) concentrations.Add(Concentrations(model, 0, y));
        }
        if (titration is not null)
        {
            // Titrated doses are known only once they fire: they join the timeline after the run.
            var label = TitrationCatalog.DrugOf(titration.Policy);
            timeline = timeline.Concat(titration.Doses.Select(d => new TimelineEntry(d.Day, "dose",
                    $"{label} {d.Amount.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} {d.Unit} (titrated)")))
                .OrderBy(e => e.Day).ToList();
        }
        return new SimulationResult(scenario, parameters, model, days.ToArray(), outputs.ToArray(), timeline, status, diagnostic,
            solver.Descriptor.Name, stats, method) { Titration = titration, DrugConcentrationsNgPerMl = concentrations };
    }

    /// <summary>
    /// Each coupled drug's plasma concentration, ng/mL (free drug for romiplostim), clamped at 0: a PK amount a hair below
    /// zero (solver round-off within the absolute tolerance) is an empty compartment, exactly as the effect reads it.
    /// </summary>
    private static double[] Concentrations(TpoPlateletModel model, double t, ReadOnlySpan<double> y)
    {
        var c = model.DrugConcentrations(t, y);
        for (var d = 0; d < c.Length; d++) c[d] = double.IsNaN(c[d]) ? c[d] : Math.Max(0, c[d]);
        return c;
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
            if (i < concentrations.Count && concentrations[i].Any(c => !double.IsFinite(c)))
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
    public static IReadOnlyList<string> CoupledDrugs(Scenario scenario) =>
        scenario.Doses.Select(d => d.Drug)
            .Concat(scenario.Titration is { } t ? [TitrationCatalog.DrugOf(t.Policy)] : [])
            .Where(d => d != DrugCatalog.RecombinantTpo.Name).Distinct().ToArray();

    private static (List<TimeEvent> Events, List<TimelineEntry> Timeline) CompileEvents(Scenario scenario, TpoPlateletModel model, TitrationLog? log)
    {
        // Scenario events come before doses at the same day; both keep their file order (stable sort).
        var items = new List<(double Day, TimeEvent Event, TimelineEntry? Entry)>();
        if (ActivityFluctuationOf(scenario) is { } fluctuation)
        {
            // Week k's activity replaces week 0's (already in the day-0 parameters) at day 7k: a rate discontinuity, so an
            // event restarts the integrator there. Scaled from the scenario's own itpActivity so overrides compose.
            var multipliers = fluctuation.Multipliers(Conditions.ActivityFluctuation.WeeksCovering(scenario.Days));
            var nominal = scenario.ParameterOverrides.TryGetValue(ParameterCatalog.Get(ParameterId.ItpActivity).Name, out var o) ? o : 1;
            for (var k = 1; k < multipliers.Length; k++)
            {
                var day = k * Conditions.ActivityFluctuation.StepDays;
                var value = Activity(nominal, multipliers[k]);
                items.Add((day, new TimeEvent(day, (_, _) => model[ParameterId.ItpActivity] = value, $"ITP activity ×{value:0.###}"), null));
            }
        }
        foreach (var e in scenario.Events)
        {
            switch (e)
            {
                case PlateletTransfusion tr:
                    items.Add((tr.Day, new TimeEvent(tr.Day, (_, y) => model.AddPlatelets(y, tr.PlateletsE9), tr.Label),
                        new TimelineEntry(tr.Day, "transfusion", tr.Label)));
                    break;
                case ParameterChange pc:
                    ParameterCatalog.TryGet(pc.Parameter, out var def);
                    items.Add((pc.Day, new TimeEvent(pc.Day, (_, _) => model[def.Id] = pc.Value, pc.Label),
                        new TimelineEntry(pc.Day, "parameter", pc.Label)));
                    break;
                default:
                    // One timeline entry per procedure, at its start; later steps (cycles, regeneration) act silently.
                    var first = true;
                    foreach (var (day, action) in ProcedureSteps(e, model, scenario.Days))
                    {
                        items.Add((day, new TimeEvent(day, action, e.Label), first ? new TimelineEntry(day, "procedure", e.Label) : null));
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
                if (dose.Drug == DrugCatalog.RecombinantTpo.Name)
                {
                    items.Add((day, new TimeEvent(day, (_, y) => model.AddTpo(y, TpoUnits.MicrogramsTpoToPicomoles(micrograms)), label),
                        new TimelineEntry(day, "dose", label)));
                    continue;
                }
                // A PK drug: the dose clock starts at the nominal time; amount × F arrives in the dose compartment after the lag;
                // a rate switch (eltrombopag) gets an empty event so the integrator restarts at the discontinuity.
                var drug = model.Drug(dose.Drug) ?? throw new InvalidOperationException($"No model for drug {dose.Drug}.");
                var input = drug.Pk.DoseInput(dose.Route);
                // Taken with polyvalent cations (eltrombopag): only this dose's absorbed fraction falls (Williams 2009 via the label).
                var relative = dose.WithPolyvalentCations && drug.Pk is EltrombopagPk elt ? elt.CationRelativeBioavailability : 1;
                var amount = micrograms * input.Bioavailability * relative;
                var index = drug.Offset + input.Compartment;
                var doseDay = day;
                if (input.LagDays > 0)
                {
                    items.Add((day, new TimeEvent(day, (_, _) => drug.LastDoseDay = doseDay, label), new TimelineEntry(day, "dose", label)));
                    if (day + input.LagDays <= scenario.Days)
                        items.Add((day + input.LagDays, new TimeEvent(day + input.LagDays, (_, y) => y[index] += amount, label + " (absorbed)"), null));
                }
                else
                {
                    items.Add((day, new TimeEvent(day, (_, y) => { drug.LastDoseDay = doseDay; y[index] += amount; }, label),
                        new TimelineEntry(day, "dose", label)));
                }
                if (input.RateSwitchDays is { } sw && day + sw <= scenario.Days)
                    items.Add((day + sw, new TimeEvent(day + sw, (_, _) => { }, label + " (absorption rate switch)"), null));
            }
        }
        if (scenario.Titration is { } spec && log is not null) items.AddRange(TitrationItems(scenario, spec, model, log));
        var ordered = items.OrderBy(i => i.Day).ToList();
        return (ordered.Select(i => i.Event).ToList(), ordered.Where(i => i.Entry is not null).Select(i => i.Entry!).ToList());
    }

    /// <summary>
    /// The closed loop: at each check day an event reads the circulating count from the state, adds assay noise and asks
    /// the policy; at each dose day an event gives the policy's current dose (checks come first at the same day, so the
    /// dose right after a check is the one just decided). Amounts absorbed after a lag are fixed when the dose is given.
    /// </summary>
    private static IEnumerable<(double Day, TimeEvent Event, TimelineEntry? Entry)> TitrationItems(Scenario scenario, TitrationSpec spec, TpoPlateletModel model, TitrationLog log)
    {
        var policy = TitrationCatalog.Create(spec);
        var noise = new AssayNoise(spec.AssayCv, spec.Seed);
        foreach (var day in TitrationCatalog.CheckDays(spec, scenario.Days))
        {
            yield return (day, new TimeEvent(day, (_, y) =>
            {
                var measured = noise.Measure(model.Outputs(y).PlateletsCirculating);
                log.Decisions.Add(policy.Decide(day, measured));
            }, $"{spec.Policy} check"), null);
        }
        foreach (var day in TitrationCatalog.InterimCheckDays(spec, scenario.Days))
        {
            yield return (day, new TimeEvent(day, (_, y) =>
            {
                if (!policy.WantsInterimCheck) return;
                var measured = noise.Measure(model.Outputs(y).PlateletsCirculating);
                log.Decisions.Add(policy.Decide(day, measured));
            }, $"{spec.Policy} interim check"), null);
        }
        var drug = model.Drug(policy.Drug) ?? throw new InvalidOperationException($"No model for drug {policy.Drug}.");
        var input = drug.Pk.DoseInput(policy.Route);
        var index = drug.Offset + input.Compartment;
        var unit = Dosing.DoseUnits.Symbol(policy.Unit);
        foreach (var day in TitrationCatalog.DoseDays(spec, scenario.Days))
        {
            var doseDay = day;
            var pending = 0.0;
            yield return (day, new TimeEvent(day, (_, y) =>
            {
                var amount = policy.DoseOn(doseDay - spec.StartDay);
                pending = 0;
                if (amount <= 0) return;
                var micrograms = Dosing.DoseUnits.ToMicrograms(amount, policy.Unit, scenario.Patient.BodyWeightKg);
                log.Doses.Add(new GivenDose(doseDay, amount, unit, micrograms));
                drug.LastDoseDay = doseDay;
                if (input.LagDays > 0) pending = micrograms * input.Bioavailability;
                else y[index] += micrograms * input.Bioavailability;
            }, $"{policy.Drug} titrated dose"), null);
            if (input.LagDays > 0 && day + input.LagDays <= scenario.Days)
                yield return (day + input.LagDays, new TimeEvent(day + input.LagDays, (_, y) => y[index] += pending, $"{policy.Drug} titrated dose (absorbed)"), null);
            if (input.RateSwitchDays is { } sw && day + sw <= scenario.Days)
                yield return (day + sw, new TimeEvent(day + sw, (_, _) => { }, $"{policy.Drug} titrated dose (absorption rate switch)"), null);
        }
    }

    /// <summary>
    /// The time-stamped actions of a procedure. Most act once; chemotherapy switches the progenitor kill on and off
    /// each cycle, and hepatectomy is followed by daily regeneration steps. Steps after the end are dropped.
    /// </summary>
    private static IEnumerable<(double Day, EventAction Action)> ProcedureSteps(ScenarioEvent e, TpoPlateletModel model, double end)
    {
        switch (e)
        {
            case Bleeding b:
                yield return (b.Day, (_, y) => ProcedureEffects.Bleed(model, y, b.BloodLossPercent / 100));
                break;
            case Scenarios.Splenectomy sp:
                yield return (sp.Day, (_, y) => ProcedureEffects.Splenectomy(model, y));
                break;
            case LiverTransplant lt:
                yield return (lt.Day, (_, _) => ProcedureEffects.LiverTransplant(model));
                break;
            case RadiationExposure r:
                yield return (r.Day, (_, y) => ProcedureEffects.Irradiate(y, r.DoseGy));
                break;
            case PartialHepatectomy h:
            {
                // Liver mass drops by the resected fraction, then regrows as 1 − f·exp(−t/τ) in daily steps for 6τ. Each
                // step multiplies by the growth since the last one (capped at a whole liver), so a transplant or a
                // second resection in between is kept, not overwritten.
                yield return (h.Day, (_, _) => model[ParameterId.LiverMass] = Math.Max(0.2, model[ParameterId.LiverMass] * (1 - h.FractionResected)));
                var tau = ProcedureEffects.LiverRegenerationDays;
                for (var k = 1; k <= 6 * tau && h.Day + k <= end; k++)
                {
                    var growth = ProcedureEffects.RegeneratedFraction(h.FractionResected, k) / ProcedureEffects.RegeneratedFraction(h.FractionResected, k - 1);
                    yield return (h.Day + k, (_, _) => model[ParameterId.LiverMass] = Math.Min(1, model[ParameterId.LiverMass] * growth));
                }
                break;
            }
            case Chemotherapy c:
                for (var cycle = 0; cycle < c.Cycles; cycle++)
                {
                    var start = c.Day + cycle * c.EveryDays;
                    var stop = start + c.Regimen.ExposureDays;
                    if (start > end) break;
                    yield return (start, (_, _) => model[ParameterId.ProgenitorKillRate] += c.Regimen.KillRatePerDay);
                    if (stop <= end)
                        yield return (stop, (_, _) => model[ParameterId.ProgenitorKillRate] = Math.Max(0, model[ParameterId.ProgenitorKillRate] - c.Regimen.KillRatePerDay));
                }
                break;
            default:
                throw new InvalidOperationException($"No effect defined for event {e.GetType().Name}.");
        }
    }

    private static string RouteText(Route route) => route switch { Route.Subcutaneous => "SC", Route.Oral => "oral", _ => "IV" };

    private static SolverStatistics Add(SolverStatistics a, SolverStatistics b) => new(
        a.AcceptedSteps + b.AcceptedSteps, a.RejectedSteps + b.RejectedSteps, a.FunctionEvaluations + b.FunctionEvaluations,
        a.JacobianEvaluations + b.JacobianEvaluations, a.LuDecompositions + b.LuDecompositions, a.LinearSolves + b.LinearSolves);
}
