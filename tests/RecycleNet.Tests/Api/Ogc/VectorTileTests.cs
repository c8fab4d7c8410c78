using System.Globalization;
using System.Net;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Tiles;

namespace RecycleNet.Tests.Api.Ogc;

/// <summary>Mapbox vector tiles read back by GDAL's MVT driver: the right features, in the right place, with their properties.</summary>
public class VectorTileTests(KestrelService service) : IClassFixture<KestrelService>
{
    private HttpClient Client => service.Factory.CreateClient();

    /// <summary>The tile holding central Jinan (117.05°E, 36.66°N) at zoom z.</summary>
    private static TileId Around(int z)
    {
        var n = 1 << z;
        var x = (int)((117.05 + 180) / 360 * n);
        var lat = 36.66 * Math.PI / 180;
        var y = (int)((1 - Math.Asinh(Math.Tan(lat)) / Math.PI) / 2 * n);
        return new TileId(z, x, y);
    }

    /// <summary>Saves a tile under z/x/y.pbf, where GDAL's MVT driver finds its place from the path.</summary>
    private async Task<string> SaveAsync(string collection, TileId t, string query = "")
    {
        var r = await Client.GetAsync($"/ogc/collections/{collection}/tiles/WebMercatorQuad/{t.Z}/{t.X}/{t.Y}{query}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", r.Content.Headers.ContentType?.MediaType);
        var dir = Path.Combine(Directory.CreateTempSubdirectory("mvt-").FullName, $"{t.Z}", $"{t.X}");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{t.Y}.pbf");
        await File.WriteAllBytesAsync(path, await r.Content.ReadAsByteArrayAsync());
        return path;
    }

    [GdalFact]
    public async Task A_community_tile_holds_the_communities_of_its_square_where_they_are()
    {
        var tile = Around(11);
        var path = await SaveAsync("communities", tile);
        var box = tile.BoundsWgs84(64.0 / 4096);
        var query = string.Create(CultureInfo.InvariantCulture, $"bbox={box.MinX},{box.MinY},{box.MaxX},{box.MaxY}&limit=10000");
        var page = await (await Client.GetAsync($"/ogc/collections/communities/items?{query}")).ReadJsonAsync();
        var rows = Gdal.Csv(path, "communities", "-oo", "CLIP=NO"); // GDAL would cut the 64-unit buffer off
        Assert.True(rows.Count > 100);
        Assert.Equal(page.GetProperty("numberMatched").GetInt32(), rows.Count);
        var byId = page.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetInt64());
        var pixel = tile.BoundsMercator.Width / 4096;
        foreach (var row in rows.Take(50))
        {
            var f = byId[long.Parse(row["mvt_id"], CultureInfo.InvariantCulture)];
            Assert.Equal(f.GetProperty("properties").GetProperty("name").GetString(), row["name"]);
            Assert.Equal(f.GetProperty("properties").GetProperty("households").GetInt32().ToString(CultureInfo.InvariantCulture), row["households"]);
            var c = f.GetProperty("geometry").GetProperty("coordinates");
            var (x, y) = OutputCrs.ToWebMercator(c[0].GetDouble(), c[1].GetDouble());
            Assert.Equal(x, double.Parse(row["X"], CultureInfo.InvariantCulture), pixel);
            Assert.Equal(y, double.Parse(row["Y"], CultureInfo.InvariantCulture), pixel);
        }
    }

    [GdalFact]
    public async Task Life_circle_and_gap_tiles_are_valid_polygons_and_points()
    {
        var tile = Around(9);
        var circles = await SaveAsync("life-circles", tile);
        var summary = Gdal.Ok("ogrinfo", "-ro", "-so", circles, "life-circles");
        Assert.Contains("Geometry: Polygon", summary);
        Assert.True(Gdal.FeatureCount(summary) > 0);
        // Every polygon GDAL rebuilds from the winding orders is valid and about a circle's area at this zoom.
        var check = Gdal.Ok("ogrinfo", "-ro", "-q", circles, "-dialect", "SQLite", "-sql",
            "SELECT COUNT(*) AS n, SUM(ST_IsValid(geometry)) AS valid FROM \"life-circles\"");
        var n = System.Text.RegularExpressions.Regex.Match(check, @"n \(Integer\) = (\d+)").Groups[1].Value;
        Assert.Contains($"valid (Integer) = {n}", check);
        var gaps = await SaveAsync("coverage-gaps", tile, "?minutes=10");
        Assert.Contains("Geometry: Point", Gdal.Ok("ogrinfo", "-ro", "-so", gaps, "coverage-gaps"));
    }

    [Theory]
    [InlineData("/ogc/collections/communities/tiles/WebMercatorQuad/25/0/0", "z")]
    [InlineData("/ogc/collections/communities/tiles/WebMercatorQuad/3/8/0", "x/y")]
    [InlineData("/ogc/collections/communities/tiles/WebMercatorQuad/3/1/1?minutes=5", "minutes")]
    public async Task Tiles_outside_the_matrix_or_with_unknown_parameters_are_400(string url, string field)
    {
        var r = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(field, (await r.ReadJsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_empty_tile_is_a_valid_empty_layer_and_the_template_is_advertised()
    {
        var r = await Client.GetAsync("/ogc/collections/outlets/tiles/WebMercatorQuad/5/0/0");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        Assert.Equal(0x1A, bytes[0]); // Tile.layers, length-delimited
        var sets = await (await Client.GetAsync("/ogc/collections/outlets/tiles")).ReadJsonAsync();
        Assert.EndsWith("/ogc/collections/outlets/tiles/WebMercatorQuad/{z}/{x}/{y}",
            sets.GetProperty("tilesets")[0].GetProperty("links")[0].GetProperty("href").GetString());
    }
}
