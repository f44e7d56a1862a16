using System.Globalization;
using System.Text;
using TpoSim.Output.Files;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Population;

/// <summary>How to run a population.</summary>
/// <param name="Subjects">Number of subjects to enrol (1–<see cref="PopulationRunner.MaxSubjects"/>).</param>
/// <param name="Seed">Run seed; with the candidate index it fixes every draw.</param>
/// <param name="Threads">Worker threads (≥ 1); the results do not depend on it.</param>
public sealed record PopulationOptions(int Subjects, long Seed, int Threads)
{
    /// <summary>Receives the fraction of subjects done (0–1) after each chunk.</summary>
    public IProgress<double>? Progress { get; init; }

    /// <summary>Cancels between subjects.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Solver name replacing the scenario's, or null.</summary>
    public string? Solver { get; init; }

    /// <summary>Relative tolerance of every subject's solve; <see cref="DefaultRelativeTolerance"/> by default.</summary>
    public double RelativeTolerance { get; init; } = DefaultRelativeTolerance;

    /// <summary>
    /// The population default, 1e-4 (a single simulation uses <see cref="SolverChoice.DefaultRelativeTolerance"/>): on the
    /// Kuter 2008 trial (500 subjects) it changed no trial statistic against rtol 1e-8 and the platelet bands by ≤ 0.05%,
    /// at half the CPU time of 1e-6 (docs/performance.md, "Tolerance policy").
    /// </summary>
    public const double DefaultRelativeTolerance = SolverChoice.DrawRelativeTolerance;

    /// <summary>The tightest relative tolerance a population accepts.</summary>
    public const double MinimumRelativeTolerance = 1e-10;

    /// <summary>The loosest relative tolerance a population accepts (looser steps past the TPO dynamics).</summary>
    public const double MaximumRelativeTolerance = 1e-2;

    /// <summary>When set, every enrolled subject's series is written there as subject-NNNNNN.csv (day, platelets, TPO).</summary>
    public string? SeriesDirectory { get; init; }

    /// <summary>
    /// Subject rows (per arm) kept in memory before the rest are spilled to a temporary file; the outputs are the same
    /// bytes either way (<see cref="SubjectRows"/>).
    /// </summary>
    public int RowsInMemory { get; init; } = SubjectRows.DefaultInMemoryLimit;

    /// <summary>Test hook: transforms each subject's scenario before it runs (e.g. to inject a fault). Null in normal use.</summary>
    public Func<SubjectDraw, Scenario, Scenario>? ScenarioHook { get; init; }
}

/// <summary>Status of one subject.</summary>
public enum SubjectStatus
{
    /// <summary>Simulated to the end.</summary>
    Ok,
    /// <summary>Resampling found no in-range parameter vector; not simulated.</summary>
    OutOfRange,
    /// <summary>The solver failed or produced a non-physical value.</summary>
    SolverFailure,
    /// <summary>The subject's run threw; the message is kept.</summary>
    Error,
}

/// <summary>The outcome of one enrolled subject. Trajectories are kept only while its chunk is reduced.</summary>
/// <param name="Draw">Covariates and parameters (its index is the subject slot, with the screening attempt admitted).</param>
/// <param name="Status">Ok or the failure kind.</param>
/// <param name="Diagnostic">Why it failed ("" when ok).</param>
/// <param name="Summary">Baseline, nadir, peak and response metrics (null when no outputs exist).</param>
public sealed record SubjectOutcome(SubjectDraw Draw, SubjectStatus Status, string Diagnostic, SubjectSummary? Summary)
{
    /// <summary>Enrolment number (0-based, in slot order among the enrolled).</summary>
    public int Subject { get; init; }

    internal double[]? Platelets { get; init; }

    /// <summary>Platelets on the last output day (10⁹/L; NaN when the subject did not run): kept after the series are binned, for endpoints read on the trial's last day.</summary>
    public double LastDayPlatelets { get; init; } = double.NaN;
    internal double[]? Tpo { get; init; }

