using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace RecycleNet.Tests.Api;

/// <summary>Two service instances on one database: a write on one is served by the other's caches soon after.</summary>
public class SharedStoreTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_write_on_one_instance_reaches_the_others_OGC_items_and_coverage()
    {
        using var a = new ServiceFactory(seedDemo: true);
        var planner = a.Planner();
        await planner.GetAsync("/health"); // A creates and seeds the database
        using var b = new ServiceFactory(seedDemo: true, folder: a.Folder);
        var reader = b.CreateClient();
        var url = "/ogc/collections/outlets/items/7";
        var before = await (await reader.GetAsync(url)).ReadJsonAsync(); // B builds its tables now
        var coverageBefore = await (await reader.GetAsync("/api/coverage")).ReadJsonAsync();

        var feature = JsonNode.Parse(await planner.GetStringAsync("/api/outlets/7"))!.AsObject();
        feature["properties"]!["name"] = "由实例甲改名";
        feature["properties"]!["status"] = "closed";
        feature.Remove("version");
        Assert.Equal(HttpStatusCode.OK, (await planner.PutCurrentAsync("/api/outlets/7", Json.GeoJson(feature.ToJsonString()))).StatusCode);

        // B follows the shared revision: PostgreSQL notifies it, SQLite's data_version is polled. The test waits for the
        // event (up to 30 s, so a failure means "never", not "slow on a busy machine") and reports how long it took in the
        // test's output: a wall-time assertion would fail on a loaded machine without anything being wrong.
        var watch = Stopwatch.StartNew();
        string? name = null;
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            name = (await (await reader.GetAsync(url)).ReadJsonAsync()).GetProperty("properties").GetProperty("name").GetString();
            if (name == "由实例甲改名") break;
            await Task.Delay(20);
        }
        output.WriteLine($"instance B served the write {watch.Elapsed.TotalMilliseconds:F0} ms after it ({TestStore.Name})");
        Assert.NotEqual("由实例甲改名", before.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("由实例甲改名", name);
        // The analyses follow too: closing an operating outlet changes B's operating-outlet count.
        var coverageAfter = await (await reader.GetAsync("/api/coverage")).ReadJsonAsync();
        Assert.NotEqual(coverageBefore.GetProperty("districts").ToString(), coverageAfter.GetProperty("districts").ToString());
    }

    [Fact]
    public async Task A_write_to_one_layer_rebuilds_that_layers_views_only_here_and_on_the_other_instance()
    {
        using var a = new ServiceFactory(seedDemo: true);
        var planner = a.Planner();
        await planner.GetAsync("/health");
        using var b = new ServiceFactory(seedDemo: true, folder: a.Folder);
        var reader = b.CreateClient();
        const string communities = "/ogc/collections/communities/items?limit=5", outlets = "/ogc/collections/outlets/items?limit=5";
        async Task<HttpResponseMessage> GetAsync(HttpClient c, string url, System.Net.Http.Headers.EntityTagHeaderValue? etag)
        {
            var req = new HttpRequestMessage(HttpMethod.Get, url);
            if (etag is not null) req.Headers.IfNoneMatch.Add(etag);
            return await c.SendAsync(req);
        }
        var tags = new Dictionary<(HttpClient, string), System.Net.Http.Headers.EntityTagHeaderValue>();
        foreach (var c in new[] { planner, reader })
            foreach (var url in new[] { communities, outlets })
                tags[(c, url)] = (await GetAsync(c, url, null)).Headers.ETag!;

        var feature = JsonNode.Parse(await planner.GetStringAsync("/api/outlets/3"))!.AsObject();
        feature["properties"]!["name"] = "只改网点";
        feature.Remove("version");
        Assert.Equal(HttpStatusCode.OK, (await planner.PutCurrentAsync("/api/outlets/3", Json.GeoJson(feature.ToJsonString()))).StatusCode);

        // Here at once, there once the notification or the next poll arrives: the outlets are new…
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(planner, outlets, tags[(planner, outlets)])).StatusCode);
        var watch = Stopwatch.StartNew();
        while ((await GetAsync(reader, outlets, tags[(reader, outlets)])).StatusCode == HttpStatusCode.NotModified && watch.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(20);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(reader, outlets, tags[(reader, outlets)])).StatusCode);
        // …and the communities' table is the one built before: still "not modified" on both instances.
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(planner, communities, tags[(planner, communities)])).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(reader, communities, tags[(reader, communities)])).StatusCode);
    }
}
