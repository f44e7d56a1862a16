using TpoSim.Numerics.Ode;
using TpoSim.Parameters;
using TpoSim.Physiology;
using TpoSim.Scenarios;

namespace TpoSim.Simulation;

/// <summary>Something that happened at a known day, for logs and plot markers.</summary>
/// <param name="Day">When.</param>
/// <param name="Kind">"dose", "transfusion" or "parameter".</param>
/// <param name="Label">Short text.</param>
public sealed record TimelineEntry(double Day, string Kind, string Label);

/// <summary>The outcome of one simulation: outputs on the grid, the timeline, the summary and numerical diagnostics. Plain data.</summary>
public sealed class SimulationResult
{
    internal SimulationResult(
        SimulationPlan plan, IReadOnlyList<double> days, IReadOnlyList<ModelOutputs> outputs, IReadOnlyList<TimelineEntry> timeline, SolverStatus status,
        string diagnostic, string solverName, SolverStatistics statistics)
        : this(plan, days, outputs, () => timeline, status, diagnostic, solverName, statistics)
    {
    }

    /// <summary>As the other constructor, with a timeline made when first read (a population never reads its subjects').</summary>
    internal SimulationResult(
        SimulationPlan plan, IReadOnlyList<double> days, IReadOnlyList<ModelOutputs> outputs, Func<IReadOnlyList<TimelineEntry>> timeline, SolverStatus status,
        string diagnostic, string solverName, SolverStatistics statistics)
    {
        Plan = plan;
        Scenario = plan.Scenario;
        Parameters = plan.Parameters;
        Model = plan.Model;
        Days = days;
        Outputs = outputs;
        _makeTimeline = timeline;
        Status = status;
        Diagnostic = diagnostic;
        SolverName = solverName;
        Statistics = statistics;
        InitialStateMethod = plan.InitialStateMethod;
        Summary = SimulationSummary.From(days, outputs);
    }

    /// <summary>The compiled plan that was run (model, day-0 parameters and state, schedule).</summary>
    public SimulationPlan Plan { get; }

    /// <summary>The scenario simulated.</summary>
    public Scenario Scenario { get; }
    /// <summary>Parameter values at day 0 (after condition and overrides).</summary>
    public ParameterSet Parameters { get; }
    /// <summary>The compiled model (shared; it holds no run state).</summary>
    public AssembledModel Model { get; }

    /// <summary>The parameter vector at the end of the run (after every event's edits); the day-0 one is <see cref="SimulationPlan.DayZeroParameters"/>.</summary>
    public IReadOnlyList<double> FinalParameters { get; internal init; } = [];

    /// <summary>The value of catalogue parameter <paramref name="id"/> at the end of the run (after every event's edits).</summary>
    public double FinalParameter(ParameterId id) => FinalParameters[Model.Index(id)];
    /// <summary>Output grid, days (a prefix of the requested grid if the solve failed).</summary>
    public IReadOnlyList<double> Days { get; }
    /// <summary>Outputs at each grid day.</summary>
    public IReadOnlyList<ModelOutputs> Outputs { get; }
    /// <summary>Doses and events, in time order.</summary>
    public IReadOnlyList<TimelineEntry> Timeline => LazyInitializer.EnsureInitialized(ref _timeline, () => _makeTimeline());

    private readonly Func<IReadOnlyList<TimelineEntry>> _makeTimeline;
    private IReadOnlyList<TimelineEntry>? _timeline;
    /// <summary>Solver status.</summary>
    public SolverStatus Status { get; }
    /// <summary>What went wrong and what to try, when the solve failed.</summary>
    public string Diagnostic { get; }
    /// <summary>True when the whole span was simulated.</summary>
    public bool Succeeded => Status == SolverStatus.Success;
    /// <summary>Registry name of the solver used.</summary>
    public string SolverName { get; }
    /// <summary>Solver work counters (summed over segments).</summary>
    public SolverStatistics Statistics { get; }
    /// <summary>How the day-0 steady state was found.</summary>
    public string InitialStateMethod { get; }
    /// <summary>The titration's decisions and given doses, when the scenario has a titration; else null.</summary>
    public Policies.TitrationLog? Titration { get; internal init; }
    /// <summary>Days a simulated rescue was given (<see cref="Scenario.Rescue"/>), in time order; null without simulated rescue.</summary>
    public IReadOnlyList<double>? RescueDays { get; internal init; }
    /// <summary>Baseline, nadir, peak and time in ranges.</summary>
    public SimulationSummary Summary { get; }

    /// <summary>Names of the coupled drugs, in the order of <see cref="DrugConcentrationsNgPerMl"/>'s entries.</summary>
    public IReadOnlyList<string> DrugNames => Model.Drugs.Select(d => d.Drug).ToArray();

    /// <summary>
    /// Plasma concentration of each coupled drug at each grid day, ng/mL (free drug for romiplostim); one array per
    /// entry of <see cref="Days"/> in <see cref="DrugNames"/> order; empty when no PK drug is dosed.
    /// </summary>
    public IReadOnlyList<double[]> DrugConcentrationsNgPerMl { get; internal init; } = [];

    /// <summary>Each coupled drug's highest concentration on the output grid, ng/mL, with its day (the first day on a tie).</summary>
    public IReadOnlyList<(string Drug, DayValue Peak)> DrugConcentrationPeaks()
    {
        var names = DrugNames;
        var peaks = new List<(string, DayValue)>(names.Count);
        for (var d = 0; d < names.Count && DrugConcentrationsNgPerMl.Count > 0; d++)
        {
            var best = new DayValue(DrugConcentrationsNgPerMl[0][d], Days[0]);
            for (var i = 1; i < DrugConcentrationsNgPerMl.Count; i++)
            {
                if (DrugConcentrationsNgPerMl[i][d] > best.Value) best = new(DrugConcentrationsNgPerMl[i][d], Days[i]);
            }
            peaks.Add((names[d], best));
        }
        return peaks;
    }
}
