using System.Net;
using System.Net.Http.Json;

namespace RecycleNet.Tests.Api;

/// <summary>
/// Cities are partitions: a write through one city's routes is seen in that city only, another city's rows cannot be
/// read, replaced or deleted through it even by id, references across cities are refused, and the caches and OGC
/// pages of the other cities stay as they were.
/// </summary>
public class CityPartitionTests
{
    private const string BinzhouCentre = """{"type":"Feature","geometry":{"type":"Point","coordinates":[118.02,37.43]},"properties":{"name":"滨城测试中心","status":"planned"}}""";

    [Fact]
    public async Task The_cities_are_listed_with_their_policies_and_routes()
    {
        using var f = new ServiceFactory();
        var cities = await (await f.CreateClient().GetAsync("/api/cities")).ReadJsonAsync();
        var ids = cities.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(["jinan", "binzhou", "anqiu"], ids);
        var jinan = cities[0];
        Assert.True(jinan.GetProperty("default").GetBoolean());
        Assert.Equal("jinan-2024", jinan.GetProperty("policy").GetString());
        Assert.Equal(4, jinan.GetProperty("bbox").GetArrayLength());
        Assert.EndsWith("/cities/jinan/ogc", jinan.GetProperty("ogc").GetString());
        Assert.Equal("binzhou-2024", cities[1].GetProperty("policy").GetString());
        // The list is the service's, whichever city's path it is asked through.
        var viaCity = await (await f.CreateClient().GetAsync("/cities/anqiu/api/cities")).ReadJsonAsync();
        Assert.EndsWith("/cities/jinan/ogc", viaCity[0].GetProperty("ogc").GetString());
        Assert.DoesNotContain("/cities/anqiu/cities", viaCity[0].GetProperty("ogc").GetString());
    }

