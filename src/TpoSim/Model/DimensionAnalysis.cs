namespace TpoSim.Model;

/// <summary>
/// Derives each expression's unit from the declared units of the symbols it reads and checks a
/// <see cref="ModelDefinition"/>: every rate must be in its state's unit per day, every variable, derived parameter and
/// initial value in its declared unit. Terms of a sum, both sides of min/max and of a comparison, and both branches of
/// a switch must share a unit; exponents and the arguments of exp and log must be dimensionless.
/// </summary>
public static class DimensionAnalysis
{
    /// <summary>Every unit error of <paramref name="model"/>, one line each (empty when consistent).</summary>
    public static IReadOnlyList<string> Check(ModelDefinition model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var errors = new List<string>();
        var symbols = new Dictionary<SymbolExpr, Unit>();
        void Declare(SymbolExpr s, string unit, string what)
        {
            if (UnitParser.TryParse(unit, out var u)) symbols[s] = u;
            else errors.Add($"{what}: unit '{unit}' does not parse.");
        }
        foreach (var s in model.States) Declare(Expr.State(s.Name), s.Unit, $"state {s.Name}");
        foreach (var p in model.Parameters) Declare(Expr.Parameter(p.Name), p.Unit, $"parameter {p.Name}");
        foreach (var p in model.DerivedParameters) Declare(Expr.Parameter(p.Name), p.Unit, $"derived parameter {p.Name}");
        foreach (var v in model.Variables) Declare(Expr.Variable(v.Name), v.Unit, $"variable {v.Name}");

        void Expect(string what, Expr e, Unit expected)
        {
            if (e is ConstantExpr { Unit: null, Value: 0 }) return; // 0 is the zero of every unit
            try
            {
                var actual = UnitOf(e, symbols);
                if (!actual.SameAs(expected)) errors.Add($"{what}: expression has unit {actual}, expected {expected}.");
            }
            catch (UnitMismatchException ex)
            {
                errors.Add($"{what}: {ex.Message}");
            }
        }
        foreach (var s in model.States)
        {
            if (!symbols.TryGetValue(Expr.State(s.Name), out var unit)) continue;
            Expect($"rate of {s.Name}", s.Rate, unit / Unit.Day);
            Expect($"initial value of {s.Name}", s.Initial, unit);
        }
        foreach (var p in model.DerivedParameters)
            if (symbols.TryGetValue(Expr.Parameter(p.Name), out var unit)) Expect($"derived parameter {p.Name}", p.Value, unit);
        foreach (var v in model.Variables)
            if (symbols.TryGetValue(Expr.Variable(v.Name), out var unit)) Expect($"variable {v.Name}", v.Value, unit);
        return errors;
    }

    /// <summary>The unit of <paramref name="e"/> given the units of its symbols.</summary>
    /// <exception cref="UnitMismatchException">Terms of different units added, a dimensioned exponent, an unknown symbol…</exception>
    public static Unit UnitOf(Expr e, IReadOnlyDictionary<SymbolExpr, Unit> symbols)
    {
        switch (e)
        {
            case ConstantExpr c:
                return c.Unit is null ? Unit.One : UnitParser.Parse(c.Unit);
            case SymbolExpr s:
                return symbols.TryGetValue(s, out var u) ? u : throw new UnitMismatchException($"'{s.Name}' has no declared unit.");
            case TimeExpr:
                return Unit.Day;
            case SumExpr sum:
                return Same(sum.Terms, symbols, "terms of a sum");
            case ProductExpr p:
                return p.Factors.Aggregate(Unit.One, (acc, f) => acc * UnitOf(f, symbols));
            case QuotientExpr q:
                return UnitOf(q.Numerator, symbols) / UnitOf(q.Denominator, symbols);
            case PowerExpr pw:
            {
                var b = UnitOf(pw.Base, symbols);
                if (!UnitOf(pw.Exponent, symbols).IsOne) throw new UnitMismatchException($"exponent of {pw} is not dimensionless.");
                if (b.IsOne) return Unit.One;
                if (Simplifier.Simplify(pw.Exponent) is not ConstantExpr { Unit: null } n)
                    throw new UnitMismatchException($"{pw}: a dimensioned base needs a constant exponent.");
                try { return b.Pow(n.Value); }
                catch (ArgumentException ex) { throw new UnitMismatchException($"{pw}: {ex.Message}"); }
            }
            case FunctionExpr f:
            {
                var a = UnitOf(f.Argument, symbols);
                if (f.Function == MathFunction.Sqrt)
                {
                    try { return a.Pow(0.5); }
                    catch (ArgumentException ex) { throw new UnitMismatchException($"{f}: {ex.Message}"); }
                }
                if (!a.IsOne) throw new UnitMismatchException($"argument of {f.Function} in {f} has unit {a}, not 1.");
                return Unit.One;
            }
            case MinMaxExpr m:
                return Same([m.A, m.B], symbols, "arguments of min/max");
            case ConditionalExpr c:
                Same([c.Left, c.Right], symbols, "sides of a comparison");
                return Same([c.Then, c.Otherwise], symbols, "branches of a switch");
            default:
                throw new ArgumentException($"Unknown expression node {e.GetType().Name}.", nameof(e));
        }
    }

    // A literal 0 is the zero of any unit (0 pM = 0 ng/mL = 0), so it may stand beside anything.
    private static Unit Same(IEnumerable<Expr> terms, IReadOnlyDictionary<SymbolExpr, Unit> symbols, string what)
    {
        Unit? common = null;
        foreach (var t in terms)
        {
            if (t is ConstantExpr { Unit: null, Value: 0 }) continue;
            var u = UnitOf(t, symbols);
            if (common is { } c && !c.SameAs(u)) throw new UnitMismatchException($"{what} differ: {c} and {u} in {t}.");
            common ??= u;
        }
        return common ?? Unit.One;
    }
}

/// <summary>An expression combines quantities of incompatible units.</summary>
/// <param name="message">What and where.</param>
public sealed class UnitMismatchException(string message) : Exception(message);
