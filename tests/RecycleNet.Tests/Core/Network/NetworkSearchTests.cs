using NetTopologySuite.Geometries;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Cities;

namespace RecycleNet.Tests.Core.Network;

/// <summary>
/// The walking search keeps Dijkstra's answers: against a textbook Dijkstra (a binary heap, no buckets) on random
/// networks with edges far shorter than a bucket (centimetres) and far longer (kilometres), several sources, bounded and
/// not; and whole-city coverage, searched in parts on several cores, equals each community's nearest outlet found one
/// outlet at a time.
/// </summary>
public class NetworkSearchTests
{
    private const double X0 = TestNetworks.X0, Y0 = TestNetworks.Y0;

    private static WalkingGraph RandomNetwork(Random rng, int nodes)
    {
        var b = new WalkingGraphBuilder(LocalProjection.ForZone(39));
        for (var i = 0; i < nodes; i++)
        {
            // Clusters of nodes centimetres to metres apart, the clusters hundreds of metres to kilometres apart.
            var (cx, cy) = (rng.Next(8) * 700.0, rng.Next(8) * 900.0);
            var spread = rng.Next(3) switch { 0 => 0.05, 1 => 3.0, _ => 120.0 };
            b.AddNode(X0 + cx + rng.NextDouble() * spread, Y0 + cy + rng.NextDouble() * spread);
        }
        for (var i = 0; i < nodes * 2; i++) b.AddEdge(rng.Next(nodes), rng.Next(nodes));
        for (var i = 1; i < nodes; i++) b.AddEdge(i - 1, i); // mostly connected
        var g = b.Build("random");
        g.Prepare();
        return g;
    }

    /// <summary>Dijkstra as in the textbook, over the graph's own edges.</summary>
    private static double[] Reference(WalkingGraph g, IReadOnlyList<WalkSource> sources, double max)
    {
        var dist = Enumerable.Repeat(double.PositiveInfinity, g.NodeCount).ToArray();
        var adjacent = new List<(int To, double Length)>[g.NodeCount];
        for (var n = 0; n < g.NodeCount; n++) adjacent[n] = [];
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var (a, c) = g.EdgeNodes(e);
            adjacent[a].Add((c, g.EdgeLengthM(e)));
            adjacent[c].Add((a, g.EdgeLengthM(e)));
        }
        var queue = new PriorityQueue<int, double>();
        void Seed(int n, double d) { if (d <= max && d < dist[n]) { dist[n] = d; queue.Enqueue(n, d); } }
        foreach (var s in sources)
        {
            var (a, c) = g.EdgeNodes(s.At.Edge);
            Seed(a, s.At.DistanceM + s.At.OffsetM);
            Seed(c, s.At.DistanceM + g.EdgeLengthM(s.At.Edge) - s.At.OffsetM);
        }
        while (queue.TryDequeue(out var u, out var du))
        {
            if (du > dist[u]) continue;
            foreach (var (v, len) in adjacent[u]) Seed(v, du + len);
        }
        return dist;
    }

    [Fact]
    public void Distances_equal_a_textbook_Dijkstra_on_random_networks_with_centimetre_and_kilometre_edges()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var rng = new Random(seed);
            var g = RandomNetwork(rng, 150 + rng.Next(250));
            var sources = Enumerable.Range(0, 1 + rng.Next(6)).Select(i =>
            {
                var e = rng.Next(g.EdgeCount);
                var at = new SnapPoint(e, rng.NextDouble() * g.EdgeLengthM(e), rng.NextDouble() * 30, 0, 0);
                return new WalkSource(at, i);
            }).ToList();
            foreach (var max in new[] { 50.0, 1125.0, double.PositiveInfinity })
            {
                var expected = Reference(g, sources, max);
                using var tree = NetworkSearch.Run(g, sources, max);
                for (var n = 0; n < g.NodeCount; n++)
                {
                    if (double.IsPositiveInfinity(expected[n])) Assert.True(double.IsPositiveInfinity(tree.NodeDistance(n)), $"seed {seed}, max {max}, node {n}");
                    else Assert.Equal(expected[n], tree.NodeDistance(n), 9);
                }
                Assert.Equal(expected.Count(double.IsFinite), tree.Settled.Count);
            }
        }
    }

    [Fact]
    public void Whole_city_coverage_searched_in_parts_equals_each_communitys_nearest_outlet_one_outlet_at_a_time()
    {
        // A 60 × 60 grid of 50 m blocks with 300 outlets: enough for the coverage run to split its search across cores.
        var rng = new Random(5);
        var g = TestNetworks.JitteredGrid(rng, 60, 50, 4);
        var projection = g.Projection;
        Point At(double x, double y) { var (lon, lat) = projection.Unproject(x, y); return new Point(lon, lat); }
        var outlets = Enumerable.Range(1, 300).Select(i => new Outlet
        {
            Id = i, Name = $"O{i}", Kind = OutletKind.Fixed, Status = FacilityStatus.Operating, Geometry = At(X0 + rng.NextDouble() * 2950, Y0 + rng.NextDouble() * 2950),
        }).ToList();
        var communities = Enumerable.Range(1, 600).Select(i => new Community
        {
            Id = i, Name = $"C{i}", Households = 100, Geometry = At(X0 + rng.NextDouble() * 2950, Y0 + rng.NextDouble() * 2950),
        }).ToList();
        var options = new CoverageOptions { Walking = new WalkingOptions { Minutes = 3 } }; // 225 m: many outlets out of each other's reach
        var report = CoverageScorer.Score(new CitySnapshot([], communities, outlets, []), g, options);

        var snapM = options.Walking.SnapDistanceM;
        var outletSnaps = outlets.Select(o => { var (x, y) = projection.Project(o.Location.X, o.Location.Y); return g.Snap(x, y, snapM)!.Value; }).ToList();
        foreach (var row in report.Communities)
        {
            var (x, y) = projection.Project(row.Community.Location.X, row.Community.Location.Y);
            var at = g.Snap(x, y, snapM)!.Value;
            var best = double.PositiveInfinity;
            foreach (var s in outletSnaps)
            {
                using var one = NetworkSearch.Run(g, [new WalkSource(s, 0)], options.Walking.LimitM);
                best = Math.Min(best, one.DistanceTo(at).DistanceM);
            }
            Assert.Equal(best <= options.Walking.LimitM, row.Covered);
            if (double.IsFinite(best)) Assert.Equal(best, row.DistanceM!.Value, 9);
        }
    }
}
