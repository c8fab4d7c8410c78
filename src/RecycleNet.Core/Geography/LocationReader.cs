using System.Globalization;
using System.Text.Json;
using RecycleNet.Core.Input;

namespace RecycleNet.Core.Geography;

/// <summary>
/// A point given as { "lon": x, "lat": y } or a GeoJSON Point, in the request's declared CRS (WGS84 unless it says
/// otherwise, as RFC 7946 does), converted to WGS84 and required to lie in China.
/// </summary>
public static class LocationReader
{
    /// <summary>The CRS a body declares for its coordinates ("crs"): WGS84 when it declares none, as RFC 7946 has it.</summary>
    public static DeclaredCrs Crs(JsonFieldReader r, JsonElement root)
    {
        if (r.Text(root, "", "crs") is not { } text) return DeclaredCrs.Wgs84;
        if (DeclaredCrs.TryParse(text, out var crs)) return crs;
        r.Fail("crs", $"'{JsonFieldReader.Clip(text)}' is not a supported CRS; use {DeclaredCrs.Accepted}", $"不支持坐标系“{JsonFieldReader.Clip(text)}”；可用：{DeclaredCrs.Accepted}");
        return DeclaredCrs.Wgs84;
    }

    /// <summary>The "lon" and "lat" members of <paramref name="e"/> (a what-if's or a plan's change), as a WGS84 point in China.</summary>
    public static NetTopologySuite.Geometries.Point? LonLat(JsonFieldReader r, JsonElement e, string path, DeclaredCrs crs)
    {
        var lon = JsonFieldReader.Member(e, "lon");
        var lat = JsonFieldReader.Member(e, "lat");
        if (lon is not { } lonValue || lat is not { } latValue || !JsonFieldReader.Finite(lonValue, out var a) || !JsonFieldReader.Finite(latValue, out var b))
        {
            r.Fail($"{path}.lon", "lon and lat are required finite numbers (in the body's crs, WGS84 by default)", "经度（lon）和纬度（lat）必填，须为有限的数字（按请求所声明的坐标系，默认 WGS84）");
            return null;
        }
        var (x, y) = crs.ToWgs84(a, b);
        if (ChinaExtent.Contains(x, y)) return new NetTopologySuite.Geometries.Point(x, y);
        r.Fail($"{path}.lon", ChinaExtent.LooksSwapped(x, y) ? new Reason("lon and lat look swapped", "经纬度似乎写反了")
            : new Reason("the point is not in China", "该点不在中国境内"));
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
                r.Fail(at, "must be a GeoJSON Point { \"type\": \"Point\", \"coordinates\": [lon, lat] } or { \"lon\": x, \"lat\": y } with finite numbers",
                    "须为 GeoJSON 点 { \"type\": \"Point\", \"coordinates\": [经度, 纬度] } 或 { \"lon\": 经度, \"lat\": 纬度 }，且为有限的数字");
                return null;
            }
        }
        else if (loc.TryGetProperty("lon", out var lon) && loc.TryGetProperty("lat", out var lat)
                 && JsonFieldReader.Finite(lon, out x) && JsonFieldReader.Finite(lat, out y)) { }
        else
        {
            r.Fail(at, "must be { \"lon\": x, \"lat\": y } with numbers, or a GeoJSON Point", "须为 { \"lon\": 经度, \"lat\": 纬度 }（数字）或 GeoJSON 点");
            return null;
        }
        var (wLon, wLat) = crs.ToWgs84(x, y);
        if (ChinaExtent.Contains(wLon, wLat)) return (wLon, wLat);
        var given = string.Create(CultureInfo.InvariantCulture, $"({x}, {y})");
        r.Fail(at, ChinaExtent.LooksSwapped(wLon, wLat)
            ? new Reason($"{given} looks like latitude, longitude; give longitude first", $"{given} 看起来是 纬度, 经度；请把经度放在前面")
            : new Reason($"{given} in {crs} is not in China", $"按 {crs} 坐标系，{given} 不在中国境内"));
        return null;
    }
}
