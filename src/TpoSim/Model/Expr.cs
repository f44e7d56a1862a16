using System.Collections.Immutable;

namespace TpoSim.Model;

/// <summary>
/// An immutable symbolic expression: the building block of a <see cref="ModelDefinition"/>'s rates, variables,
/// derived parameters and initial values. Build with the factories and the arithmetic operators
/// (<c>Expr.Parameter("kon") * Expr.State("tpoFree")</c>); a <see cref="double"/> converts implicitly to a dimensionless
/// <see cref="ConstantExpr"/>. Symbols are referenced by name and resolved when the model is compiled
/// (<see cref="ModelCompiler"/>), so an expression can be written before the model that uses it exists.
/// </summary>
/// <remarks>
/// The node set is deliberately small (ModelingToolkit's symbolic core, SBML's MathML subset): constants, the
/// four symbol kinds (state, parameter, variable, time), n-ary sum and product, quotient, power, exp/log/sqrt,
/// min/max and a comparison switch. Smooth switches are built from these (<see cref="Logistic"/>, <see cref="Hill"/>).
/// </remarks>
public abstract record Expr
{
    /// <summary>The constant 0.</summary>
    public static ConstantExpr Zero { get; } = new(0);

    /// <summary>The constant 1.</summary>
    public static ConstantExpr One { get; } = new(1);

    /// <summary>Time t, days.</summary>
    public static TimeExpr Time { get; } = new();

    /// <summary>A dimensionless constant.</summary>
    public static ConstantExpr Constant(double value) => new(value);

    /// <summary>A constant carrying a unit (e.g. a conversion factor 24 "h/day"); <see cref="Simplifier"/> never folds it.</summary>
    public static ConstantExpr Quantity(double value, string unit) => new(value, unit);

    /// <summary>The state called <paramref name="name"/>.</summary>
    public static SymbolExpr State(string name) => new(SymbolKind.State, name);

    /// <summary>The parameter (declared or derived) called <paramref name="name"/>.</summary>
    public static SymbolExpr Parameter(string name) => new(SymbolKind.Parameter, name);

    /// <summary>The model variable (intermediate or observable) called <paramref name="name"/>.</summary>
    public static SymbolExpr Variable(string name) => new(SymbolKind.Variable, name);

    /// <summary>Σ terms (0 when empty).</summary>
    public static Expr Sum(IEnumerable<Expr> terms) => new SumExpr([.. terms]);

    /// <summary>Π factors (1 when empty).</summary>
    public static Expr Product(IEnumerable<Expr> factors) => new ProductExpr([.. factors]);

    /// <summary><paramref name="x"/>^<paramref name="exponent"/>.</summary>
    public static Expr Pow(Expr x, Expr exponent) => new PowerExpr(x, exponent);

    /// <summary>e^x.</summary>
    public static Expr Exp(Expr x) => new FunctionExpr(MathFunction.Exp, x);

    /// <summary>Natural logarithm.</summary>
    public static Expr Log(Expr x) => new FunctionExpr(MathFunction.Log, x);

    /// <summary>Square root.</summary>
    public static Expr Sqrt(Expr x) => new FunctionExpr(MathFunction.Sqrt, x);

    /// <summary>min(a, b) (a when equal).</summary>
    public static Expr Min(Expr a, Expr b) => new MinMaxExpr(false, a, b);

    /// <summary>max(a, b) (a when equal).</summary>
    public static Expr Max(Expr a, Expr b) => new MinMaxExpr(true, a, b);

    /// <summary>min(max(x, lo), hi), as <see cref="Math.Clamp(double, double, double)"/>.</summary>
    public static Expr Clamp(Expr x, Expr lo, Expr hi) => Min(Max(x, lo), hi);

    /// <summary>Hard switch: <paramref name="then"/> when <paramref name="left"/> &lt; <paramref name="right"/> (or ≤ with <paramref name="orEqual"/>), else <paramref name="otherwise"/>.</summary>
    public static Expr IfLess(Expr left, Expr right, Expr then, Expr otherwise, bool orEqual = false) =>
        new ConditionalExpr(left, orEqual ? Comparison.LessOrEqual : Comparison.Less, right, then, otherwise);

    /// <summary>Smooth switch from 0 to 1 around <paramref name="threshold"/>: 1/(1 + e^(−(x − threshold)/width)).</summary>
    public static Expr Logistic(Expr x, Expr threshold, Expr width) => 1 / (1 + Exp(-(x - threshold) / width));

    /// <summary>Smooth saturating switch x^n/(k^n + x^n) (Hill).</summary>
    public static Expr Hill(Expr x, Expr k, Expr n) => Pow(x, n) / (Pow(k, n) + Pow(x, n));

    /// <summary>Dimensionless constant.</summary>
    public static implicit operator Expr(double value) => new ConstantExpr(value);

    /// <summary>a + b.</summary>
    public static Expr operator +(Expr a, Expr b) => new SumExpr([a, b]);

    /// <summary>a − b (a + (−1)·b).</summary>
    public static Expr operator -(Expr a, Expr b) => new SumExpr([a, -b]);

    /// <summary>−a ((−1)·a).</summary>
    public static Expr operator -(Expr a) => new ProductExpr([MinusOne, a]);

