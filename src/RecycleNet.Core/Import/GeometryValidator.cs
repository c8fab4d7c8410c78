using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Layers;

namespace RecycleNet.Core.Import;

/// <summary>
/// Checks a row's geometry against its layer and declared CRS and converts it to WGS84:
/// present and of the right type, finite, inside China (or recognisably lat/lon-swapped), valid polygons.
/// </summary>
public static class GeometryValidator
{
    /// <summary>The WGS84 geometry, or null after adding the reason to <paramref name="errors"/>.</summary>
    public static Geometry? ToWgs84(ImportRow row, LayerDefinition layer, DeclaredCrs crs, List<ImportError> errors)
    {
        void Fail(string reason) => errors.Add(new ImportError(row.Index, "geometry", reason));
        var g = row.Geometry;
        if (g is null)
        {
            Fail(row.GeometryError ?? (layer.IsPoint
                ? "is missing: give a GeoJSON Point or lon/lat (x/y) columns"
                : "is missing: give a GeoJSON Polygon or MultiPolygon"));
            return null;
        }
        if (g.IsEmpty) { Fail("is empty"); return null; }
        if (layer.IsPoint && g is not Point) { Fail($"must be a Point for {layer.Name}, got {g.GeometryType}"); return null; }
        if (!layer.IsPoint && g is not (Polygon or MultiPolygon)) { Fail($"must be a Polygon or MultiPolygon for {layer.Name}, got {g.GeometryType}"); return null; }

        foreach (var c in g.Coordinates)
        {
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y)) { Fail("has a coordinate that is not a finite number"); return null; }
            if (crs.IsProjected) continue;
            if (ChinaExtent.LooksSwapped(c.X, c.Y))
            {
                Fail($"latitude and longitude look swapped: ({F(c.X)}, {F(c.Y)}) is outside China but ({F(c.Y)}, {F(c.X)}) is inside; GeoJSON and lon/lat columns put longitude first");
                return null;
            }
            if (!ChinaExtent.Contains(c.X, c.Y))
            {
                Fail($"coordinates ({F(c.X)}, {F(c.Y)}) are outside China (longitude {F(ChinaExtent.MinLon)}-{F(ChinaExtent.MaxLon)}, latitude {F(ChinaExtent.MinLat)}-{F(ChinaExtent.MaxLat)}); declared CRS {crs.Name}");
                return null;
            }
        }

        var converted = CoordinateTransform.Apply(g, crs.ToWgs84, 4326);
        if (crs.IsProjected)
        {
            var c = converted.Coordinates.FirstOrDefault(c => !ChinaExtent.Contains(c.X, c.Y));
            if (c is not null)
            {
                Fail($"in {crs.Name} this lands at ({F(c.X)}, {F(c.Y)}), outside China: is the CRS right?");
                return null;
            }
        }
        if (!layer.IsPoint)
        {
            var error = new IsValidOp(converted).ValidationError;
            if (error is not null) { Fail($"is not a valid polygon: {error.Message} near ({F(error.Coordinate.X)}, {F(error.Coordinate.Y)})"); return null; }
        }
        return converted;
    }

    private static string F(double d) => d.ToString("0.######", CultureInfo.InvariantCulture);
}
