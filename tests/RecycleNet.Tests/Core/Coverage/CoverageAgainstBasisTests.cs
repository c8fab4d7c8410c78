using NetTopologySuite.Geometries;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using static RecycleNet.Tests.Core.Network.TestNetworks;
using RecycleNet.Core.Cities;

namespace RecycleNet.Tests.Core.Coverage;

/// <summary>
/// Scoring a what-if against today's report (only the communities within the limit of a changed outlet measured
/// again) gives the answer a full run gives: every community's coverage, distance and nearest outlet, and the totals,
/// for outlets added, moved, closed, merged waste-sorting points and a mobile station — on a network and in a straight line.
/// </summary>
public class CoverageAgainstBasisTests
{

    private static Point At(Random rng, double side) { var (lon, lat) = Zone39.Unproject(X0 + rng.NextDouble() * side, Y0 + rng.NextDouble() * side); return new Point(lon, lat); }

    public static TheoryData<bool> Networks => new() { true, false };

    [Theory, MemberData(nameof(Networks))]
    public void A_what_if_scored_against_todays_report_equals_a_full_run(bool network)
    {
        var rng = new Random(11);
        var g = network ? JitteredGrid(rng, 50, 60, 3) : null;
        const double side = 2940;
        var outlets = Enumerable.Range(1, 120).Select(i => new Outlet
        {
            Id = i, Name = $"O{i}", Kind = OutletKind.Fixed, Status = FacilityStatus.Operating, Geometry = At(rng, side),
        }).ToList();
        var communities = Enumerable.Range(1, 700).Select(i => new Community { Id = i, Name = $"C{i}", Households = 50 + i, Geometry = At(rng, side) }).ToList();
        var points = Enumerable.Range(1, 40).Select(i => new WasteSortingPoint { Id = i, Name = $"W{i}", Status = FacilityStatus.Operating, Geometry = At(rng, side) }).ToList();
        var today = new CitySnapshot([], communities, outlets, []) { WasteSortingPoints = points };
        var options = new CoverageOptions { Walking = new WalkingOptions { Minutes = 5 } };
        var basis = CoverageScorer.Score(today, g, options);

        for (var trial = 0; trial < 25; trial++)
        {
            var changed = outlets.ToList();
            for (var k = rng.Next(1, 6); k > 0; k--)
            {
                var i = rng.Next(changed.Count);
                switch (rng.Next(4))
                {
                    case 0: changed.Add(new Outlet { Id = 1000 + trial * 10 + k, Name = "new", Kind = OutletKind.Fixed, Status = FacilityStatus.Operating, Geometry = At(rng, side) }); break;
                    case 1: changed[i] = changed[i].With(At(rng, side), changed[i].Status); break;
                    case 2: changed[i] = changed[i].With((Point)changed[i].Geometry, FacilityStatus.Closed); break;
                    default:
                        changed.Add(new Outlet { Id = 2000 + trial * 10 + k, Name = "mobile", Kind = OutletKind.Mobile, Status = FacilityStatus.Operating,
                            Geometry = At(rng, side), ServedCommunityIds = [rng.Next(1, 700), rng.Next(1, 700)] });
                        break;
                }
            }
            var merged = points.Select(p => rng.Next(8) == 0 ? p.Merged() : p).ToList();
            var city = today with { Outlets = changed, WasteSortingPoints = merged };

            var full = CoverageScorer.Score(city, g, options);
            var against = CoverageScorer.Score(city, g, options, basis);
            Assert.Equal(full.City, against.City);
            Assert.Equal(full.Districts, against.Districts);
            for (var c = 0; c < full.Communities.Count; c++)
            {
                var (a, b) = (full.Communities[c], against.Communities[c]);
                Assert.Equal((a.Covered, a.By, a.NearestOutletId, a.MobileStationId), (b.Covered, b.By, b.NearestOutletId, b.MobileStationId));
                Assert.Equal(a.DistanceM is null, b.DistanceM is null);
                if (a.DistanceM is { } d) Assert.Equal(d, b.DistanceM!.Value, 9);
            }
        }
    }
}
