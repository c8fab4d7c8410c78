using NetTopologySuite.Geometries;
using RecycleNet.Core.Isochrones;
using RecycleNet.Core.Network;
using static RecycleNet.Tests.Core.Network.TestNetworks;

namespace RecycleNet.Tests.Core.Isochrones;

public class IsochroneOpTests
{
    private static readonly IsochroneOptions Fifteen = new(); // 15 min at 4.5 km/h = 1,125 m, 50 m street band

    private static Isochrone From(WalkingGraph? g, double dx, double dy, IsochroneOptions? o = null)
    {
        var (lon, lat) = LonLat(dx, dy);
        return IsochroneOp.Compute(g, lon, lat, o ?? Fifteen);
    }

    private static bool Covers(Isochrone iso, double dx, double dy)
    {
        var (lon, lat) = LonLat(dx, dy);
        return iso.Geometry.Covers(new Point(lon, lat));
    }

    [Fact]
    public void Across_a_river_only_what_the_bridge_reaches_is_inside()
    {
        // Origin on the north bank at x = -500: 500 m to the bridge, 200 m across, 425 m left on the south bank.
        var iso = From(RiverWithOneBridge(), -500, 100);
        Assert.Equal(DistanceMethod.Network, iso.Method);
        Assert.True(Covers(iso, -500, 100));
        Assert.True(Covers(iso, 0, 0));        // on the bridge
        Assert.True(Covers(iso, 400, -100));   // south bank, 1,100 m walk
        Assert.False(Covers(iso, 500, -100));  // south bank, 1,200 m walk (75 m past the band's end)
        // Straight across from the origin is 200 m away but a 1,500 m walk: outside, as is the river itself.
        Assert.False(Covers(iso, -500, -100));
        Assert.False(Covers(iso, -800, -100));
        Assert.False(Covers(iso, -500, 0));
        // Along the north bank: 1,100 m west is in, 1,200 m west is out.
        Assert.True(Covers(iso, -1600, 100));
        Assert.False(Covers(iso, -1700, 100));
    }

    [Fact]
    public void Frontier_edges_count_only_their_walked_part()
    {
        // A 2 km street; origin at its middle. 1,125 m reach each way, so the street's ends are out.
        var d = new Drawing();
        var a = d.Node(-1000, 0); var b = d.Node(1000, 0);
        d.Edge(a, b);
        var g = d.Build();
        var iso = From(g, 0, 0, Fifteen with { Walking = new WalkingOptions { Minutes = 10 } }); // 750 m
        Assert.True(Covers(iso, 700, 0));
        Assert.True(Covers(iso, -700, 0));
        Assert.False(Covers(iso, 850, 0));
        Assert.False(Covers(iso, -850, 0));
        // Area ≈ 1,500 m × 100 m band + two 50 m half-discs.
        Assert.InRange(iso.AreaM2, 1500 * 100 + 7000, 1500 * 100 + 8000);
    }

    [Fact]
    public void The_walk_to_the_street_uses_up_time()
    {
        // 10 min = 750 m; the origin is 250 m off the street, so 500 m are left along it each way.
        var d = new Drawing();
        var a = d.Node(-1000, 0); var b = d.Node(1000, 0);
        d.Edge(a, b);
        var iso = From(d.Build(), 0, 250, Fifteen with { Walking = new WalkingOptions { Minutes = 10 } });
        Assert.Equal(250, iso.SnapDistanceM!.Value, 3);
        Assert.True(Covers(iso, 480, 0));
        Assert.False(Covers(iso, 600, 0));
        Assert.True(Covers(iso, 0, 200)); // the path from the door
    }

    [Fact]
    public void Without_a_network_the_circle_is_straight_line_and_says_so()
    {
        var iso = From(null, 0, 0);
        Assert.Equal(DistanceMethod.StraightLine, iso.Method);
        Assert.Equal(1125 / 1.3, iso.RadiusM!.Value, 6);
        Assert.True(Covers(iso, 0, 860));
        Assert.False(Covers(iso, 0, 870));
        Assert.Equal(Math.PI * Math.Pow(1125 / 1.3, 2), iso.AreaM2, Math.PI * Math.Pow(1125 / 1.3, 2) * 0.01);
    }

    [Fact]
    public void Outside_the_networks_area_it_is_straight_line_inside_it_off_street_unreachable()
    {
        var g = Grid(11, 400); // 4 km square, streets every 400 m
        Assert.Equal(DistanceMethod.StraightLine, From(g, 20_000, 20_000).Method);
        // The middle of a 400 m block is 200 m from a street: with a 150 m snapping limit it is unreachable.
        var off = From(g, 1000, 1000, Fifteen with { Walking = new WalkingOptions { SnapDistanceM = 150 } });
        Assert.Equal(DistanceMethod.Unreachable, off.Method);
        Assert.True(off.Geometry.IsEmpty);
        Assert.Equal(DistanceMethod.Network, From(g, 1000, 1000).Method);
    }