    /// <summary>
    /// Whether the subject met each endpoint the file defines by kind (<see cref="PopulationReducer.DefinedEndpoints"/>, in
    /// that order); null when there are none or the subject did not run.
    /// </summary>
    public IReadOnlyList<bool>? EndpointHits { get; init; }

    /// <summary>Mean of the screening counts the subject was enrolled on (10⁹/L), or NaN without <see cref="InclusionCriteria.Screening"/>.</summary>
    public double ScreeningMeanPlatelets { get; init; } = double.NaN;
}

/// <summary>Per-subject figures.</summary>
/// <param name="BaselinePlatelets">Day-0 platelets, 10⁹/L.</param>
/// <param name="BaselineTpoPgPerMl">Day-0 free TPO, pg/mL.</param>
/// <param name="Nadir">Lowest platelets and its day.</param>
/// <param name="Peak">Highest platelets and its day.</param>
/// <param name="Response">Trial response metrics (weekly counts, time in range, rescue, events, dose).</param>
public sealed record SubjectSummary(double BaselinePlatelets, double BaselineTpoPgPerMl, DayValue Nadir, DayValue Peak, SubjectResponse Response)
{
    /// <summary>Fraction of the simulated time with 50 ≤ platelets &lt; 200 (the response definition's range).</summary>
    public double TimeIn50To200 => Response.TimeInRange;

    /// <summary>Platelets were &lt; 50 at some output point.</summary>
    public bool EverBelow50 => Nadir.Value < 50;

    /// <summary>Platelets reached the response threshold (50) at some output point.</summary>
    public bool EverAtLeast50 => Response.EverAtLeastThreshold;
}

/// <summary>
/// Runs a virtual population by subject slots: slot j (0-based) of N is one subject's place, and its screening candidates
/// are its own, attempts a = 0, 1, … each drawn from the stream of (seed, j, a) (<see cref="SubjectSampler.DrawAttempt(int, int)"/>),
/// screened on their day-0 steady state until one is admitted, at most <see cref="InclusionCriteria.MaxScreenedPerSubject"/>
/// attempts (a slot that admits nobody holds screen failures only). With a splenectomised quota each slot's stratum is
/// fixed in advance (<see cref="SlotIsSplenectomised"/>) and a passing candidate of the other stratum is a screen failure
/// ("stratum full"). Without inclusion criteria slot j is candidate j. A slot thus depends on (seed, j) alone, so any range
/// of slots runs on its own (a shard, <see cref="RunSlots"/>) and ranges reduced in order and joined
/// (<see cref="Combine"/>) give exactly the one-machine result; within a run, slots are simulated in parallel and reduced
/// in slot order as they complete (<see cref="OrderedPipeline"/>, no barrier), so every output is independent of the
/// thread count.
/// </summary>
public static class PopulationRunner
{
    /// <summary>Largest number of subjects per run.</summary>
    public const int MaxSubjects = 100_000;

    /// <summary>
    /// Largest output grid: the streaming percentile histograms hold grid × 2317 × 4 bytes per quantity (at most
    /// ≈185 MB for platelets and TPO), whatever the number of subjects.
    /// </summary>
    public const int MaxGridPoints = 10_000;

    /// <summary>Slots between two progress reports.</summary>
    public const int ChunkSize = 128;

    /// <summary>
    /// Slots claimed ahead of the next one to reduce (<see cref="OrderedPipeline"/>): results, with their series, wait
    /// at most this many at a time; a worker stalls only behind a subject ≈ Window / threads times slower than average.
    /// </summary>
    public const int Window = 2 * ChunkSize;

