using TpoSim.Simulation;

namespace TpoSim.Sensitivity;

/// <summary>
/// Endpoint values computed so that they vary smoothly with the parameters, which a derivative needs: an extremum is
/// the vertex of the parabola through the lowest (highest) grid point and its neighbours, a value between grid days is
/// interpolated linearly, and time in a range counts the part of each grid interval where the linear interpolant lies in it.
/// </summary>
internal static class EndpointReaders
{
    /// <summary>The refined extremum (value, day) of <paramref name="series"/> on grid days within [from, to].</summary>
    public static (double Value, double Day) Extremum(IReadOnlyList<double> days, Func<int, double> series, double from, double to, bool lowest)
    {
        var sign = lowest ? 1.0 : -1.0;
        var best = -1;
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i] < from - 1e-9 || days[i] > to + 1e-9) continue;
            if (best < 0 || sign * series(i) < sign * series(best)) best = i;
        }
        if (best < 0) return (double.NaN, double.NaN);
        var inside = (int i) => i >= 0 && i < days.Count && days[i] >= from - 1e-9 && days[i] <= to + 1e-9;
        if (!inside(best - 1) || !inside(best + 1)) return (series(best), days[best]);
        // Vertex of the parabola through (x0, y0), (x1, y1), (x2, y2) (Lagrange form; any spacing).
        double x0 = days[best - 1], x1 = days[best], x2 = days[best + 1];
        double y0 = series(best - 1), y1 = series(best), y2 = series(best + 1);
        var d01 = (y1 - y0) / (x1 - x0);
        var d12 = (y2 - y1) / (x2 - x1);
        var curvature = (d12 - d01) / (x2 - x0);
        if (!(sign * curvature > 0)) return (y1, x1);
        var vertex = 0.5 * (x0 + x1) - d01 / (2 * curvature);
        vertex = Math.Clamp(vertex, x0, x2);
        var value = y1 + d01 * (vertex - x1) + curvature * (vertex - x0) * (vertex - x1);
        return (value, vertex);
    }

    /// <summary><paramref name="series"/> on day <paramref name="day"/>, linear between grid days (NaN outside the grid).</summary>
    public static double At(IReadOnlyList<double> days, Func<int, double> series, double day)
    {
        if (days.Count == 0 || day < days[0] - 1e-9 || day > days[^1] + 1e-9) return double.NaN;
        for (var i = 0; i < days.Count; i++)
        {
            if (Math.Abs(days[i] - day) <= 1e-9) return series(i);
            if (days[i] > day)
            {
                var w = (day - days[i - 1]) / (days[i] - days[i - 1]);
                return (1 - w) * series(i - 1) + w * series(i);
            }
        }
        return series(days.Count - 1);
    }

    /// <summary>Days with <paramref name="low"/> ≤ series &lt; <paramref name="high"/>, the series linear within each grid interval.</summary>
    public static double TimeIn(IReadOnlyList<double> days, Func<int, double> series, double low, double high)
    {
        var total = 0.0;
        for (var i = 1; i < days.Count; i++)
        {
            double a = series(i - 1), b = series(i), dt = days[i] - days[i - 1];
            total += dt * FractionInside(a, b, low, high);
        }
        return total;
    }

    /// <summary>Fraction of [0, 1] where the line from a to b lies in [low, high).</summary>
    private static double FractionInside(double a, double b, double low, double high)
    {
        if (a == b) return a >= low && a < high ? 1 : 0;
        // The parameter s where the line crosses each bound, clipped to [0, 1].
        var sLow = Math.Clamp((low - a) / (b - a), 0, 1);
        var sHigh = Math.Clamp((high - a) / (b - a), 0, 1);
        return Math.Abs(sHigh - sLow);
    }
}
