using NetTopologySuite.Geometries;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Policies;
using RecycleNet.Core.SiteSelection;
using static RecycleNet.Tests.Core.Network.TestNetworks;
using RecycleNet.Core.Cities;

namespace RecycleNet.Tests.Core.SiteSelection;

/// <summary>
/// The three tiers' siting against brute force on small seeded counties (straight line × 1.0 at 60 km/h, so that every
/// distance can be recomputed here): a 4 × 3 grid of 10 km townships, villages scattered in them, no facility yet but
/// one operating station and one county centre.
/// </summary>
public class TierSitingTests
{
    // Drawn in kilometres: the shared helpers (TestNetworks.At, Box) take metres.
    private static Point P(double xKm, double yKm) => At(xKm * 1000, yKm * 1000);

    private static Polygon Box(double x0, double y0, double x1, double y1) => Network.TestNetworks.Box(x0 * 1000, y0 * 1000, x1 * 1000, y1 * 1000);

    private static readonly TierRules Rules = new(new Citation("plan", "五", "（十四）", "建设县域分拣中心、乡镇中转站和村级回收网点"),
        new TierRule(3, "km", Assumption: "test"), new TierRule(20, "min", Assumption: "test"), new TierRule(60, "min", Assumption: "test"));

    private static CitySnapshot County(int seed, int villagesPerTownship)
    {
        var rng = new Random(seed);
        var townships = new List<Township>();
        var villages = new List<Village>();
        for (var gx = 0; gx < 4; gx++)
            for (var gy = 0; gy < 3; gy++)
            {
                var id = townships.Count + 1;
                townships.Add(new Township { Id = id, Name = $"T{id}", Code = $"37990110{id:00}", DistrictId = 1, Geometry = Box(gx * 10, gy * 10, gx * 10 + 10, gy * 10 + 10) });
                for (var v = 0; v < villagesPerTownship; v++)
                {
                    var pop = rng.Next(100, 1500);
                    villages.Add(new Village
                    {
                        Id = villages.Count + 1, Name = $"V{villages.Count + 1}", Population = pop, Households = pop / 3, TownshipId = id, DistrictId = 1,
                        Geometry = P(gx * 10 + 0.5 + rng.NextDouble() * 9, gy * 10 + 0.5 + rng.NextDouble() * 9),
                    });
                }
            }
        return new CitySnapshot([new District { Id = 1, Name = "县", Adcode = "379901", Population = 100_000, AvgHouseholdSize = 3, Geometry = Box(0, 0, 40, 30) }],
            [], [], [new SortingCenter { Id = 1, Name = "K", Tier = CenterTier.County, Status = FacilityStatus.Operating, CapacityTonnesPerDay = 3, Geometry = P(5, 5) }])
        {
            Townships = townships, Villages = villages,
            TransferStations = [new TransferStation { Id = 1, Name = "S1", TownshipId = 1, Status = FacilityStatus.Operating, Geometry = villages[0].Location }],
        };
    }

    private static readonly RoadFallbackOptions Straight = new() { Circuity = 1.0, SpeedKmh = 60 };

    private static double Km(Point a, Point b)
    {
        var (ax, ay) = Zone39.Project(a.X, a.Y);
        var (bx, by) = Zone39.Project(b.X, b.Y);
        return Math.Sqrt((ax - bx) * (ax - bx) + (ay - by) * (ay - by)) / 1000;
    }

