using System.Text;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Network;

namespace RecycleNet.Tests.Core.Network;

/// <summary>
/// The drivable graph read from OSM, and drives on it. The little town, west to east along latitude 36.67 (each step
/// 0.01° of longitude ≈ 893 m):
/// <code>
/// (and a one-way secondary with no nodes at all, way 17)
///   n1 ──primary 60──► n2 ──secondary (maxspeed 30)── n3 ──tertiary── n4
///    │ (oneway n1→n2)                                   ╲ ferry n3–n6 (dropped)
///    └──────── residential (no maxspeed: 25 km/h) ───────── n5 ── n4           service n4–n7 access=private (dropped)
///                       a footway n2–n5 (not drivable, walkable)
/// </code>
/// </summary>
public class DrivableNetworkTests
{
    private const string Town = """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6">
          <node id="1" lat="36.6700" lon="117.00"/>
          <node id="2" lat="36.6700" lon="117.01"/>
          <node id="3" lat="36.6700" lon="117.02"/>
          <node id="4" lat="36.6700" lon="117.03"/>
          <node id="5" lat="36.6600" lon="117.03"/>
          <node id="6" lat="36.6800" lon="117.05"/>
          <node id="7" lat="36.6800" lon="117.03"/>
          <node id="8" lat="36.6600" lon="117.00"/>
          <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/><tag k="oneway" v="yes"/></way>
          <way id="11"><nd ref="2"/><nd ref="3"/><tag k="highway" v="secondary"/><tag k="maxspeed" v="30"/></way>
          <way id="12"><nd ref="3"/><nd ref="4"/><tag k="highway" v="tertiary"/></way>
          <way id="13"><nd ref="1"/><nd ref="8"/><nd ref="5"/><nd ref="4"/><tag k="highway" v="residential"/></way>
          <way id="14"><nd ref="3"/><nd ref="6"/><tag k="route" v="ferry"/></way>
          <way id="15"><nd ref="4"/><nd ref="7"/><tag k="highway" v="service"/><tag k="access" v="private"/></way>
          <way id="16"><nd ref="2"/><nd ref="5"/><tag k="highway" v="footway"/></way>
          <way id="17"><tag k="highway" v="secondary"/><tag k="oneway" v="yes"/></way>
        </osm>
        """;

