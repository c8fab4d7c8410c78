using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Model;

using RecycleNet.Core.Input;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Database;
using RecycleNet.Core.Features;

namespace RecycleNet.Core.Plans;

/// <summary>Something a plan touches that was changed since the plan was made: adoption refuses it.</summary>
/// <param name="CurrentVersion">Null: it was deleted.</param>
/// <param name="ChangedBy">The planner key's name of the last write to it (from the audit log), when known.</param>
public sealed record PlanConflict(string Layer, long Id, string Name, long BaseVersion, long? CurrentVersion, string? ChangedBy, DateTime? ChangedAt,
    Reason Reason);

/// <summary>What adopting (or reverting) a plan came to.</summary>
public abstract record PlanOutcome
{
    public sealed record Adopted(Plan Plan, PlanAdoption Adoption) : PlanOutcome;
    /// <summary>A draft replaced (the plan as it is now) or deleted.</summary>
    public sealed record Written(Plan Plan) : PlanOutcome;
    public sealed record Conflicts(IReadOnlyList<PlanConflict> List) : PlanOutcome;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : PlanOutcome;
    public sealed record NotFound : PlanOutcome;
    /// <summary>The plan is not in a state for it (adopting an adopted plan, reverting a draft).</summary>
    public sealed record Refused(Reason Reason) : PlanOutcome;
    /// <summary>Someone else changed the plan first: the plan as it is now.</summary>
    public sealed record Stale(Plan Current) : PlanOutcome;
}

/// <summary>
/// The store contract for plans: list, get, add, replace and delete against an expected version (drafts only), each with
/// its audit entry in one transaction; adoption — every change of the plan written to the layers in one transaction, or
/// none when anything it touches was changed since the plan was made — and revert, a plan of its own that undoes an
/// adoption exactly.
/// </summary>
public sealed class PlanStore(RecycleNetDb db)
{
    public Task<List<Plan>> ListAsync(CancellationToken ct) => db.Set<Plan>().AsNoTracking().OrderByDescending(p => p.Id).ToListAsync(ct);

