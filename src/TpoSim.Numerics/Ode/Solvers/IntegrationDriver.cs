using TpoSim.Numerics.Ode.Events;

namespace TpoSim.Numerics.Ode.Solvers;

/// <summary>
/// The step loop shared by every solver: step-size selection around time events, state-event detection
/// and location on the dense output, SaveAt output, step storage, status and diagnostics. The method
/// itself is a <see cref="Stepper"/>; for "auto" a second, stiff stepper takes over when the explicit one
/// detects stiffness. Everything the loop needs is allocated before the first step.
/// </summary>
internal sealed class IntegrationDriver
{
    private const double Eps = 2.220446049250313e-16;

    private readonly OdeProblem _problem;
    private readonly OdeSolverOptions _options;
    private readonly RightHandSide _f;
    private readonly int _n;
    private readonly ErrorNorm _norm;
    private readonly IReadOnlyList<TimeEvent> _timeEvents;
    private readonly IReadOnlyList<StateEvent> _stateEvents;
    private readonly int[] _timeOrder;
    private readonly ReadOnlyMemory<double> _saveAt;
    private readonly double[] _y, _yNew, _yStop, _dense, _work1, _work2, _gPrev, _gNew, _roots;
    private readonly bool _keep;
    private readonly double? _fixedStep;

    private Stepper _stepper;
    private Stepper? _stiffStepper;
    private long _driverEvaluations;

    // Output.
    private readonly List<double> _times;
    private readonly GrowableBuffer? _states, _stepStart, _stepSize, _denseStore;
    private readonly List<double> _savedTimes;
    private readonly double[] _savedStates;
    private readonly SaveAction? _onSave;
    private readonly List<EventOccurrence> _occurrences = [];
    private int _saveIndex;

    private IntegrationDriver(OdeProblem problem, OdeSolverOptions options, EventSet? events, Stepper stepper, Stepper? stiffStepper)
    {
        _problem = problem;
        _options = options;
        _f = problem.F;
        _n = problem.Dimension;
        _workspace = Workspace.Take(_n, events?.StateEvents.Count ?? 0);
        _norm = new ErrorNorm(options, _workspace.Atol);
        _stepper = stepper;
        _stiffStepper = stiffStepper;
        _timeEvents = events?.TimeEvents ?? [];
        _stateEvents = events?.StateEvents ?? [];
        // Time events in time order; ties keep list order (stable by index).
        _timeOrder = new int[_timeEvents.Count];
        for (int i = 0; i < _timeOrder.Length; i++) _timeOrder[i] = i;
        var timeEvents = _timeEvents;
        Array.Sort(_timeOrder, (a, b) => timeEvents[a].Time != timeEvents[b].Time ? timeEvents[a].Time.CompareTo(timeEvents[b].Time) : a.CompareTo(b));
        _saveAt = options.SaveAt ?? ReadOnlyMemory<double>.Empty; // read in place: no copy of the output grid per solve
        int n = _n;
        (_y, _yNew, _yStop, _dense, _work1, _work2, _gPrev, _gNew, _roots) =
            (_workspace.Y, _workspace.YNew, _workspace.YStop, _workspace.Dense, _workspace.Work1, _workspace.Work2, _workspace.GPrev, _workspace.GNew, _workspace.Roots);
        _keep = options.KeepSteps;
        _fixedStep = options.FixedStep;
        // Start small (many short solves in population runs) and double as needed.
        _times = _keep ? new List<double>(32) : [];
        if (_keep)
        {
            _states = new GrowableBuffer(32 * n);
            _stepStart = new GrowableBuffer(32);
            _stepSize = new GrowableBuffer(32);
            _denseStore = new GrowableBuffer(32 * 5 * n);
        }
        _savedTimes = new List<double>(_saveAt.Length);
        _onSave = options.OnSave;
        _savedStates = _onSave is null ? new double[_saveAt.Length * n] : [];
    }

