using System.IO.Compression;
using System.Text;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Network;
using RecycleNet.Core.Network.Centrelines;
using RecycleNet.Tests.Api;
using RecycleNet.Tests.Api.Ogc;

namespace RecycleNet.Tests.Core.Network;

/// <summary>
/// Road centrelines as a surveying institute delivers them: CGCS2000 / 3-degree Gauss-Kruger zone 39 (EPSG:4527, false
/// easting 39,500,000 m), Chinese attribute names and grades, and lines that cross without a shared vertex. In local
/// metres (x east of 39,500,000 + 20,000, y north of 4,060,000):
/// <code>
///                 北街 (次干路), x = 1000, y 0 … 2000
///   (0,1000) ─────────┼───────── (2000,1000)   东西路 (主干路), one line: crosses 北街 at (1000,1000) with no vertex there
///   人行道 from (0,1000) to (0,2000)
///   (0,0) ──单行 村道──▶ (1000,0)               plus a 渡口 (ferry), a line of grade 未知 and one with no grade
/// </code>
/// </summary>
public class CentrelineTests
{
    private const double X0 = 39_520_000, Y0 = 4_060_000;

    private static string Line(string props, params (double X, double Y)[] points) => $$$"""
        {"type":"Feature","properties":{{{{props}}}},"geometry":{"type":"LineString","coordinates":[{{{string.Join(",", points.Select(p => FormattableString.Invariant($"[{X0 + p.X},{Y0 + p.Y}]")))}}}]}}
        """;

    public static readonly string Town = $$"""
        {"type":"FeatureCollection","features":[
        {{Line("\"名称\":\"东西路\",\"道路等级\":\"主干路\"", (0, 1000), (2000, 1000))}},
        {{Line("\"名称\":\"北街\",\"道路等级\":\"次干路\",\"限速\":\"40\"", (1000, 0), (1000, 2000))}},
        {{Line("\"名称\":\"村道\",\"道路等级\":\"村道\",\"单行\":\"是\"", (0, 0), (1000, 0))}},
        {{Line("\"名称\":\"步道\",\"道路等级\":\"人行道\"", (0, 1000), (0, 2000))}},
        {{Line("\"名称\":\"渡口\",\"道路等级\":\"渡口\"", (2000, 1000), (2000, 2000))}},
        {{Line("\"名称\":\"怪路\",\"道路等级\":\"未知\"", (0, 2000), (500, 2000))}},
        {{Line("\"名称\":\"无等级\"", (500, 2000), (900, 2000))}}
        ]}
        """;

    private static DeclaredCrs Zone39 => DeclaredCrs.TryParse("EPSG:4527", out var crs) ? crs : throw new InvalidOperationException();

    private static Point P(double x, double y) { var (lon, lat) = Zone39.ToWgs84(X0 + x, Y0 + y); return new Point(lon, lat); }

    private static CentrelineLoad Load(string path, CentrelineFormat format) =>
        CentrelineNetworkReader.Read(CentrelineFile.Read(path, format), Zone39, new RoadMapping(), Path.GetFileName(path));

