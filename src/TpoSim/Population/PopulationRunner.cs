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
/// steady state when the population has inclusion criteria, and the first N who pass are enrolled and simulated in
/// parallel chunks; results are reduced in enrolment order, so every output is independent of the thread count.
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
        var reducer = new PopulationReducer(definition, sampler.Typical, grid);
        var inclusion = definition.Inclusion;
        var maxCandidates = inclusion is null ? options.Subjects : (int)Math.Min(int.MaxValue, (long)options.Subjects * inclusion.MaxScreenedPerSubject);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = options.Cancellation };
        var screened = new Candidate[ChunkSize];
        var quota = inclusion?.SplenectomisedQuota(options.Subjects);
        var splenectomisedEnrolled = 0;
        var enrolled = 0;
        var candidate = 0;
        while (enrolled < options.Subjects && candidate < maxCandidates)
        {
            // Without screening every candidate is enrolled, so the chunk never overshoots N.
            var count = Math.Min(ChunkSize, inclusion is null ? options.Subjects - enrolled : maxCandidates - candidate);
            var first = candidate;
            Parallel.For(0, count, parallel, k => screened[k] = Screen(definition, sampler, first + k));
            var picked = new List<(Candidate Candidate, int Subject)>();
            for (var k = 0; k < count && enrolled + picked.Count < options.Subjects; k++)
            {
                candidate = first + k + 1;
                var c = screened[k];
                if (!c.Admitted) { reducer.AddScreenFailure(c.Reason); continue; }
                if (quota is { } q)
                {
                    // Enrolment by stratum: a passing candidate whose stratum is full is turned away.
                    var spleenOut = c.Draw.Splenectomised == true;
                    if (spleenOut ? splenectomisedEnrolled >= q : enrolled + picked.Count - splenectomisedEnrolled >= options.Subjects - q)
                    {
                        reducer.AddScreenFailure("stratum full");
                        continue;
                    }
                    if (spleenOut) splenectomisedEnrolled++;
                }
                picked.Add((c, enrolled + picked.Count));
            }
            var outcomes = new SubjectOutcome[picked.Count];
            Parallel.For(0, picked.Count, parallel, k => outcomes[k] = RunSubject(definition, picked[k].Candidate, picked[k].Subject, grid, options));
            foreach (var o in outcomes) reducer.Add(o);
            enrolled += picked.Count;
            Array.Clear(screened);
            options.Progress?.Report((double)enrolled / options.Subjects);
        }
        return reducer.Finish(candidate, options.Subjects);
    }

    private sealed record Candidate(SubjectDraw Draw, bool Admitted, string Reason, string? Error);

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
            var scenario = draw.ScenarioFor(definition);
            var parameters = Simulator.ParametersFor(scenario);
            var model = new Physiology.TpoPlateletModel(parameters, Simulator.PatientFor(scenario), Simulator.CoupledDrugs(scenario));
            var (y, _, failure) = Simulator.InitialState(model, parameters);
            if (failure is not null) return new Candidate(draw, false, "not evaluable", null);
            var baseline = model.Outputs(y).PlateletsCirculating;
            return inclusion.Admits(baseline) ? new Candidate(draw, true, "", null) : new Candidate(draw, false, "baseline platelets", null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new Candidate(draw, false, "not evaluable", null);
        }
    }

    private static SubjectOutcome RunSubject(PopulationDefinition definition, Candidate candidate, int subject, double[] grid, PopulationOptions options)
    {
        var draw = candidate.Draw;
        if (candidate.Error is { } error) return new SubjectOutcome(draw, SubjectStatus.Error, error, null) { Subject = subject };
        if (!draw.InRange)
            return new SubjectOutcome(draw, SubjectStatus.OutOfRange, $"no parameter vector inside the allowed ranges in {PopulationDefinition.MaxResamples} draws", null) { Subject = subject };
        try
        {
            var scenario = draw.ScenarioFor(definition);
            if (options.ScenarioHook is { } hook) scenario = hook(draw, scenario);
            var result = Simulator.Run(scenario, options.Solver, null, options.Cancellation);
            var summary = Summarise(result, definition.Response);
            if (!result.Succeeded)
                return new SubjectOutcome(draw, SubjectStatus.SolverFailure, OneLine($"{result.Status} at day {result.Days[^1]:0.###}: {result.Diagnostic}"), summary) { Subject = subject };
            if (result.Days.Count != grid.Length)
                return new SubjectOutcome(draw, SubjectStatus.Error, $"{result.Days.Count} output points instead of {grid.Length}", summary) { Subject = subject };
            var platelets = result.Outputs.Select(o => o.PlateletsCirculating).ToArray();
            var tpo = result.Outputs.Select(o => o.TpoFreePicogramsPerMl).ToArray();
            if (options.SeriesDirectory is { } dir) WriteSeries(dir, subject, grid, platelets, tpo);
            return new SubjectOutcome(draw, SubjectStatus.Ok, "", summary) { Subject = subject, Platelets = platelets, Tpo = tpo };
        }
        catch (Exception e) when (e is not OperationCanceledException and not IOException and not UnauthorizedAccessException)
        {
            return new SubjectOutcome(draw, SubjectStatus.Error, OneLine($"{e.GetType().Name}: {e.Message}"), null) { Subject = subject };
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
