using NetTopologySuite.Geometries;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Policies;
using static RecycleNet.Tests.Core.Network.TestNetworks;
using RecycleNet.Core.Cities;
using RecycleNet.Core.SiteSelection;

namespace RecycleNet.Tests.Core.Coverage;

/// <summary>
/// The tier rules pinned on a hand-drawn county, in local km (y up), measured in a straight line × 1.0 at 60 km/h so
/// that every figure is a round number (1 km = 1 min):
/// <code>
///   township W (x -40..0)                    | township E (x 0..40)            | township N (x 40..80)
///   S1* station (-10,0) in W                 |  E's centre (20,0): 30 min to S1 | N's centre (60,0): 70 min to S1
///   V1 (-12,0) 2 km from O1   O1 village outlet (-10,0)                       | S2 station (60,1), in N
///   V2 (-13.5,0) 3.5 km from O1 (beyond 3 km)                                 |
///   V3 (-30,0) far, listed by mobile station M                                |
///   V4 (20,5) 1 km from merged waste-sorting point P (20,4)                   |
///   K county centre (-10,-45): S1 45 min (served), S2 (60,1) 83 min (not served)
/// </code>
/// Rules: villages 3 km, townships 20 min, stations 60 min.
/// </summary>
public class TierCoverageOpTests
{
    // Drawn in kilometres: the shared helpers (TestNetworks.At, Box) take metres.
    private static Point P(double xKm, double yKm) => At(xKm * 1000, yKm * 1000);

    private static Polygon Box(double x0, double y0, double x1, double y1) => Network.TestNetworks.Box(x0 * 1000, y0 * 1000, x1 * 1000, y1 * 1000);

    private static readonly Citation Plan = new("plan", "五", "（十四）", "建设县域分拣中心、乡镇中转站和村级回收网点");

    public static readonly TierRules Rules = new(Plan, new TierRule(3, "km", Assumption: "test", AssumptionZh: "测试"), new TierRule(20, "min", Assumption: "test", AssumptionZh: "测试"),
        new TierRule(60, "min", Assumption: "test", AssumptionZh: "测试"));

    private static CitySnapshot County()
    {
        var county = new District { Id = 1, Name = "县", Adcode = "379901", Population = 10_000, AvgHouseholdSize = 2.5, Geometry = Box(-40, -50, 80, 50) };
        Township T(long id, string name, double x0, double x1) => new() { Id = id, Name = name, Code = $"37990110{id}", DistrictId = 1, Geometry = Box(x0, -50, x1, 50) };
        Village V(long id, double x, double y, int pop) => new() { Id = id, Name = $"V{id}", Population = pop, Households = pop / 2, DistrictId = 1, Geometry = P(x, y) };
        return new CitySnapshot([county], [], [
            new Outlet { Id = 1, Name = "O1", Kind = OutletKind.Fixed, Status = FacilityStatus.Operating, Tier = OutletTier.Village, Geometry = P(-10, 0) },
            // A community-tier outlet next to V2 does not serve villages: the rule counts village outlets.
            new Outlet { Id = 2, Name = "O2", Kind = OutletKind.Fixed, Status = FacilityStatus.Operating, Tier = OutletTier.Community, Geometry = P(-13.6, 0) },
            new Outlet { Id = 3, Name = "M", Kind = OutletKind.Mobile, Status = FacilityStatus.Operating, Geometry = P(-10, 0), ServedVillageIds = [3] },
            // A closed village outlet at V2 serves nobody.
            new Outlet { Id = 4, Name = "O4", Kind = OutletKind.Fixed, Status = FacilityStatus.Closed, Tier = OutletTier.Village, Geometry = P(-13.5, 0) },
        ],
        [
            new SortingCenter { Id = 1, Name = "K", Status = FacilityStatus.Operating, Tier = CenterTier.County, Geometry = P(-10, -45) },
            // A city-tier centre beside S2 is not a county centre.
            new SortingCenter { Id = 2, Name = "City", Status = FacilityStatus.Operating, Tier = CenterTier.City, Geometry = P(61, 1) },
        ])
        {
            Townships = [T(1, "W", -40, 0), T(2, "E", 0, 40), T(3, "N", 40, 80)],
            Villages = [V(1, -12, 0, 400), V(2, -13.5, 0, 300), V(3, -30, 0, 200), V(4, 20, 5, 100)],
            TransferStations =
            [
                new TransferStation { Id = 1, Name = "S1", TownshipId = 1, Status = FacilityStatus.Operating, Geometry = P(-10, 0) },
                new TransferStation { Id = 2, Name = "S2", TownshipId = 3, Status = FacilityStatus.Operating, Geometry = P(60, 1) },
                new TransferStation { Id = 3, Name = "planned", TownshipId = 2, Status = FacilityStatus.Planned, Geometry = P(20, 0) },
            ],
            WasteSortingPoints =
            [
                new WasteSortingPoint { Id = 7, Name = "P", VillageId = 4, TakesRecyclables = true, Geometry = P(20, 4) },
                new WasteSortingPoint { Id = 8, Name = "unmerged", VillageId = 2, TakesRecyclables = false, Geometry = P(-13.5, 0.1) },
            ],
        };
    }

