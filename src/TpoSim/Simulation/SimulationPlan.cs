using TpoSim.Parameters;
using TpoSim.Physiology;
using TpoSim.Scenarios;

namespace TpoSim.Simulation;

/// <summary>
/// A scenario compiled once (<see cref="Simulator.Compile"/>): the shared, immutable model of its structure, the day-0
/// parameter vector, the patient, the day-0 state, the typed schedule of events and the output grid. A plan knows no
/// solver and is never changed by a run: <see cref="Simulator.Run(SimulationPlan, string?, IProgress{double}?, CancellationToken, double?)"/>
/// works on copies of p and y, so one plan may be run many times, from many threads.
/// </summary>
public sealed class SimulationPlan
{
    private readonly double[] _parameters, _state;

    internal SimulationPlan(Scenario scenario, ParameterSet parameters, Patient patient, AssembledModel model, double[] p,
        double[] dayZeroState, string initialStateMethod, string? dayZeroFailure, IReadOnlyList<ScheduledEvent> events,
        IReadOnlyList<TimelineEntry> timeline, double[] grid)
    {
        Scenario = scenario;
        Parameters = parameters;
        Patient = patient;
        Model = model;
        _parameters = p;
        _state = dayZeroState;
        InitialStateMethod = initialStateMethod;
        DayZeroFailure = dayZeroFailure;
        Events = events;
        Timeline = timeline;
        Grid = grid;
    }

    /// <summary>The scenario compiled.</summary>
    public Scenario Scenario { get; }

    /// <summary>The catalogue parameter values at day 0 (defaults, conditions, overrides).</summary>
    public ParameterSet Parameters { get; }

    /// <summary>The patient (age group and covariates as the conditions imply them).</summary>
    public Patient Patient { get; }

    /// <summary>The compiled model of this scenario's structure (shared between plans).</summary>
    public AssembledModel Model { get; }

    /// <summary>The day-0 parameter vector p of <see cref="Model"/> (every parameter: physiology, condition, covariates, PK, PD).</summary>
    public ReadOnlySpan<double> DayZeroParameters => _parameters;

    /// <summary>The day-0 state (the patient's steady state), length <see cref="AssembledModel.Dimension"/>.</summary>
    public ReadOnlySpan<double> DayZeroState => _state;

    /// <summary>How the day-0 state was found.</summary>
    public string InitialStateMethod { get; }

    /// <summary>Why the patient has no steady state at day 0, or null.</summary>
    public string? DayZeroFailure { get; }

    /// <summary>The scheduled edits of (t, y, p), in firing order (titration decisions are added per run).</summary>
    public IReadOnlyList<ScheduledEvent> Events { get; }

    /// <summary>Doses, procedures and events a user sees, in time order (titrated doses join after a run).</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; }

    /// <summary>The output days.</summary>
    public IReadOnlyList<double> Grid { get; }

    /// <summary>A fresh working copy of the day-0 parameter vector.</summary>
    public double[] CopyParameters() => (double[])_parameters.Clone();

    /// <summary>A fresh working copy of the day-0 state.</summary>
    public double[] CopyState() => (double[])_state.Clone();

    /// <summary>The day-0 value of the parameter called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The model has no such parameter.</exception>
    public double Parameter(string name)
    {
        var k = Model.Index(name);
        return k >= 0 ? _parameters[k] : throw new ArgumentException($"'{name}' is not a parameter of this model.", nameof(name));
    }
}
