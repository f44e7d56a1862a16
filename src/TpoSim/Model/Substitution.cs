namespace TpoSim.Model;

/// <summary>Structural substitution in an <see cref="Expr"/> (used by <see cref="ModelDefinition.Compose"/>).</summary>
public static class Substitution
{
    /// <summary><paramref name="e"/> with every occurrence of <paramref name="symbol"/> replaced by <paramref name="replacement"/>.</summary>
    public static Expr Replace(Expr e, SymbolExpr symbol, Expr replacement) => e switch
    {
        SymbolExpr s when s == symbol => replacement,
        SumExpr s => new SumExpr([.. s.Terms.Select(t => Replace(t, symbol, replacement))]),
        ProductExpr p => new ProductExpr([.. p.Factors.Select(f => Replace(f, symbol, replacement))]),
        QuotientExpr q => new QuotientExpr(Replace(q.Numerator, symbol, replacement), Replace(q.Denominator, symbol, replacement)),
        PowerExpr p => new PowerExpr(Replace(p.Base, symbol, replacement), Replace(p.Exponent, symbol, replacement)),
        FunctionExpr f => new FunctionExpr(f.Function, Replace(f.Argument, symbol, replacement)),
        MinMaxExpr m => new MinMaxExpr(m.IsMax, Replace(m.A, symbol, replacement), Replace(m.B, symbol, replacement)),
        ConditionalExpr c => new ConditionalExpr(Replace(c.Left, symbol, replacement), c.Op, Replace(c.Right, symbol, replacement),
            Replace(c.Then, symbol, replacement), Replace(c.Otherwise, symbol, replacement)),
        _ => e,
    };
}
