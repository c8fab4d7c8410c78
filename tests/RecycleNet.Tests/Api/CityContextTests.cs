using System.Net;
using System.Text.Json;

namespace RecycleNet.Tests.Api;

/// <summary>
/// A city is a whole context: every route that takes a policy answers under the city's own and refuses another city's;
/// the page's profile follows the city's policy; the links /api/cities gives resolve; public reads need no key; and
/// answers a planner reads (404s of routes and resources) speak Chinese.
/// </summary>
public class CityContextTests(DemoService demo) : IClassFixture<DemoService>
{
    private static string Estimate(string? policy) => $$"""
        { {{(policy is null ? "" : $"\"policy\": \"{policy}\",")}}
          "applicationWindow": { "from": "2024-06-01", "to": "2024-12-31" },
          "applicant": { "name": "示例回收公司", "mofcomRegistered": true, "directOutletCount": 12, "smallestDirectOutletAreaM2": 12, "boxTrucks": 6 },
          "fixedOutlets": [ { "id": "F1", "areaM2": 35, "builtOn": "2024-08-01", "directlyOperated": true } ] }
        """;

    private static async Task AssertRefusedAsync(HttpResponseMessage r, string route, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == status, $"{route}: {(int)r.StatusCode} {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("policy", problem.GetProperty("field").GetString());
        // The reason in both languages, whether the problem lists its errors or states one detail.
        var zh = problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Single(e => e.GetProperty("field").GetString() == "policy").GetProperty("reasonZh").GetString()
            : problem.GetProperty("detailZh").GetString();
        Assert.Matches("[\u4e00-\u9fff]", zh!);
    }

