using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Sensitivity;

/// <summary>The local sensitivities of a scenario: its named endpoints, and its states over time.</summary>
/// <param name="Scenario">The scenario analysed.</param>
/// <param name="Endpoints">The endpoints, in output order of <paramref name="Result"/>.</param>
/// <param name="Days">Output grid of the runs, days.</param>
/// <param name="Result">All sensitivities: outputs are the endpoints, then each <see cref="StateSeries"/> at each grid day.</param>
public sealed record ScenarioLocalSensitivity(Scenario Scenario, IReadOnlyList<Endpoint> Endpoints, IReadOnlyList<double> Days, LocalSensitivityResult Result)
{
    /// <summary>Sensitivity of state <paramref name="state"/> (index into <see cref="StateSeries.All"/>) at grid day <paramref name="day"/> to parameter <paramref name="parameter"/>.</summary>
    public LocalSensitivity State(int parameter, int state, int day) => Result.Values[parameter][Endpoints.Count + state * Days.Count + day];

    /// <summary>Base value of state <paramref name="state"/> at grid day <paramref name="day"/>.</summary>
    public double BaseState(int state, int day) => Result.BaseOutputs[Endpoints.Count + state * Days.Count + day];
}

/// <summary>
/// The library call behind <c>tposim sensitivity local</c> (and a "what drives this?" panel): scenario → normalised local
/// sensitivities of endpoints and states to named parameters.
/// </summary>
public static class ScenarioLocalAnalysis
{
    /// <summary>The endpoints used when none are named: nadir, its day, peak, time in 50–150, TPO peak and the day-0 steady state.</summary>
    public static string DefaultEndpoints => "nadir,nadir-day,peak,time-in:50-150,tpo-peak,count-steady,tpo-steady";

    /// <summary>
    /// Runs the analysis. <paramref name="parameterNames"/> null uses <see cref="ScenarioProblem.DefaultParameterNames"/>;
    /// <paramref name="endpoints"/> null uses <see cref="DefaultEndpoints"/>. Bad names or endpoints throw <see cref="ArgumentException"/>
    /// with a one-line message (check user input first with <see cref="ScenarioProblem.Resolve"/> and <see cref="EndpointGrammar.ParseList"/>).
    /// </summary>
    public static ScenarioLocalSensitivity Run(Scenario scenario, IReadOnlyList<string>? parameterNames = null, IReadOnlyList<Endpoint>? endpoints = null,
        LocalSensitivityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new LocalSensitivityOptions();
        if (endpoints is null)
        {
            var (parsed, error) = EndpointGrammar.ParseList(DefaultEndpoints, scenario.Days, scenario.Titration is not null);
            if (error is not null) throw new ArgumentException(error);
            endpoints = parsed;
        }
        var (parameters, resolveError) = ScenarioProblem.Resolve(scenario, parameterNames ?? ScenarioProblem.DefaultParameterNames(scenario));
        if (resolveError is not null) throw new ArgumentException(resolveError);
        var days = Simulator.Grid(scenario.Days, scenario.OutputStepDays);
        var states = StateSeries.All;
        var outputs = endpoints.Select(e => new SensitivityOutput(e.Name, e.Unit))
            .Concat(states.SelectMany(s => days.Select(d => new SensitivityOutput($"{s.Name}@{d}", s.Unit)))).ToArray();
        var problem = new SensitivityProblem(parameters, outputs, values =>
        {
            var run = ScenarioProblem.Run(scenario, parameters, values);
            var y = new double[outputs.Length];
            var head = ScenarioProblem.Read(run, endpoints);
            head.CopyTo(y, 0);
            var ok = run is { Succeeded: true } && run.Days.Count == days.Length;
            for (var s = 0; s < states.Count; s++)
            {
                for (var d = 0; d < days.Length; d++)
                    y[endpoints.Count + s * days.Length + d] = ok ? states[s].Read(run!, d) : double.NaN;
            }
            return y;
        });
        return new ScenarioLocalSensitivity(scenario, endpoints, days, LocalAnalysis.Run(problem, options));
    }
}
