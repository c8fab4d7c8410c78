using RecycleNet.Core.Geography;

namespace RecycleNet.Core.Network;

/// <summary>
/// What loading an OSM file found: the walking graph, the drivable graph (null when the file has no drivable road) and
/// counts for the report: ways kept for each, and ways dropped by reason.
/// </summary>
public sealed record OsmNetworkLoad(WalkingGraph Graph, OsmFile.Format Format, long NodesRead, long WaysRead,
    long WalkableWays, IReadOnlyDictionary<string, long> DroppedWays, long MissingNodeRefs)
{
    /// <summary>What keeping only an area left out; null when the whole file was read.</summary>
    public OsmClipReport? Clip { get; init; }
    public RoadGraph? Roads { get; init; }
    public long DrivableWays { get; init; }
    public IReadOnlyDictionary<string, long> DroppedDriveWays { get; init; } = new Dictionary<string, long>();
}

/// <summary>
/// What clipping to an area left out: nodes outside it, streets wholly outside, and streets cut at its edge (their
/// part inside kept). With an area, <see cref="OsmNetworkLoad.MissingNodeRefs"/> counts the references cut off too.
/// </summary>
public sealed record OsmClipReport(double MarginM, long NodesOutside, long WaysOutside, long WaysCut);

/// <summary>How an OSM file is read: the area to keep (null: all of it), and how many nodes it may hold.</summary>
public sealed record OsmReadOptions
{
    public OsmClipArea? Clip { get; init; }

    /// <summary>
    /// Nodes kept at most (a count). Building the graphs costs about 330 bytes of peak memory per node kept (measured on a
    /// 15.7 M-node province: 5.1 GB), so the default of 8,000,000 bounds a load near 2.6 GB; a file past it is refused
    /// with the advice to keep the city's area.
    /// </summary>
    public long MaxNodes { get; init; } = 8_000_000;
}

/// <summary>
/// Reads an OSM file (XML or PBF) into a walking graph and a drivable one, in one pass: keeps walkable ways
/// (<see cref="WalkabilityRules"/>) and drivable ways (<see cref="DrivabilityRules"/>: direction and speed per way),
/// splits each set at nodes its ways share (and at way ends), so every junction is a graph node and the nodes in
/// between become edge shape points; projects to the Gauss-Kruger zone of the data's centre longitude. References to
/// nodes absent from the file (clipped extracts) split the way there.
/// With an area (<see cref="OsmClipArea"/>: a city's outline plus a margin) only the nodes inside it are kept, and the
/// streets with a node inside, cut where they leave it: a provincial extract streams through in the memory of one city.
/// That needs the file's nodes before its ways, the order osmium, Geofabrik and the planet write; a file in another
/// order is refused, not read wrong.
/// Memory: 24 bytes per node kept (every node of the file without an area) plus the kept ways' node references.
/// </summary>
public static class OsmNetworkReader
{
    public static OsmNetworkLoad Read(Stream stream, string source, OsmReadOptions? options = null)
    {
        options ??= new OsmReadOptions();
        var clip = options.Clip;
        var collector = new Collector(clip, options.MaxNodes);
        var format = OsmFile.Read(stream, collector);
        if (collector.NodesRead == 0 && collector.WaysRead == 0)
            throw new OsmFormatException("The file holds no OSM nodes or ways.");
        // Each reference as a position in the node table, found once for the projection and the build.
        var walkRefs = collector.Walk.Resolve(collector.Nodes);
        var driveRefs = collector.Drive.Resolve(collector.Nodes);
        var projection = Projection(collector.Nodes, walkRefs, driveRefs);
        var builder = new WalkingGraphBuilder(projection);
        var missing = Build(collector.Nodes, collector.Walk, walkRefs, projection, builder.AddNode, (from, to, via, _) => builder.AddEdge(from, to, via));
        var graph = builder.Build(source);
        if (graph.EdgeCount == 0 && clip is not null && collector.WaysOutside > 0)
            throw new OsmFormatException($"No street of the file ({collector.WaysOutside:N0} read) lies within the area kept (the city's outline + {clip.MarginM:0} m): is it this city's file? clip=none keeps the whole file.")
            {
                Zh = $"文件中的 {collector.WaysOutside:N0} 条道路都不在保留范围内（本市边界外扩 {clip.MarginM:0} 米）：是否传错了城市的文件？如需保留整个文件，请用 clip=none。",
            };
        if (graph.EdgeCount == 0)
            throw new OsmFormatException($"The file has {collector.WaysRead:N0} ways but none a pedestrian may walk on (with their nodes present); nothing to build a network from.");
        var roads = new RoadGraphBuilder(projection);
        Build(collector.Nodes, collector.Drive, driveRefs, projection, roads.AddNode, (from, to, via, way) => roads.AddEdge(from, to, collector.DriveAttributes[way], via));
        return new OsmNetworkLoad(graph, format, collector.NodesRead, collector.WaysRead, collector.Walk.Starts.Count,
            collector.Dropped, missing)
        {
            Roads = roads.EdgeCount > 0 ? roads.Build(source) : null,
            DrivableWays = collector.Drive.Starts.Count,
            DroppedDriveWays = collector.DroppedDrive,
            Clip = clip is null ? null : new OsmClipReport(clip.MarginM, collector.NodesOutside, collector.WaysOutside, collector.WaysCut),
        };
    }

