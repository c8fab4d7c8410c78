using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace RecycleNet.Tests.Api;

/// <summary>Plans: kept, evaluated as adoption would make the city, adopted all or nothing, reverted exactly.</summary>
public class PlanApiTests
{

    /// <summary>Three operating fixed outlets of the demo, in id order.</summary>
    private static async Task<long[]> OutletsAsync(HttpClient c) =>
        [.. (await (await c.GetAsync("/api/outlets")).ReadJsonAsync()).GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("status").GetString() == "operating" && f.GetProperty("properties").GetProperty("kind").GetString() == "fixed")
            .Select(f => f.GetProperty("id").GetInt64()).Take(3)];

    private static string PlanJson(long[] o) => $$"""
        { "name": "试点方案", "changes": {
            "add": [{ "lon": 117.0, "lat": 36.65, "name": "新网点", "properties": { "areaM2": 30, "modern": true } },
                    { "layer": "sorting-centers", "lon": 117.1, "lat": 36.7, "properties": { "name": "新分拣中心", "status": "planned", "capacityTonnesPerDay": 50 } }],
            "close": [{{o[0]}}],
            "move": [{ "id": {{o[1]}}, "lon": 117.05, "lat": 36.67 }],
            "update": [{ "id": {{o[2]}}, "properties": { "areaM2": 88, "modern": true } }] } }
        """;

    /// <summary>The outlets and centres as GeoJSON without ids or versions, ordered: what two stores must agree on.</summary>
    private static async Task<string> LayersAsync(HttpClient c)
    {
        var parts = new List<string>();
        foreach (var layer in new[] { "outlets", "sorting-centers" })
        {
            var fc = JsonNode.Parse(await c.GetStringAsync($"/api/{layer}"))!["features"]!.AsArray();
            parts.AddRange(fc.Select(f => { f!.AsObject().Remove("id"); f.AsObject().Remove("version"); return f.ToJsonString(); }).Order(StringComparer.Ordinal));
        }
        return string.Join("\n", parts);
    }

    private static async Task<long> CreateAsync(HttpClient planner, string json)
    {
        var r = await planner.PostAsync("/api/plans", Json.Body(json));
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.ReadJsonAsync()).GetProperty("summary").GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Evaluation_equals_the_city_rescored_after_adoption()
    {
        await using var f = new ServiceFactory();
        var planner = f.Planner();
        var id = await CreateAsync(planner, PlanJson(await OutletsAsync(planner)));
        var evaluation = await (await planner.GetAsync($"/api/plans/{id}/evaluation")).ReadJsonAsync();
        var before = await (await planner.GetAsync("/api/coverage")).ReadJsonAsync();
        Assert.Equal(before.GetProperty("city").GetRawText(), evaluation.GetProperty("before").GetProperty("city").GetRawText());
        var subsidy = evaluation.GetProperty("subsidy");
        Assert.Equal(6000m, subsidy.GetProperty("totalYuan").GetDecimal()); // 30 m² × 200 yuan, one new fixed outlet
        Assert.Equal(1, subsidy.GetProperty("outlets").GetArrayLength());

        // The workbook: its sheets, and the new outlet in WGS84 and GCJ-02 with its subsidy.
        var xlsx = await planner.GetAsync($"/api/plans/{id}/evaluation?f=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using (var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(["汇总 Summary", "区县 Districts", "站点 Sites", "目标 Targets", "依据 Citations"], MiniExcelLibs.MiniExcel.GetSheetNames(book));
            book.Position = 0;
            var site = MiniExcelLibs.MiniExcel.Query(book, useHeaderRow: true, sheetName: "站点 Sites").Cast<IDictionary<string, object?>>()
                .Single(r => (string?)r["名称 (name)"] == "新网点");
            Assert.Equal((117.0, 36.65, 6000.0), (Convert.ToDouble(site["经度 WGS84 (lon)"]), Convert.ToDouble(site["纬度 WGS84 (lat)"]), Convert.ToDouble(site["补贴 (subsidy), 元"])));
            Assert.NotEqual(117.0, Convert.ToDouble(site["经度 GCJ-02 (lon)"]));
        }

        var adopt = await planner.PostAsync($"/api/plans/{id}/adopt", null);
        Assert.True(adopt.StatusCode == HttpStatusCode.OK, await adopt.Content.ReadAsStringAsync());
        var after = await (await planner.GetAsync("/api/coverage")).ReadJsonAsync();
        Assert.Equal(after.GetProperty("city").GetRawText(), evaluation.GetProperty("after").GetProperty("city").GetRawText());
        Assert.Equal(after.GetProperty("districts").GetRawText(), evaluation.GetProperty("after").GetProperty("districts").GetRawText());
        var gained = after.GetProperty("city").GetProperty("coveredHouseholds").GetInt64() - before.GetProperty("city").GetProperty("coveredHouseholds").GetInt64();
        Assert.Equal(gained, evaluation.GetProperty("householdsGained").GetInt64());
        // Adopted: its changes are the layers now, and it is not adopted twice.
        Assert.Equal(HttpStatusCode.Conflict, (await planner.PostAsync($"/api/plans/{id}/adopt", null)).StatusCode);
        var audit = await (await planner.GetAsync("/api/audit")).ReadJsonAsync();
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "adopt-plan");
    }

    [Fact]
    public async Task On_a_walking_network_too_the_evaluation_equals_the_city_after_adoption()
    {
        await using var f = new ServiceFactory();
        var planner = f.Planner();
        var load = await planner.PostAsync("/api/network?name=grid.osm",
            new StringContent(NetworkApiTests.GridOsm(117.0, 36.67, 30, 100), Encoding.UTF8, "application/xml"));
        Assert.True(load.StatusCode == HttpStatusCode.OK, await load.Content.ReadAsStringAsync());
        var id = await CreateAsync(planner, """
            { "name": "路网上的方案", "changes": { "add": [{ "lon": 117.012, "lat": 36.672, "properties": { "areaM2": 25 } }] } }
            """);
        var evaluation = await (await planner.GetAsync($"/api/plans/{id}/evaluation")).ReadJsonAsync();
        Assert.NotEqual("straightLine", evaluation.GetProperty("after").GetProperty("method").GetString());
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync($"/api/plans/{id}/adopt", null)).StatusCode);
        var after = await (await planner.GetAsync("/api/coverage")).ReadJsonAsync();
        Assert.Equal(after.GetProperty("method").GetString(), evaluation.GetProperty("after").GetProperty("method").GetString());
        Assert.Equal(after.GetProperty("city").GetRawText(), evaluation.GetProperty("after").GetProperty("city").GetRawText());
        Assert.Equal(after.GetProperty("districts").GetRawText(), evaluation.GetProperty("after").GetProperty("districts").GetRawText());
    }

    [Fact]
    public async Task Adopting_equals_the_same_edits_made_one_by_one()
    {
        await using var byPlan = new ServiceFactory();
        await using var byHand = new ServiceFactory();
        var planner = byPlan.Planner();
        var o = await OutletsAsync(planner);
        var id = await CreateAsync(planner, PlanJson(o));
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync($"/api/plans/{id}/adopt", null)).StatusCode);

        var hand = byHand.Planner();
        Assert.Equal(o, await OutletsAsync(hand));
        async Task Edit(long outlet, Action<JsonObject> change)
        {
            var feature = JsonNode.Parse(await hand.GetStringAsync($"/api/outlets/{outlet}"))!.AsObject();
            change(feature);
            var r = await hand.PutCurrentAsync($"/api/outlets/{outlet}", Json.GeoJson(feature.ToJsonString()));
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        }
        await Edit(o[0], f => f["properties"]!["status"] = "closed");
        await Edit(o[1], f => f["geometry"] = JsonNode.Parse("""{"type":"Point","coordinates":[117.05,36.67]}"""));
        await Edit(o[2], f => { f["properties"]!["areaM2"] = 88; f["properties"]!["modern"] = true; });
        Assert.Equal(HttpStatusCode.Created, (await hand.PostAsync("/api/outlets", Json.GeoJson(
            """{"type":"Feature","geometry":{"type":"Point","coordinates":[117.0,36.65]},"properties":{"name":"新网点","kind":"fixed","areaM2":30,"modern":true}}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await hand.PostAsync("/api/sorting-centers", Json.GeoJson(
            """{"type":"Feature","geometry":{"type":"Point","coordinates":[117.1,36.7]},"properties":{"name":"新分拣中心","status":"planned","capacityTonnesPerDay":50}}"""))).StatusCode);
        Assert.Equal(await LayersAsync(hand), await LayersAsync(planner));
    }

    [Fact]
    public async Task Adopting_after_a_conflicting_edit_is_refused_and_changes_nothing()
    {
        await using var f = new ServiceFactory();
        var planner = f.Planner();
        var o = await OutletsAsync(planner);
        var id = await CreateAsync(planner, PlanJson(o));
        // A colleague (another key) renames the outlet the plan moves.
        var colleague = JsonNode.Parse(await planner.GetStringAsync($"/api/outlets/{o[1]}"))!.AsObject();
        colleague["properties"]!["name"] = "改名网点";
        Assert.Equal(HttpStatusCode.OK, (await planner.PutCurrentAsync($"/api/outlets/{o[1]}", Json.GeoJson(colleague.ToJsonString()))).StatusCode);
        var layers = await LayersAsync(planner);

        var r = await planner.PostAsync($"/api/plans/{id}/adopt", null);
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        var conflict = Assert.Single((await r.ReadJsonAsync()).GetProperty("errors").EnumerateArray());
        Assert.Equal((o[1], 1L, 2L, ServiceFactory.KeyName), (conflict.GetProperty("id").GetInt64(), conflict.GetProperty("baseVersion").GetInt64(),
            conflict.GetProperty("currentVersion").GetInt64(), conflict.GetProperty("changedBy").GetString()));
        Assert.Equal(layers, await LayersAsync(planner));
        Assert.Equal("draft", (await (await planner.GetAsync($"/api/plans/{id}")).ReadJsonAsync()).GetProperty("summary").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Revert_restores_the_layers_exactly()
    {
        await using var f = new ServiceFactory();
        var planner = f.Planner();
        var before = await LayersAsync(planner);
        var id = await CreateAsync(planner, PlanJson(await OutletsAsync(planner)));
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync($"/api/plans/{id}/adopt", null)).StatusCode);
        Assert.NotEqual(before, await LayersAsync(planner));
        var revert = await planner.PostAsync($"/api/plans/{id}/revert", null);
        Assert.True(revert.StatusCode == HttpStatusCode.OK, await revert.Content.ReadAsStringAsync());
        Assert.Equal(id, (await revert.ReadJsonAsync()).GetProperty("plan").GetProperty("summary").GetProperty("revertOf").GetInt64());
        Assert.Equal(before, await LayersAsync(planner));
        var plans = await (await planner.GetAsync("/api/plans")).ReadJsonAsync();
        Assert.Equal(["adopted", "reverted"], plans.EnumerateArray().Select(p => p.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await planner.PostAsync($"/api/plans/{id}/revert", null)).StatusCode);
    }

    [Fact]
    public async Task A_plan_the_layers_rules_refuse_is_not_kept_and_writes_need_the_key()
    {
        await using var f = new ServiceFactory();
        var planner = f.Planner();
        var o = await OutletsAsync(planner);
        var r = await planner.PostAsync("/api/plans", Json.Body($$"""
            { "name": "坏方案", "changes": { "add": [{ "lon": 117.0, "lat": 36.65, "properties": { "areaM2": -5 } }, { "lon": 36.65, "lat": 117.0 }],
              "close": [{{o[0]}}, 999999], "update": [{ "id": {{o[0]}}, "properties": { "kind": "rocket" } }] } }
            """));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var fields = (await r.ReadJsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("changes.close[1].id", fields);
        Assert.Contains("changes.add[1].lon", fields);
        // The rules the layers apply, named inside the plan.
        var valid = await planner.PostAsync("/api/plans", Json.Body($$"""
            { "name": "坏方案", "changes": { "add": [{ "lon": 117.0, "lat": 36.65, "properties": { "areaM2": -5 } }],
              "close": [{{o[0]}}], "update": [{ "id": {{o[0]}}, "properties": { "kind": "rocket" } }] } }
            """));
        Assert.Equal(HttpStatusCode.BadRequest, valid.StatusCode);
        var rules = (await valid.ReadJsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["changes.add[0].properties.areaM2", "changes.update[0].id"], rules);
        Assert.Empty((await (await planner.GetAsync("/api/plans")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.CreateClient().PostAsync("/api/plans", Json.Body(PlanJson(o)))).StatusCode);

        // A draft is replaced with If-Match, and deleted; an adopted plan is not deleted.
        var id = await CreateAsync(planner, PlanJson(o));
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/plans/{id}") { Content = Json.Body("""{ "name": "改名", "changes": { "close": [] } }""") };
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await planner.SendAsync(put)).StatusCode);
        var replaced = await planner.PutCurrentAsync($"/api/plans/{id}", Json.Body($$"""{ "name": "改名", "changes": { "close": [{{o[0]}}] } }"""));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("\"2\"", replaced.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync($"/api/plans/{id}/adopt", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await planner.DeleteCurrentAsync($"/api/plans/{id}")).StatusCode);
        var draft = await CreateAsync(planner, """{ "name": "草稿", "changes": { "add": [{ "lon": 117.0, "lat": 36.65 }] } }""");
        Assert.Equal(HttpStatusCode.NoContent, (await planner.DeleteCurrentAsync($"/api/plans/{draft}")).StatusCode);
    }

    [Fact]
    public async Task Proposals_of_a_siting_run_are_accepted_and_two_plans_compared()
    {
        await using var f = new ServiceFactory();
        var planner = f.Planner();
        var job = await planner.PostAsync("/api/siting/outlets?wait=true", Json.Body("""{ "sites": 3, "timeLimitSeconds": 5 }"""));
        Assert.True(job.StatusCode == HttpStatusCode.OK, await job.Content.ReadAsStringAsync());
        var jobId = (await job.ReadJsonAsync()).GetProperty("id").GetString();
        var a = await CreateAsync(planner, $$"""{ "name": "选址前两处", "fromSitingJob": { "id": "{{jobId}}", "ranks": [1, 2] } }""");
        var b = await CreateAsync(planner, $$"""{ "name": "选址三处", "fromSitingJob": { "id": "{{jobId}}" } }""");
        var plan = await (await planner.GetAsync($"/api/plans/{a}")).ReadJsonAsync();
        var adds = plan.GetProperty("changes").GetProperty("add").EnumerateArray().ToList();
        Assert.Equal([1, 2], adds.Select(x => x.GetProperty("from").GetProperty("rank").GetInt32()));
        // The OGC collection of the draft plans' sites, filtered to one plan.
        var sites = await (await planner.GetAsync($"/ogc/collections/plan-sites/items?planId={a}")).ReadJsonAsync();
        Assert.Equal(2, sites.FeatureCount());
        Assert.All(sites.GetProperty("features").EnumerateArray(), s => Assert.Equal("add", s.GetProperty("properties").GetProperty("change").GetString()));
        var compare = await (await planner.GetAsync($"/api/plans/compare?ids={a},{b}")).ReadJsonAsync();
        var gains = compare.GetProperty("plans").EnumerateArray().Select(p => p.GetProperty("householdsGained").GetInt64()).ToList();
        Assert.Equal(2, gains.Count);
        Assert.True(gains[1] >= gains[0], $"three sites gain at least what two of them do: {gains[0]} vs {gains[1]}");
        Assert.Equal(HttpStatusCode.BadRequest, (await planner.GetAsync($"/api/plans/compare?ids={a}")).StatusCode);
        var missing = await planner.PostAsync("/api/plans", Json.Body($$"""{ "name": "x", "fromSitingJob": { "id": "{{jobId}}", "ranks": [9] } }"""));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }
}
