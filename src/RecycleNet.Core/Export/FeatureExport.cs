using RecycleNet.Core.Features;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Layers;

namespace RecycleNet.Core.Export;

/// <summary>
/// What every download of a collection shares: the feature id, then the collection's properties in schema order,
/// geometry in the chosen CRS written east first (files are read in GIS order by GDAL, QGIS, ArcGIS and Excel
/// users alike, whatever the CRS's official axis order), and numbers, booleans and dates as their own types.
/// </summary>
public static class FeatureExport
{
    /// <summary>Point layers get coordinate columns (lon/lat, or x/y in metres); others a WKT column.</summary>
    public static IReadOnlyList<string> GeometryColumns(CollectionInfo c, OutputCrs crs) =>
        c.GeometryType != "point" ? ["wkt"] : crs.IsProjected ? ["x", "y"] : ["lon", "lat"];

    /// <summary>One row's cells: id, properties (lists joined by ';', dates as yyyy-MM-dd), geometry columns.</summary>
    public static IEnumerable<object?> Cells(CollectionInfo c, FeatureRecord f, OutputCrs crs)
    {
        yield return f.Id;
        foreach (var field in c.Fields)
        {
            var v = f[field.Name];
            yield return v is DateOnly or string or null or bool or int or long or double or decimal ? v : PropertyValues.Text(v);
        }
        var g = crs.FromWgs84EastFirst(f.Geometry);
        if (c.GeometryType == "point")
        {
            var p = g as NetTopologySuite.Geometries.Point;
            yield return p is null || p.IsEmpty ? null : Math.Round(p.X, crs.Decimals);
            yield return p is null || p.IsEmpty ? null : Math.Round(p.Y, crs.Decimals);
        }
        else yield return g.IsEmpty ? null : new NetTopologySuite.IO.WKTWriter { MaxCoordinatesPerLine = int.MaxValue }.Write(Round(g, crs.Decimals));
    }

    public static IReadOnlyList<string> Header(CollectionInfo c, OutputCrs crs) =>
        [.. c.Fields.Select(f => f.Name).Prepend("id"), .. GeometryColumns(c, crs)];

    private static NetTopologySuite.Geometries.Geometry Round(NetTopologySuite.Geometries.Geometry g, int decimals) =>
        NetTopologySuite.Precision.GeometryPrecisionReducer.Reduce(g, new NetTopologySuite.Geometries.PrecisionModel(Math.Pow(10, decimals)));
}
