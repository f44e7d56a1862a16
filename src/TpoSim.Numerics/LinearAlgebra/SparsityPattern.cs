using TpoSim.Numerics.Ode;

namespace TpoSim.Numerics.LinearAlgebra;

/// <summary>
/// The structural non-zeros of an n×n Jacobian (diagonal always included) in both row-wise and
/// column-wise compressed form, plus a column grouping for finite differences: columns in one group
/// share no row, so one perturbed f-evaluation recovers all of them (Curtis, Powell &amp; Reid, J. Inst.
/// Math. Appl. 13 (1974) 117–119). Immutable, so one instance per distinct structure is shared by every
/// solve and thread (<see cref="For"/>): building it and the symbolic LU is ≈ 100 times the cost of a step.
/// </summary>
internal sealed class SparsityPattern
{
    private SparsityPattern(int n, int[] rowStart, int[] rowCols, int[] colStart, int[] colRows, int[] groupStart, int[] groupCols)
    {
        Dimension = n;
        RowStart = rowStart;
        RowColumns = rowCols;
        ColumnStart = colStart;
        ColumnRows = colRows;
        GroupStart = groupStart;
        GroupColumns = groupCols;
        _rankOne = new Lazy<RankOneBlock?>(() => RankOneBlock.Find(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly Lazy<RankOneBlock?> _rankOne;

    /// <summary>The dense block that may be rank one (<see cref="RankOneBlock.Find"/>), or null; found on first use and then shared.</summary>
    public RankOneBlock? RankOne => _rankOne.Value;

    public int Dimension { get; }

    /// <summary>Row i's columns are RowColumns[RowStart[i] .. RowStart[i+1]), ascending.</summary>
    public int[] RowStart { get; }
    public int[] RowColumns { get; }

    /// <summary>Column j's rows are ColumnRows[ColumnStart[j] .. ColumnStart[j+1]), ascending.</summary>
    public int[] ColumnStart { get; }
    public int[] ColumnRows { get; }

    /// <summary>Group g's columns are GroupColumns[GroupStart[g] .. GroupStart[g+1]).</summary>
    public int[] GroupStart { get; }
    public int[] GroupColumns { get; }

    public int GroupCount => GroupStart.Length - 1;

    private SparseLuSymbolic? _luSymbolic;

    /// <summary>The symbolic LU factorisation of this pattern (fill-in and storage layout), computed on first use and then shared.</summary>
    public SparseLuSymbolic LuSymbolic
    {
        get
        {
            var s = Volatile.Read(ref _luSymbolic);
            if (s is not null) return s;
            Interlocked.CompareExchange(ref _luSymbolic, new SparseLuSymbolic(this), null);
            return _luSymbolic!;
        }
    }

    // Patterns by content: models build a new structure object per instance (one per population subject), so the
    // reference alone would miss. Bounded, so a program generating endless distinct structures cannot grow it forever.
    private const int CacheLimit = 256;
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JacobianStructure, SparsityPattern> ByReference = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<StructureKey, SparsityPattern> ByContent = new();

    /// <summary>
    /// The pattern of <paramref name="structure"/> for dimension <paramref name="n"/>, built once per distinct structure
    /// (by content) and shared; validates like <see cref="Create"/>.
    /// </summary>
    public static SparsityPattern For(JacobianStructure structure, int n)
    {
        if (ByReference.TryGetValue(structure, out var known) && known.Dimension == n) return known;
        var key = StructureKey.Of(structure, n);
        if (!ByContent.TryGetValue(key, out var pattern))
        {
            pattern = Create(structure, n);
            if (ByContent.Count < CacheLimit) pattern = ByContent.GetOrAdd(key, pattern);
        }
        ByReference.AddOrUpdate(structure, pattern);
        return pattern;
    }

    /// <summary>A structure's content as integers (kind, n, bandwidths or row lengths and columns), compared element by element.</summary>
    private sealed class StructureKey : IEquatable<StructureKey>
    {
        private readonly int[] _data;
        private readonly int _hash;

        private StructureKey(int[] data)
        {
            _data = data;
            var h = new HashCode();
            foreach (var v in data) h.Add(v);
            _hash = h.ToHashCode();
        }

        public static StructureKey Of(JacobianStructure structure, int n)
        {
            switch (structure)
            {
                case JacobianStructure.BandedStructure b: return new([1, n, b.Lower, b.Upper]);
                case JacobianStructure.SparseStructure s:
                {
                    // Sized first and filled by index: a population builds one structure object per subject, and
                    // a growing list with boxed row enumerators cost ≈ 5 KB a subject here.
                    var rows = s.NonZeros;
                    int length = 3 + rows.Count;
                    for (int r = 0; r < rows.Count; r++) length += rows[r].Count;
                    var data = new int[length];
                    data[0] = 2; data[1] = n; data[2] = rows.Count;
                    int at = 3;
                    for (int r = 0; r < rows.Count; r++)
                    {
                        var row = rows[r];
                        data[at++] = row.Count;
                        for (int k = 0; k < row.Count; k++) data[at++] = row[k];
                    }
                    return new(data);
                }
                default: return new([0, n]);
            }
        }

        public bool Equals(StructureKey? other) => other is not null && _hash == other._hash && _data.AsSpan().SequenceEqual(other._data);
        public override bool Equals(object? obj) => Equals(obj as StructureKey);
        public override int GetHashCode() => _hash;
    }

    /// <summary>Pattern of a declared structure; validates a sparse pattern's indices (programmer errors throw).</summary>
    public static SparsityPattern Create(JacobianStructure structure, int n)
    {
        var rows = new SortedSet<int>[n];
        for (int i = 0; i < n; i++) rows[i] = new SortedSet<int> { i };
        switch (structure)
        {
            case JacobianStructure.BandedStructure b:
                if (b.Lower < 0 || b.Upper < 0) throw new ArgumentException("Banded structure: half-bandwidths must be non-negative.");
                for (int i = 0; i < n; i++)
                    for (int j = Math.Max(0, i - b.Lower); j <= Math.Min(n - 1, i + b.Upper); j++) rows[i].Add(j);
                break;
            case JacobianStructure.SparseStructure s:
                if (s.NonZeros.Count != n)
                    throw new ArgumentException($"Sparse structure lists {s.NonZeros.Count} rows but the state has {n} components.");
                for (int i = 0; i < n; i++)
                {
                    foreach (int j in s.NonZeros[i])
                    {
                        if ((uint)j >= (uint)n) throw new ArgumentException($"Sparse structure row {i} names column {j}, outside 0..{n - 1}.");
                        rows[i].Add(j);
                    }
                }
                break;
            default:
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) rows[i].Add(j);
                break;
        }
        return FromRows(rows);
    }

    internal static SparsityPattern FromRows(IReadOnlyList<SortedSet<int>> rows)
    {
        int n = rows.Count;
        var rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) rowStart[i + 1] = rowStart[i] + rows[i].Count;
        var rowCols = new int[rowStart[n]];
        var colCount = new int[n];
        for (int i = 0; i < n; i++)
        {
            int k = rowStart[i];
            foreach (int j in rows[i]) { rowCols[k++] = j; colCount[j]++; }
        }
        var colStart = new int[n + 1];
        for (int j = 0; j < n; j++) colStart[j + 1] = colStart[j] + colCount[j];
        var colRows = new int[colStart[n]];
        var fill = (int[])colStart.Clone();
        for (int i = 0; i < n; i++)
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) colRows[fill[rowCols[k]]++] = i; // rows ascend

        // Greedy colouring of the column-intersection graph in natural order: a column joins the
        // first group none of whose columns touches any of its rows. For a band of width w this gives
        // the optimal w groups (j mod w); for arrowhead patterns the dense columns get their own.
        var groupOfColumn = new int[n];
        var rowOwnerStamp = new List<int[]>(); // per group: for each row, whether some column of the group touches it
        for (int j = 0; j < n; j++)
        {
            int g = 0;
            for (; g < rowOwnerStamp.Count; g++)
            {
                int[] used = rowOwnerStamp[g];
                bool clash = false;
                for (int k = colStart[j]; k < colStart[j + 1] && !clash; k++) clash = used[colRows[k]] != 0;
                if (!clash) break;
            }
            if (g == rowOwnerStamp.Count) rowOwnerStamp.Add(new int[n]);
            int[] mark = rowOwnerStamp[g];
            for (int k = colStart[j]; k < colStart[j + 1]; k++) mark[colRows[k]] = 1;
            groupOfColumn[j] = g;
        }
        int groups = rowOwnerStamp.Count;
        var groupStart = new int[groups + 1];
        for (int j = 0; j < n; j++) groupStart[groupOfColumn[j] + 1]++;
        for (int g = 0; g < groups; g++) groupStart[g + 1] += groupStart[g];
        var groupCols = new int[n];
        var gf = (int[])groupStart.Clone();
        for (int j = 0; j < n; j++) groupCols[gf[groupOfColumn[j]]++] = j;
        return new SparsityPattern(n, rowStart, rowCols, colStart, colRows, groupStart, groupCols);
    }
}
