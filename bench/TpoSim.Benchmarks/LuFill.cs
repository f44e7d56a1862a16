using System.Diagnostics;
using TpoSim.Conditions;
using TpoSim.Numerics.LinearAlgebra;
using TpoSim.Parameters;
using TpoSim.Physiology;

namespace TpoSim.Benchmarks;

/// <summary>
/// <c>lu-fill</c>: the TPO model's Jacobian pattern for several drug sets, with the entries of L + U in the model's own
/// state order and in the minimum-degree order the sparse LU uses, and the time of one factorisation and solve in each.
/// </summary>
public static class LuFill
{
    /// <summary>Prints one row per drug set.</summary>
    public static int Run(string[] args)
    {
        string[][] drugSets = [[], ["romiplostim"], ["eltrombopag"], ["romiplostim", "eltrombopag", "avatrombopag", "lusutrombopag", "peg-rhumgdf", "mpl-antagonist"]];
        var parameters = ConditionCatalog.Get("itp")!.Apply(ParameterSet.Default, 1, new Dictionary<string, double>());
        Console.WriteLine("| drugs | n | declared | L+U, model order | L+U, minimum degree | factor+solve, model order | factor+solve, minimum degree |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var drugs in drugSets)
        {
            var model = TpoModelAssembly.Assemble(AgeGroup.Adult, drugs);
            int n = model.Dimension;
            var pattern = SparsityPattern.For(model.Structure, n);
            var natural = new SparseLuSymbolic(pattern, Enumerable.Range(0, n).ToArray());
            var jacobian = new double[n * n];
            var rng = new Random(1);
            for (int i = 0; i < n; i++)
                for (int p = pattern.RowStart[i]; p < pattern.RowStart[i + 1]; p++)
                    jacobian[i * n + pattern.RowColumns[p]] = rng.NextDouble() - 0.5;
            var lu = new SparseLu(pattern);
            Console.WriteLine($"| {(drugs.Length == 0 ? "none" : string.Join("+", drugs))} | {n} | {pattern.RowColumns.Length} | {natural.Columns.Length} | {lu.StoredEntries} | {Time(NaturalLu(pattern, natural), jacobian, n):F2} µs | {Time(lu, jacobian, n):F2} µs |");
        }
        return 0;
    }

    private static SparseLu NaturalLu(SparsityPattern pattern, SparseLuSymbolic natural) => new(pattern, natural);

    private static double Time(IterationMatrix m, double[] jacobian, int n)
    {
        var rhs = new double[n];
        const int reps = 20000;
        for (int r = 0; r < 2000; r++) { m.Factor(50, -1, jacobian); rhs.AsSpan().Fill(1); m.Solve(rhs); }
        var watch = Stopwatch.StartNew();
        for (int r = 0; r < reps; r++) { m.Factor(50, -1, jacobian); rhs.AsSpan().Fill(1); m.Solve(rhs); }
        return watch.Elapsed.TotalMicroseconds / reps;
    }
}