    private static IRoadDistances Roads(CitySnapshot city) =>
        StraightLineRoads.For(city, null, new RoadFallbackOptions { Circuity = 1.0, SpeedKmh = 60 });

    [Fact]
    public void Villages_are_served_by_a_village_outlet_within_the_distance_a_merged_point_or_a_listing_mobile_station()
    {
        var city = County();
        var r = TierCoverageOp.Measure(city, Rules, Roads(city));
        var v = r.Villages.ToDictionary(x => x.Village.Id);
        Assert.True(v[1].Served);
        Assert.Equal(1, v[1].OutletId);
        Assert.Equal(2000, v[1].RoadM!.Value, 0.5);
        Assert.False(v[2].Served); // 3.5 km: beyond 3 km; O2 is a community outlet, O4 closed, point 8 not merged
        Assert.True(v[3].Served);
        Assert.Equal(3, v[3].MobileStationId);
        Assert.Null(v[3].OutletId);
        Assert.True(v[4].Served);
        Assert.Equal(-7, v[4].OutletId); // the merged waste-sorting point, as outlet −(point id)
        Assert.Equal((4, 3, 1000L, 700L), (r.City.Villages, r.City.VillagesServed, r.City.Residents, r.City.ResidentsServed));
    }

    [Fact]
    public void Townships_are_served_by_a_station_inside_or_within_the_drive_time()
    {
        var city = County();
        var r = TierCoverageOp.Measure(city, Rules, Roads(city));
        var t = r.Townships.ToDictionary(x => x.Township.Name);
        Assert.True(t["W"].Served && t["W"].StationInside);
        // E's only station is planned; S1 is 30 km away = 30 min at 60 km/h: beyond 20 min.
        Assert.False(t["E"].Served);
        Assert.Equal(30, t["E"].DriveMinutes!.Value, 0.1);
        Assert.True(t["N"].Served && t["N"].StationInside);
        Assert.Equal((3, 2, 2), (r.City.Townships, r.City.TownshipsWithStation, r.City.TownshipsServed));

        // With the 20-minute rule at 40 minutes instead, E is served from S1.
        var loose = Rules with { TownshipStationMinutes = new TierRule(40, "min", Assumption: "test", AssumptionZh: "测试") };
        Assert.True(TierCoverageOp.Measure(city, loose, Roads(city)).Townships.Single(x => x.Township.Name == "E").Served);
    }

    [Fact]
    public void Stations_are_served_by_a_county_centre_within_the_drive_time()
    {
        var city = County();
        var r = TierCoverageOp.Measure(city, Rules, Roads(city));
        var s = r.Stations.ToDictionary(x => x.Station.Name);
        Assert.True(s["S1"].Served);
        Assert.Equal(45, s["S1"].DriveMinutes!.Value, 0.1);
        Assert.False(s["S2"].Served); // the county centre K is √(70² + 46²) ≈ 83.8 km away; the city centre beside it does not count
        Assert.Equal(1, s["S2"].CentreId);
        Assert.Equal(83.8, s["S2"].DriveMinutes!.Value, 0.1);
        Assert.Equal(2, r.Stations.Count); // the planned station is not measured
        Assert.Equal((2, 1), (r.Counties.Single().Totals.Stations, r.Counties.Single().Totals.StationsServed));
    }

    [Fact]
    public void Merging_ranks_points_by_the_households_they_would_bring_into_reach()
    {
        var city = County();
        var roads = Roads(city);
        var tiers = TierCoverageOp.Measure(city, Rules, roads);
        var merge = MergeCandidatesOp.Rank(city, null, new CoverageOptions(), tiers, roads);
        Assert.Equal((2, 1), (merge.Points, merge.Merged));
        var only = Assert.Single(merge.Candidates);
        Assert.Equal(8, only.Point.Id);
        // Point 8 sits beside V2, the one village unserved today.
        Assert.Equal((1, 300L, 150L), (only.Villages, only.VillageResidents, only.VillageHouseholds));
        // Merged, V2 is served: the village tier counts it through FixedRecyclingPoints.
        city.WasteSortingPoints.Single(p => p.Id == 8).TakesRecyclables = true;
        Assert.True(TierCoverageOp.Measure(city, Rules, roads).Villages.Single(v => v.Village.Id == 2).Served);
    }

    [Fact]
    public void Tier_rules_need_a_citation_or_an_assumption_and_sane_values()
    {
        Assert.Empty(Rules.Problems());
        var bare = Rules with { VillageOutletKm = new TierRule(3, "km") };
        Assert.Contains(bare.Problems(), p => p.Contains("villageOutletKm needs a citation or an assumption"));
        var english = Rules with { VillageOutletKm = new TierRule(3, "km", Assumption: "test") };
        Assert.Contains(english.Problems(), p => p.Contains("villageOutletKm states its assumption in English only"));
        var zero = Rules with { StationCentreMinutes = new TierRule(0, "min", Assumption: "x") };
        Assert.Contains(zero.Problems(), p => p.Contains("stationCentreMinutes must be above 0"));
    }
}
