using System.Numerics;
using System.Runtime.InteropServices;

namespace TpoSim.Numerics.LinearAlgebra;

/// <summary>
/// Element-wise vector kernels on spans with SIMD (<see cref="Vector{T}"/>). Each element gets exactly the operations of
/// the scalar loop, in the same order and without fused multiply-add, so the results are bit for bit those of the scalar
/// code: only the speed changes. Why: a Rodas5P step of the TPO model spends more time forming its eight stage sums
/// (Σ_j a_ij k_j, Σ_j c_ij k_j / h) and its dense output than in f (docs/performance.md, "Where a subject's time goes").
/// </summary>
internal static class VectorOps
{
    /// <summary>y ← y + a·x (lengths equal).</summary>
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            var va = new Vector<double>(a);
            for (int k = 0; k < vx.Length; k++) vy[k] += va * vx[k];
            i = vx.Length * Vector<double>.Count;
        }
        for (; i < x.Length; i++) y[i] += a * x[i];
    }

    /// <summary>True when every element is finite (x − x is 0 exactly for finite x, NaN for ±∞ and NaN).</summary>
    public static bool AllFinite(ReadOnlySpan<double> x)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var bad = Vector<long>.Zero;
            for (int k = 0; k < vx.Length; k++) bad |= ~Vector.Equals(vx[k] - vx[k], Vector<double>.Zero);
            if (bad != Vector<long>.Zero) return false;
            i = vx.Length * Vector<double>.Count;
        }
        for (; i < x.Length; i++) if (!double.IsFinite(x[i])) return false;
        return true;
    }
}
