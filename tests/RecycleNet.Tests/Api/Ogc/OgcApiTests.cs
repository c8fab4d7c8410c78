using System.Globalization;
using System.Net;
using System.Text.Json;
using RecycleNet.Core.Geography;

namespace RecycleNet.Tests.Api.Ogc;

/// <summary>OGC API – Features Part 1 and 2 over the demo data, read as a client would.</summary>
public class OgcApiTests(DemoService demo) : IClassFixture<DemoService>
{
    private HttpClient Client => demo.Factory.CreateClient();

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var r = await Client.GetAsync(url);
        Assert.True(r.IsSuccessStatusCode, $"{url}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.ReadJsonAsync();
    }

    private static string? Link(JsonElement doc, string rel, string? type = null) => doc.GetProperty("links").EnumerateArray()
        .FirstOrDefault(l => l.GetProperty("rel").GetString() == rel && (type is null || l.GetProperty("type").GetString() == type))
        is { ValueKind: JsonValueKind.Object } l ? l.GetProperty("href").GetString() : null;

    private static IEnumerable<JsonElement> Features(JsonElement fc) => fc.GetProperty("features").EnumerateArray();

    [Fact]
    public async Task The_landing_page_links_the_api_definition_conformance_and_data()
    {
        var landing = await GetJsonAsync("/ogc");
        Assert.EndsWith("/openapi/ogc.json", Link(landing, "service-desc"));
        Assert.EndsWith("/ogc/conformance", Link(landing, "conformance"));
        Assert.EndsWith("/ogc/collections", Link(landing, "data"));
        var conformance = await GetJsonAsync("/ogc/conformance");
        var classes = conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs", classes);
        var openapi = await GetJsonAsync("/openapi/ogc.json");
        Assert.StartsWith("3.0", openapi.GetProperty("openapi").GetString());
        var items = openapi.GetProperty("paths").GetProperty("/ogc/collections/{collectionId}/items").GetProperty("get");
        var limit = items.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "limit");
        Assert.Equal(10_000, limit.GetProperty("schema").GetProperty("maximum").GetInt32());
    }

    [Fact]
    public async Task Collections_list_the_four_layers_with_extents_and_CRSs()
    {
        var all = await GetJsonAsync("/ogc/collections");
        var ids = all.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(["districts", "communities", "outlets", "sorting-centers", "townships", "villages", "transfer-stations", "waste-sorting-points",
            "life-circles", "coverage-gaps", "district-coverage", "siting-proposals", "facility-volumes", "plan-sites"], ids);
        var communities = await GetJsonAsync("/ogc/collections/communities");
        var crs = communities.GetProperty("crs").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(OutputCrs.Crs84Uri, crs[0]);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/4490", crs);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/4527", crs); // Jinan's Gauss-Kruger zone 39
        Assert.Contains(OutputCrs.Gcj02Uri, crs);
        Assert.Equal(OutputCrs.Crs84Uri, communities.GetProperty("storageCrs").GetString());
        var bbox = communities.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.InRange(bbox[0], 116, 118);
        Assert.InRange(bbox[1], 36, 38);
        Assert.True((await GetJsonAsync("/ogc/collections/outlets")).GetProperty("extent").TryGetProperty("temporal", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/ogc/collections/rivers")).StatusCode);
    }

    [Fact]
    public async Task Paging_with_next_links_returns_every_feature_once_in_id_order()
    {
        var store = await GetJsonAsync("/api/communities");
        var expected = Features(store).Select(f => f.GetProperty("id").GetInt64()).Order().ToList();
        var seen = new List<long>();
        string? url = "/ogc/collections/communities/items?limit=1000";
        var pages = 0;
        while (url is not null)
        {
            var page = await GetJsonAsync(url);
            Assert.Equal(expected.Count, page.GetProperty("numberMatched").GetInt32());
            Assert.Equal(page.GetProperty("numberReturned").GetInt32(), page.GetProperty("features").GetArrayLength());
            seen.AddRange(Features(page).Select(f => f.GetProperty("id").GetInt64()));
            if (pages > 0) Assert.NotNull(Link(page, "prev"));
            url = Link(page, "next");
            pages++;
        }
        Assert.Equal(expected, seen);
        Assert.Equal((expected.Count + 999) / 1000, pages);
        Assert.Equal(100, (await GetJsonAsync("/ogc/collections/communities/items")).GetProperty("numberReturned").GetInt32());
        // Above the maximum is clamped, not refused.
        Assert.Equal(Math.Min(10_000, expected.Count), (await GetJsonAsync("/ogc/collections/communities/items?limit=50000")).GetProperty("numberReturned").GetInt32());
        var one = await GetJsonAsync($"/ogc/collections/communities/items/{expected[7]}");
        Assert.Equal(expected[7], one.GetProperty("id").GetInt64());
        Assert.EndsWith("/ogc/collections/communities", Link(one, "collection"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/ogc/collections/communities/items/999999999")).StatusCode);
    }

    [Fact]
    public async Task Bbox_and_property_filters_match_what_the_store_holds()
    {
        var store = Features(await GetJsonAsync("/api/communities")).ToList();
        var (x0, y0, x1, y1) = (117.0, 36.6, 117.1, 36.7);
        var inBox = store.Where(f =>
        {
            var c = f.GetProperty("geometry").GetProperty("coordinates");
            return c[0].GetDouble() >= x0 && c[0].GetDouble() <= x1 && c[1].GetDouble() >= y0 && c[1].GetDouble() <= y1;
        }).Select(f => f.GetProperty("id").GetInt64()).Order().ToList();
        Assert.NotEmpty(inBox);
        var page = await GetJsonAsync("/ogc/collections/communities/items?bbox=117.0,36.6,117.1,36.7&limit=10000");
        Assert.Equal(inBox, Features(page).Select(f => f.GetProperty("id").GetInt64()));
        // The same box in EPSG:4326 is written latitude first.
        var latLon = await GetJsonAsync("/ogc/collections/communities/items?bbox=36.6,117.0,36.7,117.1&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326&limit=10000");
        Assert.Equal(inBox.Count, latLon.GetProperty("numberMatched").GetInt32());

        var outlets = Features(await GetJsonAsync("/api/outlets")).Select(f => f.GetProperty("properties")).ToList();
        var mobile = await GetJsonAsync("/ogc/collections/outlets/items?kind=mobile&limit=1000");
        Assert.Equal(outlets.Count(p => p.GetProperty("kind").GetString() == "mobile"), mobile.GetProperty("numberMatched").GetInt32());
        var modernOperating = await GetJsonAsync("/ogc/collections/outlets/items?modern=true&status=operating");
        Assert.Equal(outlets.Count(p => p.GetProperty("modern").GetBoolean() && p.GetProperty("status").GetString() == "operating"),
            modernOperating.GetProperty("numberMatched").GetInt32());
        var district = store[0].GetProperty("properties").GetProperty("districtId").GetInt64();
        var sameDistrict = await GetJsonAsync($"/ogc/collections/communities/items?districtId={district}");
        Assert.Equal(store.Count(f => f.GetProperty("properties").GetProperty("districtId").GetInt64() == district), sameDistrict.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task Life_circles_and_coverage_gaps_are_computed_collections_with_walking_parameters()
    {
        var coverage = await GetJsonAsync("/api/coverage");
        var circles = await GetJsonAsync("/ogc/collections/life-circles/items?limit=1000");
        var lifeCircles = await GetJsonAsync("/api/life-circles");
        Assert.Equal(lifeCircles.GetProperty("features").GetArrayLength(), circles.GetProperty("numberMatched").GetInt32());
        Assert.All(Features(circles), f => Assert.Equal("Polygon", f.GetProperty("geometry").GetProperty("type").GetString()));
        var gaps = await GetJsonAsync("/ogc/collections/coverage-gaps/items?limit=10000");
        Assert.Equal(coverage.GetProperty("uncoveredCommunities").GetInt32(), gaps.GetProperty("numberMatched").GetInt32());
        var ids = Features(gaps).Select(f => f.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Order(), ids); // stable id order for paging, unlike /api/coverage/gaps's largest-first
        var longer = await GetJsonAsync("/ogc/collections/coverage-gaps/items?minutes=30&limit=1");
        var coverage30 = await GetJsonAsync("/api/coverage?minutes=30");
        Assert.Equal(coverage30.GetProperty("uncoveredCommunities").GetInt32(), longer.GetProperty("numberMatched").GetInt32());
        Assert.True(longer.GetProperty("numberMatched").GetInt32() < gaps.GetProperty("numberMatched").GetInt32());
        var small = await GetJsonAsync("/ogc/collections/life-circles/items?minutes=5&speedKmh=4&limit=1");
        Assert.Equal(333.3, small.GetProperty("features")[0].GetProperty("properties").GetProperty("limitM").GetDouble(), 1);
        var bad = await Client.GetAsync("/ogc/collections/coverage-gaps/items?minutes=-5");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("minutes", (await bad.ReadJsonAsync()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/ogc/collections/communities/items?minutes=5")).StatusCode);
    }

    [Fact]
    public async Task A_CQL2_filter_selects_what_the_store_would()
    {
        var store = Features(await GetJsonAsync("/api/communities")).Select(f => f.GetProperty("properties")).ToList();
        var expected = store.Count(p => p.GetProperty("households").GetInt32() >= 1500 && p.GetProperty("district").GetString() == "历下区");
        var url = "/ogc/collections/communities/items?limit=1&filter=" + Uri.EscapeDataString("households >= 1500 AND district = '历下区'");
        Assert.Equal(expected, (await GetJsonAsync(url)).GetProperty("numberMatched").GetInt32());
        var spatial = "/ogc/collections/communities/items?limit=1&filter=" + Uri.EscapeDataString("S_INTERSECTS(geometry, BBOX(117.0,36.6,117.1,36.7))");
        var bbox = await GetJsonAsync("/ogc/collections/communities/items?limit=1&bbox=117.0,36.6,117.1,36.7");
        Assert.Equal(bbox.GetProperty("numberMatched").GetInt32(), (await GetJsonAsync(spatial)).GetProperty("numberMatched").GetInt32());
        var bad = await Client.GetAsync("/ogc/collections/communities/items?filter=" + Uri.EscapeDataString("households >= 'many'"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.ReadJsonAsync();
        Assert.Equal("filter", problem.GetProperty("field").GetString());
        Assert.Contains("'households' is an integer", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/ogc/collections/communities/items?filter=households>1&filter-lang=cql2-json")).StatusCode);
    }

    [Fact]
    public async Task Datetime_filters_outlets_by_opening_date()
    {
        var outlets = Features(await GetJsonAsync("/api/outlets")).Select(f => f.GetProperty("properties"))
            .Where(p => p.GetProperty("openedOn").ValueKind == JsonValueKind.String)
            .Select(p => DateOnly.ParseExact(p.GetProperty("openedOn").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(outlets);
        var cut = outlets.Order().ElementAt(outlets.Count / 2);
        var from = await GetJsonAsync($"/ogc/collections/outlets/items?datetime={cut:yyyy-MM-dd}/..");
        Assert.Equal(outlets.Count(d => d >= cut), from.GetProperty("numberMatched").GetInt32());
        var day = await GetJsonAsync($"/ogc/collections/outlets/items?datetime={cut:yyyy-MM-dd}");
        Assert.Equal(outlets.Count(d => d == cut), day.GetProperty("numberMatched").GetInt32());
    }

    [Theory]
    [InlineData("/ogc/collections/communities/items?bbox=117,36", "bbox")]
    [InlineData("/ogc/collections/communities/items?bbox=118,36,117,37", "bbox")]
    [InlineData("/ogc/collections/communities/items?limit=0", "limit")]
    [InlineData("/ogc/collections/communities/items?limit=ten", "limit")]
    [InlineData("/ogc/collections/communities/items?offset=-1", "offset")]
    [InlineData("/ogc/collections/communities/items?crs=EPSG:9999", "crs")]
    [InlineData("/ogc/collections/communities/items?bbox-crs=EPSG:2000&bbox=1,2,3,4", "bbox-crs")]
    [InlineData("/ogc/collections/communities/items?colour=red", "colour")]
    [InlineData("/ogc/collections/communities/items?datetime=2024-01-01", "datetime")]
    [InlineData("/ogc/collections/outlets/items?datetime=2024-13-01", "datetime")]
    [InlineData("/ogc/collections/outlets/items?f=pdf", "f")]
    public async Task Bad_parameters_are_400_naming_the_parameter(string url, string field)
    {
        var r = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, (await r.ReadJsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Features_come_in_the_CRS_asked_for_with_its_axis_order()
    {
        var baseUrl = "/ogc/collections/communities/items?limit=5";
        var crs84 = Features(await GetJsonAsync(baseUrl)).ToList();
        async Task<(List<JsonElement> Features, string? Header)> In(string crs)
        {
            var r = await Client.GetAsync($"{baseUrl}&crs={Uri.EscapeDataString(crs)}");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return (Features(await r.ReadJsonAsync()).ToList(), r.Headers.TryGetValues("Content-Crs", out var v) ? v.Single() : null);
        }
        var zone39 = LocalProjection.ForZone(39);
        var (latLon, header) = await In("http://www.opengis.net/def/crs/EPSG/0/4326");
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/4326>", header);
        var (cgcs, _) = await In("EPSG:4490");
        var (gk, gkHeader) = await In("EPSG:4527");
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/4527>", gkHeader);
        var (gcj, gcjHeader) = await In("GCJ-02");
        Assert.Equal($"<{OutputCrs.Gcj02Uri}>", gcjHeader);
        for (var i = 0; i < crs84.Count; i++)
        {
            static (double, double) Xy(JsonElement f) { var c = f.GetProperty("geometry").GetProperty("coordinates"); return (c[0].GetDouble(), c[1].GetDouble()); }
            var (lon, lat) = Xy(crs84[i]);
            Assert.Equal((lat, lon), Xy(latLon[i]));
            Assert.Equal((lat, lon), Xy(cgcs[i]));
            var (e, n) = zone39.Project(lon, lat);
            var (gn, ge) = Xy(gk[i]);
            Assert.Equal(n, gn, 0.01);
            Assert.Equal(e, ge, 0.01);
            Assert.InRange(ge, 39_000_000, 40_000_000); // the zone number leads the easting
            var (glon, glat) = ChinaCoordinates.Wgs84ToGcj02(lon, lat);
            Assert.Equal(glon, Xy(gcj[i]).Item1, 1e-6);
            Assert.Equal(glat, Xy(gcj[i]).Item2, 1e-6);
        }
    }

    [Fact]
    public async Task Html_pages_let_a_person_browse()
    {
        var req = new HttpRequestMessage(HttpMethod.Get, "/ogc/collections/communities/items?limit=10");
        req.Headers.Add("Accept", "text/html,application/xhtml+xml");
        var r = await Client.SendAsync(req);
        Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("<svg", html);
        Assert.Contains("下一页 next", html);
        Assert.Contains("/ogc/collections/communities/items/", html);
        foreach (var url in new[] { "/ogc?f=html", "/ogc/collections?f=html", "/ogc/collections/districts?f=html", "/ogc/conformance?f=html" })
        {
            var page = await Client.GetAsync(url);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        }
        var collections = await Client.GetStringAsync("/ogc/collections?f=html");
        Assert.Contains("居民小区 Communities", collections);
    }

    [Fact]
    public async Task Queryables_describe_every_filterable_property()
    {
        var r = await Client.GetAsync("/ogc/collections/outlets/queryables");
        Assert.Equal("application/schema+json", r.Content.Headers.ContentType?.MediaType);
        var q = await r.ReadJsonAsync();
        var props = q.GetProperty("properties");
        Assert.Equal("boolean", props.GetProperty("modern").GetProperty("type").GetString());
        Assert.Equal("date", props.GetProperty("openedOn").GetProperty("format").GetString());
        Assert.Equal("geometry-point", props.GetProperty("geometry").GetProperty("format").GetString());
    }
}
