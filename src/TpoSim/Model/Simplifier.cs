using System.Collections.Immutable;

namespace TpoSim.Model;

/// <summary>
/// Algebraic simplification of an <see cref="Expr"/>: nested sums and products are flattened, dimensionless constants
/// folded (in the place of the first), 0 and 1 dropped (x + 0, 1·x, x^1, x/1), and anything times 0 is 0. It keeps term order otherwise, so the
/// compiled arithmetic follows the definition's. Constants with a unit are left as written (they carry a conversion).
/// </summary>
public static class Simplifier
{
    /// <summary>The simplified form of <paramref name="e"/> (the same value for every finite input).</summary>
    public static Expr Simplify(Expr e) => e switch
    {
        SumExpr s => Sum(s.Terms.Select(Simplify)),
        ProductExpr p => Product(p.Factors.Select(Simplify)),
        QuotientExpr q => Quotient(Simplify(q.Numerator), Simplify(q.Denominator)),
        PowerExpr p => Power(Simplify(p.Base), Simplify(p.Exponent)),
        FunctionExpr f => Function(f.Function, Simplify(f.Argument)),
        MinMaxExpr m => MinMax(m.IsMax, Simplify(m.A), Simplify(m.B)),
        ConditionalExpr c => Conditional(c.Op, Simplify(c.Left), Simplify(c.Right), Simplify(c.Then), Simplify(c.Otherwise)),
        _ => e,
    };

    /// <summary>True when <paramref name="e"/> is the dimensionless constant <paramref name="value"/>.</summary>
    public static bool IsConstant(Expr e, double value) => e is ConstantExpr { Unit: null } c && c.Value == value;

    private static bool IsNumber(Expr e, out double value)
    {
        if (e is ConstantExpr { Unit: null } c) { value = c.Value; return true; }
        value = 0;
        return false;
    }

    internal static Expr Sum(IEnumerable<Expr> terms)
    {
        var list = ImmutableArray.CreateBuilder<Expr>();
        double constant = 0;
        var constantAt = -1;
        void Add(Expr t)
        {
            if (t is SumExpr inner) { foreach (var x in inner.Terms) Add(x); return; }
            if (IsNumber(t, out var v)) { constant += v; if (constantAt < 0) constantAt = list.Count; return; }
            list.Add(t);
        }
        foreach (var t in terms) Add(t);
        // The folded constant stands where the first constant stood, so (1 − a) + b keeps its order of evaluation.
        if (constantAt >= 0 && constant != 0) list.Insert(constantAt, new ConstantExpr(constant));
        return list.Count switch
        {
            0 => Expr.Zero,
            1 => list[0],
            _ => new SumExpr(list.ToImmutable()),
        };
    }

    internal static Expr Product(IEnumerable<Expr> factors)
    {
        var list = ImmutableArray.CreateBuilder<Expr>();
        double constant = 1;
        var constantAt = -1;
        void Add(Expr f)
        {
            if (f is ProductExpr inner) { foreach (var x in inner.Factors) Add(x); return; }
            if (IsNumber(f, out var v)) { constant *= v; if (constantAt < 0) constantAt = list.Count; return; }
            list.Add(f);
        }
        foreach (var f in factors) Add(f);
        if (constant == 0) return Expr.Zero;
        // As in sums, the folded constant keeps the first constant's place (a negation, −1·x, stays in front).
        if (constant != 1) list.Insert(constantAt, new ConstantExpr(constant));
        return list.Count switch
        {
            0 => Expr.One,
            1 => list[0],
            _ => new ProductExpr(list.ToImmutable()),
        };
    }

    internal static Expr Quotient(Expr n, Expr d)
    {
        if (IsConstant(n, 0)) return Expr.Zero;
        if (IsConstant(d, 1)) return n;
        if (IsNumber(n, out var a) && IsNumber(d, out var b)) return new ConstantExpr(a / b);
        return new QuotientExpr(n, d);
    }

    internal static Expr Power(Expr b, Expr x)
    {
        if (IsConstant(x, 0)) return Expr.One;
        if (IsConstant(x, 1)) return b;
        if (IsNumber(b, out var u) && IsNumber(x, out var v)) return new ConstantExpr(Math.Pow(u, v));
        return new PowerExpr(b, x);
    }

    internal static Expr Function(MathFunction f, Expr a)
    {
        if (IsNumber(a, out var v))
            return new ConstantExpr(f switch { MathFunction.Exp => Math.Exp(v), MathFunction.Log => Math.Log(v), _ => Math.Sqrt(v) });
        return new FunctionExpr(f, a);
    }

    internal static Expr MinMax(bool isMax, Expr a, Expr b)
    {
        if (IsNumber(a, out var u) && IsNumber(b, out var v)) return new ConstantExpr(isMax ? Math.Max(u, v) : Math.Min(u, v));
        return new MinMaxExpr(isMax, a, b);
    }

    internal static Expr Conditional(Comparison op, Expr l, Expr r, Expr then, Expr otherwise)
    {
        if (IsNumber(l, out var u) && IsNumber(r, out var v)) return (op == Comparison.Less ? u < v : u <= v) ? then : otherwise;
        if (then is ConstantExpr a && otherwise is ConstantExpr b && a == b) return then;
        return new ConditionalExpr(l, op, r, then, otherwise);
    }
}