    private static string GeoJsonFile()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("centrelines-").FullName, "town.geojson");
        File.WriteAllText(path, Town, Encoding.UTF8);
        return path;
    }

    private static void AssertTown(CentrelineLoad load)
    {
        Assert.Equal(7, load.Lines);
        Assert.Equal(4, load.Kept);
        Assert.Equal(1, load.Dropped["road class not in the mapping"]);
        Assert.Equal(1, load.Dropped["no road class"]);
        Assert.Single(load.Dropped, d => d.Key.StartsWith("neither walkable", StringComparison.Ordinal)); // the ferry
        Assert.True(load.CrossingsNoded >= 1, $"{load.CrossingsNoded} crossings noded");
        // 东西路 and 北街 are cut at their crossing: 4 pieces, + 村道 and the footway for walking.
        Assert.Equal(6, load.Graph.EdgeCount);
        var roads = load.Roads!;
        Assert.Equal(5, roads.EdgeCount);
        Assert.Equal(1, roads.OnewayEdges);
        Assert.Contains(Enumerable.Range(0, roads.EdgeCount), e => roads.SpeedKmh(e) == 40); // 限速 40 on 北街
        Assert.Contains(Enumerable.Range(0, roads.EdgeCount), e => roads.SpeedKmh(e) == 60); // 主干路 → primary, 60 by default
        var drive = new NetworkRoads(roads);
        // West end of 东西路 to the north end of 北街: only through the junction the noding made: 2,000 m.
        var leg = drive.Nearest([P(0, 1000)], [P(1000, 2000)], RoadMetric.Distance)[0]!.Value;
        Assert.InRange(leg.Metres, 1990, 2010);
        // 村道 is one-way eastward, and no other road reaches (0, 0): from (1000, 0) back there is no drive.
        Assert.Null(drive.Nearest([P(1000, 0)], [P(0, 0)], RoadMetric.Distance)[0]);
        Assert.NotNull(drive.Nearest([P(0, 0)], [P(1000, 0)], RoadMetric.Distance)[0]);
    }

    [Fact]
    public void A_GeoJSON_in_a_Gauss_Kruger_zone_with_unnoded_crossings_becomes_both_networks()
    {
        var load = Load(GeoJsonFile(), CentrelineFormat.GeoJson);
        AssertTown(load);
        Assert.Equal(4527, load.Graph.Projection.Epsg);
    }

    [GdalFact]
    public void The_same_lines_as_a_zipped_GBK_Shapefile_and_a_GeoPackage_written_by_GDAL_load_alike()
    {
        var source = GeoJsonFile();
        var dir = Path.GetDirectoryName(source)!;
        var gpkg = Path.Combine(dir, "town.gpkg");
        Gdal.Ok("ogr2ogr", "-f", "GPKG", gpkg, source, "-a_srs", "EPSG:4527", "-nln", "roads");
        AssertTown(Load(gpkg, CentrelineFormat.GeoPackage));

        var shpDir = Directory.CreateDirectory(Path.Combine(dir, "shp")).FullName;
        Gdal.Ok("ogr2ogr", "-f", "ESRI Shapefile", Path.Combine(shpDir, "roads.shp"), source, "-a_srs", "EPSG:4527", "-lco", "ENCODING=CP936");
        Assert.Contains("936", File.ReadAllText(Path.Combine(shpDir, "roads.cpg")));
        var zip = Path.Combine(dir, "roads.zip");
        ZipFile.CreateFromDirectory(shpDir, zip);
        AssertTown(Load(zip, CentrelineFormat.Shapefile));
    }

    [GdalFact]
    public void Without_a_cpg_the_dbfs_language_driver_names_the_encoding()
    {
        // A Big5 table (a survey from Taiwan or Hong Kong) whose .cpg was lost on the way: byte 29 alone says Big5.
        var dir = Directory.CreateTempSubdirectory("recyclenet-ldid-").FullName;
        var source = Path.Combine(dir, "big5.geojson");
        File.WriteAllText(source, $$"""{"type":"FeatureCollection","features":[{{Line("\"名稱\":\"東西路\",\"等級\":\"主幹路\"", (0, 0), (1000, 0))}}]}""");
        var shpDir = Directory.CreateDirectory(Path.Combine(dir, "shp")).FullName;
        Gdal.Ok("ogr2ogr", "-f", "ESRI Shapefile", Path.Combine(shpDir, "roads.shp"), source, "-a_srs", "EPSG:4527", "-lco", "ENCODING=CP950");
        File.Delete(Path.Combine(shpDir, "roads.cpg"));
        string Zipped(byte driver)
        {
            var dbf = Path.Combine(shpDir, "roads.dbf");
            var bytes = File.ReadAllBytes(dbf);
            bytes[ShapefileEncoding.LanguageDriverOffset] = driver;
            File.WriteAllBytes(dbf, bytes);
            var zip = Path.Combine(dir, $"roads-{driver:X2}.zip");
            ZipFile.CreateFromDirectory(shpDir, zip);
            return zip;
        }
        var big5 = Assert.Single(CentrelineFile.Read(Zipped(0x78), CentrelineFormat.Shapefile));
        Assert.Equal("東西路", big5.Attributes["名稱"]);
        Assert.Equal("主幹路", big5.Attributes["等級"]);
        // No driver byte: read as GBK, the default, which these bytes are not — what the driver byte saves.
        var guessed = Assert.Single(CentrelineFile.Read(Zipped(0x00), CentrelineFormat.Shapefile));
        Assert.DoesNotContain("名稱", guessed.Attributes.Keys);
        // A driver of a script this service does not read (0x4E, Korean) is refused, naming the byte, not guessed.
        var refused = Assert.ThrowsAny<Exception>(() => CentrelineFile.Read(Zipped(0x4E), CentrelineFormat.Shapefile));
        Assert.Contains("byte 29 = 0x4E", refused.Message);
        new TempFolder(dir).Dispose();
    }

    [Fact]
    public void A_file_declared_in_the_wrong_CRS_or_without_roads_is_refused_with_the_reason()
    {
        var path = GeoJsonFile();
        // Read as WGS84 degrees, 39,520,000 is no longitude in China.
        var wrong = Assert.Throws<OsmFormatException>(() => CentrelineNetworkReader.Read(CentrelineFile.Read(path, CentrelineFormat.GeoJson),
            DeclaredCrs.Wgs84, new RoadMapping(), "town"));
        Assert.Contains("was the file's CRS declared right", wrong.Message);
        var none = Assert.Throws<OsmFormatException>(() => CentrelineNetworkReader.Read(CentrelineFile.Read(path, CentrelineFormat.GeoJson),
            Zone39, new RoadMapping { ClassFields = ["DLDJ"] }, "town"));
        Assert.Contains("None of the 7 lines", none.Message);
        var notZip = Path.Combine(Path.GetDirectoryName(path)!, "not.zip");
        File.WriteAllText(notZip, "plain text");
        Assert.Throws<OsmFormatException>(() => CentrelineFile.Read(notZip, CentrelineFormat.Shapefile));
    }

    [Fact]
    public void A_planners_mapping_reads_codes_of_their_own()
    {
        var text = Town.Replace("\"道路等级\":\"主干路\"", "\"DLDJ\":\"3\"").Replace("\"道路等级\":\"次干路\"", "\"DLDJ\":\"4\"");
        var path = Path.Combine(Directory.CreateTempSubdirectory("centrelines-").FullName, "codes.geojson");
        File.WriteAllText(path, text);
        var mapping = new RoadMapping
        {
            ClassFields = ["DLDJ", "道路等级"],
            Classes = new Dictionary<string, string>(new RoadMapping().Classes, StringComparer.OrdinalIgnoreCase) { ["3"] = "primary", ["4"] = "secondary" },
        };
        AssertTown(CentrelineNetworkReader.Read(CentrelineFile.Read(path, CentrelineFormat.GeoJson), Zone39, mapping, "codes"));
    }
}
