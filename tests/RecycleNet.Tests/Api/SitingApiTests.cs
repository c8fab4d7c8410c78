using System.Net;
using System.Text.Json;

namespace RecycleNet.Tests.Api;

/// <summary>/api/siting over the demo data: proposals for the remaining Jinan outlets and centres, jobs, errors.</summary>
public class SitingApiTests(DemoService demo) : IClassFixture<DemoService>
{

    private async Task<JsonElement> RunAsync(string route, string json)
    {
        var r = await demo.Factory.Planner().PostAsync($"/api/siting/{route}?wait=true", Json.Body(json));
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var job = await r.ReadJsonAsync();
        Assert.Equal("done", job.GetProperty("status").GetString());
        return job.GetProperty("result");
    }

    private async Task<(int Outlets, int Centres)> RemainingAsync()
    {
        var card = await (await demo.Factory.CreateClient().GetAsync("/api/scorecard?policy=jinan-2024&year=2027")).ReadJsonAsync();
        var targets = card.GetProperty("targets").EnumerateArray().ToList();
        int Left(string metric) => (int)targets.Single(t => t.GetProperty("metric").GetString() == metric).GetProperty("remaining").GetDecimal();
        return (Left("modernOutlets"), Left("greenSortingCenters"));
    }

    [Fact]
    public async Task The_remaining_Jinan_outlets_are_proposed_with_their_gains_subsidy_and_gap()
    {
        var (outlets, _) = await RemainingAsync();
        var r = await RunAsync("outlets", """{"reachTarget":true,"policy":"jinan-2024","year":2027,"timeLimitSeconds":3}""");
        var proposals = r.GetProperty("proposals").GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(outlets, proposals.Count);
        var gains = proposals.Select(p => p.GetProperty("properties").GetProperty("householdsGained").GetInt64()).ToList();
        Assert.Equal(gains.OrderDescending(), gains);
        Assert.All(proposals, p => Assert.Equal(4000m, p.GetProperty("properties").GetProperty("estimatedSubsidyYuan").GetDecimal())); // 20 m² × 200 yuan
        Assert.Equal(4000m * outlets, r.GetProperty("totalSubsidyYuan").GetDecimal());
        var before = r.GetProperty("before").GetProperty("coveredHouseholds").GetInt64();
        Assert.Equal(before + gains.Sum(), r.GetProperty("after").GetProperty("coveredHouseholds").GetInt64());
        var solver = r.GetProperty("solver");
        Assert.True(solver.GetProperty("bound").GetDouble() >= solver.GetProperty("objective").GetDouble());
        Assert.InRange(solver.GetProperty("gap").GetDouble(), 0, 0.05);

        // The plan is the OGC collection siting-proposals too.
        var ogc = await (await demo.Factory.CreateClient().GetAsync("/ogc/collections/siting-proposals/items?kind=outlet&limit=1000")).ReadJsonAsync();
        Assert.Equal(outlets, ogc.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task The_remaining_green_centres_are_proposed_with_assignments_and_loads()
    {
        var (_, centres) = await RemainingAsync();
        var r = await RunAsync("sorting-centers", """{"reachTarget":true,"exact":true,"timeLimitSeconds":30}""");
        Assert.Equal(centres, r.GetProperty("proposals").GetProperty("features").GetArrayLength());
        var solver = r.GetProperty("solver");
        Assert.Equal("SCIP (OR-Tools)", solver.GetProperty("method").GetString());
        Assert.True(solver.GetProperty("bound").GetDouble() <= solver.GetProperty("objective").GetDouble() + 1e-6);
        var assignments = r.GetProperty("assignments").EnumerateArray().ToList();
        Assert.Equal(r.GetProperty("outlets").GetInt32(), assignments.Count);
        var loads = r.GetProperty("proposals").GetProperty("features").EnumerateArray().Sum(f => f.GetProperty("properties").GetProperty("loadTonnesPerDay").GetDouble())
                    + r.GetProperty("existing").EnumerateArray().Sum(e => e.GetProperty("loadTonnesPerDay").GetDouble());
        var volumes = assignments.Where(a => a.GetProperty("withinLimit").GetBoolean()).Sum(a => a.GetProperty("volumeTonnesPerDay").GetDouble());
        Assert.Equal(volumes, loads, 0.01);
    }

    [Fact]
    public async Task A_budget_buys_sites_at_the_policy_subsidy_and_a_share_goal_reports_its_lower_bound()
    {
        var budget = await RunAsync("outlets", """{"budgetYuan":40000,"siteAreaM2":20,"timeLimitSeconds":1}""");
        Assert.Equal(10, budget.GetProperty("proposals").GetProperty("features").GetArrayLength()); // 40,000 / (20 m² × 200 yuan)
        var share = await RunAsync("outlets", """{"cityShare":0.2,"candidates":"grid","gridSpacingM":500,"timeLimitSeconds":3}""");
        Assert.True(share.GetProperty("goalReached").GetBoolean());
        Assert.True(share.GetProperty("after").GetProperty("share").GetDouble() >= 0.2);
        Assert.InRange(share.GetProperty("sitesNeededLowerBound").GetInt32(), 1, share.GetProperty("proposals").GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task District_goals_and_priced_planner_sites()
    {
        var share = await RunAsync("outlets", """{"districtShare":0.3,"candidates":"grid","gridSpacingM":1000,"timeLimitSeconds":3}""");
        Assert.True(share.GetProperty("goalReached").GetBoolean());
        Assert.InRange(share.GetProperty("sitesNeededLowerBound").GetInt32(), 1, share.GetProperty("proposals").GetProperty("features").GetArrayLength());
        var floor = await RunAsync("outlets", """{"sites":30,"districtFloor":0.2,"timeLimitSeconds":1}""");
        Assert.Equal(30, floor.GetProperty("proposals").GetProperty("features").GetArrayLength());

        var communities = await (await demo.Factory.CreateClient().GetAsync("/ogc/collections/coverage-gaps/items?limit=2")).ReadJsonAsync();
        var at = communities.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("geometry").GetProperty("coordinates")).ToList();
        object Site(JsonElement c, string name, int? area) => new
        {
            type = "Feature", geometry = new { type = "Point", coordinates = new[] { c[0].GetDouble(), c[1].GetDouble() } },
            properties = area is null ? (object)new { name } : new { name, areaM2 = area },
        };
        var json = JsonSerializer.Serialize(new
        {
            sites = 2, candidates = "uploaded",
            uploadedSites = new { type = "FeatureCollection", features = new[] { Site(at[0], "甲", 30), Site(at[1], "乙", null) } },
        });
        var priced = await RunAsync("outlets", json);
        var subsidy = priced.GetProperty("proposals").GetProperty("features").EnumerateArray()
            .ToDictionary(f => f.GetProperty("properties").GetProperty("label").GetString()!, f => f.GetProperty("properties").GetProperty("estimatedSubsidyYuan").GetDecimal());
        Assert.Equal(6000m, subsidy["甲"]); // 30 m² × 200 yuan
        Assert.Equal(4000m, subsidy["乙"]); // the default 20 m²
        Assert.Equal(10_000m, priced.GetProperty("totalSubsidyYuan").GetDecimal());
    }

    [Fact]
    public async Task A_run_reports_its_stage_and_can_be_cancelled()
    {
        var planner = demo.Factory.Planner();
        var started = await planner.PostAsync("/api/siting/outlets", Json.Body("""{"sites":60,"timeLimitSeconds":60}"""));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var href = started.Headers.Location!.ToString();
        var status = await (await planner.GetAsync(href)).ReadJsonAsync();
        // On a fast moment the demo's run can be done before its first status is read: the cancel is then a 409 below.
        Assert.Contains(status.GetProperty("status").GetString(), new[] { "queued", "running", "done" });
        // The run may find its plan before the cancel arrives (on the demo it can end in two seconds): then the cancel is a 409
        // and the run stays done. An accepted cancel (202) always wins, even over a result found meanwhile.
        var cancel = await planner.DeleteAsync(href);
        Assert.Contains(cancel.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict });
        for (var i = 0; i < 300 && status.GetProperty("status").GetString() is "queued" or "running"; i++)
        {
            await Task.Delay(100);
            status = await (await planner.GetAsync(href)).ReadJsonAsync();
        }
        Assert.Equal(cancel.StatusCode == HttpStatusCode.Accepted ? "cancelled" : "done", status.GetProperty("status").GetString());
        // Cancelling an ended run is a 409 naming the run, never a 202 that changes nothing.
        var again = await planner.DeleteAsync(href);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("id", (await again.ReadJsonAsync()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await planner.GetAsync($"/api/siting/jobs/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData("outlets", """{"sites":-1}""", "sites")]
    [InlineData("outlets", """{"cityShare":1.2}""", "cityShare")]
    [InlineData("outlets", """{"budgetYuan":-5}""", "budgetYuan")]
    [InlineData("outlets", """{"sites":3,"candidates":"uploaded"}""", "uploadedSites")]
    [InlineData("outlets", """{"sites":3,"cityShare":0.5}""", "goal")]
    [InlineData("outlets", """{}""", "goal")]
    [InlineData("outlets", """{"sites":3,"policy":"atlantis"}""", "policy")]
    [InlineData("outlets", """{"sites":3,"minutes":0}""", "minutes")]
    [InlineData("outlets", """{"sites":3,"uploadedSites":{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[36.6,117.0]}}]}}""", "uploadedSites.features[0].geometry")]
    [InlineData("outlets", """{"districtShare":2}""", "districtShare")]
    [InlineData("outlets", """{"cityShare":0.5,"districtFloor":0.2}""", "districtFloor")]
    [InlineData("sorting-centers", """{"centers":-2}""", "centers")]
    [InlineData("sorting-centers", """{"centers":2,"capacityTonnesPerDay":0}""", "capacityTonnesPerDay")]
    [InlineData("sorting-centers", """{"centers":2,"haulLimitKm":900}""", "haulLimitKm")]
    public async Task Bad_options_are_400_naming_the_field(string route, string json, string field)
    {
        var r = await demo.Factory.Planner().PostAsync($"/api/siting/{route}", Json.Body(json));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var fields = (await r.ReadJsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString());
        Assert.Contains(field, fields);
    }

    /// <summary>
    /// The scorecard and the centre siting take the same haul parameters by one rule (HaulAssumptions): what one refuses
    /// the other refuses, naming the same field — a load of 0 kg per household was accepted by the scorecard and refused
    /// by siting before.
    /// </summary>
    [Theory]
    [InlineData("kgPerHouseholdPerDay", "0")]
    [InlineData("kgPerHouseholdPerDay", "101")]
    [InlineData("haulCircuity", "0.9")]
    [InlineData("haulLimitKm", "0")]
    [InlineData("haulLimitKm", "501")]
    public async Task The_scorecard_and_centre_siting_refuse_the_same_haul(string field, string value)
    {
        var card = await demo.Factory.CreateClient().GetAsync($"/api/scorecard?{field}={value}");
        Assert.Equal(HttpStatusCode.BadRequest, card.StatusCode);
        Assert.Equal(field, (await card.ReadJsonAsync()).GetProperty("field").GetString());
        var siting = await demo.Factory.Planner().PostAsync("/api/siting/sorting-centers", Json.Body($$"""{"centers":1,"{{field}}":{{value}}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, siting.StatusCode);
        Assert.Contains(field, (await siting.ReadJsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Siting_needs_the_planner_key()
    {
        // The proposals as they stand, without the page's timeStamp (the moment it was answered, which moves on its own).
        async Task<string> ProposalsAsync()
        {
            var page = System.Text.Json.Nodes.JsonNode.Parse(await demo.Factory.CreateClient().GetStringAsync("/ogc/collections/siting-proposals/items?limit=1000"))!.AsObject();
            page.Remove("timeStamp");
            return page.ToJsonString();
        }
        var jobsBefore = await ProposalsAsync();
        var r = await demo.Factory.CreateClient().PostAsync("/api/siting/outlets", Json.Body("""{"sites":1}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.Null(r.Headers.Location); // no run was queued
        Assert.Equal(jobsBefore, await ProposalsAsync());
    }
}
