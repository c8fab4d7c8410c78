using System.Diagnostics;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Policies;
using RecycleNet.Core.SiteSelection;
using RecycleNet.Core.Cities;

namespace RecycleNet.Bench;

/// <summary>
/// A Binzhou-sized county network: `dotnet run -c Release --project bench/RecycleNet.Bench -- county`. Seven counties,
/// 92 townships, 5,000 villages and a drivable grid of 303,420 edges (390 × 390 junctions 250 m apart over a 97 km
/// square: a primary road every 10 km, a secondary every 2 km, the rest unclassified; 5 % of the unclassified one-way),
/// 600 village outlets, 40 transfer stations, 5 county centres. Prints the median time of the whole city's tier coverage
/// (on the network and in a straight line) and the whole-chain siting with each tier's gap, with the core count.
/// </summary>
public static class CountyHarness
{
    private const int Side = 390;
    private const double Spacing = 250;

    public static int Run(string[] args)
    {
        Console.WriteLine($"cores: {Environment.ProcessorCount}");
        var watch = Stopwatch.StartNew();
        var (city, graph, projection) = Build(seed: 14);
        Console.WriteLine($"built: {graph.NodeCount:N0} junctions, {graph.EdgeCount:N0} edges ({graph.OnewayEdges:N0} one-way), {city.Districts.Count} counties, " +
                          $"{city.Townships.Count} townships, {city.Villages.Count:N0} villages, {city.Outlets.Count} village outlets, " +
                          $"{city.TransferStations.Count} stations, {city.SortingCenters.Count} county centres in {watch.ElapsedMilliseconds} ms");
        var rules = new TierRules(new Citation("plan", "五", "（十四）", "建设县域分拣中心、乡镇中转站和村级回收网点"),
            new TierRule(3, "km", Assumption: "bench"), new TierRule(20, "min", Assumption: "bench"), new TierRule(60, "min", Assumption: "bench"));
        var network = new NetworkRoads(graph);
        var straight = new StraightLineRoads(projection);

        foreach (var (name, roads) in new (string, IRoadDistances)[] { ("network", network), ("straight line", straight) })
        {
            // The first call is cold (snapping index, JIT tier 0); the service runs tier-1 code once a method has run 30
            // times, so the steady state is measured after 30 warm-up calls, as BenchmarkDotNet would.
            watch.Restart();
            TierReport report = TierCoverageOp.Measure(city, rules, roads);
            var cold = watch.Elapsed.TotalMilliseconds;
            for (var i = 0; i < 29; i++) TierCoverageOp.Measure(city, rules, roads);
            var times = new List<double>();
            for (var i = 0; i < 30; i++)
            {
                watch.Restart();
                report = TierCoverageOp.Measure(city, rules, roads);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"tier coverage, {name}: median {times[times.Count / 2]:0.0} ms (min {times[0]:0.0}, max {times[^1]:0.0}; first call {cold:0} ms); " +
                              $"villages served {report.City.VillagesServed:N0}/{report.City.Villages:N0}, townships {report.City.TownshipsServed}/{report.City.Townships}, " +
                              $"stations {report.City.StationsServed}/{report.City.Stations}");
        }

        // Where the network's time goes: each of the three searches on its own.
        var villagePoints = city.Villages.Select(v => v.Location).ToList();
        var outletPoints = city.Outlets.Select(o => o.Location).ToList();
        var townshipPoints = city.Townships.Select(t => t.Geometry.InteriorPoint).ToList();
        var stationPoints = city.TransferStations.Select(s => s.Location).ToList();
        var centrePoints = city.SortingCenters.Select(c => c.Location).ToList();
        foreach (var (name, search) in new (string, Action)[]
                 {
                     ("villages → village outlets (3 km)", () => network.Nearest(villagePoints, outletPoints, RoadMetric.Distance, 3000)),
                     ("townships → stations (time)", () => network.Nearest(townshipPoints, stationPoints, RoadMetric.Time)),
                     ("stations → county centres (time)", () => network.Nearest(stationPoints, centrePoints, RoadMetric.Time)),
                 })
        {
            var times = new List<double>();
            for (var i = 0; i < 30; i++) search();
            for (var i = 0; i < 15; i++) { watch.Restart(); search(); times.Add(watch.Elapsed.TotalMilliseconds); }
            times.Sort();
            Console.WriteLine($"  {name}: median {times[times.Count / 2]:0.0} ms");
        }

        var options = new TierSitingOptions { VillageOutlets = 50, TransferStations = 10, CountyCentres = 2, CountyCentreCapacityTonnesPerDay = 150, TimeLimitSeconds = 10 };
        for (var run = 1; run <= 3; run++)
        {
            GC.Collect();
            watch.Restart();
            var plan = TierSiting.Plan(city, rules, network, options);
            var ms = watch.ElapsedMilliseconds;
            Console.WriteLine($"whole chain run {run} on the network: {ms:N0} ms; total haul {plan.TotalHaulTonneKm:N1} t·km/day; " +
                              string.Join("; ", new[] { plan.VillageOutlets, plan.TransferStations, plan.CountyCentres }.OfType<TierPlan>()
                                  .Select(t => $"{t.Tier} {t.Sites.Count} sites, objective {t.Objective:N1} {t.ObjectiveUnit}, bound {t.Bound:N1}, gap {t.Gap:P2} ({t.Method}, {t.Elapsed.TotalMilliseconds:N0} ms, {t.Candidates} candidates)")));
        }
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MiB");
        return 0;
    }

