using TpoSim.Population;

namespace TpoSim.Web.Jobs;

/// <summary>Where a population job is.</summary>
public enum JobState
{
    /// <summary>Waiting for a worker.</summary>
    Queued,
    /// <summary>Simulating subjects.</summary>
    Running,
    /// <summary>Finished; the result can be fetched.</summary>
    Done,
    /// <summary>Cancelled by its client, by its client going away, or by the time limit.</summary>
    Cancelled,
    /// <summary>Stopped by an error (every subject failed, or an internal error).</summary>
    Failed,
}

/// <summary>One virtual trial running in the background. Mutable state is published through volatile fields.</summary>
public sealed class PopulationJob
{
    private volatile JobState state = JobState.Queued;
    private double progress;
    private long lastPolledTicks;

    internal PopulationJob(string id, string trial, PopulationDefinition definition, int subjects, long seed, DateTimeOffset now)
    {
        Id = id;
        Trial = trial;
        Definition = definition;
        Subjects = subjects;
        Seed = seed;
        Touch(now);
    }

    /// <summary>Job id (unguessable).</summary>
    public string Id { get; }
    /// <summary>The trial file, or "scenario" for a posted scenario.</summary>
    public string Trial { get; }
    /// <summary>The population.</summary>
    public PopulationDefinition Definition { get; }
    /// <summary>Subjects requested.</summary>
    public int Subjects { get; }
    /// <summary>Seed.</summary>
    public long Seed { get; }
    /// <summary>Cancels the run.</summary>
    internal CancellationTokenSource Cancellation { get; } = new();
    /// <summary>State.</summary>
    public JobState State { get => state; internal set => state = value; }
    /// <summary>Fraction done, 0–1.</summary>
    public double Progress { get => Volatile.Read(ref progress); internal set => Volatile.Write(ref progress, value); }
    /// <summary>Why it was cancelled or failed.</summary>
    public string? Message { get; internal set; }
    /// <summary>The result once done.</summary>
    public PopulationResult? Result { get; internal set; }
    /// <summary>Seconds spent running.</summary>
    public double ElapsedSeconds { get; internal set; }
    /// <summary>When its client last asked about it.</summary>
    public DateTimeOffset LastPolled => new(Interlocked.Read(ref lastPolledTicks), TimeSpan.Zero);
    /// <summary>True when it will not change any more.</summary>
    public bool IsFinished => State is JobState.Done or JobState.Cancelled or JobState.Failed;

    /// <summary>Marks the job as wanted by its client now.</summary>
    internal void Touch(DateTimeOffset now) => Interlocked.Exchange(ref lastPolledTicks, now.UtcTicks);
}