    [Theory]
    [InlineData("/cities/atlantis/api/outlets", 404)]
    [InlineData("/api/outlets?city=atlantis", 404)]
    [InlineData("/cities/binzhou/api/outlets?city=anqiu", 400)]
    [InlineData("/api/cities/atlantis", 404)]
    public async Task An_unknown_or_contradictory_city_is_a_problem_naming_the_city(string url, int status)
    {
        using var f = new ServiceFactory(seedDemo: false);
        var r = await f.CreateClient().GetAsync(url);
        Assert.Equal(status, (int)r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
        if (!url.StartsWith("/api/cities/", StringComparison.Ordinal)) Assert.Equal("city", (await r.ReadJsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_Binzhou_write_changes_nothing_in_Jinan()
    {
        using var f = new ServiceFactory();
        var client = f.CreateClient();
        var planner = f.Planner();
        const string jinanPage = "/ogc/collections/sorting-centers/items?limit=5";
        var first = await client.GetAsync(jinanPage);
        var tag = first.Headers.ETag!;
        var jinanCount = (await first.ReadJsonAsync()).GetProperty("numberMatched").GetInt32();
        var jinanScore = await (await client.GetAsync("/api/scorecard")).Content.ReadAsStringAsync();

        var created = await planner.PostAsync("/cities/binzhou/api/sorting-centers", Json.GeoJson(BinzhouCentre));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetInt64();
        Assert.StartsWith("/cities/binzhou/", created.Headers.Location!.ToString().Replace("http://localhost", ""));

        // Binzhou sees it, through the path and through ?city=.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/cities/binzhou/api/sorting-centers/{id}")).StatusCode);
        var binzhouPage = await (await client.GetAsync("/ogc/collections/sorting-centers/items?city=binzhou")).ReadJsonAsync();
        Assert.Contains(binzhouPage.GetProperty("features").EnumerateArray(), x => x.GetProperty("id").GetInt64() == id);

        // Jinan's page is the same page: revalidation says so without a rebuild, and nothing of Binzhou is in it.
        var again = new HttpRequestMessage(HttpMethod.Get, jinanPage);
        again.Headers.IfNoneMatch.Add(tag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        Assert.Equal(jinanCount, (await (await client.GetAsync(jinanPage)).ReadJsonAsync()).GetProperty("numberMatched").GetInt32());
        Assert.Equal(jinanScore, await (await client.GetAsync("/api/scorecard")).Content.ReadAsStringAsync());

        // Through Jinan's routes the Binzhou centre does not exist: not read, not replaced, not deleted, even with its version.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/sorting-centers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ogc/collections/sorting-centers/items/{id}")).StatusCode);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/sorting-centers/{id}") { Content = Json.GeoJson(BinzhouCentre.Replace("滨城测试中心", "被济南改名")) };
        put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.NotFound, (await planner.SendAsync(put)).StatusCode);
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/sorting-centers/{id}");
        delete.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.NotFound, (await planner.SendAsync(delete)).StatusCode);
        var still = await (await client.GetAsync($"/cities/binzhou/api/sorting-centers/{id}")).ReadJsonAsync();
        Assert.Equal("滨城测试中心", still.GetProperty("properties").GetProperty("name").GetString());

        // Each city's audit log holds its own writes.
        var binzhouAudit = await (await planner.GetAsync("/cities/binzhou/api/audit")).ReadJsonAsync();
        var jinanAudit = await (await planner.GetAsync("/api/audit")).ReadJsonAsync();
        Assert.Contains(binzhouAudit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("featureId").GetInt64() == id);
        Assert.DoesNotContain(jinanAudit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("featureId").ValueKind == System.Text.Json.JsonValueKind.Number
            && e.GetProperty("featureId").GetInt64() == id);
    }

    [Fact]
    public async Task A_Binzhou_station_cannot_serve_a_Jinan_community()
    {
        using var f = new ServiceFactory();
        var planner = f.Planner();
        var jinanCommunity = (await (await f.CreateClient().GetAsync("/ogc/collections/communities/items?limit=1")).ReadJsonAsync())
            .GetProperty("features")[0].GetProperty("id").GetInt64();
        var station = $$$"""{"type":"Feature","geometry":{"type":"Point","coordinates":[118.02,37.43]},"properties":{"name":"滨州流动站","kind":"mobile","status":"operating","servedCommunities":[{{{jinanCommunity}}}]}}""";
        var r = await planner.PostAsync("/cities/binzhou/api/outlets", Json.GeoJson(station));
        Assert.True(r.StatusCode == HttpStatusCode.UnprocessableEntity, await r.Content.ReadAsStringAsync());
        Assert.Contains("servedCommunities", await r.Content.ReadAsStringAsync());
        // The same station in Jinan is accepted: the reference was refused for its city, not its form.
        var jinan = await planner.PostAsync("/api/outlets", Json.GeoJson(station.Replace("118.02,37.43", "117.0,36.65")));
        Assert.True(jinan.StatusCode == HttpStatusCode.Created, await jinan.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Enterprises_and_siting_runs_belong_to_their_city()
    {
        using var f = new ServiceFactory();
        var planner = f.Planner();
        // The same credit code may be registered with two cities' bureaus.
        var code = (await (await planner.GetAsync("/api/enterprises")).ReadJsonAsync())[0].GetProperty("creditCode").GetString();
        var before = (await (await planner.GetAsync("/cities/anqiu/api/enterprises")).ReadJsonAsync()).GetArrayLength();
        var e = await planner.PostAsJsonAsync("/cities/anqiu/api/enterprises", new { name = "安丘分公司", creditCode = code });
        Assert.Equal(HttpStatusCode.Created, e.StatusCode);
        var anqiu = await (await planner.GetAsync("/cities/anqiu/api/enterprises")).ReadJsonAsync();
        Assert.Equal(before + 1, anqiu.GetArrayLength());
        Assert.Single(anqiu.EnumerateArray(), x => x.GetProperty("creditCode").GetString() == code);
        Assert.Equal(HttpStatusCode.NotFound, (await planner.GetAsync(e.Headers.Location!.ToString().Replace("/cities/anqiu", ""))).StatusCode);

        var job = await planner.PostAsJsonAsync("/api/siting/outlets?wait=true", new { sites = 2, timeLimitSeconds = 5 });
        Assert.Equal(HttpStatusCode.OK, job.StatusCode);
        var id = (await job.ReadJsonAsync()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync($"/api/siting/jobs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await planner.GetAsync($"/cities/binzhou/api/siting/jobs/{id}")).StatusCode);
        var proposals = "/ogc/collections/siting-proposals/items";
        Assert.Equal(2, (await (await planner.GetAsync(proposals)).ReadJsonAsync()).FeatureCount());
        Assert.Equal(0, (await (await planner.GetAsync("/cities/binzhou" + proposals)).ReadJsonAsync()).FeatureCount());
    }

    [Fact]
    public async Task A_city_OGC_landing_page_links_stay_in_the_city()
    {
        using var f = new ServiceFactory(seedDemo: false);
        var landing = await (await f.CreateClient().GetAsync("/cities/binzhou/ogc")).ReadJsonAsync();
        Assert.Contains("滨州市", landing.GetProperty("title").GetString());
        var index = await (await f.CreateClient().GetAsync("/cities/binzhou/")).ReadJsonAsync();
        Assert.Equal("binzhou", index.GetProperty("city").GetString());
        Assert.All(index.GetProperty("layers").EnumerateArray(), l => Assert.StartsWith("/cities/binzhou/api/", l.GetProperty("href").GetString()));
        var hrefs = landing.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("href").GetString()!).ToList();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, h => Assert.Contains("/cities/binzhou/", h));
        var collections = await (await f.CreateClient().GetAsync("/cities/binzhou/ogc/collections")).ReadJsonAsync();
        foreach (var c in collections.GetProperty("collections").EnumerateArray())
            Assert.All(c.GetProperty("links").EnumerateArray(), l => Assert.Contains("/cities/binzhou/ogc/", l.GetProperty("href").GetString()));
    }
}
