using NetTopologySuite.Geometries;

namespace RecycleNet.Core.Geography;

/// <summary>
/// A CRS features can be served in, named by its OGC URI, with coordinates in the CRS's own axis order as
/// OGC API – Features Part 2 requires: EPSG:4326 and EPSG:4490 are latitude, longitude; the CGCS2000
/// Gauss-Kruger zones are northing, easting; CRS84, EPSG:3857, GCJ-02 and BD-09 are x/longitude first.
/// GCJ-02 and BD-09 have no EPSG code, so they are served under this service's own URNs.
/// </summary>
public sealed class OutputCrs
{
    private readonly Func<double, double, (double, double)> _fromWgs84;
    private readonly Func<double, double, (double, double)> _toWgs84;

    private OutputCrs(string uri, string title, bool projected, Func<double, double, (double, double)> fromWgs84,
        Func<double, double, (double, double)> toWgs84, string? wkt, bool northFirst, params string[] aliases)
    {
        Uri = uri; Title = title; IsProjected = projected; _fromWgs84 = fromWgs84; _toWgs84 = toWgs84; Wkt = wkt; NorthFirst = northFirst; Aliases = aliases;
    }

    /// <summary>The CRS as OGC WKT 1 with its EPSG authority (for .prj files and GeoPackages); null for GCJ-02 and BD-09.</summary>
    public string? Wkt { get; }

    /// <summary>The CRS's first axis points north (EPSG:4326, 4490, the Gauss-Kruger zones): swapped back for files.</summary>
    public bool NorthFirst { get; }

    /// <summary>
    /// A WGS84 geometry in this CRS in GIS order (east first), as files (Shapefile, GeoPackage, CSV) are read by
    /// GDAL, QGIS and ArcGIS whatever the CRS's official axis order.
    /// </summary>
    public Geometry FromWgs84EastFirst(Geometry g) => ReferenceEquals(this, Crs84) ? g
        : CoordinateTransform.Apply(g, NorthFirst ? (lon, lat) => { var (a, b) = _fromWgs84(lon, lat); return (b, a); } : _fromWgs84);

    public string Uri { get; }
    public string Title { get; }

    /// <summary>Metres (projected) rather than degrees.</summary>
    public bool IsProjected { get; }

