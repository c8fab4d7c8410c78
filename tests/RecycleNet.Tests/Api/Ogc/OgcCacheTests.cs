using System.Net;

namespace RecycleNet.Tests.Api.Ogc;

/// <summary>The OGC pages are served from memory; every write, through any route, must show in the next read.</summary>
public class OgcCacheTests
{
    private static async Task<int> CountAsync(HttpClient c, string collection) =>
        (await (await c.GetAsync($"/ogc/collections/{collection}/items?limit=1")).ReadJsonAsync()).GetProperty("numberMatched").GetInt32();

    [Fact]
    public async Task Feature_writes_deletes_and_imports_show_at_once()
    {
        using var f = new ServiceFactory();
        var client = f.CreateClient();
        var planner = f.Planner();
        var before = await CountAsync(client, "sorting-centers");

        var centre = """{"type":"Feature","geometry":{"type":"Point","coordinates":[117.1,36.7]},"properties":{"name":"新中心","status":"planned"}}""";
        var created = await planner.PostAsync("/api/sorting-centers", Json.GeoJson(centre));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(before + 1, await CountAsync(client, "sorting-centers"));
        var planned = await (await client.GetAsync("/ogc/collections/sorting-centers/items?status=planned&name=新中心")).ReadJsonAsync();
        Assert.Equal(id, planned.GetProperty("features")[0].GetProperty("id").GetInt64());

        var renamed = centre.Replace("新中心", "改名中心");
        Assert.Equal(HttpStatusCode.OK, (await planner.PutCurrentAsync($"/api/sorting-centers/{id}", Json.GeoJson(renamed))).StatusCode);
        var one = await (await client.GetAsync($"/ogc/collections/sorting-centers/items/{id}")).ReadJsonAsync();
        Assert.Equal("改名中心", one.GetProperty("properties").GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await planner.DeleteCurrentAsync($"/api/sorting-centers/{id}")).StatusCode);
        Assert.Equal(before, await CountAsync(client, "sorting-centers"));

        var import = """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[117.05,36.65]},"properties":{"name":"导入中心"}}]}""";
        var r = await planner.PostAsync("/api/import/sorting-centers?crs=WGS84&mode=replace", Json.GeoJson(import));
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync(client, "sorting-centers"));
    }

    [Fact]
    public async Task The_analyses_follow_the_city_layers_and_not_an_enterprise_save()
    {
        using var f = new ServiceFactory();
        var client = f.CreateClient();
        var planner = f.Planner();
        const string gaps = "/ogc/collections/coverage-gaps/items?limit=1";
        var first = await client.GetAsync(gaps);
        var tag = first.Headers.ETag!;
        var before = (await first.ReadJsonAsync()).GetProperty("numberMatched").GetInt32();
        async Task<HttpStatusCode> RevalidateAsync()
        {
            var req = new HttpRequestMessage(HttpMethod.Get, gaps);
            req.Headers.IfNoneMatch.Add(tag);
            return (await client.SendAsync(req)).StatusCode;
        }

        // An enterprise is not part of the city the analyses read: the gaps stay as they were built.
        var enterprise = """{"name":"模拟回收企业新","creditCode":"91350100M000100Y43"}""";
        var made = await planner.PostAsync("/api/enterprises", new StringContent(enterprise, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(made.StatusCode == HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotModified, await RevalidateAsync());

        // Closing the operating fixed outlets does change them, at once.
        var outlets = await (await client.GetAsync("/api/outlets")).ReadJsonAsync();
        foreach (var o in outlets.GetProperty("features").EnumerateArray()
                     .Where(o => o.GetProperty("properties").GetProperty("kind").GetString() == "fixed"
                                 && o.GetProperty("properties").GetProperty("status").GetString() == "operating").Take(5))
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(o.GetRawText())!.AsObject();
            node["properties"]!["status"] = "closed";
            node.Remove("version");
            var id = o.GetProperty("id").GetInt64();
            Assert.Equal(HttpStatusCode.OK, (await planner.PutCurrentAsync($"/api/outlets/{id}", Json.GeoJson(node.ToJsonString()))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, await RevalidateAsync());
        Assert.True(await CountAsync(client, "coverage-gaps") > before, "closing five operating outlets opened no gap");
    }
}
