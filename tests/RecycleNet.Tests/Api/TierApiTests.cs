using System.Net;
using System.Net.Http.Json;

namespace RecycleNet.Tests.Api;

/// <summary>Binzhou's scorecard shows its three tiers, Anqiu's its merged points, from the running service with the demo.</summary>
public class TierApiTests(DemoService demo) : IClassFixture<DemoService>
{
    [Fact]
    public async Task Binzhou_scorecard_shows_the_three_tiers_per_county_and_says_how_roads_were_measured()
    {
        var card = await (await demo.Factory.CreateClient().GetAsync("/cities/binzhou/api/scorecard")).ReadJsonAsync();
        Assert.Equal("binzhou-2024", card.GetProperty("policy").GetString());
        var tiers = card.GetProperty("tiers");
        Assert.StartsWith("straight line × 1.3", tiers.GetProperty("method").GetString());
        Assert.False(tiers.GetProperty("onNetwork").GetBoolean());
        var rules = tiers.GetProperty("rules");
        Assert.Contains("村级回收网点", rules.GetProperty("citation").GetProperty("quote").GetString());
        Assert.Equal(3, rules.GetProperty("rules").GetProperty("villageOutletKm").GetProperty("value").GetDecimal());
        Assert.False(string.IsNullOrEmpty(rules.GetProperty("rules").GetProperty("villageOutletKm").GetProperty("assumption").GetString()));
        var city = tiers.GetProperty("city");
        var villages = await (await demo.Factory.CreateClient().GetAsync("/cities/binzhou/ogc/collections/villages/items?limit=1")).ReadJsonAsync();
        Assert.Equal(villages.GetProperty("numberMatched").GetInt32(), city.GetProperty("villages").GetInt32());
        Assert.Equal(92, city.GetProperty("townships").GetInt32());
        Assert.InRange(city.GetProperty("villagesServed").GetInt32(), 1, city.GetProperty("villages").GetInt32() - 1);
        var counties = tiers.GetProperty("counties").EnumerateArray().ToList();
        Assert.Equal(7, counties.Count);
        Assert.Equal(city.GetProperty("villages").GetInt32(), counties.Sum(c => c.GetProperty("totals").GetProperty("villages").GetInt32()));
        Assert.Equal(92, counties.Sum(c => c.GetProperty("totals").GetProperty("townships").GetInt32()));
        // Jinan's policy has no tiers.
        var jinan = await (await demo.Factory.CreateClient().GetAsync("/api/scorecard")).ReadJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, jinan.GetProperty("tiers").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await demo.Factory.CreateClient().GetAsync("/api/tiers")).StatusCode);
    }

    [Fact]
    public async Task Anqiu_scorecard_counts_merged_points_and_the_ranking_puts_the_largest_gain_first()
    {
        var client = demo.Factory.CreateClient();
        var card = await (await client.GetAsync("/cities/anqiu/api/scorecard")).ReadJsonAsync();
        var merged = card.GetProperty("mergedPoints");
        var all = await (await client.GetAsync("/cities/anqiu/ogc/collections/waste-sorting-points/items?limit=1")).ReadJsonAsync();
        var taking = await (await client.GetAsync("/cities/anqiu/ogc/collections/waste-sorting-points/items?limit=1&takesRecyclables=true")).ReadJsonAsync();
        Assert.Equal(all.GetProperty("numberMatched").GetInt32(), merged.GetProperty("points").GetInt32());
        Assert.Equal(taking.GetProperty("numberMatched").GetInt32(), merged.GetProperty("merged").GetInt32());
        Assert.Contains("两网融合", merged.GetProperty("measure").GetProperty("quote").GetString());

        var ranking = await (await client.GetAsync("/cities/anqiu/api/two-networks?limit=20")).ReadJsonAsync();
        var gains = ranking.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("householdsGained").GetInt64()).ToList();
        Assert.Equal(20, gains.Count);
        Assert.Equal(gains.OrderDescending(), gains);
        Assert.True(gains[0] > 0);
        Assert.Equal(merged.GetProperty("points").GetInt32() - merged.GetProperty("merged").GetInt32(), ranking.GetProperty("candidateCount").GetInt32());
    }

    [Fact]
    public async Task The_whole_chain_proposes_each_tier_with_its_gap_and_the_total_haul()
    {
        var planner = demo.Factory.Planner();
        var r = await planner.PostAsJsonAsync("/cities/binzhou/api/siting/tiers?wait=true",
            new { villageOutlets = 5, transferStations = 2, countyCentres = 1, capacityTonnesPerDay = 200, timeLimitSeconds = 20 });
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var result = (await r.ReadJsonAsync()).GetProperty("result");
        var tiers = result.GetProperty("tiers");
        foreach (var tier in new[] { "villageOutlets", "transferStations", "countyCentres" })
        {
            var t = tiers.GetProperty(tier);
            Assert.InRange(t.GetProperty("gap").GetDouble(), 0, 1);
            Assert.False(string.IsNullOrEmpty(t.GetProperty("method").GetString()));
        }
        Assert.True(tiers.GetProperty("villageOutlets").GetProperty("bound").GetDouble() >= tiers.GetProperty("villageOutlets").GetProperty("objective").GetDouble());
        Assert.True(tiers.GetProperty("transferStations").GetProperty("bound").GetDouble() <= tiers.GetProperty("transferStations").GetProperty("objective").GetDouble() + 1e-6);
        var kinds = result.GetProperty("proposals").GetProperty("features").EnumerateArray()
            .GroupBy(f => f.GetProperty("properties").GetProperty("kind").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(5, kinds["villageOutlet"]);
        Assert.Equal(2, kinds["transferStation"]);
        Assert.Equal(1, kinds["countyCentre"]);
        var haul = result.GetProperty("haul");
        Assert.Equal(haul.GetProperty("villageToStationTonneKmPerDay").GetDouble() + haul.GetProperty("stationToCentreTonneKmPerDay").GetDouble(),
            haul.GetProperty("totalTonneKmPerDay").GetDouble(), 2);
        // The proposals are the OGC collection's too, for this city only.
        var ogc = await (await planner.GetAsync("/cities/binzhou/ogc/collections/siting-proposals/items?kind=transferStation")).ReadJsonAsync();
        Assert.Equal(2, ogc.GetProperty("numberMatched").GetInt32());
        // Jinan's policy sets no tiers: the request is refused, naming the city.
        var jinan = await planner.PostAsJsonAsync("/api/siting/tiers", new { villageOutlets = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, jinan.StatusCode);
        Assert.Contains("\"city\"", await jinan.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_merge_is_a_what_if_and_gains_what_the_ranking_said()
    {
        var client = demo.Factory.CreateClient();
        var ranking = await (await client.GetAsync("/cities/anqiu/api/two-networks?limit=1")).ReadJsonAsync();
        var top = ranking.GetProperty("candidates")[0];
        var r = await client.PostAsJsonAsync("/cities/anqiu/api/coverage/what-if", new { merge = new[] { top.GetProperty("id").GetInt64() } });
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var answer = await r.ReadJsonAsync();
        var gained = answer.GetProperty("after").GetProperty("city").GetProperty("coveredHouseholds").GetInt64()
                     - answer.GetProperty("before").GetProperty("city").GetProperty("coveredHouseholds").GetInt64();
        Assert.Equal(top.GetProperty("communityHouseholds").GetInt64(), gained);
        Assert.True(gained > 0);
        // Nothing was saved: the point still does not take recyclables.
        var again = await (await client.GetAsync("/cities/anqiu/api/two-networks?limit=1")).ReadJsonAsync();
        Assert.Equal(top.GetProperty("id").GetInt64(), again.GetProperty("candidates")[0].GetProperty("id").GetInt64());
        var bad = await client.PostAsJsonAsync("/cities/anqiu/api/coverage/what-if", new { merge = new[] { 1L } }); // a Jinan id: no point of Anqiu's
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("merge[0]", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Siting_can_draw_its_candidates_from_waste_sorting_points()
    {
        var planner = demo.Factory.Planner();
        var r = await planner.PostAsJsonAsync("/cities/anqiu/api/siting/outlets?wait=true", new { sites = 3, candidates = "wasteSortingPoints", timeLimitSeconds = 10 });
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var proposals = (await r.ReadJsonAsync()).GetProperty("result").GetProperty("proposals").GetProperty("features").EnumerateArray()
            .Select(p => p.GetProperty("properties")).ToList();
        Assert.Equal(3, proposals.Count);
        var points = await (await planner.GetAsync("/cities/anqiu/api/waste-sorting-points")).ReadJsonAsync();
        var unmerged = points.GetProperty("features").EnumerateArray()
            .Where(p => !p.GetProperty("properties").GetProperty("takesRecyclables").GetBoolean())
            .Select(p => p.GetProperty("properties").GetProperty("name").GetString()).ToHashSet();
        Assert.All(proposals, p => Assert.Contains(p.GetProperty("label").GetString(), unmerged));
        // Jinan has no waste-sorting points to draw from: the field is named.
        var jinan = await planner.PostAsJsonAsync("/api/siting/outlets", new { sites = 3, candidates = "wasteSortingPoints" });
        Assert.Equal(HttpStatusCode.BadRequest, jinan.StatusCode);
        Assert.Contains("candidates", await jinan.Content.ReadAsStringAsync());
    }
}
