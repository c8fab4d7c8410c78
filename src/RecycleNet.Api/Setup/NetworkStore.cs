using System.Diagnostics;
using RecycleNet.Core.Network;

namespace RecycleNet.Api.Setup;

/// <summary>What GET /api/network reports about the loaded network.</summary>
public sealed record NetworkInfo(string Source, string Origin, OsmFile.Format Format, DateTimeOffset LoadedAt, long LoadMs,
    long FileBytes, OsmNetworkLoad Load);

/// <summary>
/// The walking network in use, shared by every request. A load is parsed completely before it replaces the
/// current graph, so a corrupt or empty file changes nothing. Uploaded files are kept beside the database
/// (network.osm or network.osm.pbf) and loaded again at start-up; RecycleNet:NetworkPath takes precedence.
/// </summary>
public sealed class NetworkStore(string folder, ILogger logger)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Loaded? _current;

    private sealed record Loaded(WalkingGraph Graph, NetworkInfo Info);

    public WalkingGraph? Graph => _current?.Graph;
    public NetworkInfo? Info => _current?.Info;

    private string StoredPath(OsmFile.Format f) => Path.Combine(folder, f == OsmFile.Format.Pbf ? "network.osm.pbf" : "network.osm");
    private string SourceNamePath => Path.Combine(folder, "network.source");

    /// <summary>At start-up: the configured file, else the last upload, else none (straight-line mode).</summary>
    public void LoadAtStartup(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var path = Path.GetFullPath(configuredPath);
            if (!File.Exists(path)) throw new InvalidOperationException($"RecycleNet:NetworkPath '{path}' does not exist.");
            using var s = File.OpenRead(path);
            Swap(Parse(s, Path.GetFileName(path), "configuration", new FileInfo(path).Length));
            return;
        }
        foreach (var f in new[] { OsmFile.Format.Pbf, OsmFile.Format.Xml })
        {
            var path = StoredPath(f);
            if (!File.Exists(path)) continue;
            var name = File.Exists(SourceNamePath) ? File.ReadAllText(SourceNamePath).Trim() : Path.GetFileName(path);
            using var s = File.OpenRead(path);
            Swap(Parse(s, name, "upload", new FileInfo(path).Length));
            return;
        }
        logger.LogInformation("No walking network loaded: distances are straight-line × circuity until one is (POST /api/network).");
    }

    /// <summary>Parses an uploaded file; on success it replaces the network and is kept. Throws OsmFormatException otherwise.</summary>
    public async Task<NetworkInfo> LoadUploadAsync(Stream body, string sourceName, long maxBytes, CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        var temp = Path.Combine(folder, $"network.upload-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            long bytes;
            await using (var file = File.Create(temp))
            {
                bytes = await CopyBoundedAsync(body, file, maxBytes, ct);
            }
            Loaded loaded;
            await using (var read = File.OpenRead(temp))
            {
                loaded = await Task.Run(() => Parse(read, sourceName, "upload", bytes), ct);
            }
            DeleteStoredFiles(keepSourceName: true);
            File.Move(temp, StoredPath(loaded.Info.Format));
            await File.WriteAllTextAsync(SourceNamePath, sourceName, ct);
            Swap(loaded);
            return loaded.Info;
        }
        finally
        {
            File.Delete(temp);
            _loading.Release();
        }
    }

    /// <summary>Unloads the network and forgets the stored upload: distances fall back to straight-line.</summary>
    public async Task UnloadAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            DeleteStoredFiles(keepSourceName: false);
            _current = null;
        }
        finally { _loading.Release(); }
    }

    private void DeleteStoredFiles(bool keepSourceName)
    {
        foreach (var f in new[] { OsmFile.Format.Pbf, OsmFile.Format.Xml }) File.Delete(StoredPath(f));
        if (!keepSourceName) File.Delete(SourceNamePath);
    }

    private Loaded Parse(Stream s, string source, string origin, long bytes)
    {
        var watch = Stopwatch.StartNew();
        var load = OsmNetworkReader.Read(s, source);
        load.Graph.Prepare(); // the snapping index and the hull, before the first request needs them
        var info = new NetworkInfo(source, origin, load.Format, DateTimeOffset.UtcNow, watch.ElapsedMilliseconds, bytes, load);
        return new Loaded(load.Graph, info);
    }

    private void Swap(Loaded loaded)
    {
        _current = loaded;
        logger.LogInformation("Walking network {Source} ({Origin}): {Nodes} nodes, {Edges} edges in {Ms} ms", loaded.Info.Source,
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
