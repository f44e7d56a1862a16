using TpoSim.Conditions;

namespace TpoSim.Fitting;

/// <summary>
/// The week-to-week fluctuation of a disease's activity that a forecast draws for each posterior draw: the same
/// log-Ornstein–Uhlenbeck process the populations use (<see cref="ActivityFluctuation"/>), applied from the forecast's
/// start day on, so the fitted history is not changed. Its first week is drawn from the stationary law: the fit
/// estimates the patient's typical activity, not where the fluctuation stands on the day of the decision.
/// </summary>
/// <param name="Cv">Coefficient of variation of the weekly activity multiplier (median 1).</param>
/// <param name="CorrelationDays">Correlation time of the log-activity, days.</param>
/// <param name="Parameter">The model parameter the multiplier scales (itpActivity: the antibody-mediated removal).</param>
/// <param name="Source">Where the CV and the correlation time come from.</param>
public sealed record DiseaseActivity(double Cv, double CorrelationDays, string Parameter, string Source)
{
    /// <summary>
    /// The multipliers of the window's weeks 0 … <paramref name="weeks"/> − 1 for the stream <paramref name="seed"/>
    /// (<see cref="ActivityFluctuation.Multipliers"/>; all ones when <see cref="Cv"/> is 0).
    /// </summary>
    public double[] Multipliers(int weeks, long seed) => new ActivityFluctuation(Cv, CorrelationDays, seed).Multipliers(weeks);

    /// <summary>
    /// The seed of posterior draw <paramref name="draw"/> of a forecast seeded with <paramref name="forecastSeed"/>:
    /// each draw has its own path, the same for every regimen (so regimens are compared on the same futures) and for
    /// any thread count.
    /// </summary>
    public static long SeedOf(int forecastSeed, int draw) => 1_000_003L * forecastSeed + draw + 17;
}