    /// <summary>The synthetic county network, deterministic for a seed.</summary>
    public static (CitySnapshot City, RoadGraph Graph, LocalProjection Projection) Build(int seed)
    {
        var rng = new Random(seed);
        var projection = LocalProjection.ForLongitude(118.0);
        var (x0, y0) = projection.Project(117.5, 37.0);
        var builder = new RoadGraphBuilder(projection);
        for (var j = 0; j < Side; j++)
            for (var i = 0; i < Side; i++) builder.AddNode(x0 + i * Spacing, y0 + j * Spacing);
        RoadAttributes Road(int line, bool mayBeOneway) => line % 40 == 0 ? new("primary", RoadDirection.Both, 60, false)
            : line % 8 == 0 ? new("secondary", RoadDirection.Both, 50, false)
            : new("unclassified", mayBeOneway && rng.NextDouble() < 0.05 ? (rng.NextDouble() < 0.5 ? RoadDirection.Forward : RoadDirection.Backward) : RoadDirection.Both, 30, false);
        for (var j = 0; j < Side; j++)
            for (var i = 0; i < Side; i++)
            {
                var n = j * Side + i;
                if (i + 1 < Side) builder.AddEdge(n, n + 1, Road(j, true));
                if (j + 1 < Side) builder.AddEdge(n, n + Side, Road(i, true));
            }
        var graph = builder.Build("synthetic county grid");
        graph.Shape.Prepare();

        var width = (Side - 1) * Spacing;
        Point At(double x, double y) { var (lon, lat) = projection.Unproject(x0 + x, y0 + y); return new Point(lon, lat); }
        Polygon Box(double ax, double ay, double bx, double by) => new(new LinearRing(
            new[] { At(ax, ay), At(bx, ay), At(bx, by), At(ax, by), At(ax, ay) }.Select(p => p.Coordinate).ToArray()));
        var counties = Enumerable.Range(0, 7).Select(c => new District
        {
            Id = c + 1, Name = $"县{c + 1}", Adcode = $"3799{c + 1:00}", Population = 500_000, AvgHouseholdSize = 2.8,
            Geometry = Box(c * width / 7, 0, (c + 1) * width / 7, width),
        }).ToList();
        var cell = width / 10;
        var townships = Enumerable.Range(0, 92).Select(t =>
        {
            var (gx, gy) = (t % 10, t / 10);
            var centreX = (gx + 0.5) * cell;
            return new Township
            {
                Id = t + 1, Name = $"镇{t + 1}", Code = $"3799{(int)(centreX / (width / 7)) + 1:00}{t + 1:000}", DistrictId = (int)(centreX / (width / 7)) + 1,
                Geometry = Box(gx * cell, gy * cell, (gx + 1) * cell, (gy + 1) * cell),
            };
        }).ToList();
        var villages = Enumerable.Range(0, 5_000).Select(v =>
        {
            var t = townships[rng.Next(townships.Count)];
            var (gx, gy) = ((t.Id - 1) % 10, (t.Id - 1) / 10);
            var (x, y) = (gx * cell + rng.NextDouble() * cell, gy * cell + rng.NextDouble() * cell);
            var households = (int)Math.Clamp(110 * Math.Exp(0.6 * Gaussian(rng)), 20, 1_000);
            return new Village
            {
                Id = v + 1, Name = $"村{v + 1}", Population = (int)(households * 2.8), Households = households, TownshipId = t.Id,
                DistrictId = t.DistrictId, Geometry = At(x, y),
            };
        }).ToList();
        var outlets = villages.OrderBy(_ => rng.Next()).Take(600).Select((v, k) => new Outlet
        {
            Id = k + 1, Name = $"村级网点{k + 1}", Kind = OutletKind.Fixed, Status = FacilityStatus.Operating, Tier = OutletTier.Village, Geometry = v.Geometry,
        }).ToList();
        var stations = townships.OrderBy(_ => rng.Next()).Take(40).Select((t, k) =>
        {
            var host = villages.First(v => v.TownshipId == t.Id);
            return new TransferStation { Id = k + 1, Name = $"中转站{k + 1}", TownshipId = t.Id, Status = FacilityStatus.Operating, CapacityTonnesPerDay = 20, Geometry = host.Geometry };
        }).ToList();
        var centres = Enumerable.Range(0, 5).Select(k => new SortingCenter
        {
            Id = k + 1, Name = $"县域分拣中心{k + 1}", Tier = CenterTier.County, Status = FacilityStatus.Operating, CapacityTonnesPerDay = 150,
            Geometry = villages[rng.Next(villages.Count)].Geometry,
        }).ToList();
        var city = new CitySnapshot(counties, [], outlets, centres) { Townships = townships, Villages = villages, TransferStations = stations };
        return (city, graph, projection);
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
