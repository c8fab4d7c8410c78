using System.Net;
using System.Text;
using System.Text.Json;

namespace RecycleNet.Tests.Api;

/// <summary>POST /api/coverage/what-if: hypothetical outlets added, moved or closed; nothing saved.</summary>
public class WhatIfApiTests(DemoService demo) : IClassFixture<DemoService>
{
    private async Task<HttpResponseMessage> PostAsync(object body) => await demo.Factory.CreateClient()
        .PostAsync("/api/coverage/what-if", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    private async Task<JsonElement> GetAsync(string url) => await (await demo.Factory.CreateClient().GetAsync(url)).ReadJsonAsync();

    [Fact]
    public async Task Adding_moving_and_closing_change_coverage_but_not_the_store()
    {
        var gap = (await GetAsync("/api/coverage/gaps")).GetProperty("features")[0];
        var (lon, lat) = (gap.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), gap.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble());
        var households = gap.GetProperty("properties").GetProperty("households").GetInt64();
        var outlets = (await GetAsync("/api/outlets")).GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("status").GetString() == "operating" && f.GetProperty("properties").GetProperty("kind").GetString() == "fixed")
            .Select(f => f.GetProperty("id").GetInt64()).ToList();

        var added = await (await PostAsync(new { add = new[] { new { lon, lat } } })).ReadJsonAsync();
        var before = added.GetProperty("before").GetProperty("city").GetProperty("coveredHouseholds").GetInt64();
        Assert.True(added.GetProperty("after").GetProperty("city").GetProperty("coveredHouseholds").GetInt64() >= before + households);

        var moved = await (await PostAsync(new { move = new[] { new { id = outlets[0], lon, lat } } })).ReadJsonAsync();
        Assert.NotEqual(before, moved.GetProperty("after").GetProperty("city").GetProperty("coveredHouseholds").GetInt64());

        var closedAll = await (await PostAsync(new { close = outlets })).ReadJsonAsync();
        Assert.Equal(closedAll.GetProperty("after").GetProperty("coveredByMobileStationsOnly").GetInt32(),
            closedAll.GetProperty("after").GetProperty("city").GetProperty("coveredCommunities").GetInt32()); // only mobile stations cover now
        Assert.Equal(before, (await GetAsync("/api/coverage")).GetProperty("city").GetProperty("coveredHouseholds").GetInt64());
    }

    [Theory]
    [InlineData("""{"close":[999999]}""", "close[0].id")] // read as a plan's changes are: the id of the change
    [InlineData("""{"add":[{"lon":36.6,"lat":117.0}]}""", "add[0].lon")]
    [InlineData("""{"move":[{"lon":117.0,"lat":36.6}]}""", "move[0].id")]
    [InlineData("""{"add":[{"lon":117.0,"lat":36.6}],"crs":"EPSG:1"}""", "crs")]
    [InlineData("""{"remove":[1]}""", "remove")]
    public async Task Bad_what_ifs_are_400_naming_the_field(string json, string field)
    {
        var r = await demo.Factory.CreateClient().PostAsync("/api/coverage/what-if", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains(field, (await r.ReadJsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
    }
}
