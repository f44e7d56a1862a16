using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TpoSim.Population;
using TpoSim.Web.Hosting;

namespace TpoSim.Web.Jobs;

/// <summary>
/// The bounded queue of population jobs. At most <see cref="ServerLimits.MaxJobs"/> are queued or running (a new one
/// beyond that is refused: 429), <see cref="ServerLimits.JobConcurrency"/> run at once. A job is cancelled when its
/// client cancels it, when its client stops polling for <see cref="ServerLimits.JobLeaseSeconds"/> (the page was
/// closed), or after <see cref="ServerLimits.JobSeconds"/>. Finished jobs are dropped after
/// <see cref="ServerLimits.JobRetainSeconds"/> without a poll.
/// </summary>
public sealed class PopulationJobs(IOptions<ServerLimits> options, TimeProvider? clock = null) : BackgroundService
{
    private readonly ConcurrentDictionary<string, PopulationJob> jobs = new();
    private readonly Lock admit = new();
    private readonly ServerLimits limits = options.Value;
    private readonly SemaphoreSlim workers = new(Math.Max(1, options.Value.JobConcurrency));
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    /// <summary>The job, or null; a lookup counts as a poll.</summary>
    public PopulationJob? Get(string id)
    {
        if (!jobs.TryGetValue(id, out var job)) return null;
        job.Touch(time.GetUtcNow());
        return job;
    }

    /// <summary>Jobs queued or running.</summary>
    public int Active => jobs.Values.Count(j => !j.IsFinished);

    /// <summary>Queues a job; null when the queue is full.</summary>
    public PopulationJob? Start(string trial, PopulationDefinition definition, int subjects, long seed)
    {
        PopulationJob job;
        lock (admit)
        {
            if (Active >= limits.MaxJobs) return null;
            job = new PopulationJob(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), trial, definition, subjects, seed, time.GetUtcNow());
            jobs[job.Id] = job;
        }
        _ = Task.Run(() => RunAsync(job));
        return job;
    }

    /// <summary>Cancels a job; false when there is no such job.</summary>
    public bool Cancel(string id, string why)
    {
        if (!jobs.TryGetValue(id, out var job)) return false;
        if (!job.IsFinished)
        {
            job.Message ??= why;
            job.Cancellation.Cancel();
        }
        return true;
    }

    private async Task RunAsync(PopulationJob job)
    {
        var token = job.Cancellation.Token;
        try
        {
            await workers.WaitAsync(token);
        }
        catch (OperationCanceledException)
        {
            job.State = JobState.Cancelled;
            return;
        }
        var clock = Stopwatch.StartNew();
        try
        {
            job.State = JobState.Running;
            job.Cancellation.CancelAfter(TimeSpan.FromSeconds(limits.JobSeconds));
            var options = new PopulationOptions(job.Subjects, job.Seed, Environment.ProcessorCount)
            {
                Cancellation = token,
                Progress = new Progress(job),
            };
            var result = PopulationRunner.Run(job.Definition, options);
            job.Result = result;
            job.Progress = 1;
            if (result.Succeeded == 0)
            {
                job.Message = "every subject failed; see subjects.csv";
                job.State = JobState.Failed;
            }
            else job.State = JobState.Done;
        }
        catch (OperationCanceledException)
        {
            job.Message ??= $"stopped at this server's time limit of {limits.JobSeconds} s per job";
            job.State = JobState.Cancelled;
        }
        catch (Exception)
        {
            job.Message = "internal error; please report it with the request that caused it";
            job.State = JobState.Failed;
        }
        finally
        {
            job.ElapsedSeconds = clock.Elapsed.TotalSeconds;
            workers.Release();
        }
    }

    /// <summary>Cancels abandoned jobs and forgets old finished ones, once a second.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) Sweep();
        }
        catch (OperationCanceledException) { }
        foreach (var job in jobs.Values) job.Cancellation.Cancel();
    }

    /// <summary>One sweep (public for tests).</summary>
    public void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var job in jobs.Values)
        {
            var idle = (now - job.LastPolled).TotalSeconds;
            if (!job.IsFinished && idle > limits.JobLeaseSeconds)
                Cancel(job.Id, $"cancelled: its client stopped polling for more than {limits.JobLeaseSeconds} s");
            else if (job.IsFinished && idle > limits.JobRetainSeconds && jobs.TryRemove(job.Id, out var gone))
                gone.Cancellation.Dispose();
        }
    }

    private sealed class Progress(PopulationJob job) : IProgress<double>
    {
        public void Report(double value)
        {
            if (value > job.Progress) job.Progress = Math.Min(value, 0.999);
        }
    }
}
