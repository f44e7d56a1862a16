namespace TpoSim.Model;

/// <summary>
/// Symbolic partial derivatives of an <see cref="Expr"/> with respect to one symbol (a state, parameter or variable),
/// every other symbol held fixed; results are simplified (<see cref="Simplifier"/>). The compiler chains these partials
/// through the model's variables to get total derivatives (<see cref="ModelCompiler"/>).
/// </summary>
/// <remarks>
/// Rules: sum, product (Leibniz), quotient, chain rule for exp, log and sqrt, power (c·x^(c−1)·x′ for an exponent free of
/// the symbol, x^a·(a′·log x + a·x′/x) otherwise); min, max and a hard switch differentiate branch-wise (the derivative of
/// the branch taken), so at a kink the derivative is one-sided, as the compiled value is.
/// </remarks>
public static class Differentiator
{
    /// <summary>∂<paramref name="e"/>/∂<paramref name="symbol"/>, simplified.</summary>
    public static Expr Differentiate(Expr e, SymbolExpr symbol) => Simplifier.Simplify(D(e, symbol));

    /// <summary>True when <paramref name="e"/> references <paramref name="symbol"/> directly.</summary>
    public static bool DependsOn(Expr e, SymbolExpr symbol) => e.DescendantsAndSelf().Any(x => x == (Expr)symbol);

    private static Expr D(Expr e, SymbolExpr s)
    {
        switch (e)
        {
            case ConstantExpr or TimeExpr:
                return Expr.Zero;
            case SymbolExpr x:
                return x == s ? Expr.One : Expr.Zero;
            case SumExpr sum:
                return Simplifier.Sum(sum.Terms.Select(t => D(t, s)));
            case ProductExpr p:
            {
                var terms = new List<Expr>();
                for (var k = 0; k < p.Factors.Length; k++)
                {
                    var dk = Simplifier.Simplify(D(p.Factors[k], s));
                    if (Simplifier.IsConstant(dk, 0)) continue;
                    var factors = new List<Expr>(p.Factors.Length);
                    for (var i = 0; i < p.Factors.Length; i++) factors.Add(i == k ? dk : p.Factors[i]);
                    terms.Add(Simplifier.Product(factors));
                }
                return Simplifier.Sum(terms);
            }
            case QuotientExpr q:
            {
                var dn = Simplifier.Simplify(D(q.Numerator, s));
                var dd = Simplifier.Simplify(D(q.Denominator, s));
                var first = Simplifier.Quotient(dn, q.Denominator);
                if (Simplifier.IsConstant(dd, 0)) return first;
                // (n/d)' = n'/d − n·d'/d²
                var second = Simplifier.Quotient(Simplifier.Product([q.Numerator, dd]), Simplifier.Power(q.Denominator, 2));
                return Simplifier.Sum([first, Simplifier.Product([Expr.MinusOne, second])]);
            }
            case PowerExpr pw:
            {
                var db = Simplifier.Simplify(D(pw.Base, s));
                var dx = Simplifier.Simplify(D(pw.Exponent, s));
                if (Simplifier.IsConstant(dx, 0))
                {
                    if (Simplifier.IsConstant(db, 0)) return Expr.Zero;
                    var lowered = Simplifier.Power(pw.Base, Simplifier.Sum([pw.Exponent, Expr.MinusOne]));
                    return Simplifier.Product([pw.Exponent, lowered, db]);
                }
                // d(b^x) = b^x·(x'·log b + x·b'/b)
                return Simplifier.Product([pw, Simplifier.Sum([
                    Simplifier.Product([dx, Simplifier.Function(MathFunction.Log, pw.Base)]),
                    Simplifier.Quotient(Simplifier.Product([pw.Exponent, db]), pw.Base)])]);
            }
            case FunctionExpr f:
            {
                var da = Simplifier.Simplify(D(f.Argument, s));
                if (Simplifier.IsConstant(da, 0)) return Expr.Zero;
                return f.Function switch
                {
                    MathFunction.Exp => Simplifier.Product([f, da]),
                    MathFunction.Log => Simplifier.Quotient(da, f.Argument),
                    _ => Simplifier.Quotient(da, Simplifier.Product([new ConstantExpr(2), f])),
                };
            }
            case MinMaxExpr m:
            {
                // min(a, b) = a when a ≤ b; max(a, b) = a when a ≥ b, i.e. b ≤ a.
                var da = Simplifier.Simplify(D(m.A, s));
                var dbm = Simplifier.Simplify(D(m.B, s));
                return m.IsMax
                    ? Simplifier.Conditional(Comparison.LessOrEqual, m.B, m.A, da, dbm)
                    : Simplifier.Conditional(Comparison.LessOrEqual, m.A, m.B, da, dbm);
            }
            case ConditionalExpr c:
                return Simplifier.Conditional(c.Op, c.Left, c.Right, Simplifier.Simplify(D(c.Then, s)), Simplifier.Simplify(D(c.Otherwise, s)));
            default:
                throw new ArgumentException($"Unknown expression node {e.GetType().Name}.", nameof(e));
        }
    }
}
