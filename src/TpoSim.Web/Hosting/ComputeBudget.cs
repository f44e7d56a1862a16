using System.Globalization;

namespace TpoSim.Web.Hosting;

/// <summary>
/// The computing time of one request: a token cancelled when the client disconnects or when the request has used
/// <see cref="ServerLimits.RequestSeconds"/>. The library's long loops (solver steps, fit simulations, forecast draws)
/// honour the token, so an over-long run stops promptly and the server answers 400 naming the limit.
/// </summary>
public static class ComputeBudget
{
    /// <summary>Runs <paramref name="work"/> on the thread pool under the request's time budget.</summary>
    public static async Task<T> RunAsync<T>(HttpContext context, double seconds, Func<CancellationToken, T> work, string hint)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        budget.CancelAfter(TimeSpan.FromSeconds(seconds));
        T result;
        try
        {
            result = await Task.Run(() => work(budget.Token), budget.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            throw OverTime(seconds, hint);
        }
        // Some library loops stop on the token and return what they have (a fit marks itself unconverged): a result
        // finished after the budget ran out is not trusted.
        context.RequestAborted.ThrowIfCancellationRequested();
        if (budget.IsCancellationRequested) throw OverTime(seconds, hint);
        return result;
    }

    private static ApiException OverTime(double seconds, string hint) => ApiException.BadRequest("$",
        $"the computation needed more than this server's time limit; allowed at most {seconds.ToString("0.###", CultureInfo.InvariantCulture)} s per request ({hint})");
}
