using RecycleNet.Core.Coverage;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using static RecycleNet.Tests.Core.Network.TestNetworks;
using RecycleNet.Core.Cities;

namespace RecycleNet.Tests.Core.Coverage;

/// <summary>Planned outlets on <see cref="HandMadeCity"/>: what each would newly cover, measured as the coverage scorer measures.</summary>
public class CoverageGainOpTests
{
    private static readonly CoverageOptions Options = new() { Walking = new WalkingOptions { SnapDistanceM = 60 } };

    private static PlannedSite Site(string id, double x, double y) { var (lon, lat) = LonLat(x, y); return new PlannedSite(id, lon, lat); }

    [Fact]
    public void A_site_south_of_the_river_covers_C2_that_F1_cannot_reach()
    {
        var g = CoverageGainOp.Measure(HandMadeCity.Build(), RiverWithOneBridge(), [Site("P", -500, -110)], Options);
        var p = Assert.Single(g.Sites);
        Assert.Equal((DistanceMethod.Network, "西区"), (p.Method, p.District!.Name));
        Assert.Equal([2L], p.CommunityIds);
        Assert.Equal(new GainTotals(1, 800, 2400), p.Gained); // 800 households × West's 3.0 persons
        Assert.Equal(new CoverageTotals(6, 3, 3300, 2000, 8750, 5000), g.Before);
        Assert.Equal(new CoverageTotals(6, 4, 3300, 2800, 8750, 7400), g.After);
    }

    [Fact]
    public void A_site_beside_an_existing_outlet_or_off_the_streets_covers_nobody_new()
    {
        var g = CoverageGainOp.Measure(HandMadeCity.Build(), RiverWithOneBridge(),
            [Site("twin", -500, 110), Site("river", -1000, 0)], Options);
        Assert.Equal(new GainTotals(0, 0, 0), g.Sites[0].Gained);
        Assert.Equal(DistanceMethod.Unreachable, g.Sites[1].Method);
        Assert.Equal(new GainTotals(0, 0, 0), g.Sites[1].Gained);
        Assert.Equal(g.Before, g.After);
    }

    [Fact]
    public void Beyond_the_network_a_site_reaches_in_a_straight_line_and_shared_gains_count_once()
    {
        PlannedSite[] sites = [Site("north", 1500, 800), Site("P", -500, -110), Site("P-again", -490, -110)];
        var g = CoverageGainOp.Measure(HandMadeCity.Build(), RiverWithOneBridge(), sites, Options);
        Assert.Equal((DistanceMethod.StraightLine, 300L), (g.Sites[0].Method, g.Sites[0].Gained.Households)); // C5, 200 m × 1.3
        Assert.Equal(800, g.Sites[1].Gained.Households);
        Assert.Equal(800, g.Sites[2].Gained.Households);
        Assert.Equal(new GainTotals(2, 1100, 750 + 2400), g.Combined);
        Assert.Equal(3100, g.After.CoveredHouseholds);
        Assert.Equal("mixed", g.Method);
        Assert.Equal(Rescored(HandMadeCity.Build(), RiverWithOneBridge(), sites), g.After);
    }

    [Fact]
    public void Without_a_network_the_gain_matches_rescoring_with_the_outlet_added()
    {
        var city = HandMadeCity.Build();
        var site = Site("west", -1400, 0);
        var g = CoverageGainOp.Measure(city, null, [site], Options);
        Assert.Equal([1L], g.Sites[0].CommunityIds); // C1: 900 m × 1.3 from F1 is too far; 120 m from here

        Assert.Equal(Rescored(city, null, [site]), g.After);
    }

    /// <summary>The city scored as if the sites already operated: what the gain must agree with.</summary>
    private static CoverageTotals Rescored(CitySnapshot city, WalkingGraph? graph, PlannedSite[] sites)
    {
        var added = sites.Select((s, i) => new Outlet
        {
            Id = 900 + i, Name = s.Id, Kind = OutletKind.Fixed, Status = FacilityStatus.Operating,
            Geometry = new NetTopologySuite.Geometries.Point(s.Lon, s.Lat),
        });
        return CoverageScorer.Score(city with { Outlets = [.. city.Outlets, .. added] }, graph, Options).City;
    }
}
