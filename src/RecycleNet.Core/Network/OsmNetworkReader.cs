using RecycleNet.Core.Geography;

namespace RecycleNet.Core.Network;

/// <summary>
/// What loading an OSM file found: the walking graph, the drivable graph (null when the file has no drivable road) and
/// counts for the report: ways kept for each, and ways dropped by reason.
/// </summary>
public sealed record OsmNetworkLoad(WalkingGraph Graph, OsmFile.Format Format, long NodesRead, long WaysRead,
    long WalkableWays, IReadOnlyDictionary<string, long> DroppedWays, long MissingNodeRefs)
{
    public RoadGraph? Roads { get; init; }
    public long DrivableWays { get; init; }
    public IReadOnlyDictionary<string, long> DroppedDriveWays { get; init; } = new Dictionary<string, long>();
}

/// <summary>
/// Reads an OSM file (XML or PBF) into a walking graph and a drivable one, in one pass: keeps walkable ways
/// (<see cref="WalkabilityRules"/>) and drivable ways (<see cref="DrivabilityRules"/>: direction and speed per way),
/// splits each set at nodes its ways share (and at way ends), so every junction is a graph node and the nodes in
/// between become edge shape points; projects to the Gauss-Kruger zone of the data's centre longitude. References to
/// nodes absent from the file (clipped extracts) split the way there.
/// Memory: one entry per OSM node in the file plus the kept ways' node references.
/// </summary>
public static class OsmNetworkReader
{
    public static OsmNetworkLoad Read(Stream stream, string source)
    {
        var collector = new Collector();
        var format = OsmFile.Read(stream, collector);
        if (collector.NodesRead == 0 && collector.WaysRead == 0)
            throw new OsmFormatException("The file holds no OSM nodes or ways.");
        var projection = Projection(collector);
        var builder = new WalkingGraphBuilder(projection);
        var missing = Build(collector, collector.Walk, projection, builder.AddNode, (from, to, via, _) => builder.AddEdge(from, to, via));
        var graph = builder.Build(source);
        if (graph.EdgeCount == 0)
            throw new OsmFormatException($"The file has {collector.WaysRead:N0} ways but none a pedestrian may walk on (with their nodes present); nothing to build a network from.");
        var roads = new RoadGraphBuilder(projection);
        Build(collector, collector.Drive, projection, roads.AddNode, (from, to, via, way) => roads.AddEdge(from, to, collector.DriveAttributes[way], via));
        return new OsmNetworkLoad(graph, format, collector.NodesRead, collector.WaysRead, collector.Walk.Starts.Count,
            collector.Dropped, missing)
        {
            Roads = roads.EdgeCount > 0 ? roads.Build(source) : null,
            DrivableWays = collector.Drive.Starts.Count,
            DroppedDriveWays = collector.DroppedDrive,
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
    }

    private sealed class Collector : IOsmHandler
    {
        public readonly Dictionary<long, (double Lon, double Lat)> Nodes = [];
        public readonly WaySet Walk = new(), Drive = new();
        public readonly List<RoadAttributes> DriveAttributes = [];
        public readonly Dictionary<string, long> Dropped = [], DroppedDrive = [];
        public long NodesRead, WaysRead;

        public void Node(long id, double lon, double lat) { Nodes[id] = (lon, lat); NodesRead++; }

        public void Way(long id, ReadOnlySpan<long> refs, IReadOnlyList<KeyValuePair<string, string>> tags)
        {
            WaysRead++;
            var reason = WalkabilityRules.Reject(tags);
            // Only highways are worth reporting; buildings, landuse and the like are simply not streets.
            if (reason is not null && reason != "not a highway") Dropped[reason] = Dropped.GetValueOrDefault(reason) + 1;
            var (road, notDrivable) = DrivabilityRules.Read(tags);
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
    }

    /// <summary>The Gauss-Kruger zone of the middle of every kept way's nodes.</summary>
    private static LocalProjection Projection(Collector c)
    {
        double minLon = double.MaxValue, maxLon = double.MinValue;
        foreach (var set in new[] { c.Walk, c.Drive })
            foreach (var id in set.Refs)
                if (c.Nodes.TryGetValue(id, out var p)) { minLon = Math.Min(minLon, p.Lon); maxLon = Math.Max(maxLon, p.Lon); }
        return LocalProjection.ForArea(minLon <= maxLon ? (minLon + maxLon) / 2 : 0);
    }

    /// <summary>
    /// Splits the ways of one set into edges between junctions (nodes two of its ways share, or a way's ends) and adds them
    /// through the callbacks (the way's index comes with each edge); returns how many references named no node in the file.
    /// </summary>
    private static long Build(Collector c, WaySet ways, LocalProjection projection, Func<double, double, int> addNode,
        Action<int, int, ReadOnlySpan<(double X, double Y)>, int> addEdge)
    {
        // A node becomes a graph node where ways meet or end; count uses to find them.
        var uses = new Dictionary<long, int>();
        long missing = 0;
        for (var w = 0; w < ways.Starts.Count; w++)
        {
            var (start, end) = ways.Range(w);
            for (var i = start; i < end; i++)
            {
                var id = ways.Refs[i];
                if (!c.Nodes.ContainsKey(id)) { missing++; continue; }
                var extra = i == start || i == end - 1 ? 2 : 1;
                uses[id] = uses.GetValueOrDefault(id) + extra;
            }
        }
        var nodeIndex = new Dictionary<long, int>();
        var projected = new Dictionary<long, (double X, double Y)>(uses.Count);
        foreach (var id in uses.Keys) { var p = c.Nodes[id]; projected[id] = projection.Project(p.Lon, p.Lat); }

        var via = new List<(double X, double Y)>();
        for (var w = 0; w < ways.Starts.Count; w++)
        {
            var (start, end) = ways.Range(w);
            var from = -1;
            long previous = long.MinValue;
            via.Clear();
            for (var i = start; i < end; i++)
            {
                var id = ways.Refs[i];
                if (id == previous) continue; // a repeated reference adds nothing
                previous = id;
                if (!projected.TryGetValue(id, out var xy)) { from = -1; via.Clear(); continue; } // missing: break here
                var isJunction = uses[id] >= 2 || i == start || i == end - 1 || from < 0 || NextMissing(ways, projected, i, end);
                if (!isJunction) { via.Add(xy); continue; }
                if (!nodeIndex.TryGetValue(id, out var node)) nodeIndex[id] = node = addNode(xy.X, xy.Y);
                if (from >= 0) addEdge(from, node, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(via), w);
                from = node;
                via.Clear();
            }
        }
        return missing;
    }

    private static bool NextMissing(WaySet ways, Dictionary<long, (double, double)> projected, int i, int end) =>
        i + 1 < end && !projected.ContainsKey(ways.Refs[i + 1]);
}
