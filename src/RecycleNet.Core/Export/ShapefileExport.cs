using System.IO.Compression;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Dbf.Fields;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;
using RecycleNet.Core.Features;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Layers;

namespace RecycleNet.Core.Export;

/// <summary>
/// A zipped Shapefile (.shp .shx .dbf .prj .cpg): UTF-8 attributes declared in the .cpg so Chinese names survive,
/// the CRS in the .prj. DBF names are at most 10 characters, so longer property names are cut (and numbered if two
/// would collide); <see cref="FieldNames"/> gives the mapping. Polygons are written as multi-part polygons.
/// </summary>
public static class ShapefileExport
{
    public static void Write(Stream zip, CollectionInfo c, IEnumerable<FeatureRecord> features, OutputCrs crs)
    {
        if (crs.Wkt is null) throw new ArgumentException($"{crs} has no WKT for a .prj", nameof(crs));
        var dir = Directory.CreateTempSubdirectory("shp-");
        try
        {
            var names = FieldNames(c);
            var fields = c.Fields.Select(f => Field(names[f.Name], f.Type, f.Name == c.DateField)).ToArray();
            var type = c.GeometryType == "point" ? ShapeType.Point : ShapeType.Polygon;
            var shp = Path.Combine(dir.FullName, c.Id + ".shp");
            using (var writer = Shapefile.OpenWrite(shp, new ShapefileWriterOptions(type, fields) { Encoding = Encoding.UTF8, Projection = crs.Wkt }))
            {
                foreach (var f in features)
                {
                    var g = crs.FromWgs84EastFirst(f.Geometry);
                    writer.Geometry = g is Polygon p ? new MultiPolygon([p]) : g;
                    for (var i = 0; i < fields.Length; i++) fields[i].Value = Value(f[c.Fields[i].Name], fields[i]);
                    writer.Write();
                }
            }
            File.WriteAllText(Path.Combine(dir.FullName, c.Id + ".cpg"), "UTF-8");
            using var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var file in Directory.EnumerateFiles(dir.FullName).Order())
                archive.CreateEntryFromFile(file, Path.GetFileName(file), CompressionLevel.Fastest);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Property name → DBF column name (≤ 10 characters, unique).</summary>
    public static IReadOnlyDictionary<string, string> FieldNames(CollectionInfo c)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var map = new Dictionary<string, string>();
        foreach (var f in c.Fields)
        {
            var name = f.Name.Length <= 10 ? f.Name : f.Name[..10];
            for (var k = 1; !used.Add(name); k++) name = f.Name[..(10 - k.ToString().Length)] + k;
            map[f.Name] = name;
        }
        return map;
    }

    private static DbfField Field(string name, string type, bool isDate) => isDate ? new DbfDateField(name) : type switch
    {
        "integer" => new DbfNumericInt32Field(name),
        "number" => new DbfNumericDoubleField(name),
        "boolean" => new DbfLogicalField(name),
        _ => new DbfCharacterField(name, 254),
    };

    private static object? Value(object? v, DbfField field) => (v, field) switch
    {
        (null, _) => null,
        (DateOnly d, DbfDateField) => d.ToDateTime(TimeOnly.MinValue),
        (_, DbfNumericInt32Field) => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture),
        (_, DbfNumericDoubleField) => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture),
        (bool b, DbfLogicalField) => b,
        _ => PropertyValues.Text(v),
    };
}
