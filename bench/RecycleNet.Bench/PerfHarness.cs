using System.Diagnostics;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Isochrones;
using RecycleNet.Core.Network;

namespace RecycleNet.Bench;

/// <summary>
/// Issue 17's timed figures on the synthetic Jinan-sized case (499,000 edges, 5,000 communities, 200 outlets):
/// `dotnet run -c Release --project bench/RecycleNet.Bench -- perf`. Each line is the median of 30 runs after 60
/// warm-up ones (the 200 circles: 5 after 10), with the parts of whole-city coverage (the multi-source search; snapping
/// the communities) so a change can be aimed; and the circle's area against its definition, the union of buffers. BenchmarkDotNet's CoverageBenchmarks measure the same calls with its own statistics.
/// </summary>
public static class PerfHarness
{
    public static int Run(string[] args)
    {
        Console.WriteLine($"cores: {Environment.ProcessorCount}");
        var graph = SyntheticCity.Network();
        var city = SyntheticCity.City();
        var b = new CoverageBenchmarks();
        b.Setup();
        var options = new CoverageOptions();
        var projection = graph.Projection;
        var sources = city.Outlets.Select((o, i) =>
        {
            var (x, y) = projection.Project(o.Location.X, o.Location.Y);
            return new WalkSource(graph.Snap(x, y, 300)!.Value, i);
        }).ToList();
        using (var t = NetworkSearch.Run(graph, sources, options.Walking.LimitM))
            Console.WriteLine($"the search settles {t.Settled.Count:N0} of {graph.NodeCount:N0} nodes");
        var covered = b.WholeCityCoverage().CoveredHouseholds;
        Console.WriteLine($"covered households: {covered:N0}; one circle: {b.OneLifeCircle():N0} m²");
        // The circle against its definition, the union of its pieces' buffers (NetTopologySuite, slow): area and IoU.
        var mid0 = city.Outlets.OrderBy(o => Math.Abs(o.Location.X - city.Outlets.Average(p => p.Location.X)) + Math.Abs(o.Location.Y - city.Outlets.Average(p => p.Location.Y))).First();
        var (ox, oy) = projection.Project(mid0.Location.X, mid0.Location.Y);
        var (pieces, _) = IsochroneOp.ReachedPieces(graph, new NetTopologySuite.Geometries.Coordinate(ox, oy), graph.Snap(ox, oy, 300)!.Value, options.Walking.LimitM);
        var f = new NetTopologySuite.Geometries.GeometryFactory();
        var exact = f.CreateMultiLineString([.. pieces.Select(p => f.CreateLineString(p))]).Buffer(50, 16);
        var band = DistanceBand.Build([.. pieces.SelectMany(p => p.Zip(p.Skip(1), (u, v) => (u.X, u.Y, v.X, v.Y)))], 50, f);
        Console.WriteLine($"circle against the union of its pieces' buffers: area {band.Area:N0} vs {exact.Area:N0} m², IoU {band.Intersection(exact).Area / band.Union(exact).Area:F4}");
        Time("whole-city coverage", () => b.WholeCityCoverage());
        Time("  the multi-source search alone", () => NetworkSearch.Run(graph, sources, options.Walking.LimitM).Dispose());
        Time("  snapping 5,000 communities", () =>
        {
            foreach (var c in city.Communities)
            {
                var (x, y) = projection.Project(c.Location.X, c.Location.Y);
                WalkingAccess.Locate(graph, x, y, 300);
            }
        });
        Time("one planned outlet's gain (subsidy estimate)", () => b.OnePlannedOutletGain());
        // The what-if endpoint: today's report is kept (CoverageCache); the change is scored against it.
        var today = CoverageScorer.Score(city, graph, options);
        var mid = city.Outlets[city.Outlets.Count / 2];
        var added = city with
        {
            Outlets = [.. city.Outlets, new RecycleNet.Core.Model.Outlet { Id = 999_999, Name = "what-if", Kind = RecycleNet.Core.Model.OutletKind.Fixed,
                Status = RecycleNet.Core.Model.FacilityStatus.Operating, Geometry = new NetTopologySuite.Geometries.Point(mid.Location.X + 0.004, mid.Location.Y + 0.004) }],
        };
        var closed = city with { Outlets = [.. city.Outlets.Select(o => o.Id == mid.Id ? o.With((NetTopologySuite.Geometries.Point)o.Geometry, RecycleNet.Core.Model.FacilityStatus.Closed) : o)] };
        if (CoverageScorer.Score(added, graph, options, today).City != CoverageScorer.Score(added, graph, options).City) throw new InvalidOperationException("what-if differs from a full run");
        Time("what-if: add one outlet (against today's)", () => CoverageScorer.Score(added, graph, options, today));
        Time("what-if: close one outlet (against today's)", () => CoverageScorer.Score(closed, graph, options, today));
        Time("one 15-minute life circle", () => b.OneLifeCircle());
        var circleSegments = pieces.SelectMany(p => p.Zip(p.Skip(1), (u, v) => (u.X, u.Y, v.X, v.Y))).ToList();
        Time("  its reach (search, pieces)", () => IsochroneOp.ReachedPieces(graph, new NetTopologySuite.Geometries.Coordinate(ox, oy), graph.Snap(ox, oy, 300)!.Value, options.Walking.LimitM));
        Time("  its band (paint, trace)", () => DistanceBand.Build(circleSegments, 50, f));
        Time("  the band in WGS84 (unprojected)", () => graph.Projection.Unproject(band));
        Console.WriteLine($"  the band has {band.NumPoints:N0} vertices");
        Time("all 200 life circles (the life-circles collection)", () => RecycleNet.Core.Features.CoverageFeatures.BuildLifeCircles(city, graph, new IsochroneOptions()), runs: 5);
        return 0;
    }

    private static void Time(string what, Action run, int runs = 30)
    {
        // Enough calls for tiered compilation to reach its optimised code, as in a service that has run a while.
        for (var i = 0; i < Math.Min(60, 2 * runs); i++) run();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var w = Stopwatch.StartNew();
            run();
            times.Add(w.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{what,-45} median {times[runs / 2],8:0.00} ms   min {times[0],8:0.00} ms");
    }
}
