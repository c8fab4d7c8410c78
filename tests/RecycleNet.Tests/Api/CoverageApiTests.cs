using System.Net;
using System.Text.Json;
using RecycleNet.Core.Demo;

namespace RecycleNet.Tests.Api;

/// <summary>Coverage, life circles, gaps and the scorecard answered by the running service over the demo data.</summary>
public class CoverageApiTests(DemoService demo) : IClassFixture<DemoService>
{
    private static JsonElement Committed(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.DemoData, file))).RootElement;

    private static IEnumerable<JsonElement> DemoOutlets(Func<JsonElement, bool> where) =>
        Committed(DemoDataFiles.Outlets).GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).Where(where);

    private static bool Operating(JsonElement p) => p.GetProperty("status").GetString() == "operating";

    [Fact]
    public async Task Coverage_of_the_demo_city_adds_up_and_says_it_is_straight_line()
    {
        var c = await (await demo.Factory.CreateClient().GetAsync("/api/coverage")).ReadJsonAsync();
        Assert.Equal(("straightLine", 15.0, 4.5), (c.GetProperty("method").GetString(), c.GetProperty("minutes").GetDouble(), c.GetProperty("speedKmh").GetDouble()));
        var city = c.GetProperty("city");
        var households = Committed(DemoDataFiles.Communities).GetProperty("features").EnumerateArray()
            .Sum(f => f.GetProperty("properties").GetProperty("households").GetInt64());
        Assert.Equal(households, city.GetProperty("households").GetInt64());
        var districts = c.GetProperty("districts").EnumerateArray().ToList();
        Assert.Equal(12, districts.Count);
        Assert.Equal(city.GetProperty("coveredHouseholds").GetInt64(), districts.Sum(d => d.GetProperty("coveredHouseholds").GetInt64()));
        Assert.Equal(DemoOutlets(Operating).Count(), districts.Sum(d => d.GetProperty("operatingOutlets").GetInt32()));
        var share = city.GetProperty("share").GetDouble();
        Assert.InRange(share, 0.01, 0.99);
        Assert.Equal((double)city.GetProperty("coveredHouseholds").GetInt64() / households, share, 4);
        Assert.Equal(city.GetProperty("communities").GetInt32() - city.GetProperty("coveredCommunities").GetInt32(), c.GetProperty("uncoveredCommunities").GetInt32());
    }

    [Fact]
    public async Task A_longer_walk_covers_more()
    {
        var client = demo.Factory.CreateClient();
        async Task<long> Covered(string q) => (await (await client.GetAsync("/api/coverage" + q)).ReadJsonAsync()).GetProperty("city").GetProperty("coveredHouseholds").GetInt64();
        var five = await Covered("?minutes=5");
        var fifteen = await Covered("");
        var thirty = await Covered("?minutes=30&speedKmh=5");
        Assert.True(five < fifteen && fifteen < thirty, $"{five} < {fifteen} < {thirty}");
    }

    [Fact]
    public async Task Life_circles_one_per_operating_fixed_outlet()
    {
        var fc = await (await demo.Factory.CreateClient().GetAsync("/api/life-circles?minutes=10")).ReadJsonAsync();
        var expected = DemoOutlets(p => Operating(p) && p.GetProperty("kind").GetString() == "fixed").Count();
        Assert.Equal(expected, fc.FeatureCount());
        var first = fc.GetProperty("features")[0];
        Assert.Equal("Polygon", first.GetProperty("geometry").GetProperty("type").GetString());
        var props = first.GetProperty("properties");
        Assert.Equal(("straightLine", 750.0), (props.GetProperty("method").GetString(), props.GetProperty("limitM").GetDouble()));
        Assert.Equal(750 / 1.3, props.GetProperty("radiusM").GetDouble(), 1);
        // A circle of that radius: π r², to the polygon's 64-gon approximation.
        Assert.InRange(props.GetProperty("areaM2").GetDouble(), Math.PI * Math.Pow(750 / 1.3, 2) * 0.99, Math.PI * Math.Pow(750 / 1.3, 2));
    }

    [Fact]
    public async Task Gaps_list_every_uncovered_community_largest_first_with_distances()
    {
        var client = demo.Factory.CreateClient();
        var coverage = await (await client.GetAsync("/api/coverage")).ReadJsonAsync();
        var gaps = await (await client.GetAsync("/api/coverage/gaps")).ReadJsonAsync();
        Assert.Equal(coverage.GetProperty("uncoveredCommunities").GetInt32(), gaps.FeatureCount());
        var props = gaps.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        var households = props.Select(p => p.GetProperty("households").GetInt32()).ToList();
        Assert.Equal(households.OrderByDescending(h => h), households);
        // Straight-line mode: every gap is reachable, and farther than the 1,125 m walk.
        Assert.All(props, p => Assert.True(p.GetProperty("distanceM").GetDouble() > 1125));
        Assert.Equal(coverage.GetProperty("city").GetProperty("households").GetInt64() - coverage.GetProperty("city").GetProperty("coveredHouseholds").GetInt64(),
            gaps.GetProperty("uncoveredHouseholds").GetInt64());
    }

    [Fact]
    public async Task The_scorecard_counts_the_demo_outlets_and_centres()
    {
        var s = await (await demo.Factory.CreateClient().GetAsync("/api/scorecard?policy=jinan-2024&year=2027")).ReadJsonAsync();
        var targets = s.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("metric").GetString()!);
        var modern = DemoOutlets(p => Operating(p) && p.GetProperty("modern").GetBoolean()).Count();
        Assert.Equal((120, modern, 120 - modern), (targets["modernOutlets"].GetProperty("target").GetInt32(),
            targets["modernOutlets"].GetProperty("current").GetInt32(), targets["modernOutlets"].GetProperty("remaining").GetInt32()));
        var green = Committed(DemoDataFiles.SortingCenters).GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))
            .Count(p => Operating(p) && p.GetProperty("greenCertified").GetBoolean());
        Assert.Equal((12, green), (targets["greenSortingCenters"].GetProperty("target").GetInt32(), targets["greenSortingCenters"].GetProperty("current").GetInt32()));
        Assert.Equal("第42项 健全再生资源回收网络", targets["modernOutlets"].GetProperty("citation").GetProperty("item").GetString());
        var districts = s.GetProperty("districts").EnumerateArray().ToList();
        Assert.Equal(120, districts.Sum(d => d.GetProperty("fairShareSeats").GetInt32()));
        Assert.InRange(districts.Sum(d => d.GetProperty("fairShare").GetDecimal()), 119.9m, 120.1m);
        Assert.Equal(DemoOutlets(Operating).Count(), s.GetProperty("haul").GetProperty("outlets").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/coverage?minutes=abc", "minutes")]
    [InlineData("/api/coverage?minutes=0", "minutes")]
    [InlineData("/api/coverage?speedKmh=-1", "speedKmh")]
    [InlineData("/api/life-circles?circuity=0.5", "circuity")]
    [InlineData("/api/life-circles?streetBufferM=0", "streetBufferM")]
    [InlineData("/api/coverage/gaps?snapDistanceM=1e9", "snapDistanceM")]
    [InlineData("/api/scorecard?year=1999", "year")]
    [InlineData("/api/scorecard?haulLimitKm=x", "haulLimitKm")]
    public async Task Bad_parameters_are_named(string url, string field)
    {
        var r = await demo.Factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(field, (await r.ReadJsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unknown_policy_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await demo.Factory.CreateClient().GetAsync("/api/scorecard?policy=atlantis")).StatusCode);
    }
}
