using System.Net;
using System.Text.Json.Nodes;

namespace RecycleNet.Tests.Api;

/// <summary>Weak ETags on pages, items, tiles and layer lists: If-None-Match gets 304 until the data changes.</summary>
public class RevalidationTests
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient c, string url, string? ifNoneMatch = null)
    {
        var req = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null) req.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await c.SendAsync(req);
    }

    [Fact]
    public async Task Unchanged_data_is_304_and_a_write_makes_it_200_again()
    {
        using var f = new ServiceFactory(seedDemo: true);
        var client = f.CreateClient();
        string[] urls =
        [
            "/ogc/collections/outlets/items?limit=10", "/ogc/collections/outlets/items/3", "/ogc/collections/outlets/items?f=html",
            "/ogc/collections/outlets/tiles/WebMercatorQuad/8/211/99", "/api/outlets",
        ];
        // What does not hold outlet 3 (a tile north of the city, another layer, a page after it) keeps its tag.
        string[] elsewhere =
        [
            "/ogc/collections/outlets/tiles/WebMercatorQuad/8/211/98", "/ogc/collections/communities/items?limit=10",
            "/ogc/collections/outlets/items/4",
        ];
        var kept = new Dictionary<string, string>();
        foreach (var url in elsewhere) kept[url] = (await GetAsync(client, url)).Headers.ETag!.ToString();
        var tags = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            var first = await GetAsync(client, url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var tag = first.Headers.ETag!;
            Assert.True(tag.IsWeak, url);
            var again = await GetAsync(client, url, tag.ToString());
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Empty(await again.Content.ReadAsByteArrayAsync());
            tags[url] = tag.ToString();
        }
        // JSON and HTML of the same page are different answers: one's tag does not validate the other.
        Assert.NotEqual(tags["/ogc/collections/outlets/items?limit=10"], tags["/ogc/collections/outlets/items?f=html"]);

        var planner = f.Planner();
        var feature = JsonNode.Parse(await planner.GetStringAsync("/api/outlets/3"))!.AsObject();
        feature["properties"]!["name"] = "改过的网点";
        feature.Remove("version");
        Assert.Equal(HttpStatusCode.OK, (await planner.PutCurrentAsync("/api/outlets/3", Json.GeoJson(feature.ToJsonString()))).StatusCode);
        foreach (var url in urls)
        {
            var after = await GetAsync(client, url, tags[url]);
            Assert.True(after.StatusCode == HttpStatusCode.OK, url);
            Assert.NotEqual(tags[url], after.Headers.ETag!.ToString());
        }
        foreach (var url in elsewhere) Assert.True((await GetAsync(client, url, kept[url])).StatusCode == HttpStatusCode.NotModified, url);
    }
}
