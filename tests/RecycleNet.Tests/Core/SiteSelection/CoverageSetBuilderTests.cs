using RecycleNet.Core.Coverage;
using RecycleNet.Core.Network;
using RecycleNet.Core.SiteSelection;
using RecycleNet.Tests.Core.Coverage;
using static RecycleNet.Tests.Core.Network.TestNetworks;

namespace RecycleNet.Tests.Core.SiteSelection;

public class CoverageSetBuilderTests
{
    private static readonly WalkingOptions Walk = new() { SnapDistanceM = 60 };

    private static SitePoint At(double dx, double dy)
    {
        var (lon, lat) = LonLat(dx, dy);
        var (x, y) = Zone39.Project(lon, lat);
        return new SitePoint(x, y);
    }

    [Fact]
    public void Sets_follow_the_same_walking_rules_as_the_coverage_gain()
    {
        // Candidates: south bank, beyond the network (north), in the river (unreachable), beside F1.
        (double X, double Y)[] sites = [(-500, -110), (1500, 800), (-1000, 0), (-500, 110)];
        var city = HandMadeCity.Build();
        var communities = city.Communities.OrderBy(c => c.Id).ToList();
        var demands = communities.Select(c => { var (x, y) = Zone39.Project(c.Location.X, c.Location.Y); return new SitePoint(x, y); }).ToList();
        var sets = CoverageSetBuilder.Build(demands, [.. communities.Select(c => (long)c.Households)],
            [.. sites.Select(s => At(s.X, s.Y))], RiverWithOneBridge(), Walk);

        var gain = CoverageGainOp.Measure(city, RiverWithOneBridge(),
            [.. sites.Select((s, k) => { var (lon, lat) = LonLat(s.X, s.Y); return new PlannedSite($"s{k}", lon, lat); })],
            new CoverageOptions { Walking = Walk });
        var covered = CoverageScorer.Score(city, RiverWithOneBridge(), new CoverageOptions { Walking = Walk })
            .Communities.Where(c => c.Covered).Select(c => c.Community.Id).ToHashSet();
        for (var j = 0; j < sites.Length; j++)
        {
            // The gain counts only communities uncovered today; the sets list every community a site reaches.
            var reached = sets.Covers(j).ToArray().Select(i => communities[i].Id).Where(id => !covered.Contains(id)).Order();
            Assert.Equal(gain.Sites[j].CommunityIds.Order(), reached);
        }
        Assert.Empty(sets.Covers(2).ToArray()); // the unreachable candidate covers nothing
        Assert.Contains(communities.FindIndex(c => c.Id == 2), sets.Covers(0).ToArray()); // C2, 30 m along the south bank
        Assert.DoesNotContain(communities.FindIndex(c => c.Id == 2), sets.Covers(3).ToArray()); // 1,230 m over the bridge
    }

    [Fact]
    public void Without_a_network_a_site_covers_what_lies_within_limit_over_circuity()
    {
        var demands = new[] { At(0, 0), At(860, 0), At(0, 870), At(-600, -600) };
        var sets = CoverageSetBuilder.Build(demands, [1, 1, 1, 1], [At(0, 0)], null, Walk);
        // 1,125 m / 1.3 = 865.4 m: 860 m is in, 870 m is out, 848.5 m (diagonal) is in.
        Assert.Equal([0, 1, 3], sets.Covers(0).ToArray());
    }
}
