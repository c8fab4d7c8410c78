namespace RecycleNet.Core.Geography;

/// <summary>
/// Conversions between WGS84 and the two obfuscated datums Chinese web maps use:
/// GCJ-02 (Amap, Tencent; "火星坐标") and BD-09 (Baidu, GCJ-02 plus a further offset).
/// All coordinates are (longitude, latitude) in decimal degrees.
/// </summary>
/// <remarks>
/// The forward formulas (WGS84 -> GCJ-02 -> BD-09) are the widely published ones. They have no
/// closed-form inverse, so the inverses here iterate (fixed-point on the forward formula) until
/// the forward image of the answer is within 1e-10 degrees (about 0.01 mm) of the input:
/// round trips are exact to well under a millimetre, far inside the 0.5 m the product promises.
/// Outside China's rough bounding box GCJ-02 applies no offset, as the published algorithm does.
/// Each call is O(1); inverses take a handful of iterations.
/// </remarks>
public static class ChinaCoordinates
{
    // Krasovsky 1940 ellipsoid, which the GCJ-02 algorithm is defined on.
    private const double A = 6378245.0;
    private const double Ee = 0.00669342162296594323;
    private const double XPi = Math.PI * 3000.0 / 180.0;
    private const double Tolerance = 1e-10;
    private const int MaxIterations = 30;

    /// <summary>True when the point lies outside the box in which GCJ-02 applies an offset.</summary>
    public static bool OutOfChina(double lon, double lat) =>
        lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;

    public static (double Lon, double Lat) Wgs84ToGcj02(double lon, double lat)
    {
        if (OutOfChina(lon, lat)) return (lon, lat);
        var (dLon, dLat) = Offset(lon, lat);
        return (lon + dLon, lat + dLat);
    }

    public static (double Lon, double Lat) Gcj02ToWgs84(double lon, double lat)
    {
        if (OutOfChina(lon, lat)) return (lon, lat);
        return Invert(Wgs84ToGcj02, lon, lat);
    }

    public static (double Lon, double Lat) Gcj02ToBd09(double lon, double lat)
    {
        var z = Math.Sqrt(lon * lon + lat * lat) + 0.00002 * Math.Sin(lat * XPi);
        var theta = Math.Atan2(lat, lon) + 0.000003 * Math.Cos(lon * XPi);
        return (z * Math.Cos(theta) + 0.0065, z * Math.Sin(theta) + 0.006);
    }

    public static (double Lon, double Lat) Bd09ToGcj02(double lon, double lat) =>
        Invert(Gcj02ToBd09, lon, lat);

    public static (double Lon, double Lat) Wgs84ToBd09(double lon, double lat)
    {
        var g = Wgs84ToGcj02(lon, lat);
        return Gcj02ToBd09(g.Lon, g.Lat);
    }

    public static (double Lon, double Lat) Bd09ToWgs84(double lon, double lat)
    {
        var g = Bd09ToGcj02(lon, lat);
        return Gcj02ToWgs84(g.Lon, g.Lat);
    }

    /// <summary>
    /// Finds p with forward(p) == target. Both offsets are small (under 0.02 degrees) and vary slowly,
    /// so p_{k+1} = p_k + (target - forward(p_k)) converges geometrically from p_0 = target.
    /// </summary>
    private static (double Lon, double Lat) Invert(
        Func<double, double, (double Lon, double Lat)> forward, double lon, double lat)
    {
        double x = lon, y = lat;
        for (var i = 0; i < MaxIterations; i++)
        {
            var f = forward(x, y);
            double ex = lon - f.Lon, ey = lat - f.Lat;
            if (Math.Abs(ex) < Tolerance && Math.Abs(ey) < Tolerance) break;
            x += ex;
            y += ey;
        }
        return (x, y);
    }

    private static (double DLon, double DLat) Offset(double lon, double lat)
    {
        var dLat = TransformLat(lon - 105.0, lat - 35.0);
        var dLon = TransformLon(lon - 105.0, lat - 35.0);
        var radLat = lat / 180.0 * Math.PI;
        var magic = Math.Sin(radLat);
        magic = 1 - Ee * magic * magic;
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (A * (1 - Ee) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (A / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLon, dLat);
    }

    private static double TransformLat(double x, double y)
    {
        var ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x));
        ret += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320.0 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double TransformLon(double x, double y)
    {
        var ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x));
        ret += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
