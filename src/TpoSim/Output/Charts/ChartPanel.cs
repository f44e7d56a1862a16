namespace TpoSim.Output.Charts;

/// <summary>One plot of a <see cref="TimeSeriesChart"/>: its own y axis, series, bands and legend; the x axis is shared.</summary>
/// <param name="YLabel">Y axis title with unit, e.g. "Platelets (×10⁹/L)".</param>
/// <param name="Series">Series drawn in order (later on top).</param>
public sealed record ChartPanel(string YLabel, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Optional short panel heading drawn top-left above the plot.</summary>
    public string? Title { get; init; }

    /// <summary>Linear or log10 y axis.</summary>
    public AxisScale YScale { get; init; } = AxisScale.Linear;

    /// <summary>Explicit y range; data-driven with padding when null.</summary>
    public AxisRange? YRange { get; init; }

    /// <summary>Extend a data-driven linear y range to include zero.</summary>
    public bool IncludeZero { get; init; }

    /// <summary>Shaded horizontal bands (drawn beneath everything else).</summary>
    public IReadOnlyList<HorizontalBand> Bands { get; init; } = [];

    /// <summary>
    /// Whether <see cref="Bands"/> widen a data-driven y range (true) or are only drawn where the data's range reaches
    /// them (false: the axis follows the data, so a count of 13–36 is not squeezed into 0–450).
    /// </summary>
    public bool BandsWidenRange { get; init; } = true;

    /// <summary>Labelled horizontal reference lines (thresholds such as 20/50/150/450), drawn where inside the range; they never widen it.</summary>
    public IReadOnlyList<ReferenceLine> ReferenceLines { get; init; } = [];

    /// <summary>Filled areas between two curves (drawn beneath the series).</summary>
    public IReadOnlyList<FillBand> FillBands { get; init; } = [];

    /// <summary>Show the legend strip above the plot.</summary>
    public bool ShowLegend { get; init; } = true;
}
