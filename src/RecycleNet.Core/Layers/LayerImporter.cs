using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;

using RecycleNet.Core.Input;
using RecycleNet.Core.Database;
using RecycleNet.Core.Import;

namespace RecycleNet.Core.Layers;

public enum ImportMode { Append, Replace }

/// <summary>What an import did, or why it did nothing.</summary>
/// <param name="DryRun">Checked only: <paramref name="Inserted"/> and <paramref name="Removed"/> say what applying would do; nothing was written.</param>
public sealed record ImportResult(
    bool Applied, int Inserted, int Removed, IReadOnlyList<long> Ids,
    IReadOnlyList<ImportError> Errors, Reason? Conflict, IReadOnlyList<string> IgnoredFields, bool DryRun = false);

/// <summary>
/// Validates every row of an import, then applies all of them in one transaction — or none: a single
/// bad row, or a conflict with features that refer to the ones being replaced, leaves the store as it was.
/// Also validates single-feature writes (POST, PUT) by the same rules.
/// </summary>
public sealed class LayerImporter(RecycleNetDb db, ImportOptions options)
{
    /// <summary>The store as validation of <paramref name="rows"/> needs it: the districts, and the communities only when a row refers to them.</summary>
    public async Task<ImportContext> LoadContextAsync(LayerDefinition layer, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var districts = await db.Districts.AsNoTracking().ToListAsync(ct);
        var communities = layer.RefersToCommunities(rows)
            ? (await db.Communities.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name))
            : [];
        var townships = layer.NeedsTownships ? await db.Townships.AsNoTracking().ToListAsync(ct) : [];
        var villages = layer.RefersToVillages(rows)
            ? (await db.Villages.AsNoTracking().Select(v => new { v.Id, v.Name }).ToListAsync(ct)).Select(v => (v.Id, v.Name))
            : [];
        return new ImportContext(new DistrictLocator(districts), ReferenceLookup.OfCommunities(communities), options,
            new TownshipLocator(townships), ReferenceLookup.OfVillages(villages));
    }

    /// <summary>Validates one row into a new entity of the layer; null when it has errors (added to the list).</summary>
    public static SpatialEntity? Validate(LayerDefinition layer, ImportRow row, DeclaredCrs crs, ImportContext ctx, List<ImportError> errors)
    {
        var before = errors.Count;
        var geometry = GeometryValidator.ToWgs84(row, layer, crs, errors);
        long? districtId = null;
        if (geometry is Point p && !ctx.Districts.IsEmpty)
        {
            var (district, metres) = ctx.Districts.Locate(p);
            if (metres > ctx.Options.DistrictToleranceM)
                errors.Add(new ImportError(row.Index, "geometry",
                    $"lies {metres:0} m outside every district (more than {ctx.Options.DistrictToleranceM:0} m); was it declared in the wrong CRS (declared {crs.Name})?",
                    $"位于所有区县之外 {metres:0} 米（超过 {ctx.Options.DistrictToleranceM:0} 米）；坐标系是否选错（所选为 {crs.Name}）？"));
            else districtId = district?.Id;
        }
        var entity = layer.Create();
        if (geometry is not null) entity.Geometry = geometry;
        layer.Read(new RowReader(row, errors), entity, ctx, districtId);
        return errors.Count == before ? entity : null;
    }

    /// <summary>Validates one feature for POST (<paramref name="updatingId"/> null) or PUT, by the import's rules.</summary>
    public async Task<(SpatialEntity? Entity, List<ImportError> Errors)> ValidateOneAsync(
        LayerDefinition layer, ImportRow row, DeclaredCrs crs, long? updatingId, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var entity = Validate(layer, row, crs, await LoadContextAsync(layer, [row], ct), errors);
        if (entity is not null) await layer.CheckBatchAsync(db, [(row.Index, entity)], false, updatingId, errors, ct);
        return (errors.Count == 0 ? entity : null, errors);
    }

    /// <param name="audit">Recorded in the import's own transaction when it applies (its detail gets the counts).</param>
    /// <param name="dryRun">Check every row and the replace's conflicts, and say what would be inserted and removed, writing nothing.</param>
    public async Task<ImportResult> ImportAsync(LayerDefinition layer, IReadOnlyList<ImportRow> rows, DeclaredCrs crs, ImportMode mode, CancellationToken ct,
        AuditEntry? audit = null, bool dryRun = false)
    {
        var errors = new List<ImportError>();
        if (rows.Count == 0) errors.Add(new ImportError(null, null, "the import holds no features or rows", "导入的文件里没有要素或数据行"));
        if (rows.Count > options.MaxRows)
            errors.Add(new ImportError(null, null, $"the import holds {rows.Count} rows; at most {options.MaxRows} are accepted at once", $"导入有 {rows.Count} 行；一次最多接受 {options.MaxRows} 行"));
        if (errors.Count > 0) return Refused(errors);

        var ctx = await LoadContextAsync(layer, rows, ct);
        var items = new List<(int, SpatialEntity)>(rows.Count);
        foreach (var row in rows)
            if (Validate(layer, row, crs, ctx, errors) is { } e) items.Add((row.Index, e));
        await layer.CheckBatchAsync(db, items, mode == ImportMode.Replace, null, errors, ct);
        if (errors.Count > 0) return Refused(errors);
        if (dryRun)
        {
            if (mode == ImportMode.Replace && await layer.ReplaceConflictAsync(db, ct) is { } refused) return new ImportResult(false, 0, 0, [], [], refused, []);
            return new ImportResult(false, items.Count, mode == ImportMode.Replace ? await layer.CountAsync(db, ct) : 0, [], [], null, IgnoredFields(layer, rows), DryRun: true);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var removed = 0;
        if (mode == ImportMode.Replace)
        {
            var conflict = await layer.ReplaceConflictAsync(db, ct);
            if (conflict is not null) return new ImportResult(false, 0, 0, [], [], conflict, []);
            removed = await layer.DeleteAllAsync(db, ct);
        }
        var entities = items.Select(i => i.Item2).ToList();
        layer.Add(db, entities);
        await db.SaveChangesAsync(ct);
        if (audit is not null)
        {
            audit.Detail = $"{mode.ToString().ToLowerInvariant()}: {entities.Count} inserted, {removed} removed";
            db.Audit.Add(audit);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new ImportResult(true, entities.Count, removed, entities.Select(e => e.Id).ToList(), [], null, IgnoredFields(layer, rows));
    }

    private static ImportResult Refused(List<ImportError> errors) => new(false, 0, 0, [], errors, null, []);

    /// <summary>Property names present in the rows that the layer does not use (reported, not an error).</summary>
    private static IReadOnlyList<string> IgnoredFields(LayerDefinition layer, IReadOnlyList<ImportRow> rows)
    {
        var known = layer.Fields.SelectMany(f => f.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return rows.SelectMany(r => r.Properties.Keys).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(k => !known.Contains(k) && !TableRowReader.GeometryColumns.Contains(k)).Take(50).ToList();
    }
}