    /// <summary>a·b.</summary>
    public static Expr operator *(Expr a, Expr b) => new ProductExpr([a, b]);

    /// <summary>a/b.</summary>
    public static Expr operator /(Expr a, Expr b) => new QuotientExpr(a, b);

    internal static ConstantExpr MinusOne { get; } = new(-1);

    /// <summary>Child expressions, in order.</summary>
    public abstract IEnumerable<Expr> Children { get; }

    /// <summary>This expression and every descendant, depth first.</summary>
    public IEnumerable<Expr> DescendantsAndSelf()
    {
        var stack = new Stack<Expr>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            foreach (var c in e.Children) stack.Push(c);
        }
    }

    /// <summary>Distinct symbols of kind <paramref name="kind"/> this expression references directly (not through variables).</summary>
    public IReadOnlyList<string> Symbols(SymbolKind kind) =>
        DescendantsAndSelf().OfType<SymbolExpr>().Where(s => s.Kind == kind).Select(s => s.Name).Distinct().ToArray();

    /// <summary>Infix text (for documentation and messages), e.g. <c>kon*tpoFree - koff*complex</c>.</summary>
    public sealed override string ToString() => ExprText.Infix(this);
}

/// <summary>A numeric constant, optionally with a unit (null = dimensionless).</summary>
/// <param name="Value">Value in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit text (see <see cref="UnitParser"/>), or null for a dimensionless number.</param>
public sealed record ConstantExpr(double Value, string? Unit = null) : Expr
{
    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [];
}

/// <summary>What a <see cref="SymbolExpr"/> names.</summary>
public enum SymbolKind
{
    /// <summary>A state variable y_i.</summary>
    State,
    /// <summary>A parameter p_k (declared or derived).</summary>
    Parameter,
    /// <summary>A named model variable (intermediate or observable), evaluated before the rates.</summary>
    Variable,
}

/// <summary>A named symbol: state, parameter or variable.</summary>
/// <param name="Kind">What it names.</param>
/// <param name="Name">Its name in the model.</param>
public sealed record SymbolExpr(SymbolKind Kind, string Name) : Expr
{
    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [];
}

/// <summary>Time t, days.</summary>
public sealed record TimeExpr : Expr
{
    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [];
}

/// <summary>Σ terms (0 when empty).</summary>
/// <param name="Terms">The terms.</param>
public sealed record SumExpr(ImmutableArray<Expr> Terms) : Expr
{
    /// <inheritdoc />
    public override IEnumerable<Expr> Children => Terms;
}

/// <summary>Π factors (1 when empty).</summary>
/// <param name="Factors">The factors.</param>
public sealed record ProductExpr(ImmutableArray<Expr> Factors) : Expr
{
    /// <inheritdoc />
    public override IEnumerable<Expr> Children => Factors;
}

/// <summary>Numerator / Denominator.</summary>
/// <param name="Numerator">Dividend.</param>
/// <param name="Denominator">Divisor.</param>
public sealed record QuotientExpr(Expr Numerator, Expr Denominator) : Expr
{
    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [Numerator, Denominator];
}

/// <summary>Base ^ Exponent (integer and ½ constant exponents compile to multiplications and a square root).</summary>
/// <param name="Base">Base.</param>
/// <param name="Exponent">Exponent (dimensionless).</param>
public sealed record PowerExpr(Expr Base, Expr Exponent) : Expr
{
    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [Base, Exponent];
}

/// <summary>Elementary functions of one argument.</summary>
public enum MathFunction
{
    /// <summary>e^x.</summary>
    Exp,
    /// <summary>Natural logarithm.</summary>
    Log,
    /// <summary>Square root.</summary>
    Sqrt,
}

/// <summary>A function of one argument.</summary>
/// <param name="Function">Which function.</param>
/// <param name="Argument">Its argument.</param>
public sealed record FunctionExpr(MathFunction Function, Expr Argument) : Expr
{
    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [Argument];
}

/// <summary>min(A, B) or max(A, B), as <see cref="Math.Min(double, double)"/>/<see cref="Math.Max(double, double)"/>.</summary>
/// <param name="IsMax">True for max.</param>
/// <param name="A">First argument.</param>
/// <param name="B">Second argument.</param>
public sealed record MinMaxExpr(bool IsMax, Expr A, Expr B) : Expr
{
    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [A, B];
}

/// <summary>Comparison of a <see cref="ConditionalExpr"/>.</summary>
public enum Comparison
{
    /// <summary>Left &lt; Right.</summary>
    Less,
    /// <summary>Left ≤ Right.</summary>
    LessOrEqual,
}

/// <summary>Hard switch: Then when (Left op Right), else Otherwise. Its derivative switches the branches' derivatives.</summary>
/// <param name="Left">Left side of the comparison.</param>
/// <param name="Op">The comparison.</param>
/// <param name="Right">Right side.</param>
/// <param name="Then">Value when the comparison holds.</param>
/// <param name="Otherwise">Value when it does not.</param>
public sealed record ConditionalExpr(Expr Left, Comparison Op, Expr Right, Expr Then, Expr Otherwise) : Expr
{
    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [Left, Right, Then, Otherwise];
}
