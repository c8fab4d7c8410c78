using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace RecycleNet.Core.Geography;

/// <summary>
/// A CGCS2000 3-degree Gauss-Kruger zone (EPSG:4513-4533, zones 25-45, central meridians 75°E-135°E,
/// false easting = zone * 1,000,000 + 500,000 m) used to measure lengths and areas in metres.
/// Built with ProjNet. Input longitudes/latitudes are WGS84 or CGCS2000, which differ by centimetres:
/// no datum shift is applied between them.
/// </summary>
public sealed class LocalProjection
{
    public const int FirstZone = 25;
    public const int LastZone = 45;
    private const int FirstZoneEpsg = 4513;

    private readonly MathTransform _forward;
    private readonly MathTransform _inverse;

    private LocalProjection(int zone, int centralMeridian, int epsg, string wkt)
    {
        Zone = zone;
        CentralMeridian = centralMeridian;
        Epsg = epsg;
        Wkt = wkt;
        var cs = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(wkt);
        var transform = new CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(cs.GeographicCoordinateSystem, cs);
        _forward = transform.MathTransform;
        _inverse = transform.MathTransform.Inverse();
    }

    /// <summary>The projection as OGC WKT 1 (with its EPSG authority for the CGCS2000 zones), for .prj files and GeoPackages.</summary>
    public string Wkt { get; }

    /// <summary>Zone number (25-45); the easting carries it as its leading digits. 0 for a projection outside China.</summary>
    public int Zone { get; }

    /// <summary>Central meridian in degrees east.</summary>
    public int CentralMeridian { get; }

    /// <summary>EPSG code of the zone-prefixed CRS, e.g. 4527 for zone 39 (Jinan); 0 outside China (no EPSG code).</summary>
    public int Epsg { get; }

    /// <summary>The zone whose central meridian is nearest the longitude (3-degree zones: round(lon / 3)).</summary>
    public static LocalProjection ForLongitude(double lon)
    {
        var zone = (int)Math.Round(lon / 3.0, MidpointRounding.AwayFromZero);
        if (zone < FirstZone || zone > LastZone)
            throw new ArgumentOutOfRangeException(nameof(lon), lon, "Longitude is outside China's Gauss-Kruger zones (73.5°E-136.5°E).");
        return ForZone(zone);
    }

    /// <summary>
    /// A metric projection for any area: the Gauss-Kruger zone inside China, elsewhere (e.g. a foreign OSM
    /// extract used in tests) a transverse Mercator on the nearest 3-degree meridian, scale 1, without an EPSG code.
    /// </summary>
    public static LocalProjection ForArea(double lon)
    {
        if (double.IsNaN(lon) || lon < -180 || lon > 180) throw new ArgumentOutOfRangeException(nameof(lon), lon, "Longitude must lie in -180..180.");
        var zone = (int)Math.Round(lon / 3.0, MidpointRounding.AwayFromZero);
        if (zone is >= FirstZone and <= LastZone) return ForZone(zone);
        return Foreign.GetOrAdd(zone * 3, cm => new LocalProjection(0, cm, 0, WktOf($"Transverse Mercator {cm}E", cm, 500_000, "")));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, LocalProjection> Foreign = new();

    public static LocalProjection ForZone(int zone)
    {
        if (zone < FirstZone || zone > LastZone)
            throw new ArgumentOutOfRangeException(nameof(zone), zone, "CGCS2000 3-degree zones run from 25 to 45.");
        return Cache[zone - FirstZone].Value;
    }

    /// <summary>The zone for an EPSG code of 4513-4533, or null when the code is not one of them.</summary>
    public static LocalProjection? ForEpsg(int epsg) =>
        epsg >= FirstZoneEpsg && epsg <= FirstZoneEpsg + (LastZone - FirstZone)
            ? ForZone(FirstZone + epsg - FirstZoneEpsg) : null;

    private static readonly Lazy<LocalProjection>[] Cache =
        Enumerable.Range(FirstZone, LastZone - FirstZone + 1)
            .Select(z => new Lazy<LocalProjection>(() => new LocalProjection(z, z * 3, FirstZoneEpsg + z - FirstZone,
                WktOf($"CGCS2000 / 3-degree Gauss-Kruger zone {z}", z * 3, z * 1_000_000L + 500_000L,
                    $",AUTHORITY[\"EPSG\",\"{FirstZoneEpsg + z - FirstZone}\"]")))).ToArray();

    /// <summary>Longitude/latitude (degrees) to easting/northing (metres).</summary>
    public (double X, double Y) Project(double lon, double lat) => _forward.Transform(lon, lat);

    /// <summary>Easting/northing (metres) to longitude/latitude (degrees).</summary>
    public (double Lon, double Lat) Unproject(double x, double y) => _inverse.Transform(x, y);

    /// <summary>A projected copy of a lon/lat geometry (metres). O(vertices).</summary>
    public Geometry Project(Geometry lonLat) => CoordinateTransform.Apply(lonLat, Project, Epsg);

    /// <summary>A lon/lat copy of a projected geometry. O(vertices).</summary>
    public Geometry Unproject(Geometry projected) => CoordinateTransform.Apply(projected, Unproject, 4326);

    /// <summary>Straight-line (grid) distance in metres between two lon/lat points.</summary>
    public double DistanceM(double lon1, double lat1, double lon2, double lat2)
    {
        var (x1, y1) = Project(lon1, lat1);
        var (x2, y2) = Project(lon2, lat2);
        return Math.Sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1));
    }

    /// <summary>Area in square metres of a lon/lat polygonal geometry.</summary>
    public double AreaM2(Geometry lonLat) => Project(lonLat).Area;

    /// <summary>Length in metres of a lon/lat lineal geometry (perimeter for polygons).</summary>
    public double LengthM(Geometry lonLat) => Project(lonLat).Length;

    private static string WktOf(string name, int centralMeridian, long falseEasting, string authority) =>
        $"PROJCS[\"{name}\"," +
        "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\"," +
        "SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0]," +
        "UNIT[\"degree\",0.0174532925199433]]," +
        "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0]," +
        $"PARAMETER[\"central_meridian\",{centralMeridian}],PARAMETER[\"scale_factor\",1]," +
        $"PARAMETER[\"false_easting\",{falseEasting}],PARAMETER[\"false_northing\",0]," +
        $"UNIT[\"metre\",1]{authority}]";
}
