namespace TpoSim.Numerics.LinearAlgebra;

/// <summary>
/// LU without pivoting on a fixed sparsity pattern, of the symmetrically permuted matrix PMPᵀ. The permutation is a
/// minimum-degree ordering of the pattern (<see cref="MinimumDegreeOrdering"/>), so dense rows and columns (the
/// coupling through TPO, receptors and drug) are eliminated last and an arrowhead + band has no fill, whatever order
/// the model lists its states in. The fill-in of L + U is computed once, symbolically, in that ordering (George &amp;
/// Liu, Computer Solution of Large Sparse Positive Definite Systems, 1981, ch. 2: elimination on the graph); each
/// numeric factorisation then touches only those entries (row-wise Doolittle, "IKJ" order). A symmetric permutation
/// keeps the diagonal on the diagonal, where the Rosenbrock matrix I/(hγ) − J is largest. When a pivot is unusable
/// (relatively tiny or not finite), that factorisation falls back to dense LU with partial pivoting on the same
/// entries, so correctness never depends on the ordering.
/// </summary>
internal sealed class SparseLu : IterationMatrix
{
    // A pivot below this fraction of its row's largest entry risks large growth without pivoting.
    private const double PivotThreshold = 1e-8;

    private readonly int[] _rowStart, _cols, _diag, _order; // _order[k]: original index of permuted row/column k
    private readonly bool[] _declared; // entry belongs to the declared pattern (not fill)
    private readonly double[] _values, _work, _permuted;
    private DenseLu? _fallback; // allocated on the first unusable pivot only
    private bool _usingFallback;

    public SparseLu(SparsityPattern pattern) : this(pattern, pattern.LuSymbolic) { }

    /// <summary>
    /// A factorisation that keeps the reciprocal of each pivot, so back substitution multiplies instead of dividing (the
    /// division's latency is on the substitution's dependency chain). Rounds differently from division, so only
    /// <see cref="RankOneSparseLu"/>'s remainder uses it.
    /// </summary>
    public SparseLu(SparsityPattern pattern, bool reciprocalPivots) : this(pattern, pattern.LuSymbolic)
    {
        if (reciprocalPivots) _inversePivots = new double[pattern.Dimension];
    }

    private readonly double[]? _inversePivots;

    /// <summary>A factorisation of <paramref name="pattern"/> in the layout (and ordering) of <paramref name="symbolic"/>.</summary>
    public SparseLu(SparsityPattern pattern, SparseLuSymbolic symbolic) : base(pattern.Dimension)
    {
        _rowStart = symbolic.RowStart;
        _cols = symbolic.Columns;
        _diag = symbolic.Diagonal;
        _declared = symbolic.Declared;
        _order = symbolic.Order;
        _values = new double[_cols.Length];
        _work = new double[pattern.Dimension];
        _permuted = new double[pattern.Dimension];
    }

    /// <summary>Entries of L + U including fill (for tests and diagnostics).</summary>
    public int StoredEntries => _cols.Length;

    /// <summary>True if the last factorisation had to fall back to dense LU.</summary>
    public bool UsedDenseFallback => _usingFallback;

    public override bool Factor(double alpha, double beta, ReadOnlySpan<double> jacobian) => Factor(alpha, beta, jacobian, default);

    /// <summary>
    /// Factors αI + βJ + diag(<paramref name="diagonalShift"/>) (original indices; empty: no shift). The shift lets
    /// <see cref="RankOneSparseLu"/> factor the matrix without its rank-one block, whose diagonal share moves there.
    /// </summary>
    public bool Factor(double alpha, double beta, ReadOnlySpan<double> jacobian, ReadOnlySpan<double> diagonalShift)
    {
        int n = Dimension;
        bool shifted = !diagonalShift.IsEmpty;
        double[] w = _work;
        _usingFallback = false;
        int[] order = _order;
        for (int i = 0; i < n; i++)
        {
            int start = _rowStart[i], end = _rowStart[i + 1], d = _diag[i], row = order[i] * n;
            double rowMax = 0;
            for (int p = start; p < end; p++)
            {
                int j = _cols[p];
                double v = _declared[p] ? beta * jacobian[row + order[j]] : 0.0;
                if (j == i) v += shifted ? alpha + diagonalShift[order[i]] : alpha;
                w[j] = v;
                double a = Math.Abs(v);
                if (a > rowMax) rowMax = a;
            }
            for (int p = start; p < d; p++)
            {
                int k = _cols[p];
                double l = w[k] / _values[_diag[k]];
                w[k] = l;
                if (l == 0) continue;
                for (int q = _diag[k] + 1; q < _rowStart[k + 1]; q++) w[_cols[q]] -= l * _values[q];
            }
            double pivot = w[i];
            for (int p = start; p < end; p++) { _values[p] = w[_cols[p]]; w[_cols[p]] = 0; }
            if (_inversePivots is not null) _inversePivots[i] = 1.0 / pivot;
            if (!double.IsFinite(pivot) || !(Math.Abs(pivot) > PivotThreshold * rowMax))
                return FactorDense(alpha, beta, jacobian, diagonalShift);
        }
        return true;
    }

