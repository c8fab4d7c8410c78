using NetTopologySuite.Geometries;
using RecycleNet.Core.Geography;

namespace RecycleNet.Core.Network;

/// <summary>
/// An undirected walking network held in flat arrays (no object per node or edge): node coordinates in a
/// local metric projection, edges with their length in metres and their shape (first and last shape points
/// are the end nodes), and a CSR adjacency (edges incident to each node). Immutable once built, so one graph
/// is shared by every request. Memory ≈ 40 bytes per node + 64 per edge + 16 per shape point.
/// </summary>
public sealed class WalkingGraph
{
    internal readonly double[] NodeX, NodeY;
    internal readonly int[] EdgeFrom, EdgeTo;
    internal readonly double[] EdgeLength;
    internal readonly int[] ShapeStart; // shape of edge e: points ShapeStart[e] .. ShapeStart[e + 1] - 1
    internal readonly double[] ShapeX, ShapeY;
    internal readonly int[] AdjStart, AdjEdge; // edges at node n: AdjEdge[AdjStart[n] .. AdjStart[n + 1] - 1]
    // Beside each AdjEdge entry, the node at the edge's other end and the edge's length: the search reads one
    // sequential run of memory per node instead of three scattered edge arrays (12 bytes per entry, 2 entries per edge).
    internal readonly int[] AdjNode;
    internal readonly double[] AdjLength;
    private readonly Lazy<SegmentIndex> _index;
    private readonly Lazy<Geometry> _hull;
    private readonly Lazy<NetTopologySuite.Algorithm.Locate.IndexedPointInAreaLocator> _hullLocator;

    internal WalkingGraph(LocalProjection projection, double[] nodeX, double[] nodeY, int[] edgeFrom, int[] edgeTo,
        double[] edgeLength, int[] shapeStart, double[] shapeX, double[] shapeY, string source)
    {
        Projection = projection;
        (NodeX, NodeY, EdgeFrom, EdgeTo, EdgeLength) = (nodeX, nodeY, edgeFrom, edgeTo, edgeLength);
        (ShapeStart, ShapeX, ShapeY) = (shapeStart, shapeX, shapeY);
        Source = source;
        (AdjStart, AdjEdge) = BuildAdjacency(nodeX.Length, edgeFrom, edgeTo);
        MaxEdgeLengthM = edgeLength.Length == 0 ? 0 : edgeLength.Max();
        AdjNode = new int[AdjEdge.Length];
        AdjLength = new double[AdjEdge.Length];
        for (var n = 0; n < nodeX.Length; n++)
            for (var k = AdjStart[n]; k < AdjStart[n + 1]; k++)
            {
                var e = AdjEdge[k];
                (AdjNode[k], AdjLength[k]) = (edgeFrom[e] == n ? edgeTo[e] : edgeFrom[e], edgeLength[e]);
            }
        BoundsProjected = new Envelope();
        for (var i = 0; i < shapeX.Length; i++) BoundsProjected.ExpandToInclude(shapeX[i], shapeY[i]);
        _index = new Lazy<SegmentIndex>(() => new SegmentIndex(this));
        _hull = new Lazy<Geometry>(BuildHull);
        _hullLocator = new(() => new NetTopologySuite.Algorithm.Locate.IndexedPointInAreaLocator(_hull.Value));
    }

    /// <summary>The metric projection node coordinates are in (a Gauss-Kruger zone in China).</summary>
    public LocalProjection Projection { get; }

    /// <summary>Where the graph came from: a file name, or a description for generated graphs.</summary>
    public string Source { get; }

    public int NodeCount => NodeX.Length;

    /// <summary>The longest edge, metres: how far ahead of the nearest node a search's next node can lie.</summary>
    public double MaxEdgeLengthM { get; }
    public int EdgeCount => EdgeFrom.Length;

    /// <summary>Sum of edge lengths, metres.</summary>
    public double TotalLengthM => EdgeLength.Sum();

    /// <summary>Bounding box of every shape point in projected metres.</summary>
    public Envelope BoundsProjected { get; }

    /// <summary>Bounding box in WGS84 degrees (of the projected box's corners).</summary>
    public Envelope BoundsWgs84()
    {
        var e = new Envelope();
        if (BoundsProjected.IsNull) return e;
        foreach (var (x, y) in new[] { (BoundsProjected.MinX, BoundsProjected.MinY), (BoundsProjected.MaxX, BoundsProjected.MaxY),
                     (BoundsProjected.MinX, BoundsProjected.MaxY), (BoundsProjected.MaxX, BoundsProjected.MinY) })
        {
            var (lon, lat) = Projection.Unproject(x, y);
            e.ExpandToInclude(lon, lat);
        }
        return e;
    }

