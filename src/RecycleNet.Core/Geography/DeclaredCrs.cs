using System.Globalization;
using System.Text.RegularExpressions;

namespace RecycleNet.Core.Geography;

/// <summary>
/// The coordinate reference system an import declares for its coordinates, with the conversion of
/// one (x, y) pair of that CRS to WGS84 longitude/latitude. Every import must declare one: mixing
/// GCJ-02 or BD-09 with WGS84 silently puts points hundreds of metres off.
/// </summary>
public sealed partial class DeclaredCrs
{
    private readonly Func<double, double, (double Lon, double Lat)> _toWgs84;

    private DeclaredCrs(string name, bool isProjected, Func<double, double, (double, double)> toWgs84)
    {
        Name = name;
        IsProjected = isProjected;
        _toWgs84 = toWgs84;
    }

    /// <summary>Canonical name: WGS84, GCJ02, BD09, EPSG:4490, EPSG:3857 or EPSG:45xx.</summary>
    public string Name { get; }

    /// <summary>True for CRSs whose coordinates are metres (x/y columns), false for degrees (lon/lat).</summary>
    public bool IsProjected { get; }

    public static readonly DeclaredCrs Wgs84 = new("WGS84", false, (x, y) => (x, y));
    public static readonly DeclaredCrs Gcj02 = new("GCJ02", false, ChinaCoordinates.Gcj02ToWgs84);
    public static readonly DeclaredCrs Bd09 = new("BD09", false, ChinaCoordinates.Bd09ToWgs84);
    // CGCS2000 and WGS84 differ by centimetres; treating them as one is the documented convention.
    public static readonly DeclaredCrs Cgcs2000 = new("EPSG:4490", false, (x, y) => (x, y));
    public static readonly DeclaredCrs WebMercator = new("EPSG:3857", true, WebMercatorToWgs84);

    /// <summary>What <see cref="TryParse"/> accepts, for error messages.</summary>
    public const string Accepted =
        "WGS84 (EPSG:4326, CRS84), GCJ02, BD09, EPSG:4490 (CGCS2000), EPSG:3857, or a CGCS2000 3-degree Gauss-Kruger zone EPSG:4513-4533";

    /// <summary>Converts one coordinate of this CRS to WGS84 (lon, lat) in degrees.</summary>
    public (double Lon, double Lat) ToWgs84(double x, double y) => _toWgs84(x, y);

    public override string ToString() => Name;

    /// <summary>Parses a CRS name, "EPSG:n", or an OGC CRS URI. Case-insensitive; "-" and "_" are ignored in names.</summary>
    public static bool TryParse(string? text, out DeclaredCrs crs)
    {
        crs = Wgs84;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        var uri = OgcUri().Match(t);
        if (uri.Success) t = uri.Groups["auth"].Value.Equals("OGC", StringComparison.OrdinalIgnoreCase)
            ? uri.Groups["code"].Value : "EPSG:" + uri.Groups["code"].Value;
        var key = t.Replace("-", "").Replace("_", "").ToUpperInvariant();
        switch (key)
        {
            case "WGS84" or "EPSG:4326" or "CRS84" or "4326": crs = Wgs84; return true;
            case "GCJ02" or "GCJ" or "AMAP" or "GAODE": crs = Gcj02; return true;
            case "BD09" or "BD09LL" or "BAIDU": crs = Bd09; return true;
            case "CGCS2000" or "EPSG:4490" or "4490": crs = Cgcs2000; return true;
            case "EPSG:3857" or "3857" or "EPSG:900913": crs = WebMercator; return true;
        }
        var m = EpsgCode().Match(key);
        if (!m.Success) return false;
        var zone = LocalProjection.ForEpsg(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        if (zone is null) return false;
        crs = new DeclaredCrs($"EPSG:{zone.Epsg}", true, zone.Unproject);
        return true;
    }

    private static (double, double) WebMercatorToWgs84(double x, double y)
    {
        const double r = 6378137.0;
        var lon = x / r * 180.0 / Math.PI;
        var lat = (2 * Math.Atan(Math.Exp(y / r)) - Math.PI / 2) * 180.0 / Math.PI;
        return (lon, lat);
    }

    [GeneratedRegex(@"^EPSG:(\d{4,5})$")]
    private static partial Regex EpsgCode();

    [GeneratedRegex(@"^https?://www\.opengis\.net/def/crs/(?<auth>EPSG|OGC)/[^/]+/(?<code>[A-Za-z0-9]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex OgcUri();
}