    private static OsmNetworkLoad Read() => OsmNetworkReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Town)), "town.osm");

    private static Point P(double lon, double lat) => new(lon, lat);

    [Fact]
    public void Drivable_ways_keep_direction_and_speed_and_ferries_private_roads_and_footways_are_dropped()
    {
        var load = Read();
        var roads = load.Roads!;
        Assert.Equal(4, load.DrivableWays);
        Assert.Equal(1, load.DroppedDriveWays["ferry"]);
        Assert.Equal(1, load.DroppedDriveWays["access=private"]);
        Assert.Equal(1, load.DroppedDriveWays["highway=footway"]);
        Assert.Equal(1, load.DroppedDriveWays["fewer than 2 nodes"]); // a oneway way with no nodes leads nowhere
        Assert.Equal(1, load.DroppedWays["fewer than 2 nodes"]);
        Assert.Equal(4, roads.EdgeCount); // the residential way is one edge: n8 and n5 are bends, no way meets it there
        var byClass = Enumerable.Range(0, roads.EdgeCount).ToDictionary(roads.RoadClass);
        Assert.Equal(RoadDirection.Forward, roads.Direction(byClass["primary"]));
        Assert.Equal(RoadDirection.Both, roads.Direction(byClass["residential"]));
        Assert.Equal(60, roads.SpeedKmh(byClass["primary"]));
        Assert.Equal(30, roads.SpeedKmh(byClass["secondary"])); // maxspeed beats the class's 50
        Assert.Equal(40, roads.SpeedKmh(byClass["tertiary"]));
        Assert.Equal(25, roads.SpeedKmh(byClass["residential"]));
        Assert.Equal(1, roads.OnewayEdges);
        // The walking graph of the same file keeps the footway and drops the primary road's one-way: walkers go both ways.
        Assert.Contains(Enumerable.Range(0, load.Graph.EdgeCount), e => Math.Abs(load.Graph.EdgeLengthM(e) - 1114) < 20);
    }

    [Theory]
    [InlineData("60", 60.0)]
    [InlineData("60 km/h", 60.0)]
    [InlineData("40 mph", 64.4)]
    [InlineData("50;30", 50.0)]
    [InlineData("none", null)]
    [InlineData("signals", null)]
    [InlineData("-5", null)]
    public void Maxspeed_is_read_in_kmh(string tag, double? kmh) => Assert.Equal(kmh, DrivabilityRules.ParseSpeed(tag));

    [Fact]
    public void One_way_roads_are_driven_one_way_and_the_quickest_drive_can_be_the_longer_one()
    {
        var roads = new NetworkRoads(Read().Roads!);
        Assert.True(roads.OnNetwork);
        // n1 → n2 may use the one-way primary: 893 m.
        var east = roads.Nearest([P(117.00, 36.67)], [P(117.01, 36.67)], RoadMetric.Distance)[0]!.Value;
        Assert.True(Math.Abs(east.Metres - 893) < 1, $"east {east}");
        // n2 → n1 may not: round by n3, n4 and the residential road: 893 × 2 + (1,112 + 893 × 3 + 1,112) ≈ 6,688 m.
        var west = roads.Nearest([P(117.01, 36.67)], [P(117.00, 36.67)], RoadMetric.Distance)[0]!.Value;
        Assert.InRange(west.Metres, 6600, 6800);
        // By time: n1 → n4 along the top is 893 m at 60 + 893 at 30 + 893 at 40 km/h ≈ 241 s; the residential road
        // (4,902 m at 25 km/h ≈ 706 s) is longer in both, so both metrics agree here …
        var top = roads.Nearest([P(117.00, 36.67)], [P(117.03, 36.67)], RoadMetric.Time)[0]!.Value;
        Assert.InRange(top.Seconds, 240, 243);
        Assert.InRange(top.Metres, 2675, 2685);
        // … and n4 → n1 must take the residential road: 4,902 m in 706 s, as slow as a residential road is.
        var back = roads.Nearest([P(117.03, 36.67)], [P(117.00, 36.67)], RoadMetric.Time)[0]!.Value;
        Assert.InRange(back.Metres, 4880, 4920);
        Assert.Equal(back.Metres / (25 / 3.6), back.Seconds, 3);
    }

    [Fact]
    public void The_nearest_target_and_one_target_agree_and_limits_cut_the_search()
    {
        var roads = new NetworkRoads(Read().Roads!);
        Point[] targets = [P(117.03, 36.67), P(117.00, 36.67)];
        var leg = roads.Nearest([P(117.02, 36.67)], targets, RoadMetric.Distance)[0]!.Value;
        Assert.True(leg.Target == 0 && Math.Abs(leg.Metres - 893) < 1, $"leg {leg}");
        var one = Assert.Single(roads.Within([P(117.02, 36.67)], [targets[1]], RoadMetric.Distance, double.PositiveInfinity)[0]);
        Assert.InRange(one.Metres, 893 + 4902 - 15, 893 + 4902 + 15); // n3 → n4, then the residential road: the primary is one-way
        Assert.Null(roads.Nearest([P(117.02, 36.67)], targets, RoadMetric.Distance, limit: 800)[0]);
        Assert.Empty(roads.Within([P(117.02, 36.67)], [targets[1]], RoadMetric.Distance, 4000)[0]);
    }

    [Fact]
    public void Points_beyond_the_network_are_measured_in_a_straight_line_and_inside_it_far_from_roads_are_unreachable()
    {
        var roads = new NetworkRoads(Read().Roads!, new RoadOptions { SnapDistanceM = 200 });
        // 0.2° east of the town: beyond the network's area, straight line × 1.3 to n4.
        var far = roads.Nearest([P(117.23, 36.67)], [P(117.03, 36.67)], RoadMetric.Distance)[0]!.Value;
        Assert.InRange(far.Metres, 17_858 * 1.3 - 100, 17_858 * 1.3 + 100);
        // Inside the hull, 500 m from any road (200 m allowed): unreachable.
        var inside = roads.Nearest([P(117.015, 36.6645)], [P(117.03, 36.67)], RoadMetric.Distance)[0];
        Assert.True(inside is null, $"inside {inside}");
        Assert.StartsWith("road network town.osm", roads.Method);
    }
}
