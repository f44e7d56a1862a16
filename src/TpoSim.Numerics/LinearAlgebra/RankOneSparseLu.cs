namespace TpoSim.Numerics.LinearAlgebra;

/// <summary>
/// A dense block of a sparse pattern that may be rank one: rows <see cref="Rows"/> all hold every column of
/// <see cref="Columns"/>. Found from the pattern alone (<see cref="Find"/>), so the split is the same for every solve and
/// thread; whether the values are rank one is checked at every factorisation (<see cref="RankOneSparseLu"/>).
/// </summary>
/// <remarks>
/// In the TPO model the stimulation S of progenitor division depends on TPO and, through receptor binding, on every MK,
/// platelet and drug state, so ∂f_i/∂y_c = (y_{i−1} − y_i)·k_div·∂S/∂y_c for each progenitor row i and coupling column c:
/// u_i·v_c, rank one. Declared, that block is 475 of the romiplostim model's 708 entries (docs/performance.md).
/// </remarks>
internal sealed class RankOneBlock
{
    private RankOneBlock(int[] rows, int[] columns, SparsityPattern remainder)
    {
        Rows = rows;
        Columns = columns;
        Remainder = remainder;
        int n = remainder.Dimension;
        IsRow = new bool[n];
        IsColumn = new bool[n];
        foreach (int r in rows) IsRow[r] = true;
        foreach (int c in columns) IsColumn[c] = true;
    }

    /// <summary>Rows of the block, ascending.</summary>
    public int[] Rows { get; }

    /// <summary>Columns of the block, ascending.</summary>
    public int[] Columns { get; }

    /// <summary>Whether each index is a block row.</summary>
    public bool[] IsRow { get; }

    /// <summary>Whether each index is a block column.</summary>
    public bool[] IsColumn { get; }

    /// <summary>The pattern without the block's off-diagonal entries (its LU is what each step factors).</summary>
    public SparsityPattern Remainder { get; }

    /// <summary>
    /// The block of <paramref name="pattern"/>: the columns held by at least max(4, n/4) rows ("dense"), and the rows that
    /// hold all of them; null unless it has ≥ 2 rows, ≥ 2 columns and at least 2n off-diagonal
    /// entries (below that the plain sparse LU is as cheap).
    /// </summary>
    public static RankOneBlock? Find(SparsityPattern pattern)
    {
        int n = pattern.Dimension;
        int threshold = Math.Max(4, n / 4);
        var columns = new List<int>();
        for (int j = 0; j < n; j++)
            if (pattern.ColumnStart[j + 1] - pattern.ColumnStart[j] >= threshold) columns.Add(j);
        if (columns.Count < 2) return null;
        var rows = new List<int>();
        for (int i = 0; i < n; i++)
        {
            var row = pattern.RowColumns.AsSpan(pattern.RowStart[i], pattern.RowStart[i + 1] - pattern.RowStart[i]);
            bool all = true;
            foreach (int c in columns) if (row.BinarySearch(c) < 0) { all = false; break; }
            if (all) rows.Add(i);
        }
        if (rows.Count < 2) return null;
        int offDiagonal = rows.Count * columns.Count - rows.Count(r => columns.BinarySearch(r) >= 0);
        if (offDiagonal < 2 * n) return null;
        var remaining = new SortedSet<int>[n];
        var inBlock = new bool[n];
        foreach (int c in columns) inBlock[c] = true;
        var blockRow = new bool[n];
        foreach (int r in rows) blockRow[r] = true;
        for (int i = 0; i < n; i++)
        {
            remaining[i] = [];
            for (int k = pattern.RowStart[i]; k < pattern.RowStart[i + 1]; k++)
            {
                int j = pattern.RowColumns[k];
                if (!(blockRow[i] && inBlock[j] && j != i)) remaining[i].Add(j);
            }
        }
        return new RankOneBlock(rows.ToArray(), columns.ToArray(), SparsityPattern.FromRows(remaining));
    }
}

/// <summary>
/// αI + βJ factored as B + β·u·vᵀ, where J's block <see cref="RankOneBlock"/> equals u·vᵀ and B is the rest, which has
/// no dense rows or columns: its sparse LU holds ≈ a fifth of the full one's entries. Solves use the Sherman–Morrison
/// formula (Golub &amp; Van Loan, Matrix Computations, 4th ed., §2.1.4): M⁻¹b = B⁻¹b − w·(vᵀB⁻¹b)/(1 + vᵀw) with
/// w = B⁻¹(βu), so a factorisation costs B's LU plus one solve for w, and a solve one solve with B plus a dot product and
/// an update. The rank one is not assumed: each factorisation reads u and v from the block's row and column through its
/// largest entry, then checks every off-diagonal block entry against u_i·v_c to <see cref="RankTolerance"/> of its row's
/// largest block entry; when that fails, when B has an unusable pivot, or when 1 + vᵀw is small against the terms it
/// sums (cancellation), that factorisation uses the full sparse LU instead, so the result never depends on the split.
/// </summary>
internal sealed class RankOneSparseLu : IterationMatrix
{
    /// <summary>Largest |J_ic − u_i·v_c| accepted, relative to row i's largest block entry (rounding is ≈ 1e-16).</summary>
    public const double RankTolerance = 1e-10;

    /// <summary>Smallest |1 + vᵀw| accepted, relative to 1 + Σ|v_c·w_c|: below it the formula loses digits.</summary>
    public const double DenominatorTolerance = 1e-3;

    private readonly SparsityPattern _pattern;
    private readonly RankOneBlock _block;
    private readonly SparseLu _remainder;
    private SparseLu? _full; // allocated on the first factorisation that needs it
    private readonly double[] _u, _v, _w, _shift, _rowScale;
    private double _denominator;
    private bool _usingFull;

