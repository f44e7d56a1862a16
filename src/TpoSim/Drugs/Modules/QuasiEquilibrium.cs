using TpoSim.Model;
using static TpoSim.Model.Expr;

namespace TpoSim.Drugs.Modules;

/// <summary>
/// Free ligand under quasi-equilibrium binding to a receptor pool (Mager &amp; Jusko, J Pharmacokinet Pharmacodyn
/// 2001;28:507): C = ½(b + √(b² + 4·K·Ctot)) with b = Ctot − Rtot − K, written as 2·K·Ctot/(√… − b) when b &lt; 0 so that
/// it does not cancel (the quasi-equilibrium solution of Mager &amp; Jusko); 0 when Ctot ≤ 0.
/// </summary>
public static class QuasiEquilibrium
{
    /// <summary>The variables b, the root and the free concentration <paramref name="free"/>.</summary>
    public static IReadOnlyList<VariableDefinition> Free(string prefix, Expr total, Expr receptors, Expr kd, SymbolExpr b, SymbolExpr root, SymbolExpr free) =>
    [
        new(b.Name, "ng/mL", "b = Ctot − Rtot − K.", total - receptors - kd),
        new(root.Name, "ng/mL", "√(b² + 4·K·Ctot).", Sqrt(b * b + 4 * kd * total)),
        new(free.Name, "ng/mL", $"Free {prefix} concentration (quasi-equilibrium).",
            IfLess(0, total, IfLess(b, 0, 2 * kd * total / (root - b), 0.5 * (b + root)), 0), Observable: true),
    ];
}
