using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace RecycleNet.Tests.Api;

/// <summary>
/// POST /api/network keeps a city's area of an OSM file (issue 17: a provincial extract is read as the city's streets
/// plus a margin): by default its districts' outline + 5 km, kept with the stored file for restarts and other instances.
/// </summary>
public class NetworkClipApiTests
{
    private static StringContent Osm(string xml) => new(xml, Encoding.UTF8, "application/xml");

    /// <summary>Two OSM grids in one file, the second's ids moved past the first's, nodes of both before the ways.</summary>
    private static string TwoCities(string first, string second)
    {
        var moved = Regex.Replace(second, "(id|ref)=\"(\\d+)\"", m => $"{m.Groups[1].Value}=\"{long.Parse(m.Groups[2].Value) + 1_000_000}\"");
        static IEnumerable<string> Lines(string xml, string element) => xml.Split('\n').Where(l => l.TrimStart().StartsWith($"<{element} "));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"test\">\n"
               + string.Join("\n", Lines(first, "node").Concat(Lines(moved, "node")).Concat(Lines(first, "way")).Concat(Lines(moved, "way")))
               + "\n</osm>\n";
    }

    [Fact]
    public async Task A_file_beyond_the_city_keeps_the_city_and_its_margin_across_restarts()
    {
        using var service = new ServiceFactory(); // Jinan's demo: its districts are the outline
        var planner = service.Planner();
        var jinan = NetworkApiTests.GridOsm(117.0, 36.67, 11, 100); // 220 edges in the city
        var both = TwoCities(jinan, NetworkApiTests.GridOsm(121.48, 31.23, 11, 100)); // and 220 in Shanghai

        var r = await planner.PostAsync("/api/network?name=two.osm", Osm(both));
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var info = await r.ReadJsonAsync();
        Assert.Equal(220, info.GetProperty("edges").GetInt32());
        var clip = info.GetProperty("osm").GetProperty("clip");
        Assert.Equal(5000, clip.GetProperty("marginM").GetDouble());
        Assert.Equal(121, clip.GetProperty("nodesOutside").GetInt64());
        Assert.Equal(22, clip.GetProperty("waysOutside").GetInt64());
        Assert.Equal(0, clip.GetProperty("waysCut").GetInt64());

        // Another instance (a restart) keeps the same area from the store, not from the districts of the day.
        using (var again = new ServiceFactory(folder: service.Folder))
        {
            var kept = await (await again.CreateClient().GetAsync("/api/network")).ReadJsonAsync();
            Assert.Equal(220, kept.GetProperty("edges").GetInt32());
            Assert.Equal(22, kept.GetProperty("osm").GetProperty("clip").GetProperty("waysOutside").GetInt64());
        }

        // clip=none keeps the whole file; a margin is a planner's choice.
        var whole = await (await planner.PostAsync("/api/network?name=two.osm&clip=none", Osm(both))).ReadJsonAsync();
        Assert.Equal(440, whole.GetProperty("edges").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, whole.GetProperty("osm").GetProperty("clip").ValueKind);
        var wide = await (await planner.PostAsync("/api/network?name=two.osm&clip=outline&marginM=12000", Osm(both))).ReadJsonAsync();
        Assert.Equal((220, 12000.0), (wide.GetProperty("edges").GetInt32(), wide.GetProperty("osm").GetProperty("clip").GetProperty("marginM").GetDouble()));
    }

    [Fact]
    public async Task Another_citys_file_is_refused_saying_why_and_the_network_stays()
    {
        using var service = new ServiceFactory();
        var planner = service.Planner();
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync("/api/network?name=good.osm", Osm(NetworkApiTests.GridOsm(117.0, 36.67, 5, 100)))).StatusCode);
        var r = await planner.PostAsync("/api/network?name=shanghai.osm", Osm(NetworkApiTests.GridOsm(121.48, 31.23, 5, 100)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var problem = await r.ReadJsonAsync();
        Assert.Contains("No street of the file (10 read) lies within the area kept", problem.GetProperty("detail").GetString());
        Assert.Contains("传错了城市", problem.GetProperty("detailZh").GetString());
        Assert.Equal("good.osm", (await (await planner.GetAsync("/api/network")).ReadJsonAsync()).GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("clip=everything", "clip")]
    [InlineData("marginM=-1", "marginM")]
    [InlineData("marginM=50001", "marginM")]
    [InlineData("marginM=NaN", "marginM")]
    [InlineData("marginM=5km", "marginM")]
    [InlineData("clip=none&marginM=100", "marginM")]
    [InlineData("format=geojson&crs=EPSG:4527&clip=outline", "clip")]
    [InlineData("format=geojson&crs=EPSG:4527&marginM=100", "marginM")]
    public async Task A_bad_area_is_refused_naming_the_parameter(string query, string field)
    {
        using var service = new ServiceFactory();
        var r = await service.Planner().PostAsync("/api/network?" + query, Osm(NetworkApiTests.GridOsm(117.0, 36.67, 3, 100)));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(field, (await r.ReadJsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_city_without_districts_keeps_the_whole_file_unless_the_outline_is_asked_for()
    {
        using var service = new ServiceFactory(seedDemo: false);
        var planner = service.Planner();
        var far = NetworkApiTests.GridOsm(121.48, 31.23, 5, 100);
        var r = await planner.PostAsync("/api/network?clip=outline", Osm(far));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("clip", (await r.ReadJsonAsync()).GetProperty("field").GetString());
        Assert.Equal(40, (await (await planner.PostAsync("/api/network", Osm(far))).ReadJsonAsync()).GetProperty("edges").GetInt32());
    }
}
