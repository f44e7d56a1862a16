namespace TpoSim.Output.Charts;

/// <summary>One administration on a <see cref="DoseTrack"/>.</summary>
/// <param name="X">Time of the dose in x units.</param>
/// <param name="Amount">Amount in the track's unit (bar height is proportional to it).</param>
/// <param name="Duration">Optional infusion duration in x units (bar width); a thin bar when null.</param>
public sealed record DoseEvent(double X, double Amount, double? Duration = null)
{
    /// <summary>Text written above the bar instead of <see cref="Amount"/> (e.g. "50 mg", the dose as ordered).</summary>
    public string? Label { get; init; }
}

/// <summary>A thin lane of bars above the panels showing drug administrations over time.</summary>
/// <param name="Label">Drug or track name, e.g. "Romiplostim".</param>
/// <param name="Unit">Amount unit, e.g. "µg/kg".</param>
/// <param name="Doses">Administrations.</param>
public sealed record DoseTrack(string Label, string Unit, IReadOnlyList<DoseEvent> Doses)
{
    /// <summary>CSS bar colour.</summary>
    public string Color { get; init; } = ChartPalette.ReddishPurple;

    /// <summary>Write amounts above the bars (only where they change or there is room).</summary>
    public bool ShowValues { get; init; } = true;

    /// <summary>Lane height in px.</summary>
    public double Height { get; init; } = 40;
}
