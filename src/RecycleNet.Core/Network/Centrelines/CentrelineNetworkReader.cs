using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Noding;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Input;

namespace RecycleNet.Core.Network.Centrelines;

/// <summary>What loading centrelines did: the walking and drivable graphs, and what was kept, dropped (by reason) and repaired.</summary>
/// <param name="Lines">Features read.</param>
/// <param name="Kept">Line parts kept in a graph (a multi-line counts each part); <paramref name="Walkable"/> and <paramref name="Drivable"/> of them.</param>
/// <param name="CrossingsNoded">Places where a line crossed another, or ended on it, without a vertex of both there: made junctions.</param>
public sealed record CentrelineLoad(WalkingGraph Graph, RoadGraph? Roads, int Lines, int Kept, int Walkable, int Drivable,
    IReadOnlyDictionary<string, int> Dropped, int CrossingsNoded, string Crs);

/// <summary>How centrelines become graphs, with units.</summary>
public sealed record CentrelineOptions
{
    /// <summary>Vertices closer than this (metres) are one junction: survey data digitised to the centimetre rarely meets exactly.</summary>
    public double SnapToleranceM { get; init; } = 0.5;

    /// <summary>The read's budget: vertices, crossings, time.</summary>
    public CentrelineLimits Limits { get; init; } = new();
}

/// <summary>
/// Builds the walking and drivable networks from road centrelines in a declared CRS (<see cref="CentrelineFile"/>,
/// <see cref="RoadMapping"/>): every vertex is converted to WGS84 and projected to the data's Gauss-Kruger zone; lines
/// are noded — where two cross without a shared vertex, both are split there and meet in a junction (MCIndexNoder with
/// a robust intersector; a bridge drawn across a road is joined to it, as the file cannot say otherwise); vertices
/// within <see cref="CentrelineOptions.SnapToleranceM"/> become one junction; each piece keeps its line's attributes, read
/// by the same rules as OSM ways (<see cref="WalkabilityRules"/>, <see cref="DrivabilityRules"/>). A line that is not a
/// road (its class unknown or missing), has fewer than 2 distinct vertices, or is no line at all is dropped and counted.
/// </summary>
public static class CentrelineNetworkReader
{
    /// <summary>Throws <see cref="OsmFormatException"/> for lines that make no network or break the budget (<see cref="CentrelineOptions.Limits"/>).</summary>
    public static CentrelineLoad Read(IReadOnlyList<CentrelineRow> rows, DeclaredCrs crs, RoadMapping mapping, string source,
        CentrelineOptions? options = null, ReadDeadline? deadline = null)
    {
        try { return Build(rows, crs, mapping, source, options ?? new CentrelineOptions(), deadline); }
        catch (FileBudgetException e) { throw OsmFormatException.Of(e.Reason); }
    }

