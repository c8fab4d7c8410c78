using System.Net;
using System.Text.Json;
using RecycleNet.Core.Demo;

namespace RecycleNet.Tests.Api;

public class LayerReadTests(DemoService demo) : IClassFixture<DemoService>
{
    [Theory]
    [InlineData("districts", DemoDataFiles.Districts)]
    [InlineData("communities", DemoDataFiles.Communities)]
    [InlineData("outlets", DemoDataFiles.Outlets)]
    [InlineData("sorting-centers", DemoDataFiles.SortingCenters)]
    public async Task Each_layer_serves_every_demo_feature_as_GeoJSON(string layer, string file)
    {
        var r = await demo.Factory.CreateClient().GetAsync($"/api/{layer}");
        Assert.Equal("application/geo+json", r.Content.Headers.ContentType?.MediaType);
        var fc = await r.ReadJsonAsync();
        var committed = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.DemoData, file))).RootElement;
        Assert.Equal("FeatureCollection", fc.GetProperty("type").GetString());
        Assert.Equal(committed.FeatureCount(), fc.FeatureCount());
    }

    [Fact]
    public async Task Ids_are_stable_and_a_feature_reads_the_same_alone_and_in_the_collection()
    {
        var client = demo.Factory.CreateClient();
        var first = (await (await client.GetAsync("/api/communities")).ReadJsonAsync()).GetProperty("features");
        var again = (await (await client.GetAsync("/api/communities")).ReadJsonAsync()).GetProperty("features");
        Assert.Equal(first.EnumerateArray().Select(f => f.GetProperty("id").GetInt64()), again.EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
        var some = first[1234];
        var alone = await (await client.GetAsync($"/api/communities/{some.GetProperty("id").GetInt64()}")).ReadJsonAsync();
        Assert.Equal(some.GetRawText(), alone.GetRawText());
    }

    [Fact]
    public async Task Communities_are_placed_in_districts_and_labelled_synthetic()
    {
        var fc = await (await demo.Factory.CreateClient().GetAsync("/api/communities")).ReadJsonAsync();
        foreach (var f in fc.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            Assert.Equal(JsonValueKind.String, p.GetProperty("district").ValueKind);
            Assert.Equal("synthetic-demo", p.GetProperty("source").GetString());
        }
    }

    [Fact]
    public async Task Mobile_stations_list_the_ids_of_the_communities_they_serve()
    {
        var client = demo.Factory.CreateClient();
        var outlets = await (await client.GetAsync("/api/outlets")).ReadJsonAsync();
        var mobile = outlets.GetProperty("features").EnumerateArray().First(f => f.GetProperty("properties").GetProperty("kind").GetString() == "mobile");
        var served = mobile.GetProperty("properties").GetProperty("servedCommunities").EnumerateArray().Select(e => e.GetInt64()).ToList();
        Assert.InRange(served.Count, 20, 30);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/communities/{served[0]}")).StatusCode);
    }

    [Fact]
    public async Task A_missing_feature_is_a_404_problem()
    {
        var r = await demo.Factory.CreateClient().GetAsync("/api/outlets/999999");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("outlets 999999 was not found", (await r.ReadJsonAsync()).GetProperty("title").GetString());
    }
}
