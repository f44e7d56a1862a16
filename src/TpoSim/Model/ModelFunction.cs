namespace TpoSim.Model;

/// <summary>
/// A compiled function of a model: reads time <paramref name="t"/>, state <paramref name="y"/> and parameter vector
/// <paramref name="p"/>, writes every element of <paramref name="output"/>. Allocation-free and stateless: safe to call
/// from many threads at once.
/// </summary>
/// <param name="t">Time, days.</param>
/// <param name="y">State vector (<see cref="CompiledModel.StateNames"/> order).</param>
/// <param name="p">Parameter vector (<see cref="CompiledModel.ParameterNames"/> order: declared, then derived).</param>
/// <param name="output">Destination (derivatives, Jacobian entries or observables).</param>
public delegate void ModelFunction(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> p, Span<double> output);

/// <summary>Element access for compiled expression trees, which cannot index a span directly (ref returns); the JIT inlines these.</summary>
internal static class SpanAccess
{
    public static double Read(ReadOnlySpan<double> span, int index) => span[index];

    public static void Write(Span<double> span, int index, double value) => span[index] = value;
}
