using System.Collections.Concurrent;
using RecycleNet.Core.Features;

namespace RecycleNet.Api.Siting;

public enum JobStatus { Running, Done, Failed, Cancelled }

/// <summary>One siting run: its stage while running, then its answer (as the JSON object the API returns) or its error.</summary>
public sealed class SitingJob(string kind)
{
    public Guid Id { get; } = Guid.NewGuid();
    public string Kind { get; } = kind;
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;
    public volatile string Stage = "queued";
    public JobStatus Status { get; set; } = JobStatus.Running;
    public object? Result { get; set; }
    public string? Error { get; set; }
    public TimeSpan? Elapsed { get; set; }
    public CancellationTokenSource Cancel { get; } = new();
    public Task Work { get; set; } = Task.CompletedTask;
}

/// <summary>
/// Siting runs in the background: a POST starts one and answers 202 with its status URL; the status says the
/// stage; DELETE cancels. The latest finished plan of each kind is kept as features for the OGC collection
/// `siting-proposals`. Jobs live in memory (a restart forgets them); at most <see cref="Keep"/> are kept.
/// </summary>
public sealed class SitingJobs
{
    private const int Keep = 50;
    private readonly ConcurrentDictionary<Guid, SitingJob> _jobs = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<FeatureRecord>> _latest = new();
    private long _version;

    public SitingJob? Find(Guid id) => _jobs.GetValueOrDefault(id);

    /// <summary>Changes whenever a plan finishes, so cached proposal tables know to rebuild.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The proposals of the latest finished plan of each kind (outlets, then sorting centres).</summary>
    public IEnumerable<FeatureRecord> LatestProposals => _latest.OrderBy(kv => kv.Key).SelectMany(kv => kv.Value);

    /// <param name="run">Does the work; returns the answer and the proposals as features. Gets the job to report its stage.</param>
    public SitingJob Start(string kind, Func<SitingJob, CancellationToken, (object Answer, IReadOnlyList<FeatureRecord> Proposals)> run)
    {
        var job = new SitingJob(kind);
        _jobs[job.Id] = job;
        foreach (var old in _jobs.Values.Where(j => j.Status != JobStatus.Running).OrderByDescending(j => j.Started).Skip(Keep))
            _jobs.TryRemove(old.Id, out _);
        job.Work = Task.Run(() =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                var (answer, proposals) = run(job, job.Cancel.Token);
                job.Result = answer;
                _latest[kind] = proposals;
                Interlocked.Increment(ref _version);
                job.Status = JobStatus.Done;
                job.Stage = "done";
            }
            catch (OperationCanceledException)
            {
                job.Status = JobStatus.Cancelled;
                job.Stage = "cancelled";
            }
            catch (Exception e)
            {
                // Whatever went wrong, the job says so rather than staying "running" forever.
                job.Status = JobStatus.Failed;
                job.Error = e.Message;
                job.Stage = "failed";
            }
            finally
            {
                job.Elapsed = watch.Elapsed;
            }
        });
        return job;
    }
}
