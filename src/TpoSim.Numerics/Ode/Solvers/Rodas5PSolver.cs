using TpoSim.Numerics.Ode.Events;

namespace TpoSim.Numerics.Ode.Solvers;

/// <summary>Linearly implicit Rosenbrock method Rodas5P (order 5, stiffly accurate, 4th-order dense output): the default for stiff problems.</summary>
public sealed class Rodas5PSolver : IOdeSolver
{
    /// <inheritdoc />
    public SolverDescriptor Descriptor { get; } = new(
        "rodas5p",
        "Rosenbrock–Wanner Rodas5P, order 5(4), L-stable and stiffly accurate, 4th-order dense output; for stiff problems. " +
        "Uses the analytic Jacobian when given, otherwise grouped finite differences, and an LU matching the declared Jacobian structure.",
        5, 4, true,
        "G. Steinebach, Construction of Rosenbrock–Wanner method Rodas5P and numerical benchmarks within the Julia Differential Equations package, " +
        "BIT Numer. Math. 63 (2023) 27; implementation form of E. Hairer, G. Wanner, Solving Ordinary Differential Equations II, 2nd ed., Springer 1996, §IV.7.");

    /// <inheritdoc />
    public OdeSolution Solve(OdeProblem problem, OdeSolverOptions options, EventSet? events = null)
    {
        Rodas5PStepper? used = null;
        try
        {
            return IntegrationDriver.Solve(problem, options, events, (p, o) => used = Rodas5PStepper.Rent(p, o));
        }
        finally
        {
            if (used is not null) Rodas5PStepper.Return(used);
        }
    }
}
