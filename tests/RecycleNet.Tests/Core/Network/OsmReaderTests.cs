using System.Diagnostics;
using System.Text;
using RecycleNet.Core.Network;

namespace RecycleNet.Tests.Core.Network;

public class OsmReaderTests
{
    private static string Networks => Path.Combine(RepoPaths.Shared, "data", "networks");

    // n1 - n2 - n3 footway (n2 only a bend), n3 - n4 residential, n4 - n5 motorway (dropped),
    // n3 - n6 path with foot=no (dropped), n4 - n7 private service road, n5 - n7 private but foot=yes (kept),
    // a building outline (not a highway). n3 is shared by two kept ways, so it is a junction.
    private const string SmallXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6">
          <node id="1" lat="36.6700" lon="117.0000"/>
          <node id="2" lat="36.6710" lon="117.0000"/>
          <node id="3" lat="36.6710" lon="117.0010"/>
          <node id="4" lat="36.6720" lon="117.0010"/>
          <node id="5" lat="36.6720" lon="117.0020"/>
          <node id="6" lat="36.6700" lon="117.0030"/>
          <node id="7" lat="36.6730" lon="117.0030"/>
          <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="footway"/></way>
          <way id="11"><nd ref="3"/><nd ref="4"/><tag k="highway" v="residential"/><tag k="name" v="经十路"/></way>
          <way id="12"><nd ref="4"/><nd ref="5"/><tag k="highway" v="motorway"/></way>
          <way id="13"><nd ref="3"/><nd ref="6"/><tag k="highway" v="path"/><tag k="foot" v="no"/></way>
          <way id="14"><nd ref="4"/><nd ref="7"/><tag k="highway" v="service"/><tag k="access" v="private"/></way>
          <way id="15"><nd ref="5"/><nd ref="7"/><tag k="highway" v="service"/><tag k="access" v="private"/><tag k="foot" v="yes"/></way>
          <way id="16"><nd ref="1"/><nd ref="6"/><nd ref="7"/><nd ref="1"/><tag k="building" v="yes"/></way>
        </osm>
        """;

    private static OsmNetworkLoad Read(string xml) => OsmNetworkReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "test");

    [Fact]
    public void Keeps_walkable_ways_drops_the_rest_and_says_why()
    {
        var load = Read(SmallXml);
        var g = load.Graph;
        // Kept: footway 1-3 (one edge, bent at 2), residential 3-4, service 5-7 (foot=yes).
        Assert.Equal(3, g.EdgeCount);
        Assert.Equal(5, g.NodeCount); // 1, 3, 4, 5, 7: node 2 is a shape point
        Assert.Equal(1, load.DroppedWays["highway=motorway"]);
        Assert.Equal(1, load.DroppedWays["foot=no"]);
        Assert.Equal(1, load.DroppedWays["access=private"]);
        Assert.False(load.DroppedWays.ContainsKey("not a highway"));
        Assert.Equal(7, load.NodesRead);
        Assert.Equal(7, load.WaysRead);
        Assert.Equal(3, load.WalkableWays);
        Assert.Equal(4527, g.Projection.Epsg);
    }

    [Fact]
    public void Edge_lengths_are_metres_along_the_shape()
    {
        var g = Read(SmallXml).Graph;
        // Footway: 0.001° of latitude (~111 m) north, then 0.001° of longitude at 36.67°N (~89 m) east.
        var lengths = Enumerable.Range(0, g.EdgeCount).Select(g.EdgeLengthM).OrderBy(l => l).ToArray();
        var footway = lengths.Max();
        Assert.InRange(footway, 111.0 + 89.2 - 1, 111.0 + 89.2 + 1);
    }

    [Fact]
    public void Ways_are_split_where_they_share_a_node()
    {
        // Two streets crossing at node 5, the middle of both: four edges, five nodes.
        const string xml = """
            <osm version="0.6">
              <node id="1" lat="36.670" lon="117.000"/><node id="2" lat="36.670" lon="117.002"/>
              <node id="3" lat="36.669" lon="117.001"/><node id="4" lat="36.671" lon="117.001"/>
              <node id="5" lat="36.670" lon="117.001"/>
              <way id="1"><nd ref="1"/><nd ref="5"/><nd ref="2"/><tag k="highway" v="residential"/></way>
              <way id="2"><nd ref="3"/><nd ref="5"/><nd ref="4"/><tag k="highway" v="footway"/></way>
            </osm>
            """;
        var g = Read(xml).Graph;
        Assert.Equal(4, g.EdgeCount);
        Assert.Equal(5, g.NodeCount);
    }

    [Fact]
    public void A_way_is_split_where_its_nodes_are_missing_from_a_clipped_extract()
    {
        const string xml = """
            <osm version="0.6">
              <node id="1" lat="36.670" lon="117.000"/><node id="2" lat="36.670" lon="117.001"/>
              <node id="4" lat="36.670" lon="117.003"/><node id="5" lat="36.670" lon="117.004"/>
              <way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="5"/><tag k="highway" v="residential"/></way>
            </osm>
            """;
        var load = Read(xml);
        Assert.Equal(2, load.Graph.EdgeCount); // 1-2 and 4-5: nothing bridges the missing node 3
        Assert.Equal(1, load.MissingNodeRefs);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("this is not OSM", "neither OSM XML")]
    [InlineData("<osm version=\"0.6\"><node id=\"1\" lat=\"36.6\" lon=\"117\"/><way id=\"2\"><nd ref=", "malformed")]
    [InlineData("<html><body>404</body></html>", "no <osm> root")]
    [InlineData("<osm version=\"0.6\"><node id=\"1\" lat=\"north\" lon=\"117\"/></osm>", "numeric 'lat'")]
    [InlineData("<osm version=\"0.6\"></osm>", "no OSM nodes or ways")]
    [InlineData("<osm version=\"0.6\"><node id=\"1\" lat=\"36.6\" lon=\"117\"/><node id=\"2\" lat=\"36.7\" lon=\"117\"/><way id=\"3\"><nd ref=\"1\"/><nd ref=\"2\"/><tag k=\"highway\" v=\"motorway\"/></way></osm>", "none a pedestrian may walk on")]
    public void Bad_files_are_refused_with_a_reason(string content, string expected)
    {
        var e = Assert.Throws<OsmFormatException>(() => Read(content));
        Assert.Contains(expected, e.Message);
    }

    [SharedFact]
    public void Reads_real_OSM_footways_of_west_Oakland()
    {
        using var s = File.OpenRead(Path.Combine(Networks, "west-oakland.osm"));
        var load = OsmNetworkReader.Read(s, "west-oakland.osm");
        Assert.Equal(446, load.NodesRead);
        Assert.Equal(66, load.WaysRead);
        Assert.InRange(load.Graph.EdgeCount, 50, 1000);
        Assert.Equal(0, load.Graph.Projection.Epsg); // outside China: a transverse Mercator without an EPSG code
        var box = load.Graph.BoundsWgs84();
        Assert.InRange(box.Centre.X, -122.32, -122.28);
        Assert.InRange(box.Centre.Y, 37.80, 37.82);
    }

    [SharedFact]
    public void Reads_real_OSM_of_central_Shanghai()
    {
        using var s = File.OpenRead(Path.Combine(Networks, "shanghai-center.osm"));
        var load = OsmNetworkReader.Read(s, "shanghai-center.osm");
        Assert.Equal(21_786, load.NodesRead);
        Assert.Equal(4_701, load.WaysRead);
        Assert.Equal(4528, load.Graph.Projection.Epsg); // 121.5°E: zone 40
        Assert.True(load.WalkableWays > 4000, $"{load.WalkableWays} walkable ways");
        Assert.True(load.DroppedWays.GetValueOrDefault("foot=no") > 0);
        // A 13 x 11 km extract of roads: hundreds of kilometres of streets.
        Assert.InRange(load.Graph.TotalLengthM / 1000, 300, 3000);
    }

    /// <summary>osmium (Debian's osmium-tool, installed by .ci/run) writes the PBF a user would bring.</summary>
    public sealed class OsmiumFactAttribute : FactAttribute
    {
        public OsmiumFactAttribute()
        {
            if (!RepoPaths.HasShared) Skip = "needs the shared reference data";
            else if (!File.Exists("/usr/bin/osmium")) Skip = "needs osmium (apt-get install osmium-tool)";
        }
    }

    private static string ToPbf(string osm, string compression)
    {
        var target = Path.Combine(Directory.CreateTempSubdirectory("osm-").FullName, Path.GetFileNameWithoutExtension(osm) + ".osm.pbf");
        var p = Process.Start(new ProcessStartInfo("/usr/bin/osmium", ["cat", osm, "-o", target, "-O", "-f", $"pbf,pbf_compression={compression}"]) { RedirectStandardError = true })!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
        return target;
    }

    [OsmiumFact]
    public void PBF_written_by_osmium_gives_the_same_graph_as_the_XML()
    {
        foreach (var name in new[] { "west-oakland.osm", "shanghai-center.osm" })
        {
            var xmlPath = Path.Combine(Networks, name);
            OsmNetworkLoad xml;
            using (var s = File.OpenRead(xmlPath)) xml = OsmNetworkReader.Read(s, name);
            foreach (var compression in new[] { "zlib", "none" })
            {
                using var s = File.OpenRead(ToPbf(xmlPath, compression));
                var pbf = OsmNetworkReader.Read(s, name);
                Assert.Equal(OsmFile.Format.Pbf, pbf.Format);
                Assert.Equal(xml.NodesRead, pbf.NodesRead);
                Assert.Equal(xml.WaysRead, pbf.WaysRead);
                Assert.Equal(xml.Graph.NodeCount, pbf.Graph.NodeCount);
                Assert.Equal(xml.Graph.EdgeCount, pbf.Graph.EdgeCount);
                // Coordinates agree to PBF's 100-nanodegree granularity: total length to a few centimetres per km.
                Assert.Equal(xml.Graph.TotalLengthM, pbf.Graph.TotalLengthM, xml.Graph.TotalLengthM * 1e-5);
            }
        }
    }

    [OsmiumFact]
    public void A_truncated_PBF_is_refused()
    {
        var bytes = File.ReadAllBytes(ToPbf(Path.Combine(Networks, "west-oakland.osm"), "zlib"));
        var e = Assert.Throws<OsmFormatException>(() => OsmNetworkReader.Read(new MemoryStream(bytes[..(bytes.Length * 2 / 3)]), "cut"));
        Assert.Contains("truncated", e.Message);
        // A flipped byte inside the compressed data: zlib's checksum or the protobuf structure catches it.
        var corrupt = (byte[])bytes.Clone();
        for (var i = bytes.Length / 2; i < bytes.Length / 2 + 64; i++) corrupt[i] ^= 0x5A;
        Assert.Throws<OsmFormatException>(() => OsmNetworkReader.Read(new MemoryStream(corrupt), "corrupt"));
    }
}
