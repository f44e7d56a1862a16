using TpoSim.Numerics.Ode;

namespace TpoSim.Model;

/// <summary>
/// Structural non-zeros of ∂f/∂y in compressed sparse row form: row i's columns are
/// <c>Columns[RowStart[i] .. RowStart[i+1])</c>, ascending; the diagonal is always present (the solvers factor γ/h·I − J).
/// </summary>
public sealed class SparseJacobianPattern
{
    /// <summary>Builds the pattern from each row's sorted, distinct columns.</summary>
    public SparseJacobianPattern(IReadOnlyList<IReadOnlyList<int>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Dimension = rows.Count;
        var start = new int[rows.Count + 1];
        var columns = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            start[i] = columns.Count;
            columns.AddRange(rows[i]);
        }
        start[^1] = columns.Count;
        RowStart = start;
        Columns = [.. columns];
        Structure = JacobianStructure.Sparse(rows);
    }

    /// <summary>Number of rows (= columns = states).</summary>
    public int Dimension { get; }

    /// <summary>Start of each row in <see cref="Columns"/>, length <see cref="Dimension"/> + 1.</summary>
    public IReadOnlyList<int> RowStart { get; }

    /// <summary>Column of each structural non-zero, row by row.</summary>
    public IReadOnlyList<int> Columns { get; }

    /// <summary>Number of structural non-zeros.</summary>
    public int NonZeroCount => Columns.Count;

    /// <summary>The same pattern as the solvers' <see cref="JacobianStructure"/>.</summary>
    public JacobianStructure Structure { get; }
}