    /// <summary>Ways kept for one graph: their node references, flat, and where each way starts.</summary>
    private sealed class WaySet
    {
        public readonly List<long> Refs = [];
        public readonly List<int> Starts = [];

        public void Add(ReadOnlySpan<long> refs)
        {
            Starts.Add(Refs.Count);
            foreach (var r in refs) Refs.Add(r);
        }

        public (int Start, int End) Range(int w) => (Starts[w], w + 1 < Starts.Count ? Starts[w + 1] : Refs.Count);

        /// <summary>Each reference as a position in <paramref name="nodes"/> (−1: no such node in the file or the area).</summary>
        public int[] Resolve(OsmNodeTable nodes)
        {
            var positions = new int[Refs.Count];
            for (var i = 0; i < positions.Length; i++) positions[i] = nodes.IndexOf(Refs[i]);
            return positions;
        }
    }

    private sealed class Collector(OsmClipArea? clip, long maxNodes) : IOsmHandler
    {
        public readonly OsmNodeTable Nodes = new();
        public readonly WaySet Walk = new(), Drive = new();
        public readonly List<RoadAttributes> DriveAttributes = [];
        public readonly Dictionary<string, long> Dropped = [], DroppedDrive = [];
        public long NodesRead, WaysRead, NodesOutside, WaysOutside, WaysCut;

        public void Node(long id, double lon, double lat)
        {
            NodesRead++;
            if (clip is not null)
            {
                // A way already read could not be tested against this node: the area needs nodes first.
                if (WaysRead > 0)
                    throw new OsmFormatException($"Node {id} follows the file's ways; keeping an area needs every node before the ways (the order osmium, Geofabrik and the planet write: osmium sort rewrites a file so).");
                if (!clip.Contains(lon, lat)) { NodesOutside++; return; }
            }
            Nodes.Add(id, lon, lat);
            if (Nodes.Count > maxNodes)
                throw new OsmFormatException(clip is null
                    ? $"The file holds more than {maxNodes:N0} nodes, more than one load may keep (RecycleNet:MaxNetworkNodes): keep the city's area (clip=outline), or cut the file to it (osmium extract)."
                    : $"The area kept holds more than {maxNodes:N0} nodes, more than one load may keep (RecycleNet:MaxNetworkNodes): use a smaller margin (marginM).")
                {
                    Zh = clip is null
                        ? $"文件的节点超过 {maxNodes:N0} 个，超出一次加载的上限（RecycleNet:MaxNetworkNodes）：请只保留本市范围（clip=outline），或先用 osmium extract 裁剪文件。"
                        : $"保留范围内的节点超过 {maxNodes:N0} 个，超出一次加载的上限（RecycleNet:MaxNetworkNodes）：请减小外扩距离（marginM）。",
                };
        }

