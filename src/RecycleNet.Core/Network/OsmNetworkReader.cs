using RecycleNet.Core.Geography;

namespace RecycleNet.Core.Network;

/// <summary>What loading an OSM file found: the graph and counts for the report.</summary>
public sealed record OsmNetworkLoad(WalkingGraph Graph, OsmFile.Format Format, long NodesRead, long WaysRead,
    long WalkableWays, IReadOnlyDictionary<string, long> DroppedWays, long MissingNodeRefs);

/// <summary>
/// Reads an OSM file (XML or PBF) into a walking graph: keeps walkable ways (<see cref="WalkabilityRules"/>),
/// splits them at nodes shared with other ways (and at way ends), so every junction is a graph node and the
/// nodes in between become edge shape points; projects to the Gauss-Kruger zone of the data's centre
/// longitude. References to nodes absent from the file (clipped extracts) split the way there.
/// Memory: one entry per OSM node in the file plus the walkable ways' node references.
/// </summary>
public static class OsmNetworkReader
{
    public static OsmNetworkLoad Read(Stream stream, string source)
    {
        var collector = new Collector();
        var format = OsmFile.Read(stream, collector);
        if (collector.NodesRead == 0 && collector.WaysRead == 0)
            throw new OsmFormatException("The file holds no OSM nodes or ways.");
        var graph = Build(collector, source, out var missing);
        if (graph.EdgeCount == 0)
            throw new OsmFormatException($"The file has {collector.WaysRead:N0} ways but none a pedestrian may walk on (with their nodes present); nothing to build a network from.");
        return new OsmNetworkLoad(graph, format, collector.NodesRead, collector.WaysRead, collector.WayStarts.Count,
            collector.Dropped, missing);
    }

    private sealed class Collector : IOsmHandler
    {
        public readonly Dictionary<long, (double Lon, double Lat)> Nodes = [];
        public readonly List<long> Refs = [];
        public readonly List<int> WayStarts = [];
        public readonly Dictionary<string, long> Dropped = [];
        public long NodesRead, WaysRead;

        public void Node(long id, double lon, double lat) { Nodes[id] = (lon, lat); NodesRead++; }

        public void Way(long id, ReadOnlySpan<long> refs, IReadOnlyList<KeyValuePair<string, string>> tags)
        {
            WaysRead++;
            var reason = WalkabilityRules.Reject(tags);
            if (reason is not null)
            {
                // Only highways are worth reporting; buildings, landuse and the like are simply not streets.
                if (reason != "not a highway") Dropped[reason] = Dropped.GetValueOrDefault(reason) + 1;
                return;
            }
            if (refs.Length < 2) return;
            WayStarts.Add(Refs.Count);
            foreach (var r in refs) Refs.Add(r);
        }
    }

    private static WalkingGraph Build(Collector c, string source, out long missing)
    {
        // A node becomes a graph node where ways meet or end; count uses to find them.
        var uses = new Dictionary<long, int>();
        double minLon = double.MaxValue, maxLon = double.MinValue;
        missing = 0;
        for (var w = 0; w < c.WayStarts.Count; w++)
        {
            var (start, end) = WayRange(c, w);
            for (var i = start; i < end; i++)
            {
                var id = c.Refs[i];
                if (!c.Nodes.TryGetValue(id, out var p)) { missing++; continue; }
                var extra = i == start || i == end - 1 ? 2 : 1;
                uses[id] = uses.GetValueOrDefault(id) + extra;
                minLon = Math.Min(minLon, p.Lon); maxLon = Math.Max(maxLon, p.Lon);
            }
        }
        var projection = LocalProjection.ForArea(uses.Count > 0 ? (minLon + maxLon) / 2 : 0);
        var builder = new WalkingGraphBuilder(projection);
        var nodeIndex = new Dictionary<long, int>();
        var projected = new Dictionary<long, (double X, double Y)>(uses.Count);
        foreach (var id in uses.Keys) { var p = c.Nodes[id]; projected[id] = projection.Project(p.Lon, p.Lat); }

        var via = new List<(double X, double Y)>();
        for (var w = 0; w < c.WayStarts.Count; w++)
        {
            var (start, end) = WayRange(c, w);
            var from = -1;
            long previous = long.MinValue;
            via.Clear();
            for (var i = start; i < end; i++)
            {
                var id = c.Refs[i];
                if (id == previous) continue; // a repeated reference adds nothing
                previous = id;
                if (!projected.TryGetValue(id, out var xy)) { from = -1; via.Clear(); continue; } // missing: break here
                var isJunction = uses[id] >= 2 || i == start || i == end - 1 || from < 0 || NextMissing(c, projected, i, end);
                if (!isJunction) { via.Add(xy); continue; }
                if (!nodeIndex.TryGetValue(id, out var node)) nodeIndex[id] = node = builder.AddNode(xy.X, xy.Y);
                if (from >= 0) builder.AddEdge(from, node, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(via));
                from = node;
                via.Clear();
            }
        }
        return builder.Build(source);
    }

    private static bool NextMissing(Collector c, Dictionary<long, (double, double)> projected, int i, int end) =>
        i + 1 < end && !projected.ContainsKey(c.Refs[i + 1]);

    private static (int Start, int End) WayRange(Collector c, int w) =>
        (c.WayStarts[w], w + 1 < c.WayStarts.Count ? c.WayStarts[w + 1] : c.Refs.Count);
}
