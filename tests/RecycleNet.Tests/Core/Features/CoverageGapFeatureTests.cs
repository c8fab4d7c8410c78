using NetTopologySuite.Geometries;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Features;
using RecycleNet.Core.Model;
using RecycleNet.Tests.Core.Coverage;
using static RecycleNet.Tests.Core.Network.TestNetworks;

namespace RecycleNet.Tests.Core.Features;

/// <summary>
/// A coverage gap names its nearest recycling point by the point's own layer and id: an outlet by its outlet id, a
/// merged waste-sorting point (两网融合) by its point id and name — not by the signed id its stand-in has inside the
/// coverage, which the gaps used to print with no name.
/// </summary>
public class CoverageGapFeatureTests
{
    [Fact]
    public void The_nearest_of_a_gap_is_an_outlet_or_a_merged_point_each_by_its_own_id_and_name()
    {
        var city = HandMadeCity.Build();
        var (lon, lat) = LonLat(0, 0);
        var point = new WasteSortingPoint
        {
            Id = 7, CityId = city.Outlets[0].CityId, Name = "融合投放点", Geometry = new Point(lon, lat),
            Status = FacilityStatus.Operating, TakesRecyclables = true,
        };
        // No outlets at all: every community's nearest recycling point is the merged one; a one-minute walk leaves them all gaps.
        var merged = city with { Outlets = [], WasteSortingPoints = [point] };
        var walk = new CoverageOptions { Walking = new() { Minutes = 1 }, MeasureBeyondLimit = true };
        var gaps = CoverageFeatures.BuildGaps(merged, CoverageScorer.Score(merged, null, walk));
        Assert.NotEmpty(gaps);
        Assert.All(gaps, g =>
        {
            var p = g.Properties.ToDictionary(x => x.Key, x => x.Value);
            Assert.Null(p["nearestOutletId"]);
            Assert.Equal(7L, p["nearestMergedPointId"]);
            Assert.Equal("融合投放点", p["nearestOutletName"]);
        });

        // With the outlets back and the point not merged, the nearest is an outlet, by its id and name.
        var plain = CoverageFeatures.BuildGaps(city, CoverageScorer.Score(city, null, walk));
        var outlets = city.Outlets.ToDictionary(o => o.Id, o => o.Name);
        Assert.All(plain, g =>
        {
            var p = g.Properties.ToDictionary(x => x.Key, x => x.Value);
            Assert.Null(p["nearestMergedPointId"]);
            Assert.Equal(outlets[(long)p["nearestOutletId"]!], p["nearestOutletName"]);
        });
    }
}
