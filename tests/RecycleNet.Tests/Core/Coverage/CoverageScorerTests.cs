using RecycleNet.Core.Coverage;
using RecycleNet.Core.Network;
using static RecycleNet.Tests.Core.Network.TestNetworks;

namespace RecycleNet.Tests.Core.Coverage;

public class CoverageScorerTests
{
    // A 60 m snapping limit makes C6, in the river 100 m from both banks, unreachable.
    private static readonly CoverageOptions Options = new() { Walking = new WalkingOptions { SnapDistanceM = 60 } };

    private static CommunityCoverage Of(CoverageReport r, long id) => r.Communities.Single(c => c.Community.Id == id);

    [Fact]
    public void On_the_network_the_river_decides_who_is_covered()
    {
        var r = CoverageScorer.Score(HandMadeCity.Build(), RiverWithOneBridge(), Options);
        // C1: 10 m to the street, 900 m along it, 20 m to the door.
        Assert.Equal((true, CoveredBy.FixedOutlet, 930.0, 1L), (Of(r, 1).Covered, Of(r, 1).By, Math.Round(Of(r, 1).DistanceM!.Value, 6), Of(r, 1).NearestOutletId!.Value));
        // C2 is 230 m across the water from F1 but a 1,230 m walk over the bridge: not covered.
        Assert.False(Of(r, 2).Covered);
        Assert.Null(Of(r, 2).DistanceM); // beyond the limit and not asked to measure further
        // C3 across the bridge: 10 + 500 + 200 + 300 + 0 + 10 = 1,020 m.
        Assert.Equal(1020, Of(r, 3).DistanceM!.Value, 6);
        Assert.True(Of(r, 3).Covered);
        // C4: too far to walk, but the operating mobile station M1 lists it.
        Assert.Equal((true, CoveredBy.MobileStation, 11L), (Of(r, 4).Covered, Of(r, 4).By, Of(r, 4).MobileStationId!.Value));
        // C5 lies beyond the network's area: measured in a straight line, and too far.
        Assert.Equal((DistanceMethod.StraightLine, false), (Of(r, 5).Method, Of(r, 5).Covered));
        // C6 is inside the network's area, farther than 60 m from any street: unreachable, not guessed.
        Assert.Equal((DistanceMethod.Unreachable, false, null), (Of(r, 6).Method, Of(r, 6).Covered, Of(r, 6).DistanceM));
        Assert.Equal("mixed", r.Method);
        Assert.Equal(4, r.MethodCounts[DistanceMethod.Network]);
    }

    [Fact]
    public void City_and_district_totals_add_households_and_residents()
    {
        var r = CoverageScorer.Score(HandMadeCity.Build(), RiverWithOneBridge(), Options);
        Assert.Equal(new CoverageTotals(6, 3, 3300, 2000, 8750, 5000), r.City);
        Assert.Equal(2000.0 / 3300, r.City.Share, 12);
        var west = r.Districts.Single(d => d.District.Adcode == "379901");
        var east = r.Districts.Single(d => d.District.Adcode == "379902");
        // C1 has its own population; the others are households × the district's household size.
        Assert.Equal(new CoverageTotals(3, 1, 2000, 1000, 2500 + 2400 + 600, 2500), west.Totals);
        Assert.Equal(new CoverageTotals(3, 2, 1300, 1000, 1500 + 1000 + 750, 2500), east.Totals);
        // Operating outlets by where they stand: F1 in the west; F4 and M1 in the east. Closed and planned do not count.
        Assert.Equal((1, 1, 0, 1), (west.OperatingOutlets, west.OperatingFixedOutlets, west.OperatingMobileStations, west.ModernOperatingOutlets));
        Assert.Equal((2, 1, 1, 0), (east.OperatingOutlets, east.OperatingFixedOutlets, east.OperatingMobileStations, east.ModernOperatingOutlets));
    }

    [Fact]
    public void Measuring_beyond_the_limit_gives_the_gap_distance()
    {
        var r = CoverageScorer.Score(HandMadeCity.Build(), RiverWithOneBridge(), Options with { MeasureBeyondLimit = true });
        Assert.Equal(1230, Of(r, 2).DistanceM!.Value, 6);
        Assert.Equal(2010, Of(r, 4).DistanceM!.Value, 6); // covered by M1 all the same
        Assert.False(Of(r, 2).Covered);
    }

    [Fact]
    public void Without_a_network_distances_are_straight_line_times_circuity()
    {
        var r = CoverageScorer.Score(HandMadeCity.Build(), null, Options with { MeasureBeyondLimit = true });
        Assert.Equal("straightLine", r.Method);
        Assert.All(r.Communities, c => Assert.Equal(DistanceMethod.StraightLine, c.Method));
        // C2 is 230 m straight from F1: 299 m with circuity 1.3, so covered — the river is invisible without a network.
        Assert.Equal(230 * 1.3, Of(r, 2).DistanceM!.Value, 3);
        Assert.True(Of(r, 2).Covered);
        Assert.True(Of(r, 6).Covered); // 500 m straight × 1.3 = 650 m
    }

    [Fact]
    public void Shorter_walks_cover_fewer()
    {
        var five = CoverageScorer.Score(HandMadeCity.Build(), RiverWithOneBridge(), Options with { Walking = Options.Walking with { Minutes = 5 } });
        // 375 m: only the mobile station's community is left covered.
        Assert.Equal(1, five.City.CoveredCommunities);
        Assert.Equal(CoveredBy.MobileStation, five.Communities.Single(c => c.Covered).By);
    }
}
