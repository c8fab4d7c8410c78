using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.SiteSelection;

/// <summary>Candidate sites on a square grid (metres, aligned to multiples of the spacing) inside the city's districts.</summary>
public static class DistrictGrid
{
    /// <returns>Each grid point in projected metres and in WGS84 degrees. O(area / spacing²).</returns>
    public static List<(double X, double Y, double Lon, double Lat)> Points(CitySnapshot city, LocalProjection projection, double spacingM)
    {
        var list = new List<(double, double, double, double)>();
        foreach (var d in city.Districts)
        {
            var shape = projection.Project(d.Geometry);
            var prepared = PreparedGeometryFactory.Prepare(shape);
            var env = shape.EnvelopeInternal;
            for (var x = Math.Ceiling(env.MinX / spacingM) * spacingM; x <= env.MaxX; x += spacingM)
                for (var y = Math.Ceiling(env.MinY / spacingM) * spacingM; y <= env.MaxY; y += spacingM)
                    if (prepared.Covers(new Point(x, y)))
                    {
                        var (lon, lat) = projection.Unproject(x, y);
                        list.Add((x, y, lon, lat));
                    }
        }
        return list;
    }

    /// <summary>The districts' total area in square metres, measured in the city's local projection.</summary>
    public static double AreaM2(CitySnapshot city)
    {
        var projection = LocalProjection.ForArea(city.CentreLongitude());
        return city.Districts.Sum(d => projection.Project(d.Geometry).Area);
    }

    /// <summary>About how many points <see cref="Points"/> would give (area / spacing², per district), without making them. O(districts).</summary>
    public static long EstimateCount(CitySnapshot city, double spacingM)
    {
        var projection = LocalProjection.ForArea(city.CentreLongitude());
        return city.Districts.Sum(d => (long)Math.Ceiling(projection.Project(d.Geometry).Area / (spacingM * spacingM)));
    }
}
