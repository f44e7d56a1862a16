namespace TpoSim.Numerics.LinearAlgebra;

/// <summary>
/// LU without pivoting on a fixed sparsity pattern. The fill-in of L + U is computed once, symbolically,
/// from the pattern in the given ordering (George &amp; Liu, Computer Solution of Large Sparse Positive
/// Definite Systems, 1981, ch. 2: elimination on the graph); each numeric factorisation then touches only
/// those entries (row-wise Doolittle, "IKJ" order). Models are expected to order their states so that
/// dense rows and columns come last (arrowhead + band), which gives no fill outside the trailing block
/// and makes diagonal pivots the natural choice. When a pivot is unusable (relatively tiny or not
/// finite), that factorisation falls back to dense LU with partial pivoting on the same entries, so
/// correctness never depends on the ordering.
/// </summary>
internal sealed class SparseLu : IterationMatrix
{
    // A pivot below this fraction of its row's largest entry risks large growth without pivoting.
    private const double PivotThreshold = 1e-8;

    private readonly int[] _rowStart, _cols, _diag;
    private readonly bool[] _declared; // entry belongs to the declared pattern (not fill)
    private readonly double[] _values, _work;
    private DenseLu? _fallback; // allocated on the first unusable pivot only
    private bool _usingFallback;

    public SparseLu(SparsityPattern pattern) : base(pattern.Dimension)
    {
        var symbolic = pattern.LuSymbolic;
        _rowStart = symbolic.RowStart;
        _cols = symbolic.Columns;
        _diag = symbolic.Diagonal;
        _declared = symbolic.Declared;
        _values = new double[_cols.Length];
        _work = new double[pattern.Dimension];
    }

    /// <summary>Entries of L + U including fill (for tests and diagnostics).</summary>
    public int StoredEntries => _cols.Length;

    /// <summary>True if the last factorisation had to fall back to dense LU.</summary>
    public bool UsedDenseFallback => _usingFallback;

    public override bool Factor(double alpha, double beta, ReadOnlySpan<double> jacobian)
    {
        int n = Dimension;
        double[] w = _work;
        _usingFallback = false;
        for (int i = 0; i < n; i++)
        {
            int start = _rowStart[i], end = _rowStart[i + 1], d = _diag[i];
            double rowMax = 0;
            for (int p = start; p < end; p++)
            {
                int j = _cols[p];
                double v = _declared[p] ? beta * jacobian[i * n + j] : 0.0;
                if (j == i) v += alpha;
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
            if (!double.IsFinite(pivot) || !(Math.Abs(pivot) > PivotThreshold * rowMax))
                return FactorDense(alpha, beta, jacobian);
        }
        return true;
    }

    private bool FactorDense(double alpha, double beta, ReadOnlySpan<double> jacobian)
    {
        int n = Dimension;
        _fallback ??= new DenseLu(n);
        Span<double> m = _fallback.Matrix;
        m.Clear();
        for (int i = 0; i < n; i++)
        {
            for (int p = _rowStart[i]; p < _rowStart[i + 1]; p++)
                if (_declared[p]) m[i * n + _cols[p]] = beta * jacobian[i * n + _cols[p]];
            m[i * n + i] += alpha;
        }
        _usingFallback = true;
        return _fallback.FactorInPlace();
    }

    public override void Solve(Span<double> rhs)
    {
        if (_usingFallback) { _fallback!.Solve(rhs); return; }
        int n = Dimension;
        for (int i = 0; i < n; i++)
        {
            double s = rhs[i];
            for (int p = _rowStart[i]; p < _diag[i]; p++) s -= _values[p] * rhs[_cols[p]];
            rhs[i] = s;
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = rhs[i];
            int d = _diag[i];
            for (int p = d + 1; p < _rowStart[i + 1]; p++) s -= _values[p] * rhs[_cols[p]];
            rhs[i] = s / _values[d];
        }
    }
}

/// <summary>
/// The symbolic part of <see cref="SparseLu"/>: the fill-in of L + U for a pattern in its given ordering (George &amp; Liu
/// 1981, ch. 2) and the compressed row layout of the factors. Immutable; computed once per pattern
/// (<see cref="SparsityPattern.LuSymbolic"/>) and shared by every factorisation of that pattern on any thread.
/// </summary>
internal sealed class SparseLuSymbolic
{
    public SparseLuSymbolic(SparsityPattern pattern)
    {
        int n = pattern.Dimension;
        var rows = new SortedSet<int>[n];
        for (int i = 0; i < n; i++)
        {
            rows[i] = new SortedSet<int>();
            for (int k = pattern.RowStart[i]; k < pattern.RowStart[i + 1]; k++) rows[i].Add(pattern.RowColumns[k]);
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

    /// <summary>Row i's entries of L + U are Columns[RowStart[i] .. RowStart[i+1]), ascending.</summary>
    public int[] RowStart { get; }

    /// <summary>Column of each stored entry.</summary>
    public int[] Columns { get; }

    /// <summary>Position of each row's diagonal entry.</summary>
    public int[] Diagonal { get; }

    /// <summary>Whether each stored entry belongs to the declared pattern (false: fill).</summary>
    public bool[] Declared { get; }
}
