using TpoSim.Parameters;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Sensitivity;

/// <summary>
/// A scenario plus named parameter values → endpoints: each evaluation runs the scenario with the values set as
/// patient.parameters overrides (on top of its condition and its own overrides), so any parameter a scenario can name is
/// an input. The nominal value of a parameter is the one the scenario itself simulates with.
/// </summary>
public static class ScenarioProblem
{
    /// <summary>
    /// The parameters a local analysis uses when none are named: every catalog parameter that is not a 0/1 switch and
    /// whose value in this scenario is &gt; 0 (a normalised sensitivity needs ln p).
    /// </summary>
    public static IReadOnlyList<string> DefaultParameterNames(Scenario scenario)
    {
        var values = Simulator.ParametersFor(scenario);
        return ParameterCatalog.All.Where(d => d.Unit != "0/1" && values[d.Id] > 0).Select(d => d.Name).ToArray();
    }

    /// <summary>
    /// Resolves <paramref name="names"/> for <paramref name="scenario"/>: unit, allowed range and nominal value, varying
    /// over <paramref name="distributionFor"/> (default: the allowed range, log-uniform across decades). Returns the
    /// first problem as a message for an unknown name. PK and PD parameters of the dosed drugs are accepted by name too.
    /// </summary>
    public static (IReadOnlyList<SensitivityParameter> Parameters, string? Error) Resolve(Scenario scenario, IReadOnlyList<string> names,
        Func<ParameterDefinition, double, ParameterDistribution?>? distributionFor = null)
    {
        var values = Simulator.ParametersFor(scenario);
        SimulationPlan? plan = null;
        var list = new List<SensitivityParameter>();
        foreach (var name in names)
        {
            double nominal;
            if (ParameterCatalog.TryGet(name, out var def)) nominal = values[def.Id];
            else if (Physiology.TpoModelAssembly.ModelOnlyParameter(name) is { } m)
            {
                // A drug's PK or PD parameter: its nominal value is the compiled model's (the scenario's PK variant and overrides).
                plan ??= Simulator.Compile(scenario);
                if (plan.Model.Index(name) < 0)
                    return ([], $"parameter '{name}' belongs to a drug this scenario does not dose; dose the drug or drop the parameter");
                def = new ParameterDefinition(ParameterId.NotInModelCatalog, m.Name, m.Value, m.Unit, m.Minimum, m.Maximum, m.Kind, m.Description, m.Source);
                nominal = plan.Parameter(name);
            }
            else return ([], $"unknown parameter '{name}'; run 'tposim parameters' (and 'tposim drugs' for PK/PD) for the names");
            if (list.Any(p => p.Name == name)) continue;
            var distribution = distributionFor?.Invoke(def, nominal) ?? ParameterDistribution.OverRange(def.Minimum, def.Maximum);
            list.Add(new SensitivityParameter(def.Name, def.Unit, nominal, def.Minimum, def.Maximum, distribution));
        }
        return (list, null);
    }

    /// <summary>The problem "these parameters → these endpoints" for <paramref name="scenario"/>.</summary>
    public static SensitivityProblem Create(Scenario scenario, IReadOnlyList<SensitivityParameter> parameters, IReadOnlyList<Endpoint> endpoints)
    {
        var run = DayZeroRun(scenario, endpoints);
        return new(parameters, endpoints.Select(e => new SensitivityOutput(e.Name, e.Unit)).ToArray(),
            values => Read(Run(run, parameters, values), endpoints));
    }

    /// <summary>
    /// The scenario each evaluation runs: when every endpoint reads the day-0 steady state only and nothing is scheduled
    /// (no doses, events or titration), the span is cut to one output step, which leaves day 0 exactly as the full run
    /// has it and skips the time course (a steady-state Sobol' analysis of 220,000 runs is then bounded by the
    /// steady-state solves); otherwise the scenario itself.
    /// </summary>
    public static Scenario DayZeroRun(Scenario scenario, IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Count > 0 && endpoints.All(e => e.ReadsDayZeroOnly) && scenario.Doses.Count == 0 && scenario.Events.Count == 0
            && scenario.Titration is null && scenario.Days > scenario.OutputStepDays
            ? scenario with { Days = scenario.OutputStepDays }
            : scenario;

    /// <summary>Runs <paramref name="scenario"/> with <paramref name="values"/> for <paramref name="parameters"/>; null when a value is outside its allowed range.</summary>
    public static SimulationResult? Run(Scenario scenario, IReadOnlyList<SensitivityParameter> parameters, double[] values)
    {
        var overrides = new Dictionary<string, double>(scenario.ParameterOverrides);
        for (var i = 0; i < parameters.Count; i++)
        {
            if (!(values[i] >= parameters[i].Minimum && values[i] <= parameters[i].Maximum)) return null;
            overrides[parameters[i].Name] = values[i];
        }
        return Simulator.Run(scenario with { ParameterOverrides = overrides });
    }

    /// <summary>Each endpoint of a run; NaN for all when the run is missing or failed.</summary>
    public static double[] Read(SimulationResult? result, IReadOnlyList<Endpoint> endpoints)
    {
        var values = new double[endpoints.Count];
        for (var k = 0; k < values.Length; k++)
            values[k] = result is { Succeeded: true } ? endpoints[k].Read(result) : double.NaN;
        return values;
    }
}
