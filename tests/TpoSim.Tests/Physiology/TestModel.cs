using TpoSim.Model;
using TpoSim.Numerics.Ode;
using TpoSim.Parameters;
using TpoSim.Physiology;

namespace TpoSim.Tests.Physiology;

/// <summary>
/// The assembled model bound to one parameter vector, for tests that probe the right-hand side and the observables at
/// chosen states (the simulator itself passes p explicitly; see <see cref="AssembledModel"/>).
/// </summary>
internal sealed class TestModel
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CompiledModel> Probes = new();
    private readonly CompiledModel _probe;

    public TestModel(ParameterSet parameters, Patient patient, IReadOnlyList<string>? drugs = null)
    {
        var pk = drugs ?? [];
        Model = TpoModelAssembly.Assemble(patient.AgeGroup, pk);
        P = TpoModelAssembly.Parameters(Model.Compiled, parameters, patient);
        // The same definition with every variable made observable, so a test can read any intermediate (the receptor pool).
        _probe = Probes.GetOrAdd($"{patient.AgeGroup}|{string.Join(",", pk)}", _ =>
        {
            var definition = TpoModelAssembly.Definition(patient.AgeGroup, pk);
            return ModelCompiler.Compile(definition with { Variables = definition.Variables.Select(v => v with { Observable = true }).ToArray() });
        });
    }

    public AssembledModel Model { get; }

    public double[] P { get; }

    public int Dimension => Model.Dimension;

    public JacobianStructure Structure => Model.Structure;

    public IReadOnlyList<AssembledDrug> Drugs => Model.Drugs;

    public AssembledDrug? Drug(string name) => Model.Drug(name);

    public double this[string name] => P[Model.Index(name)];

    public double this[ParameterId id] => P[Model.Index(id)];

    /// <summary>The healthy set point (free TPO at tpoReference, platelets at plateletsReference).</summary>
    public double[] HealthyState() => Model.HealthyState(P);

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt) => Model.Compiled.Derivative(t, y, P, dydt);

    public ModelOutputs Outputs(ReadOnlySpan<double> y) => Model.Outputs(y, P);

    /// <summary>Any variable of the model at (t, y).</summary>
    public double Observable(string name, double t, ReadOnlySpan<double> y)
    {
        var k = _probe.ObservableNames.ToList().IndexOf(name);
        Assert.True(k >= 0, $"no variable {name}");
        var values = new double[_probe.ObservableNames.Count];
        _probe.ComputeObservables(t, y, P, values);
        return values[k];
    }

    /// <summary>Division-rate stimulation at free TPO <paramref name="tpo"/> with every other state at <paramref name="y"/> (the set point by default).</summary>
    public double Stimulation(double tpo, double t = 0, double[]? y = null)
    {
        var state = (double[])(y ?? HealthyState()).Clone();
        state[StateLayout.FreeTpo] = tpo;
        return Observable("stimulation", t, state);
    }

    public double[] DrugConcentrations(double t, ReadOnlySpan<double> y) => Model.DrugConcentrations(t, y, P);

    public double ReceptorPlateletEquivalents(ReadOnlySpan<double> y) => Observable("receptorPlateletEquivalents", 0, y);

    /// <summary>
    /// Half-life (hours) of free plasma TPO at tracer level, at the receptor state of <paramref name="y"/>: complexes in
    /// quasi-steady state, so elimination rate = kint·kon·R_free/(koff + kint + kon·T) + kNonReceptor (Jin &amp; Krzyzanski 2004).
    /// </summary>
    public double TracerHalfLifeHours(double[] y)
    {
        var receptors = Observable("plateletReceptors", 0, y) + Observable("mkReceptors", 0, y);
        var free = receptors - y[StateLayout.PlateletComplex] - y[StateLayout.MegakaryocyteComplex];
        var kon = this[ParameterId.TpoAssociationRate];
        var koff = this[ParameterId.TpoDissociationRate];
        var kint = this[ParameterId.ComplexInternalisationRate];
        var k = kint * kon * Math.Max(free, 0) / (koff + kint + kon * Math.Max(y[StateLayout.FreeTpo], 0)) + this[ParameterId.NonReceptorClearanceRate];
        return TpoSim.Units.TpoUnits.DaysToHours(Math.Log(2) / k);
    }
}
