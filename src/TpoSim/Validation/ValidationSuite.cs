using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Validation;

/// <summary>Outcome of a case.</summary>
public enum CaseStatus
{
    /// <summary>Every check is inside its tolerance.</summary>
    Passed,
    /// <summary>A check is outside its tolerance, or the simulation failed.</summary>
    Failed,
    /// <summary>The model cannot run the case yet (see <see cref="CaseResult.Reason"/>); does not fail the suite.</summary>
    Pending,
}

/// <summary>One check's outcome.</summary>
/// <param name="Check">The check.</param>
/// <param name="Value">The simulated value (NaN when not computed).</param>
/// <param name="Pass">True when <paramref name="Value"/> is inside the tolerance.</param>
public sealed record CheckResult(ValidationCheck Check, double Value, bool Pass)
{
    /// <summary>Share of the tolerance at which a pass counts as marginal (5%).</summary>
    public const double MarginalFraction = 0.05;

    /// <summary>The simulated value with its unit.</summary>
    public string SimulatedText => Check.Metric.Describe(Value);

    /// <summary>Distance to the nearest bound, in the metric's unit (positive inside).</summary>
    public double Margin => Check.Tolerance.Margin(Value);

    /// <summary>
    /// True for a pass within <see cref="MarginalFraction"/> of the range's width (two-sided) or of the bound's
    /// magnitude (one-sided); bounds of zero are never marginal by this rule.
    /// </summary>
    public bool IsMarginal => Pass && Check.Tolerance.RelativeMargin(Value) is var r && double.IsFinite(r) && r < MarginalFraction;
}

/// <summary>One case's outcome, with the simulation for figures.</summary>
/// <param name="Case">The case.</param>
/// <param name="Status">Passed, failed or pending.</param>
/// <param name="Checks">Check outcomes (empty when pending or when the simulation failed).</param>
/// <param name="Reason">Why pending ("needs …") or why failed without checks (solver diagnostic); otherwise null.</param>
/// <param name="Context">What the metrics read; null when pending.</param>
public sealed record CaseResult(ValidationCase Case, CaseStatus Status, IReadOnlyList<CheckResult> Checks, string? Reason, MetricContext? Context)
{
    /// <summary>Case id.</summary>
    public string Id => Case.Id;

    /// <summary>Case title.</summary>
    public string Title => Case.Title;

    /// <summary>True only when the case ran and passed.</summary>
    public bool Pass => Status == CaseStatus.Passed;

    /// <summary>Citation(s).</summary>
    public string Source => Case.Source;

    /// <summary>The published observations, one per check, joined by "; ".</summary>
    public string PublishedText => string.Join("; ", Case.Checks.Select(c => c.Published.Text));

    /// <summary>The tolerances, one per check, joined by "; ".</summary>
    public string ToleranceText => string.Join("; ", Case.Checks.Select(c => c.ToleranceText));

    /// <summary>The simulated values, one per check, joined by "; " (or the pending/failure reason).</summary>
    public string SimulatedText => Checks.Count > 0
        ? string.Join("; ", Checks.Select(c => $"{c.Check.Description} {c.SimulatedText}"))
        : Status == CaseStatus.Pending ? "—" : $"not simulated: {Reason}";

    /// <summary>True when the case passed with a check within the marginal band.</summary>
    public bool IsMarginal => Pass && Checks.Any(c => c.IsMarginal);

    /// <summary>Calibration or validation.</summary>
    public CaseKind Kind => Case.Kind;

    /// <summary>"calibration" or "validation".</summary>
    public string KindText => Kind.ToString().ToLowerInvariant();

    /// <summary>"passed", "failed" or "pending".</summary>
    public string StatusText => Status.ToString().ToLowerInvariant();
}

/// <summary>Runs validation cases with the one default parameter set and compares them with their tolerances.</summary>
public static class ValidationSuite
{
    /// <summary>Runs every case in <paramref name="file"/> (runnable ones in parallel); results keep the file order.</summary>
    public static IReadOnlyList<CaseResult> Run(ValidationCaseFile file, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var results = new CaseResult[file.Cases.Count];
        Parallel.For(0, file.Cases.Count, new ParallelOptions { CancellationToken = cancellation }, i => results[i] = Run(file.Cases[i], cancellation));
        return results;
    }

    /// <summary>Runs one case (pending cases are reported, not run).</summary>
    public static CaseResult Run(ValidationCase c, CancellationToken cancellation = default) => Run(c, null, cancellation);