    /// <summary>Validates the arguments and integrates.</summary>
    public static OdeSolution Solve(OdeProblem problem, OdeSolverOptions options, EventSet? events, Func<OdeProblem, OdeSolverOptions, Stepper> stepper, Func<OdeProblem, OdeSolverOptions, Stepper>? stiffStepper = null)
    {
        OptionsValidator.Validate(problem, options, events);
        var driver = new IntegrationDriver(problem, options, events, stepper(problem, options), stiffStepper?.Invoke(problem, options));
        try
        {
            return driver.Run();
        }
        finally
        {
            Workspace.Return(driver._workspace);
        }
    }

    private readonly Workspace _workspace;

    /// <summary>
    /// The loop's work vectors. A population thread runs thousands of solves of one shape, so each thread keeps the last
    /// few sets, cleared when taken so that a solve reads exactly what a new set would give it. The solution never refers
    /// to them (its final state is a copy).
    /// </summary>
    private sealed class Workspace
    {
        private Workspace(int n, int stateEvents)
        {
            (N, StateEvents) = (n, stateEvents);
            Atol = new double[n]; Y = new double[n]; YNew = new double[n]; YStop = new double[n]; Dense = new double[4 * n]; Work1 = new double[n]; Work2 = new double[n];
            GPrev = new double[stateEvents]; GNew = new double[stateEvents]; Roots = new double[stateEvents];
        }

        public int N { get; }
        public int StateEvents { get; }
        public double[] Atol { get; }
        public double[] Y { get; }
        public double[] YNew { get; }
        public double[] YStop { get; }
        public double[] Dense { get; }
        public double[] Work1 { get; }
        public double[] Work2 { get; }
        public double[] GPrev { get; }
        public double[] GNew { get; }
        public double[] Roots { get; }

        private const int MaxSpares = 4;

        [ThreadStatic] private static List<Workspace>? t_spares;

        public static Workspace Take(int n, int stateEvents)
        {
            if (t_spares is { } spares)
            {
                for (var i = spares.Count - 1; i >= 0; i--)
                {
                    var w = spares[i];
                    if (w.N != n || w.StateEvents != stateEvents) continue;
                    spares.RemoveAt(i);
                    foreach (var a in (ReadOnlySpan<double[]>)[w.Y, w.YNew, w.YStop, w.Dense, w.Work1, w.Work2, w.GPrev, w.GNew, w.Roots]) Array.Clear(a);
                    return w;
                }
            }
            return new Workspace(n, stateEvents);
        }

        public static void Return(Workspace w)
        {
            var spares = t_spares ??= new List<Workspace>(MaxSpares);
            if (spares.Count == MaxSpares) spares.RemoveAt(0);
            spares.Add(w);
        }
    }

