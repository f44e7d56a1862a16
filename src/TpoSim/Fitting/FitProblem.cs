using TpoSim.Dosing;
using TpoSim.Simulation;

namespace TpoSim.Fitting;

/// <summary>
/// The MAP problem for one patient, in η (log-parameter) space: the negative log posterior
/// ½ Σᵢ ((ln yᵢ − ln fᵢ(η))/σᵢ)² + ½ Σⱼ (ηⱼ/ωⱼ)² (constants dropped), with fᵢ the simulated observation.
/// </summary>
public sealed class FitProblem
{
    /// <summary>Scaled residual given to an observation the simulation could not reach (a failed solve): a wall, not a NaN.</summary>
    public const double FailedResidual = 100;

    /// <summary>|η| is capped at this many ω: the prior makes anything beyond implausible, and the model stays in range.</summary>
    public const double EtaLimitInOmegas = 6;

    private readonly Observation[] _observations;
    private readonly double[] _logObserved;
    private readonly double[] _sd;
    private readonly double[] _omega;
    private long _evaluations;

    /// <summary>The problem for <paramref name="history"/> under <paramref name="prior"/>.</summary>
    /// <param name="history">Doses and observations.</param>
    /// <param name="prior">Parameters, priors and residual error.</param>
    /// <param name="outputStepDays">Grid of the simulations; observations between grid points are interpolated linearly.</param>
    public FitProblem(PatientHistory history, FitPrior prior, double outputStepDays = 0.25)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(prior);
        History = history;
        Prior = prior;
        OutputStepDays = outputStepDays;
        _observations = history.Fitted.ToArray();
        _logObserved = _observations.Select(o => Math.Log(o.Value)).ToArray();
        _sd = _observations.Select(o => prior.Error.SdOf(o.Kind)).ToArray();
        _omega = prior.Omegas;
    }

    /// <summary>The patient.</summary>
    public PatientHistory History { get; }
    /// <summary>The prior.</summary>
    public FitPrior Prior { get; }
    /// <summary>Simulation output step, days.</summary>
    public double OutputStepDays { get; }
    /// <summary>Number of estimated parameters.</summary>
    public int Dimension => _omega.Length;
    /// <summary>Number of fitted observations.</summary>
    public int ObservationCount => _observations.Length;
    /// <summary>The fitted observations, in time order.</summary>
    public IReadOnlyList<Observation> Observations => _observations;
    /// <summary>Simulations run so far (thread-safe counter).</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>
    /// Parameter values at <paramref name="eta"/> (after the ±<see cref="EtaLimitInOmegas"/>ω cap), held inside each
    /// parameter's registry range (catalogue or a drug's PK/PD): an optimiser step may go past it (mkMaturationDays 7.5·e^(6ω) = 25 days against a
    /// maximum of 15), and the model would refuse the value.
    /// </summary>
    public double[] ValuesAt(IReadOnlyList<double> eta) =>
        Prior.Parameters.Select((p, j) => InCatalogRange(p.Name, p.ValueAt(Math.Clamp(eta[j], -EtaLimitInOmegas * _omega[j], EtaLimitInOmegas * _omega[j])))).ToArray();

    private static double InCatalogRange(string name, double value) =>
        Simulator.RangeOf(name) is { } r ? Math.Clamp(value, r.Minimum, r.Maximum) : value;

    /// <summary>
    /// Simulates the history with the values at <paramref name="eta"/> up to <paramref name="days"/> (default: the last
    /// observation), at <paramref name="relativeTolerance"/> (default: a single simulation's).
    /// </summary>
    public SimulationResult Simulate(IReadOnlyList<double> eta, double? days = null, CancellationToken cancellation = default, double? relativeTolerance = null) =>
        SimulateValues(ValuesAt(eta), days, cancellation, relativeTolerance);

    /// <summary>Simulates the history with explicit parameter values (the prior's order).</summary>
    public SimulationResult SimulateValues(IReadOnlyList<double> values, double? days = null, CancellationToken cancellation = default, double? relativeTolerance = null)
    {
        Interlocked.Increment(ref _evaluations);
        var scenario = PatientScenario.Build(History, Prior, values, days ?? History.LastObservationDay, OutputStepDays);
        return Simulator.Run(scenario, cancellation: cancellation, relativeTolerance: relativeTolerance);
    }

    /// <summary>Predicted observations at <paramref name="eta"/> (null entries where the solve failed).</summary>
    public double?[] Predict(IReadOnlyList<double> eta, CancellationToken cancellation = default)
    {
        var result = Simulate(eta, cancellation: cancellation);
        return _observations.Select(o => PatientScenario.At(result, o.TimeDays, o.Kind) is { } v && v > 0 ? v : (double?)null).ToArray();
    }

    /// <summary>
    /// Scaled residuals: (ln fᵢ − ln yᵢ)/σᵢ for each observation, then ηⱼ/ωⱼ for each parameter; half their squared sum
    /// is the objective.
    /// </summary>
    public double[] ScaledResiduals(IReadOnlyList<double> eta, CancellationToken cancellation = default)
    {
        var predicted = Predict(eta, cancellation);
        var r = new double[_observations.Length + Dimension];
        for (var i = 0; i < _observations.Length; i++)
            r[i] = predicted[i] is { } f ? (Math.Log(f) - _logObserved[i]) / _sd[i] : FailedResidual;
        for (var j = 0; j < Dimension; j++) r[_observations.Length + j] = eta[j] / _omega[j];
        return r;
    }

    /// <summary>The negative log posterior at <paramref name="eta"/> (constants dropped).</summary>
    public double Objective(IReadOnlyList<double> eta, CancellationToken cancellation = default)
    {
        var r = ScaledResiduals(eta, cancellation);
        var sum = 0.0;
        foreach (var x in r) sum += x * x;
        return 0.5 * sum;
    }
}