    /// <summary>
    /// The area the network covers, in projected metres: the convex hull of its shape points. A point outside
    /// it is beyond the network (straight-line mode applies); a point inside it must snap to a street.
    /// </summary>
    public Geometry CoverageHull => _hull.Value;

    /// <summary>Whether a projected point lies in <see cref="CoverageHull"/> (boundary included). O(log hull size).</summary>
    public bool InCoverageArea(double x, double y) =>
        CoverageHull.EnvelopeInternal.Contains(x, y) && _hullLocator.Value.Locate(new Coordinate(x, y)) != Location.Exterior;

    public double EdgeLengthM(int edge) => EdgeLength[edge];
    public (int From, int To) EdgeNodes(int edge) => (EdgeFrom[edge], EdgeTo[edge]);
    public (double X, double Y) NodePosition(int node) => (NodeX[node], NodeY[node]);

    /// <summary>
    /// The nearest point on any edge within <paramref name="maxDistanceM"/> of (x, y) in projected metres —
    /// projected onto the edge, not the nearest node — or null when no edge is that close. O(edges nearby).
    /// </summary>
    public SnapPoint? Snap(double x, double y, double maxDistanceM) => _index.Value.Nearest(x, y, maxDistanceM);

    /// <summary>Builds the snapping index now rather than on the first snap (e.g. right after loading).</summary>
    public void Prepare() { _ = _index.Value; _ = _hullLocator.Value; }

    /// <summary>Appends the part of an edge's shape between two offsets (metres from its From node) to a list.</summary>
    public void AppendSubLine(int edge, double fromM, double toM, List<Coordinate> into)
    {
        fromM = Math.Clamp(fromM, 0, EdgeLength[edge]);
        toM = Math.Clamp(toM, fromM, EdgeLength[edge]);
        var end = ShapeStart[edge + 1] - 1;
        var first = into.Count;
        var started = false;
        double walked = 0;
        for (var i = ShapeStart[edge]; i < end; i++)
        {
            var seg = Math.Sqrt(Sq(ShapeX[i + 1] - ShapeX[i]) + Sq(ShapeY[i + 1] - ShapeY[i]));
            if (!started && fromM <= walked + seg) { into.Add(Interpolate(i, seg, fromM - walked)); started = true; }
            if (started)
            {
                if (toM <= walked + seg) { into.Add(Interpolate(i, seg, toM - walked)); break; }
                into.Add(new Coordinate(ShapeX[i + 1], ShapeY[i + 1]));
            }
            walked += seg;
        }
        // Rounding can leave the offsets just past the last point: the piece is then that point.
        if (into.Count == first) into.Add(new Coordinate(ShapeX[end], ShapeY[end]));
        if (into.Count == first + 1) into.Add(into[first].Copy());
    }

    private Coordinate Interpolate(int i, double seg, double along)
    {
        var t = seg > 0 ? Math.Clamp(along / seg, 0, 1) : 0;
        return new Coordinate(ShapeX[i] + t * (ShapeX[i + 1] - ShapeX[i]), ShapeY[i] + t * (ShapeY[i + 1] - ShapeY[i]));
    }

    private static double Sq(double v) => v * v;

    private Geometry BuildHull()
    {
        // Every shape point, not only the junctions: a long bent road with no junction on its bend still covers the bend.
        var points = new Coordinate[ShapeX.Length];
        for (var i = 0; i < points.Length; i++) points[i] = new Coordinate(ShapeX[i], ShapeY[i]);
        return new NetTopologySuite.Algorithm.ConvexHull(points, GeometryFactory.Default).GetConvexHull();
    }

    private static (int[] Start, int[] Edges) BuildAdjacency(int nodes, int[] from, int[] to)
    {
        var start = new int[nodes + 1];
        for (var e = 0; e < from.Length; e++) { start[from[e] + 1]++; if (to[e] != from[e]) start[to[e] + 1]++; }
        for (var n = 0; n < nodes; n++) start[n + 1] += start[n];
        var fill = start[..^1].ToArray();
        var edges = new int[start[nodes]];
        for (var e = 0; e < from.Length; e++) { edges[fill[from[e]]++] = e; if (to[e] != from[e]) edges[fill[to[e]]++] = e; }
        return (start, edges);
    }
}

/// <summary>A point snapped onto an edge: the edge, the offset along it from its From node (m), the distance from the original point (m), and the snapped position (projected m).</summary>
public readonly record struct SnapPoint(int Edge, double OffsetM, double DistanceM, double X, double Y);