    private OdeSolution Run()
    {
        int n = _n;
        double t = _problem.T0, tEnd = _problem.TEnd;
        _problem.InitialState.Span.CopyTo(_y);
        double[] y = _y;
        RecordPoint(t, y);
        int timeIndex = 0;
        timeIndex = FireTimeEvents(t, timeIndex);
        SaveThrough(t, y);

        SolverStatus status = SolverStatus.Success;
        string diagnostic = "";
        EvaluateConditions(t, y, _gPrev);

        double h = 0;
        if (t < tEnd)
        {
            if (!TryInitialStep(t, y, tEnd, out h))
                return Finish(SolverStatus.NonFinite, NonFiniteMessage(t, true), t);
        }

        int attempts = 0, accepted = 0, rejected = 0, singularInRow = 0;
        double hMax = _options.MaxStep;
        while (t < tEnd)
        {
            if (_options.Cancellation.IsCancellationRequested)
            {
                status = SolverStatus.Cancelled;
                diagnostic = $"Cancelled at t = {t:G8} after {accepted} accepted steps.";
                break;
            }
            if (attempts >= _options.MaxSteps)
            {
                status = SolverStatus.MaxSteps;
                diagnostic = $"Stopped after {attempts} steps at t = {t:G8} of [{_problem.T0:G6}, {tEnd:G6}] (MaxSteps = {_options.MaxSteps}): " +
                    (_stepper is DormandPrince5Stepper
                        ? (_stepper.StiffnessDetected
                            ? "the problem is stiff (the explicit method's step size is limited by stability, not accuracy); use the \"rodas5p\" or \"auto\" solver."
                            : "the problem may be stiff (try \"rodas5p\" or \"auto\"), the tolerances too tight, or the solution oscillates rapidly; otherwise raise MaxSteps.")
                        : "the tolerances may be too tight or the solution oscillates rapidly; loosen rtol/atol or raise MaxSteps.");
                break;
            }

            while (timeIndex < _timeOrder.Length && _timeEvents[_timeOrder[timeIndex]] is { Pending: { } pending } next && !pending(next.Time)) timeIndex++;
            double barrier = timeIndex < _timeOrder.Length ? Math.Min(_timeEvents[_timeOrder[timeIndex]].Time, tEnd) : tEnd;
            double hTry = Math.Min(_fixedStep ?? h, hMax);
            double hMin = MinimumStep(t);
            bool landing = t + 1.01 * hTry >= barrier;
            if (!landing && hTry < hMin)
            {
                status = SolverStatus.StepSizeTooSmall;
                diagnostic = StepTooSmallMessage(hTry, t);
                break;
            }
            double tNew = landing ? barrier : t + hTry;
            hTry = tNew - t;

            AttemptResult result = _stepper.Attempt(t, hTry, y, _yNew, _norm, out double err);
            attempts++;
            if (result == AttemptResult.NonFiniteAtStart)
            {
                status = SolverStatus.NonFinite;
                diagnostic = NonFiniteMessage(t, true);
                break;
            }
            if (result == AttemptResult.NonFiniteJacobian)
            {
                status = SolverStatus.ConvergenceFailure;
                diagnostic = $"The analytic Jacobian contains NaN or ±infinity at t = {t:G8}: check the JacobianFunction (or drop it to use finite differences).";
                break;
            }
            if (result == AttemptResult.NonFiniteNearStart)
            {
                status = SolverStatus.NonFinite;
                diagnostic = $"The right-hand side returned NaN or ±infinity for a state or time perturbed slightly from t = {t:G8} (finite-difference Jacobian or ∂f/∂t): " +
                    "the model is probably undefined just beyond the current state (log or sqrt of a negative value, division by zero).";
                break;
            }
            if (result == AttemptResult.NewtonFailed)
            {
                rejected++;
                double hNew = _stepper.Propose(hTry, double.PositiveInfinity, false);
                if (hNew < hMin || _fixedStep is not null)
                {
                    status = SolverStatus.ConvergenceFailure;
                    diagnostic = $"The Newton iteration failed to converge at t = {t:G8} even with h = {hTry:G3}: the solution is probably singular or blows up there, " +
                        "or the Jacobian is wrong; check the model or try \"rodas5p\".";
                    break;
                }
                h = hNew;
                continue;
            }
            if (result == AttemptResult.SingularMatrix)
            {
                rejected++;
                if (++singularInRow >= 10)
                {
                    status = SolverStatus.ConvergenceFailure;
                    diagnostic = $"The iteration matrix I/(h·γ) − J stayed singular at t = {t:G8} through {singularInRow} step reductions (down to h = {hTry:G3}): " +
                        "check the analytic Jacobian, or a component whose derivative is NaN or exactly degenerate.";
                    break;
                }
                h = hTry * 0.5;
                if (h < hMin) { status = SolverStatus.ConvergenceFailure; diagnostic = $"The iteration matrix was singular at t = {t:G8} even at h = {hTry:G3}: check the Jacobian."; break; }
                continue;
            }
            singularInRow = 0;

            bool ok = _fixedStep is null ? err <= 1.0 : !double.IsNaN(err);
            if (!ok)
            {
                rejected++;
                double hNew = _fixedStep is null ? _stepper.Propose(hTry, err, false) : 0;
                if (hNew < hMin)
                {
                    bool nonFinite = double.IsNaN(err);
                    status = nonFinite ? SolverStatus.NonFinite : SolverStatus.StepSizeTooSmall;
                    diagnostic = nonFinite ? NonFiniteMessage(t, false) : StepTooSmallMessage(hNew, t);
                    break;
                }
                h = hNew;
                continue;
            }

            // Accepted.
            accepted++;
            double hNext = _fixedStep ?? _stepper.Propose(hTry, err, true);
            _stepper.Accept(hTry, y, _yNew, _dense);

            // State events: sign changes of g over [t, tNew], located on the dense output.
            double tStop = tNew;
            int firstHit = -1;
            if (_stateEvents.Count > 0)
            {
                EvaluateConditions(tNew, _yNew, _gNew);
                for (int k = 0; k < _stateEvents.Count; k++)
                {
                    _roots[k] = double.NaN;
                    if (!Crosses(_stateEvents[k].Direction, _gPrev[k], _gNew[k])) continue;
                    double root = LocateRoot(k, t, hTry, y, tNew);
                    _roots[k] = root;
                    if (firstHit < 0 || root < tStop) { firstHit = k; tStop = root; }
                }
            }
            ReadOnlySpan<double> yStop;
            if (firstHit >= 0 && tStop < tNew)
            {
                Stepper.Evaluate(y, _dense, (tStop - t) / hTry, _yStop);
                yStop = _yStop;
            }
            else
            {
                tStop = firstHit >= 0 ? tNew : tStop;
                yStop = _yNew;
            }

            bool timeEventAtStop = landing && timeIndex < _timeOrder.Length && _timeEvents[_timeOrder[timeIndex]].Time == tStop;
            SaveWithinStep(t, hTry, y, yStop, tStop, inclusiveEnd: firstHit < 0 && !timeEventAtStop);
            if (_keep)
            {
                _stepStart!.Append(t);
                _stepSize!.Append(hTry);
                _denseStore!.Append(y);
                _denseStore.Append(_dense);
                RecordPoint(tStop, yStop);
            }
            yStop.CopyTo(y);
            t = tStop;
            h = hNext;

            if (firstHit >= 0)
            {
                bool terminal = false, changed = false;
                for (int k = 0; k < _stateEvents.Count; k++)
                {
                    // Every event whose crossing was located at this same time fires, in list order.
                    if (!(_roots[k] == t)) continue;
                    StateEvent e = _stateEvents[k];
                    if (e.Action is not null) { e.Action(t, y, _problem.Parameters); changed = true; }
                    if (_options.RecordEvents) _occurrences.Add(new EventOccurrence(t, e.Label, true, k));
                    terminal |= e.Terminal;
                }
                if (changed)
                {
                    RecordPoint(t, y);
                    _stepper.Restart();
                }
                else _stepper.InvalidateStart();
                if (terminal)
                {
                    SaveThrough(t, y);
                    status = SolverStatus.TerminatedByEvent;
                    break;
                }
                if (changed && t < tEnd && _fixedStep is null && !TryInitialStep(t, y, tEnd, out h))
                {
                    status = SolverStatus.NonFinite;
                    diagnostic = NonFiniteMessage(t, true);
                    break;
                }
                EvaluateConditions(t, y, _gPrev);
            }
            else
            {
                _gNew.AsSpan().CopyTo(_gPrev);
            }

            if (timeEventAtStop && t == tStop)
            {
                timeIndex = FireTimeEvents(t, timeIndex);
                EvaluateConditions(t, y, _gPrev);
                if (t < tEnd && _fixedStep is null && !TryInitialStep(t, y, tEnd, out h))
                {
                    status = SolverStatus.NonFinite;
                    diagnostic = NonFiniteMessage(t, true);
                    break;
                }
            }
            SaveThrough(t, y);

            if (_stiffStepper is not null && _stepper.StiffnessDetected)
            {
                // "auto": Hairer's test says the explicit step is stability-bound; continue with the stiff method.
                MergeStatistics(_stepper);
                _stepper = _stiffStepper;
                _stiffStepper = null;
                _stepper.Restart();
                SwitchTime = t;
            }
        }

        _accepted = accepted;
        _rejected = rejected;
        return Finish(status, diagnostic, t);
    }

