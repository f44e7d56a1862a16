using TpoSim.Numerics.Ode;

namespace TpoSim.Numerics.LinearAlgebra;

/// <summary>
/// A factorisable matrix M = αI + βJ built from a dense row-major Jacobian J (length n·n). Rosenbrock
/// stages need M = I/(hγ) − J (α = 1/(hγ), β = −1); Newton needs M = J (α = 0, β = 1). The concrete
/// factorisation follows the problem's declared <see cref="JacobianStructure"/>, so a banded or sparse
/// model pays for its structure only. All memory is allocated in the constructor: Factor and Solve do
/// not allocate.
/// </summary>
internal abstract class IterationMatrix
{
    protected IterationMatrix(int dimension) => Dimension = dimension;

    /// <summary>Matrix order n.</summary>
    public int Dimension { get; }

    /// <summary>Forms αI + βJ (entries outside the declared structure are ignored) and factors it. False if singular or non-finite.</summary>
    public abstract bool Factor(double alpha, double beta, ReadOnlySpan<double> jacobian);

    /// <summary>Overwrites <paramref name="rhs"/> with M⁻¹·rhs, using the last successful factorisation.</summary>
    public abstract void Solve(Span<double> rhs);

    /// <summary>
    /// The factorisation matching <paramref name="structure"/> (dense LU for <see cref="JacobianStructure.Dense"/>). With
    /// <paramref name="rankOne"/>, a sparse pattern with a dense block that may be rank one (<see cref="RankOneBlock"/>) gets
    /// the Sherman–Morrison factorisation <see cref="RankOneSparseLu"/>, which checks the rank at every factorisation and
    /// uses the plain sparse LU when it does not hold.
    /// </summary>
    public static IterationMatrix Create(JacobianStructure structure, int dimension, bool rankOne = false) => structure switch
    {
        JacobianStructure.BandedStructure b => new BandedLu(dimension, Math.Min(b.Lower, dimension - 1), Math.Min(b.Upper, dimension - 1)),
        JacobianStructure.SparseStructure => SparsityPattern.For(structure, dimension) is var pattern && rankOne && pattern.RankOne is { } block
            ? new RankOneSparseLu(pattern, block)
            : new SparseLu(pattern),
        _ => new DenseLu(dimension),
    };
}
