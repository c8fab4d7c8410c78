using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Network;
using RecycleNet.Tests.Api;

namespace RecycleNet.Tests.Core.Network;

/// <summary>
/// Keeping a city's area of an OSM file (issue 17: a provincial extract streamed as one city's streets): what is kept
/// is what osmium's own extract keeps, the margin is metres, and a file the area cannot be applied to is refused.
/// </summary>
public class OsmClipTests
{
    private static readonly GeometryFactory F = new();

    private static OsmNetworkLoad Read(string xml, OsmReadOptions? options = null) =>
        OsmNetworkReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "test", options);

    /// <summary>A polygon of <paramref name="corners"/> points on an ellipse of the given radii (metres) around a point.</summary>
    private static Polygon Blob(double lon, double lat, double rxM, double ryM, int corners = 7)
    {
        var projection = LocalProjection.ForLongitude(lon);
        var (cx, cy) = projection.Project(lon, lat);
        var ring = Enumerable.Range(0, corners + 1).Select(k =>
        {
            // Uneven radii so no side runs along a grid line.
            var a = 2 * Math.PI * (k % corners) / corners + 0.3;
            var r = 0.8 + 0.2 * Math.Sin(3 * a);
            var (x, y) = projection.Unproject(cx + rxM * r * Math.Cos(a), cy + ryM * r * Math.Sin(a));
            return new Coordinate(x, y);
        }).ToArray();
        return F.CreatePolygon(ring);
    }

    /// <summary>
    /// The rule written the plain way, as a reference: drop the nodes the polygon does not cover (NetTopologySuite's
    /// Covers, not the reader's grid), and the ways none of whose nodes is left.
    /// </summary>
    private static string ReferenceExtract(string osmXml, Geometry area)
    {
        var doc = System.Xml.Linq.XDocument.Parse(osmXml);
        var kept = new HashSet<string>();
        foreach (var n in doc.Root!.Elements("node").ToList())
        {
            var p = F.CreatePoint(new Coordinate(double.Parse(n.Attribute("lon")!.Value, CultureInfo.InvariantCulture),
                double.Parse(n.Attribute("lat")!.Value, CultureInfo.InvariantCulture)));
            if (area.Covers(p)) kept.Add(n.Attribute("id")!.Value);
            else n.Remove();
        }
        foreach (var w in doc.Root.Elements("way").ToList())
            if (!w.Elements("nd").Any(nd => kept.Contains(nd.Attribute("ref")!.Value))) w.Remove();
        return doc.ToString();
    }

    /// <summary>
    /// What the reader keeps of an area is what the rule keeps: the graph read from the file clipped is the graph read
    /// whole from the reference extract, on a street grid and on the real Shanghai extract. (osmium extract's "simple"
    /// strategy documents the same rule, but osmium-tool 1.15 keeps no way of the grid and fewer of Shanghai's.)
    /// </summary>
    [Fact]
    public void The_area_kept_is_the_nodes_inside_and_the_streets_with_one_cut_where_they_leave()
    {
        var cases = new List<(string Name, string Xml, OsmClipArea Area)>
        {
            ("grid", NetworkApiTests.GridOsm(117.0, 36.67, 31, 70), OsmClipArea.Around(Blob(117.0, 36.67, 900, 600), 150)),
        };
        var shanghai = Path.Combine(RepoPaths.Shared, "data", "networks", "shanghai-center.osm");
        if (File.Exists(shanghai)) cases.Add(("shanghai", File.ReadAllText(shanghai), OsmClipArea.Around(Blob(121.48, 31.23, 3000, 2000), 500)));
        foreach (var (name, xml, area) in cases)
        {
            var clipped = Read(xml, new OsmReadOptions { Clip = area });
            var whole = Read(xml);
            var theirs = Read(ReferenceExtract(xml, area.Area));
            Assert.Equal((name, theirs.Graph.NodeCount, theirs.Graph.EdgeCount), (name, clipped.Graph.NodeCount, clipped.Graph.EdgeCount));
            Assert.Equal(theirs.Graph.TotalLengthM, clipped.Graph.TotalLengthM, 6);
            Assert.Equal(theirs.Roads?.EdgeCount, clipped.Roads?.EdgeCount);
            Assert.Equal(clipped.Clip!.NodesOutside, whole.NodesRead - theirs.NodesRead);
            // Something was left out and something cut, or the case proves nothing.
            var report = clipped.Clip!;
            Assert.True(report.NodesOutside > 0 && report.WaysOutside > 0 && report.WaysCut > 0, $"{name}: {report}");
            Assert.True(clipped.Graph.EdgeCount < whole.Graph.EdgeCount / 2, $"{name}: kept {clipped.Graph.EdgeCount} of {whole.Graph.EdgeCount}");
            Assert.Equal(whole.NodesRead, clipped.NodesRead);
        }
    }

    [Fact]
    public void The_margin_is_metres_beyond_the_outline()
    {
        var projection = LocalProjection.ForLongitude(117.0);
        var (cx, cy) = projection.Project(117.0, 36.67);
        Coordinate At(double dx, double dy) { var (lon, lat) = projection.Unproject(cx + dx, cy + dy); return new(lon, lat); }
        // A 2 km square; the margin reaches 5 km beyond each side, measured in the zone, not in degrees.
        var square = F.CreatePolygon([At(-1000, -1000), At(1000, -1000), At(1000, 1000), At(-1000, 1000), At(-1000, -1000)]);
        var area = OsmClipArea.Around(square, 5000);
        foreach (var (dx, dy) in new[] { (1, 0), (-1, 0), (0, 1), (0, -1) })
        {
            var inside = At(dx * 5950, dy * 5950);
            var outside = At(dx * 6050, dy * 6050);
            Assert.True(area.Contains(inside.X, inside.Y), $"5.95 km from the centre toward ({dx},{dy}) is within the margin");
            Assert.False(area.Contains(outside.X, outside.Y), $"6.05 km from the centre toward ({dx},{dy}) is beyond it");
        }
        // Corners round off: 5 km from the corner diagonally is in, 5.1 km is not.
        var d = 5000 / Math.Sqrt(2);
        var corner = At(1000 + d - 10, 1000 + d - 10);
        var beyond = At(1000 + d + 80, 1000 + d + 80);
        Assert.True(area.Contains(corner.X, corner.Y));
        Assert.False(area.Contains(beyond.X, beyond.Y));
        Assert.Throws<ArgumentOutOfRangeException>(() => OsmClipArea.Around(square, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => OsmClipArea.Around(square, OsmClipArea.MaxMarginM + 1));
    }

    [Fact]
    public void A_stored_area_tests_every_point_as_the_one_it_was_made_from()
    {
        var area = OsmClipArea.Around(F.CreateMultiPolygon([Blob(117.0, 36.67, 9000, 6000), Blob(117.3, 36.7, 4000, 4000, 5)]), 2500);
        var again = OsmClipArea.FromWkt(area.ToWkt(), area.MarginM);
        Assert.True(area.Area.EqualsExact(again.Area));
        var rng = new Random(5);
        var env = area.Area.EnvelopeInternal;
        var hits = 0;
        for (var i = 0; i < 20_000; i++)
        {
            double lon = env.MinX - 0.05 + rng.NextDouble() * (env.Width + 0.1), lat = env.MinY - 0.05 + rng.NextDouble() * (env.Height + 0.1);
            var expected = area.Area.Covers(F.CreatePoint(new Coordinate(lon, lat)));
            Assert.Equal(expected, area.Contains(lon, lat));
            Assert.Equal(expected, again.Contains(lon, lat));
            if (expected) hits++;
        }
        Assert.InRange(hits, 2_000, 18_000); // both answers met often
    }

    [Fact]
    public void A_node_after_the_ways_is_refused_when_an_area_is_kept_and_read_when_not()
    {
        const string xml = """
            <osm version="0.6">
              <node id="1" lat="36.670" lon="117.000"/>
              <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way>
              <node id="2" lat="36.671" lon="117.000"/>
            </osm>
            """;
        Assert.Equal(1, Read(xml).Graph.EdgeCount);
        var area = OsmClipArea.Around(Blob(117.0, 36.67, 2000, 2000), 0);
        var e = Assert.Throws<OsmFormatException>(() => Read(xml, new OsmReadOptions { Clip = area }));
        Assert.Contains("osmium sort", e.Message);
    }

    [Fact]
    public void A_file_of_another_city_is_refused_saying_so_in_both_languages()
    {
        var area = OsmClipArea.Around(Blob(117.0, 36.67, 2000, 2000), 1000);
        var e = Assert.Throws<OsmFormatException>(() => Read(NetworkApiTests.GridOsm(121.48, 31.23, 5, 100), new OsmReadOptions { Clip = area }));
        Assert.Contains("No street of the file (10 read) lies within the area kept", e.Message);
        Assert.Contains("传错了城市", e.Zh);
    }

    [Fact]
    public void More_nodes_than_a_load_may_keep_are_refused()
    {
        var grid = NetworkApiTests.GridOsm(117.0, 36.67, 10, 100); // 100 nodes
        Assert.Equal(180, Read(grid, new OsmReadOptions { MaxNodes = 100 }).Graph.EdgeCount);
        var e = Assert.Throws<OsmFormatException>(() => Read(grid, new OsmReadOptions { MaxNodes = 99 }));
        Assert.Contains("more than 99 nodes", e.Message);
        Assert.Contains("clip=outline", e.Message);
        // Within an area only the nodes inside count: the same limit holds a file ten times its size.
        var area = OsmClipArea.Around(Blob(117.0, 36.67, 150, 150), 0);
        Assert.True(Read(grid, new OsmReadOptions { Clip = area, MaxNodes = 99 }).Graph.EdgeCount > 0);
    }

    [Fact]
    public void Nodes_out_of_order_and_given_twice_are_found_the_last_given_position_winning()
    {
        // Ids descending (as JOSM's new nodes are numbered), and node 2 given twice: the later one is where it is.
        const string xml = """
            <osm version="0.6">
              <node id="3" lat="36.672" lon="117.000"/>
              <node id="2" lat="36.000" lon="117.000"/>
              <node id="1" lat="36.670" lon="117.000"/>
              <node id="2" lat="36.671" lon="117.000"/>
              <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/></way>
            </osm>
            """;
        var g = Read(xml).Graph;
        Assert.Equal(1, g.EdgeCount);
        Assert.InRange(g.TotalLengthM, 221, 223); // 0.002° of latitude through 36.671, not a detour through 36.000
    }
}
