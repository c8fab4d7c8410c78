using System.Diagnostics;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Storage;

namespace RecycleNet.Api.Cities;

/// <summary>What GET /api/network reports about the loaded network.</summary>
/// <param name="Format">xml or pbf (OpenStreetMap); geojson, shapefile or gpkg (centrelines).</param>
/// <param name="Load">What the reader found: the graphs and the OSM or centreline report.</param>
public sealed record NetworkInfo(string Source, string Origin, string Format, DateTimeOffset LoadedAt, long LoadMs,
    long FileBytes, NetworkFileLoad Load, NetworkFileSpec Spec);

/// <summary>
/// The walking network in use, shared by every request. A load is parsed completely before it replaces the current
/// graph, so a corrupt or empty file changes nothing. An uploaded file is kept in the store (<see cref="NetworkFileStore"/>),
/// written in the same transaction as its audit entry, so every instance on the store loads the same one,
/// at start-up and when another instance replaces it (<see cref="FollowStoreAsync"/>); RecycleNet:NetworkPath, a file
/// named in the configuration, takes precedence over the store.
/// </summary>
/// One per city (Services/CityServices): each city has its own network, stored with its city.
/// <param name="followTurns">Shared by the cities' stores: following the store takes turns, so a change that concerns every city costs one
/// connection at a time, not one per city.</param>
/// <param name="maxNodes">An OSM file's nodes kept at most (RecycleNet:MaxNetworkNodes).</param>
public sealed class NetworkStore(string cityId, IServiceScopeFactory scopes, ILogger logger, string? legacyFolder = null, SemaphoreSlim? followTurns = null,
    long maxNodes = 8_000_000, RecycleNet.Core.Network.Centrelines.CentrelineLimits? centrelineLimits = null)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly Lock _followGate = new();
    private bool _followPending, _following;
    private volatile Loaded? _current;
    private volatile bool _configured;
    // The stored network that failed to load on this instance: not parsed again until another replaces it.
    private long? _setAside;

    /// <summary>The graph and what was loaded; <paramref name="StoredId"/> is the store's row it came from (none for a configured file).</summary>
    private sealed record Loaded(WalkingGraph Graph, NetworkInfo Info, long? StoredId);

    public WalkingGraph? Graph => _current?.Graph;

    /// <summary>The drivable network of the loaded file, when it has one.</summary>
    public RoadGraph? Roads => _current?.Info.Load.Roads;
    public NetworkInfo? Info => _current?.Info;

    /// <summary>
    /// Road distances for hauls and the rural tiers: on the drivable network when one is loaded, else the labelled
    /// straight line × circuity (<paramref name="fallback"/>) — the one place that choice is made.
    /// </summary>
    public IRoadDistances RoadsFor(RecycleNet.Core.Cities.CitySnapshot city, RoadFallbackOptions? fallback = null) =>
        _current?.Info.Load.Roads is { } roads
            ? new NetworkRoads(roads, new RoadOptions { Fallback = fallback ?? new RoadFallbackOptions() })
            : StraightLineRoads.For(city, Graph, fallback);

    /// <summary>At start-up: the configured file, else the stored upload, else none (straight-line mode).</summary>
    public async Task LoadAtStartupAsync(string? configuredPath, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var path = Path.GetFullPath(configuredPath);
            if (!File.Exists(path)) throw new InvalidOperationException($"RecycleNet:NetworkPath '{path}' does not exist.");
            Swap(Parse(path, Path.GetFileName(path), "configuration", new FileInfo(path).Length, storedId: null, NetworkFileSpec.Osm));
            _configured = true;
            return;
        }
        await AdoptLegacyUploadAsync(ct);
        if (!await FollowStoreAsync(ct))
            logger.LogInformation("No walking network loaded for {City}: distances are straight-line × circuity until one is (POST /api/network).", cityId);
    }

    /// <summary>
    /// Earlier versions kept an upload beside the SQLite file (network.osm or network.osm.pbf, its name in
    /// network.source). Such a file is moved into the store once, audited as the service's own write, so an upgrade
    /// keeps the network a planner loaded.
    /// </summary>
    private async Task AdoptLegacyUploadAsync(CancellationToken ct)
    {
        if (legacyFolder is null) return;
        var file = new[] { "network.osm.pbf", "network.osm" }.Select(n => Path.Combine(legacyFolder, n)).FirstOrDefault(File.Exists);
        if (file is null) return;
        var nameFile = Path.Combine(legacyFolder, "network.source");
        var source = File.Exists(nameFile) ? (await File.ReadAllTextAsync(nameFile, ct)).Trim() : Path.GetFileName(file);
        using (var scope = scopes.CreateCityScope(cityId))
            if (await scope.ServiceProvider.GetRequiredService<NetworkFileStore>().AnyAsync(ct)) return;
        Loaded loaded;
        loaded = Parse(file, source, "upload", new FileInfo(file).Length, storedId: null, NetworkFileSpec.Osm);
        await StoreAsync(file, loaded, new AuditEntry
        {
            At = DateTime.UtcNow, Planner = "service", Action = "load-network", Target = "network",
            Detail = $"{source}: moved into the store from {Path.GetFileName(file)} beside the database",
        }, ct);
        foreach (var old in new[] { file, nameFile }) File.Delete(old);
        logger.LogInformation("The walking network {Source} kept beside the database was moved into the store", source);
    }

    /// <summary>
    /// Loads the stored network when it is not the one in use (another instance uploaded or unloaded one); true when a
    /// network is loaded afterwards. Called at start-up and whenever the store's revision moves.
    /// </summary>
    public async Task<bool> FollowStoreAsync(CancellationToken ct)
    {
        if (_configured) return true;
        await _loading.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateCityScope(cityId);
            var files = scope.ServiceProvider.GetRequiredService<NetworkFileStore>();
            var stored = await files.CurrentAsync(ct);
            if (stored is null)
            {
                if (_current is not null) logger.LogInformation("The stored walking network was removed: straight-line distances from now on.");
                _current = null;
                return false;
            }
            if (_current?.StoredId == stored.Id) return true;
            if (_setAside == stored.Id) return _current is not null;
            var temp = NetworkTempFiles.NewPath();
            try
            {
                await using (var file = File.Create(temp)) await files.CopyToAsync(stored, file, ct);
                var loaded = await Task.Run(() => Parse(temp, stored.Source, "upload", stored.Bytes, stored.Id, SpecOf(stored)), ct);
                Swap(loaded with { Info = loaded.Info with { LoadedAt = new DateTimeOffset(DateTime.SpecifyKind(stored.LoadedAt, DateTimeKind.Utc)) } });
                return true;
            }
            catch (Exception e) when (e is OsmFormatException or InvalidDataException)
            {
                // A file stored by an earlier version, before today's limits, or damaged since: set aside, not retried at every
                // change, and the service runs on (the network in use stays, else straight-line distances).
                _setAside = stored.Id;
                logger.LogError("The stored walking network {Source} (#{Id}) of {City} cannot be loaded and is set aside: {Reason} "
                    + "Distances stay {Mode} until a planner loads another (POST /api/network).", stored.Source, stored.Id, cityId, e.Message,
                    _current is null ? "straight-line" : "on the network already in use");
                return _current is not null;
            }
            finally { File.Delete(temp); }
        }
        finally { _loading.Release(); }
    }

    /// <summary>
    /// The store changed (another instance may have replaced the network): follow it in the background, once more after
    /// any change that arrives meanwhile, so the caller — the revision watcher — never waits for a parse.
    /// </summary>
    public void StoreChanged()
    {
        lock (_followGate)
        {
            _followPending = true;
            if (_following) return;
            _following = true;
        }
        _ = Task.Run(async () =>
        {
            while (true)
            {
                lock (_followGate)
                {
                    if (!_followPending) { _following = false; return; }
                    _followPending = false;
                }
                if (followTurns is not null) await followTurns.WaitAsync();
                try { await FollowStoreAsync(CancellationToken.None); }
                catch (Exception e) { logger.LogWarning(e, "Following the stored walking network failed; the one in use stays"); }
                finally { followTurns?.Release(); }
            }
        });
    }

    /// <summary>
    /// Parses an uploaded file; on success it is stored (replacing the previous one) with <paramref name="audit"/> in one
    /// transaction, and used. Throws OsmFormatException for a file that is not a network, TooLargeException past the limit.
    /// </summary>
    public async Task<NetworkInfo> LoadUploadAsync(Stream body, string sourceName, NetworkFileSpec spec, long maxBytes, Func<WalkingGraph, AuditEntry> audit,
        CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        var temp = NetworkTempFiles.NewPath();
        try
        {
            long bytes;
            await using (var file = File.Create(temp))
            {
                bytes = await CopyBoundedAsync(body, file, maxBytes, ct);
            }
            var loaded = await Task.Run(() => Parse(temp, sourceName, "upload", bytes, storedId: null, spec), ct);
            var id = await StoreAsync(temp, loaded, audit(loaded.Graph), ct);
            Swap(loaded with { StoredId = id });
            _configured = false;
            return loaded.Info;
        }
        finally
        {
            File.Delete(temp);
            _loading.Release();
        }
    }

    /// <summary>Unloads the network and removes it from the store, with <paramref name="audit"/>: distances fall back to straight-line.</summary>
    public async Task UnloadAsync(AuditEntry audit, CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateCityScope(cityId);
            await scope.ServiceProvider.GetRequiredService<NetworkFileStore>().RemoveAsync(audit, ct);
            _current = null;
            _configured = false;
        }
        finally { _loading.Release(); }
    }

    private async Task<long> StoreAsync(string path, Loaded loaded, AuditEntry audit, CancellationToken ct)
    {
        using var scope = scopes.CreateCityScope(cityId);
        return await scope.ServiceProvider.GetRequiredService<NetworkFileStore>().ReplaceAsync(path, new StoredNetwork
        {
            Source = loaded.Info.Source, Format = loaded.Info.Format, Bytes = loaded.Info.FileBytes, Crs = loaded.Info.Spec.Crs?.Name,
            Mapping = loaded.Info.Spec.MappingJson, ClipArea = loaded.Info.Spec.Clip?.ToWkt(), ClipMarginM = loaded.Info.Spec.Clip?.MarginM, LoadedAt = loaded.Info.LoadedAt.UtcDateTime, Planner = audit.Planner,
        }, audit, ct);
    }

    private Loaded Parse(string path, string source, string origin, long bytes, long? storedId, NetworkFileSpec spec)
    {
        var watch = Stopwatch.StartNew();
        var load = NetworkFile.Read(path, source, spec, maxNodes, centrelineLimits);
        load.Graph.Prepare(); // the snapping index and the hull, before the first request needs them
        load.Roads?.Shape.Prepare();
        var info = new NetworkInfo(source, origin, load.Format, DateTimeOffset.UtcNow, watch.ElapsedMilliseconds, bytes, load, spec);
        return new Loaded(load.Graph, info, storedId);
    }

    /// <summary>How a stored file is read: OSM, or centrelines with the CRS and mapping it was uploaded with.</summary>
    private static NetworkFileSpec SpecOf(StoredNetwork stored) => stored.Format is "xml" or "pbf"
        ? NetworkFileSpec.Osm with { Clip = stored.ClipArea is null ? null : OsmClipArea.FromWkt(stored.ClipArea, stored.ClipMarginM ?? 0) }
        : new NetworkFileSpec(stored.Format, RecycleNet.Core.Geography.DeclaredCrs.TryParse(stored.Crs, out var crs) ? crs
            : throw new InvalidDataException($"the stored network {stored.Source} has no readable CRS '{stored.Crs}'"), stored.Mapping);

    private void Swap(Loaded loaded)
    {
        _current = loaded;
        logger.LogInformation("Walking network of {City} {Source} ({Origin}): {Nodes} nodes, {Edges} edges in {Ms} ms", cityId, loaded.Info.Source,
            loaded.Info.Origin, loaded.Graph.NodeCount, loaded.Graph.EdgeCount, loaded.Info.LoadMs);
    }

    /// <summary>Thrown when an upload exceeds the size limit.</summary>
    public sealed class TooLargeException : Exception;

    private static async Task<long> CopyBoundedAsync(Stream from, Stream to, long max, CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = await from.ReadAsync(buffer, ct)) > 0)
        {
            total += n;
            if (total > max) throw new TooLargeException();
            await to.WriteAsync(buffer.AsMemory(0, n), ct);
        }
        return total;
    }
}