    private bool FactorDense(double alpha, double beta, ReadOnlySpan<double> jacobian, ReadOnlySpan<double> diagonalShift)
    {
        int n = Dimension;
        _fallback ??= new DenseLu(n);
        Span<double> m = _fallback.Matrix;
        m.Clear();
        for (int i = 0; i < n; i++)
        {
            for (int p = _rowStart[i]; p < _rowStart[i + 1]; p++)
                if (_declared[p]) m[i * n + _cols[p]] = beta * jacobian[_order[i] * n + _order[_cols[p]]];
            m[i * n + i] += diagonalShift.IsEmpty ? alpha : alpha + diagonalShift[_order[i]];
        }
        _usingFallback = true;
        return _fallback.FactorInPlace();
    }

    public override void Solve(Span<double> rhs)
    {
        // M x = b is (PMPᵀ)(Px) = Pb: permute b in, solve, permute x back.
        int n = Dimension;
        Span<double> x = _permuted;
        for (int i = 0; i < n; i++) x[i] = rhs[_order[i]];
        if (_usingFallback) _fallback!.Solve(x);
        else
        {
            for (int i = 0; i < n; i++)
            {
                double s = x[i];
                for (int p = _rowStart[i]; p < _diag[i]; p++) s -= _values[p] * x[_cols[p]];
                x[i] = s;
            }
            double[]? inverse = _inversePivots;
            for (int i = n - 1; i >= 0; i--)
            {
                double s = x[i];
                int d = _diag[i];
                for (int p = d + 1; p < _rowStart[i + 1]; p++) s -= _values[p] * x[_cols[p]];
                x[i] = inverse is null ? s / _values[d] : s * inverse[i];
            }
        }
        for (int i = 0; i < n; i++) rhs[_order[i]] = x[i];
    }
}

/// <summary>
/// The symbolic part of <see cref="SparseLu"/>: a minimum-degree ordering of the pattern, the fill-in of L + U in that
/// ordering (George &amp; Liu 1981, ch. 2) and the compressed row layout of the factors, all in permuted indices.
/// Immutable; computed once per pattern (<see cref="SparsityPattern.LuSymbolic"/>) and shared by every factorisation of
/// that pattern on any thread.
/// </summary>
internal sealed class SparseLuSymbolic
{
    public SparseLuSymbolic(SparsityPattern pattern) : this(pattern, MinimumDegreeOrdering.Of(pattern)) { }

    /// <summary>The factor layout of <paramref name="pattern"/> eliminated in <paramref name="order"/> (a permutation).</summary>
    public SparseLuSymbolic(SparsityPattern pattern, int[] order)
    {
        int n = pattern.Dimension;
        Order = order;
        var position = new int[n];
        for (int k = 0; k < n; k++) position[order[k]] = k;
        var rows = new SortedSet<int>[n];
        for (int i = 0; i < n; i++)
        {
            rows[i] = new SortedSet<int>();
            int original = order[i];
            for (int k = pattern.RowStart[original]; k < pattern.RowStart[original + 1]; k++) rows[i].Add(position[pattern.RowColumns[k]]);
        }
        // Symbolic elimination: row i acquires the upper part of every row k < i it depends on,
        // including dependencies created by earlier fill (hence the ordered walk).
        var filled = new SortedSet<int>[n];
        for (int i = 0; i < n; i++)
        {
            var r = new SortedSet<int>(rows[i]);
            int k = -1;
            while (k + 1 <= i - 1)
            {
                var below = r.GetViewBetween(k + 1, i - 1);
                if (below.Count == 0) break;
                k = below.Min;
                foreach (int j in filled[k]) if (j > k) r.Add(j);
            }
            filled[i] = r;
        }
        RowStart = new int[n + 1];
        for (int i = 0; i < n; i++) RowStart[i + 1] = RowStart[i] + filled[i].Count;
        Columns = new int[RowStart[n]];
        Declared = new bool[RowStart[n]];
        Diagonal = new int[n];
        for (int i = 0; i < n; i++)
        {
            int p = RowStart[i];
            foreach (int j in filled[i])
            {
                Columns[p] = j;
                Declared[p] = rows[i].Contains(j);
                if (j == i) Diagonal[i] = p;
                p++;
            }
        }
    }

    /// <summary>The elimination order: Order[k] is the original index of permuted row and column k.</summary>
    public int[] Order { get; }

    /// <summary>Permuted row i's entries of L + U are Columns[RowStart[i] .. RowStart[i+1]), ascending (permuted indices).</summary>
    public int[] RowStart { get; }

    /// <summary>Column of each stored entry.</summary>
    public int[] Columns { get; }

    /// <summary>Position of each row's diagonal entry.</summary>
    public int[] Diagonal { get; }

    /// <summary>Whether each stored entry belongs to the declared pattern (false: fill).</summary>
    public bool[] Declared { get; }
}
