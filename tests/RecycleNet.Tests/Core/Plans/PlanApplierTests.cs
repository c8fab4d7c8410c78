using System.Text.Json;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Model;
using RecycleNet.Core.Plans;
using RecycleNet.Tests.Core.Coverage;
using static RecycleNet.Tests.Core.Network.TestNetworks;

namespace RecycleNet.Tests.Core.Plans;

/// <summary>
/// PlanApplier, the one definition of what a plan's changes do (a what-if, an evaluation and an adoption all go through
/// it), on <see cref="HandMadeCity"/>: adds, moves, closures, updates, removals and merges (两网融合), what each leaves in the city after,
/// and every way a change is refused or warned about.
/// </summary>
public class PlanApplierTests
{
    private static JsonElement Props(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static readonly JsonElement None = Props("{}");

    private static PlanAdd Add(double x, double y, string json = """{"name":"新网点","kind":"fixed","status":"operating"}""")
    {
        var (lon, lat) = LonLat(x, y);
        return new PlanAdd("outlets", lon, lat, Props(json));
    }

    private static long VersionOf(long outlet) => HandMadeCity.Build().Outlets.Single(o => o.Id == outlet).Version;

    [Fact]
    public void An_added_outlet_is_an_outlet_of_the_city_after_with_a_provisional_positive_id()
    {
        var city = HandMadeCity.Build();
        var applied = PlanApplier.Apply(city, new PlanChanges { Add = [Add(900, 100), Add(-1400, 200)] });
        Assert.True(applied.Valid, string.Join("; ", applied.Errors));
        Assert.Equal(2, applied.Added.Count);
        Assert.All(applied.Added, a => Assert.True(a.Entity.Id >= PlanApplier.FirstProvisionalId));
        Assert.Equal(2, applied.Added.Select(a => a.Entity.Id).Distinct().Count());
        Assert.Equal(city.Outlets.Count + 2, applied.After.Outlets.Count);
        var added = (Outlet)applied.Added[0].Entity;
        Assert.Equal((OutletKind.Fixed, FacilityStatus.Operating, "新网点"), (added.Kind, added.Status, added.Name));
        Assert.Equal(city.Outlets.Count, HandMadeCity.Build().Outlets.Count); // the city given is not changed
        Assert.DoesNotContain(city.Outlets, o => o.Id >= PlanApplier.FirstProvisionalId);
    }

    [Fact]
    public void A_move_a_closure_and_an_update_replace_the_feature_keeping_its_id_and_version()
    {
        var city = HandMadeCity.Build();
        var (lon, lat) = LonLat(-400, 300);
        var applied = PlanApplier.Apply(city, new PlanChanges
        {
            Move = [new PlanMove("outlets", 1, lon, lat, VersionOf(1))],
            Close = [new PlanRef("outlets", 4, VersionOf(4))],
            Update = [new PlanUpdate("outlets", 11, Props("""{"modern":true}"""), VersionOf(11))],
        });
        Assert.True(applied.Valid, string.Join("; ", applied.Errors));
        var after = applied.After.Outlets.ToDictionary(o => o.Id);
        Assert.Equal(city.Outlets.Count, after.Count);
        Assert.Equal((lon, lat), (after[1].Geometry.Coordinate.X, after[1].Geometry.Coordinate.Y));
        Assert.Equal(FacilityStatus.Closed, after[4].Status);
        Assert.True(after[11].Modern);
        Assert.All(applied.Replaced, r => Assert.Equal((r.Before.Id, r.Before.Version), (r.After.Id, r.After.Version)));
        Assert.Equal([PlanChangeKind.Move, PlanChangeKind.Close, PlanChangeKind.Update], new long[] { 1, 4, 11 }.Select(id => applied.KindOf("outlets", id)));
        // What a change does not name stays: the moved outlet is still the operating modern fixed outlet it was.
        Assert.Equal((OutletKind.Fixed, FacilityStatus.Operating, true), (after[1].Kind, after[1].Status, after[1].Modern));
        Assert.Equal(FacilityStatus.Operating, city.Outlets.Single(o => o.Id == 4).Status);
    }

    [Fact]
    public void A_removed_centre_is_gone_from_the_city_after()
    {
        var city = HandMadeCity.Build();
        var applied = PlanApplier.Apply(city, new PlanChanges { Remove = [new PlanRef("sorting-centers", 3, 1)] });
        Assert.True(applied.Valid);
        Assert.DoesNotContain(applied.After.SortingCenters, c => c.Id == 3);
        Assert.Equal(city.SortingCenters.Count - 1, applied.After.SortingCenters.Count);
        Assert.Equal(3, Assert.Single(applied.Removed).Before.Id);
    }

    [Theory]
    [InlineData("close-closed")]
    [InlineData("planned-stays-planned")]
    public void A_valid_change_that_counts_for_nothing_is_warned_about(string which)
    {
        var changes = which == "close-closed"
            ? new PlanChanges { Close = [new PlanRef("outlets", 2, VersionOf(2))] }
            : new PlanChanges { Update = [new PlanUpdate("outlets", 3, Props("""{"modern":false}"""), VersionOf(3))] };
        var applied = PlanApplier.Apply(HandMadeCity.Build(), changes);
        Assert.True(applied.Valid);
        var warning = Assert.Single(applied.Warnings);
        Assert.Equal(which == "close-closed" ? "close[0]" : "update[0]", warning.Field);
        Assert.False(string.IsNullOrEmpty(warning.RuleZh));
    }

    [Fact]
    public void Every_refused_change_is_named_by_its_path_and_nothing_else_is_refused()
    {
        var (lon, lat) = LonLat(0, 0);
        var applied = PlanApplier.Apply(HandMadeCity.Build(), new PlanChanges
        {
            Add = [new PlanAdd("parks", lon, lat, None), Add(100, 100, """{"name":"坏网点","kind":"flying"}""")],
            Move = [new PlanMove("outlets", 1, lon, lat, 1)],
            Close = [new PlanRef("outlets", 1, 1), new PlanRef("outlets", 999, 1)],
            Update = [new PlanUpdate("outlets", 4, Props("[1,2]"), 1)],
        });
        Assert.False(applied.Valid);
        var fields = applied.Errors.Select(e => e.Field).ToList();
        Assert.Contains("add[0].layer", fields);
        Assert.Contains(fields, f => f.StartsWith("add[1]", StringComparison.Ordinal));
        Assert.Contains("close[0].id", fields); // outlet 1 is moved already: one change per feature
        Assert.Contains("close[1].id", fields); // no such outlet
        Assert.Contains("update[0].properties", fields);
        Assert.DoesNotContain(fields, f => f.StartsWith("move[0]", StringComparison.Ordinal));
        Assert.All(applied.Errors, e => Assert.False(string.IsNullOrEmpty(e.RuleZh)));
    }

    /// <summary>The hand-made city with three waste-sorting points: 101 operating, 102 closed, 103 operating and merged already.</summary>
    private static CitySnapshot WithPoints()
    {
        var city = HandMadeCity.Build();
        WasteSortingPoint Point(long id, double x, FacilityStatus status, bool merged)
        {
            var (lon, lat) = LonLat(x, 0);
            return new WasteSortingPoint { Id = id, CityId = "test", Name = $"投放点{id}", Geometry = new NetTopologySuite.Geometries.Point(lon, lat),
                Status = status, TakesRecyclables = merged, Kind = WasteSortingPointKind.Bins };
        }
        return city with { WasteSortingPoints = [Point(101, 300, FacilityStatus.Operating, false), Point(102, 600, FacilityStatus.Closed, false), Point(103, 900, FacilityStatus.Operating, true)] };
    }

    [Fact]
    public void A_merged_point_takes_recyclables_in_the_city_after_and_stands_in_for_an_outlet()
    {
        var city = WithPoints();
        var applied = PlanApplier.Apply(city, new PlanChanges { Merge = [new PlanRef(PlanChanges.MergeLayer, 101, 1)] });
        Assert.True(applied.Valid, string.Join("; ", applied.Errors));
        Assert.True(applied.After.WasteSortingPoints.Single(p => p.Id == 101).TakesRecyclables);
        Assert.False(city.WasteSortingPoints.Single(p => p.Id == 101).TakesRecyclables); // the city given is not changed
        Assert.Equal(PlanChangeKind.Merge, applied.KindOf(PlanChanges.MergeLayer, 101));
        Assert.Equal(city.FixedRecyclingPoints.Count() + 1, applied.After.FixedRecyclingPoints.Count());
        Assert.Contains(applied.After.FixedRecyclingPoints, o => o.MergedPointId == 101);
        Assert.Equal(city.Outlets.Count, applied.After.Outlets.Count); // a merged point is not an outlet
        Assert.Empty(applied.Warnings);
    }

    [Fact]
    public void A_merge_of_a_point_not_operating_or_of_another_layer_is_refused_and_of_a_merged_one_warned_about()
    {
        var applied = PlanApplier.Apply(WithPoints(), new PlanChanges
        {
            Merge = [new PlanRef(PlanChanges.MergeLayer, 102, 1), new PlanRef("outlets", 1, VersionOf(1)), new PlanRef(PlanChanges.MergeLayer, 404, 1)],
        });
        Assert.Equal(["merge[0]", "merge[1].layer", "merge[2].id"], applied.Errors.Select(e => e.Field));
        Assert.All(applied.Errors, e => Assert.False(string.IsNullOrEmpty(e.RuleZh)));
        var again = PlanApplier.Apply(WithPoints(), new PlanChanges { Merge = [new PlanRef(PlanChanges.MergeLayer, 103, 1)] });
        Assert.True(again.Valid);
        Assert.Equal("merge[0]", Assert.Single(again.Warnings).Field);
    }

    [Fact]
    public void Lon_without_lat_is_refused()
    {
        var applied = PlanApplier.Apply(HandMadeCity.Build(), new PlanChanges { Update = [new PlanUpdate("outlets", 4, None, 1, Lon: 117.0)] });
        Assert.Equal("update[0].lon", Assert.Single(applied.Errors).Field);
    }
}
