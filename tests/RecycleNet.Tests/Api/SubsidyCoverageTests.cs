using System.Net;
using System.Text;
using System.Text.Json;
using RecycleNet.Core.Geography;

namespace RecycleNet.Tests.Api;

/// <summary>Planned outlets with a location: the households they would newly cover, checked by really adding the outlet.</summary>
public class SubsidyCoverageTests
{
    private static string Request(double lon, double lat, string? crs = null) => JsonSerializer.Serialize(new
    {
        policy = "jinan-2024",
        applicationWindow = new { from = "2024-06-01", to = "2024-12-31" },
        crs,
        applicant = new { mofcomRegistered = true, directOutletCount = 12, smallestDirectOutletAreaM2 = 12, boxTrucks = 6 },
        fixedOutlets = new object[]
        {
            new { id = "F1", areaM2 = 40, builtOn = "2024-08-01", directlyOperated = true, location = new { lon, lat } },
            new { id = "F2", areaM2 = 40, builtOn = "2024-08-01", directlyOperated = true },
        },
    });

    private static async Task<JsonElement> EstimateAsync(HttpClient client, string json)
    {
        var r = await client.PostAsync("/api/subsidies/estimate", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.ReadJsonAsync();
    }

    [Fact]
    public async Task The_gain_equals_the_coverage_change_when_the_outlet_is_really_added()
    {
        using var f = new ServiceFactory();
        var client = f.CreateClient();
        // The largest uncovered community: an outlet at its door covers it at least.
        var gaps = await (await client.GetAsync("/api/coverage/gaps")).ReadJsonAsync();
        var largest = gaps.GetProperty("features")[0];
        var at = largest.GetProperty("geometry").GetProperty("coordinates");
        var (lon, lat) = (at[0].GetDouble(), at[1].GetDouble());
        var households = largest.GetProperty("properties").GetProperty("households").GetInt64();

        var a = await EstimateAsync(client, Request(lon, lat));
        var item = a.GetProperty("items")[0].GetProperty("coverageGain");
        var gained = item.GetProperty("newlyCoveredHouseholds").GetInt64();
        Assert.InRange(gained, households, long.MaxValue);
        Assert.Equal("straightLine", item.GetProperty("method").GetString());
        Assert.Equal(Math.Round(8000m / gained, 2), item.GetProperty("yuanPerNewlyCoveredHousehold").GetDecimal());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("items")[1].GetProperty("coverageGain").ValueKind); // no location given
        var total = a.GetProperty("coverageGain");
        Assert.Equal(gained, total.GetProperty("newlyCoveredHouseholds").GetInt64());

        // Add the outlet for real and score again: the coverage must move by exactly the gain.
        var before = (await (await client.GetAsync("/api/coverage")).ReadJsonAsync()).GetProperty("city").GetProperty("coveredHouseholds").GetInt64();
        Assert.Equal(before, total.GetProperty("before").GetProperty("coveredHouseholds").GetInt64());
        var outlet = JsonSerializer.Serialize(new
        {
            type = "Feature", geometry = new { type = "Point", coordinates = new[] { lon, lat } },
            properties = new { name = "拟建网点", kind = "fixed", status = "operating" },
        });
        Assert.Equal(HttpStatusCode.Created, (await f.Planner().PostAsync("/api/outlets", Json.GeoJson(outlet))).StatusCode);
        var after = (await (await client.GetAsync("/api/coverage")).ReadJsonAsync()).GetProperty("city").GetProperty("coveredHouseholds").GetInt64();
        Assert.Equal(before + gained, after);
        Assert.Equal(after, total.GetProperty("after").GetProperty("coveredHouseholds").GetInt64());
    }

    [Fact]
    public async Task A_location_in_GCJ02_is_converted_before_measuring()
    {
        using var f = new ServiceFactory();
        var client = f.CreateClient();
        var gaps = await (await client.GetAsync("/api/coverage/gaps")).ReadJsonAsync();
        var at = gaps.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates");
        var (lon, lat) = (at[0].GetDouble(), at[1].GetDouble());
        var (gLon, gLat) = ChinaCoordinates.Wgs84ToGcj02(lon, lat); // what Amap would show: some 500 m off
        var wgs = await EstimateAsync(client, Request(lon, lat));
        var gcj = await EstimateAsync(client, Request(gLon, gLat, "GCJ-02"));
        static string Gain(JsonElement a) => a.GetProperty("coverageGain").GetRawText();
        Assert.True(wgs.GetProperty("coverageGain").GetProperty("newlyCoveredHouseholds").GetInt64() > 0);
        Assert.Equal(Gain(wgs), Gain(gcj));
        var bad = await client.PostAsync("/api/subsidies/estimate", new StringContent(Request(lon, lat, "EPSG:9999"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("crs", (await bad.ReadJsonAsync()).GetProperty("field").GetString());
    }
}
