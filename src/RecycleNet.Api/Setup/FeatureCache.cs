using System.Collections.Concurrent;
using RecycleNet.Api.Endpoints;
using RecycleNet.Core.Features;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Storage;

namespace RecycleNet.Api.Setup;

/// <summary>
/// The OGC collections' features in memory, one <see cref="FeatureTable"/> per collection, rebuilt on the first
/// read after the store's revision moved. A page of 100 is then an index query, not a table scan and WKB decode.
/// One build at a time per collection; readers of the current revision never wait.
/// </summary>
public sealed class FeatureCache(StoreRevision revision, IServiceScopeFactory scopes)
{
    private sealed record Entry(long Revision, FeatureTable Table);

    private readonly ConcurrentDictionary<string, Entry> _tables = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();

    /// <summary>The store layers served as collections, in catalogue order.</summary>
    public static IReadOnlyList<CollectionInfo> Collections { get; } = LayerCatalog.All
        .Select(l => new CollectionInfo(l.Name, l.Title, l.Description, l.IsPoint ? "point" : "polygon", l.Fields, l.DateField)).ToList();

    public static CollectionInfo? Find(string id) => Collections.FirstOrDefault(c => c.Id == id);

    public async Task<FeatureTable> GetAsync(CollectionInfo collection, CancellationToken ct)
    {
        var rev = revision.Value; // taken before reading: a write meanwhile moves it on, so this build is not kept as current
        if (_tables.TryGetValue(collection.Id, out var e) && e.Revision == rev) return e.Table;
        var gate = _gates.GetOrAdd(collection.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            rev = revision.Value;
            if (_tables.TryGetValue(collection.Id, out e) && e.Revision == rev) return e.Table;
            var table = await BuildAsync(collection, ct);
            _tables[collection.Id] = new Entry(rev, table);
            return table;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<FeatureTable> BuildAsync(CollectionInfo collection, CancellationToken ct)
    {
        var layer = LayerCatalog.All.Single(l => l.Name == collection.Id);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecycleNetDb>();
        var lookups = await LayerEndpoints.LookupsAsync(db, ct);
        var rows = (await layer.ListAsync(db, ct)).Select(x => new FeatureRecord(x.Id, x.Geometry, layer.Properties(x, lookups)));
        return new FeatureTable(collection, rows);
    }
}
