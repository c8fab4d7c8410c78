using System.Net;
using System.Text;
using RecycleNet.Tests.Api;

namespace RecycleNet.Tests.Security;

/// <summary>The public POSTs and the OGC downloads are rate-limited per client; pages, /health and the rest are not.</summary>
public class RateLimitTests
{
    private const string Estimate = """
        {"policy":"jinan-2024","applicationWindow":{"from":"2024-06-01","to":"2024-12-31"},
         "applicant":{"name":"甲","mofcomRegistered":true,"directOutletCount":12,"smallestDirectOutletAreaM2":12},
         "fixedOutlets":[{"id":"F1","areaM2":35,"builtOn":"2024-08-01","directlyOperated":true}]}
        """;

    [Fact]
    public async Task A_flood_on_the_estimate_gets_429s_with_Retry_After_while_health_answers()
    {
        using var f = new ServiceFactory(seedDemo: false, settings: new Dictionary<string, string>
        {
            // One token back every 100 s: within the test the burst is all there is, however slow the machine.
            ["RecycleNet:RateLimits:PublicPosts:Burst"] = "5", ["RecycleNet:RateLimits:PublicPosts:PerSecond"] = "0.01",
        });
        var client = f.CreateClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
            answers.Add(await client.PostAsync("/api/subsidies/estimate", new StringContent(Estimate, Encoding.UTF8, "application/json")));
        var ok = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(5, ok);
        Assert.Equal(20 - ok, limited.Count);
        var first = limited[0];
        Assert.True(int.Parse(first.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Equal("application/problem+json", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("client", (await first.ReadJsonAsync()).GetProperty("field").GetString());
        // Reads and the health check draw from no bucket.
        for (var i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/policies")).StatusCode);
        // The what-if shares the public bucket.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/api/coverage/what-if", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task Downloads_are_limited_but_pages_of_the_same_route_are_not()
    {
        using var f = new ServiceFactory(seedDemo: false, settings: new Dictionary<string, string>
        {
            ["RecycleNet:RateLimits:Downloads:Burst"] = "2", ["RecycleNet:RateLimits:Downloads:PerSecond"] = "0.01",
        });
        var client = f.CreateClient();
        var csv = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) csv.Add((await client.GetAsync("/ogc/collections/districts/items?f=csv")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], csv);
        var limited = await client.GetAsync("/ogc/collections/districts/items?f=xlsx");
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 100);
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ogc/collections/districts/items?f=json")).StatusCode);
    }
}
