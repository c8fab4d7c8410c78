using System.Collections.Concurrent;
using RecycleNet.Core.Plans;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Features;
using RecycleNet.Core.Isochrones;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Network;
using RecycleNet.Core.Storage;
using RecycleNet.Core.Database;
using RecycleNet.Api.Cities;

namespace RecycleNet.Api.Services;

/// <summary>
/// The OGC collections' features in memory, one <see cref="FeatureTable"/> per collection (and per walking
/// parameters for the computed ones), rebuilt on the first read after the store's revision moved or another
/// walking network was loaded. A page of 100 is then an index query, not a table scan and WKB decode.
/// One build at a time per collection; readers of the current revision never wait. One per city (<see cref="CityServices"/>).
/// </summary>
public sealed class FeatureCache(string cityId, StoreRevision revision, NetworkStore network, Siting.SitingJobs siting, CityCache cities,
    IServiceScopeFactory scopes, VolumeCache volumes, FeatureCollections collections)
{
    /// <summary>Computed tables kept for other walking parameters than the default, at most.</summary>
    private const int MaxComputedVariants = 8;

    private sealed record Entry(long Revision, WalkingGraph? Graph, FeatureTable Table);

    private readonly ConcurrentDictionary<string, Entry> _tables = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();

    /// <summary>The store layers, then the analyses, as collections (<see cref="FeatureCollections"/>).</summary>
    public IReadOnlyList<CollectionInfo> Collections => collections.All;

    public CollectionInfo? Find(string id) => collections.Find(id);

    /// <param name="walk">The walking parameters of a computed collection; null for the defaults (and for store layers).</param>
    public async Task<FeatureTable> GetAsync(CollectionInfo collection, WalkingOptions? walk, CancellationToken ct)
    {
        walk ??= new WalkingOptions();
        var key = collection.IsComputed ? $"{collection.Id}|{walk.Minutes}|{walk.SpeedKmh}" : collection.Id;
        var rev = Revision(collection); // taken before reading: a write meanwhile moves it on, so this build is not kept as current
        var graph = GraphFor(collection);
        if (Current(key, rev, graph) is { } table) return table;
        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            (rev, graph) = (Revision(collection), GraphFor(collection));
            if (Current(key, rev, graph) is { } built) return built;
            table = await BuildAsync(collection, walk, graph, ct);
            if (collection.IsComputed) Trim(key);
            _tables[key] = new Entry(rev, graph, table);
            return table;
        }
        finally
        {
            gate.Release();
        }
    }

    public Task<FeatureTable> GetAsync(CollectionInfo collection, CancellationToken ct) => GetAsync(collection, null, ct);

    // The proposals change when a siting run finishes (here or on another instance), not when the layers do; a store layer
    // when its table does (communities and villages also name their district, villages and stations their township); the analyses when a layer of the city snapshot does
    // (not when an enterprise is saved or a siting run queued).
    private long Revision(CollectionInfo c) => c switch
    {
        _ when c == Siting.SitingJson.Collection => siting.ProposalsVersion,
        // The facilities' twelve months: the reports, the layers the facilities are in, and the month (a new one ends).
        // A plan's sites: its changes, applied to the layers as they are.
        _ when c == PlanFeatures.Collection => revision.Of(cityId, "plans") + CityRevision(),
        _ when c == collections.Volumes => revision.Of(cityId, "volumes") + CityRevision() + volumes.LatestMonth.Key,
        { IsComputed: true } => CityRevision(),
        // A layer whose properties name districts or townships (LayerLookups) follows those tables too.
        _ when LayerCatalog.Find(c.Id) is { UsesLookups: true } =>
            revision.Of(cityId, StoreRevision.TableOf(c.Id)!) + revision.Of(cityId, "districts") + revision.Of(cityId, "townships"),
        _ => revision.Of(cityId, StoreRevision.TableOf(c.Id)!),
    };

    private long CityRevision() => CitySnapshotLoader.Tables.Sum(t => revision.Of(cityId, t.Table));

    // Only the analyses are measured on the walking network: loading another one leaves the layers' tables as they are.
    private WalkingGraph? GraphFor(CollectionInfo c) => c.IsComputed ? network.Graph : null;

    private FeatureTable? Current(string key, long rev, WalkingGraph? graph) =>
        _tables.TryGetValue(key, out var e) && e.Revision == rev && ReferenceEquals(e.Graph, graph) ? e.Table : null;

    // Each distinct minutes/speed pair costs a table; keep a few, dropping others when a new one comes.
    private void Trim(string adding)
    {
        var computed = _tables.Keys.Where(k => k.Contains('|') && k != adding).ToList();
        foreach (var k in computed.Skip(MaxComputedVariants - 1)) _tables.TryRemove(k, out _);
    }

    private async Task<FeatureTable> BuildAsync(CollectionInfo collection, WalkingOptions walk, WalkingGraph? graph, CancellationToken ct)
    {
        if (collection == Siting.SitingJson.Collection) return new FeatureTable(collection, await siting.LatestProposalsAsync(cityId, ct));
        if (collection == CoverageFeatures.LifeCircles || collection == CoverageFeatures.Gaps || collection == CoverageFeatures.DistrictCoverage)
            return await BuildAnalysisAsync(collection, walk, graph, ct);
        if (collection == collections.Volumes) return await BuildVolumesAsync(ct);
        if (collection == PlanFeatures.Collection)
        {
            var city = await cities.GetAsync(ct);
            using var plans = scopes.CreateCityScope(cityId);
            return new FeatureTable(collection, PlanFeatures.Build(await plans.ServiceProvider.GetRequiredService<PlanStore>().ListAsync(ct), city).ToList());
        }
        // A store layer is read on its own, not through the city snapshot: after a write, a page of 12 districts (or the
        // CRS list, which needs their extent) must not wait for a million communities to load.
        var layer = LayerCatalog.All.Single(l => l.Name == collection.Id);
        using var scope = scopes.CreateCityScope(cityId);
        var store = scope.ServiceProvider.GetRequiredService<FeatureStore>();
        var lookups = layer.UsesLookups ? await store.LookupsAsync(ct) : LayerLookups.Empty;
        var entities = await store.ListAsync(layer, ct);
        return new FeatureTable(collection, entities.Select(x => new FeatureRecord(x.Id, x.Geometry, layer.Properties(x, lookups)) { Version = x.Version }));
    }

    private async Task<FeatureTable> BuildVolumesAsync(CancellationToken ct)
    {
        var city = await cities.GetAsync(ct);
        using var scope = scopes.CreateCityScope(cityId);
        var store = scope.ServiceProvider.GetRequiredService<VolumeStore>();
        var to = volumes.LatestMonth;
        var from = to.Plus(-11);
        var directory = await store.DirectoryAsync(city, ct);
        var totals = await store.FacilityTotalsAsync(from, to, ct);
        var months = await store.MonthsReportedAsync(from, to, ct);
        return new FeatureTable(collections.Volumes, VolumeFeatures.Build(collections.Volumes, directory, totals, months, from, to));
    }

    private async Task<FeatureTable> BuildAnalysisAsync(CollectionInfo collection, WalkingOptions walk, WalkingGraph? graph, CancellationToken ct)
    {
        var city = await cities.GetAsync(ct);
        if (collection == CoverageFeatures.LifeCircles)
            return new FeatureTable(collection, CoverageFeatures.BuildLifeCircles(city, graph, new IsochroneOptions { Walking = walk }, ct));
        var report = CoverageScorer.Score(city, graph, new CoverageOptions { Walking = walk, MeasureBeyondLimit = true });
        return new FeatureTable(collection, collection == CoverageFeatures.Gaps ? CoverageFeatures.BuildGaps(city, report) : CoverageFeatures.BuildDistrictCoverage(city, report));
    }
}