    [Theory]
    [InlineData("jinan", "binzhou-2024")]
    [InlineData("binzhou", "jinan-2024")]
    [InlineData("anqiu", "binzhou-2024")]
    public async Task Every_route_that_takes_a_policy_refuses_another_citys(string city, string other)
    {
        var client = demo.Factory.CreateClient();
        var planner = demo.Factory.Planner();
        var at = $"/cities/{city}";
        await AssertRefusedAsync(await client.GetAsync($"{at}/api/scorecard?policy={other}"), "scorecard");
        await AssertRefusedAsync(await client.GetAsync($"/api/scorecard?policy={other}&city={city}"), "scorecard ?city=");
        await AssertRefusedAsync(await client.PostAsync($"{at}/api/subsidies/estimate", Json.Body(Estimate(other))), "estimate");
        await AssertRefusedAsync(await planner.PostAsync($"{at}/api/siting/outlets?wait=true", Json.Body($$"""{ "policy": "{{other}}", "sites": 2 }""")), "siting outlets");
        await AssertRefusedAsync(await planner.PostAsync($"{at}/api/siting/sorting-centers?wait=true", Json.Body($$"""{ "policy": "{{other}}", "centers": 1 }""")), "siting centres");
        // An id that names no policy at all is a 404 naming the field.
        await AssertRefusedAsync(await client.GetAsync($"{at}/api/scorecard?policy=nowhere-2024"), "scorecard", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_a_city_the_scorecard_of_another_citys_policy_is_refused_not_mixed()
    {
        // Before: 200 with "city": "滨州市" over Jinan's communities.
        await AssertRefusedAsync(await demo.Factory.CreateClient().GetAsync("/api/scorecard?policy=binzhou-2024"), "scorecard");
        var own = await (await demo.Factory.CreateClient().GetAsync("/cities/binzhou/api/scorecard?policy=binzhou-2024")).ReadJsonAsync();
        Assert.Equal(("binzhou-2024", "滨州市"), (own.GetProperty("policy").GetString(), own.GetProperty("city").GetString()));
    }

    [Fact]
    public async Task A_city_whose_policy_has_no_subsidy_rules_says_so_instead_of_computing_another_citys()
    {
        var client = demo.Factory.CreateClient();
        foreach (var city in new[] { "binzhou", "anqiu" })
        {
            var r = await client.PostAsync($"/cities/{city}/api/subsidies/estimate", Json.Body(Estimate(null)));
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            var p = await r.ReadJsonAsync();
            Assert.Equal("urn:recyclenet:problem:no-subsidy-rules", p.GetProperty("type").GetString());
            Assert.Contains("补贴", p.GetProperty("detailZh").GetString());
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cities/{city}/api/subsidies/fixed-outlet?areaM2=30")).StatusCode);
        }
        // Jinan's estimate needs no policy member: the city's own is taken.
        var jinan = await client.PostAsync("/api/subsidies/estimate", Json.Body(Estimate(null)));
        Assert.Equal(HttpStatusCode.OK, jinan.StatusCode);
        Assert.Equal("jinan-2024", (await jinan.ReadJsonAsync()).GetProperty("policy").GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_pages_profile_follows_each_citys_policy()
    {
        var client = demo.Factory.CreateClient();
        async Task<JsonElement> ProfileAsync(string city) => await (await client.GetAsync($"/cities/{city}/api/ui/config")).ReadJsonAsync();
        static string[] Kinds(JsonElement p) => [.. p.GetProperty("siting").EnumerateArray().Select(k => k.GetProperty("kind").GetString()!)];
        static string[] Goals(JsonElement p, string kind) => [.. p.GetProperty("siting").EnumerateArray()
            .Single(k => k.GetProperty("kind").GetString() == kind).GetProperty("goals").EnumerateArray().Select(g => g.GetString()!)];

        var jinan = await ProfileAsync("jinan");
        Assert.True(jinan.GetProperty("subsidy").GetProperty("rules").GetBoolean());
        Assert.Equal("outlets", Kinds(jinan)[0]);
        Assert.Equal("reachTarget", Goals(jinan, "outlets")[0]);
        Assert.DoesNotContain("tiers", Kinds(jinan));

        var binzhou = await ProfileAsync("binzhou");
        Assert.Equal(("滨州市", "binzhou-2024"), (binzhou.GetProperty("city").GetProperty("name").GetString(), binzhou.GetProperty("policy").GetProperty("id").GetString()));
        Assert.False(binzhou.GetProperty("subsidy").GetProperty("rules").GetBoolean());
        Assert.Equal("tiers", Kinds(binzhou)[0]);
        // No modern-outlet target in Binzhou's policy: "reach the target" is not offered (it used to be the default, and failed).
        Assert.DoesNotContain("reachTarget", Goals(binzhou, "outlets"));
        Assert.DoesNotContain("budgetYuan", Goals(binzhou, "outlets"));

        var anqiu = await ProfileAsync("anqiu");
        Assert.True(anqiu.GetProperty("mergesTwoNetworks").GetBoolean());
        var outlets = anqiu.GetProperty("siting").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "outlets");
        Assert.Equal("wasteSortingPoints", outlets.GetProperty("candidates")[0].GetString());
    }

    [Fact]
    public async Task The_links_of_the_city_list_resolve()
    {
        var client = demo.Factory.CreateClient();
        var cities = await (await client.GetAsync("/api/cities")).ReadJsonAsync();
        Assert.Equal(3, cities.GetArrayLength());
        foreach (var c in cities.EnumerateArray())
            foreach (var link in new[] { "href", "ogc" })
            {
                var url = new Uri(c.GetProperty(link).GetString()!).PathAndQuery;
                var r = await client.GetAsync(url);
                Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {(int)r.StatusCode}");
                if (link == "href") Assert.Equal(c.GetProperty("id").GetString(), (await r.ReadJsonAsync()).GetProperty("city").GetString());
            }
    }

    [Fact]
    public async Task A_siting_runs_status_is_a_public_read()
    {
        var queued = await demo.Factory.Planner().PostAsync("/api/siting/outlets", Json.Body("""{ "sites": 1, "timeLimitSeconds": 1 }"""));
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var anonymous = demo.Factory.CreateClient();
        var status = await anonymous.GetAsync(queued.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        // Cancelling stays a planner's write.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync(queued.Headers.Location!.ToString())).StatusCode);
        var missing = await anonymous.GetAsync($"/api/siting/jobs/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("选址任务", (await missing.ReadJsonAsync()).GetProperty("detailZh").GetString());
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/cities/binzhou/no/such/route")]
    public async Task An_unknown_route_is_a_problem_in_both_languages(string url)
    {
        var r = await demo.Factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.StartsWith("application/problem+json", r.Content.Headers.ContentType!.ToString());
        var p = await r.ReadJsonAsync();
        Assert.Contains("不存在", p.GetProperty("detailZh").GetString());
        Assert.Contains("no resource", p.GetProperty("detail").GetString());
    }
}
