using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using TpoSim.Fitting;

namespace TpoSim.Web.Api;

/// <summary>
/// Recent MAP fits by their inputs (history text, overrides, iteration cap). A fit is deterministic and the slowest
/// step of fit and forecast, and the page asks for the same history again when only the forecast's options change, so
/// a repeated request reuses it. Process-wide, at most <see cref="Capacity"/> entries.
/// </summary>
public static class FitCache
{
    /// <summary>Most fits kept.</summary>
    public const int Capacity = 32;

    private static readonly ConcurrentDictionary<string, FitResult> Fits = new();
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    /// <summary>The cached fit for these inputs, or a new one (cached when it finished).</summary>
    public static FitResult GetOrFit(string historyText, string? condition, string? drug, double? weightKg, FitProblem problem, MapOptions options, CancellationToken token)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{historyText}\u0000{condition}\u0000{drug}\u0000{weightKg}\u0000{options}")));
        if (Fits.TryGetValue(key, out var cached)) return cached;
        // The same history asked twice at once (the page's forecast and fit) is fitted once; the second waits for it.
        var gate = Gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        gate.Wait(token);
        try
        {
            if (Fits.TryGetValue(key, out cached)) return cached;
            var fit = MapEstimator.Fit(problem, options, token);
            if (token.IsCancellationRequested) return fit; // stopped early: not the fit of these inputs
            if (Fits.Count >= Capacity) Fits.Clear();
            Fits[key] = fit;
            return fit;
        }
        finally
        {
            gate.Release();
        }
    }
}