    [Fact]
    public void The_polygon_is_far_smaller_than_a_convex_hull_on_a_sparse_network()
    {
        // A plus-shaped pair of streets: the reachable land is a cross, not a diamond.
        var d = new Drawing();
        var c = d.Node(0, 0);
        foreach (var (x, y) in new[] { (2000.0, 0.0), (-2000.0, 0.0), (0.0, 2000.0), (0.0, -2000.0) }) d.Edge(c, d.Node(x, y));
        var iso = From(d.Build(), 0, 0);
        Assert.False(Covers(iso, 400, 400));
        Assert.InRange(iso.AreaM2, 4 * 1125 * 100 * 0.9, 4 * 1125 * 100 * 1.1);
    }
}

/// <summary>
/// The distance-field band against its definition, the union of the pieces' buffers (NetTopologySuite, 16 segments a
/// quarter circle): area within 0.5 %, intersection over union at least 0.99, on a street grid with a compound and
/// stubs, around a fenced compound, and on a 15-minute circle of the bench's Jinan-sized network.
/// </summary>
public class DistanceBandTests
{
    private static readonly GeometryFactory F = new();

    private static List<(double, double, double, double)> Segments(IEnumerable<Coordinate[]> pieces) =>
        [.. pieces.SelectMany(p => p.Zip(p.Skip(1), (a, b) => (a.X, a.Y, b.X, b.Y)))];

    private static void AssertLikeBuffers(IReadOnlyList<Coordinate[]> pieces, double b)
    {
        var band = RecycleNet.Core.Isochrones.DistanceBand.Build(Segments(pieces), b, F);
        var exact = F.CreateMultiLineString([.. pieces.Select(p => F.CreateLineString(p))]).Buffer(b, 16);
        Assert.True(band.IsValid, "the band is a valid polygon");
        var iou = band.Intersection(exact).Area / band.Union(exact).Area;
        Assert.True(iou >= 0.99, $"IoU {iou:F4}");
        Assert.InRange(band.Area, exact.Area * 0.995, exact.Area * 1.005);
    }

    [Fact]
    public void A_street_grid_with_a_compound_and_stubs_gives_the_union_of_buffers()
    {
        // A 12 x 12 grid of 60 m blocks, one 200 m block left open in the middle (a compound), and stubs.
        var pieces = new List<Coordinate[]>();
        for (var i = 0; i <= 12; i++)
        {
            if (i is 6) continue; // the compound: no street through the middle column...
            pieces.Add([new Coordinate(i * 60, 0), new Coordinate(i * 60, 720)]);
            pieces.Add([new Coordinate(0, i * 60), new Coordinate(720, i * 60)]);
        }
        pieces.Add([new Coordinate(360, 0), new Coordinate(360, 250)]); // ...only a dead end into it
        pieces.Add([new Coordinate(720, 300), new Coordinate(900, 310)]); // a frontier piece
        pieces.Add([new Coordinate(-30, -30), new Coordinate(-30.5, -30.2)]); // a piece shorter than a cell
        AssertLikeBuffers(pieces, 50);
    }

    [Fact]
    public void A_large_block_ringed_by_streets_stays_empty_inside()
    {
        // A fenced 400 m square compound with streets only around it: its middle is 200 m from any street.
        var ring = new[] { (0.0, 0.0), (400.0, 0.0), (400.0, 400.0), (0.0, 400.0), (0.0, 0.0) };
        var pieces = ring.Zip(ring.Skip(1), (a, b) => new[] { new Coordinate(a.Item1, a.Item2), new Coordinate(b.Item1, b.Item2) }).ToList();
        var band = RecycleNet.Core.Isochrones.DistanceBand.Build(Segments(pieces), 50, F);
        Assert.False(band.Covers(F.CreatePoint(new Coordinate(200, 200))));
        Assert.True(band.Covers(F.CreatePoint(new Coordinate(200, 40))));
        Assert.Equal(1, ((Polygon)band).NumInteriorRings); // the compound's middle is a hole
        AssertLikeBuffers(pieces, 50);
    }

    [Fact]
    public void Two_far_apart_streets_give_two_polygons()
    {
        var pieces = new List<Coordinate[]> { new[] { new Coordinate(0, 0), new Coordinate(100, 0) }, new[] { new Coordinate(1000, 0), new Coordinate(1000, 300) } };
        var band = RecycleNet.Core.Isochrones.DistanceBand.Build(Segments(pieces), 50, F);
        Assert.Equal(2, band.NumGeometries);
        AssertLikeBuffers(pieces, 50);
    }

    [Fact]
    public void A_15_minute_circle_on_a_jittered_60_m_grid_gives_the_union_of_buffers()
    {
        // The bench's kind of network, smaller: 60 x 60 nodes 60 m apart, jittered by up to 10 m.
        var g = JitteredGrid(new Random(42), 60, 60, 10);
        var origin = new Coordinate(X0 + 1800, Y0 + 1790);
        var snap = g.Snap(origin.X, origin.Y, 300)!.Value;
        var (pieces, _) = IsochroneOp.ReachedPieces(g, origin, snap, 1125);
        Assert.True(pieces.Count > 1000);
        AssertLikeBuffers(pieces, 50);
    }
}
