using System.Net;
using System.Net.Http.Json;

namespace RecycleNet.Tests.Api;

public class PolicyAndEnterpriseTests(DemoService demo) : IClassFixture<DemoService>
{
    [Fact]
    public async Task Policies_are_listed_and_served_with_citations()
    {
        var client = demo.Factory.CreateClient();
        var list = await (await client.GetAsync("/api/policies")).ReadJsonAsync();
        Assert.Equal(["anqiu-2024", "binzhou-2024", "jinan-2024"], list.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        var jinan = await (await client.GetAsync("/api/policies/jinan-2024")).ReadJsonAsync();
        var outlets = jinan.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "modern-outlets-2027");
        Assert.Equal(120, outlets.GetProperty("value").GetInt32());
        Assert.Contains("120", outlets.GetProperty("citation").GetProperty("quote").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/policies/mars-2099")).StatusCode);
    }

    [Fact]
    public async Task Demo_enterprises_have_valid_credit_codes()
    {
        var list = await (await demo.Factory.CreateClient().GetAsync("/api/enterprises")).ReadJsonAsync();
        Assert.Equal(4, list.GetArrayLength());
        Assert.All(list.EnumerateArray(), e => Assert.Null(RecycleNet.Core.Model.UnifiedSocialCreditCode.Validate(e.GetProperty("creditCode").GetString())));
    }

    [Fact]
    public async Task Enterprise_writes_check_the_credit_code_and_its_uniqueness()
    {
        using var f = new ServiceFactory(seedDemo: false);
        var planner = f.Planner();
        var created = await planner.PostAsJsonAsync("/api/enterprises", new { name = "甲公司", creditCode = "91350100M000100Y43", mofcomRegistered = true, directOutletCount = 12 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var dup = await planner.PostAsJsonAsync("/api/enterprises", new { name = "乙公司", creditCode = "91350100M000100Y43" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dup.StatusCode);
        var bad = await planner.PostAsJsonAsync("/api/enterprises", new { name = "", creditCode = "91350100M000100Y44", directOutletCount = -1 });
        var fields = (await bad.ReadJsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["name", "creditCode", "directOutletCount"], fields);
    }
}