    /// <summary>
    /// Runs one case with some parameters set to other values than the shipped defaults (<c>tposim calibrate</c>
    /// evaluates candidate estimates this way; validation always runs with <paramref name="parameters"/> null).
    /// </summary>
    public static CaseResult Run(ValidationCase c, IReadOnlyDictionary<string, double>? parameters, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (!c.IsRunnable) return new CaseResult(c, CaseStatus.Pending, [], $"needs {c.Requires}", null);
        var scenario = WithParameters(c.Scenario!, parameters);
        if (c.BaselinePlatelets is { } target)
        {
            var solved = BaselineSeverity.Solve(scenario, target);
            if (solved.Scenario is null) return new CaseResult(c, CaseStatus.Failed, [], solved.Reason, null);
            scenario = solved.Scenario;
        }
        var result = Simulator.Run(scenario, cancellation: cancellation);
        if (!result.Succeeded)
            return new CaseResult(c, CaseStatus.Failed, [], $"the simulation failed ({result.Status}): {result.Diagnostic}", null);
        var context = new MetricContext(result, HealthyTpoPgPerMl(scenario));
        if (c.Population is { } pop)
        {
            // The case's statistics come from its virtual population; the typical subject above is drawn in the figure.
            // Checks of an arm other than the first need the whole trial; otherwise the first arm runs alone.
            var firstArm = pop.Definition.Arms is { Count: > 0 } declared ? declared[0].Name : null;
            // Every case that reads declared endpoints of a file with arms runs the whole trial, so the cases of one trial
            // (its calibration and its validation checks) share one run.
            var allArms = firstArm is not null && c.Checks.Any(k => k.Endpoint is not null);
            var population = RunPopulation(pop, allArms, cancellation);
            if (population.Succeeded == 0)
                return new CaseResult(c, CaseStatus.Failed, [], $"no subject of the population ran ({population.Subjects.Count} enrolled of {population.Screened} screened)", null);
            context = context with { Population = population };
        }
        var checks = c.Checks.Select(check =>
        {
            var value = check.Endpoint is { } reference ? PopulationMetric.EvaluateEndpoint(context, reference)
                : check.Metric is PopulationMetric pm ? pm.Evaluate(context, check.Day) : check.Metric.Evaluate(context);
            return new CheckResult(check, value, check.Tolerance.Contains(value));
        }).ToArray();
        return new CaseResult(c, checks.All(k => k.Pass) ? CaseStatus.Passed : CaseStatus.Failed, checks, null, context);
    }

    private static Scenario WithParameters(Scenario scenario, IReadOnlyDictionary<string, double>? parameters)
    {
        if (parameters is null || parameters.Count == 0) return scenario;
        var merged = new Dictionary<string, double>(scenario.ParameterOverrides);
        foreach (var (name, value) in parameters) merged[name] = value;
        return scenario with { ParameterOverrides = merged };
    }

    // Population runs are deterministic in (definition, N, seed), so one process (e.g. the test run, which validates
    // several times) computes each population case once. Keyed by the population file's text, N and seed.
    // Lazy, so two cases of one trial that run in parallel wait for one run instead of both computing it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Text, int Subjects, long Seed, bool AllArms), Lazy<Population.PopulationResult>> PopulationCache = new();

    private static Population.PopulationResult RunPopulation(PopulationCase pop, bool allArms, CancellationToken cancellation)
    {
        var key = (pop.SourceText, pop.Subjects, pop.Seed, allArms);
        var lazy = PopulationCache.GetOrAdd(key, _ => new Lazy<Population.PopulationResult>(() => RunPopulationOnce(pop, allArms, cancellation)));
        try { return lazy.Value; }
        catch
        {
            // A cancelled or failed run is not kept: the next call runs it again.
            PopulationCache.TryRemove(key, out _);
            throw;
        }
    }

    private static Population.PopulationResult RunPopulationOnce(PopulationCase pop, bool allArms, CancellationToken cancellation)
    {
        // Unless a check reads another arm, the case's checks read the trial's first arm (the drug arm, as the file lists
        // it): only that arm is simulated.
        var definition = !allArms && pop.Definition.Arms is { Count: > 0 } arms ? pop.Definition.ForArm(arms[0]) : pop.Definition;
        return Population.PopulationRunner.Run(definition,
            new Population.PopulationOptions(pop.Subjects, pop.Seed, Environment.ProcessorCount) { Cancellation = cancellation });
    }

    /// <summary>Free TPO of a healthy patient of the scenario's weight, sex and age group, at steady state (pg/mL).</summary>
    public static double HealthyTpoPgPerMl(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var healthy = scenario with
        {
            Name = "healthy reference",
            Conditions = [],
            ParameterOverrides = new Dictionary<string, double>(),
            Days = 1,
            OutputStepDays = 1,
            Doses = [],
            Events = [],
        };
        var result = Simulator.Run(healthy);
        if (!result.Succeeded) throw new InvalidOperationException($"the healthy reference did not run: {result.Diagnostic}");
        return result.Outputs[0].TpoFreePicogramsPerMl;
    }
}