    private static IEnumerable<int[]> Subsets(int n, int k, int start = 0)
    {
        if (k == 0) { yield return []; yield break; }
        for (var i = start; i <= n - k; i++)
            foreach (var rest in Subsets(n, k - 1, i + 1)) yield return [i, .. rest];
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    public void Village_outlets_cover_as_much_as_the_best_plan_brute_force_finds(int seed, int k)
    {
        var city = County(seed, 3);
        var roads = StraightLineRoads.For(city, null, Straight);
        var plan = TierSiting.VillageOutlets(city, Rules, roads, k, seconds: 2);
        // Brute force over every set of k villages: households of the unserved villages within 3 km of one of them.
        var unserved = TierCoverageOp.Measure(city, Rules, roads).Villages.Where(v => !v.Served).Select(v => v.Village).ToList();
        var all = city.Villages.OrderBy(v => v.Id).ToList();
        var best = Subsets(all.Count, k).Max(set => unserved.Where(u => set.Any(j => Km(u.Location, all[j].Location) <= 3)).Sum(u => (long)u.Households));
        Assert.Equal(best, plan.Objective);
        Assert.True(plan.Bound >= best - 1e-6);
        Assert.Equal(k, plan.Sites.Count);
        // The same model by SCIP (OR-Tools) agrees.
        var sets = CoverageSets.FromLists([.. unserved.Select(v => (long)v.Households)],
            [.. all.Select(c => (IReadOnlyCollection<int>)unserved.Select((u, i) => (u, i)).Where(x => Km(x.u.Location, c.Location) <= 3).Select(x => x.i).ToList())]);
        Assert.Equal(best, MclpExact.Solve(sets, k).Objective);
    }

    [Theory]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    public void Transfer_stations_haul_no_more_than_the_best_plan_brute_force_finds(int seed, int p)
    {
        var city = County(seed, 2);
        var roads = StraightLineRoads.For(city, null, Straight);
        var plan = TierSiting.Plan(city, Rules, roads, new TierSitingOptions { VillageOutlets = 0, TransferStations = p, CountyCentres = 0, StationHaulLimitM = 1e9 });
        var stations = plan.TransferStations!;
        // Candidates: the most populous village of each township but township 1 (its station operates).
        var villages = city.Villages.OrderBy(v => v.Id).ToList();
        var hosts = villages.Where(v => v.TownshipId != 1).GroupBy(v => v.TownshipId).OrderBy(g => g.Key)
            .Select(g => g.OrderByDescending(v => v.Population).ThenBy(v => v.Id).First()).ToList();
        double Cost(int[] open) => villages.Sum(v => v.Households * 0.5 / 1000 *
            open.Select(c => Km(v.Location, hosts[c].Location)).Append(Km(v.Location, city.TransferStations[0].Location)).Min());
        var best = Subsets(hosts.Count, p).Min(Cost);
        Assert.Equal(best, stations.Objective, 6);
        Assert.True(stations.Bound <= best + 1e-9 && stations.Gap is >= 0 and < 0.5, $"bound {stations.Bound}, gap {stations.Gap}");
        Assert.Equal(best, plan.VillageHaulTonneKm, 6);
        Assert.All(stations.Sites, s => Assert.NotEqual(1, s.TownshipId)); // none where a station operates
        Assert.Equal(stations.Sites.Count, stations.Sites.Select(s => s.TownshipId).Distinct().Count()); // at most one per township
    }

    [Fact]
    public void County_centres_respect_capacities_with_single_sourcing_as_brute_force_does()
    {
        var city = County(7, 2);
        var roads = StraightLineRoads.For(city, null, Straight);
        // Two new stations join S1; the existing centre K takes 3 t/day, a new one 2: K cannot take all.
        var plan = TierSiting.Plan(city, Rules, roads, new TierSitingOptions
        {
            VillageOutlets = 0, TransferStations = 2, CountyCentres = 1, CountyCentreCapacityTonnesPerDay = 2, StationHaulLimitM = 1e9, CentreHaulLimitM = 1e9,
            KgPerHouseholdPerDay = 0.6, TimeLimitSeconds = 10,
        });
        var centres = plan.CountyCentres!;
        Assert.Equal(0, plan.StationsWithoutCentre);
        // Brute force: the three stations' volumes and places as the plan made them, each to one open centre, within capacity.
        var villages = city.Villages.OrderBy(v => v.Id).ToList();
        var stationPlaces = new List<Point> { city.TransferStations[0].Location };
        stationPlaces.AddRange(plan.TransferStations!.Sites.Select(s => P0(s)));
        var volume = new double[3];
        foreach (var v in villages)
        {
            var nearest = Enumerable.Range(0, 3).MinBy(s => Km(v.Location, stationPlaces[s]));
            volume[nearest] += v.Households * 0.6 / 1000;
        }
        var hosts = villages.Where(v => v.TownshipId is not null).GroupBy(v => v.TownshipId).OrderBy(g => g.Key)
            .Select(g => g.OrderByDescending(v => v.Population).ThenBy(v => v.Id).First()).ToList();
        var best = double.PositiveInfinity;
        foreach (var c in Enumerable.Range(0, hosts.Count))
            for (var mask = 0; mask < 8; mask++) // station s goes to the new centre when bit s is set, else to K
            {
                var loadK = Enumerable.Range(0, 3).Where(s => (mask >> s & 1) == 0).Sum(s => volume[s]);
                var loadNew = Enumerable.Range(0, 3).Where(s => (mask >> s & 1) == 1).Sum(s => volume[s]);
                if (loadK > 3 + 1e-9 || loadNew > 2 + 1e-9) continue;
                var cost = Enumerable.Range(0, 3).Sum(s => volume[s] * Km(stationPlaces[s], (mask >> s & 1) == 1 ? hosts[c].Location : city.SortingCenters[0].Location));
                best = Math.Min(best, cost);
            }
        Assert.Equal(best, centres.Objective, 4);
        Assert.Equal("SCIP (OR-Tools)", centres.Method);
        Assert.Equal(plan.VillageHaulTonneKm + plan.StationHaulTonneKm, plan.TotalHaulTonneKm, 9);
    }

    private static Point P0(TierSite s) => new(s.Lon, s.Lat);
}
