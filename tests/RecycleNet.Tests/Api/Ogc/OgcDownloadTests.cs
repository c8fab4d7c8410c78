using System.IO.Compression;
using System.Net;
using System.Text;
using MiniExcelLibs;

namespace RecycleNet.Tests.Api.Ogc;

/// <summary>Each collection's items as files (f=csv|xlsx|gpkg|shp) with the same filters; files opened with GDAL where it counts.</summary>
public class OgcDownloadTests(KestrelService service) : IClassFixture<KestrelService>
{
    private HttpClient Client => service.Factory.CreateClient();

    private async Task<int> CountAsync(string query) =>
        (await (await Client.GetAsync($"/ogc/collections/{query}&limit=1")).ReadJsonAsync()).GetProperty("numberMatched").GetInt32();

    private async Task<string> SaveAsync(string url, string file)
    {
        var r = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var path = Path.Combine(Directory.CreateTempSubdirectory("ogc-dl-").FullName, file);
        await File.WriteAllBytesAsync(path, await r.Content.ReadAsByteArrayAsync());
        return path;
    }

    [Fact]
    public async Task Csv_has_a_BOM_Chinese_names_and_every_matching_feature()
    {
        var r = await Client.GetAsync("/ogc/collections/outlets/items?f=csv&kind=fixed");
        Assert.Equal("text/csv", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal("outlets.csv", r.Content.Headers.ContentDisposition?.FileNameStar ?? r.Content.Headers.ContentDisposition?.FileName);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,name,kind,status,modern,areaM2,operator,openedOn,closedOn,tier,servedCommunities,servedVillages,source,lon,lat", lines[0]);
        Assert.Equal(await CountAsync("outlets/items?kind=fixed"), lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(",fixed,", l));
        Assert.Contains(lines, l => l.Contains("网点") || l.Contains("回收"));
        // Polygons come as WKT, quoted because WKT holds commas.
        var districts = await Client.GetStringAsync("/ogc/collections/districts/items?f=csv");
        Assert.Matches(@",""(MULTI)?POLYGON \(\(", districts.Split("\r\n")[1]);
    }

    [Fact]
    public async Task Xlsx_is_one_sheet_with_numeric_cells()
    {
        var r = await Client.GetAsync("/ogc/collections/communities/items?f=xlsx&bbox=117.0,36.6,117.1,36.7");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r.Content.Headers.ContentType?.MediaType);
        using var xlsx = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        Assert.Equal(["communities"], xlsx.GetSheetNames());
        var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(await CountAsync("communities/items?bbox=117.0,36.6,117.1,36.7"), rows.Count);
        Assert.All(rows, row => Assert.InRange(Convert.ToDouble(row["lon"], System.Globalization.CultureInfo.InvariantCulture), 117.0, 117.1));
        Assert.IsNotType<string>(rows[0]["households"]);
        Assert.StartsWith("模拟小区", rows[0]["name"].ToString());
    }

    [GdalFact]
    public async Task GeoPackage_downloads_open_in_GDAL_with_their_CRS_fields_and_Chinese_text()
    {
        var gpkg = await SaveAsync("/ogc/collections/communities/items?f=gpkg&crs=EPSG:4527", "communities.gpkg");
        var summary = Gdal.Ok("ogrinfo", "-ro", "-so", gpkg, "communities");
        Assert.Equal(await CountAsync("communities/items?"), Gdal.FeatureCount(summary));
        Assert.Contains("ID[\"EPSG\",4527]]", summary);
        Assert.Contains("households: Integer", summary);
        var rows = Gdal.Csv(gpkg, "communities", "-select", "name");
        Assert.StartsWith("模拟小区", rows[0]["name"]);
        Assert.InRange(double.Parse(rows[0]["X"], System.Globalization.CultureInfo.InvariantCulture), 39_000_000, 40_000_000); // easting first in files
        var districts = await SaveAsync("/ogc/collections/districts/items?f=gpkg", "districts.gpkg");
        Assert.Equal(12, Gdal.FeatureCount(Gdal.Ok("ogrinfo", "-ro", "-so", districts, "districts")));
    }

    [GdalFact]
    public async Task Zipped_Shapefiles_carry_prj_and_cpg_and_keep_Chinese_text()
    {
        var zip = await SaveAsync("/ogc/collections/outlets/items?f=shp&status=operating", "outlets.zip");
        using (var archive = ZipFile.OpenRead(zip))
            Assert.Equal(["outlets.cpg", "outlets.dbf", "outlets.prj", "outlets.shp", "outlets.shx"], archive.Entries.Select(e => e.Name).Order());
        var summary = Gdal.Ok("ogrinfo", "-ro", "-so", $"/vsizip/{zip}/outlets.shp", "outlets");
        Assert.Equal(await CountAsync("outlets/items?status=operating"), Gdal.FeatureCount(summary));
        Assert.Contains("ID[\"EPSG\",4326]]", summary);
        Assert.Contains("openedOn: Date", summary);
        var names = Gdal.Csv($"/vsizip/{zip}/outlets.shp", "outlets", "-select", "name").Select(r => r["name"]).ToList();
        var store = (await (await Client.GetAsync("/ogc/collections/outlets/items?status=operating&limit=1000")).ReadJsonAsync())
            .GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()!).ToList();
        Assert.Equal(store, names);
        // DBF names are cut to 10 characters.
        var centres = await SaveAsync("/ogc/collections/sorting-centers/items?f=shp", "centres.zip");
        Assert.Contains("capacityTo: Real", Gdal.Ok("ogrinfo", "-ro", "-so", $"/vsizip/{centres}/sorting-centers.shp", "sorting-centers"));
    }

    [Fact]
    public async Task GCJ02_has_no_place_in_a_GeoPackage_or_Shapefile()
    {
        var r = await Client.GetAsync("/ogc/collections/outlets/items?f=gpkg&crs=GCJ-02");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("crs", (await r.ReadJsonAsync()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/ogc/collections/outlets/items?f=csv&crs=GCJ-02")).StatusCode);
    }
}