    private int _accepted, _rejected;
    private long _mergedF, _mergedSolves;
    private int _mergedJ, _mergedLu;

    /// <summary>Time at which "auto" switched to the stiff method (NaN if it did not).</summary>
    public double SwitchTime { get; private set; } = double.NaN;

    private void MergeStatistics(Stepper s)
    {
        _mergedF += s.FunctionEvaluations;
        _mergedJ += s.JacobianEvaluations;
        _mergedLu += s.LuDecompositions;
        _mergedSolves += s.LinearSolves;
    }

    private OdeSolution Finish(SolverStatus status, string diagnostic, double t)
    {
        MergeStatistics(_stepper);
        var stats = new SolverStatistics(_accepted, _rejected, _mergedF + _driverEvaluations, _mergedJ, _mergedLu, _mergedSolves);
        double[] final = (double[])_y.Clone();
        if (_keep)
        {
            int steps = _stepStart!.Count;
            return new OdeSolution(status, diagnostic, _n, t, final, _times, _states!.Array, _savedTimes, _savedStates, stats, _occurrences,
                _stepStart.Array, _stepSize!.Array, _denseStore!.Array, steps);
        }
        return new OdeSolution(status, diagnostic, _n, t, final, _times, [], _savedTimes, _savedStates, stats, _occurrences);
    }

