using BenchmarkDotNet.Attributes;
using TpoSim.Numerics.Ode;
using TpoSim.Parameters;
using TpoSim.Physiology;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Benchmarks;

/// <summary>
/// The TPO–platelet model end to end: the right-hand side alone (must not allocate) and whole simulations
/// (the built-in default scenario, and five healthy years). Run with
/// <c>dotnet run -c Release --project bench/TpoSim.Benchmarks -- --filter '*ModelBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private AssembledModel _model = null!;
    private double[] _p = null!;
    private double[] _y = null!;
    private double[] _dydt = null!;
    private Scenario _default = null!;
    private Scenario _fiveYears = null!;

    /// <summary>Builds the model, a perturbed state and the scenarios once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _model = TpoModelAssembly.Assemble(AgeGroup.Adult, []);
        _p = TpoModelAssembly.Parameters(_model.Compiled, ParameterSet.Default, new Patient());
        _y = _model.HealthyState(_p);
        for (var i = 0; i < _y.Length; i++) _y[i] *= 1 + 0.01 * (i % 7);
        _dydt = new double[_y.Length];
        _default = ScenarioParser.Parse(BuiltinScenarios.DefaultJson).Value!;
        _fiveYears = _default with { Days = 5 * 365, OutputStepDays = 1, Events = [] };
    }

    /// <summary>One evaluation of f(t, y): expected 0 bytes allocated.</summary>
    [Benchmark]
    public double RightHandSide()
    {
        _model.Compiled.Derivative(0, _y, _p, _dydt);
        return _dydt[StateLayout.FreeTpo];
    }

    /// <summary>The default 90-day scenario (transfusion, then destruction) with outputs every 6 h.</summary>
    [Benchmark]
    public SolverStatus DefaultScenario() => Simulator.Run(_default).Status;

    /// <summary>Five years of the healthy steady state, daily outputs.</summary>
    [Benchmark]
    public SolverStatus FiveHealthyYears() => Simulator.Run(_fiveYears).Status;
}
