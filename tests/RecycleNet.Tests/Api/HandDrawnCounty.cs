using System.Globalization;
using System.Net;

namespace RecycleNet.Tests.Api;

/// <summary>
/// Two small counties drawn by hand, loaded through the imports into a city of an empty service (Binzhou by default):
/// <code>
///   lon 118.00          118.05          118.10
///       +---------------+---------------+ lat 37.52
///       |  北镇 371603101 |  (no township) |        county 371603 沾化区 (test)
///       +---------------+---------------+ lat 37.46
///       |  西镇 371602101 |  东镇 371602102 |        county 371602 滨城区 (test)
///       +---------------+---------------+ lat 37.40
/// </code>
/// Each cell is about 4.4 km (east-west) by 6.7 km (north-south).
/// </summary>
public static class HandDrawnCounty
{
    public const string City = "binzhou";

    public static string Box(double w, double s, double e, double n) => string.Create(CultureInfo.InvariantCulture,
        $$$"""{"type":"Polygon","coordinates":[[[{{{w}}},{{{s}}}],[{{{e}}},{{{s}}}],[{{{e}}},{{{n}}}],[{{{w}}},{{{n}}}],[{{{w}}},{{{s}}}]]]}""");

    public static string Feature(string geometry, string properties) => $$$"""{"type":"Feature","geometry":{{{geometry}}},"properties":{{{{properties}}}}}""";

    public static string Point(double lon, double lat) =>
        string.Create(CultureInfo.InvariantCulture, $$$"""{"type":"Point","coordinates":[{{{lon}}},{{{lat}}}]}""");

    public static string Collection(params string[] features) => $$$"""{"type":"FeatureCollection","features":[{{{string.Join(",", features)}}}]}""";

    public static async Task LoadAsync(HttpClient planner, string city = City)
    {
        await ImportAsync(planner, city, "districts", Collection(
            Feature(Box(118.00, 37.40, 118.10, 37.46), "\"name\":\"滨城区\",\"adcode\":\"371602\",\"population\":100000,\"avgHouseholdSize\":2.5"),
            Feature(Box(118.00, 37.46, 118.10, 37.52), "\"name\":\"沾化区\",\"adcode\":\"371603\",\"population\":50000,\"avgHouseholdSize\":2.5")));
        await ImportAsync(planner, city, "townships", Collection(
            Feature(Box(118.00, 37.40, 118.05, 37.46), "\"name\":\"西镇\",\"code\":\"371602101\""),
            Feature(Box(118.05, 37.40, 118.10, 37.46), "\"name\":\"东镇\",\"code\":\"371602102\""),
            Feature(Box(118.00, 37.46, 118.05, 37.52), "\"name\":\"北镇\",\"code\":\"371603101\"")));
    }

    public static async Task<HttpResponseMessage> ImportAsync(HttpClient planner, string city, string layer, string body, bool expectOk = true)
    {
        var r = await planner.PostAsync($"/cities/{city}/api/import/{layer}?crs=WGS84", Json.GeoJson(body));
        if (expectOk) Assert.True(r.StatusCode == HttpStatusCode.OK, $"{layer}: {await r.Content.ReadAsStringAsync()}");
        return r;
    }
}
