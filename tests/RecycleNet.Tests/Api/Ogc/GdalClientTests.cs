using System.Globalization;

namespace RecycleNet.Tests.Api.Ogc;

/// <summary>
/// GDAL's OAPIF driver as the client QGIS users have underneath: it lists, copies and filters the collections.
/// Debian's GDAL is 3.6, whose OAPIF driver predates Part 2 (CRS), so the CRS checks read the crs pages with
/// GDAL's GeoJSON driver and compare them with GDAL's own reprojection of the CRS84 copy.
/// </summary>
public class GdalClientTests(KestrelService service) : IClassFixture<KestrelService>
{
    private string Landing => $"OAPIF:{service.BaseUrl}/ogc";

    private async Task<int> StoreCountAsync(string collection) =>
        (await (await service.Factory.CreateClient().GetAsync($"/ogc/collections/{collection}/items?limit=1")).ReadJsonAsync())
            .GetProperty("numberMatched").GetInt32();

    [GdalFact]
    public async Task Ogrinfo_lists_every_collection_with_its_fields_and_feature_count()
    {
        var list = Gdal.Ok("ogrinfo", "-ro", "-q", Landing);
        foreach (var id in new[] { "districts", "communities", "outlets", "sorting-centers", "life-circles", "coverage-gaps", "siting-proposals" }) Assert.Contains($": {id} (", list);
        foreach (var (id, field) in new[] { ("districts", "adcode: String"), ("communities", "households: Integer"), ("outlets", "modern: Integer(Boolean)"),
                     ("sorting-centers", "greenCertified: Integer(Boolean)"), ("life-circles", "areaM2: "), ("coverage-gaps", "distanceM: Real") })
        {
            var summary = Gdal.Ok("ogrinfo", "-ro", "-so", Landing, id);
            Assert.Equal(await StoreCountAsync(id), Gdal.FeatureCount(summary));
            Assert.Contains(field, summary);
        }
    }

    [GdalFact]
    public async Task Ogr2ogr_copies_each_collection_whole_into_a_GeoPackage_with_Chinese_intact()
    {
        var gpkg = Path.Combine(Directory.CreateTempSubdirectory("ogc-gdal-").FullName, "copy.gpkg");
        Gdal.Ok("ogr2ogr", "-f", "GPKG", gpkg, Landing, "-oo", "PAGE_SIZE=1000");
        foreach (var id in new[] { "districts", "communities", "outlets", "sorting-centers", "life-circles", "coverage-gaps" })
            Assert.Equal(await StoreCountAsync(id), Gdal.FeatureCount(Gdal.Ok("ogrinfo", "-ro", "-so", gpkg, id)));
        var store = await (await service.Factory.CreateClient().GetAsync("/ogc/collections/districts/items")).ReadJsonAsync();
        var names = store.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()!).Order().ToList();
        var copied = Gdal.Csv(gpkg, "districts", "-select", "name").Select(r => r["name"]).Order().ToList();
        Assert.Equal(names, copied);
        Assert.Contains(copied, n => n.EndsWith('区'));
    }

    [GdalFact]
    public async Task A_spatial_filter_is_sent_to_the_server_as_bbox()
    {
        var gpkg = Path.Combine(Directory.CreateTempSubdirectory("ogc-gdal-").FullName, "box.gpkg");
        var (exit, _, debug) = Gdal.Run("ogr2ogr", "-f", "GPKG", gpkg, Landing, "communities", "-spat", "117.0", "36.6", "117.1", "36.7",
            "-oo", "PAGE_SIZE=1000", "--debug", "on");
        Assert.Equal(0, exit);
        Assert.Contains(debug.Split('\n'), l => l.Contains("Fetch(") && l.Contains("/items?") && l.Contains("bbox=117"));
        var page = await (await service.Factory.CreateClient().GetAsync("/ogc/collections/communities/items?bbox=117.0,36.6,117.1,36.7&limit=1")).ReadJsonAsync();
        Assert.Equal(page.GetProperty("numberMatched").GetInt32(), Gdal.FeatureCount(Gdal.Ok("ogrinfo", "-ro", "-so", gpkg, "communities")));
    }

    [GdalFact]
    public void Pages_in_EPSG_4490_and_the_local_zone_match_GDALs_own_reprojection()
    {
        var items = $"{service.BaseUrl}/ogc/collections/communities/items?limit=10000";
        var crs84 = Gdal.Csv(Landing, "communities", "-oo", "PAGE_SIZE=10000");
        // GDAL/PROJ reprojects the CRS84 copy; it writes easting, northing (GIS order).
        var reference = Gdal.Csv(Landing, "communities", "-oo", "PAGE_SIZE=10000", "-t_srs", "EPSG:4527");

        foreach (var (crs, epsg) in new[] { ("EPSG:4490", 4490), ("http://www.opengis.net/def/crs/EPSG/0/4527", 4527) })
        {
            var url = $"{items}&crs={Uri.EscapeDataString(crs)}";
            var dir = Directory.CreateTempSubdirectory("ogc-crs-").FullName;
            var gpkg = Path.Combine(dir, "crs.gpkg");
            Gdal.Ok("ogr2ogr", "-f", "GPKG", gpkg, url);
            var summary = Gdal.Ok("ogrinfo", "-ro", "-so", gpkg, "-al");
            Assert.Equal(crs84.Count, Gdal.FeatureCount(summary));
            Assert.Contains($"ID[\"EPSG\",{epsg}]]", summary);
            // The page is in the CRS's axis order (lat, lon; northing, easting); GDAL 3.6's GeoJSON reader takes
            // the first number as x, so its X column holds latitude or northing.
            var rows = Gdal.Csv(gpkg);
            for (var i = 0; i < rows.Count; i += 97)
            {
                double V(Dictionary<string, string> r, string k) => double.Parse(r[k], CultureInfo.InvariantCulture);
                if (epsg == 4490)
                {
                    Assert.Equal(V(crs84[i], "Y"), V(rows[i], "X"), 1e-7);
                    Assert.Equal(V(crs84[i], "X"), V(rows[i], "Y"), 1e-7);
                }
                else
                {
                    Assert.Equal(V(reference[i], "Y"), V(rows[i], "X"), 0.02); // northing, to 2 cm of PROJ
                    Assert.Equal(V(reference[i], "X"), V(rows[i], "Y"), 0.02); // easting
                }
            }
        }
    }
}
