using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RecycleNet.Tests.Api;

/// <summary>Optimistic concurrency: versions as ETags, If-Match on every PUT and DELETE, and no update lost.</summary>
public class ConcurrencyTests
{
    private static StringContent Outlet(string name, double area) => Json.GeoJson($$$"""
        {"type":"Feature","properties":{"name":"{{{name}}}","kind":"fixed","status":"operating","areaM2":{{{area.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}},
         "geometry":{"type":"Point","coordinates":[117.02,36.66]}}
        """);

    private static HttpRequestMessage Put(string url, HttpContent content, string? ifMatch)
    {
        var req = new HttpRequestMessage(HttpMethod.Put, url) { Content = content };
        if (ifMatch is not null) req.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return req;
    }

    [Fact]
    public async Task A_save_from_a_stale_copy_gets_412_and_loses_nothing()
    {
        using var f = new ServiceFactory(seedDemo: true);
        var planner = f.Planner();
        var url = "/api/outlets/5";
        var read = await planner.GetAsync(url);
        var etag = read.Headers.ETag!.Tag;
        var original = await read.ReadJsonAsync();
        var area = original.GetProperty("properties").GetProperty("areaM2").GetDouble();

        // A renames the outlet from the copy both read.
        var a = await planner.SendAsync(Put(url, Outlet("甲改的名字", area), etag));
        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.NotEqual(etag, a.Headers.ETag!.Tag);
        // B changes the area from the same, now stale, copy.
        var b = await planner.SendAsync(Put(url, Outlet(original.GetProperty("properties").GetProperty("name").GetString()!, area + 50), etag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, b.StatusCode);
        Assert.Equal(a.Headers.ETag!.Tag, b.Headers.ETag!.Tag);
        var problem = await b.ReadJsonAsync();
        Assert.Equal("If-Match", problem.GetProperty("field").GetString());
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
        Assert.Equal("甲改的名字", problem.GetProperty("current").GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal(ServiceFactory.KeyName, problem.GetProperty("changedBy").GetString()); // who, from the audit log

        var now = await (await planner.GetAsync(url)).ReadJsonAsync();
        Assert.Equal("甲改的名字", now.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal(area, now.GetProperty("properties").GetProperty("areaM2").GetDouble());
        Assert.Equal(2, now.GetProperty("version").GetInt64());

        // A delete from the stale copy is refused too; from the current one it goes.
        var staleDelete = new HttpRequestMessage(HttpMethod.Delete, url);
        staleDelete.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await planner.SendAsync(staleDelete)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await planner.DeleteCurrentAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.PreconditionRequired)]
    [InlineData("bogus", HttpStatusCode.BadRequest)]
    [InlineData("W/\"1\"", HttpStatusCode.PreconditionFailed)] // weak tags never match If-Match
    [InlineData("\"1\", \"7\"", HttpStatusCode.OK)]
    [InlineData("*", HttpStatusCode.OK)]
    public async Task If_Match_is_required_and_read_strictly(string? ifMatch, HttpStatusCode expected)
    {
        using var f = new ServiceFactory(seedDemo: true);
        var planner = f.Planner();
        var r = await planner.SendAsync(Put("/api/outlets/3", Outlet("网点", 20), ifMatch));
        Assert.Equal(expected, r.StatusCode);
        if (expected != HttpStatusCode.OK) Assert.Equal("If-Match", (await r.ReadJsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Two_hundred_concurrent_conditional_PUTs_on_20_outlets_lose_no_update()
    {
        using var f = new ServiceFactory(seedDemo: true);
        var planner = f.Planner();
        var ids = Enumerable.Range(1, 20).Select(i => (long)i).ToList();
        var bases = new Dictionary<long, (string ETag, JsonObject Feature)>();
        foreach (var id in ids)
        {
            var r = await planner.GetAsync($"/api/outlets/{id}");
            bases[id] = (r.Headers.ETag!.Tag, JsonNode.Parse(await r.Content.ReadAsStringAsync())!.AsObject());
        }
        // Ten writers per outlet, all from the same copy, each giving it a name of its own.
        var attempts = ids.SelectMany(id => Enumerable.Range(0, 10).Select(k => (Id: id, Name: $"写者{k}-{id}"))).ToList();
        var results = await Task.WhenAll(attempts.Select(async a =>
        {
            var feature = bases[a.Id].Feature.DeepClone().AsObject();
            feature["properties"]!["name"] = a.Name;
            feature.Remove("version");
            var r = await planner.SendAsync(Put($"/api/outlets/{a.Id}", Json.GeoJson(feature.ToJsonString()), bases[a.Id].ETag));
            return (a.Id, a.Name, r.StatusCode, ETag: r.Headers.ETag?.Tag);
        }));
        Assert.All(results, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.PreconditionFailed }));
        foreach (var id in ids)
        {
            var winners = results.Where(r => r.Id == id && r.StatusCode == HttpStatusCode.OK).ToList();
            // All ten wrote from version 1: exactly one can win, and what it wrote is what is there.
            Assert.Single(winners);
            var now = await planner.GetAsync($"/api/outlets/{id}");
            Assert.Equal(winners[0].ETag, now.Headers.ETag!.Tag);
            Assert.Equal(winners[0].Name, (await now.ReadJsonAsync()).GetProperty("properties").GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task Enterprises_have_versions_too()
    {
        using var f = new ServiceFactory(seedDemo: false);
        var planner = f.Planner();
        var created = await planner.PostAsJsonAsync("/api/enterprises", new { name = "甲公司", creditCode = "91350100M000100Y43" });
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);
        var url = created.Headers.Location!.ToString();
        var asRead = await created.Content.ReadAsStringAsync(); // sent back as read: id, version and source are accepted
        var first = await planner.SendAsync(Put(url, new StringContent(asRead.Replace("甲公司", "甲公司（改）"), System.Text.Encoding.UTF8, "application/json"), "\"1\""));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await planner.SendAsync(Put(url, new StringContent(asRead, System.Text.Encoding.UTF8, "application/json"), "\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("甲公司（改）", (await stale.ReadJsonAsync()).GetProperty("current").GetProperty("name").GetString());
        var missing = new HttpRequestMessage(HttpMethod.Delete, url);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await planner.SendAsync(missing)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await planner.DeleteCurrentAsync(url)).StatusCode);
    }

    /// <summary>
    /// Every versioned write (features, enterprises, plans) checks If-Match the one way, after finding its row: a missing
    /// row is 404 whatever the header, then no If-Match is 428, a weak tag 412, and nothing changed on any refusal.
    /// </summary>
    [Fact]
    public async Task Each_versioned_write_answers_404_then_428_then_412_in_that_order()
    {
        using var f = new ServiceFactory(seedDemo: true);
        var planner = f.Planner();
        var enterprise = (await planner.PostAsJsonAsync("/api/enterprises", new { name = "乙公司", creditCode = "91350100M000100Y43" })).Headers.Location!.ToString();
        var plan = await planner.PostAsJsonAsync("/api/plans", new { name = "空方案", changes = new { close = new[] { 4 } } });
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        var planUrl = plan.Headers.Location!.ToString();
        var writes = new (string Url, string Missing, Func<HttpContent> Body)[]
        {
            ("/api/outlets/3", "/api/outlets/99999", () => Outlet("网点", 20)),
            (enterprise, "/api/enterprises/99999", () => JsonContent.Create(new { name = "乙公司（改）", creditCode = "91350100M000100Y43" })),
            (planUrl, "/api/plans/99999", () => JsonContent.Create(new { name = "改名的方案", changes = new { close = new[] { 4 } } })),
        };
        foreach (var (url, missing, body) in writes)
        {
            var before = await (await planner.GetAsync(url)).Content.ReadAsStringAsync();
            foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete })
            {
                HttpRequestMessage Request(string at, string? ifMatch)
                {
                    var req = new HttpRequestMessage(method, at) { Content = method == HttpMethod.Put ? body() : null };
                    if (ifMatch is not null) req.Headers.TryAddWithoutValidation("If-Match", ifMatch);
                    return req;
                }
                Assert.Equal(HttpStatusCode.NotFound, (await planner.SendAsync(Request(missing, null))).StatusCode);
                Assert.Equal(HttpStatusCode.PreconditionRequired, (await planner.SendAsync(Request(url, null))).StatusCode);
                var weak = await planner.SendAsync(Request(url, "W/\"1\""));
                Assert.Equal(HttpStatusCode.PreconditionFailed, weak.StatusCode);
                Assert.Equal("If-Match", (await weak.ReadJsonAsync()).GetProperty("field").GetString());
            }
            Assert.Equal(before, await (await planner.GetAsync(url)).Content.ReadAsStringAsync());
        }
    }
}
