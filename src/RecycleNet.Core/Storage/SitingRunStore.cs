using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Model;

using RecycleNet.Core.Input;
using RecycleNet.Core.Database;

namespace RecycleNet.Core.Storage;

/// <summary>
/// The store contract for siting runs, the same over both stores: queue one, claim the oldest queued (an UPDATE only
/// one instance can win), beat while running (stage, proof of life, whether a cancel was asked), end it with its
/// answer and proposals in one transaction, mark orphans, and read runs and the latest proposals of each kind.
/// Scheduling — workers, deadlines, waking — is the service's (Api/Siting/SitingJobs).
/// </summary>
public sealed class SitingRunStore(RecycleNetDb db)
{
    public Task<SitingRun?> FindAsync(Guid id, CancellationToken ct) => db.SitingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>How many runs are done: moves whenever one finishes, on any instance.</summary>
    public Task<long> CountDoneAsync(CancellationToken ct) => db.SitingRuns.LongCountAsync(r => r.Status == SitingRunStatus.Done, ct);

    /// <summary>Queues a run, with its audit entry in the same transaction; null when <paramref name="queueLimit"/> runs are waiting already.</summary>
    public async Task<SitingRun?> EnqueueAsync(string kind, double timeLimitSeconds, string request, string planner, int queueLimit,
        Func<SitingRun, AuditEntry> audit, CancellationToken ct)
    {
        if (await db.SitingRuns.CountAsync(r => r.Status == SitingRunStatus.Queued, ct) >= Math.Max(1, queueLimit)) return null;
        var run = new SitingRun
        {
            Id = Guid.NewGuid(), Kind = kind, TimeLimitSeconds = timeLimitSeconds, Request = request, Planner = planner, Created = DateTime.UtcNow,
        };
        db.SitingRuns.Add(run);
        db.Audit.Add(audit(run));
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>
    /// Asks for a cancel: a queued run ends at once, a running one when its instance next beats (true). False when the run
    /// has already ended, null when there is no such run.
    /// </summary>
    public async Task<bool?> CancelAsync(Guid id, CancellationToken ct)
    {
        if (await db.SitingRuns.Where(r => r.Id == id && r.Status == SitingRunStatus.Queued)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, SitingRunStatus.Cancelled).SetProperty(r => r.Stage, "cancelled")
                    .SetProperty(r => r.CancelRequested, true), ct) > 0) return true;
        // Only a running run takes the request: the update waits for a finish being written and then finds the run ended, so
        // a cancel is either accepted before the end (and wins, FinishAsync) or answered as too late — never both.
        if (await db.SitingRuns.Where(r => r.Id == id && r.Status == SitingRunStatus.Running)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.CancelRequested, true), ct) > 0) return true;
        return await db.SitingRuns.AnyAsync(r => r.Id == id, ct) ? false : null;
    }

    /// <summary>Seconds of time limits still ahead of the queued and running runs, shared by <paramref name="workers"/>.</summary>
    public async Task<int> SecondsAheadAsync(int workers, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var ahead = (await db.SitingRuns.AsNoTracking().Where(r => r.Status == SitingRunStatus.Queued || r.Status == SitingRunStatus.Running)
                .Select(r => new { r.TimeLimitSeconds, r.Started }).ToListAsync(ct))
            .Sum(r => Math.Max(1, r.TimeLimitSeconds - (r.Started is { } s ? (now - s).TotalSeconds : 0)));
        return Math.Max(1, (int)Math.Ceiling(ahead / Math.Max(1, workers)));
    }

    /// <summary>The proposals of the latest done run of <paramref name="kind"/>, by rank; none when no run of it is done.</summary>
    public async Task<List<SitingProposal>> LatestProposalsAsync(string kind, CancellationToken ct)
    {
        var run = await db.SitingRuns.AsNoTracking().Where(r => r.Kind == kind && r.Status == SitingRunStatus.Done)
            .OrderByDescending(r => r.Started).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        return run is { } id ? await db.SitingProposals.AsNoTracking().Where(p => p.RunId == id).OrderBy(p => p.Rank).ToListAsync(ct) : [];
    }

    /// <summary>Runs left "running" by an instance that stopped (no heartbeat since <paramref name="staleBefore"/>) can never finish: say so.</summary>
    public Task<int> MarkOrphansAsync(DateTime staleBefore, Reason error, CancellationToken ct) =>
        db.SitingRuns.Where(r => r.Status == SitingRunStatus.Running && (r.Heartbeat == null || r.Heartbeat < staleBefore))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, SitingRunStatus.Interrupted).SetProperty(r => r.Stage, "interrupted")
                .SetProperty(r => r.Error, error.En).SetProperty(r => r.ErrorZh, error.Zh), ct);

    /// <summary>The oldest queued run, claimed for <paramref name="owner"/>; null when none is left to claim.</summary>
    public async Task<SitingRun?> ClaimAsync(string owner, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var next = await db.SitingRuns.AsNoTracking().Where(r => r.Status == SitingRunStatus.Queued).OrderBy(r => r.Created)
                .Select(r => r.Id).FirstOrDefaultAsync(ct);
            if (next == Guid.Empty) return null;
            var now = DateTime.UtcNow;
            // Only one instance's UPDATE finds it still queued.
            if (await db.SitingRuns.Where(r => r.Id == next && r.Status == SitingRunStatus.Queued)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, SitingRunStatus.Running).SetProperty(r => r.Owner, owner)
                        .SetProperty(r => r.Started, now).SetProperty(r => r.Heartbeat, now).SetProperty(r => r.Stage, "starting"), ct) == 1)
                return await db.SitingRuns.AsNoTracking().FirstAsync(r => r.Id == next, ct);
        }
        return null;
    }

    /// <summary>The running instance's heartbeat with its stage; true when someone asked for a cancel.</summary>
    public async Task<bool> BeatAsync(Guid id, string stage, CancellationToken ct)
    {
        await db.SitingRuns.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Heartbeat, DateTime.UtcNow).SetProperty(r => r.Stage, stage), ct);
        return await db.SitingRuns.Where(r => r.Id == id).Select(r => r.CancelRequested).FirstAsync(ct);
    }

    /// <summary>The run's end and, when done, everything it found, in one transaction: a done run always has its result.</summary>
    public async Task FinishAsync(Guid id, string status, string stage, Reason? error, double elapsedMs, SitingOutcome? outcome, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A cancel accepted while the run was running wins over its result (its DELETE was answered 202). The claim is one
        // conditional UPDATE, so a cancel arriving meanwhile waits for this transaction and then finds the run ended.
        if (status == SitingRunStatus.Done && await db.SitingRuns.Where(r => r.Id == id && !r.CancelRequested)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, SitingRunStatus.Done), ct) == 0)
            (status, stage, outcome) = (SitingRunStatus.Cancelled, "cancelled", null);
        var run = await db.SitingRuns.FirstAsync(r => r.Id == id, ct);
        (run.Status, run.Stage, run.Error, run.ErrorZh, run.ElapsedMs) = (status, stage, error?.En, error?.Zh, elapsedMs);
        if (status == SitingRunStatus.Done && outcome is not null)
        {
            run.Result = outcome.Result;
            db.SitingProposals.AddRange(outcome.Proposals.Select(p => { p.RunId = id; return p; }));
            db.SitingAssignments.AddRange(outcome.Assignments.Select(a => { a.RunId = id; return a; }));
            db.SitingCenterLoads.AddRange(outcome.Loads.Select(l => { l.RunId = id; return l; }));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>What a done run found, or null when it has no result (not done, or failed).</summary>
    public async Task<SitingOutcome?> OutcomeAsync(SitingRun run, CancellationToken ct)
    {
        if (run.Result is not { } result) return null;
        return new SitingOutcome(result,
            await db.SitingProposals.AsNoTracking().Where(p => p.RunId == run.Id).OrderBy(p => p.Rank).ToListAsync(ct),
            await db.SitingAssignments.AsNoTracking().Where(a => a.RunId == run.Id).OrderBy(a => a.Id).ToListAsync(ct),
            await db.SitingCenterLoads.AsNoTracking().Where(l => l.RunId == run.Id).OrderBy(l => l.Id).ToListAsync(ct));
    }
}
