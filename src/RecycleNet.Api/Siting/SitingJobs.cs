using Microsoft.Extensions.Options;
using RecycleNet.Core.Features;
using RecycleNet.Core.Model;
using RecycleNet.Core.Storage;

using RecycleNet.Core.Input;
using RecycleNet.Core.SiteSelection;
using RecycleNet.Api.Settings;
using RecycleNet.Api.Cities;

namespace RecycleNet.Api.Siting;

/// <summary>
/// Siting runs kept in the store (<see cref="SitingRun"/>): a POST queues one and answers 202 with its status URL;
/// any instance's worker claims it (an UPDATE that only one can win), runs it, and writes its stage, a heartbeat
/// every second, and its answer; every instance reports it from the store. DELETE asks for a cancel, which the
/// running instance sees within a second. The queue is bounded (<see cref="SitingSettings.QueueLimit"/> waiting,
/// then 429), <see cref="SitingSettings.Concurrency"/> runs at once per instance, and each run is stopped at its
/// time limit × 1.05 + 0.5 s. A run whose instance stopped (no heartbeat for <see cref="Orphaned"/>) is marked
/// interrupted; POST …/retry queues its request again. The latest done run of each kind is siting-proposals.
/// </summary>
public sealed class SitingJobs(IOptions<SitingSettings> settings, IServiceScopeFactory scopes, ILogger<SitingJobs> log) : BackgroundService
{
    private static readonly TimeSpan Beat = TimeSpan.FromSeconds(1), Orphaned = TimeSpan.FromSeconds(15), Idle = TimeSpan.FromSeconds(1);
    private readonly SitingSettings _settings = settings.Value;
    private readonly string _me = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _wake = new(0);

    public SitingSettings Settings => _settings;

    private long _done;

    /// <summary>
    /// Moves when a run finishes anywhere (how many runs are done, read again every second, and at once when one
    /// finishes here), so the cached siting-proposals table knows to rebuild.
    /// </summary>
    public long ProposalsVersion => Interlocked.Read(ref _done);

    private async Task RefreshDoneAsync(CancellationToken ct) => Interlocked.Exchange(ref _done, await WithStoreAsync(null, s => s.CountDoneAsync(ct)));

    /// <param name="city">The city whose runs the store sees; null: every city's (the workers' bookkeeping).</param>
    private async Task<T> WithStoreAsync<T>(string? city, Func<SitingRunStore, Task<T>> work)
    {
        using var scope = scopes.CreateCityScope(city);
        return await work(scope.ServiceProvider.GetRequiredService<SitingRunStore>());
    }

    /// <summary>A run of <paramref name="city"/>: another city's, even by its id, is not found.</summary>
    public Task<SitingRun?> FindAsync(string city, Guid id, CancellationToken ct) => WithStoreAsync(city, s => s.FindAsync(id, ct));

    /// <summary>What a done run found (null otherwise).</summary>
    public Task<SitingOutcome?> OutcomeAsync(SitingRun run, CancellationToken ct) => WithStoreAsync(run.CityId, s => s.OutcomeAsync(run, ct));

    /// <summary>Queues a run for <paramref name="city"/>; null when <see cref="SitingSettings.QueueLimit"/> runs are waiting already.</summary>
    public async Task<SitingRun?> EnqueueAsync(string city, string kind, double timeLimitSeconds, string request, string planner,
        Func<SitingRun, AuditEntry> audit, CancellationToken ct)
    {
        var run = await WithStoreAsync(city, s => s.EnqueueAsync(kind, timeLimitSeconds, request, planner, _settings.QueueLimit, audit, ct));
        if (run is not null) _wake.Release();
        return run;
    }

    /// <summary>Asks for a cancel: a queued run ends at once, a running one within a second. False when there is no such run.</summary>
    public Task<bool?> CancelAsync(string city, Guid id, CancellationToken ct) => WithStoreAsync(city, s => s.CancelAsync(id, ct));

    /// <summary>Queues an ended run's request again, as a new run.</summary>
    public async Task<SitingRun?> RetryAsync(SitingRun ended, string planner, Func<SitingRun, AuditEntry> audit, CancellationToken ct) =>
        await EnqueueAsync(ended.CityId, ended.Kind, ended.TimeLimitSeconds, ended.Request, planner, audit, ct);

    /// <summary>Waits until the run has ended, reading the store every 100 ms.</summary>
    public async Task<SitingRun> WaitAsync(string city, Guid id, CancellationToken ct)
    {
        while (true)
        {
            var run = await FindAsync(city, id, ct) ?? throw new InvalidOperationException($"siting run {id} is gone");
            if (SitingRunStatus.IsFinished(run.Status)) return run;
            await Task.Delay(100, ct);
        }
    }

    /// <summary>Seconds until a worker is likely free: the time limits still ahead of the queued and running runs, per worker.</summary>
    public Task<int> RetryAfterSecondsAsync(CancellationToken ct) => WithStoreAsync(null, s => s.SecondsAheadAsync(_settings.Concurrency, ct));

