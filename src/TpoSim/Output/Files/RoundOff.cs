namespace TpoSim.Output.Files;

/// <summary>
/// Solver round-off below zero: a quantity that cannot be negative (a count, a concentration, a rate) may come out of an
/// integrator a few ulps below zero, within its absolute tolerance. Below <see cref="RelativeTolerance"/> of its scale
/// it is clamped to 0 when written, never reported as a failure; beyond that it is a real failure (the simulator's guard).
/// </summary>
public static class RoundOff
{
    /// <summary>Negatives smaller than this fraction of the quantity's scale are round-off.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>True when <paramref name="value"/> is negative beyond round-off for a quantity of magnitude <paramref name="scale"/> (at least 1 is used).</summary>
    public static bool IsBeyond(double value, double scale) => value < -RelativeTolerance * Math.Max(1, Math.Abs(scale));

    /// <summary>A non-negative quantity as written: round-off below zero (and −0) prints as 0.</summary>
    public static double Clamp(double value) => value <= 0 && value > double.NegativeInfinity ? 0 : value;
}
