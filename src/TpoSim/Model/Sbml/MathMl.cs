using System.Globalization;
using System.Xml.Linq;

namespace TpoSim.Model.Sbml;

/// <summary>
/// Writes an <see cref="Expr"/> as SBML Level 3 Version 2 MathML (content MathML with <c>sbml:units</c> on numbers).
/// Every number carries a unit, so libSBML can check the units of every rule: a constant's own unit, dimensionless for
/// a pure number, and for a bare 0 (the zero of every unit in <see cref="DimensionAnalysis"/>) the unit of the sum,
/// switch or min/max it stands in.
/// </summary>
internal sealed class MathMl
{
    /// <summary>The MathML namespace.</summary>
    public static readonly XNamespace Ns = "http://www.w3.org/1998/Math/MathML";

    private const string TimeSymbol = "http://www.sbml.org/sbml/symbols/time";

    private readonly XNamespace _sbml;
    private readonly SbmlUnits _units;
    private readonly IReadOnlyDictionary<SymbolExpr, Unit> _symbolUnits;
    private readonly Func<SymbolExpr, string> _id;

    /// <param name="sbml">The SBML core namespace (for the <c>sbml:units</c> attribute).</param>
    /// <param name="units">The document's unit definitions.</param>
    /// <param name="symbolUnits">The unit of every symbol, for the unit of a bare zero.</param>
    /// <param name="id">The SBML id of a symbol.</param>
    public MathMl(XNamespace sbml, SbmlUnits units, IReadOnlyDictionary<SymbolExpr, Unit> symbolUnits, Func<SymbolExpr, string> id)
    {
        _sbml = sbml;
        _units = units;
        _symbolUnits = symbolUnits;
        _id = id;
    }

    /// <summary>A <c>&lt;math&gt;</c> element for <paramref name="e"/>, whose unit should be <paramref name="expected"/> (null if unknown).</summary>
    public XElement Math(Expr e, Unit? expected) =>
        new(Ns + "math", new XAttribute(XNamespace.Xmlns + "sbml", _sbml.NamespaceName), Node(e, expected));

    /// <summary>A number with a unit id.</summary>
    public XElement Number(double value, string unitId) =>
        new(Ns + "cn", new XAttribute(_sbml + "units", unitId), value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>The time csymbol.</summary>
    public static XElement Time() =>
        new(Ns + "csymbol", new XAttribute("encoding", "text"), new XAttribute("definitionURL", TimeSymbol), "time");

    private XElement Node(Expr e, Unit? expected) => e switch
    {
        ConstantExpr { Unit: null, Value: 0 } when expected is { } u => Number(0, _units.IdOf(u)),
        ConstantExpr c => Number(c.Value, c.Unit is null ? SbmlUnits.Dimensionless : _units.IdOf(c.Unit)),
        SymbolExpr s => new XElement(Ns + "ci", _id(s)),
        TimeExpr => Time(),
        SumExpr { Terms.Length: 0 } => Number(0, expected is { } u ? _units.IdOf(u) : SbmlUnits.Dimensionless),
        SumExpr { Terms.Length: 1 } sum => Node(sum.Terms[0], expected),
        SumExpr sum => Apply("plus", sum.Terms.Select(t => Node(t, UnitOf(sum) ?? expected))),
        ProductExpr { Factors.Length: 0 } => Number(1, SbmlUnits.Dimensionless),
        ProductExpr { Factors.Length: 1 } p => Node(p.Factors[0], expected),
        // (−1)·x is written −x.
        ProductExpr p when p.Factors[0] is ConstantExpr { Value: -1, Unit: null } =>
            Apply("minus", [Node(p.Factors.Length == 2 ? p.Factors[1] : new ProductExpr(p.Factors.RemoveAt(0)), expected)]),
        ProductExpr p => Apply("times", p.Factors.Select(f => Node(f, null))),
        QuotientExpr q => Apply("divide", [Node(q.Numerator, null), Node(q.Denominator, null)]),
        PowerExpr pw => Apply("power", [Node(pw.Base, null), Node(pw.Exponent, Unit.One)]),
        FunctionExpr { Function: MathFunction.Exp } f => Apply("exp", [Node(f.Argument, Unit.One)]),
        FunctionExpr { Function: MathFunction.Log } f => Apply("ln", [Node(f.Argument, Unit.One)]),
        FunctionExpr { Function: MathFunction.Sqrt } f => Apply("root", [Node(f.Argument, null)]),
        MinMaxExpr m => Apply(m.IsMax ? "max" : "min", [Node(m.A, UnitOf(m) ?? expected), Node(m.B, UnitOf(m) ?? expected)]),
        ConditionalExpr c => Piecewise(c, UnitOf(c) ?? expected),
        _ => throw new ArgumentException($"No MathML for expression node {e.GetType().Name}.", nameof(e)),
    };

    private XElement Piecewise(ConditionalExpr c, Unit? unit)
    {
        var sides = UnitOf(c.Left) ?? UnitOf(c.Right);
        var test = Apply(c.Op == Comparison.Less ? "lt" : "leq", [Node(c.Left, sides), Node(c.Right, sides)]);
        return new XElement(Ns + "piecewise",
            new XElement(Ns + "piece", Node(c.Then, unit), test),
            new XElement(Ns + "otherwise", Node(c.Otherwise, unit)));
    }

    private static XElement Apply(string op, IEnumerable<XElement> args) => new(Ns + "apply", new XElement(Ns + op), args);

    /// <summary>The unit of <paramref name="e"/>, or null when it cannot be derived (then a bare zero inside stays dimensionless).</summary>
    private Unit? UnitOf(Expr e)
    {
        if (e is ConstantExpr { Unit: null, Value: 0 }) return null;
        try { return DimensionAnalysis.UnitOf(e, _symbolUnits); }
        catch (UnitMismatchException) { return null; }
        catch (FormatException) { return null; }
    }
}