    private void RecordPoint(double t, ReadOnlySpan<double> y)
    {
        if (!_keep) return;
        _times.Add(t);
        _states!.Append(y);
    }

    private int FireTimeEvents(double t, int timeIndex)
    {
        bool fired = false;
        while (timeIndex < _timeOrder.Length && _timeEvents[_timeOrder[timeIndex]].Time == t)
        {
            int k = _timeOrder[timeIndex++];
            TimeEvent e = _timeEvents[k];
            if (e.Pending is { } pending && !pending(t)) continue;
            e.Action(t, _y, _problem.Parameters);
            if (_options.RecordEvents) _occurrences.Add(new EventOccurrence(t, e.Label, false, k));
            fired = true;
        }
        if (fired)
        {
            RecordPoint(t, _y);
            _stepper.Restart();
        }
        return timeIndex;
    }

    private void SaveThrough(double t, ReadOnlySpan<double> y)
    {
        while (_saveIndex < _saveAt.Length && _saveAt.Span[_saveIndex] <= t)
        {
            double s = _saveAt.Span[_saveIndex++];
            if (_onSave is not null) _onSave(s, y);
            else y.CopyTo(_savedStates.AsSpan(_savedTimes.Count * _n, _n));
            _savedTimes.Add(s);
        }
    }

    private void SaveWithinStep(double t0, double h, ReadOnlySpan<double> y0, ReadOnlySpan<double> yEnd, double tEnd, bool inclusiveEnd)
    {
        while (_saveIndex < _saveAt.Length)
        {
            double s = _saveAt.Span[_saveIndex];
            if (s > tEnd || (s == tEnd && !inclusiveEnd)) break;
            if (_onSave is not null)
            {
                if (s == tEnd) _onSave(s, yEnd);
                else
                {
                    Stepper.Evaluate(y0, _dense, (s - t0) / h, _work2);
                    _onSave(s, _work2);
                }
            }
            else
            {
                Span<double> dest = _savedStates.AsSpan(_savedTimes.Count * _n, _n);
                if (s == tEnd) yEnd.CopyTo(dest);
                else Stepper.Evaluate(y0, _dense, (s - t0) / h, dest);
            }
            _savedTimes.Add(s);
            _saveIndex++;
        }
    }

    private void EvaluateConditions(double t, ReadOnlySpan<double> y, double[] g)
    {
        for (int k = 0; k < g.Length; k++) g[k] = _stateEvents[k].Condition(t, y);
    }

    // A crossing ends on the far side (or on zero), so a root located at the right end of its bracket
    // leaves g on the new side and does not fire again in the next step.
    private static bool Crosses(CrossingDirection d, double g0, double g1) => d switch
    {
        CrossingDirection.Rising => g0 < 0 && g1 >= 0,
        CrossingDirection.Falling => g0 > 0 && g1 <= 0,
        _ => (g0 < 0 && g1 >= 0) || (g0 > 0 && g1 <= 0),
    };


