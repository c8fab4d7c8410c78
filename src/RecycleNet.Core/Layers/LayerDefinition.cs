using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Import;
using RecycleNet.Core.Model;

using RecycleNet.Core.Input;
using RecycleNet.Core.Database;

namespace RecycleNet.Core.Layers;

/// <summary>A property of a layer: its camelCase name, JSON type, meaning, and accepted import aliases (e.g. Chinese headers).</summary>
public sealed record LayerField(string Name, string Type, string Description, params string[] Aliases)
{
    public IEnumerable<string> Keys => Aliases.Prepend(Name);
}

/// <summary>
/// What the service knows of one map layer: its URL name, geometry kind, properties, and how a feature's
/// properties are written (GeoJSON) and read back (import, POST, PUT). One subclass per layer keeps every
/// property name in one place.
/// </summary>
public abstract class LayerDefinition
{
    /// <summary>URL segment and collection id, e.g. "sorting-centers".</summary>
    public abstract string Name { get; }

    /// <summary>Human title, Chinese then English.</summary>
    public abstract string Title { get; }

    /// <summary>The Chinese part of <see cref="Title"/> (e.g. 回收网点), for Chinese messages.</summary>
    public string TitleZh => Title.Split(' ', 2)[0];

    /// <summary>True for point layers, false for the (multi)polygon district layer.</summary>
    public abstract bool IsPoint { get; }

    public abstract IReadOnlyList<LayerField> Fields { get; }

    /// <summary>The date property datetime filters test (e.g. an outlet's opening date), or null.</summary>
    public virtual string? DateField => null;

    /// <summary>Where the layer's data comes from and what it holds, for catalogues (OGC collection descriptions).</summary>
    public abstract string Description { get; }

    public abstract Type EntityType { get; }

    // Non-generic entry points so endpoints and the importer can treat every layer alike.
    /// <summary>All features, ordered by id, not tracked.</summary>
    public abstract Task<List<SpatialEntity>> ListAsync(RecycleNetDb db, CancellationToken ct);
    public abstract Task<SpatialEntity?> FindAsync(RecycleNetDb db, long id, CancellationToken ct);
    /// <summary>Deletes one feature if it is still at <paramref name="version"/>; returns how many rows went (0 or 1).</summary>
    public abstract Task<int> DeleteAsync(RecycleNetDb db, long id, long version, CancellationToken ct);
    /// <summary>Those of the features that exist, in one query, untracked.</summary>
    public abstract Task<List<SpatialEntity>> FindAsync(RecycleNetDb db, IReadOnlyCollection<long> ids, CancellationToken ct);
    /// <summary>Deletes those of the features that are at <paramref name="version"/>, in one statement; how many went.</summary>
    public abstract Task<int> DeleteAsync(RecycleNetDb db, IReadOnlyCollection<long> ids, long version, CancellationToken ct);
    /// <summary>The rows a complete SELECT over the layer's table returns (its text built by the store's translator, values bound).</summary>
    public abstract Task<List<SpatialEntity>> QueryRawAsync(RecycleNetDb db, string sql, object[] parameters, CancellationToken ct);
    public abstract SpatialEntity Create();
    public abstract void Add(RecycleNetDb db, IEnumerable<SpatialEntity> entities);
    public abstract Task<int> DeleteAllAsync(RecycleNetDb db, CancellationToken ct);
    public abstract Task<int> CountAsync(RecycleNetDb db, CancellationToken ct);
    /// <summary>The feature's properties in <see cref="Fields"/> order: string, long, double, bool, DateOnly, a list of those, or null.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, object?>> Properties(SpatialEntity entity, LayerLookups lookups);

    public abstract void Read(RowReader r, SpatialEntity target, ImportContext ctx, long? locatedDistrictId);

    /// <summary>
    /// Whether some row refers to communities (a mobile station's served list), so validation needs the store's
    /// communities by id and name: with a million of them, a write that does not refer to any must not read them.
    /// </summary>
    public virtual bool RefersToCommunities(IEnumerable<ImportRow> rows) => false;

    /// <summary>Whether some row refers to villages (a waste-sorting point's village), so validation needs them by id and name.</summary>
    public virtual bool RefersToVillages(IEnumerable<ImportRow> rows) => false;

    /// <summary>Whether validation places features in townships (villages, transfer stations).</summary>
    public virtual bool NeedsTownships => false;

    /// <summary>Whether the layer's properties name other rows (a district, a township) through <see cref="LayerLookups"/>.</summary>
    public virtual bool UsesLookups => false;

    /// <summary>Rules across the rows of one import and the store (e.g. unique codes); default none.</summary>
    /// <param name="replacing">The layer's current features are about to be replaced, so they do not count.</param>
    /// <param name="updatingId">The feature a PUT rewrites, which does not conflict with itself.</param>
    public virtual Task CheckBatchAsync(RecycleNetDb db, IReadOnlyList<(int Index, SpatialEntity Entity)> items,
        bool replacing, long? updatingId, List<ImportError> errors, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Why all features of this layer cannot be replaced now (other layers refer to them), or null.</summary>
    public virtual Task<Reason?> ReplaceConflictAsync(RecycleNetDb db, CancellationToken ct) => Task.FromResult<Reason?>(null);

    /// <summary>Why this feature cannot be deleted now (other features refer to it), or null.</summary>
    public virtual Task<Reason?> DeleteConflictAsync(RecycleNetDb db, long id, CancellationToken ct) => Task.FromResult<Reason?>(null);
}

/// <inheritdoc />
public abstract class LayerDefinition<T> : LayerDefinition where T : SpatialEntity, new()
{
    public override Type EntityType => typeof(T);

