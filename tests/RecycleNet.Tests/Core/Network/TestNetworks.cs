using RecycleNet.Core.Geography;
using RecycleNet.Core.Network;

namespace RecycleNet.Tests.Core.Network;

/// <summary>
/// Small networks drawn in metres around a point in Jinan (CGCS2000 zone 39, EPSG:4527): local (0, 0) is
/// easting 39,500,000 / northing 4,060,000, about 117.0°E 36.67°N. Tests draw in local metres.
/// </summary>
public static class TestNetworks
{
    public const double X0 = 39_500_000, Y0 = 4_060_000;
    public static readonly LocalProjection Zone39 = LocalProjection.ForZone(39);

    /// <summary>Local metres to WGS84 lon/lat.</summary>
    public static (double Lon, double Lat) LonLat(double dx, double dy) => Zone39.Unproject(X0 + dx, Y0 + dy);

    /// <summary>The WGS84 point at local metres (<paramref name="dx"/>, <paramref name="dy"/>).</summary>
    public static NetTopologySuite.Geometries.Point At(double dx, double dy)
    {
        var (lon, lat) = LonLat(dx, dy);
        return new NetTopologySuite.Geometries.Point(lon, lat);
    }

    /// <summary>The WGS84 rectangle with corners at local metres (x0, y0) and (x1, y1).</summary>
    public static NetTopologySuite.Geometries.Polygon Box(double x0, double y0, double x1, double y1) => new(new NetTopologySuite.Geometries.LinearRing(
        new[] { (x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0) }.Select(p => At(p.Item1, p.Item2).Coordinate).ToArray()));

    /// <summary>A builder whose nodes are given in local metres.</summary>
    public sealed class Drawing
    {
        public WalkingGraphBuilder Builder { get; } = new(Zone39);
        public int Node(double dx, double dy) => Builder.AddNode(X0 + dx, Y0 + dy);
        public int Edge(int a, int b, params (double X, double Y)[] via) =>
            Builder.AddEdge(a, b, via.Select(p => (X0 + p.X, Y0 + p.Y)).ToArray());
        public WalkingGraph Build() => Builder.Build("test drawing");
    }

    /// <summary>
    /// A river 200 m wide runs east-west between y = -100 and y = +100; a street on each bank from x = -2000
    /// to x = 2000 and a single bridge at x = 0.
    /// <code>
    ///  (-2000,100) ------------------ (0,100) ------------------ (2000,100)   north bank
    ///                 ~ ~ ~ river ~ ~ ~  |  ~ ~ ~ river ~ ~ ~
    ///  (-2000,-100) ----------------- (0,-100) ----------------- (2000,-100)  south bank
    /// </code>
    /// </summary>
    public static WalkingGraph RiverWithOneBridge()
    {
        var d = new Drawing();
        var nw = d.Node(-2000, 100); var n0 = d.Node(0, 100); var ne = d.Node(2000, 100);
        var sw = d.Node(-2000, -100); var s0 = d.Node(0, -100); var se = d.Node(2000, -100);
        d.Edge(nw, n0); d.Edge(n0, ne); d.Edge(sw, s0); d.Edge(s0, se);
        d.Edge(n0, s0); // the bridge
        return d.Build();
    }

    /// <summary>
    /// A square grid of streets as the bench draws Jinan-sized ones: <paramref name="n"/> × <paramref name="n"/> nodes
    /// <paramref name="spacing"/> m apart from local (0, 0), each moved by up to ± <paramref name="jitter"/> m so that no
    /// two walks tie; prepared for snapping.
    /// </summary>
    public static WalkingGraph JitteredGrid(Random rng, int n, double spacing, double jitter)
    {
        var d = new Drawing();
        var ids = new int[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) ids[i, j] = d.Node(i * spacing + (rng.NextDouble() * 2 - 1) * jitter, j * spacing + (rng.NextDouble() * 2 - 1) * jitter);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                if (i + 1 < n) d.Edge(ids[i, j], ids[i + 1, j]);
                if (j + 1 < n) d.Edge(ids[i, j], ids[i, j + 1]);
            }
        var g = d.Build();
        g.Prepare();
        return g;
    }

    /// <summary>A square grid of streets, <paramref name="n"/> × <paramref name="n"/> nodes, <paramref name="spacing"/> m apart, lower-left at local (0, 0).</summary>
    public static WalkingGraph Grid(int n, double spacing)
    {
        var d = new Drawing();
        var ids = new int[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) ids[i, j] = d.Node(i * spacing, j * spacing);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                if (i + 1 < n) d.Edge(ids[i, j], ids[i + 1, j]);
                if (j + 1 < n) d.Edge(ids[i, j], ids[i, j + 1]);
            }
        return d.Build();
    }
}
