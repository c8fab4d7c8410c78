using System.Globalization;
using System.Text.Json;
using RecycleNet.Core.Geography;

namespace RecycleNet.Api.Http;

/// <summary>
/// A point given as { "lon": x, "lat": y } or a GeoJSON Point, in the request's declared CRS (WGS84 unless it says
/// otherwise, as RFC 7946 does), converted to WGS84 and required to lie in China.
/// </summary>
public static class LocationReader
{
    /// <summary>The "lon" and "lat" members of <paramref name="e"/> (a what-if's or a plan's change), as a WGS84 point in China.</summary>
    public static NetTopologySuite.Geometries.Point? LonLat(JsonFieldReader r, JsonElement e, string path, DeclaredCrs crs)
    {
        var lon = JsonFieldReader.Member(e, "lon");
        var lat = JsonFieldReader.Member(e, "lat");
        if (lon is not { } lonValue || lat is not { } latValue || !JsonFieldReader.Finite(lonValue, out var a) || !JsonFieldReader.Finite(latValue, out var b))
        {
            r.Fail($"{path}.lon", "lon and lat are required finite numbers (in the body's crs, WGS84 by default)");
            return null;
        }
        var (x, y) = crs.ToWgs84(a, b);
        if (ChinaExtent.Contains(x, y)) return new NetTopologySuite.Geometries.Point(x, y);
        r.Fail($"{path}.lon", ChinaExtent.LooksSwapped(x, y) ? "lon and lat look swapped" : "the point is not in China");
        return null;
    }

    public static (double Lon, double Lat)? Read(JsonFieldReader r, JsonElement obj, string path, DeclaredCrs crs, string member = "location")
    {
        if (r.Object(obj, path, member) is not { } loc) return null;
        var at = $"{path}.{member}";
        double x, y;
        if (loc.TryGetProperty("coordinates", out var c))
        {
            if (!loc.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String || t.GetString() != "Point"
                || c.ValueKind != JsonValueKind.Array || c.GetArrayLength() < 2
                || !JsonFieldReader.Finite(c[0], out x) || !JsonFieldReader.Finite(c[1], out y))
            {
                r.Fail(at, "must be a GeoJSON Point { \"type\": \"Point\", \"coordinates\": [lon, lat] } or { \"lon\": x, \"lat\": y } with finite numbers");
                return null;
            }
        }
        else if (loc.TryGetProperty("lon", out var lon) && loc.TryGetProperty("lat", out var lat)
                 && JsonFieldReader.Finite(lon, out x) && JsonFieldReader.Finite(lat, out y)) { }
        else
        {
            r.Fail(at, "must be { \"lon\": x, \"lat\": y } with numbers, or a GeoJSON Point");
            return null;
        }
        var (wLon, wLat) = crs.ToWgs84(x, y);
        if (ChinaExtent.Contains(wLon, wLat)) return (wLon, wLat);
        var given = string.Create(CultureInfo.InvariantCulture, $"({x}, {y})");
        r.Fail(at, ChinaExtent.LooksSwapped(wLon, wLat)
            ? $"{given} looks like latitude, longitude; give longitude first"
            : $"{given} in {crs} is not in China");
        return null;
    }
}