    public override async Task<List<SpatialEntity>> ListAsync(RecycleNetDb db, CancellationToken ct) =>
        [.. await db.Set<T>().AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct)];
    public override async Task<SpatialEntity?> FindAsync(RecycleNetDb db, long id, CancellationToken ct) =>
        await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
    public override Task<int> DeleteAsync(RecycleNetDb db, long id, long version, CancellationToken ct) =>
        db.Set<T>().Where(e => e.Id == id && e.Version == version).ExecuteDeleteAsync(ct);
    public override async Task<List<SpatialEntity>> FindAsync(RecycleNetDb db, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        [.. await db.Set<T>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(ct)];
    public override Task<int> DeleteAsync(RecycleNetDb db, IReadOnlyCollection<long> ids, long version, CancellationToken ct) =>
        db.Set<T>().Where(e => ids.Contains(e.Id) && e.Version == version).ExecuteDeleteAsync(ct);
    public override async Task<List<SpatialEntity>> QueryRawAsync(RecycleNetDb db, string sql, object[] parameters, CancellationToken ct) =>
        [.. await db.Set<T>().FromSqlRaw(sql, parameters).AsNoTracking().ToListAsync(ct)];
    public override SpatialEntity Create() => new T();
    public override void Add(RecycleNetDb db, IEnumerable<SpatialEntity> entities) => db.Set<T>().AddRange(entities.Cast<T>());
    public override Task<int> DeleteAllAsync(RecycleNetDb db, CancellationToken ct) => db.Set<T>().ExecuteDeleteAsync(ct);
    public override Task<int> CountAsync(RecycleNetDb db, CancellationToken ct) => db.Set<T>().CountAsync(ct);
    public override IReadOnlyList<KeyValuePair<string, object?>> Properties(SpatialEntity entity, LayerLookups lookups) =>
        PropertiesOf((T)entity, lookups);
    public override void Read(RowReader r, SpatialEntity target, ImportContext ctx, long? locatedDistrictId) =>
        ReadProperties(r, (T)target, ctx, locatedDistrictId);

    /// <summary>The feature's properties, named as in <see cref="LayerDefinition.Fields"/>.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, object?>> PropertiesOf(T entity, LayerLookups lookups);

    /// <summary>
    /// Validates the row's properties into <paramref name="target"/>, adding an error through the
    /// reader for each broken rule. The target's geometry is already set and valid (or null when the
    /// geometry itself was refused).
    /// </summary>
    public abstract void ReadProperties(RowReader r, T target, ImportContext ctx, long? locatedDistrictId);

    protected static readonly LayerField NameField = new("name", "string", "名称 name", HeaderSynonyms.Of(HeaderSynonyms.EveryLayer, "name"));
    protected static readonly LayerField SourceField = new("source", "string", "provenance, e.g. synthetic-demo", HeaderSynonyms.Of(HeaderSynonyms.EveryLayer, "source"));

    protected static KeyValuePair<string, object?> P(string name, object? value) => new(name, value);

    /// <summary>The one rule for a layer's codes (adcodes, township codes): none already stored in the city, none twice in one import.</summary>
    protected static void CheckUniqueCodes(IEnumerable<(int Index, string Code)> items, HashSet<string> taken, string field, string noun, string nounZh, List<ImportError> errors)
    {
        var seen = new HashSet<string>();
        foreach (var (index, code) in items)
        {
            if (code.Length == 0) continue;
            if (taken.Contains(code))
                errors.Add(new ImportError(index, field, $"{noun} {code} already exists (use mode=replace or PUT)", $"{nounZh} {code} 已存在（请用替换模式导入，或修改该要素）"));
            else if (!seen.Add(code)) errors.Add(new ImportError(index, field, $"{noun} {code} appears twice in this import", $"{nounZh} {code} 在本次导入中出现了两次"));
        }
    }

    protected static void ReadCommon(RowReader r, SpatialEntity target)
    {
        target.Name = r.String(NameField, required: true) ?? "";
        target.Source = r.String(SourceField);
    }
}

/// <summary>Look-ups a layer needs to write readable properties (district names for communities).</summary>
/// <param name="CommunityNamesForReferences">
/// When set, references to communities are written by name rather than id: for files meant to be
/// imported into another store, where ids differ (the demo data set).
/// </param>
public sealed record LayerLookups(IReadOnlyDictionary<long, string> DistrictNames,
    IReadOnlyDictionary<long, string>? CommunityNamesForReferences = null)
{
    public static readonly LayerLookups Empty = new(new Dictionary<long, string>());

    /// <summary>Township names by id (villages and transfer stations name their township).</summary>
    public IReadOnlyDictionary<long, string> TownshipNames { get; init; } = new Dictionary<long, string>();

    /// <summary>
    /// When set, references to villages are written by name rather than id (see <see cref="CommunityNamesForReferences"/>);
    /// so are townships, by <see cref="TownshipNames"/>.
    /// </summary>
    public IReadOnlyDictionary<long, string>? VillageNamesForReferences { get; init; }

    /// <summary>The features are written for another store (the demo files): references by name, no ids.</summary>
    public bool ForAnotherStore => CommunityNamesForReferences is not null;
}
