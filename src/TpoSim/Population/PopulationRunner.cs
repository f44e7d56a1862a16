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
/// <param name="Draw">Covariates and parameters (its index is the candidate index).</param>
/// <param name="Status">Ok or the failure kind.</param>
/// <param name="Diagnostic">Why it failed ("" when ok).</param>
/// <param name="Summary">Baseline, nadir, peak and response metrics (null when no outputs exist).</param>
public sealed record SubjectOutcome(SubjectDraw Draw, SubjectStatus Status, string Diagnostic, SubjectSummary? Summary)
{
    /// <summary>Enrolment number (0-based, in candidate order).</summary>
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
/// Runs a virtual population: candidates are drawn in index order from their own streams, screened on their day-0
/// steady state when the population has inclusion criteria, and the first N who pass are enrolled; results are reduced
/// in enrolment order, so every output is independent of the thread count. One pass per chunk of candidates: each task
/// draws, screens and (when admitted and its stratum still has room) simulates its candidate from the steady state the
/// screen found, so no steady state is solved twice and the workers meet once per chunk; only the last chunks, with fewer
/// subjects missing than candidates, screen first and then simulate exactly the enrolled.
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

    /// <summary>Candidates screened and simulated in parallel before their results are reduced (in order).</summary>
    public const int ChunkSize = 128;

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
    /// then taken as impossible for this population; a rule that admits 1 in 1,000 still enrols).
    /// </summary>
    public const int ScreenedBeforeGivingUp = 1000;

