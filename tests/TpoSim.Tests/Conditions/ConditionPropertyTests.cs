using MathNet.Numerics.LinearAlgebra;
using TpoSim.Conditions;
using TpoSim.Parameters;
using TpoSim.Physiology;
using TpoSim.Scenarios;
using TpoSim.Simulation;
using TpoSim.Tests.Physiology;

namespace TpoSim.Tests.Conditions;

/// <summary>Properties every condition preset must have (issue: diseases and procedures as mechanisms).</summary>
public class ConditionPropertyTests
{
    public static TheoryData<string> Names() => new(ConditionCatalog.Names);

    internal static Scenario With(string condition, double severity, IReadOnlyDictionary<string, double>? options = null, double days = 1) =>
        ModelFixture.Scenario(days, Math.Min(days, 1)) with { Conditions = [new ConditionChoice(condition, severity, options ?? new Dictionary<string, double>())] };

    internal static ModelOutputs SteadyState(string condition, double severity, IReadOnlyDictionary<string, double>? options = null) =>
        ModelFixture.Run(With(condition, severity, options)).Outputs[0];

    [Theory]
    [MemberData(nameof(Names))]
    public void SeverityZeroIsHealthy(string name)
    {
        var scenario = With(name, 0);
        var parameters = Simulator.ParametersFor(scenario);
        foreach (var d in ParameterCatalog.All) Assert.Equal(d.DefaultValue, parameters[d.Id]);
        if (name == "neonate") return; // the neonate differs by age group (its own TPO sources), not by severity
        var o = ModelFixture.Run(scenario).Outputs[0];
        Assert.Equal(250, o.PlateletsCirculating, 6);
        Assert.Equal(1.4, o.TpoFreePicomolar, 9);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SteadyStateExistsAndIsStable(string name)
    {
        // The day-0 state is a root of f (checked by Newton) and all eigenvalues of ∂f/∂y there have negative
        // real part: small perturbations decay (linear stability, Hirsch–Smale).
        var scenario = With(name, 1);
        var parameters = Simulator.ParametersFor(scenario);
        var model = new TestModel(parameters, Simulator.PatientFor(scenario));
        var (y, _, failure) = Simulator.InitialState(model.Model, model.P);
        Assert.Null(failure);
        var f = ModelFixture.Derivative(model, y);
        for (var i = 0; i < y.Length; i++) Assert.True(Math.Abs(f[i]) < 1e-6 * Math.Max(1, Math.Abs(y[i])), $"f[{i}] = {f[i]}");

        var n = y.Length;
        var jacobian = Matrix<double>.Build.Dense(n, n);
        for (var j = 0; j < n; j++)
        {
            var h = 1e-7 * Math.Max(1e-3, Math.Abs(y[j]));
            var yp = (double[])y.Clone();
            var ym = (double[])y.Clone();
            yp[j] += h;
            ym[j] -= h;
            var fp = ModelFixture.Derivative(model, yp);
            var fm = ModelFixture.Derivative(model, ym);
            for (var i = 0; i < n; i++) jacobian[i, j] = (fp[i] - fm[i]) / (2 * h);
        }
        var maxReal = jacobian.Evd().EigenValues.Max(e => e.Real);
        Assert.True(maxReal < 0, $"{name}: largest eigenvalue real part {maxReal} is not negative");
    }

    [Theory]
    [InlineData("chronicLiverDisease", -1)]
    [InlineData("itp", -1)]
    [InlineData("aplasticAnaemia", -1)]
    [InlineData("camt", -1)]
    [InlineData("mds", -1)]
    [InlineData("essentialThrombocythaemia", 1)]
    [InlineData("hereditaryThrombocythaemia", 1)]
    [InlineData("inflammation", 1)]
    public void PlateletEffectIsMonotoneInSeverity(string name, int direction)
    {
        var last = 250.0;
        foreach (var s in new[] { 0.25, 0.5, 0.75, 1.0 })
        {
            var p = SteadyState(name, s).PlateletsCirculating;
            Assert.True(direction * (p - last) > 0, $"{name} severity {s}: platelets {p} vs {last} at the lower severity");
            last = p;
        }
    }

    [Fact]
    public void ChronicItpSeverityGivesBaselinesFromBelowTenToAboutFifty()
    {
        Assert.True(SteadyState("itp", 1).PlateletsCirculating < 10);
        Assert.InRange(SteadyState("itp", 0.12).PlateletsCirculating, 40, 60);
    }

    [Fact]
    public void SplenectomyAndImpairedMkOutputMoveItpTheExpectedWay()
    {
        var plain = SteadyState("itp", 0.5).PlateletsCirculating;
        var splenectomised = SteadyState("itp", 0.5, new Dictionary<string, double> { ["splenectomised"] = 1 }).PlateletsCirculating;
        var impaired = SteadyState("itp", 0.5, new Dictionary<string, double> { ["mkOutputImpairment"] = 0.5 }).PlateletsCirculating;
        Assert.True(splenectomised > 1.5 * plain, $"splenectomised {splenectomised} vs {plain}");
        Assert.True(impaired < 0.8 * plain, $"impaired {impaired} vs {plain}");
    }

    [Fact]
    public void ChildPughGradesMapToIncreasingSeverity()
    {
        Assert.Equal(1.0 / 3, ConditionCatalog.ChildPughSeverity("A"), 12);
        var a = SteadyState("chronicLiverDisease", ConditionCatalog.ChildPughSeverity("A")).PlateletsCirculating;
        var b = SteadyState("chronicLiverDisease", ConditionCatalog.ChildPughSeverity("B")).PlateletsCirculating;
        var c = SteadyState("chronicLiverDisease", ConditionCatalog.ChildPughSeverity("C")).PlateletsCirculating;
        Assert.True(a > b && b > c);
    }
}
