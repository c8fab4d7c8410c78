using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Features;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Import;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Model;

using RecycleNet.Core.Input;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Database;

namespace RecycleNet.Core.Storage;

/// <summary>What a write to the store came to; the HTTP layer only translates it (201/200/204, 404, 409, 412, 422).</summary>
public abstract record WriteOutcome<T>
{
    public sealed record Written(T Entity, bool Created) : WriteOutcome<T>;
    public sealed record Deleted : WriteOutcome<T>;
    public sealed record NotFound : WriteOutcome<T>;
    public sealed record Invalid(IReadOnlyList<ImportError> Errors) : WriteOutcome<T>;
    /// <summary>Someone else wrote first: the record as it is now.</summary>
    public sealed record Stale(T Current) : WriteOutcome<T>;
    /// <summary>Other records refer to it (a mobile station serving a community).</summary>
    public sealed record Conflict(Reason Reason) : WriteOutcome<T>;
}

/// <summary>
/// The store contract for the map layers, the same over both stores (<see cref="RecycleNetDb"/>, SQLite; and
/// <see cref="PostgresRecycleNetDb"/>, PostgreSQL + PostGIS), in the spirit of a pygeoapi provider: load the city
/// snapshot, query a layer (bbox, properties, dates, the CQL2 syntax tree, paging) where the store can run it, get one
/// feature, and add, replace or delete one against an expected version, each write with its audit entry in one
/// transaction; imports go through <see cref="LayerImporter"/> on the same context, all or nothing. The rules live here;
/// endpoints read HTTP in and write HTTP out.
/// </summary>
public sealed class FeatureStore(RecycleNetDb db)
{
    /// <summary>The city, for the analyses: <paramref name="reload"/> read again, the rest taken from <paramref name="previous"/>.</summary>
    public Task<CitySnapshot> LoadCityAsync(CitySnapshot? previous, CityParts reload, CancellationToken ct) =>
        CitySnapshotLoader.LoadAsync(db, previous, reload, ct);

    public Task<SpatialEntity?> GetAsync(LayerDefinition layer, long id, CancellationToken ct) => layer.FindAsync(db, id, ct);

    /// <summary>Every feature of a layer, ordered by id.</summary>
    public Task<List<SpatialEntity>> ListAsync(LayerDefinition layer, CancellationToken ct) => layer.ListAsync(db, ct);

