using TpoSim.Model;
using static TpoSim.Model.Expr;

namespace TpoSim.Drugs.Modules;

/// <summary>Building blocks shared by the linear compartmental modules (amounts in µg, rates per day).</summary>
public static class LinearPk
{
    /// <summary>First-order absorption from <paramref name="depot"/>: ka·A_depot, µg/day.</summary>
    public static Expr Absorbed(Expr ka, Expr depot) => ka * depot;

    /// <summary>The depot's rate −ka·A_depot.</summary>
    public static Expr DepotRate(Expr ka, Expr depot) => -Absorbed(ka, depot);

    /// <summary>A state in µg with zero initial amount.</summary>
    public static StateDefinition Amount(string name, string meaning, Expr rate) => new(name, "µg", meaning, rate, 0);

    /// <summary>A parameter reference.</summary>
    public static SymbolExpr P(string name) => Parameter(name);
}
