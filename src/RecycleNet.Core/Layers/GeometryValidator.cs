using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Input;
using RecycleNet.Core.Import;

namespace RecycleNet.Core.Layers;

/// <summary>
/// Checks a row's geometry against its layer and declared CRS and converts it to WGS84:
/// present and of the right type, finite, inside China (or recognisably lat/lon-swapped), valid polygons.
/// </summary>
public static class GeometryValidator
{
    /// <summary>The WGS84 geometry, or null after adding the reason to <paramref name="errors"/>.</summary>
    public static Geometry? ToWgs84(ImportRow row, LayerDefinition layer, DeclaredCrs crs, List<ImportError> errors)
    {
        void Fail(string reason, string? zh = null) => errors.Add(new ImportError(row.Index, "geometry", reason, zh));
        var g = row.Geometry;
        if (g is null)
        {
            var why = row.GeometryError ?? (layer.IsPoint
                ? new Reason("is missing: give a GeoJSON Point or lon/lat (x/y) columns", "缺少坐标：请给出 GeoJSON 点或 经度/纬度 两列")
                : new Reason("is missing: give a GeoJSON Polygon or MultiPolygon", "缺少图形：请给出 GeoJSON 面（Polygon 或 MultiPolygon）"));
            Fail(why.En, why.Zh);
            return null;
        }
        if (g.IsEmpty) { Fail("is empty", "图形为空"); return null; }
        if (layer.IsPoint && g is not Point) { Fail($"must be a Point for {layer.Name}, got {g.GeometryType}", $"此图层须为点（Point），实际为 {g.GeometryType}"); return null; }
        if (!layer.IsPoint && g is not (Polygon or MultiPolygon))
        {
            Fail($"must be a Polygon or MultiPolygon for {layer.Name}, got {g.GeometryType}", $"此图层须为面（Polygon 或 MultiPolygon），实际为 {g.GeometryType}");
            return null;
        }

        foreach (var c in g.Coordinates)
        {
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y)) { Fail("has a coordinate that is not a finite number", "有坐标不是有限的数字"); return null; }
            if (crs.IsProjected) continue;
            if (ChinaExtent.LooksSwapped(c.X, c.Y))
            {
                Fail($"latitude and longitude look swapped: ({F(c.X)}, {F(c.Y)}) is outside China but ({F(c.Y)}, {F(c.X)}) is inside; GeoJSON and lon/lat columns put longitude first",
                    $"经纬度似乎写反了：({F(c.X)}, {F(c.Y)}) 在中国境外，而 ({F(c.Y)}, {F(c.X)}) 在境内；GeoJSON 和 经度/纬度 列都是经度在前");
                return null;
            }
            if (!ChinaExtent.Contains(c.X, c.Y))
            {
                Fail($"coordinates ({F(c.X)}, {F(c.Y)}) are outside China (longitude {F(ChinaExtent.MinLon)}-{F(ChinaExtent.MaxLon)}, latitude {F(ChinaExtent.MinLat)}-{F(ChinaExtent.MaxLat)}); declared CRS {crs.Name}",
                    $"坐标 ({F(c.X)}, {F(c.Y)}) 在中国境外；所声明的坐标系为 {crs.Name}");
                return null;
            }
        }

        var converted = CoordinateTransform.Apply(g, crs.ToWgs84, 4326);
        if (crs.IsProjected)
        {
            var c = converted.Coordinates.FirstOrDefault(c => !ChinaExtent.Contains(c.X, c.Y));
            if (c is not null)
            {
                Fail($"in {crs.Name} this lands at ({F(c.X)}, {F(c.Y)}), outside China: is the CRS right?",
                    $"按 {crs.Name} 换算后位于 ({F(c.X)}, {F(c.Y)})，在中国境外：坐标系选对了吗？");
                return null;
            }
        }
        if (!layer.IsPoint)
        {
            var error = new IsValidOp(converted).ValidationError;
            if (error is not null)
            {
                // NTS names the defect in English only (Self-intersection, Ring Self-intersection …): the Chinese says where, and quotes it.
                Fail($"is not a valid polygon: {error.Message} near ({F(error.Coordinate.X)}, {F(error.Coordinate.Y)})",
                    $"不是有效的面：在 ({F(error.Coordinate.X)}, {F(error.Coordinate.Y)}) 附近有 {error.Message}（如边界自相交）");
                return null;
            }
        }
        return converted;
    }

    private static string F(double d) => d.ToString("0.######", CultureInfo.InvariantCulture);
}