    /// <summary>Null when the run fits the caps, else a one-line reason.</summary>
    public static string? CheckSize(Scenario scenario, int subjects)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (subjects < 1 || subjects > MaxSubjects) return $"--subjects: {subjects} is outside the allowed range [1, {MaxSubjects}]";
        var grid = Simulator.Grid(scenario.Days, scenario.OutputStepDays).Length;
        if (grid > MaxGridPoints)
            return $"simulation: {grid} output points exceed the cap of {MaxGridPoints} for population percentiles; use a larger outputEveryDays or fewer days";
        return null;
    }

    /// <summary>
    /// Candidates screened without a single one meeting the inclusion rule before the run stops enrolling (the rule is
    /// then taken as impossible for this population; a rule that admits 1 in 1,000 still enrols). The decision is taken on
    /// the leading slots only (<see cref="LeadingSlots"/>), so every shard of a run takes the same one.
    /// </summary>
    public const int ScreenedBeforeGivingUp = 1000;

    /// <summary>
    /// The slots 0…m − 1 whose candidates decide whether the rule is impossible: the fewest whose attempts reach
    /// <see cref="ScreenedBeforeGivingUp"/> (m · maxScreenedPerSubject ≥ 1000), or all N when there are fewer.
    /// </summary>
    public static int LeadingSlots(InclusionCriteria inclusion, int subjects)
    {
        ArgumentNullException.ThrowIfNull(inclusion);
        return (int)Math.Min(subjects, (ScreenedBeforeGivingUp + inclusion.MaxScreenedPerSubject - 1) / inclusion.MaxScreenedPerSubject);
    }

    /// <summary>
    /// Whether slot <paramref name="slot"/> of <paramref name="subjects"/> enrols a splenectomised subject under a quota of
    /// <paramref name="quota"/>: ⌊(j + 1)q/N⌋ &gt; ⌊jq/N⌋, which spreads exactly q such slots evenly over the N.
    /// </summary>
    public static bool SlotIsSplenectomised(int slot, int quota, int subjects) =>
        (long)(slot + 1) * quota / subjects > (long)slot * quota / subjects;

    /// <summary>Runs the population. A failed subject is counted and reported; it never stops the run.</summary>
    public static PopulationResult Run(PopulationDefinition definition, PopulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Combine([RunSlots(definition, options, new Sensitivity.RunRange(0, options.Subjects))]);
    }

    /// <summary>
    /// Runs slots [<paramref name="slots"/>.From, To) of an N-subject run (N = <see cref="PopulationOptions.Subjects"/>):
    /// exactly those subjects and their screening candidates (and, with inclusion criteria, the cheap check of the
    /// leading slots that decides whether the rule is impossible). Subjects are numbered from 0 within the range;
    /// <see cref="Combine"/> renumbers them.
    /// </summary>
    public static PopulationPartial RunSlots(PopulationDefinition definition, PopulationOptions options, Sensitivity.RunRange slots)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        if (CheckSize(definition.BaseScenario, options.Subjects) is { } problem) throw new ArgumentOutOfRangeException(nameof(options), problem);
        if (options.Threads < 1) throw new ArgumentOutOfRangeException(nameof(options), "Threads must be at least 1.");
        if (slots.From < 0 || slots.To > options.Subjects || slots.From > slots.To) throw new ArgumentOutOfRangeException(nameof(slots), "Slots must lie in [0, N).");
        if (options.SeriesDirectory is { } dir) Directory.CreateDirectory(dir);
        var sampler = new SubjectSampler(definition, options.Seed);
        var grid = Simulator.Grid(definition.BaseScenario.Days, definition.BaseScenario.OutputStepDays);
        // One run per arm (one, the definition itself, without arms), each reduced on its own, all on the same enrolled subjects.
        var runs = ArmRuns(definition);
        var reducers = runs.Select(r => new PopulationReducer(r.Definition, sampler.Typical, grid, options.RowsInMemory)).ToArray();
        var inclusion = definition.Inclusion;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = options.Cancellation };
        var screened = 0;
        if (inclusion is not null && LeadingFailures(definition, sampler, inclusion, options, parallel) is { } failures)
        {
            // A rule no candidate of the leading slots meets is impossible for this population: every shard stops here with
            // the same answer, the leading slots' screen failures, instead of N × maxScreenedPerSubject steady states.
            foreach (var reason in failures) foreach (var r in reducers) r.AddScreenFailure(reason);
            return new PopulationPartial(definition, options.Subjects, slots, reducers, failures.Count) { RuleImpossible = true };
        }
        var quota = inclusion?.SplenectomisedQuota(options.Subjects);
        var enrolled = 0;
        // Slots are simulated in parallel and reduced in slot order as they complete (no barrier between chunks), so the
        // reducers see the same subjects in the same order on any number of threads.
        OrderedPipeline.Run(slots.From, slots.To, options.Threads, Window, options.Cancellation,
            slot => RunSlot(definition, sampler, runs, grid, options, quota, slot),
            (index, slot) =>
            {
                screened += slot.Attempts;
                foreach (var reason in slot.Failures) foreach (var r in reducers) r.AddScreenFailure(reason);
                if (slot.Outcomes is { } outcomes)
                {
                    for (var a = 0; a < outcomes.Length; a++)
                    {
                        var outcome = outcomes[a] with { Subject = enrolled };
                        // --keep-series writes the first arm's series (the one the top-level files describe).
                        if (a == 0 && options.SeriesDirectory is { } seriesDir && outcome.Platelets is { } p && outcome.Tpo is { } tpo) WriteSeries(seriesDir, enrolled, grid, p, tpo);
                        reducers[a].Add(outcome);
                        // The reducer has binned the series (and the series file is written): they are spare now.
                        SeriesPool.Return(outcome.Platelets);
                        SeriesPool.Return(outcome.Tpo);
                    }
                    enrolled++;
                }
                var done = index + 1 - slots.From;
                if (done % ChunkSize == 0 || index + 1 == slots.To) options.Progress?.Report((double)done / Math.Max(1, slots.Count));
            });
        return new PopulationPartial(definition, options.Subjects, slots, reducers, screened);
    }

    /// <summary>
    /// Joins the partial results of consecutive slot ranges that tile [0, N) into the run's result: what one machine
    /// running all N slots computes, to the bit. An impossible rule (every partial says so) gives the leading slots'
    /// screen failures and no subject.
    /// </summary>
    public static PopulationResult Combine(IReadOnlyList<PopulationPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.Count == 0) throw new ArgumentException("No partial result.", nameof(partials));
        var first = partials[0];
        PopulationReducer[] reducers;
        int screened;
        if (first.RuleImpossible || (partials.Count == 1 && first.Slots.From == 0 && first.Slots.To == first.Subjects))
        {
            // One partial over every slot (a one-machine run) is already the whole reduction.
            reducers = first.Reducers.ToArray();
            screened = first.Screened;
        }
        else
        {
            var expected = 0;
            reducers = first.Reducers.Select(r => new PopulationReducer(r.Definition, r.Typical, r.Grid, r.RowsInMemory)).ToArray();
            screened = 0;
            foreach (var p in partials)
            {
                if (p.Slots.From != expected || p.Reducers.Count != reducers.Length || p.Subjects != first.Subjects || p.RuleImpossible)
                    throw new ArgumentException($"Partial results must tile slots [0, {first.Subjects}) in order; found [{p.Slots.From}, {p.Slots.To}) after slot {expected}.", nameof(partials));
                expected = p.Slots.To;
                for (var a = 0; a < reducers.Length; a++) reducers[a].Absorb(p.Reducers[a]);
                screened += p.Screened;
            }
            if (expected != first.Subjects) throw new ArgumentException($"Partial results end at slot {expected} of {first.Subjects}.", nameof(partials));
        }
        var results = reducers.Select(r => r.Finish(screened, first.Subjects)).ToArray();
        if (first.Definition.Arms is { } arms)
            results[0].Arms = arms.Select((arm, a) => new ArmResult(arm, results[a])).ToArray();
        return results[0];
    }

    /// <summary>What one slot gave: candidates screened, the reasons of its screen failures, and its enrolled subject's runs (one per arm) or null.</summary>
    private sealed record SlotOutcome(int Attempts, IReadOnlyList<string> Failures, SubjectOutcome[]? Outcomes);

    /// <summary>Screens slot <paramref name="slot"/>'s candidates in attempt order and simulates the first admitted to its stratum.</summary>
    private static SlotOutcome RunSlot(PopulationDefinition definition, SubjectSampler sampler, ArmRun[] runs, double[] grid, PopulationOptions options, int? quota, int slot)
    {
        if (definition.Inclusion is not { } inclusion) return new SlotOutcome(1, [], RunArms(runs, Screen(definition, sampler, slot, 0), grid, options));
        bool? spleenSlot = quota is { } q ? SlotIsSplenectomised(slot, q, options.Subjects) : null;
        var failures = new List<string>();
        for (var attempt = 0; attempt < inclusion.MaxScreenedPerSubject; attempt++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            var c = Screen(definition, sampler, slot, attempt);
            if (!c.Admitted) { failures.Add(c.Reason); continue; }
            // Enrolment by stratum: a passing candidate of the other stratum than the slot's is turned away.
            if (spleenSlot is { } spleen && (c.Draw.Splenectomised == true) != spleen) { failures.Add("stratum full"); continue; }
            return new SlotOutcome(attempt + 1, failures, RunArms(runs, c, grid, options));
        }
        return new SlotOutcome(inclusion.MaxScreenedPerSubject, failures, null);
    }

    /// <summary>
    /// Null when some candidate of the leading slots (<see cref="LeadingSlots"/>) meets the inclusion rule, whatever its
    /// stratum (normally the first screened, so a shard that does not own these slots pays one steady state); otherwise
    /// the reasons of all their screen failures in slot and attempt order.
    /// </summary>
    private static List<string>? LeadingFailures(PopulationDefinition definition, SubjectSampler sampler, InclusionCriteria inclusion, PopulationOptions options, ParallelOptions parallel)
    {
        var m = LeadingSlots(inclusion, options.Subjects);
        var reasons = new string[m][];
        var found = 0;
        // Slot 0's first candidate nearly always answers; the rest run in parallel only when it does not.
        if (Screen(definition, sampler, 0, 0).Admitted) return null;
        Parallel.For(0, m, parallel, (j, state) =>
        {
            var own = new string[inclusion.MaxScreenedPerSubject];
            for (var a = 0; a < own.Length; a++)
            {
                if (Volatile.Read(ref found) != 0) { state.Stop(); return; }
                var c = Screen(definition, sampler, j, a);
                if (c.Admitted) { Interlocked.Exchange(ref found, 1); state.Stop(); return; }
                own[a] = c.Reason;
            }
            reasons[j] = own;
        });
        if (found != 0) return null;
        return reasons.SelectMany(r => r).ToList();
    }

    /// <summary>One simulated regimen: its definition and whether the screen's day-0 plan (the base scenario's) is its own.</summary>
    private sealed record ArmRun(PopulationDefinition Definition, bool ReusesScreenPlan);

    /// <summary>The definition each arm runs (<see cref="PopulationDefinition.ForArm"/>); without arms, the definition itself.</summary>
    private static ArmRun[] ArmRuns(PopulationDefinition definition) =>
        definition.Arms is not { } arms ? [new ArmRun(definition, true)]
        : arms.Select(arm => new ArmRun(definition.ForArm(arm), arm.KeepsRegimen)).ToArray();

    /// <summary>Simulates an admitted candidate in every arm, in arm order.</summary>
    private static SubjectOutcome[] RunArms(ArmRun[] runs, Candidate candidate, double[] grid, PopulationOptions options)
    {
        var outcomes = new SubjectOutcome[runs.Length];
        for (var a = 0; a < runs.Length; a++)
            outcomes[a] = RunSubject(runs[a].Definition, runs[a].ReusesScreenPlan ? candidate : candidate with { DayZero = null, Scenario = null }, grid, options);
        return outcomes;
    }

    /// <summary>
    /// A screened candidate: admitted or not (and why), and when the screen solved it, the scenario it screened and that
    /// scenario's day 0 (the run's plan is completed from them, so a candidate turned away never compiles its events).
    /// </summary>
    private sealed record Candidate(SubjectDraw Draw, bool Admitted, string Reason, string? Error)
    {
        public Scenario? Scenario { get; init; }
        public Simulator.DayZero? DayZero { get; init; }
        public double ScreeningMean { get; init; } = double.NaN;
    }

    /// <summary>
    /// Draws attempt <paramref name="attempt"/> of slot <paramref name="slot"/>; a draw that throws gives an empty draw
    /// (no parameters, out of range) and the one-line message. A merge re-draws enrolled candidates through here, so the
    /// merged subjects.csv has the same covariates and parameters as the run's.
    /// </summary>
    public static (SubjectDraw Draw, string? Error) DrawCandidate(PopulationDefinition definition, SubjectSampler sampler, int slot, int attempt)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(sampler);
        try
        {
            return (sampler.DrawAttempt(slot, attempt), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (new SubjectDraw(slot, definition.BaseScenario.Patient, [], 0, false) { Attempt = attempt }, OneLine(e.Message));
        }
    }

    /// <summary>Draws a candidate and, with inclusion criteria, evaluates them on its day-0 steady state.</summary>
    private static Candidate Screen(PopulationDefinition definition, SubjectSampler sampler, int slot, int attempt)
    {
        var (draw, drawError) = DrawCandidate(definition, sampler, slot, attempt);
        if (drawError is not null)
            return definition.Inclusion is null ? new Candidate(draw, true, "", drawError) : new Candidate(draw, false, "not evaluable", null);
        if (definition.Inclusion is not { } inclusion) return new Candidate(draw, true, "", null);
        if (!draw.InRange) return new Candidate(draw, false, "not evaluable", null);
        try
        {
            // The model the run integrates, so its steady state is the run's day-0 state, bit for bit.
            var scenario = draw.ScenarioFor(definition);
            var dayZero = Simulator.SolveDayZero(scenario);
            if (dayZero.Failure is not null) return new Candidate(draw, false, "not evaluable", null);
            var baseline = dayZero.Platelets;
            if (inclusion.Screening is { } visits)
            {
                // The bounds apply to the mean of the screening counts (Kuter 2008); a visit without a steady state is not evaluable.
                var counts = visits.CountsFor(scenario, baseline);
                if (counts.Any(c => !double.IsFinite(c))) return new Candidate(draw, false, "not evaluable", null);
                var mean = counts.Average();
                return inclusion.Admits(mean)
                    ? new Candidate(draw, true, "", null) { Scenario = scenario, DayZero = dayZero, ScreeningMean = mean }
                    : new Candidate(draw, false, "baseline platelets", null);
            }
            return inclusion.Admits(baseline) ? new Candidate(draw, true, "", null) { Scenario = scenario, DayZero = dayZero } : new Candidate(draw, false, "baseline platelets", null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new Candidate(draw, false, "not evaluable", null);
        }
    }

    /// <summary>Simulates an admitted candidate (its enrolment number is set when it is enrolled, in order).</summary>
    private static SubjectOutcome RunSubject(PopulationDefinition definition, Candidate candidate, double[] grid, PopulationOptions options) =>
        RunDraw(definition, candidate, grid, options) with { ScreeningMeanPlatelets = candidate.ScreeningMean };

    private static SubjectOutcome RunDraw(PopulationDefinition definition, Candidate candidate, double[] grid, PopulationOptions options)
    {
        var draw = candidate.Draw;
        if (candidate.Error is { } error) return new SubjectOutcome(draw, SubjectStatus.Error, error, null);
        if (!draw.InRange)
            return new SubjectOutcome(draw, SubjectStatus.OutOfRange, $"no parameter vector inside the allowed ranges in {PopulationDefinition.MaxResamples} draws", null);
        try
        {
            // The screen's scenario and day 0 when this arm runs the screened regimen; a hook may change the scenario, and
            // with it the day-0 state: solve it again then.
            SimulationPlan plan;
            if (options.ScenarioHook is { } hook) plan = Simulator.Compile(hook(draw, draw.ScenarioFor(definition)));
            else if (candidate is { Scenario: { } screened, DayZero: { } dayZero }) plan = Simulator.CompileFrom(screened, dayZero);
            else plan = Simulator.Compile(draw.ScenarioFor(definition));
            // The run's output lists are this thread's and reused (Simulator.RunReduced): only the outcome leaves the lambda.
            return Simulator.RunReduced(plan, options.Solver, options.Cancellation, options.RelativeTolerance, result =>
            {
                // One platelet series for the summary and the bands; both series go back to the pool once reduced.
                var platelets = SeriesPool.Rent(result.Outputs.Count);
                for (var i = 0; i < platelets.Length; i++) platelets[i] = result.Outputs[i].PlateletsCirculating;
                var summary = Summarise(result, platelets, definition.Response);
                if (!result.Succeeded || result.Days.Count != grid.Length)
                {
                    SeriesPool.Return(platelets);
                    return result.Succeeded
                        ? new SubjectOutcome(draw, SubjectStatus.Error, $"{result.Days.Count} output points instead of {grid.Length}", summary)
                        : new SubjectOutcome(draw, SubjectStatus.SolverFailure, OneLine($"{result.Status} at day {result.Days[^1]:0.###}: {result.Diagnostic}"), summary);
                }
                var tpo = SeriesPool.Rent(result.Outputs.Count);
                for (var i = 0; i < tpo.Length; i++) tpo[i] = result.Outputs[i].TpoFreePicogramsPerMl;
                return new SubjectOutcome(draw, SubjectStatus.Ok, "", summary) { Platelets = platelets, Tpo = tpo };
            });
        }
        catch (Exception e) when (e is not OperationCanceledException and not IOException and not UnauthorizedAccessException)
        {
            return new SubjectOutcome(draw, SubjectStatus.Error, OneLine($"{e.GetType().Name}: {e.Message}"), null);
        }
    }

    /// <summary>File name of subject <paramref name="subject"/>'s series.</summary>
    public static string SeriesFileName(int subject) => $"subject-{subject.ToString("D6", CultureInfo.InvariantCulture)}.csv";

    private static void WriteSeries(string directory, int subject, double[] days, double[] platelets, double[] tpo)
    {
        var sb = new StringBuilder("day,platelets,tpoPgPerMl\n");
        for (var i = 0; i < days.Length; i++)
        {
            sb.Append(InvariantNumber.G10(days[i])).Append(',')
              .Append(InvariantNumber.G10(platelets[i])).Append(',')
              .Append(InvariantNumber.G10(tpo[i])).Append('\n');
        }
        File.WriteAllText(Path.Combine(directory, SeriesFileName(subject)), sb.ToString());
    }

    private static SubjectSummary Summarise(SimulationResult result, double[] platelets, ResponseDefinition response)
    {
        var s = result.Summary;
        var (total, unit) = TotalDose(result);
        return new SubjectSummary(s.BaselinePlatelets, s.BaselineTpoPgPerMl, s.PlateletNadir, s.PlateletPeak,
            SubjectResponse.Compute(result.Days, platelets, response, total, unit));
    }

    /// <summary>
    /// Total dose given and its unit: the titration's given doses when there is a titration, else the scenario's doses
    /// of its first drug inside the simulated span (µg/kg kept as µg/kg, mg as mg, µg as µg).
    /// </summary>
    private static (double Total, string Unit) TotalDose(SimulationResult result)
    {
        if (result.Titration is { } log)
            return log.Doses.Count == 0 ? (0, "") : (log.Doses.Sum(d => d.Amount), log.Doses[0].Unit);
        var scenario = result.Scenario;
        if (scenario.Doses.Count == 0) return (0, "");
        var drug = scenario.Doses[0].Drug;
        var unit = scenario.Doses[0].Unit;
        var total = scenario.Doses.Where(d => d.Drug == drug && d.Unit == unit)
            .Sum(d => d.Amount * d.Times().Count(t => t < scenario.Days + 1e-9));
        return (total, unit switch { DoseUnit.MicrogramPerKg => "µg/kg", DoseUnit.Milligram => "mg", _ => "µg" });
    }

    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ');
}
