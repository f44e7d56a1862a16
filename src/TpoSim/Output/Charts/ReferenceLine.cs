namespace TpoSim.Output.Charts;

/// <summary>A thin dotted horizontal line at a threshold, labelled at the right edge of the plot.</summary>
/// <param name="Y">Position in y units.</param>
/// <param name="Label">Short label, e.g. "50".</param>
public sealed record ReferenceLine(double Y, string Label)
{
    /// <summary>CSS colour of line and label.</summary>
    public string Color { get; init; } = ChartPalette.Grey;
}
