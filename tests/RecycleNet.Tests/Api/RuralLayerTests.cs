using System.Net;
using System.Text.Json;
using static RecycleNet.Tests.Api.HandDrawnCounty;

namespace RecycleNet.Tests.Api;

/// <summary>
/// The rural layers (townships, villages, transfer stations, waste-sorting points) on the hand-drawn counties: where
/// each may lie, what it must refer to, and the field named when it is refused.
/// </summary>
public class RuralLayerTests
{
    private static async Task<(ServiceFactory F, HttpClient Planner)> CountyAsync()
    {
        var f = new ServiceFactory(seedDemo: false);
        var planner = f.Planner();
        await LoadAsync(planner);
        return (f, planner);
    }

    /// <summary>The (field, reason) pairs of a refused import or write.</summary>
    private static async Task<List<(string Field, string Reason)>> ErrorsAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var body = await r.ReadJsonAsync();
        return [.. body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString()!, e.GetProperty("reason").GetString()!))];
    }

    [Fact]
    public async Task Townships_take_their_county_from_the_code_and_refuse_bad_or_foreign_codes()
    {
        var (f, planner) = await CountyAsync();
        using var _ = f;
        var townships = await (await planner.GetAsync($"/cities/{City}/ogc/collections/townships/items")).ReadJsonAsync();
        var west = townships.GetProperty("features").EnumerateArray().Single(t => t.GetProperty("properties").GetProperty("code").GetString() == "371602101");
        Assert.Equal("滨城区", west.GetProperty("properties").GetProperty("district").GetString());

        var r = await ImportAsync(planner, City, "townships", Collection(
            Feature(Box(118.0, 37.4, 118.01, 37.41), "\"name\":\"短码\",\"code\":\"37160210\""),
            Feature(Box(118.0, 37.4, 118.01, 37.41), "\"name\":\"外县\",\"code\":\"370102001\""),
            Feature(Box(118.0, 37.4, 118.01, 37.41), "\"name\":\"重码\",\"code\":\"371602101\""),
            Feature(Box(118.0, 37.4, 118.01, 37.41), "\"name\":\"十二位\",\"code\":\"371602103000\"")), expectOk: false);
        var errors = await ErrorsAsync(r);
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal("code", e.Field));
        Assert.Contains(errors, e => e.Reason.Contains("9-digit"));
        Assert.Contains(errors, e => e.Reason.Contains("370102 is not a district of this city"));
        Assert.Contains(errors, e => e.Reason.Contains("already exists"));
    }

    [Fact]
    public async Task Villages_are_placed_in_their_township_and_county_or_refused_naming_the_township()
    {
        var (f, planner) = await CountyAsync();
        using var _ = f;
        // Named no township: found by point-in-polygon; households from the county's household size.
        var placed = await ImportAsync(planner, City, "villages", Collection(Feature(Point(118.02, 37.43), "\"name\":\"甲村\",\"population\":500")));
        var village = (await (await planner.GetAsync($"/cities/{City}/api/villages")).ReadJsonAsync()).GetProperty("features")[0];
        Assert.Equal("西镇", village.GetProperty("properties").GetProperty("township").GetString());
        Assert.Equal("滨城区", village.GetProperty("properties").GetProperty("district").GetString());
        Assert.Equal(200, village.GetProperty("properties").GetProperty("households").GetInt32());
        // Sent back as read (township name and id), it is accepted.
        var id = village.GetProperty("id").GetInt64();
        var put = await planner.PutCurrentAsync($"/cities/{City}/api/villages/{id}", Json.GeoJson(village.GetRawText().Replace("甲村", "甲村（改）")));
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var errors = await ErrorsAsync(await ImportAsync(planner, City, "villages", Collection(
            Feature(Point(118.02, 37.43), "\"name\":\"乙村\",\"population\":300,\"township\":\"东镇\""),       // 2.6 km outside 东镇
            Feature(Point(118.02, 37.4595), "\"name\":\"丙村\",\"population\":300,\"township\":\"北镇\""),     // 55 m from 北镇, but in 滨城区
            Feature(Point(118.02, 37.43), "\"name\":\"丁村\",\"population\":300,\"township\":\"不存在镇\""),
            Feature(Point(118.08, 37.50), "\"name\":\"戊村\",\"population\":300")), expectOk: false));             // in 沾化区 but no township
        Assert.Equal(4, errors.Count);
        Assert.All(errors, e => Assert.Equal("township", e.Field));
        Assert.Contains(errors, e => e.Reason.Contains("outside township 东镇"));
        Assert.Contains(errors, e => e.Reason.Contains("township 北镇 is in 沾化区, but the point lies in 滨城区"));
        Assert.Contains(errors, e => e.Reason.Contains("不存在镇"));
        Assert.Contains(errors, e => e.Reason.Contains("lies in no township"));
        // A village outside every county is refused for its geometry, as every layer's points are.
        var outside = await ErrorsAsync(await ImportAsync(planner, City, "villages",
            Collection(Feature(Point(118.3, 37.43), "\"name\":\"远村\",\"population\":300")), expectOk: false));
        Assert.Contains(outside, e => e.Field == "geometry" && e.Reason.Contains("outside every district"));
    }

    [Fact]
    public async Task A_transfer_station_must_stand_in_a_township()
    {
        var (f, planner) = await CountyAsync();
        using var _ = f;
        await ImportAsync(planner, City, "transfer-stations", Collection(Feature(Point(118.07, 37.42), "\"name\":\"东镇中转站\",\"capacityTonnesPerDay\":20")));
        var station = (await (await planner.GetAsync($"/cities/{City}/api/transfer-stations")).ReadJsonAsync()).GetProperty("features")[0];
        Assert.Equal("东镇", station.GetProperty("properties").GetProperty("township").GetString());

        var errors = await ErrorsAsync(await ImportAsync(planner, City, "transfer-stations",
            Collection(Feature(Point(118.08, 37.50), "\"name\":\"无乡中转站\"")), expectOk: false));
        Assert.Equal(("township", true), (errors.Single().Field, errors.Single().Reason.Contains("no township")));
        // A city without townships says what to load first.
        var anqiu = await planner.PostAsync("/cities/anqiu/api/transfer-stations", Json.GeoJson(Feature(Point(119.2, 36.48), "\"name\":\"站\"")));
        var none = await ErrorsAsync(anqiu);
        Assert.Contains("import the townships layer first", none.Single().Reason);
    }

    [Fact]
    public async Task Waste_sorting_points_refer_to_a_community_or_a_village_of_their_city_and_lie_in_it()
    {
        var (f, planner) = await CountyAsync();
        using var _ = f;
        await ImportAsync(planner, City, "villages", Collection(Feature(Point(118.02, 37.43), "\"name\":\"甲村\",\"population\":500")));
        await ImportAsync(planner, City, "waste-sorting-points",
            Collection(Feature(Point(118.0201, 37.4301), "\"name\":\"甲村投放点\",\"kind\":\"投放亭\",\"village\":\"甲村\",\"两网融合\":true")));
        var point = (await (await planner.GetAsync($"/cities/{City}/api/waste-sorting-points")).ReadJsonAsync()).GetProperty("features")[0].GetProperty("properties");
        Assert.Equal("station", point.GetProperty("kind").GetString());
        Assert.True(point.GetProperty("takesRecyclables").GetBoolean());
        Assert.Equal(JsonValueKind.Number, point.GetProperty("villageId").ValueKind);

        var errors = await ErrorsAsync(await ImportAsync(planner, City, "waste-sorting-points", Collection(
            Feature(Point(118.02, 37.43), "\"name\":\"两者\",\"village\":\"甲村\",\"communityId\":1"),
            Feature(Point(118.02, 37.43), "\"name\":\"无村\",\"village\":\"乙村\""),
            Feature(Point(119.5, 37.0), "\"name\":\"城外\"")), expectOk: false));
        Assert.Contains(errors, e => e.Field == "communityId"); // community 1 is none of this city's
        Assert.Contains(errors, e => e.Field == "village" && e.Reason.Contains("no village is named '乙村'"));
        Assert.Contains(errors, e => e.Field == "geometry" && e.Reason.Contains("outside every district"));

        // The village cannot go while a point serves it.
        var villageId = point.GetProperty("villageId").GetInt64();
        var delete = await planner.DeleteCurrentAsync($"/cities/{City}/api/villages/{villageId}");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync($"/cities/{City}/api/villages/{villageId}")).StatusCode); // still there
    }

    /// <summary>
    /// Village V (118.02, 37.43) and a village outlet O 2.0 km north (118.02, 37.448): 2.6 km in a straight line × 1.3,
    /// served. The only road goes round: east 1.77 km, north 2.0 km, west 1.77 km — 5.5 km, not served once it is loaded.
    /// </summary>
    [Fact]
    public async Task The_tiers_and_hauls_measure_on_the_drivable_network_once_one_is_loaded()
    {
        var (f, planner) = await CountyAsync();
        using var _ = f;
        await ImportAsync(planner, City, "villages", Collection(Feature(Point(118.02, 37.43), "\"name\":\"甲村\",\"population\":500")));
        await ImportAsync(planner, City, "outlets", Collection(Feature(Point(118.02, 37.448), "\"name\":\"村级网点\",\"kind\":\"fixed\",\"tier\":\"村级\"")));
        async Task<JsonElement> TiersAsync() => await (await planner.GetAsync($"/cities/{City}/api/tiers")).ReadJsonAsync();
        var straight = await TiersAsync();
        Assert.True(straight.GetProperty("villages")[0].GetProperty("served").GetBoolean());
        Assert.StartsWith("straight line", straight.GetProperty("summary").GetProperty("method").GetString());

        const string osm = """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6">
              <node id="1" lat="37.430" lon="118.02"/><node id="2" lat="37.430" lon="118.04"/>
              <node id="3" lat="37.448" lon="118.04"/><node id="4" lat="37.448" lon="118.02"/>
              <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><tag k="highway" v="unclassified"/></way>
            </osm>
            """;
        var load = await planner.PostAsync($"/cities/{City}/api/network?name=county.osm", new StringContent(osm, System.Text.Encoding.UTF8, "application/xml"));
        Assert.True(load.IsSuccessStatusCode, await load.Content.ReadAsStringAsync());
        var roads = (await load.ReadJsonAsync()).GetProperty("roads");
        Assert.Equal(1, roads.GetProperty("edges").GetInt32());

        var network = await TiersAsync();
        var village = network.GetProperty("villages")[0];
        Assert.False(village.GetProperty("served").GetBoolean());
        Assert.StartsWith("road network county.osm", network.GetProperty("summary").GetProperty("method").GetString());
        var card = await (await planner.GetAsync($"/cities/{City}/api/scorecard")).ReadJsonAsync();
        Assert.Equal("network", card.GetProperty("haul").GetProperty("method").GetString());
        Assert.Equal(0, card.GetProperty("tiers").GetProperty("city").GetProperty("villagesServed").GetInt32());
        // Jinan's scorecard is still measured as before: the network is Binzhou's.
        var jinan = await (await planner.GetAsync("/api/scorecard")).ReadJsonAsync();
        Assert.Equal("straightLine", jinan.GetProperty("haul").GetProperty("method").GetString());
    }

    [Fact]
    public async Task A_township_with_villages_cannot_be_deleted_or_replaced()
    {
        var (f, planner) = await CountyAsync();
        using var _ = f;
        await ImportAsync(planner, City, "villages", Collection(Feature(Point(118.02, 37.43), "\"name\":\"甲村\",\"population\":500")));
        var west = (await (await planner.GetAsync($"/cities/{City}/ogc/collections/townships/items?code=371602101")).ReadJsonAsync())
            .GetProperty("features")[0].GetProperty("id").GetInt64();
        var before = await planner.GetStringAsync($"/cities/{City}/api/townships");
        Assert.Equal(HttpStatusCode.Conflict, (await planner.DeleteCurrentAsync($"/cities/{City}/api/townships/{west}")).StatusCode);
        var replace = await planner.PostAsync($"/cities/{City}/api/import/townships?crs=WGS84&mode=replace",
            Json.GeoJson(Collection(Feature(Box(118.0, 37.4, 118.1, 37.46), "\"name\":\"合并镇\",\"code\":\"371602100\""))));
        Assert.Equal(HttpStatusCode.Conflict, replace.StatusCode);
        Assert.Equal(before, await planner.GetStringAsync($"/cities/{City}/api/townships")); // both refused: the townships as they were
    }
}
