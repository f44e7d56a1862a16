using System.Reflection;
using LinqExpression = System.Linq.Expressions.Expression;
using ParameterExpression = System.Linq.Expressions.ParameterExpression;

namespace TpoSim.Model;

/// <summary>
/// Turns straight-line code (local assignments, then indexed outputs) over <see cref="Expr"/>s into a compiled
/// <see cref="ModelFunction"/> with System.Linq.Expressions. Every state and parameter read is loaded once into a local,
/// every assignment is a local, so the emitted code does what hand-written code would, with no allocation.
/// </summary>
internal sealed class ExpressionEmitter
{
    private static readonly MethodInfo Read = typeof(SpanAccess).GetMethod(nameof(SpanAccess.Read))!;
    private static readonly MethodInfo Write = typeof(SpanAccess).GetMethod(nameof(SpanAccess.Write))!;
    private static readonly MethodInfo Pow = typeof(Math).GetMethod(nameof(Math.Pow), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo Exp = typeof(Math).GetMethod(nameof(Math.Exp), [typeof(double)])!;
    private static readonly MethodInfo Log = typeof(Math).GetMethod(nameof(Math.Log), [typeof(double)])!;
    private static readonly MethodInfo Sqrt = typeof(Math).GetMethod(nameof(Math.Sqrt), [typeof(double)])!;
    private static readonly MethodInfo MinMethod = typeof(Math).GetMethod(nameof(Math.Min), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo MaxMethod = typeof(Math).GetMethod(nameof(Math.Max), [typeof(double), typeof(double)])!;

    private readonly IReadOnlyDictionary<string, int> _stateIndex;
    private readonly IReadOnlyDictionary<string, int> _parameterIndex;
    private readonly ParameterExpression _t = LinqExpression.Parameter(typeof(double), "t");
    private readonly ParameterExpression _y = LinqExpression.Parameter(typeof(ReadOnlySpan<double>), "y");
    private readonly ParameterExpression _p = LinqExpression.Parameter(typeof(ReadOnlySpan<double>), "p");
    private readonly ParameterExpression _out = LinqExpression.Parameter(typeof(Span<double>), "output");
    private readonly Dictionary<SymbolExpr, ParameterExpression> _locals = [];
    private readonly List<ParameterExpression> _allLocals = [];
    private readonly List<LinqExpression> _loads = [];
    private readonly List<LinqExpression> _body = [];

    public ExpressionEmitter(IReadOnlyDictionary<string, int> stateIndex, IReadOnlyDictionary<string, int> parameterIndex)
    {
        _stateIndex = stateIndex;
        _parameterIndex = parameterIndex;
    }

    /// <summary>Assigns <paramref name="value"/> to a local standing for <paramref name="symbol"/> (a variable, or a parameter computed here).</summary>
    public void Assign(SymbolExpr symbol, Expr value)
    {
        var compiled = Compile(value);
        var local = LinqExpression.Variable(typeof(double), symbol.Name);
        _allLocals.Add(local);
        _body.Add(LinqExpression.Assign(local, compiled));
        _locals[symbol] = local;
    }

    /// <summary>Writes <paramref name="value"/> to output[<paramref name="index"/>].</summary>
    public void Output(int index, Expr value) =>
        _body.Add(LinqExpression.Call(Write, _out, LinqExpression.Constant(index), Compile(value)));

    /// <summary>The compiled function.</summary>
    public ModelFunction Build()
    {
        var block = LinqExpression.Block(typeof(void), _allLocals, [.. _loads, .. _body, LinqExpression.Empty()]);
        return LinqExpression.Lambda<ModelFunction>(block, _t, _y, _p, _out).Compile();
    }

    private LinqExpression Symbol(SymbolExpr s)
    {
        if (_locals.TryGetValue(s, out var local)) return local;
        (ParameterExpression span, int index) = s.Kind switch
        {
            SymbolKind.State => (_y, _stateIndex.TryGetValue(s.Name, out var i) ? i : throw new ArgumentException($"Unknown state '{s.Name}'.")),
            SymbolKind.Parameter => (_p, _parameterIndex.TryGetValue(s.Name, out var k) ? k : throw new ArgumentException($"Unknown parameter '{s.Name}'.")),
            _ => throw new ArgumentException($"Variable '{s.Name}' is used before it is defined."),
        };
        local = LinqExpression.Variable(typeof(double), s.Name);
        _allLocals.Add(local);
        _loads.Add(LinqExpression.Assign(local, LinqExpression.Call(Read, span, LinqExpression.Constant(index))));
        _locals[s] = local;
        return local;
    }

    private LinqExpression Compile(Expr e)
    {
        switch (e)
        {
            case ConstantExpr c:
                return LinqExpression.Constant(c.Value);
            case SymbolExpr s:
                return Symbol(s);
            case TimeExpr:
                return _t;
            case SumExpr sum:
            {
                if (sum.Terms.Length == 0) return LinqExpression.Constant(0.0);
                LinqExpression acc = Compile(sum.Terms[0]);
                for (var i = 1; i < sum.Terms.Length; i++)
                {
                    acc = ExprText.IsNegated(sum.Terms[i], out var positive)
                        ? LinqExpression.Subtract(acc, Compile(positive))
                        : LinqExpression.Add(acc, Compile(sum.Terms[i]));
                }
                return acc;
            }
            case ProductExpr product:
            {
                if (product.Factors.Length == 0) return LinqExpression.Constant(1.0);
                if (product.Factors.Length >= 2 && product.Factors[0] is ConstantExpr { Unit: null, Value: -1 })
                    return LinqExpression.Negate(Compile(product.Factors.Length == 2 ? product.Factors[1] : new ProductExpr(product.Factors.RemoveAt(0))));
                LinqExpression acc = Compile(product.Factors[0]);
                for (var i = 1; i < product.Factors.Length; i++) acc = LinqExpression.Multiply(acc, Compile(product.Factors[i]));
                return acc;
            }
            case QuotientExpr q:
                return LinqExpression.Divide(Compile(q.Numerator), Compile(q.Denominator));
            case PowerExpr pw:
                return Power(pw);
            case FunctionExpr f:
                return LinqExpression.Call(f.Function switch { MathFunction.Exp => Exp, MathFunction.Log => Log, _ => Sqrt }, Compile(f.Argument));
            case MinMaxExpr m:
                return LinqExpression.Call(m.IsMax ? MaxMethod : MinMethod, Compile(m.A), Compile(m.B));
            case ConditionalExpr c:
            {
                var l = Compile(c.Left);
                var r = Compile(c.Right);
                var test = c.Op == Comparison.Less ? LinqExpression.LessThan(l, r) : LinqExpression.LessThanOrEqual(l, r);
                return LinqExpression.Condition(test, Compile(c.Then), Compile(c.Otherwise));
            }
            default:
                throw new ArgumentException($"Unknown expression node {e.GetType().Name}.", nameof(e));
        }
    }

    // Small integer exponents as products (exact and far cheaper than Math.Pow), ½ as a square root.
    private LinqExpression Power(PowerExpr pw)
    {
        var b = Compile(pw.Base);
        if (pw.Exponent is ConstantExpr { Unit: null } c)
        {
            var n = c.Value;
            if (n == 0.5) return LinqExpression.Call(Sqrt, b);
            if (n == Math.Round(n) && Math.Abs(n) is >= 1 and <= 4)
            {
                var temp = LinqExpression.Variable(typeof(double), "pow");
                LinqExpression acc = temp;
                for (var i = 1; i < Math.Abs(n); i++) acc = LinqExpression.Multiply(acc, temp);
                if (n < 0) acc = LinqExpression.Divide(LinqExpression.Constant(1.0), acc);
                return LinqExpression.Block(typeof(double), [temp], LinqExpression.Assign(temp, b), acc);
            }
        }
        return LinqExpression.Call(Pow, b, Compile(pw.Exponent));
    }
}
