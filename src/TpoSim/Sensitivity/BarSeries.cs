namespace TpoSim.Sensitivity;

/// <summary>One series of a horizontal bar chart: a value per row, an optional interval per row, a colour and a legend label.</summary>
/// <param name="Label">Legend text.</param>
/// <param name="Values">One value per row (NaN: no bar).</param>
/// <param name="Color">Bar colour.</param>
/// <param name="Lower">Interval lower ends, or null.</param>
/// <param name="Upper">Interval upper ends, or null.</param>
public sealed record BarSeries(string Label, IReadOnlyList<double> Values, string Color, IReadOnlyList<double>? Lower = null, IReadOnlyList<double>? Upper = null);
