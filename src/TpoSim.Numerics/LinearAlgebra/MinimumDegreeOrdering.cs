namespace TpoSim.Numerics.LinearAlgebra;

/// <summary>
/// A fill-reducing symmetric ordering by the minimum-degree rule (Tinney &amp; Walker, Proc. IEEE 55 (1967) 1801–1809,
/// "scheme 2"; George &amp; Liu, SIAM Review 31 (1989) 1–19): eliminate, one at a time, the node of the elimination graph
/// of A + Aᵀ with the fewest neighbours, and join its neighbours into a clique (the fill it creates). Ties go to the
/// lowest original index, so the ordering depends on the pattern only.
/// </summary>
/// <remarks>
/// Why: the TPO model's coupling through TPO, the receptors and a drug makes whole rows and columns dense. Where such a
/// state comes early in the model's own order, LU without pivoting fills everything below it (the romiplostim model
/// filled to 895 entries); eliminated last, an arrowhead has no fill at all. The explicit elimination graph costs
/// O(n·d²) per pattern (n ≤ a few hundred here, once per pattern and shared), so the quotient-graph refinements of AMD
/// (Amestoy, Davis &amp; Duff 1996), which matter for n in the millions, are not needed.
/// </remarks>
internal static class MinimumDegreeOrdering
{
    /// <summary>
    /// The elimination order of <paramref name="pattern"/>: entry k is the original index of the k-th row and column
    /// to eliminate (a permutation of 0..n−1).
    /// </summary>
    public static int[] Of(SparsityPattern pattern)
    {
        int n = pattern.Dimension;
        var adjacency = new HashSet<int>[n];
        for (int i = 0; i < n; i++) adjacency[i] = new HashSet<int>();
        for (int i = 0; i < n; i++)
        {
            for (int p = pattern.RowStart[i]; p < pattern.RowStart[i + 1]; p++)
            {
                int j = pattern.RowColumns[p];
                if (j == i) continue;
                adjacency[i].Add(j);
                adjacency[j].Add(i);
            }
        }
        var order = new int[n];
        var eliminated = new bool[n];
        for (int k = 0; k < n; k++)
        {
            int best = -1;
            for (int v = 0; v < n; v++)
                if (!eliminated[v] && (best < 0 || adjacency[v].Count < adjacency[best].Count)) best = v;
            order[k] = best;
            eliminated[best] = true;
            // Eliminating 'best' joins its remaining neighbours pairwise (the fill), then removes it from the graph.
            var neighbours = adjacency[best].ToArray();
            foreach (int u in neighbours)
            {
                adjacency[u].Remove(best);
                foreach (int w in neighbours) if (w != u) adjacency[u].Add(w);
            }
            adjacency[best].Clear();
        }
        return order;
    }
}
