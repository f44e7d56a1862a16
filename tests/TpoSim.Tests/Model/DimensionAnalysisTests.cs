using TpoSim.Model;

namespace TpoSim.Tests.Model;

/// <summary>Units parse to the right scale and dimension, and the checker catches what it must.</summary>
public class DimensionAnalysisTests
{
    [Fact]
    public void Units_parse_to_scale_and_dimension()
    {
        Assert.True(UnitParser.Parse("pM").SameAs(new Unit(1e-12, 0, 0, 1, -1)));
        Assert.True(UnitParser.Parse("1/h").SameAs(new Unit(24, -1, 0, 0, 0)));
        Assert.True(UnitParser.Parse("1/(pM·day)").SameAs(new Unit(1e12, -1, 0, -1, 1)));
        // ξ (fg/platelet) × count (10^9 platelets/L) is ng/mL, as RomiplostimPk states.
        Assert.True((UnitParser.Parse("fg/platelet") * UnitParser.Parse("10^9/L")).SameAs(UnitParser.Parse("ng/mL")));
        Assert.True(UnitParser.Parse("mL/kg").SameAs(new Unit(1e-6, 0, -1, 0, 1)));
        // Absorbed dose is its own dimension (SBML's kind "gray"): a dose over D0 is dimensionless, a dose is not.
        Assert.True((UnitParser.Parse("Gy") / UnitParser.Parse("Gy")).IsOne);
        Assert.False(UnitParser.Parse("Gy").SameAs(Unit.One));
        Assert.Throws<FormatException>(() => UnitParser.Parse("furlong"));
    }

    [Fact]
    public void A_consistent_model_has_no_unit_errors()
    {
        Assert.Empty(DimensionAnalysis.Check(ToyModels.Chain()));
    }

    [Fact]
    public void A_rate_not_in_state_unit_per_day_is_an_error()
    {
        var model = ToyModels.Chain();
        // bound' with the koff·bound term dropped to koff alone: 1/day where pM/day is needed.
        var wrong = model with { States = [.. model.States.Take(5), model.States[5] with { Rate = Expr.Parameter("koff") }] };
        var error = Assert.Single(DimensionAnalysis.Check(wrong));
        Assert.StartsWith("rate of bound", error);
    }

    [Fact]
    public void An_observable_not_in_its_declared_unit_is_an_error()
    {
        var model = ToyModels.Chain();
        var wrong = model with { Variables = [.. model.Variables.Take(3), model.Variables[3] with { Unit = "ng/mL" }] };
        Assert.StartsWith("variable ligandObserved", Assert.Single(DimensionAnalysis.Check(wrong)));
    }

    [Fact]
    public void Adding_per_hour_to_per_day_is_an_error_until_converted()
    {
        var symbols = new Dictionary<SymbolExpr, Unit> { [Expr.Parameter("ka")] = UnitParser.Parse("1/h"), [Expr.Parameter("k")] = UnitParser.Parse("1/day") };
        Assert.Throws<UnitMismatchException>(() => DimensionAnalysis.UnitOf(Expr.Parameter("ka") + Expr.Parameter("k"), symbols));
        var converted = Expr.Quantity(24, "h/day") * Expr.Parameter("ka") + Expr.Parameter("k");
        Assert.True(DimensionAnalysis.UnitOf(converted, symbols).SameAs(UnitParser.Parse("1/day")));
        Assert.Throws<UnitMismatchException>(() => DimensionAnalysis.UnitOf(Expr.Exp(Expr.Parameter("k")), symbols));
    }
}