    private static CentrelineLoad Build(IReadOnlyList<CentrelineRow> rows, DeclaredCrs crs, RoadMapping mapping, string source,
        CentrelineOptions options, ReadDeadline? deadline)
    {
        var limits = options.Limits;
        deadline ??= new ReadDeadline(limits.TimeLimit);
        var dropped = new Dictionary<string, int>();
        void Drop(string why) => dropped[why] = dropped.GetValueOrDefault(why) + 1;
        var parts = new List<(Coordinate[] Lonlat, List<KeyValuePair<string, string>> Tags)>();
        long vertices = 0;
        foreach (var row in rows)
        {
            if ((row.Index & 1023) == 0) deadline.Check();
            if (row.Line is not null) limits.CheckVertices(vertices += row.Line.NumPoints);
            if (row.Line is not (LineString or MultiLineString)) { Drop(row.Line is null ? "no geometry" : $"not a line ({row.Line.GeometryType})"); continue; }
            var (tags, reject) = mapping.Tags(row.Attributes);
            if (tags is null) { Drop(reject!.StartsWith("no road class", StringComparison.Ordinal) ? "no road class" : "road class not in the mapping"); continue; }
            for (var g = 0; g < row.Line.NumGeometries; g++)
            {
                var line = (LineString)row.Line.GetGeometryN(g);
                var lonlat = line.Coordinates.Select(c => { var (lon, lat) = crs.ToWgs84(c.X, c.Y); return new Coordinate(lon, lat); }).ToArray();
                if (lonlat.Any(c => !ChinaExtent.Contains(c.X, c.Y)))
                    throw new OsmFormatException($"Line {row.Index} lies outside China once read as {crs.Name}: was the file's CRS declared right?")
                    { Zh = $"第 {row.Index} 条线按 {crs.Name} 读取后位于中国境外：文件的坐标系声明是否正确？" };
                if (lonlat.Distinct().Count() < 2) { Drop("fewer than 2 vertices"); continue; }
                parts.Add((lonlat, tags));
            }
        }
        if (parts.Count == 0) throw new OsmFormatException($"None of the {rows.Count:N0} lines is a road the mapping knows; nothing to build a network from.")
            { Zh = $"{rows.Count:N0} 条线中没有一条是字段对应关系认识的道路，无法构建路网。" };

        var env = new Envelope();
        foreach (var p in parts) foreach (var c in p.Lonlat) env.ExpandToInclude(c);
        var projection = LocalProjection.ForArea(env.Centre.X);
        var strings = parts.Select((p, i) => (ISegmentString)new NodedSegmentString(
            p.Lonlat.Select(c => { var (x, y) = projection.Project(c.X, c.Y); return new Coordinate(x, y); }).ToArray(), i)).ToList();
        var adder = new IntersectionAdder(new RobustLineIntersector());
        var noder = new MCIndexNoder(new BoundedIntersections(adder, limits.MaxCrossings(vertices), deadline));
        noder.ComputeNodes(strings);
        var pieces = noder.GetNodedSubstrings();

        // Junctions: vertices on the same tolerance cell are one node. Ends near another line's vertex join it.
        var walk = new WalkingGraphBuilder(projection);
        var drive = new RoadGraphBuilder(projection);
        var walkNodes = new Dictionary<(long, long), int>();
        var driveNodes = new Dictionary<(long, long), int>();
        var cell = options.SnapToleranceM;
        (long, long) Key(Coordinate c) => ((long)Math.Round(c.X / cell), (long)Math.Round(c.Y / cell));
        var walkable = new HashSet<int>();
        var drivable = new HashSet<int>();
        var roads = parts.Select(p => DrivabilityRules.Read(p.Tags)).ToArray();
        var walks = parts.Select(p => WalkabilityRules.Reject(p.Tags)).ToArray();
        for (var i = 0; i < parts.Count; i++)
            if (walks[i] is { } w && roads[i].Road is null) Drop($"neither walkable ({w}) nor drivable ({roads[i].Reject})");
        var via = new List<(double X, double Y)>();
        foreach (var piece in pieces)
        {
            var i = (int)piece.Context!;
            var coords = piece.Coordinates;
            if (coords.Length < 2) continue;
            if (walks[i] is null)
            {
                Add(coords, walkNodes, walk.AddNode, (a, b, v) => walk.AddEdge(a, b, v));
                walkable.Add(i);
            }
            if (roads[i].Road is { } road)
            {
                Add(coords, driveNodes, drive.AddNode, (a, b, v) => drive.AddEdge(a, b, road, v));
                drivable.Add(i);
            }
        }
        var graph = walk.Build(source);
        if (graph.EdgeCount == 0) throw new OsmFormatException("No centreline is a way a pedestrian may walk on; nothing to build a walking network from.")
            { Zh = "没有一条道路中心线可供步行，无法构建步行路网。" };
        return new CentrelineLoad(graph, drive.EdgeCount > 0 ? drive.Build(source) : null, rows.Count, walkable.Union(drivable).Count(),
            walkable.Count, drivable.Count, dropped, adder.NumInteriorIntersections, crs.Name);

        void Add(Coordinate[] coords, Dictionary<(long, long), int> nodes, Func<double, double, int> addNode, Action<int, int, ReadOnlySpan<(double X, double Y)>> addEdge)
        {
            int Node(Coordinate c)
            {
                var k = Key(c);
                if (!nodes.TryGetValue(k, out var n)) nodes[k] = n = addNode(k.Item1 * cell, k.Item2 * cell);
                return n;
            }
            via.Clear();
            for (var v = 1; v < coords.Length - 1; v++) via.Add((coords[v].X, coords[v].Y));
            var (from, to) = (Node(coords[0]), Node(coords[^1]));
            if (from != to || via.Count > 0) addEdge(from, to, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(via));
        }
    }

    /// <summary>
    /// The noder's intersection step under a budget: stops at the crossing past <paramref name="max"/> and when the read's
    /// time is up, before lines drawn across one another make a node of every pair.
    /// </summary>
    private sealed class BoundedIntersections(IntersectionAdder adder, long max, ReadDeadline deadline) : ISegmentIntersector
    {
        private long _calls;

        public void ProcessIntersections(ISegmentString e0, int segIndex0, ISegmentString e1, int segIndex1)
        {
            adder.ProcessIntersections(e0, segIndex0, e1, segIndex1);
            if ((++_calls & 4095) == 0) deadline.Check();
            if (adder.NumInteriorIntersections > max)
                throw new FileBudgetException(new($"the centrelines cross one another without shared vertices more than {max:N0} times, the limit for this many vertices (lines drawn across each other, not a road network?)",
                    $"道路中心线在没有共同顶点处相交超过 {max:N0} 次，超出此顶点数的上限（线条彼此横穿，不像路网？）"));
        }

        public bool IsDone => false;
    }
}
