using TpoSim.Model;

namespace TpoSim.Tests.Model;

/// <summary>Derivative rules against analytic results, evaluated through the compiler.</summary>
public class DifferentiatorTests
{
    private static readonly SymbolExpr X = Expr.Variable("x");
    private static readonly SymbolExpr A = Expr.Parameter("a");

    // Evaluates e at x (a variable fed from a state) and a, by compiling a one-state model with e as an observable.
    private static double Evaluate(Expr e, double x, double a, double t = 0)
    {
        var model = new ModelDefinition("eval",
            [new StateDefinition("s", "1", "", 0, 0)],
            [ToyModels.Parameter("a", a, "1")], [],
            [new VariableDefinition("x", "1", "", Expr.State("s")), new VariableDefinition("e", "1", "", e, Observable: true)]);
        var compiled = ModelCompiler.Compile(model);
        var values = new double[1];
        compiled.ComputeObservables(t, [x], compiled.CreateParameters(), values);
        return values[0];
    }

    private static void AssertDerivative(Expr f, Func<double, double, double> expected, double x, double a)
    {
        var derivative = Differentiator.Differentiate(f, X);
        Assert.Equal(expected(x, a), Evaluate(derivative, x, a), 1e-12 * Math.Max(1, Math.Abs(expected(x, a))));
    }

    [Theory]
    [InlineData(0.7, 1.9)]
    [InlineData(2.5, -0.4)]
    public void Elementary_rules_match_analytic_derivatives(double x, double a)
    {
        AssertDerivative(Expr.Pow(X, 3), (x, _) => 3 * x * x, x, a);
        AssertDerivative(Expr.Pow(X, A), (x, a) => a * Math.Pow(x, a - 1), x, a);
        AssertDerivative(Expr.Pow(A * A + 1, X), (x, a) => Math.Pow(a * a + 1, x) * Math.Log(a * a + 1), x, a);
        AssertDerivative(Expr.Exp(A * X), (x, a) => a * Math.Exp(a * x), x, a);
        AssertDerivative(Expr.Log(X * X + 1), (x, _) => 2 * x / (x * x + 1), x, a);
        AssertDerivative(Expr.Sqrt(X), (x, _) => 0.5 / Math.Sqrt(x), x, a);
        AssertDerivative(X / (A * A + X), (x, a) => a * a / ((a * a + x) * (a * a + x)), x, a);
        AssertDerivative(X * X * A - 3 * X + 7, (x, a) => 2 * x * a - 3, x, a);
        AssertDerivative(Expr.Hill(X, 2, 3), (x, _) => 3 * 8 * x * x / Math.Pow(8 + x * x * x, 2), x, a);
    }

    [Fact]
    public void Min_max_and_switches_take_the_active_branch()
    {
        var min = Differentiator.Differentiate(Expr.Min(X * X, 1), X);
        Assert.Equal(2 * 0.5, Evaluate(min, 0.5, 0));
        Assert.Equal(0, Evaluate(min, 2, 0));
        var max = Differentiator.Differentiate(Expr.Max(3 * X, 0), X);
        Assert.Equal(3, Evaluate(max, 1, 0));
        Assert.Equal(0, Evaluate(max, -1, 0));
        var step = Differentiator.Differentiate(Expr.IfLess(Expr.Time, 2, X * A, X), X);
        Assert.Equal(5, Evaluate(step, 1, 5, t: 1));
        Assert.Equal(1, Evaluate(step, 1, 5, t: 3));
    }

    [Fact]
    public void Simplification_leaves_no_zero_or_unit_terms()
    {
        Assert.Equal(Expr.Zero, Differentiator.Differentiate(A * Expr.Exp(A) + 4, X));
        // Leibniz without collecting like terms: x·1 + 1·x becomes x + x.
        Assert.Equal("x + x", Differentiator.Differentiate(X * X, X).ToString());
        Assert.Equal("a", Differentiator.Differentiate(A * X + 1, X).ToString());
        Assert.Equal(Expr.One, Differentiator.Differentiate(Expr.Sum([X, A, 0]), X));
    }
}
