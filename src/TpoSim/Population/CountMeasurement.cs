using System.Globalization;

namespace TpoSim.Population;

/// <summary>
/// The measured-count model of a trial (a population file's <c>measurement</c>): what a trial reads is not the model's
/// count but a measurement of it at its visits, and a platelet count measured twice varies from visit to visit by the
/// within-subject biological variation and the analytical variation. Each measured count is the true (model) count
/// × a log-normal error with mean 1 and coefficient of variation <see cref="Cv"/>, ε = exp(ω·z − ω²/2), ω² = ln(1 + CV²),
/// z standard normal, independent between visits. The error of a count measured on a given day is a function of the
/// subject's own seed and that day only, so the screen, the day-0 baseline and the endpoints read the same day-0
/// measurement, and the result does not depend on threads, chunks or the other subjects.
/// </summary>
/// <param name="Cv">Coefficient of variation of a measured count around the true count (0–<see cref="MaxCv"/>).</param>
/// <param name="VisitDays">The trial's visit days after day 0 (model days, ascending, unique, inside the run) at which endpoints read counts.</param>
/// <param name="Source">Where the CV comes from (a citation, or "assumed: " and why).</param>
public sealed record CountMeasurement(double Cv, IReadOnlyList<double> VisitDays, string Source)
{
    /// <summary>Largest CV accepted.</summary>
    public const double MaxCv = 0.5;

    /// <summary>Most visits a file may list.</summary>
    public const int MaxVisits = 200;

    /// <summary>Resolution of the day that keys a measurement's error: a quarter of an hour (96 slots a day).</summary>
    public const double SlotsPerDay = 96;

    // Separates the measurement streams from the subject's other uses of its seed (the ITP activity fluctuation).
    private const long StreamSalt = 0x4D45415355524531L;

    /// <summary>SD of the log error, ω = √ln(1 + CV²).</summary>
    public double Omega => Math.Sqrt(Math.Log(1 + Cv * Cv));

    /// <summary>
    /// The multiplicative error of the count measured on <paramref name="day"/> for a subject whose seed is
    /// <paramref name="seed"/>: exp(ω·z − ω²/2), z the first normal of the stream keyed by (seed, day); 1 when CV is 0.
    /// </summary>
    public double Error(long seed, double day)
    {
        if (Cv <= 0) return 1;
        var z = new SubjectRandom(seed ^ StreamSalt, (int)Math.Round(day * SlotsPerDay)).NextNormal();
        var w = Omega;
        return Math.Exp(w * z - w * w / 2);
    }

    /// <summary>The measured value of a true count <paramref name="count"/> (10⁹/L) taken on <paramref name="day"/>.</summary>
    public double Measure(double count, long seed, double day) => count * Error(seed, day);

    /// <summary>
    /// P(measured ≥ <paramref name="threshold"/>) for a true count <paramref name="count"/>: 1 − Φ((ln(T/X) + ω²/2)/ω), the
    /// analytic share a test checks the draws against.
    /// </summary>
    public double ShareAtLeast(double count, double threshold)
    {
        var w = Omega;
        if (w == 0) return count >= threshold ? 1 : 0;
        var z = (Math.Log(threshold / count) + w * w / 2) / w;
        return 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(z / Math.Sqrt(2));
    }

    /// <summary>
    /// The series an endpoint reads: the measured counts at day 0 and the visit days (the true series linear between output
    /// points, × each visit's error), with <paramref name="measuredBaseline"/> as the baseline.
    /// </summary>
    /// <param name="days">Output days of the true series.</param>
    /// <param name="platelets">True platelets at those days, 10⁹/L.</param>
    /// <param name="seed">The subject's seed.</param>
    /// <param name="measuredBaseline">The baseline the trial read (the screen's measured count or mean).</param>
    public SubjectSeries Series(IReadOnlyList<double> days, IReadOnlyList<double> platelets, long seed, double measuredBaseline)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(platelets);
        var visits = new List<double>(VisitDays.Count + 1) { 0 };
        visits.AddRange(VisitDays.Where(d => d > 1e-9));
        var counts = visits.Select(d => Measure(SubjectResponse.At(days, platelets, d), seed, d)).ToArray();
        return new SubjectSeries(visits, counts, measuredBaseline);
    }

    /// <summary>"measured counts (CV 8.3%) on days 0, 4, 5 …" for tables.</summary>
    public string Text =>
        $"measured counts (CV {(100 * Cv).ToString("0.#", CultureInfo.InvariantCulture)}%) on days 0, {string.Join(", ", VisitDays.Select(d => d.ToString("0.###", CultureInfo.InvariantCulture)))}";
}
