using TpoSim.Fitting;

namespace TpoSim.Forecasting;

/// <summary>The projection of one regimen over the posterior draws.</summary>
/// <param name="Regimen">The regimen.</param>
/// <param name="Bands">Platelet percentiles (<see cref="ForecastOptions.Percentiles"/>) per forecast day, 10^9/L.</param>
/// <param name="TimeInTarget">Expected fraction of the window with the count in the target range.</param>
/// <param name="RiskAbove">Fraction of draws whose count exceeds the risk threshold in the window.</param>
/// <param name="MeanWeeklyDose">Mean dose per week over the window and the draws, in the history's unit.</param>
/// <param name="Failed">Draws whose simulation failed (left out of the statistics).</param>
/// <param name="DistanceFromTarget">
/// Expected distance of the count from the target range on the log scale (0 inside; ln(low/count) below, ln(count/high)
/// above), averaged over the window and the draws: how far off a regimen is when none stays in range.
/// </param>
public sealed record RegimenForecast(Regimen Regimen, double[][] Bands, double TimeInTarget, double RiskAbove, double MeanWeeklyDose, int Failed, double DistanceFromTarget = 0)
{
    /// <summary>The platelet counts of each successful draw on the forecast days (10^9/L): for other quantiles than the bands'.</summary>
    public IReadOnlyList<double[]> Draws { get; init; } = [];

    /// <summary>True when <see cref="RiskAbove"/> is within the accepted risk.</summary>
    public bool MeetsRisk(double maxRisk) => RiskAbove <= maxRisk + 1e-12;
}

/// <summary>A forecast: the window, each regimen's projection and the recommendation.</summary>
/// <param name="Fit">The fit it samples from.</param>
/// <param name="Options">What was asked.</param>
/// <param name="StartDay">First day of the window (the last observation), days of the history.</param>
/// <param name="Days">Forecast output days, from <paramref name="StartDay"/> to the end of the window.</param>
/// <param name="Regimens">Projections, in the order asked.</param>
/// <param name="Recommended">Index of the recommended regimen.</param>
/// <param name="Reason">Why it was chosen, in one line.</param>
public sealed record ForecastResult(FitResult Fit, ForecastOptions Options, double StartDay, double[] Days, IReadOnlyList<RegimenForecast> Regimens, int Recommended, string Reason)
{
    /// <summary>The line every forecast output carries.</summary>
    public const string Disclaimer = "This forecast supports, and does not replace, clinical judgment: it is a model projection for one patient from a research simulator, not a validated medical device.";

    /// <summary>Days of the fitted history curve (MAP values, day 0 to the start day); empty when not computed.</summary>
    public IReadOnlyList<double> HistoryDays { get; init; } = [];

    /// <summary>Platelets of the fitted history curve, 10^9/L.</summary>
    public IReadOnlyList<double> HistoryPlatelets { get; init; } = [];

    /// <summary>Last day of the window.</summary>
    public double EndDay => StartDay + 7 * Options.Weeks;
}
