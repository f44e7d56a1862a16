using TpoSim.Population;

namespace TpoSim.Conditions;

/// <summary>
/// Week-to-week fluctuation of a disease's activity: a log-Ornstein–Uhlenbeck process X (mean 0, stationary standard
/// deviation σ, correlation time τ) held constant over each week, so the multiplier exp(X_k) of week k changes only at
/// week boundaries (exact discontinuity events for the solver, no stochastic integration). Sampling an OU process at a
/// fixed step Δ is exactly the AR(1) recursion X_(k+1) = φ·X_k + σ·√(1 − φ²)·z_k with φ = exp(−Δ/τ) (Uhlenbeck GE,
/// Ornstein LS, Phys Rev 1930;36:823), and X_0 is drawn from the stationary law N(0, σ²): the patient enters the
/// simulation at a random point of their own fluctuation, as a trial enrols patients on a random day.
/// </summary>
/// <remarks>
/// The multiplier's median is 1 (X has mean 0), so the condition's severity keeps meaning the typical activity; its
/// coefficient of variation is <see cref="Cv"/>: σ² = ln(1 + CV²) for a log-normal multiplier.
/// </remarks>
/// <param name="Cv">Coefficient of variation of the weekly multiplier (0 = constant activity).</param>
/// <param name="CorrelationDays">Correlation time τ of the log-activity, days.</param>
/// <param name="Seed">Seed of the fluctuation's random stream: the same seed gives the same weekly multipliers.</param>
public sealed record ActivityFluctuation(double Cv, double CorrelationDays, long Seed)
{
    /// <summary>Length of a constant-activity piece, days (weekly, like the platelet counts of the trials it reproduces).</summary>
    public const double StepDays = 7;

    /// <summary>Stationary standard deviation σ of the log-multiplier: √ln(1 + CV²).</summary>
    public double LogSd => Math.Sqrt(Math.Log(1 + Cv * Cv));

    /// <summary>Week-to-week autocorrelation φ = exp(−7/τ) of the log-multiplier.</summary>
    public double WeeklyAutocorrelation => Math.Exp(-StepDays / CorrelationDays);

    /// <summary>
    /// The multipliers of weeks 0, 1, …, <paramref name="weeks"/> − 1 (week k covers days [7k, 7k + 7)). All ones when
    /// <see cref="Cv"/> is 0. Deterministic for a seed; the stream is the population's xoshiro256** generator.
    /// </summary>
    public double[] Multipliers(int weeks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weeks);
        var m = new double[weeks];
        if (Cv == 0)
        {
            Array.Fill(m, 1.0);
            return m;
        }
        var random = new SubjectRandom(Seed, 0);
        var sd = LogSd;
        var phi = WeeklyAutocorrelation;
        var innovation = sd * Math.Sqrt(1 - phi * phi);
        var x = sd * random.NextNormal();
        for (var k = 0; k < weeks; k++)
        {
            m[k] = Math.Exp(x);
            x = phi * x + innovation * random.NextNormal();
        }
        return m;
    }

    /// <summary>
    /// The multipliers of the weeks before day 0: weeks −1, −2, …, −<paramref name="weeks"/> (week −k covers days
    /// [−7k, −7k + 7)), continuing from week 0's value as <see cref="Multipliers"/> draws it. A stationary Gaussian AR(1)
    /// process is reversible (its joint law is the same read backwards), so the past follows the same recursion run
    /// backwards, X_(k−1) = φ·X_k + σ·√(1 − φ²)·z_k, on its own stream (index 1 of the seed) so that the days from day 0
    /// on do not move. Used for screening visits before enrolment. All ones when <see cref="Cv"/> is 0.
    /// </summary>
    public double[] MultipliersBefore(int weeks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weeks);
        var m = new double[weeks];
        if (Cv == 0)
        {
            Array.Fill(m, 1.0);
            return m;
        }
        var sd = LogSd;
        var phi = WeeklyAutocorrelation;
        var innovation = sd * Math.Sqrt(1 - phi * phi);
        var x = sd * new SubjectRandom(Seed, 0).NextNormal(); // X_0, the first draw of Multipliers' stream
        var past = new SubjectRandom(Seed, 1);
        for (var k = 0; k < weeks; k++)
        {
            x = phi * x + innovation * past.NextNormal();
            m[k] = Math.Exp(x);
        }
        return m;
    }

    /// <summary>Number of weekly pieces that cover <paramref name="days"/> (at least one: week 0 sets the day-0 state).</summary>
    public static int WeeksCovering(double days) => Math.Max(1, (int)Math.Ceiling(days / StepDays - 1e-9));
}
