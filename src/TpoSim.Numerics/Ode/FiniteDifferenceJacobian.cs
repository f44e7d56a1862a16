using TpoSim.Numerics.LinearAlgebra;

namespace TpoSim.Numerics.Ode;

/// <summary>
/// Forward-difference Jacobian with column grouping (Curtis, Powell &amp; Reid, J. Inst. Math. Appl. 13
/// (1974) 117–119): the columns of one group of <see cref="SparsityPattern"/> share no row, so one perturbed
/// evaluation of f yields all of them. A band of total width w costs w evaluations instead of n.
/// <para>
/// Increment: δ_j = √u·max(|y_j|, atol_j) (u = unit round-off) — a relative perturbation √u, the classical
/// balance of truncation and round-off (Dennis &amp; Schnabel, Numerical Methods for Unconstrained
/// Optimization, §5.4), with the absolute tolerance as the floor for components near zero. Hairer's
/// RADAU5/RODAS choice √(u·max(10⁻⁵, |y_j|)) assumes |y| ≈ 1: it perturbs tiny components (Robertson's
/// y2 ≈ 10⁻¹¹) by several times their size, and with h·‖J‖ ≈ 10¹³ a Rosenbrock method feels that error
/// (Robertson at rtol 1e-10 then needs 7× more steps). The atol floor can in turn be too small for a
/// component at zero whose f is O(1): the difference drowns in round-off. So a column whose floor was used
/// and whose differences are lost in round-off (largest |Δf| below 1e-8 of the largest |f| in the column)
/// is recomputed, alone, with the floor
/// atol_j/rtol — the magnitude at which the error test turns from absolute to relative.
/// </para>
/// </summary>
internal sealed class FiniteDifferenceJacobian
{
    private const double SqrtUnit = 1.4901161193847656e-8, Unit = 2.220446049250313e-16;

    private readonly SparsityPattern _pattern;
    private readonly double[] _yPerturbed, _fPerturbed, _delta, _floor, _retryFloor;
    private readonly int[] _retry;

    public FiniteDifferenceJacobian(SparsityPattern pattern, ReadOnlySpan<double> absoluteTolerances, double relativeTolerance)
    {
        _pattern = pattern;
        int n = pattern.Dimension;
        _floor = absoluteTolerances.ToArray();
        _retryFloor = new double[n];
        for (int j = 0; j < n; j++) _retryFloor[j] = absoluteTolerances[j] / relativeTolerance;
        _yPerturbed = new double[n];
        _fPerturbed = new double[n];
        _delta = new double[n];
        _retry = new int[n];
    }

    /// <summary>The pattern the columns are grouped by.</summary>
    public SparsityPattern Pattern => _pattern;

    /// <summary>Takes new tolerances (the increments' floors) for a reused instance; same effect as constructing anew.</summary>
    public void SetTolerances(ReadOnlySpan<double> absoluteTolerances, double relativeTolerance)
    {
        absoluteTolerances.CopyTo(_floor);
        for (int j = 0; j < _floor.Length; j++) _retryFloor[j] = absoluteTolerances[j] / relativeTolerance;
    }

    /// <summary>Evaluations of f for one Jacobian, without round-off retries.</summary>
    public int EvaluationsPerJacobian => _pattern.GroupCount;

    /// <summary>
    /// Writes ∂f/∂y at (t, y) into the row-major <paramref name="jacobian"/> (only structural entries;
    /// the caller zeroes it), given f0 = f(t, y). Returns the number of f-evaluations used.
    /// </summary>
    public int Compute(RightHandSide f, double t, ReadOnlySpan<double> y, ReadOnlySpan<double> f0, Span<double> jacobian)
    {
        SparsityPattern p = _pattern;
        y.CopyTo(_yPerturbed);
        int retries = 0;
        for (int g = 0; g < p.GroupCount; g++)
        {
            for (int q = p.GroupStart[g]; q < p.GroupStart[g + 1]; q++)
            {
                int j = p.GroupColumns[q];
                Perturb(j, y[j], _floor[j]);
            }
            f(t, _yPerturbed, _fPerturbed);
            for (int q = p.GroupStart[g]; q < p.GroupStart[g + 1]; q++)
            {
                int j = p.GroupColumns[q];
                if (StoreColumn(j, f0, jacobian) && Math.Abs(y[j]) < _floor[j] && _retryFloor[j] > _floor[j]) _retry[retries++] = j;
                _yPerturbed[j] = y[j];
            }
        }
        for (int r = 0; r < retries; r++)
        {
            int j = _retry[r];
            Perturb(j, y[j], _retryFloor[j]);
            f(t, _yPerturbed, _fPerturbed);
            StoreColumn(j, f0, jacobian);
            _yPerturbed[j] = y[j];
        }
        return p.GroupCount + retries;
    }

    private void Perturb(int j, double yj, double floor)
    {
        double perturbed = yj + SqrtUnit * Math.Max(Math.Abs(yj), floor);
        _delta[j] = perturbed - yj; // the increment actually represented in floating point
        _yPerturbed[j] = perturbed;
    }

    // Stores column j; true when its differences are lost in round-off: the largest |Δf| of the column is
    // below 1e-8 of the largest |f| among its rows, so the entries carry at most ~8 correct digits
    // relative to the terms of f (u / 1e-8 ≈ 2e-8) and usually far fewer.
    private bool StoreColumn(int j, ReadOnlySpan<double> f0, Span<double> jacobian)
    {
        SparsityPattern p = _pattern;
        int n = p.Dimension;
        double inv = 1.0 / _delta[j];
        double maxDiff = 0, maxF = 0;
        for (int k = p.ColumnStart[j]; k < p.ColumnStart[j + 1]; k++)
        {
            int i = p.ColumnRows[k];
            double diff = _fPerturbed[i] - f0[i];
            maxDiff = Math.Max(maxDiff, Math.Abs(diff));
            maxF = Math.Max(maxF, Math.Max(Math.Abs(f0[i]), Math.Abs(_fPerturbed[i])));
            jacobian[i * n + j] = diff * inv;
        }
        return maxDiff <= 1e-8 * maxF;
    }
}