    public RankOneSparseLu(SparsityPattern pattern, RankOneBlock block) : base(pattern.Dimension)
    {
        _pattern = pattern;
        _block = block;
        _remainder = new SparseLu(block.Remainder, reciprocalPivots: true);
        int n = pattern.Dimension;
        _u = new double[n];
        _v = new double[n];
        _w = new double[n];
        _shift = new double[n];
        _rowScale = new double[n];
    }

    /// <summary>True if the last factorisation used the full sparse LU (the block was not rank one, or the formula was unsafe).</summary>
    public bool UsedFullFactorisation => _usingFull;

    /// <summary>Factorisations that used the full LU since construction (diagnostics and tests).</summary>
    public int FullFactorisations { get; private set; }

    private static long s_fullFactorisations;

    /// <summary>Factorisations of every instance in this process that used the full LU (for <c>kuter-profile</c>).</summary>
    public static long FullFactorisationsInProcess => Interlocked.Read(ref s_fullFactorisations);

    public override bool Factor(double alpha, double beta, ReadOnlySpan<double> jacobian)
    {
        _usingFull = false;
        if (Split(jacobian) && ScaleShift(beta) && _remainder.Factor(alpha, beta, jacobian, _shift) && !_remainder.UsedDenseFallback)
        {
            int n = Dimension;
            for (int i = 0; i < n; i++) _w[i] = beta * _u[i];
            _remainder.Solve(_w);
            double dot = 0, size = 0;
            foreach (int c in _block.Columns) { double t = _v[c] * _w[c]; dot += t; size += Math.Abs(t); }
            _denominator = 1 + dot;
            if (double.IsFinite(_denominator) && Math.Abs(_denominator) >= DenominatorTolerance * (1 + size)) return true;
        }
        _usingFull = true;
        FullFactorisations++;
        Interlocked.Increment(ref s_fullFactorisations);
        _full ??= new SparseLu(_pattern);
        return _full.Factor(alpha, beta, jacobian);
    }

    // Split leaves −u_i·v_i (units of J) in the shift; B's diagonal takes β times it.
    private bool ScaleShift(double beta)
    {
        foreach (int i in _block.Rows) _shift[i] *= beta;
        return true;
    }

    /// <summary>
    /// Reads u and v from J's block and checks J_block = u·vᵀ off the diagonal; leaves −u_i·v_i in the shift of the block
    /// rows that are also block columns (their diagonal stays in B). False if the block is not rank one.
    /// </summary>
    private bool Split(ReadOnlySpan<double> jacobian)
    {
        int n = Dimension;
        int[] rows = _block.Rows, columns = _block.Columns;
        bool[] isColumn = _block.IsColumn, isRow = _block.IsRow;
        // The largest off-diagonal block entry (r0, c0) anchors the factors: u_i = J[i, c0] / J[r0, c0], v_c = J[r0, c].
        int r0 = -1, c0 = -1;
        double largest = 0;
        double[] scale = _rowScale;
        foreach (int i in rows)
        {
            int row = i * n;
            double rowLargest = 0;
            int at = -1;
            foreach (int c in columns)
            {
                double a = Math.Abs(jacobian[row + c]);
                if (!(a <= double.MaxValue)) return false;
                if (c != i && a > rowLargest) { rowLargest = a; at = c; }
            }
            scale[i] = rowLargest;
            if (rowLargest > largest) { largest = rowLargest; r0 = i; c0 = at; }
        }
        Array.Clear(_shift);
        Array.Clear(_u);
        Array.Clear(_v);
        if (largest == 0) return true; // a zero block: B is the whole matrix
        double pivot = jacobian[r0 * n + c0];
        foreach (int c in columns) if (c != r0) _v[c] = jacobian[r0 * n + c];
        foreach (int i in rows) if (i != c0) _u[i] = jacobian[i * n + c0] / pivot;
        // The entry of v on r0's own diagonal, and of u on c0's, come from the largest other factor entry (0 when none: the
        // rank-one term then has nothing off the diagonal in that column or row, and the shift keeps the diagonal exact).
        if (isColumn[r0])
        {
            int best = -1;
            foreach (int i in rows) if (i != r0 && i != c0 && (best < 0 || Math.Abs(_u[i]) > Math.Abs(_u[best]))) best = i;
            _v[r0] = best >= 0 && _u[best] != 0 ? jacobian[best * n + r0] / _u[best] : 0;
        }
        if (isRow[c0])
        {
            int best = -1;
            foreach (int c in columns) if (c != c0 && (best < 0 || Math.Abs(_v[c]) > Math.Abs(_v[best]))) best = c;
            _u[c0] = best >= 0 && _v[best] != 0 ? jacobian[c0 * n + best] / _v[best] : 0;
        }
        foreach (int i in rows)
        {
            int row = i * n;
            double allowed = RankTolerance * scale[i], ui = _u[i];
            foreach (int c in columns)
                if (c != i && !(Math.Abs(jacobian[row + c] - ui * _v[c]) <= allowed)) return false;
            if (isColumn[i]) _shift[i] = -ui * _v[i];
        }
        return true;
    }

    public override void Solve(Span<double> rhs)
    {
        if (_usingFull) { _full!.Solve(rhs); return; }
        _remainder.Solve(rhs);
        double dot = 0;
        foreach (int c in _block.Columns) dot += _v[c] * rhs[c];
        double s = dot / _denominator;
        if (s == 0) return;
        int n = Dimension;
        for (int i = 0; i < n; i++) rhs[i] -= s * _w[i];
    }
}
