using System.Net;
using System.Text;
using System.Text.Json;
using RecycleNet.Tests.Security;

namespace RecycleNet.Tests.Api;

/// <summary>
/// A plan is adopted once and reverted once, however many requests ask at the same moment: of two at once, one writes
/// (200) and the other finds the plan moved on (409), on whichever store the suite runs — the claim of the plan's row is
/// in the transaction of its writes. Counted from the layers, not only from the statuses.
/// </summary>
public class PlanRaceTests(SmallCity city) : IClassFixture<SmallCity>
{
    private async Task<int> OutletCountAsync() =>
        (await (await city.Public.GetAsync("/api/outlets")).ReadJsonAsync()).GetProperty("features").GetArrayLength();

    private async Task<long> PlanOfThreeAsync(int trial)
    {
        var json = $$"""
            { "name": "并发采纳 {{trial}}", "changes": { "add": [
              { "lon": 117.031, "lat": 36.631, "name": "并发网点{{trial}}甲", "properties": { "areaM2": 30 } },
              { "lon": 117.041, "lat": 36.641, "name": "并发网点{{trial}}乙", "properties": { "areaM2": 30 } },
              { "lon": 117.131, "lat": 36.651, "name": "并发网点{{trial}}丙", "properties": { "areaM2": 30 } } ] } }
            """;
        var r = await city.Planner.PostAsync("/api/plans", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.ReadJsonAsync()).GetProperty("summary").GetProperty("id").GetInt64();
    }

    private async Task<int[]> TwiceAtOnceAsync(string url)
    {
        var answers = await Task.WhenAll(city.Planner.PostAsync(url, null), city.Planner.PostAsync(url, null));
        foreach (var a in answers)
            Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}");
        return [.. answers.Select(a => (int)a.StatusCode).Order()];
    }

    [Fact]
    public async Task Two_adoptions_of_one_plan_at_once_give_one_200_and_one_409_and_its_outlets_once()
    {
        for (var trial = 0; trial < 20; trial++)
        {
            var before = await OutletCountAsync();
            var id = await PlanOfThreeAsync(trial);
            Assert.Equal(new[] { 200, 409 }, await TwiceAtOnceAsync($"/api/plans/{id}/adopt"));
            Assert.Equal(before + 3, await OutletCountAsync());
            var plan = await (await city.Planner.GetAsync($"/api/plans/{id}")).ReadJsonAsync();
            Assert.Equal(("adopted", 2L), (plan.GetProperty("summary").GetProperty("status").GetString(), plan.GetProperty("summary").GetProperty("version").GetInt64()));
        }
        var audit = await (await city.Planner.GetAsync("/api/audit?limit=1000")).ReadJsonAsync();
        var adoptions = audit.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "adopt-plan");
        Assert.Equal(20, adoptions);
    }

    [Fact]
    public async Task Two_instances_on_one_store_adopting_one_plan_at_once_give_one_200_and_one_409()
    {
        // As the probe ran it: one request per instance, both instances on the same database.
        using var a = new ServiceFactory(seedDemo: false);
        var plannerA = a.Planner();
        await ImportDistrictsAsync(plannerA);
        using var b = new ServiceFactory(seedDemo: false, folder: a.Folder);
        var plannerB = b.Planner();
        Assert.Equal(HttpStatusCode.OK, (await plannerB.GetAsync("/health")).StatusCode);
        for (var trial = 0; trial < 10; trial++)
        {
            var json = $$"""{ "name": "两实例 {{trial}}", "changes": { "add": [ { "lon": 117.03, "lat": 36.63, "name": "甲{{trial}}" }, { "lon": 117.04, "lat": 36.64, "name": "乙{{trial}}" }, { "lon": 117.13, "lat": 36.65, "name": "丙{{trial}}" } ] } }""";
            var created = await plannerA.PostAsync("/api/plans", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var id = (await created.ReadJsonAsync()).GetProperty("summary").GetProperty("id").GetInt64();
            var answers = await Task.WhenAll(plannerA.PostAsync($"/api/plans/{id}/adopt", null), plannerB.PostAsync($"/api/plans/{id}/adopt", null));
            var statuses = answers.Select(r => (int)r.StatusCode).Order().ToArray();
            Assert.True(statuses.SequenceEqual([200, 409]), $"trial {trial}: {string.Join(", ", statuses)}: {await answers[0].Content.ReadAsStringAsync()} / {await answers[1].Content.ReadAsStringAsync()}");
            // The audit log (read from the store, not a cache) has the plan's three outlets created once.
            var audit = await (await plannerA.GetAsync("/api/audit?limit=1000")).ReadJsonAsync();
            Assert.Equal(3, audit.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "create"
                && e.GetProperty("detail").GetString()!.StartsWith($"plan {id}:", StringComparison.Ordinal)));
        }
    }

    /// <summary>The small city's two districts, so the plans' outlets lie in one.</summary>
    private static async Task ImportDistrictsAsync(HttpClient planner)
    {
        var r = await planner.PostAsync("/api/import/districts?crs=WGS84", new StringContent("""
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"name":"甲区","adcode":"370190","population":120000,"avgHouseholdSize":2.6,"urbanShare":0.9},
              "geometry":{"type":"Polygon","coordinates":[[[117.0,36.6],[117.1,36.6],[117.1,36.7],[117.0,36.7],[117.0,36.6]]]}},
             {"type":"Feature","properties":{"name":"乙区","adcode":"370191","population":90000,"avgHouseholdSize":2.7,"urbanShare":0.8},
              "geometry":{"type":"Polygon","coordinates":[[[117.1,36.6],[117.2,36.6],[117.2,36.7],[117.1,36.7],[117.1,36.6]]]}}]}
            """, Encoding.UTF8, "application/geo+json"));
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_reverts_of_one_plan_at_once_give_one_200_and_one_409_and_one_revert_plan()
    {
        for (var trial = 100; trial < 110; trial++)
        {
            var before = await OutletCountAsync();
            var id = await PlanOfThreeAsync(trial);
            Assert.Equal(HttpStatusCode.OK, (await city.Planner.PostAsync($"/api/plans/{id}/adopt", null)).StatusCode);
            Assert.Equal(new[] { 200, 409 }, await TwiceAtOnceAsync($"/api/plans/{id}/revert"));
            Assert.Equal(before, await OutletCountAsync());
            var plans = await (await city.Planner.GetAsync("/api/plans")).ReadJsonAsync();
            Assert.Single(plans.EnumerateArray(), p => p.GetProperty("revertOf").ValueKind == JsonValueKind.Number && p.GetProperty("revertOf").GetInt64() == id);
        }
    }

    [Fact]
    public async Task A_plan_names_its_author_to_planners_only()
    {
        var id = await PlanOfThreeAsync(900);
        var asPlanner = await (await city.Planner.GetAsync($"/api/plans/{id}")).ReadJsonAsync();
        Assert.Equal(ServiceFactory.KeyName, asPlanner.GetProperty("summary").GetProperty("author").GetString());
        var text = await city.Public.GetStringAsync("/api/plans");
        Assert.DoesNotContain(ServiceFactory.KeyName, text);
        var anyone = await (await city.Public.GetAsync($"/api/plans/{id}")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, anyone.GetProperty("summary").GetProperty("author").ValueKind);
        using var wrongKey = city.Factory.CreateClient();
        wrongKey.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-key");
        Assert.DoesNotContain(ServiceFactory.KeyName, await wrongKey.GetStringAsync("/api/plans"));
    }
}