    /// <summary>
    /// Illinois-modified regula falsi (Dowell &amp; Jarratt, BIT 11 (1971) 168–174) on g(t, y(t)) with y from
    /// the step's dense output. Stops when the bracket is below 1e-10 of the step length (or 4 ulps of t)
    /// and returns the bracket's right end, where g already has its new sign.
    /// </summary>
    private double LocateRoot(int k, double t0, double h, ReadOnlySpan<double> y0, double tNew)
    {
        EventCondition g = _stateEvents[k].Condition;
        double a = t0, b = tNew, ga = _gPrev[k], gb = _gNew[k];
        double tol = Math.Max(1e-10 * h, 4 * Eps * Math.Abs(tNew));
        int side = 0;
        Span<double> ys = _work1;
        for (int iter = 0; iter < 200 && b - a > tol; iter++)
        {
            double c = b - gb * (b - a) / (gb - ga);
            // Keep the iterate strictly inside; bisect when the secant misbehaves.
            if (!(c > a && c < b)) c = 0.5 * (a + b);
            Stepper.Evaluate(y0, _dense, (c - t0) / h, ys);
            double gc = g(c, ys);
            if (gc == 0 || Math.Sign(gc) == Math.Sign(gb))
            {
                b = c; gb = gc;
                if (gc == 0) break;
                if (side == 1) ga *= 0.5;
                side = 1;
            }
            else
            {
                a = c; ga = gc;
                if (side == -1) gb *= 0.5;
                side = -1;
            }
        }
        return b;
    }

    private double MinimumStep(double t) => Math.Max(_options.MinStep, 16 * Eps * Math.Max(Math.Abs(t), 1e-300));

    /// <summary>
    /// Starting step of Hairer, Nørsett &amp; Wanner I, §II.4 (the HINIT routine): h0 = 0.01‖y0‖/‖f0‖, one explicit
    /// Euler step to estimate ‖y''‖, then h = min(100·h0, (0.01/max(‖f0‖, ‖y''‖))^(1/p)).
    /// </summary>
    private bool TryInitialStep(double t, ReadOnlySpan<double> y, double tEnd, out double h)
    {
        double span = tEnd - t;
        double hMax = Math.Min(_options.MaxStep, span);
        if (_options.InitialStep is { } given) { h = Math.Min(given, hMax); return true; }
        if (_fixedStep is { } fixedH) { h = fixedH; return true; }
        Span<double> f0 = _work1, f1 = _work2, y1 = _yStop;
        _f(t, y, f0);
        _driverEvaluations++;
        foreach (double v in f0) if (!double.IsFinite(v)) { h = 0; return false; }
        double d0 = _norm.Norm(y, y), d1 = _norm.Norm(f0, y);
        double h0 = d0 < 1e-10 || d1 < 1e-10 ? 1e-6 * Math.Max(1, span * 1e-6) : 0.01 * d0 / d1;
        h0 = Math.Min(h0, hMax);
        for (int i = 0; i < _n; i++) y1[i] = y[i] + h0 * f0[i];
        _f(t + h0, y1, f1);
        _driverEvaluations++;
        for (int i = 0; i < _n; i++) f1[i] -= f0[i];
        double d2 = _norm.Norm(f1, y) / h0;
        double dm = Math.Max(d1, d2);
        double h1 = !(dm > 1e-15) ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / dm, 1.0 / _stepper.Order);
        h = Math.Min(Math.Min(100 * h0, h1), hMax);
        if (!(h > 0) || !double.IsFinite(h)) h = Math.Min(1e-6, hMax);
        return true;
    }

    private static string StepTooSmallMessage(double h, double t) =>
        $"Step size fell to {h:G3} at t = {t:G8}: the solution is probably blowing up or has a singularity near there; check the model, or loosen rtol/atol if the solution is genuinely this sharp.";

    private string NonFiniteMessage(double t, bool atStart)
    {
        int bad = -1;
        if (atStart)
        {
            _f(t, _y, _work1);
            _driverEvaluations++;
            for (int i = 0; i < _n && bad < 0; i++) if (!double.IsFinite(_work1[i])) bad = i;
        }
        string which = bad >= 0 ? $" (first in component {bad})" : "";
        return atStart
            ? $"The right-hand side returned NaN or ±infinity at t = {t:G8}{which}: check the model for division by zero, log or sqrt of a negative value, or overflow."
            : $"The right-hand side kept returning NaN or ±infinity just after t = {t:G8} even for tiny steps: the solution probably blows up there, or the model divides by zero or takes a log/sqrt of a negative value.";
    }
}
