using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using RecycleNet.Core.Features;

namespace RecycleNet.Api.Siting;

public enum JobStatus { Queued, Running, Done, Failed, Cancelled }

/// <summary>The "RecycleNet:Siting" section: how many runs at once, how many may wait, and how large one may be.</summary>
public sealed class SitingSettings
{
    /// <summary>Runs computed at the same time (each uses every core while it builds its coverage sets).</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Runs that may wait for a worker; one more is refused with 503 and Retry-After.</summary>
    public int QueueLimit { get; set; } = 4;

    public int MaxOutletCandidates { get; set; } = new Core.SiteSelection.SitingLimits().MaxOutletCandidates;
    public long MaxCenterPairs { get; set; } = new Core.SiteSelection.SitingLimits().MaxCenterPairs;

    /// <summary>Threads a run may build its coverage sets on: all cores but one, so that readers keep one while it works.</summary>
    public int Threads { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);

    public Core.SiteSelection.SitingLimits Limits => new() { MaxOutletCandidates = MaxOutletCandidates, MaxCenterPairs = MaxCenterPairs, MaxThreads = Threads };
}

/// <summary>One siting run: queued, then its stage while running, then its answer (as the JSON object the API returns) or its error.</summary>
public sealed class SitingJob(string kind, double timeLimitSeconds, Func<SitingJob, CancellationToken, (object Answer, IReadOnlyList<FeatureRecord> Proposals)> run)
{
    public Guid Id { get; } = Guid.NewGuid();
    public string Kind { get; } = kind;
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;
    public double TimeLimitSeconds { get; } = timeLimitSeconds;
    public volatile string Stage = "queued";
    public JobStatus Status { get; set; } = JobStatus.Queued;
    public object? Result { get; set; }
    public string? Error { get; set; }
    public TimeSpan? Elapsed { get; set; }
    public CancellationTokenSource Cancel { get; } = new();
    internal Func<SitingJob, CancellationToken, (object Answer, IReadOnlyList<FeatureRecord> Proposals)> Run { get; } = run;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the run has ended, however it ended.</summary>
    public Task Work => _done.Task;
    internal void End() => _done.TrySetResult();
}

/// <summary>
/// Siting runs in the background: a POST queues one and answers 202 with its status URL; the status says the
/// stage; DELETE cancels. A bounded queue feeds <see cref="SitingSettings.Concurrency"/> workers (a hosted service),
/// so runs never pile up as free threads; each run is stopped at its time limit + 5 % + 0.5 s whatever it is doing.
/// The latest finished plan of each kind is kept as features for the OGC collection `siting-proposals`. Jobs live in
/// memory (a restart forgets them); at most <see cref="Keep"/> are kept.
/// </summary>
public sealed class SitingJobs(IOptions<SitingSettings> settings, ILogger<SitingJobs> log) : BackgroundService
{
    private const int Keep = 50;
    private readonly SitingSettings _settings = settings.Value;
    private readonly ConcurrentDictionary<Guid, SitingJob> _jobs = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<FeatureRecord>> _latest = new();
    private readonly Channel<SitingJob> _queue = Channel.CreateBounded<SitingJob>(new BoundedChannelOptions(Math.Max(1, settings.Value.QueueLimit))
    {
        FullMode = BoundedChannelFullMode.Wait, // TryWrite then answers false rather than dropping a job
    });
    private long _version;

    public SitingSettings Settings => _settings;

    public SitingJob? Find(Guid id) => _jobs.GetValueOrDefault(id);

    /// <summary>Changes whenever a plan finishes, so cached proposal tables know to rebuild.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The proposals of the latest finished plan of each kind (outlets, then sorting centres).</summary>
    public IEnumerable<FeatureRecord> LatestProposals => _latest.OrderBy(kv => kv.Key).SelectMany(kv => kv.Value);

    /// <summary>Queues a run; null when the queue is full.</summary>
    /// <param name="run">Does the work; returns the answer and the proposals as features. Gets the job to report its stage.</param>
    public SitingJob? Enqueue(string kind, double timeLimitSeconds,
        Func<SitingJob, CancellationToken, (object Answer, IReadOnlyList<FeatureRecord> Proposals)> run)
    {
        var job = new SitingJob(kind, timeLimitSeconds, run);
        if (!_queue.Writer.TryWrite(job)) return null;
        _jobs[job.Id] = job;
        foreach (var old in _jobs.Values.Where(j => j.Status is not (JobStatus.Queued or JobStatus.Running)).OrderByDescending(j => j.Started).Skip(Keep))
            _jobs.TryRemove(old.Id, out _);
        return job;
    }

    /// <summary>Seconds until a worker is likely free: the time limits still ahead of the queued and running jobs, per worker.</summary>
    public int RetryAfterSeconds()
    {
        var ahead = _jobs.Values.Where(j => j.Status is JobStatus.Queued or JobStatus.Running)
            .Sum(j => Math.Max(1, j.TimeLimitSeconds - (DateTimeOffset.UtcNow - j.Started).TotalSeconds));
        return Math.Max(1, (int)Math.Ceiling(ahead / Math.Max(1, _settings.Concurrency)));
    }

    protected override Task ExecuteAsync(CancellationToken stopping) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, _settings.Concurrency)).Select(_ => Task.Run(() => WorkAsync(stopping), stopping)));

    private async Task WorkAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stopping)) Execute(job, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
    }

    private void Execute(SitingJob job, CancellationToken stopping)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // The deadline is the run's promise: its time limit + 5 % + 0.5 s, whatever stage it is in.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(job.TimeLimitSeconds * 1.05 + 0.5));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Cancel.Token, deadline.Token, stopping);
        try
        {
            linked.Token.ThrowIfCancellationRequested();
            job.Status = JobStatus.Running;
            job.Stage = "starting";
            var (answer, proposals) = job.Run(job, linked.Token);
            job.Result = answer;
            _latest[job.Kind] = proposals;
            Interlocked.Increment(ref _version);
            job.Status = JobStatus.Done;
            job.Stage = "done";
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !job.Cancel.IsCancellationRequested)
        {
            job.Status = JobStatus.Failed;
            job.Error = $"the run reached its time limit of {job.TimeLimitSeconds:0.#} s while {job.Stage}; give a longer timeLimitSeconds or fewer candidates (a coarser grid)";
            job.Stage = "failed";
        }
        catch (OperationCanceledException)
        {
            job.Status = JobStatus.Cancelled;
            job.Stage = "cancelled";
        }
        catch (Exception e)
        {
            // Whatever went wrong, the job says so rather than staying "running" forever.
            log.LogWarning(e, "Siting job {Id} failed", job.Id);
            job.Status = JobStatus.Failed;
            job.Error = e.Message;
            job.Stage = "failed";
        }
        finally
        {
            job.Elapsed = watch.Elapsed;
            job.End();
        }
    }
}
