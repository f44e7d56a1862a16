using BenchmarkDotNet.Attributes;
using TpoSim.Model;
using TpoSim.Numerics.LinearAlgebra;
using TpoSim.Numerics.Ode;
using TpoSim.Parameters;
using TpoSim.Physiology;

namespace TpoSim.Benchmarks;

/// <summary>
/// The declarative model compiled (src/TpoSim/Model; the hand-written right-hand side it replaced measured 26 µs at load
/// 45 where this one measured 4.7, docs/performance.md): its right-hand side, its analytic Jacobian, and the solvers'
/// finite-difference Jacobian (column-grouped,
/// <see cref="FiniteDifferenceJacobian"/>) on the same model, without drugs and with romiplostim (target-mediated).
/// Run: <c>dotnet run -c Release --project bench/TpoSim.Benchmarks -- --filter '*CompiledModelBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class CompiledModelBenchmarks
{
    private CompiledModel _compiled = null!;
    private double[] _p = null!, _y = null!, _dydt = null!, _f0 = null!, _jacobian = null!;
    private FiniteDifferenceJacobian _fd = null!;
    private RightHandSide _rhs = null!;

    /// <summary>PK models coupled: none, or romiplostim.</summary>
    [Params("", "romiplostim")]
    public string Drugs { get; set; } = "";

    /// <summary>Builds the model at a perturbed state once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string[] drugs = Drugs.Length == 0 ? [] : [Drugs];
        var patient = new Patient();
        _compiled = TpoModelAssembly.Compile(patient.AgeGroup, drugs);
        _p = TpoModelAssembly.Parameters(_compiled, ParameterSet.Default, patient);
        _y = new double[_compiled.Dimension];
        _compiled.InitialState(_p, _y);
        for (var i = 0; i < _y.Length; i++) _y[i] = (_y[i] == 0 ? 100 : _y[i]) * (1 + 0.01 * (i % 7));
        _dydt = new double[_y.Length];
        _f0 = new double[_y.Length];
        _jacobian = new double[_y.Length * _y.Length];
        var n = _y.Length;
        _rhs = _compiled.RightHandSide(_p);
        _fd = new FiniteDifferenceJacobian(SparsityPattern.Create(_compiled.JacobianPattern.Structure, n), Enumerable.Repeat(1e-10, n).ToArray(), 1e-6);
        _rhs(0, _y, _f0);
    }

    /// <summary>Compiled f(t, y, p).</summary>
    [Benchmark(Baseline = true)]
    public double CompiledRhs()
    {
        _compiled.Derivative(0, _y, _p, _dydt);
        return _dydt[StateLayout.FreeTpo];
    }

    /// <summary>Compiled analytic sparse Jacobian, written into the dense buffer the solvers use.</summary>
    [Benchmark]
    public double AnalyticJacobian()
    {
        _compiled.Jacobian(0, _y, _p, _jacobian);
        return _jacobian[0];
    }

    /// <summary>The solvers' column-grouped finite-difference Jacobian of the compiled f.</summary>
    [Benchmark]
    public double FiniteDifferenceJacobianOfCompiledRhs()
    {
        _fd.Compute(_rhs, 0, _y, _f0, _jacobian);
        return _jacobian[0];
    }
}
