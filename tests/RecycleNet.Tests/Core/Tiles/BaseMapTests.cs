using NetTopologySuite.Geometries;
using RecycleNet.Core.Features;
using RecycleNet.Core.Tiles;
using RecycleNet.Tests.Api.Ogc;
using RecycleNet.Tests.Core.Network;

namespace RecycleNet.Tests.Core.Tiles;

/// <summary>
/// The offline base map's tiles, read back by GDAL's MVT driver (a real client): land named, the loaded network's streets
/// at street zoom and none further out, nothing beyond the tile.
/// <code>
///   +-----------------------------+  land: one square district, 3 km a side, around
///   |   . . . . . . . . . . .     |  a jittered street grid (12 × 12 nodes, 200 m apart)
///   |   . . . grid . . . . .      |  near 117.0°E, 36.67°N (zone 39)
///   +-----------------------------+
/// </code>
/// </summary>
public class BaseMapTests
{
    private static readonly GeometryFactory Factory = new();

    private static (BaseMap Map, double Lon, double Lat) Grid()
    {
        var graph = TestNetworks.JitteredGrid(new Random(7), 12, 200, 20);
        var corners = new[] { (-500.0, -500.0), (2700, -500), (2700, 2700), (-500, 2700), (-500, -500) }
            .Select(c => TestNetworks.LonLat(c.Item1, c.Item2)).Select(p => new Coordinate(p.Lon, p.Lat)).ToArray();
        var land = new FeatureRecord(1, Factory.CreatePolygon(corners), [new("name", "测试区")]);
        var (lon, lat) = TestNetworks.LonLat(1100, 1100);
        return (new BaseMap([land], [], graph, null), lon, lat);
    }

    private static TileId Around(double lon, double lat, int z)
    {
        var n = 1 << z;
        var y = (int)((1 - Math.Asinh(Math.Tan(lat * Math.PI / 180)) / Math.PI) / 2 * n);
        return new TileId(z, (int)((lon + 180) / 360 * n), y);
    }

    private static string Save(TileId t, byte[] bytes)
    {
        var dir = Path.Combine(Directory.CreateTempSubdirectory("basemap-").FullName, $"{t.Z}", $"{t.X}");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{t.Y}.pbf");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [GdalFact]
    public void A_street_zoom_tile_holds_the_land_named_and_the_streets_of_the_loaded_network()
    {
        var (map, lon, lat) = Grid();
        var tile = Around(lon, lat, 15);
        var path = Save(tile, map.Tile(tile));
        var land = Gdal.Csv(path, "land", "-oo", "CLIP=NO");
        Assert.Equal("测试区", Assert.Single(land)["name"]);
        var roads = Gdal.Csv(path, "roads", "-oo", "CLIP=NO");
        Assert.True(roads.Count > 20, $"{roads.Count} street pieces at z15");
        Assert.All(roads, r => Assert.Equal("street", r["class"]));
    }

    [GdalFact]
    public void Further_out_the_streets_are_left_to_the_street_zooms()
    {
        var (map, lon, lat) = Grid();
        var tile = Around(lon, lat, 11);
        var path = Save(tile, map.Tile(tile));
        Assert.Single(Gdal.Csv(path, "land", "-oo", "CLIP=NO"));
        // GDAL lists the tile's layers with their counts: the roads layer, if listed at all, holds nothing at this zoom.
        var listing = Gdal.Run("ogrinfo", "-ro", "-so", "-al", "-oo", "CLIP=NO", path).Out;
        var roads = listing.Split("Layer name: ").FirstOrDefault(section => section.StartsWith("roads", StringComparison.Ordinal));
        Assert.True(roads is null || roads.Contains("Feature Count: 0"), roads);
        Assert.Contains("Layer name: land", listing);
    }

    [Fact]
    public void A_tile_away_from_the_city_is_empty_of_land_and_streets()
    {
        var (map, _, _) = Grid();
        var far = new TileId(15, 0, 0);
        var bytes = map.Tile(far);
        // Three empty layers: their names and extents only, no feature (a feature is field 2 of a layer).
        Assert.True(bytes.Length < 100, $"{bytes.Length} bytes");
    }
}
