using RecycleNet.Core.Network;
using static RecycleNet.Tests.Core.Network.TestNetworks;

namespace RecycleNet.Tests.Core.Network;

public class WalkingGraphTests
{
    [Fact]
    public void A_point_snaps_onto_the_edge_not_to_the_nearest_node()
    {
        //                  p (500,40)
        //   (0,0) ------------------------------ (1000,0)
        // Both nodes are 500 m from p; the street itself is 40 m away.
        var d = new Drawing();
        var a = d.Node(0, 0); var b = d.Node(1000, 0);
        d.Edge(a, b);
        var g = d.Build();
        var snap = g.Snap(X0 + 500, Y0 + 40, 300)!.Value;
        Assert.Equal(40, snap.DistanceM, 6);
        Assert.Equal(500, snap.OffsetM, 6);
        Assert.Equal(X0 + 500, snap.X, 6);
        Assert.Equal(Y0, snap.Y, 6);
    }

    [Fact]
    public void Snapping_follows_bends_and_measures_offsets_along_the_shape()
    {
        // (0,0) --- (300,0)
        //              |
        //           (300,-400)   one edge with a bend at (300,0)
        var d = new Drawing();
        var a = d.Node(0, 0); var b = d.Node(300, -400);
        d.Edge(a, b, (300, 0));
        var g = d.Build();
        Assert.Equal(700, g.EdgeLengthM(0), 6);
        var snap = g.Snap(X0 + 320, Y0 - 100, 300)!.Value;
        Assert.Equal(20, snap.DistanceM, 6);
        Assert.Equal(400, snap.OffsetM, 6);
    }

    [Fact]
    public void A_point_beyond_the_snapping_distance_does_not_snap()
    {
        var g = Grid(3, 100);
        Assert.NotNull(g.Snap(X0 + 50, Y0 - 299, 300));
        Assert.Null(g.Snap(X0 + 50, Y0 - 301, 300));
        Assert.Null(g.Snap(X0 + 5000, Y0 + 5000, 300));
    }

    [Fact]
    public void Snapping_finds_the_same_edge_as_a_brute_force_search()
    {
        var g = Grid(30, 73);
        var rng = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var (x, y) = (X0 - 200 + rng.NextDouble() * 2600, Y0 - 200 + rng.NextDouble() * 2600);
            var snap = g.Snap(x, y, 300);
            // Brute force over every edge (all straight): distance to the segment.
            var best = double.MaxValue;
            for (var e = 0; e < g.EdgeCount; e++)
            {
                var (f, t) = g.EdgeNodes(e);
                var (ax, ay) = g.NodePosition(f); var (bx, by) = g.NodePosition(t);
                var len2 = (bx - ax) * (bx - ax) + (by - ay) * (by - ay);
                var s = Math.Clamp(((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / len2, 0, 1);
                best = Math.Min(best, Math.Sqrt(Math.Pow(ax + s * (bx - ax) - x, 2) + Math.Pow(ay + s * (by - ay) - y, 2)));
            }
            if (best <= 300) Assert.Equal(best, snap!.Value.DistanceM, 6);
            else Assert.Null(snap);
        }
    }

    [Fact]
    public void The_search_counts_partly_walked_edges_and_the_walk_from_the_door()
    {
        // (0,0) ---1000--- (1000,0) ---1000--- (2000,0); source 30 m off the street at x = 400.
        var d = new Drawing();
        var n0 = d.Node(0, 0); var n1 = d.Node(1000, 0); var n2 = d.Node(2000, 0);
        d.Edge(n0, n1); d.Edge(n1, n2);
        var g = d.Build();
        var source = g.Snap(X0 + 400, Y0 + 30, 300)!.Value;
        var tree = NetworkSearch.Run(g, [new WalkSource(source, 7)]);
        Assert.Equal(430, tree.NodeDistance(n0), 6);
        Assert.Equal(630, tree.NodeDistance(n1), 6);
        Assert.Equal(1630, tree.NodeDistance(n2), 6);
        // A target on the same edge is reached along it, not around through a node: 30 + 200 + 10.
        var target = g.Snap(X0 + 600, Y0 - 10, 300)!.Value;
        Assert.Equal((240.0, 7), (Math.Round(tree.DistanceTo(target).DistanceM, 6), tree.DistanceTo(target).Label));
        // A target on the next edge: 630 + 500 + 20.
        Assert.Equal(1150, tree.DistanceTo(g.Snap(X0 + 1500, Y0 + 20, 300)!.Value).DistanceM, 6);
    }

    [Fact]
    public void A_bounded_search_stops_at_the_limit_and_labels_the_nearest_source()
    {
        var g = Grid(11, 100); // 1 km square
        var west = g.Snap(X0, Y0 + 500, 10)!.Value;
        var east = g.Snap(X0 + 1000, Y0 + 500, 10)!.Value;
        var tree = NetworkSearch.Run(g, [new WalkSource(west, 1), new WalkSource(east, 2)], maxDistanceM: 450);
        var nearWest = g.Snap(X0 + 200, Y0 + 500, 10)!.Value;
        var nearEast = g.Snap(X0 + 900, Y0 + 400, 10)!.Value;
        Assert.Equal((200.0, 1), tree.DistanceTo(nearWest));
        Assert.Equal((200.0, 2), tree.DistanceTo(nearEast));
        // The middle column is 500 m from both: beyond the 450 m bound.
        Assert.Equal((double.PositiveInfinity, -1), tree.DistanceTo(g.Snap(X0 + 500, Y0 + 500, 10)!.Value));
        Assert.All(tree.Settled, n => Assert.True(tree.NodeDistance(n) <= 450));
    }

    [Fact]
    public void Nodes_in_another_component_are_never_reached()
    {
        var d = new Drawing();
        var a = d.Node(0, 0); var b = d.Node(100, 0); var c = d.Node(0, 50); var e = d.Node(100, 50);
        d.Edge(a, b); d.Edge(c, e);
        var g = d.Build();
        var tree = NetworkSearch.Run(g, [new WalkSource(g.Snap(X0 + 50, Y0 - 5, 20)!.Value, 0)]);
        Assert.True(double.IsPositiveInfinity(tree.NodeDistance(c)));
        Assert.True(double.IsPositiveInfinity(tree.DistanceTo(g.Snap(X0 + 50, Y0 + 55, 20)!.Value).DistanceM));
    }
}