    public Task<Plan?> GetAsync(long id, CancellationToken ct) => db.Set<Plan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<Plan> AddAsync(string name, PlanChanges changes, AuditEntry audit, CancellationToken ct)
    {
        var plan = new Plan { Name = name, Author = audit.Planner, Created = audit.At, Updated = audit.At, Changes = changes.ToJson() };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        await AuditAsync(audit, "plans", plan.Id, null, plan.Version, $"{changes.Count} changes", ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return plan;
    }

    /// <summary>Replaces a draft's name and changes if it is still at <paramref name="expectedVersion"/>.</summary>
    public async Task<PlanOutcome> ReplaceAsync(long id, long expectedVersion, string name, PlanChanges changes, AuditEntry audit, CancellationToken ct)
    {
        if (await GetAsync(id, ct) is not { } current) return new PlanOutcome.NotFound();
        if (current.Status != PlanStatus.Draft) return new PlanOutcome.Refused(new($"plan {id} is {current.Status.Name()}: only a draft changes", $"方案 {id} 的状态为“{ReportWords.PlanStatusZh(current.Status)}”：只有草稿可以修改"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        current.Name = name;
        current.Changes = changes.ToJson();
        current.Updated = audit.At;
        db.Replacing(current, expectedVersion);
        if (!await db.TrySaveAsync(tx, ct)) return await GetAsync(id, ct) is { } now ? new PlanOutcome.Stale(now) : new PlanOutcome.NotFound();
        await AuditAsync(audit, "plans", id, expectedVersion, current.Version, $"{changes.Count} changes", ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new PlanOutcome.Written(current);
    }

    public async Task<PlanOutcome> DeleteAsync(long id, long expectedVersion, AuditEntry audit, CancellationToken ct)
    {
        if (await GetAsync(id, ct) is not { } current) return new PlanOutcome.NotFound();
        if (current.Status == PlanStatus.Adopted) return new PlanOutcome.Refused(new($"plan {id} is adopted: revert it first (its record is what a revert undoes)", $"方案 {id} 已采纳：请先撤销（撤销依据的就是它的采纳记录）"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<Plan>().Where(p => p.Id == id && p.Version == expectedVersion).ExecuteDeleteAsync(ct) == 0)
        {
            await tx.RollbackAsync(ct);
            return await GetAsync(id, ct) is { } now ? new PlanOutcome.Stale(now) : new PlanOutcome.NotFound();
        }
        await AuditAsync(audit, "plans", id, expectedVersion, null, null, ct);
        await tx.CommitAsync(ct);
        return new PlanOutcome.Written(current);
    }

    /// <summary>
    /// Writes every change of plan <paramref name="id"/> to the layers in one transaction, with an audit entry for each
    /// feature and one for the adoption — or nothing, answering the conflicts, when a feature it touches is not at the
    /// version the plan was made from. <paramref name="city"/> is the city as it is (its snapshot).
    /// </summary>
    public async Task<PlanOutcome> AdoptAsync(long id, CitySnapshot city, Func<AuditEntry> audit, CancellationToken ct)
    {
        if (await GetAsync(id, ct) is not { } plan) return new PlanOutcome.NotFound();
        if (plan.Status != PlanStatus.Draft) return AlreadyNot(plan, PlanStatus.Draft);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The plan's row is claimed first, in the transaction of its writes: of two adoptions at once, the second's claim
        // waits for the first's commit, then finds the version moved and writes nothing.
        if (!await ClaimAsync(plan, PlanStatus.Draft, PlanStatus.Draft, audit().At, ct))
        {
            await tx.RollbackAsync(ct);
            return await LostClaimAsync(id, PlanStatus.Draft, ct);
        }
        var outcome = await AdoptInAsync(plan, city, audit, claimed: true, ct);
        if (outcome is PlanOutcome.Adopted) await tx.CommitAsync(ct);
        else await tx.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        return outcome;
    }

    /// <summary>
    /// Moves plan <paramref name="plan"/> from its version and <paramref name="from"/> status to the next version and
    /// <paramref name="to"/>, in one conditional UPDATE: true when this writer got it.
    /// </summary>
    private async Task<bool> ClaimAsync(Plan plan, PlanStatus from, PlanStatus to, DateTime at, CancellationToken ct) =>
        await db.Set<Plan>().Where(p => p.Id == plan.Id && p.Version == plan.Version && p.Status == from)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Version, plan.Version + 1).SetProperty(p => p.Status, to).SetProperty(p => p.Updated, at), ct) == 1;

    /// <summary>Why a claim was lost: the plan is gone, no longer in <paramref name="status"/> (adopted or reverted by the other writer), or changed.</summary>
    private async Task<PlanOutcome> LostClaimAsync(long id, PlanStatus status, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await GetAsync(id, ct) is not { } now) return new PlanOutcome.NotFound();
        return now.Status != status ? AlreadyNot(now, status) : new PlanOutcome.Stale(now);
    }

    private static PlanOutcome AlreadyNot(Plan plan, PlanStatus wanted) => wanted == PlanStatus.Draft
        ? new PlanOutcome.Refused(new($"plan {plan.Id} is {plan.Status.Name()}: only a draft is adopted", $"方案 {plan.Id} 的状态为“{ReportWords.PlanStatusZh(plan.Status)}”：只有草稿可以采纳"))
        : new PlanOutcome.Refused(new($"plan {plan.Id} is {plan.Status.Name()}: only an adopted plan is reverted", $"方案 {plan.Id} 的状态为“{ReportWords.PlanStatusZh(plan.Status)}”：只有已采纳的方案可以撤销"));

    /// <summary>
    /// Undoes adopted plan <paramref name="id"/> by a plan of its own, adopted at once: the features it created are
    /// removed, and those it changed get back their properties and place. Refused with the conflicts when any of them
    /// was changed after the adoption.
    /// </summary>
    public async Task<PlanOutcome> RevertAsync(long id, CitySnapshot city, Func<AuditEntry> audit, CancellationToken ct)
    {
        if (await GetAsync(id, ct) is not { } plan) return new PlanOutcome.NotFound();
        if (plan.Status != PlanStatus.Adopted || plan.Adoption is null) return AlreadyNot(plan, PlanStatus.Adopted);
        if (plan.RevertOf is not null) return new PlanOutcome.Refused(new($"plan {id} reverts plan {plan.RevertOf}: adopt that plan's changes again in a new plan instead",
            $"方案 {id} 是对方案 {plan.RevertOf} 的撤销：如要恢复那些变更，请新建方案再采纳"));
        var adoption = JsonSerializer.Deserialize<PlanAdoption>(plan.Adoption, PlanChanges.Json)!;
        var inverse = new PlanChanges
        {
            Remove = [.. adoption.Created.Select(c => new PlanRef(c.Layer, c.Id, c.Version))],
            Update = [.. adoption.Previous.Where(p => p.VersionAfter is not null).Select(p =>
            {
                var at = p.Feature.GetProperty("geometry").GetProperty("coordinates");
                return new PlanUpdate(p.Layer, p.Id, p.Feature.GetProperty("properties"), p.VersionAfter!.Value, at[0].GetDouble(), at[1].GetDouble());
            })],
        };
        var first = audit();
        var revert = new Plan
        {
            Name = $"撤销：{plan.Name}", Author = first.Planner, Created = first.At, Updated = first.At, Changes = inverse.ToJson(), RevertOf = plan.Id,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The adopted plan is claimed first, as an adoption claims its draft: two reverts at once make one revert plan.
        if (!await ClaimAsync(plan, PlanStatus.Adopted, PlanStatus.Reverted, first.At, ct))
        {
            await tx.RollbackAsync(ct);
            return await LostClaimAsync(id, PlanStatus.Adopted, ct);
        }
        db.Add(revert);
        await db.SaveChangesAsync(ct);
        var outcome = await AdoptInAsync(revert, city, audit, claimed: false, ct);
        if (outcome is not PlanOutcome.Adopted)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return outcome;
        }
        await AuditAsync(audit(), "plans", plan.Id, plan.Version, plan.Version + 1, $"reverted by plan {revert.Id}", ct, "revert-plan");
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return outcome;
    }

    /// <param name="claimed">The plan's row was claimed (its version moved) by the caller; else the adoption moves it.</param>
    private async Task<PlanOutcome> AdoptInAsync(Plan plan, CitySnapshot city, Func<AuditEntry> audit, bool claimed, CancellationToken ct)
    {
        var changes = PlanChanges.FromJson(plan.Changes);
        var conflicts = await ConflictsAsync(changes, ct);
        if (conflicts.Count > 0) return new PlanOutcome.Conflicts(conflicts);
        var applied = PlanApplier.Apply(city, changes);
        if (!applied.Valid) return new PlanOutcome.Invalid(applied.Errors);

        var detail = $"plan {plan.Id}: {plan.Name}";
        var previous = new List<PlanPrevious>();
        var baseOf = changes.Touched().ToDictionary(t => (t.Layer, t.Id), t => t.BaseVersion);
        foreach (var (layerName, before) in applied.Removed)
        {
            var layer = LayerCatalog.Find(layerName)!;
            var baseVersion = baseOf[(layerName, before.Id)];
            if (await layer.DeleteConflictAsync(db, before.Id, ct) is { } why)
                return new PlanOutcome.Conflicts([new PlanConflict(layerName, before.Id, before.Name, baseVersion, before.Version, null, null, why)]);
            previous.Add(new PlanPrevious(layerName, before.Id, FeatureJson(layer, before), baseVersion, null));
            Audit(audit(), layerName, before.Id, baseVersion, null, detail, "delete");
        }
        // One DELETE per layer and base version, naming the version: a 2,000-feature revert is a statement or two, not
        // 2,000 round trips; a feature changed meanwhile leaves the count short, and the adoption answers its conflicts.
        foreach (var group in applied.Removed.GroupBy(r => (r.Layer, Version: baseOf[(r.Layer, r.Before.Id)])))
        {
            var ids = group.Select(r => r.Before.Id).ToList();
            if (await LayerCatalog.Find(group.Key.Layer)!.DeleteAsync(db, ids, group.Key.Version, ct) != ids.Count)
                return new PlanOutcome.Conflicts(await ConflictsAsync(changes, ct));
        }
        foreach (var (layerName, before, after) in applied.Replaced)
        {
            var expected = baseOf[(layerName, before.Id)];
            db.Replacing(after, expected);
            previous.Add(new PlanPrevious(layerName, before.Id, FeatureJson(LayerCatalog.Find(layerName)!, before), expected, expected + 1));
        }
        foreach (var (layerName, _, entity) in applied.Added)
        {
            entity.Id = 0; // the store's own id, not the provisional one
            LayerCatalog.Find(layerName)!.Add(db, [entity]);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone wrote between the check and the UPDATE: the UPDATE named the plan's version and changed nothing.
            db.ChangeTracker.Clear();
            return new PlanOutcome.Conflicts(await ConflictsAsync(changes, ct));
        }
        // Every entry is added, then written by one save with the plan's own: a 2,000-change plan is a few statements'
        // batches, not 2,000 saves each scanning everything tracked.
        foreach (var (layerName, before, _) in applied.Replaced)
            Audit(audit(), layerName, before.Id, baseOf[(layerName, before.Id)], baseOf[(layerName, before.Id)] + 1, detail, "replace");
        var created = applied.Added.Select(a => new PlanCreated(a.Layer, a.Entity.Id, a.Entity.Version)).ToList();
        foreach (var c in created) Audit(audit(), c.Layer, c.Id, null, c.Version, detail, "create");

        var adoption = new PlanAdoption(created, previous);
        var tracked = await db.Set<Plan>().FirstAsync(p => p.Id == plan.Id, ct);
        var entry = audit();
        tracked.Status = PlanStatus.Adopted;
        tracked.AdoptedAt = entry.At;
        tracked.AdoptedBy = entry.Planner;
        tracked.Adoption = JsonSerializer.Serialize(adoption, PlanChanges.Json);
        tracked.Updated = entry.At;
        if (!claimed) tracked.Version++;
        Audit(entry, "plans", plan.Id, tracked.Version - 1, tracked.Version,
            $"{created.Count} created, {applied.Replaced.Count} changed, {applied.Removed.Count} removed", "adopt-plan");
        await db.SaveChangesAsync(ct);
        return new PlanOutcome.Adopted(tracked, adoption);
    }

    /// <summary>The features the plan touches that are no longer at the plan's version, each with who changed it last.</summary>
    private async Task<List<PlanConflict>> ConflictsAsync(PlanChanges changes, CancellationToken ct)
    {
        var list = new List<PlanConflict>();
        // Each layer's touched features in one query: a 2,000-feature revert checks its versions in one round trip.
        var current = new Dictionary<(string Layer, long Id), SpatialEntity>();
        foreach (var layerGroup in changes.Touched().GroupBy(t => t.Layer))
            if (LayerCatalog.Find(layerGroup.Key) is { } layer)
                foreach (var e in await layer.FindAsync(db, [.. layerGroup.Select(t => t.Id).Distinct()], ct))
                    current[(layerGroup.Key, e.Id)] = e;
        foreach (var (layerName, id, baseVersion) in changes.Touched())
        {
            if (LayerCatalog.Find(layerName) is null) continue;
            var now = current.GetValueOrDefault((layerName, id));
            if (now is not null && now.Version == baseVersion) continue;
            var last = await db.LastWriteAsync(layerName, id, ct);
            list.Add(new PlanConflict(layerName, id, now?.Name ?? "", baseVersion, now?.Version, last?.Planner, last?.At,
                now is null ? new Reason($"{layerName}/{id} was deleted after the plan was made", $"{layerName}/{id} 在方案编制后已被删除")
                : new Reason($"{layerName}/{id} is at version {now.Version}, not the plan's {baseVersion}: {last?.Planner ?? "someone"} changed it",
                    $"{layerName}/{id}（{now.Name}）现为第 {now.Version} 版，不是方案所依据的第 {baseVersion} 版：{last?.Planner ?? "有人"}修改了它")));
        }
        return list;
    }

    /// <summary>A feature as GeoJSON with full-precision coordinates (what a revert restores).</summary>
    private static JsonElement FeatureJson(LayerDefinition layer, SpatialEntity e)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms)) GeoJsonWriter.WriteFeature(w, layer, e, LayerLookups.Empty, decimals: 15);
        return JsonDocument.Parse(ms.ToArray()).RootElement.Clone();
    }

    private async Task AuditAsync(AuditEntry entry, string target, long id, long? before, long? after, string? detail, CancellationToken ct,
        string? action = null)
    {
        Audit(entry, target, id, before, after, detail, action);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds an audit entry to be written by the next save (in the same transaction).</summary>
    private void Audit(AuditEntry entry, string target, long id, long? before, long? after, string? detail, string? action = null)
    {
        (entry.Target, entry.FeatureId, entry.VersionBefore, entry.VersionAfter) = (target, id, before, after);
        if (action is not null) entry.Action = action;
        if (detail is not null) entry.Detail = detail;
        db.Audit.Add(entry);
    }
}
