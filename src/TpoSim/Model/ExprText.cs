using System.Globalization;
using System.Text;

namespace TpoSim.Model;

/// <summary>Text forms of an <see cref="Expr"/>: plain infix (messages, tests) and LaTeX (docs/equations.md).</summary>
public static class ExprText
{
    /// <summary>Infix text with the usual precedence, e.g. <c>kon*tpoFree - koff*complex</c>.</summary>
    public static string Infix(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e, 0, latex: false);
        return sb.ToString();
    }

    /// <summary>LaTeX math (without delimiters); symbols are set as <c>\mathrm{name}</c>.</summary>
    public static string Latex(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e, 0, latex: true);
        return sb.ToString();
    }

    /// <summary>Invariant shortest round-trip number text.</summary>
    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    // Precedence: 0 top, 1 sum, 2 product, 3 power/atom.
    private static void Write(StringBuilder sb, Expr e, int context, bool latex)
    {
        switch (e)
        {
            case ConstantExpr c:
                var text = Number(c.Value);
                if (latex && text.Contains('E')) text = text.Replace("E", @"\times 10^{") + "}";
                if (c.Value < 0 && context > 0) sb.Append('(').Append(text).Append(')'); else sb.Append(text);
                if (c.Unit is not null) sb.Append(latex ? $@"\,\mathrm{{{c.Unit}}}" : $"[{c.Unit}]");
                break;
            case SymbolExpr s:
                sb.Append(latex ? $@"\mathrm{{{s.Name}}}" : s.Name);
                break;
            case TimeExpr:
                sb.Append('t');
                break;
            case SumExpr sum:
                if (sum.Terms.Length == 0) { sb.Append('0'); break; }
                if (context > 1) sb.Append(latex ? @"\left(" : "(");
                for (var i = 0; i < sum.Terms.Length; i++)
                {
                    var term = sum.Terms[i];
                    if (i > 0 && IsNegated(term, out var positive)) { sb.Append(" - "); Write(sb, positive, 2, latex); continue; }
                    if (i > 0) sb.Append(" + ");
                    Write(sb, term, 1, latex);
                }
                if (context > 1) sb.Append(latex ? @"\right)" : ")");
                break;
            case ProductExpr product:
                if (product.Factors.Length == 0) { sb.Append('1'); break; }
                if (IsNegated(product, out var negated))
                {
                    if (context > 1) sb.Append('(');
                    sb.Append('-');
                    Write(sb, negated, 2, latex);
                    if (context > 1) sb.Append(')');
                    break;
                }
                if (context > 2) sb.Append(latex ? @"\left(" : "(");
                for (var i = 0; i < product.Factors.Length; i++)
                {
                    if (i > 0) sb.Append(latex ? @" \cdot " : "*");
                    Write(sb, product.Factors[i], 2, latex);
                }
                if (context > 2) sb.Append(latex ? @"\right)" : ")");
                break;
            case QuotientExpr q:
                if (latex)
                {
                    sb.Append(@"\frac{"); Write(sb, q.Numerator, 0, latex); sb.Append("}{"); Write(sb, q.Denominator, 0, latex); sb.Append('}');
                    break;
                }
                if (context > 2) sb.Append('(');
                Write(sb, q.Numerator, 2, latex);
                sb.Append('/');
                Write(sb, q.Denominator, 3, latex);
                if (context > 2) sb.Append(')');
                break;
            case PowerExpr p:
                Write(sb, p.Base, 3, latex);
                sb.Append(latex ? "^{" : "^");
                Write(sb, p.Exponent, latex ? 0 : 3, latex);
                if (latex) sb.Append('}');
                break;
            case FunctionExpr f:
                var name = f.Function switch { MathFunction.Exp => "exp", MathFunction.Log => "log", _ => "sqrt" };
                if (latex && f.Function == MathFunction.Sqrt) { sb.Append(@"\sqrt{"); Write(sb, f.Argument, 0, latex); sb.Append('}'); break; }
                sb.Append(latex ? $@"\{name}\left(" : name + "(");
                Write(sb, f.Argument, 0, latex);
                sb.Append(latex ? @"\right)" : ")");
                break;
            case MinMaxExpr m:
                sb.Append(latex ? (m.IsMax ? @"\max\left(" : @"\min\left(") : (m.IsMax ? "max(" : "min("));
                Write(sb, m.A, 0, latex);
                sb.Append(", ");
                Write(sb, m.B, 0, latex);
                sb.Append(latex ? @"\right)" : ")");
                break;
            case ConditionalExpr c:
                var op = c.Op == Comparison.Less ? "<" : (latex ? @"\le" : "<=");
                if (latex)
                {
                    sb.Append(@"\begin{cases}"); Write(sb, c.Then, 0, latex); sb.Append(@" & "); Write(sb, c.Left, 0, latex);
                    sb.Append($" {op} "); Write(sb, c.Right, 0, latex); sb.Append(@" \\ "); Write(sb, c.Otherwise, 0, latex);
                    sb.Append(@" & \text{otherwise}\end{cases}");
                    break;
                }
                sb.Append("if(");
                Write(sb, c.Left, 0, latex); sb.Append($" {op} "); Write(sb, c.Right, 0, latex);
                sb.Append(", "); Write(sb, c.Then, 0, latex); sb.Append(", "); Write(sb, c.Otherwise, 0, latex); sb.Append(')');
                break;
            default:
                throw new ArgumentException($"Unknown expression node {e.GetType().Name}.", nameof(e));
        }
    }

    /// <summary>True when <paramref name="e"/> is (−1)·x (or −c·x), giving x (or c·x).</summary>
    internal static bool IsNegated(Expr e, out Expr positive)
    {
        if (e is ProductExpr { Factors.Length: >= 2 } p && p.Factors[0] is ConstantExpr { Unit: null, Value: < 0 } c)
        {
            positive = c.Value == -1
                ? (p.Factors.Length == 2 ? p.Factors[1] : new ProductExpr(p.Factors.RemoveAt(0)))
                : new ProductExpr(p.Factors.SetItem(0, new ConstantExpr(-c.Value)));
            return true;
        }
        if (e is ConstantExpr { Unit: null, Value: < 0 } k) { positive = new ConstantExpr(-k.Value); return true; }
        positive = e;
        return false;
    }
}
