using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using RecycleNet.Core.Geography;

namespace RecycleNet.Tests.Api;

/// <summary>Imports apply whole or not at all; each kind of bad input is named by row, field and rule.</summary>
public class ImportTests
{
    private static async Task<ServiceFactory> CityWithDistrictsAsync()
    {
        var f = new ServiceFactory(seedDemo: false);
        var body = File.ReadAllText(Path.Combine(RepoPaths.DemoData, "districts.geojson"));
        var r = await f.Planner().PostAsync("/api/import/districts?crs=WGS84", Json.GeoJson(body));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return f;
    }

    private static async Task<string> SnapshotAsync(HttpClient c)
    {
        var sb = new StringBuilder();
        foreach (var layer in new[] { "districts", "communities", "outlets", "sorting-centers" })
            sb.Append(await c.GetStringAsync($"/api/{layer}"));
        return sb.ToString();
    }

    private static async Task ImportsOkAsync(HttpClient planner, string crs, HttpContent body)
    {
        var r = await planner.PostAsync($"/api/import/communities?crs={crs}", body);
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static string Point(double lon, double lat, string props) =>
        string.Create(CultureInfo.InvariantCulture, $$$"""{"type":"Feature","geometry":{"type":"Point","coordinates":[{{{lon}}},{{{lat}}}]},"properties":{{{{props}}}}}""");

    private static string Collection(params string[] features) => $$$"""{"type":"FeatureCollection","features":[{{{string.Join(",", features)}}}]}""";

    [Fact]
    public async Task A_column_mapping_reads_a_sheet_with_its_own_headers()
    {
        using var f = await CityWithDistrictsAsync();
        var planner = f.Planner();
        const string csv = "网点,东经,北纬,类型,户\n甲回收站,117.02,36.66,固定,1\n乙回收站,117.03,36.66,流动,2\n";
        var unmapped = await planner.PostAsync("/api/import/outlets?crs=WGS84&dryRun=true", Csv(csv));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unmapped.StatusCode);
        var problem = await unmapped.ReadJsonAsync();
        // The dry run says how it read each column: only 类型 (kind) is recognised.
        Assert.Equal([("网点", null), ("东经", null), ("北纬", null), ("类型", "kind"), ("户", null)],
            problem.GetProperty("columns").EnumerateArray().Select(c => (c.GetProperty("header").GetString(), c.GetProperty("field").GetString())));
        Assert.Equal(2, problem.GetProperty("preview").GetArrayLength());

        var mapping = Uri.EscapeDataString("""{"网点":"name","东经":"lon","北纬":"lat"}""");
        var mapped = await planner.PostAsync($"/api/import/outlets?crs=WGS84&dryRun=true&mapping={mapping}", Csv(csv));
        Assert.True(mapped.StatusCode == HttpStatusCode.OK, await mapped.Content.ReadAsStringAsync());
        var answer = await mapped.ReadJsonAsync();
        Assert.Equal([("name", "name"), ("lon", "geometry"), ("lat", "geometry"), ("类型", "kind"), ("户", null)],
            answer.GetProperty("columns").EnumerateArray().Select(c => (c.GetProperty("header").GetString(), c.GetProperty("field").GetString())));
        Assert.Equal(2, answer.GetProperty("inserted").GetInt32());
        var imported = await planner.PostAsync($"/api/import/outlets?crs=WGS84&mapping={mapping}", Csv(csv));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(["甲回收站", "乙回收站"], (await (await planner.GetAsync("/api/outlets")).ReadJsonAsync()).GetProperty("features").EnumerateArray()
            .Select(x => x.GetProperty("properties").GetProperty("name").GetString()));

        var bad = await planner.PostAsync($"/api/import/outlets?crs=WGS84&dryRun=true&mapping={Uri.EscapeDataString("""{"网点":"rocket"}""")}", Csv(csv));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("not a property of outlets", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await planner.PostAsync("/api/import/outlets?crs=WGS84&mapping=[1]", Csv(csv))).StatusCode);
        // The mapping is read by the strict reader, as bodies are: a column given twice is refused, not silently the last.
        var twice = await planner.PostAsync($"/api/import/outlets?crs=WGS84&dryRun=true&mapping={Uri.EscapeDataString("""{"网点":"name","网点":"operator"}""")}", Csv(csv));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var refused = await twice.ReadJsonAsync();
        Assert.Equal("mapping", refused.GetProperty("field").GetString());
        Assert.Contains("须为从列名到属性的 JSON 对象", refused.GetProperty("detailZh").GetString());
    }

    [Fact]
    public async Task A_dry_run_checks_every_row_and_writes_nothing()
    {
        using var f = await CityWithDistrictsAsync();
        var planner = f.Planner();
        var before = await SnapshotAsync(planner);
        var bad = await planner.PostAsync("/api/import/communities?crs=WGS84&dryRun=true", Csv("name,households,lon,lat\n好,100,117.02,36.66\n坏,-1,117.03,36.66\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var error = (await bad.ReadJsonAsync()).GetProperty("errors").EnumerateArray().Single();
        Assert.Equal((3, "households"), (error.GetProperty("index").GetInt32(), error.GetProperty("field").GetString()));
        Assert.Equal(("must not be negative, got -1", "不能为负数，实际为 -1"), (error.GetProperty("reason").GetString(), error.GetProperty("reasonZh").GetString()));
        var good = await planner.PostAsync("/api/import/communities?crs=WGS84&dryRun=true", Csv("name,households,lon,lat,颜色\n好,100,117.02,36.66,红\n也好,50,117.03,36.66,蓝\n"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var answer = await good.ReadJsonAsync();
        Assert.Equal((true, 2, 0), (answer.GetProperty("dryRun").GetBoolean(), answer.GetProperty("inserted").GetInt32(), answer.GetProperty("removed").GetInt32()));
        Assert.Equal(["颜色"], answer.GetProperty("ignoredFields").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(before, await SnapshotAsync(planner));
        Assert.Equal(HttpStatusCode.BadRequest, (await planner.PostAsync("/api/import/communities?crs=WGS84&dryRun=perhaps", Csv("name\n好\n"))).StatusCode);
    }

    [Fact]
    public async Task Every_kind_of_bad_row_is_reported_and_nothing_is_imported()
    {
        using var f = await CityWithDistrictsAsync();
        var planner = f.Planner();
        var good = Point(117.02, 36.66, "\"name\":\"好\",\"households\":100");
        var (x, y) = LocalProjection.ForZone(39).Project(117.02, 36.66);
        var body = Collection(
            good,                                                                           // 0 valid
            Point(117.03, 36.66, "\"households\":100"),                                     // 1 missing name
            Point(117.03, 36.66, "\"name\":\"负\",\"households\":-5"),                      // 2 negative households
            """{"type":"Feature","geometry":{"type":"Point","coordinates":"x"},"properties":{"name":"坏","households":1}}""", // 3 unparseable geometry
            Point(-74.0, 40.7, "\"name\":\"纽约\",\"households\":1"),                       // 4 outside China
            Point(36.66, 117.02, "\"name\":\"倒\",\"households\":1"),                       // 5 lat/lon swapped
            good);                                                                          // 6 valid
        var before = await SnapshotAsync(planner);
        var r = await planner.PostAsync("/api/import/communities?crs=WGS84", Json.GeoJson(body));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var errors = (await r.ReadJsonAsync()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString(), e.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([1, 2, 3, 4, 5], errors.Select(e => e.Item1));
        Assert.Equal(("name", "is required"), (errors[0].Item2, errors[0].Item3));
        Assert.Equal(("households", "must not be negative, got -5"), (errors[1].Item2, errors[1].Item3));
        Assert.Equal("geometry", errors[2].Item2);
        Assert.Contains("outside China", errors[3].Item3);
        Assert.Contains("look swapped", errors[4].Item3);
        Assert.Equal(before, await SnapshotAsync(planner));

        // A Jinan point in zone 39 metres declared as zone 40 lands in China, but far outside every district.
        var wrongZone = await planner.PostAsync("/api/import/communities?crs=EPSG:4528", Csv(string.Create(CultureInfo.InvariantCulture, $"name,households,x,y\n错带,10,{x},{y}\n")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongZone.StatusCode);
        var e = (await wrongZone.ReadJsonAsync()).GetProperty("errors")[0];
        Assert.Equal(2, e.GetProperty("index").GetInt32());
        Assert.Contains("outside every district", e.GetProperty("reason").GetString());
        Assert.Equal(before, await SnapshotAsync(planner));
    }

    [Fact]
    public async Task GCJ02_BD09_and_Gauss_Kruger_imports_are_stored_in_WGS84()
    {
        using var f = await CityWithDistrictsAsync();
        var planner = f.Planner();
        var gcj = ChinaCoordinates.Wgs84ToGcj02(117.02, 36.66);
        var bd = ChinaCoordinates.Wgs84ToBd09(117.03, 36.67);
        var (x, y) = LocalProjection.ForZone(39).Project(117.04, 36.68);
        await ImportsOkAsync(planner, "GCJ02", Csv(string.Create(CultureInfo.InvariantCulture, $"name,households,lon,lat\nG,1,{gcj.Lon:R},{gcj.Lat:R}\n")));
        await ImportsOkAsync(planner, "BD09", Csv(string.Create(CultureInfo.InvariantCulture, $"name,households,经纬度\nB,1,\"{bd.Lon:R},{bd.Lat:R}\"\n")));
        await ImportsOkAsync(planner, "EPSG:4527", Csv(string.Create(CultureInfo.InvariantCulture, $"name,households,x,y\nK,1,{x:R},{y:R}\n")));
        var stored = (await (await planner.GetAsync("/api/communities")).ReadJsonAsync()).GetProperty("features").EnumerateArray()
            .ToDictionary(c => c.GetProperty("properties").GetProperty("name").GetString()!, c => c.GetProperty("geometry").GetProperty("coordinates"));
        Assert.Equal(117.02, stored["G"][0].GetDouble(), 1e-7);
        Assert.Equal(36.67, stored["B"][1].GetDouble(), 1e-7);
        Assert.Equal(117.04, stored["K"][0].GetDouble(), 1e-7);
    }

    [SharedFact]
    public async Task Real_Baidu_compounds_of_Jinan_land_in_its_districts_when_declared_BD09()
    {
        var path = Path.Combine(RepoPaths.Shared, "data", "communities", "jinan-sofang-bd09.json");
        using var f = await CityWithDistrictsAsync();
        var compounds = JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateObject().Take(500).ToList();
        var csv = new StringBuilder("name,households,经纬度\n");
        foreach (var c in compounds)
        {
            var hh = c.Value.TryGetProperty("总户数", out var h) && int.TryParse(h.GetString()?.Replace(" 户", ""), out var n) ? n : 0;
            csv.Append('"').Append(c.Name.Replace("\"", "\"\"")).Append("\",").Append(hh).Append(",\"").Append(c.Value.GetProperty("经纬度").GetString()).Append("\"\n");
        }
        var r = await f.Planner().PostAsync("/api/import/communities?crs=BD09", Csv(csv.ToString()));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(compounds.Count, (await r.ReadJsonAsync()).GetProperty("inserted").GetInt32());
    }

    [Fact]
    public async Task Unused_columns_are_reported_but_coordinate_columns_are_not()
    {
        using var f = await CityWithDistrictsAsync();
        var r = await f.Planner().PostAsync("/api/import/communities?crs=WGS84", Csv("name,households,lon,lat,colour\n甲,10,117.02,36.66,red\n"));
        var ignored = (await r.ReadJsonAsync()).GetProperty("ignoredFields").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(["colour"], ignored);
    }

    [Fact]
    public async Task XLSX_and_CSV_errors_name_the_sheet_row()
    {
        using var f = await CityWithDistrictsAsync();
        using var ms = new MemoryStream();
        ms.SaveAs(new[]
        {
            new Dictionary<string, object> { ["name"] = "甲", ["households"] = 300, ["lon"] = 117.01, ["lat"] = 36.65 },
            new Dictionary<string, object> { ["name"] = "乙", ["households"] = "很多", ["lon"] = 117.02, ["lat"] = 36.66 },
        });
        var xlsx = new ByteArrayContent(ms.ToArray());
        xlsx.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var r = await f.Planner().PostAsync("/api/import/communities?crs=WGS84", xlsx);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var e = (await r.ReadJsonAsync()).GetProperty("errors")[0];
        Assert.Equal((3, "households"), (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString()));

        ms.SetLength(0);
        ms.SaveAs(new[] { new Dictionary<string, object> { ["名称"] = "甲", ["户数"] = 300, ["经度"] = 117.01, ["纬度"] = 36.65 } });
        var ok = new MultipartFormDataContent { { new ByteArrayContent(ms.ToArray()), "file", "小区.xlsx" } };
        var imported = await f.Planner().PostAsync("/api/import/communities?crs=WGS84", ok);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal("xlsx", (await imported.ReadJsonAsync()).GetProperty("format").GetString());
    }

    [Fact]
    public async Task Replace_swaps_the_whole_layer_unless_other_features_refer_to_it()
    {
        using var f = new ServiceFactory(); // demo data: mobile stations refer to communities
        var planner = f.Planner();
        var before = await SnapshotAsync(planner);
        var blocked = await planner.PostAsync("/api/import/communities?crs=WGS84&mode=replace", Json.GeoJson(Collection(Point(117.02, 36.66, "\"name\":\"唯一\",\"households\":5"))));
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Equal(before, await SnapshotAsync(planner));

        var centres = Collection(Point(117.1, 36.7, "\"name\":\"新甲\",\"status\":\"planned\""), Point(117.2, 36.7, "\"name\":\"新乙\""));
        var replaced = await (await planner.PostAsync("/api/import/sorting-centers?crs=WGS84&mode=replace", Json.GeoJson(centres))).ReadJsonAsync();
        Assert.Equal((2, 6), (replaced.GetProperty("inserted").GetInt32(), replaced.GetProperty("removed").GetInt32()));
        var now = await (await planner.GetAsync("/api/sorting-centers")).ReadJsonAsync();
        Assert.Equal(["新甲", "新乙"], now.GetProperty("features").EnumerateArray().Select(c => c.GetProperty("properties").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Mobile_stations_reference_served_communities_by_name_and_fixed_outlets_may_not()
    {
        using var f = await CityWithDistrictsAsync();
        var planner = f.Planner();
        await ImportsOkAsync(planner, "WGS84", Csv("name,households,lon,lat\n东区,100,117.02,36.66\n西区,200,117.03,36.66\n"));
        var mobile = Point(117.02, 36.66, "\"name\":\"流动站\",\"kind\":\"流动\",\"servedCommunities\":[\"东区\",\"西区\"]");
        var ok = await (await planner.PostAsync("/api/import/outlets?crs=WGS84", Json.GeoJson(Collection(mobile)))).ReadJsonAsync();
        var id = ok.GetProperty("ids")[0].GetInt64();
        var stored = await (await planner.GetAsync($"/api/outlets/{id}")).ReadJsonAsync();
        Assert.Equal(2, stored.GetProperty("properties").GetProperty("servedCommunities").GetArrayLength());

        var fixedWithServed = Point(117.02, 36.66, "\"name\":\"固定\",\"kind\":\"fixed\",\"servedCommunities\":\"东区\"");
        var bad = await planner.PostAsync("/api/import/outlets?crs=WGS84", Json.GeoJson(Collection(fixedWithServed)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal("servedCommunities", (await bad.ReadJsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("/api/import/parks?crs=WGS84", HttpStatusCode.NotFound, null)]
    [InlineData("/api/import/communities", HttpStatusCode.BadRequest, "crs")]
    [InlineData("/api/import/communities?crs=EPSG:2000", HttpStatusCode.BadRequest, "crs")]
    [InlineData("/api/import/communities?crs=WGS84&mode=merge", HttpStatusCode.BadRequest, "mode")]
    [InlineData("/api/import/communities?crs=WGS84&mode=1", HttpStatusCode.BadRequest, "mode")]
    [InlineData("/api/import/communities?crs=WGS84&format=shp", HttpStatusCode.BadRequest, "format")]
    public async Task Bad_parameters_are_named(string url, HttpStatusCode status, string? field)
    {
        using var f = new ServiceFactory(seedDemo: false);
        var r = await f.Planner().PostAsync(url, Json.GeoJson(Collection()));
        Assert.Equal(status, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        if (field is not null) Assert.Equal(field, (await r.ReadJsonAsync()).GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[", "not valid JSON")]
    [InlineData("{\"type\":\"Point\",\"coordinates\":[1,2]}", "must be a GeoJSON FeatureCollection or Feature")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[]}", null)]
    public async Task Unreadable_or_empty_bodies_are_refused(string body, string? detail)
    {
        using var f = new ServiceFactory(seedDemo: false);
        var r = await f.Planner().PostAsync("/api/import/communities?crs=WGS84", Json.GeoJson(body));
        var problem = await r.ReadJsonAsync();
        if (detail is null)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
            Assert.Equal("the import holds no features or rows", problem.GetProperty("errors")[0].GetProperty("reason").GetString());
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains(detail, problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Oversized_bodies_are_refused_with_the_limit()
    {
        using var f = new ServiceFactory(seedDemo: false, maxImportBytes: 2000);
        var big = "name,households,lon,lat\n" + string.Concat(Enumerable.Repeat("某小区,1,117.02,36.66\n", 200));
        var r = await f.Planner().PostAsync("/api/import/communities?crs=WGS84", Csv(big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Contains("2,000 bytes", (await r.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(0, (await (await f.CreateClient().GetAsync("/api/communities")).ReadJsonAsync()).FeatureCount());
    }

    [Fact]
    public async Task District_imports_validate_codes_and_polygons()
    {
        using var f = await CityWithDistrictsAsync();
        var square = "[[[117,36],[117.1,36],[117.1,36.1],[117,36.1],[117,36]]]";
        var bowtie = "[[[117,36],[117.1,36.1],[117.1,36],[117,36.1],[117,36]]]";
        var body = Collection(
            $$$"""{"type":"Feature","geometry":{"type":"Polygon","coordinates":{{{square}}}},"properties":{"name":"重复","adcode":"370102","population":1,"avgHouseholdSize":2.5}}""",
            $$$"""{"type":"Feature","geometry":{"type":"Polygon","coordinates":{{{bowtie}}}},"properties":{"name":"自交","adcode":"370199","population":1,"avgHouseholdSize":2.5}}""",
            $$$"""{"type":"Feature","geometry":{"type":"Point","coordinates":[117,36]},"properties":{"name":"点","adcode":"37","population":1,"avgHouseholdSize":2.5}}""");
        var r = await f.Planner().PostAsync("/api/import/districts?crs=WGS84", Json.GeoJson(body));
        var reasons = (await r.ReadJsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("reason").GetString()).ToList();
        Assert.Contains(reasons, s => s!.StartsWith("district 370102 already exists"));
        Assert.Contains(reasons, s => s!.StartsWith("is not a valid polygon"));
        Assert.Contains(reasons, s => s!.StartsWith("must be a Polygon or MultiPolygon"));
        Assert.Contains(reasons, s => s!.StartsWith("must be a 6-digit administrative division code"));
    }
}