    /// <summary>What writing a layer's properties needs (district and township names; not the outlines, whose geometry is heavy).</summary>
    public async Task<LayerLookups> LookupsAsync(CancellationToken ct) =>
        new(await db.Districts.AsNoTracking().Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, ct))
        {
            TownshipNames = await db.Townships.AsNoTracking().Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, ct),
        };

    /// <summary>
    /// The query as this store would run it — a PostGIS WHERE clause — or null when the store cannot (SQLite has no
    /// spatial functions) or the query names a property it does not keep in a column: the caller's in-memory table answers.
    /// </summary>
    public SqlWhere? Plan(LayerDefinition layer, FeatureQuery q)
    {
        if (!db.Database.IsNpgsql()) return null;
        if (q.Bbox is null && q.Filter is null && q.PropertyEquals.Count == 0 && !q.HasDates) return null;
        return PostgisFilter.Translate(q, layer, db.Model.FindEntityType(layer.EntityType)!, db.CityId);
    }

    /// <summary>One page of a <see cref="Plan"/>, with its count, from one snapshot of the database.</summary>
    public async Task<FeaturePage> QueryAsync(LayerDefinition layer, SqlWhere plan, FeatureQuery q, CancellationToken ct) =>
        await SqlFeaturePages.QueryAsync(db, layer, plan, q.Offset, q.Limit,
            layer.UsesLookups ? await LookupsAsync(ct) : LayerLookups.Empty, ct);

    /// <summary>Rows into a layer, appended or replacing it, all or nothing, with <paramref name="audit"/> in the same transaction.</summary>
    public Task<ImportResult> ImportAsync(LayerDefinition layer, IReadOnlyList<ImportRow> rows, DeclaredCrs crs, ImportMode mode,
        AuditEntry audit, CancellationToken ct, bool dryRun = false) =>
        new LayerImporter(db, new ImportOptions()).ImportAsync(layer, rows, crs, mode, ct, audit, dryRun);

    /// <summary>The last write to a feature of <paramref name="layer"/>: who and when (a refused write says so).</summary>
    public Task<AuditEntry?> LastWriteAsync(LayerDefinition layer, long id, CancellationToken ct) => db.LastWriteAsync(layer.Name, id, ct);

    /// <summary>The audit log, newest first: one page and the total.</summary>
    public async Task<(int Total, List<AuditEntry> Entries)> AuditAsync(int offset, int limit, CancellationToken ct) =>
        (await db.Audit.CountAsync(ct), await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Skip(offset).Take(limit).ToListAsync(ct));

    /// <summary>Validates the row and adds it as a new feature (version 1), with <paramref name="audit"/>.</summary>
    public async Task<WriteOutcome<SpatialEntity>> AddAsync(LayerDefinition layer, ImportRow row, DeclaredCrs crs, AuditEntry audit, CancellationToken ct)
    {
        var (entity, errors) = await new LayerImporter(db, new ImportOptions()).ValidateOneAsync(layer, row, crs, null, ct);
        if (entity is null) return new WriteOutcome<SpatialEntity>.Invalid(errors);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        layer.Add(db, [entity]);
        await db.SaveChangesAsync(ct);
        await AuditAsync(audit, entity.Id, null, entity.Version, ct);
        await tx.CommitAsync(ct);
        return new WriteOutcome<SpatialEntity>.Written(entity, Created: true);
    }

    /// <summary>
    /// Replaces feature <paramref name="id"/> by the row if it is still at <paramref name="expectedVersion"/>. The UPDATE
    /// itself names that version, so of two writers from the same version exactly one wins; the other gets
    /// <see cref="WriteOutcome{T}.Stale"/> with the feature as the winner left it.
    /// </summary>
    public async Task<WriteOutcome<SpatialEntity>> ReplaceAsync(LayerDefinition layer, long id, long expectedVersion, ImportRow row, DeclaredCrs crs,
        AuditEntry audit, CancellationToken ct)
    {
        var (entity, errors) = await new LayerImporter(db, new ImportOptions()).ValidateOneAsync(layer, row, crs, id, ct);
        if (entity is null) return new WriteOutcome<SpatialEntity>.Invalid(errors);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        entity.Id = id;
        db.Replacing(entity, expectedVersion);
        if (!await db.TrySaveAsync(tx, ct)) return await CurrentAsync(layer, id, ct);
        await AuditAsync(audit, id, expectedVersion, entity.Version, ct);
        await tx.CommitAsync(ct);
        return new WriteOutcome<SpatialEntity>.Written(entity, Created: false);
    }

    /// <summary>Deletes feature <paramref name="id"/> if it is still at <paramref name="expectedVersion"/> and nothing refers to it.</summary>
    public async Task<WriteOutcome<SpatialEntity>> DeleteAsync(LayerDefinition layer, long id, long expectedVersion, AuditEntry audit, CancellationToken ct)
    {
        if (await layer.DeleteConflictAsync(db, id, ct) is { } conflict) return new WriteOutcome<SpatialEntity>.Conflict(conflict);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await layer.DeleteAsync(db, id, expectedVersion, ct) == 0)
        {
            await tx.RollbackAsync(ct);
            return await CurrentAsync(layer, id, ct);
        }
        await AuditAsync(audit, id, expectedVersion, null, ct);
        await tx.CommitAsync(ct);
        return new WriteOutcome<SpatialEntity>.Deleted();
    }

    private async Task<WriteOutcome<SpatialEntity>> CurrentAsync(LayerDefinition layer, long id, CancellationToken ct) =>
        await layer.FindAsync(db, id, ct) is { } now ? new WriteOutcome<SpatialEntity>.Stale(now) : new WriteOutcome<SpatialEntity>.NotFound();

    /// <summary>The audit entry of a write, completed with what was written, inside the write's transaction.</summary>
    private async Task AuditAsync(AuditEntry entry, long id, long? before, long? after, CancellationToken ct)
    {
        (entry.FeatureId, entry.VersionBefore, entry.VersionAfter) = (id, before, after);
        db.Audit.Add(entry);
        await db.SaveChangesAsync(ct);
    }
}
