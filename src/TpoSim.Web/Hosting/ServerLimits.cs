namespace TpoSim.Web.Hosting;

/// <summary>
/// The server's safety caps. Each is checked before work starts and reported as a 400 naming the JSON path and the
/// allowed range (sizes as 413, a full queue as 429). Bound from the configuration section <c>TpoSim:Limits</c>, so
/// tests and deployments can tighten them.
/// </summary>
public sealed class ServerLimits
{
    /// <summary>Configuration section holding these values.</summary>
    public const string Section = "TpoSim:Limits";

    /// <summary>Largest request body, bytes (413 above it).</summary>
    public long MaxRequestBytes { get; set; } = 1 << 20;
    /// <summary>Most simulated days in one request (the CLI allows 7300; a shared server keeps ten years).</summary>
    public double MaxDays { get; set; } = 3650;
    /// <summary>Most output grid points in one simulation (days / outputEveryDays + 1).</summary>
    public int MaxOutputPoints { get; set; } = 20_000;
    /// <summary>Most subjects in one population job.</summary>
    public int MaxSubjects { get; set; } = 500;
    /// <summary>Most posterior draws per regimen in one forecast (and for the fit's band).</summary>
    public int MaxSamples { get; set; } = 200;
    /// <summary>
    /// Largest cost of one sensitivity request, in run-days: its simulations (4 per parameter, 3 at a bound, plus one)
    /// times the scenario's days. The default scenario (90 days) with its 37 default parameters is 149 runs, ≈ 13,400
    /// run-days; 60,000 allows that for a year-long scenario with a dozen parameters, or 4× the default.
    /// </summary>
    public double MaxSensitivityRunDays { get; set; } = 60_000;
    /// <summary>Worker threads of one sensitivity request (its runs are independent; the numbers do not depend on it).</summary>
    public int SensitivityThreads { get; set; } = Environment.ProcessorCount;
    /// <summary>Computing time allowed to one synchronous request (simulate, fit, forecast, interpret), seconds.</summary>
    public double RequestSeconds { get; set; } = 120;
    /// <summary>Computing time allowed to one population job, seconds.</summary>
    public double JobSeconds { get; set; } = 600;
    /// <summary>Synchronous computations run at once (default: the number of cores).</summary>
    public int ComputeConcurrency { get; set; } = Environment.ProcessorCount;
    /// <summary>Synchronous computations that may wait for a slot; more get 429.</summary>
    public int ComputeQueue { get; set; } = 64;
    /// <summary>Population jobs queued or running at once; more get 429.</summary>
    public int MaxJobs { get; set; } = 4;
    /// <summary>Population jobs running at once (the others wait in the queue).</summary>
    public int JobConcurrency { get; set; } = 1;
    /// <summary>A queued or running job whose client has not polled it for this long is cancelled, seconds.</summary>
    public double JobLeaseSeconds { get; set; } = 60;
    /// <summary>A finished job's result is kept this long after its last poll, seconds.</summary>
    public double JobRetainSeconds { get; set; } = 900;
    /// <summary>Retry-After sent with a 429, seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 2;
}
