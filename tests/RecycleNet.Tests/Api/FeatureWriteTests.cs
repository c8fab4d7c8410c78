using System.Globalization;
using System.Net;

namespace RecycleNet.Tests.Api;

public class FeatureWriteTests
{
    private static string Community(double lon, double lat, string name = "新小区", int households = 800) =>
        string.Create(CultureInfo.InvariantCulture, $$$"""{"type":"Feature","geometry":{"type":"Point","coordinates":[{{{lon}}},{{{lat}}}]},"properties":{"name":"{{{name}}}","households":{{{households}}}}}""");

    [Fact]
    public async Task Post_put_delete_a_community_with_its_district_found_by_point_in_polygon()
    {
        using var f = new ServiceFactory();
        var planner = f.Planner();
        // A point inside 市中区 by construction: its polygon's interior point.
        var shizhong = RecycleNet.Core.Demo.DemoDataFiles.ReadDistricts(RepoPaths.DemoData).Single(d => d.Adcode == "370103");
        var inside = shizhong.Geometry.InteriorPoint;
        var created = await planner.PostAsync("/api/communities", Json.GeoJson(Community(inside.X, inside.Y)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var feature = await created.ReadJsonAsync();
        var id = feature.GetProperty("id").GetInt64();
        Assert.Equal($"/api/communities/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("市中区", feature.GetProperty("properties").GetProperty("district").GetString());

        var put = await planner.PutCurrentAsync($"/api/communities/{id}", Json.GeoJson(Community(117.02, 36.66, "改名小区", 900)));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var read = await (await planner.GetAsync($"/api/communities/{id}")).ReadJsonAsync();
        Assert.Equal(900, read.GetProperty("properties").GetProperty("households").GetInt32());
        Assert.Equal("改名小区", read.GetProperty("properties").GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await planner.DeleteCurrentAsync($"/api/communities/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await planner.GetAsync($"/api/communities/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await planner.DeleteCurrentAsync($"/api/communities/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_invalid_PUT_changes_nothing()
    {
        using var f = new ServiceFactory();
        var planner = f.Planner();
        var before = (await planner.GetAsync("/api/communities/10")).Content.ReadAsStringAsync();
        var r = await planner.PutCurrentAsync("/api/communities/10", Json.GeoJson(Community(117.02, 36.66, households: -3)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var error = (await r.ReadJsonAsync()).GetProperty("errors")[0];
        Assert.Equal("households", error.GetProperty("field").GetString());
        Assert.Equal(await before, await (await planner.GetAsync("/api/communities/10")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_community_served_by_a_mobile_station_cannot_be_deleted()
    {
        using var f = new ServiceFactory();
        var planner = f.Planner();
        var outlets = await (await planner.GetAsync("/api/outlets")).ReadJsonAsync();
        var served = outlets.GetProperty("features").EnumerateArray()
            .Select(o => o.GetProperty("properties").GetProperty("servedCommunities")).First(s => s.GetArrayLength() > 0)[0].GetInt64();
        var r = await planner.DeleteCurrentAsync($"/api/communities/{served}");
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        Assert.Contains("mobile station", (await r.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync($"/api/communities/{served}")).StatusCode);
    }

    [Fact]
    public async Task Sorting_centre_and_outlet_writes_validate_their_enums()
    {
        using var f = new ServiceFactory();
        var planner = f.Planner();
        var centre = """{"type":"Feature","geometry":{"type":"Point","coordinates":[117.1,36.7]},"properties":{"name":"新中心","status":"运营","capacityTonnesPerDay":120,"greenCertified":true}}""";
        var ok = await (await planner.PostAsync("/api/sorting-centers", Json.GeoJson(centre))).ReadJsonAsync();
        Assert.Equal("operating", ok.GetProperty("properties").GetProperty("status").GetString());

        var outlet = """{"type":"Feature","geometry":{"type":"Point","coordinates":[117.1,36.7]},"properties":{"name":"坏网点","kind":"flying","status":"operating"}}""";
        var bad = await planner.PostAsync("/api/outlets", Json.GeoJson(outlet));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var e = (await bad.ReadJsonAsync()).GetProperty("errors")[0];
        Assert.Equal("kind", e.GetProperty("field").GetString());
        Assert.Equal("must be one of fixed|mobile, got 'flying'", e.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_problem()
    {
        using var f = new ServiceFactory(seedDemo: false);
        var r = await f.Planner().PostAsync("/api/communities", Json.GeoJson("{not json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var problem = await r.ReadJsonAsync();
        Assert.StartsWith("is not valid JSON", problem.GetProperty("detail").GetString());
        Assert.Equal("body", problem.GetProperty("field").GetString());
    }
}