    /// <summary>The EPSG code, for EPSG CRSs; null for CRS84, GCJ-02 and BD-09.</summary>
    public int? Epsg => Uri.StartsWith("http://www.opengis.net/def/crs/EPSG/0/", StringComparison.Ordinal)
        ? int.Parse(Uri[(Uri.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Short names also accepted in crs and bbox-crs, e.g. EPSG:4490.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Decimals written: 7 for degrees (~1 cm), 2 for metres.</summary>
    public int Decimals => IsProjected ? 2 : 7;

    public const string Crs84Uri = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private const string Wgs84Wkt = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]]," +
        "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4326\"]]";

    public static readonly OutputCrs Crs84 = new(Crs84Uri, "WGS 84 longitude, latitude (CRS84)", false, (x, y) => (x, y), (x, y) => (x, y),
        Wgs84Wkt, false, "CRS84", "OGC:CRS84", "WGS84");

    private static readonly OutputCrs Epsg4326 = new(EpsgUri(4326), "WGS 84 latitude, longitude (EPSG:4326)", false,
        (lon, lat) => (lat, lon), (lat, lon) => (lon, lat), Wgs84Wkt, true, "EPSG:4326");

    // CGCS2000 and WGS84 differ by centimetres; the service stores one and serves both (see DeclaredCrs).
    private static readonly OutputCrs Epsg4490 = new(EpsgUri(4490), "CGCS2000 latitude, longitude (EPSG:4490)", false,
        (lon, lat) => (lat, lon), (lat, lon) => (lon, lat),
        "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]]," +
        "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4490\"]]", true, "EPSG:4490", "CGCS2000");

    private static readonly OutputCrs WebMercator = new(EpsgUri(3857), "Web Mercator (EPSG:3857)", true, ToWebMercator,
        (x, y) => DeclaredCrs.WebMercator.ToWgs84(x, y),
        "PROJCS[\"WGS 84 / Pseudo-Mercator\"," + Wgs84Wkt + ",PROJECTION[\"Mercator_1SP\"],PARAMETER[\"central_meridian\",0]," +
        "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]," +
        "AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH]," +
        "EXTENSION[\"PROJ4\",\"+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs\"]," +
        "AUTHORITY[\"EPSG\",\"3857\"]]", false, "EPSG:3857");

    public const string Gcj02Uri = "urn:recyclenet:def:crs:GCJ-02";
    public const string Bd09Uri = "urn:recyclenet:def:crs:BD-09";

    private static readonly OutputCrs Gcj02 = new(Gcj02Uri, "GCJ-02 longitude, latitude (Amap, Tencent base maps)", false,
        ChinaCoordinates.Wgs84ToGcj02, ChinaCoordinates.Gcj02ToWgs84, null, false, "GCJ02", "GCJ-02");

    private static readonly OutputCrs Bd09 = new(Bd09Uri, "BD-09 longitude, latitude (Baidu base maps)", false,
        ChinaCoordinates.Wgs84ToBd09, ChinaCoordinates.Bd09ToWgs84, null, false, "BD09", "BD-09");

    /// <summary>The CRSs served for data around <paramref name="zone"/>: CRS84 first (the default), the local zone among them.</summary>
    public static IReadOnlyList<OutputCrs> Supported(LocalProjection zone) =>
    [
        Crs84, Epsg4326, Epsg4490, WebMercator,
        new(EpsgUri(zone.Epsg), $"CGCS2000 / 3-degree Gauss-Kruger zone {zone.Zone}, northing, easting (EPSG:{zone.Epsg})", true,
            (lon, lat) => { var (x, y) = zone.Project(lon, lat); return (y, x); },
            (n, e) => zone.Unproject(e, n), zone.Wkt, true, $"EPSG:{zone.Epsg}"),
        Gcj02, Bd09,
    ];

    /// <summary>The supported CRS named by a URI or an alias (case-insensitive), or null.</summary>
    public static OutputCrs? Find(IReadOnlyList<OutputCrs> supported, string name) => supported.FirstOrDefault(c =>
        c.Uri.Equals(name, StringComparison.OrdinalIgnoreCase) || c.Aliases.Any(a => a.Equals(name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>A WGS84 position in this CRS, in its axis order.</summary>
    public (double A, double B) FromWgs84(double lon, double lat) => _fromWgs84(lon, lat);

    /// <summary>A position given in this CRS's axis order, back to WGS84 (lon, lat).</summary>
    public (double Lon, double Lat) ToWgs84(double a, double b) => _toWgs84(a, b);

    /// <summary>A WGS84 geometry in this CRS (a copy; CRS84 returns the same instance).</summary>
    public Geometry FromWgs84(Geometry g) => ReferenceEquals(this, Crs84) ? g : CoordinateTransform.Apply(g, _fromWgs84);

    /// <summary>
    /// A box given in this CRS (its axis order) as the WGS84 envelope that holds it: the edges are sampled,
    /// since a projected box's edges are curves in degrees.
    /// </summary>
    public Envelope ToWgs84(double minA, double minB, double maxA, double maxB)
    {
        if (ReferenceEquals(this, Crs84)) return new Envelope(minA, maxA, minB, maxB);
        var env = new Envelope();
        const int steps = 16;
        for (var i = 0; i <= steps; i++)
        {
            var t = (double)i / steps;
            foreach (var (a, b) in new[] { (minA + t * (maxA - minA), minB), (minA + t * (maxA - minA), maxB), (minA, minB + t * (maxB - minB)), (maxA, minB + t * (maxB - minB)) })
            {
                var (lon, lat) = _toWgs84(a, b);
                env.ExpandToInclude(lon, lat);
            }
        }
        return env;
    }

    private static string EpsgUri(int code) => $"http://www.opengis.net/def/crs/EPSG/0/{code}";

    /// <summary>WGS84 degrees to Web Mercator metres (EPSG:3857), latitude clamped to the square world.</summary>
    public static (double X, double Y) ToWebMercator(double lon, double lat)
    {
        const double r = 6378137.0;
        var clamped = Math.Clamp(lat, -85.05112878, 85.05112878);
        return (r * lon * Math.PI / 180, r * Math.Log(Math.Tan(Math.PI / 4 + clamped * Math.PI / 360)));
    }

    public override string ToString() => Uri;
}