        public void Way(long id, ReadOnlySpan<long> refs, IReadOnlyList<KeyValuePair<string, string>> tags)
        {
            WaysRead++;
            var reason = WalkabilityRules.Reject(tags);
            var (road, notDrivable) = DrivabilityRules.Read(tags);
            // Streets (and ferries) outside the area are not the city's: neither kept nor reported as dropped.
            if (clip is not null && (reason != "not a highway" || notDrivable != "not a highway") && !InArea(refs)) return;
            // Only highways are worth reporting; buildings, landuse and the like are simply not streets.
            if (reason is not null && reason != "not a highway") Dropped[reason] = Dropped.GetValueOrDefault(reason) + 1;
            if (notDrivable is not null && notDrivable != "not a highway") DroppedDrive[notDrivable] = DroppedDrive.GetValueOrDefault(notDrivable) + 1;
            if (refs.Length < 2)
            {
                // A road of one node or none (a oneway way with no nodes, say) leads nowhere: counted, not kept.
                const string empty = "fewer than 2 nodes";
                if (reason is null) Dropped[empty] = Dropped.GetValueOrDefault(empty) + 1;
                if (road is not null) DroppedDrive[empty] = DroppedDrive.GetValueOrDefault(empty) + 1;
                return;
            }
            if (reason is null) Walk.Add(refs);
            if (road is { } r)
            {
                Drive.Add(refs);
                DriveAttributes.Add(r);
            }
        }

        /// <summary>Whether a street has a node in the area (then it is kept, cut where it leaves); counts the rest.</summary>
        private bool InArea(ReadOnlySpan<long> refs)
        {
            var inside = 0;
            foreach (var r in refs) if (Nodes.Contains(r)) inside++;
            if (inside == 0) { WaysOutside++; return false; }
            if (inside < refs.Length) WaysCut++;
            return true;
        }
    }

    /// <summary>The Gauss-Kruger zone of the middle of every kept way's nodes.</summary>
    private static LocalProjection Projection(OsmNodeTable nodes, int[] walkRefs, int[] driveRefs)
    {
        double minLon = double.MaxValue, maxLon = double.MinValue;
        foreach (var refs in new[] { walkRefs, driveRefs })
            foreach (var n in refs)
            {
                if (n < 0) continue;
                nodes.At(n, out var lon, out _);
                minLon = Math.Min(minLon, lon); maxLon = Math.Max(maxLon, lon);
            }
        return LocalProjection.ForArea(minLon <= maxLon ? (minLon + maxLon) / 2 : 0);
    }

    /// <summary>
    /// Splits the ways of one set into edges between junctions (nodes two of its ways share, or a way's ends) and adds them
    /// through the callbacks (the way's index comes with each edge); returns how many references named no node in the file.
    /// Works on the node table's positions, not OSM ids: arrays of a few bytes a node instead of dictionaries of dozens.
    /// </summary>
    private static long Build(OsmNodeTable nodes, WaySet ways, int[] refs, LocalProjection projection, Func<double, double, int> addNode,
        Action<int, int, ReadOnlySpan<(double X, double Y)>, int> addEdge)
    {
        // A node becomes a graph node where ways meet or end; count uses (up to 2, all that matters) to find them.
        var uses = new byte[nodes.Count];
        long missing = 0;
        for (var w = 0; w < ways.Starts.Count; w++)
        {
            var (start, end) = ways.Range(w);
            for (var i = start; i < end; i++)
            {
                var n = refs[i];
                if (n < 0) { missing++; continue; }
                var extra = i == start || i == end - 1 ? 2 : 1;
                uses[n] = (byte)Math.Min(2, uses[n] + extra);
            }
        }
        var graphNode = new int[nodes.Count];
        Array.Fill(graphNode, -1);
        var via = new List<(double X, double Y)>();
        for (var w = 0; w < ways.Starts.Count; w++)
        {
            var (start, end) = ways.Range(w);
            var from = -1;
            var previous = int.MinValue;
            via.Clear();
            for (var i = start; i < end; i++)
            {
                var n = refs[i];
                if (n == previous) continue; // a repeated reference adds nothing
                previous = n;
                if (n < 0) { from = -1; via.Clear(); continue; } // missing: break here
                nodes.At(n, out var lon, out var lat);
                var xy = projection.Project(lon, lat);
                var nextMissing = i + 1 < end && refs[i + 1] < 0;
                var isJunction = uses[n] >= 2 || i == start || i == end - 1 || from < 0 || nextMissing;
                if (!isJunction) { via.Add(xy); continue; }
                var node = graphNode[n];
                if (node < 0) graphNode[n] = node = addNode(xy.X, xy.Y);
                if (from >= 0) addEdge(from, node, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(via), w);
                from = node;
                via.Clear();
            }
        }
        return missing;
    }
}