    /// <summary>The proposals of the latest done run of each kind (outlets, then sorting centres) in <paramref name="city"/>.</summary>
    public Task<IReadOnlyList<FeatureRecord>> LatestProposalsAsync(string city, CancellationToken ct) => WithStoreAsync(city, async s =>
    {
        var latest = new List<FeatureRecord>();
        foreach (var kind in new[] { SitingRequest.Outlets, SitingRequest.Centers, SitingRequest.Tiers })
            latest.AddRange((await s.LatestProposalsAsync(kind, ct)).Select(SitingJson.Feature));
        return (IReadOnlyList<FeatureRecord>)latest;
    });

    private static readonly Reason InterruptedError = new("the instance running it stopped (a restart); POST /api/siting/jobs/{id}/retry runs it again",
        "运行它的服务实例已停止（重启）；可重新运行该任务（POST /api/siting/jobs/{id}/retry）");

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        await Task.Yield();
        var workers = Enumerable.Range(0, Math.Max(1, _settings.Concurrency)).Select(_ => Task.Run(() => WorkAsync(stopping), stopping));
        await Task.WhenAll([.. workers, HousekeepAsync(stopping)]);
    }

    /// <summary>Once a second, for the whole instance: orphaned runs are marked, and finished runs elsewhere noticed.</summary>
    private async Task HousekeepAsync(CancellationToken stopping)
    {
        try
        {
            using var timer = new PeriodicTimer(Idle);
            do
            {
                await MarkOrphansAsync(stopping);
                await RefreshDoneAsync(stopping);
            }
            while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
    }

    /// <summary>Runs left "running" by an instance that stopped (no heartbeat lately) can never finish: say so.</summary>
    private Task<int> MarkOrphansAsync(CancellationToken ct) => WithStoreAsync(null, s => s.MarkOrphansAsync(DateTime.UtcNow - Orphaned, InterruptedError, ct));

    private async Task WorkAsync(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var run = await ClaimAsync(stopping);
                if (run is null)
                {
                    await _wake.WaitAsync(Idle, stopping); // woken by a local enqueue, or looking again for other instances' runs
                    continue;
                }
                await RunOneAsync(run, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
    }

    /// <summary>The oldest queued run, claimed for this instance; null when none is left to claim.</summary>
    private Task<SitingRun?> ClaimAsync(CancellationToken ct) => WithStoreAsync(null, s => s.ClaimAsync(_me, ct));

    private async Task RunOneAsync(SitingRun run, CancellationToken stopping)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // The deadline is the run's promise: its time limit + 5 % + 0.5 s, whatever stage it is in.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(run.TimeLimitSeconds * 1.05 + 0.5));
        using var cancel = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token, deadline.Token, stopping);
        var stage = "starting";
        using var beat = new CancellationTokenSource();
        // The heartbeat: the stage, proof of life, and whether someone asked for a cancel.
        var heart = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(Beat);
            while (await timer.WaitForNextTickAsync(beat.Token).ConfigureAwait(false))
            {
                var s = stage;
                var asked = await WithStoreAsync(null, store => store.BeatAsync(run.Id, s, beat.Token));
                if (asked) cancel.Cancel();
            }
        });
        string status, finalStage;
        Reason? error = null;
        SitingOutcome? outcome = null;
        try
        {
            // The runner's caches, network and store are the run's city's.
            using var scope = scopes.CreateCityScope(run.CityId);
            var runner = scope.ServiceProvider.GetRequiredService<SitingRunner>();
            var result = await runner.RunAsync(run, s => stage = s, linked.Token);
            outcome = result;
            (status, finalStage) = (SitingRunStatus.Done, "done");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancel.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            (status, finalStage) = (SitingRunStatus.Failed, "failed");
            error = new($"the run reached its time limit of {run.TimeLimitSeconds:0.#} s while {stage}; give a longer timeLimitSeconds or fewer candidates (a coarser grid)",
                $"任务在“{stage}”阶段用完了 {run.TimeLimitSeconds:0.#} 秒的时限；请放宽时限，或减少候选点（加大网格间距）");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            (status, finalStage) = (SitingRunStatus.Interrupted, "interrupted");
            error = InterruptedError;
        }
        catch (OperationCanceledException)
        {
            (status, finalStage) = (SitingRunStatus.Cancelled, "cancelled");
        }
        catch (Exception e)
        {
            // Whatever went wrong, the run says so rather than staying "running" forever.
            log.LogWarning(e, "Siting run {Id} failed", run.Id);
            (status, finalStage, error) = (SitingRunStatus.Failed, "failed", new Reason(e.Message, $"选址计算出错：{e.Message}"));
        }
        beat.Cancel();
        try { await heart; } catch (OperationCanceledException) { }
        var elapsed = Math.Round(watch.Elapsed.TotalMilliseconds);
        // Written even while the service stops, so that nothing is left "running" by a clean shutdown.
        await WithStoreAsync(null, async store =>
        {
            await store.FinishAsync(run.Id, status, finalStage, error, elapsed, outcome, CancellationToken.None);
            return 0;
        });
        if (status == SitingRunStatus.Done) await RefreshDoneAsync(CancellationToken.None);
    }
}