    /// <summary>Runs the population. A failed subject is counted and reported; it never stops the run.</summary>
    public static PopulationResult Run(PopulationDefinition definition, PopulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        if (CheckSize(definition.BaseScenario, options.Subjects) is { } problem) throw new ArgumentOutOfRangeException(nameof(options), problem);
        if (options.Threads < 1) throw new ArgumentOutOfRangeException(nameof(options), "Threads must be at least 1.");
        if (options.SeriesDirectory is { } dir) Directory.CreateDirectory(dir);
        var sampler = new SubjectSampler(definition, options.Seed);
        var grid = Simulator.Grid(definition.BaseScenario.Days, definition.BaseScenario.OutputStepDays);
        // One run per arm (one, the definition itself, without arms), each reduced on its own, all on the same enrolled subjects.
        var runs = ArmRuns(definition);
        var reducers = runs.Select(r => new PopulationReducer(r.Definition, sampler.Typical, grid)).ToArray();
        var inclusion = definition.Inclusion;
        var maxCandidates = inclusion is null ? options.Subjects : (int)Math.Min(int.MaxValue, (long)options.Subjects * inclusion.MaxScreenedPerSubject);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = options.Cancellation };
        var screened = new Candidate[ChunkSize];
        var quota = inclusion?.SplenectomisedQuota(options.Subjects);
        var splenectomisedEnrolled = 0;
        var enrolled = 0;
        var candidate = 0;
        var passed = 0;
        while (enrolled < options.Subjects && candidate < maxCandidates)
        {
            // A rule no candidate meets (impossible for this population) stops after a screening sample, not after
            // N × maxScreenedPerSubject steady states: the caller reports 0 enrolled of that many screened.
            if (inclusion is not null && passed == 0 && candidate >= ScreenedBeforeGivingUp) break;
            // Without screening every candidate is enrolled, so the chunk never overshoots N.
            var count = Math.Min(ChunkSize, inclusion is null ? options.Subjects - enrolled : maxCandidates - candidate);
            var first = candidate;
            // A stratum full before the chunk stays full: its candidates are screened only. Otherwise an admitted candidate
            // is simulated at once, speculatively; the in-order pass below may still turn it away (its stratum filled within
            // this chunk, or N was reached), which costs at most one chunk's worth of runs.
            var spleenFull = quota is { } q0 && splenectomisedEnrolled >= q0;
            var othersFull = quota is { } q1 && enrolled - splenectomisedEnrolled >= options.Subjects - q1;
            // Speculation pays only while every admitted candidate of the chunk may be needed; near the end (fewer subjects
            // missing than candidates in the chunk) the chunk is screened first and only those enrolled are simulated.
            var speculate = options.Subjects - enrolled >= count;
            Parallel.For(0, count, parallel, k =>
            {
                var c = Screen(definition, sampler, first + k);
                var full = c.Draw.Splenectomised == true ? spleenFull : othersFull;
                screened[k] = speculate && c.Admitted && !full ? c with { Outcomes = RunArms(runs, c, grid, options) } : c;
            });
            if (!speculate) RunEnrolled(runs, screened, count, enrolled, splenectomisedEnrolled, quota, grid, options, parallel);
            for (var k = 0; k < count && enrolled < options.Subjects; k++)
            {
                candidate = first + k + 1;
                var c = screened[k];
                if (!c.Admitted) { foreach (var r in reducers) r.AddScreenFailure(c.Reason); continue; }
                passed++;
                if (quota is { } q)
                {
                    // Enrolment by stratum: a passing candidate whose stratum is full is turned away.
                    var spleenOut = c.Draw.Splenectomised == true;
                    if (spleenOut ? splenectomisedEnrolled >= q : enrolled - splenectomisedEnrolled >= options.Subjects - q)
                    {
                        foreach (var r in reducers) r.AddScreenFailure("stratum full");
                        continue;
                    }
                    if (spleenOut) splenectomisedEnrolled++;
                }
                var outcomes = c.Outcomes ?? RunArms(runs, c, grid, options);
                for (var a = 0; a < outcomes.Length; a++)
                {
                    var outcome = outcomes[a] with { Subject = enrolled };
                    // --keep-series writes the first arm's series (the one the top-level files describe).
                    if (a == 0 && options.SeriesDirectory is { } seriesDir && outcome.Platelets is { } p && outcome.Tpo is { } tpo) WriteSeries(seriesDir, enrolled, grid, p, tpo);
                    reducers[a].Add(outcome);
                }
                enrolled++;
            }
            Array.Clear(screened);
            options.Progress?.Report((double)enrolled / options.Subjects);
        }
        var results = reducers.Select(r => r.Finish(candidate, options.Subjects)).ToArray();
        if (definition.Arms is { } arms)
            results[0].Arms = arms.Select((arm, a) => new ArmResult(arm, results[a])).ToArray();
        return results[0];
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
            outcomes[a] = RunSubject(runs[a].Definition, runs[a].ReusesScreenPlan ? candidate : candidate with { Plan = null }, grid, options);
        return outcomes;
    }

    /// <summary>
    /// Simulates, in parallel, the screened candidates of a chunk that the in-order enrolment will take: the same walk as
    /// the enrolment loop, without its side effects, so exactly the enrolled ones run.
    /// </summary>
    private static void RunEnrolled(ArmRun[] runs, Candidate[] screened, int count, int enrolled, int splenectomisedEnrolled,
        int? quota, double[] grid, PopulationOptions options, ParallelOptions parallel)
    {
        var picked = new List<int>();
        for (var k = 0; k < count && enrolled < options.Subjects; k++)
        {
            var c = screened[k];
            if (!c.Admitted) continue;
            if (quota is { } q)
            {
                var spleenOut = c.Draw.Splenectomised == true;
                if (spleenOut ? splenectomisedEnrolled >= q : enrolled - splenectomisedEnrolled >= options.Subjects - q) continue;
                if (spleenOut) splenectomisedEnrolled++;
            }
            picked.Add(k);
            enrolled++;
        }
        Parallel.For(0, picked.Count, parallel, i => screened[picked[i]] = screened[picked[i]] with { Outcomes = RunArms(runs, screened[picked[i]], grid, options) });
    }

    /// <summary>A screened candidate: admitted or not (and why), its day-0 state when the screen solved it, and its run when simulated.</summary>
    private sealed record Candidate(SubjectDraw Draw, bool Admitted, string Reason, string? Error)
    {
        public SimulationPlan? Plan { get; init; }
        public SubjectOutcome[]? Outcomes { get; init; }
        public double ScreeningMean { get; init; } = double.NaN;
    }

    /// <summary>Draws a candidate and, with inclusion criteria, evaluates them on its day-0 steady state.</summary>
    private static Candidate Screen(PopulationDefinition definition, SubjectSampler sampler, int index)
    {
        SubjectDraw draw;
        try
        {
            draw = sampler.Draw(index);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var empty = new SubjectDraw(index, definition.BaseScenario.Patient, [], 0, false);
            return definition.Inclusion is null ? new Candidate(empty, true, "", OneLine(e.Message)) : new Candidate(empty, false, "not evaluable", null);
        }
        if (definition.Inclusion is not { } inclusion) return new Candidate(draw, true, "", null);
        if (!draw.InRange) return new Candidate(draw, false, "not evaluable", null);
        try
        {
            // The model the run integrates, so its steady state is the run's day-0 state, bit for bit.
            var scenario = draw.ScenarioFor(definition);
            var plan = Simulator.Compile(scenario);
            if (plan.DayZeroFailure is not null) return new Candidate(draw, false, "not evaluable", null);
            var baseline = plan.Model.PlateletsCirculating(plan.DayZeroState, plan.DayZeroParameters);
            if (inclusion.Screening is { } visits)
            {
                // The bounds apply to the mean of the screening counts (Kuter 2008); a visit without a steady state is not evaluable.
                var counts = visits.CountsFor(scenario, baseline);
                if (counts.Any(c => !double.IsFinite(c))) return new Candidate(draw, false, "not evaluable", null);
                var mean = counts.Average();
                return inclusion.Admits(mean)
                    ? new Candidate(draw, true, "", null) { Plan = plan, ScreeningMean = mean }
                    : new Candidate(draw, false, "baseline platelets", null);
            }
            return inclusion.Admits(baseline) ? new Candidate(draw, true, "", null) { Plan = plan } : new Candidate(draw, false, "baseline platelets", null);
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
            var scenario = draw.ScenarioFor(definition);
            // A hook may change the scenario, and with it the day-0 state: solve it again then.
            var plan = candidate.Plan;
            if (options.ScenarioHook is { } hook) { scenario = hook(draw, scenario); plan = null; }
            // The run's output lists are this thread's and reused (Simulator.RunReduced): only the outcome leaves the lambda.
            return Simulator.RunReduced(plan ?? Simulator.Compile(scenario), options.Solver, options.Cancellation, options.RelativeTolerance, result =>
            {
                var summary = Summarise(result, definition.Response);
                if (!result.Succeeded)
                    return new SubjectOutcome(draw, SubjectStatus.SolverFailure, OneLine($"{result.Status} at day {result.Days[^1]:0.###}: {result.Diagnostic}"), summary);
                if (result.Days.Count != grid.Length)
                    return new SubjectOutcome(draw, SubjectStatus.Error, $"{result.Days.Count} output points instead of {grid.Length}", summary);
                var platelets = new double[result.Outputs.Count];
                var tpo = new double[result.Outputs.Count];
                for (var i = 0; i < platelets.Length; i++)
                {
                    platelets[i] = result.Outputs[i].PlateletsCirculating;
                    tpo[i] = result.Outputs[i].TpoFreePicogramsPerMl;
                }
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

    private static SubjectSummary Summarise(SimulationResult result, ResponseDefinition response)
    {
        var s = result.Summary;
        var platelets = result.Outputs.Select(o => o.PlateletsCirculating).ToArray();
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
